"""Levels 1 and 2: reading Pagefind's report, and running the real binary over a tiny site."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from reality_check.plugins.pagefind_search import (
    STAGING_PREFIX,
    IndexPart,
    PagefindError,
    bundles_by_language,
    pagefind_command,
    pagefind_executable,
    parse_summary,
    plan_parts,
    run_pagefind,
    stage_pages,
    start_indexing,
    start_pagefind,
)
from reality_check.plugins.pagefind_search.settings import index_limits

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Site navigation</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p>
<a href="/topics/x/" data-pagefind-filter="topic">Politics</a></main></body></html>"""


def test_parse_summary_reads_counts_singular_or_plural():
    result = parse_summary(
        "Total:\n  Indexed 1 language\n  Indexed 1 page\n  Indexed 37 words\n  Indexed 2 filters\n"
    )
    assert (result.pages, result.words, result.filters) == (1, 37, 2)
    assert parse_summary("nothing here").pages == 0


def test_run_pagefind_indexes_only_marked_pages(tmp_path):
    for name, title, body in (("a", "Navalny brief", True), ("b", "Archive", False)):
        (tmp_path / name).mkdir()
        html = PAGE.format(title=title, text="Alexei Navalny returned to Moscow.")
        if not body:
            html = html.replace(" data-pagefind-body", "")
        (tmp_path / name / "index.html").write_text(html, encoding="utf-8")
    result = run_pagefind(tmp_path)
    assert result.pages == 1
    assert result.filters == 1
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1


def test_missing_site_is_a_clear_error(tmp_path):
    with pytest.raises(PagefindError, match="no built site to index"):
        run_pagefind(tmp_path / "nowhere")


def test_given_pages_pagefind_reads_only_those(tmp_path):
    """A card page carries the brief's card but is not a brief page, and a page left by an earlier build is no page
    of this one: neither is given, and neither is indexed."""
    site = tmp_path / "site"  # the pages' folder is made beside it, in tmp_path
    for folder, lang in (
        ("briefs/a", "en"),
        ("ru/briefs/b", "ru"),
        ("briefs/a/card", "en"),
        ("authors/x", "en"),
        ("briefs/deleted-since", "en"),
    ):
        (site / folder).mkdir(parents=True)
        html = PAGE.format(title=folder, text="Alexei Navalny returned to Moscow.").replace(
            'lang="en"', f'lang="{lang}"'
        )
        (site / folder / "index.html").write_text(html, encoding="utf-8")
    result = run_pagefind(
        site, ["briefs/a/index.html", "ru/briefs/b/index.html", "briefs/not-built/index.html"]
    )
    assert result.pages == 2
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert {lang: data["page_count"] for lang, data in entry["languages"].items()} == {"en": 1, "ru": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["site"], "the pages' folder was left behind"


def test_the_pages_given_are_linked_at_their_own_paths(tmp_path):
    site = tmp_path / "site"
    (site / "briefs" / "a").mkdir(parents=True)
    (site / "briefs" / "a" / "index.html").write_text("<p>A</p>", encoding="utf-8")
    staging = stage_pages(site, ["briefs/a/index.html", "briefs/gone/index.html"])
    assert staging.parent == tmp_path
    assert staging.name.startswith(STAGING_PREFIX)
    assert sorted(str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file()) == [
        "briefs/a/index.html"
    ]
    assert (staging / "briefs" / "a" / "index.html").stat().st_ino == (
        site / "briefs" / "a" / "index.html"
    ).stat().st_ino


@pytest.fixture
def pagefind_binary(monkeypatch):
    """Point the pagefind package at another binary (PAGEFIND_BINARY_PATH) for one test."""

    def use(path: Path) -> None:
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(path))
        pagefind_executable.cache_clear()

    yield use
    pagefind_executable.cache_clear()


