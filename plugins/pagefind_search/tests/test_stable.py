"""Level 2: the real Pagefind binary, run repeatedly over one site, gives one byte-identical bundle."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil

import cbor2
import pytest

from reality_check.plugins.pagefind_search import UnexpectedBundleError, run_pagefind, stabilize_bundle

PAGE = """<!doctype html><html lang="{lang}"><head><title>{n}</title></head><body><main data-pagefind-body>
<h1>Synthetic brief {n}</h1><p>Invented text about {topic} and {region} for brief {n}.</p>
<span data-pagefind-filter="topic">{topic}</span><span data-pagefind-filter="region">{region}</span>
<span data-pagefind-filter="author">Author {n}</span></main></body></html>"""


def bundle_digest(site) -> dict[str, str]:
    folder = site / "pagefind"
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_repeated_indexing_gives_identical_bundles(tmp_path):
    source = tmp_path / "site"
    pages = [
        ("Alpha", "North", "en"),
        ("Beta", "South", "fr"),
        ("Gamma", "East", "de"),
        ("Alpha", "West", "en"),
    ]
    for n, (topic, region, lang) in enumerate(pages):  # languages too: Pagefind lists them from a hash map
        (source / str(n)).mkdir(parents=True)
        (source / str(n) / "index.html").write_text(
            PAGE.format(n=n, topic=topic, region=region, lang=lang), encoding="utf-8"
        )
    digests = []
    for run in range(4):  # unsorted hash maps would disagree within a few runs
        site = tmp_path / f"run{run}"
        shutil.copytree(source, site)
        run_pagefind(site)
        stabilize_bundle(site / "pagefind")
        digests.append(bundle_digest(site))
    assert all(d == digests[0] for d in digests)
    entry = json.loads((tmp_path / "run0" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = entry["languages"]["en"]["hash"]
    assert f"pagefind.{meta}.pf_meta" in digests[0]
    assert list(entry["languages"]) == ["de", "en", "fr"]
    assert len([name for name in digests[0] if name.startswith("filter/")]) == 3 * 3  # per language


def test_unexpected_file_is_reported(tmp_path):
    (tmp_path / "pagefind-entry.json").write_text('{"languages": {"en": {"hash": "en_0"}}}', encoding="utf-8")
    (tmp_path / "pagefind.en_0.pf_meta").write_bytes(gzip.compress(b"not pagefind"))
    with pytest.raises(UnexpectedBundleError, match="expected a Pagefind index file"):
        stabilize_bundle(tmp_path)


def test_a_metadata_index_of_another_layout_is_reported_with_what_was_expected(tmp_path):
    (tmp_path / "pagefind-entry.json").write_text('{"languages": {"en": {"hash": "en_0"}}}', encoding="utf-8")
    short = b"pagefind_dcd" + cbor2.dumps(["1.5.2", [], []])  # a Pagefind file, but three items, not six
    (tmp_path / "pagefind.en_0.pf_meta").write_bytes(gzip.compress(short))
    with pytest.raises(UnexpectedBundleError, match=r"a list of at least 6 items \(got list of 3\)"):
        stabilize_bundle(tmp_path)


def test_a_stable_bundle_is_left_as_it_is_and_no_old_file_is_left_behind(tmp_path):
    """The sorted files are written before the old ones are removed (a run stopped half-way leaves a whole
    bundle): a second pass over a stable bundle must not remove the files it would write under the same names."""
    site = tmp_path / "site"
    for n, (topic, region) in enumerate([("Alpha", "North"), ("Beta", "South"), ("Alpha", "East")]):
        (site / str(n)).mkdir(parents=True)
        (site / str(n) / "index.html").write_text(
            PAGE.format(n=n, topic=topic, region=region, lang="en"), encoding="utf-8"
        )
    run_pagefind(site)
    unsorted = set(bundle_digest(site))
    stabilize_bundle(site / "pagefind")
    stable = bundle_digest(site)
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = _read_meta(site / "pagefind" / f"pagefind.{entry['languages']['en']['hash']}.pf_meta")
    named = {f"filter/{file_hash}.pf_filter" for _, file_hash in meta[3]}
    assert {name for name in stable if name.startswith("filter/")} == named  # every old filter file removed
    assert len([name for name in stable if name.endswith(".pf_meta")]) == 1
    assert set(stable) - unsorted <= named | {f"pagefind.{entry['languages']['en']['hash']}.pf_meta"}

    stabilize_bundle(site / "pagefind")
    assert bundle_digest(site) == stable


def _read_meta(path):
    return cbor2.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
