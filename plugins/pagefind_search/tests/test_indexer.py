"""Levels 1 and 2: reading Pagefind's report, and running the real binary over a tiny site."""

from __future__ import annotations

import json

import pytest

from pagefind_search import (
    STAGING_PREFIX,
    PagefindError,
    parse_summary,
    run_pagefind,
    stage_pages,
    start_pagefind,
)

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


def test_a_run_abandoned_by_a_failed_build_is_stopped_and_cleaned_up(tmp_path):
    site = tmp_path / "site"
    (site / "briefs" / "a").mkdir(parents=True)
    (site / "briefs" / "a" / "index.html").write_text(PAGE.format(title="A", text="Text."), encoding="utf-8")
    run = start_pagefind(site, ["briefs/a/index.html"], tmp_path / "cache")
    assert run.staging is not None
    assert run.staging.parent == tmp_path / "cache"
    run.abandon()
    assert run.process.returncode is not None
    assert list((tmp_path / "cache").iterdir()) == []


def test_pages_that_cannot_be_gathered_are_a_pagefind_error_and_leave_nothing(tmp_path):
    site = tmp_path / "site"
    (site / "briefs" / "a").mkdir(parents=True)
    (site / "briefs" / "a" / "index.html").write_text("<p>A</p>", encoding="utf-8")
    (tmp_path / "cache").write_text("a file where the cache folder should be")
    with pytest.raises(PagefindError, match="cannot gather the pages to index in"):
        start_pagefind(site, ["briefs/a/index.html"], tmp_path / "cache" / "inside")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "site"]