@pytest.fixture
def slow_pagefind(tmp_path, pagefind_binary):
    """A stand-in for the binary that never finishes, for the tests that stop a run: the real one indexes a page in
    a few milliseconds and could finish before the test stops it. Call it to switch over."""
    slow = tmp_path / "slow-pagefind"
    slow.write_text("#!/bin/sh\nexec sleep 60\n")
    slow.chmod(0o755)
    return lambda: pagefind_binary(slow)


def test_a_stopped_run_says_so_and_removes_its_pages_folder(tmp_path, slow_pagefind):
    slow_pagefind()
    site = tmp_path / "site"
    (site / "briefs" / "a").mkdir(parents=True)
    (site / "briefs" / "a" / "index.html").write_text(PAGE.format(title="A", text="Text."), encoding="utf-8")
    run = start_pagefind(site, ["briefs/a/index.html"], tmp_path / "cache")
    assert run.staging is not None
    assert run.staging.parent == tmp_path / "cache"
    run.stop()
    with pytest.raises(PagefindError, match=r"pagefind failed on .*: exit status -9"):
        run.finish()
    assert run.process.returncode is not None
    assert list((tmp_path / "cache").iterdir()) == []


def test_the_binary_is_the_one_python_m_pagefind_runs():
    from pagefind.service import get_executable

    command = pagefind_command(Path("site"))
    assert Path(command[0]) == get_executable()
    assert os.access(command[0], os.X_OK)
    assert command[1:] == ["--site", "site"]


def test_a_binary_that_cannot_be_started_is_a_pagefind_error_and_leaves_nothing(tmp_path, pagefind_binary):
    pagefind_binary(tmp_path / "no-such-pagefind")
    site = tmp_path / "site"
    (site / "briefs" / "a").mkdir(parents=True)
    (site / "briefs" / "a" / "index.html").write_text("<p>A</p>", encoding="utf-8")
    with pytest.raises(PagefindError, match=r"cannot start pagefind: .*no-such-pagefind"):
        start_pagefind(site, ["briefs/a/index.html"], tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []


def test_pages_that_cannot_be_gathered_are_a_pagefind_error_and_leave_nothing(tmp_path):
    site = tmp_path / "site"
    (site / "briefs" / "a").mkdir(parents=True)
    (site / "briefs" / "a" / "index.html").write_text("<p>A</p>", encoding="utf-8")
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    with pytest.raises(PagefindError, match="cannot gather the pages to index in"):
        start_pagefind(site, ["briefs/a/index.html"], tmp_path / "cache" / "inside")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "site"]


def pages(count: int, language: str = "en") -> list[tuple[str, str]]:
    return [(f"{language}/briefs/{number:05}/index.html", language) for number in range(count)]


def test_an_archive_within_the_limit_is_one_index_in_pagefinds_own_folder():
    (part,) = plan_parts(pages(3000), 3000)
    assert part.bundle == "pagefind/"
    assert len(part.pages) == 3000
    assert plan_parts([], 3000) == (IndexPart("pagefind/", (), frozenset()),)


def test_a_larger_archive_is_cut_into_equal_parts_in_order_each_page_once():
    archive = pages(10_000)
    parts = plan_parts(archive, 3000)
    assert [part.bundle for part in parts] == [
        "pagefind/",
        "pagefind/part-2/",
        "pagefind/part-3/",
        "pagefind/part-4/",
    ]
    assert [len(part.pages) for part in parts] == [2500] * 4
    assert [page for part in parts for page in part.pages] == [path for path, _ in archive]
    assert len(plan_parts(pages(3001), 3000)) == 2


def test_each_language_is_spread_from_the_first_part_so_a_search_page_can_load_it():
    archive = pages(9, "en") + pages(2, "ru") + pages(1, "fr")
    parts = plan_parts(archive, 4)  # 12 pages: three parts
    assert [sorted(part.languages) for part in parts] == [["en", "fr", "ru"], ["en", "ru"], ["en"]]
    assert [len(part.pages) for part in parts] == [5, 4, 3]  # at most the limit plus one page a language
    assert bundles_by_language(parts) == {
        "en": ["pagefind/", "pagefind/part-2/", "pagefind/part-3/"],
        "fr": ["pagefind/"],
        "ru": ["pagefind/", "pagefind/part-2/"],
    }


def limits(per_part: object = 3000, most: object = None) -> tuple[int, int | None]:
    return index_limits({"PAGEFIND_PAGES_PER_INDEX": per_part, "PAGEFIND_MAX_PARTS": most})


@pytest.mark.parametrize("limit", [0, -1, 2.5, True, "many"])
def test_a_limit_that_is_not_a_whole_number_of_pages_is_refused_naming_the_setting(limit):
    with pytest.raises(
        ValueError,
        match=re.escape(
            f"PAGEFIND_PAGES_PER_INDEX must be a whole number, at least 1, not {limit!r} "
            "(set it in pelicanconf.py; the default is 3000)"
        ),
    ):
        limits(per_part=limit)


@pytest.mark.parametrize("most", [0, 2.5, True])
def test_a_most_parts_that_is_not_a_whole_number_is_refused_naming_the_setting(most):
    with pytest.raises(
        ValueError, match=re.escape(f"PAGEFIND_MAX_PARTS must be a whole number, at least 1, not {most!r}")
    ):
        limits(most=most)


def test_the_limits_are_read_as_every_whole_number_setting_is():
    """Digits given as text (`-e` may give them so) count, as for the project's other settings."""
    assert limits() == (3000, None)
    assert limits("500", "10") == (500, 10)


def test_parts_are_indexed_one_after_another_into_their_bundles(tmp_path):
    site = tmp_path / "site"
    for name in "abc":
        (site / "briefs" / name).mkdir(parents=True)
        (site / "briefs" / name / "index.html").write_text(
            PAGE.format(title=name, text="Words."), encoding="utf-8"
        )
    (site / "pagefind" / "part-9").mkdir(parents=True)  # a part of an earlier, larger build
    parts = plan_parts([(f"briefs/{name}/index.html", "en") for name in "abc"], 2)
    run = start_indexing(site, parts, tmp_path / "cache")
    result = run.finish()
    assert result.pages == 3
    counts = [
        json.loads((site / part.bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"][
            "en"
        ]
        for part in parts
    ]
    assert [count["page_count"] for count in counts] == [2, 1]
    assert not (site / "pagefind" / "part-9").exists()
    assert list((tmp_path / "cache").iterdir()) == []


def test_indexing_in_parts_abandoned_stops_and_leaves_no_pages_folder(tmp_path, slow_pagefind):
    slow_pagefind()
    site = tmp_path / "site"
    (site / "briefs" / "a").mkdir(parents=True)
    (site / "briefs" / "a" / "index.html").write_text(PAGE.format(title="A", text="Text."), encoding="utf-8")
    parts = plan_parts([("briefs/a/index.html", "en")] * 4, 1)
    run = start_indexing(site, parts, tmp_path / "cache")
    run.abandon()
    assert len(run.results) < len(parts)
    with pytest.raises(PagefindError, match="stopped before it finished"):
        run.finish()
    assert list(tmp_path.rglob(f"{STAGING_PREFIX}*")) == []


def test_any_failure_while_indexing_in_parts_is_a_pagefind_error(tmp_path, monkeypatch):
    import reality_check.plugins.pagefind_search.indexer as indexer

    def broken(*args, **kwargs):
        raise RuntimeError("a synthetic failure")

    (tmp_path / "site").mkdir()
    monkeypatch.setattr(indexer, "start_pagefind", broken)
    run = start_indexing(tmp_path / "site", plan_parts([("briefs/a/index.html", "en")], 3000))
    with pytest.raises(PagefindError, match="failed: RuntimeError: a synthetic failure"):
        run.finish()


@pytest.mark.parametrize(("count", "sizes"), [(250, [84, 84, 82]), (1000, [100] * 10), (2500, [250] * 10)])
def test_past_the_most_parts_the_parts_grow_instead(count, sizes):
    parts = plan_parts(pages(count), 100, max_parts=10)
    assert [len(part.pages) for part in parts] == sizes
    assert [page for part in parts for page in part.pages] == [path for path, _ in pages(count)]


def write_pages(site, texts: dict[str, str]) -> list[tuple[str, str]]:
    for name, text in texts.items():
        (site / "briefs" / name).mkdir(parents=True, exist_ok=True)
        (site / "briefs" / name / "index.html").write_text(
            PAGE.format(title=name, text=text), encoding="utf-8"
        )
    return [(f"briefs/{name}/index.html", "en") for name in texts]


def bundle_files(site, bundle: str) -> dict[str, tuple[bytes, int]]:
    folder = site / bundle
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).as_posix().startswith("part-")
    }


def words_indexed(site, bundle: str) -> set[str]:
    """Every word of the pages in a bundle, from its fragment files (what a search shows of each page)."""
    words = set()
    for fragment in (site / bundle / "fragment").glob("*.pf_fragment"):
        page = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd") :])
        words.update(page["content"].replace(".", " ").split())
    return words


def test_a_part_whose_pages_did_not_change_is_kept_and_an_edited_one_indexed_again(tmp_path):
    site, record = tmp_path / "site", tmp_path / "cache" / "pagefind_parts.json"
    pages = write_pages(site, {"a": "Alpha.", "b": "Bravo.", "c": "Charlie.", "d": "Delta.", "e": "Echo."})
    parts = plan_parts(pages, 2)  # pagefind/ (a, b), part-2 (c, d), part-3 (e)
    first = start_indexing(site, parts, tmp_path / "cache", record)
    first_result = first.finish()
    first_words = first_result.words
    assert first_result.pages == 5
    assert first.kept == []
    before = {part.bundle: bundle_files(site, part.bundle) for part in parts}

    write_pages(site, {"c": "Charlie edited, with a new word: zeppelin."})
    again = start_indexing(site, parts, tmp_path / "cache", record)
    result = again.finish()

    assert again.kept == ["pagefind/", "pagefind/part-3/"]
    assert result.pages == 5  # the kept parts' counts are the recorded ones
    assert result.words > first_words
    for bundle in again.kept:  # not written at all, not even with the same bytes
        assert bundle_files(site, bundle) == before[bundle]
    assert bundle_files(site, "pagefind/part-2/") != before["pagefind/part-2/"]
    assert "zeppelin" in words_indexed(site, "pagefind/part-2/")

    third = start_indexing(site, parts, tmp_path / "cache", record)
    third.finish()
    assert third.kept == [part.bundle for part in parts]  # nothing changed since: everything kept


def test_a_kept_part_is_indexed_again_when_its_bundle_was_changed_or_the_record_is_for_another_site(tmp_path):
    site, record = tmp_path / "site", tmp_path / "cache" / "pagefind_parts.json"
    parts = plan_parts(write_pages(site, {"a": "Alpha.", "b": "Bravo.", "c": "Charlie."}), 2)
    start_indexing(site, parts, tmp_path / "cache", record).finish()

    shutil.rmtree(site / "pagefind" / "part-2")  # someone removed a part
    (site / "pagefind" / "pagefind-entry.json").write_text("{}", encoding="utf-8")  # and damaged the first
    again = start_indexing(site, parts, tmp_path / "cache", record)
    assert again.finish().pages == 3
    assert again.kept == []
    assert json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]

    copy = tmp_path / "copy"
    shutil.copytree(site, copy)  # the same pages and bundles in another folder: that site has no record
    elsewhere = start_indexing(copy, parts, tmp_path / "cache", record)
    elsewhere.finish()
    assert elsewhere.kept == []


def test_without_a_record_every_part_is_indexed_and_nothing_is_recorded(tmp_path):
    site = tmp_path / "site"
    parts = plan_parts(write_pages(site, {"a": "Alpha.", "b": "Bravo."}), 1)
    for _ in range(2):
        run = start_indexing(site, parts, tmp_path / "cache")
        run.finish()
        assert run.kept == []
    assert list((tmp_path / "cache").iterdir()) == []


def test_the_first_part_edited_is_indexed_again_and_the_later_parts_kept(tmp_path):
    """The newest briefs are in the first part, the one edited most often: it is the main bundle, whose folder
    holds the other parts' folders, and those stay as they are."""
    site, record = tmp_path / "site", tmp_path / "cache" / "pagefind_parts.json"
    parts = plan_parts(write_pages(site, {"a": "Alpha.", "b": "Bravo.", "c": "Charlie.", "d": "Delta."}), 2)
    start_indexing(site, parts, tmp_path / "cache", record).finish()
    later = bundle_files(site, "pagefind/part-2/")

    write_pages(site, {"a": "Alpha edited: quokka."})
    run = start_indexing(site, parts, tmp_path / "cache", record)
    run.finish()
    assert run.kept == ["pagefind/part-2/"]
    assert bundle_files(site, "pagefind/part-2/") == later
    assert "quokka" in words_indexed(site, "pagefind/")


def test_a_run_stopped_or_failed_leaves_the_record_as_it_was(tmp_path, monkeypatch, slow_pagefind):
    import reality_check.plugins.pagefind_search.indexer as indexer

    site, record = tmp_path / "site", tmp_path / "cache" / "pagefind_parts.json"
    parts = plan_parts(write_pages(site, {"a": "Alpha.", "b": "Bravo.", "c": "Charlie."}), 1)
    start_indexing(site, parts, tmp_path / "cache", record).finish()
    recorded = record.read_bytes()

    write_pages(site, {"a": "Alpha edited.", "b": "Bravo edited.", "c": "Charlie edited."})
    slow_pagefind()
    stopped = start_indexing(site, parts, tmp_path / "cache", record)
    stopped.abandon()
    assert record.read_bytes() == recorded

    def broken(*args, **kwargs):
        raise RuntimeError("a synthetic failure")

    monkeypatch.setattr(indexer, "start_pagefind", broken)
    failed = start_indexing(site, parts, tmp_path / "cache", record)
    with pytest.raises(PagefindError):
        failed.finish()
    assert record.read_bytes() == recorded


def test_other_indexing_code_or_versions_index_every_part_again(tmp_path, monkeypatch):
    import reality_check.plugins.pagefind_search.indexer as indexer

    site, record = tmp_path / "site", tmp_path / "cache" / "pagefind_parts.json"
    parts = plan_parts(write_pages(site, {"a": "Alpha.", "b": "Bravo."}), 1)
    start_indexing(site, parts, tmp_path / "cache", record).finish()
    monkeypatch.setattr(indexer, "_INDEXING_CODE", "another Pagefind, or stable.py changed")
    run = start_indexing(site, parts, tmp_path / "cache", record)
    run.finish()
    assert run.kept == []


def test_a_brief_added_moves_the_parts_boundaries_and_every_moved_part_is_indexed_again(tmp_path):
    site, record = tmp_path / "site", tmp_path / "cache" / "pagefind_parts.json"
    texts = {"b": "Bravo.", "c": "Charlie.", "d": "Delta.", "e": "Echo."}
    start_indexing(site, plan_parts(write_pages(site, texts), 2), tmp_path / "cache", record).finish()

    pages = write_pages(site, {"a": "Alpha, the newest.", **texts})  # newest first, as the build orders them
    parts = plan_parts(pages, 2)  # (a, b), (c, d), (e): each part holds other pages than before
    run = start_indexing(site, parts, tmp_path / "cache", record)
    assert run.finish().pages == 5
    assert run.kept == []
    assert [page_count(site, part.bundle) for part in parts] == [2, 2, 1]


def page_count(site, bundle: str) -> int:
    return json.loads((site / bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]["en"][
        "page_count"
    ]
