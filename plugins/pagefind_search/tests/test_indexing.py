"""Level 2: one build's index, from its plan to ``finalized``, with the real Pagefind, kept apart from any other build's."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pytest

from reality_check.plugins.pagefind_search import handlers

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic</title></head>
<body><main data-pagefind-body><h1>Synthetic brief</h1><p>An invented treaty on paper boats.</p></main></body></html>
"""


def build(root: Path) -> SimpleNamespace:
    """The articles generator of a build into `root`/output whose one brief page is written."""
    page = root / "output/briefs/synthetic/index.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE, encoding="utf-8")
    settings = {"CACHE_PATH": str(root / "cache"), "DEFAULT_LANG": "en"}
    handlers.set_defaults(SimpleNamespace(settings=settings))
    brief = SimpleNamespace(save_as="briefs/synthetic/index.html", lang="en")
    lists = {"articles": [brief], "translations": [], "hidden_articles": [], "hidden_translations": []}
    generator = SimpleNamespace(settings=settings, context={}, output_path=str(root / "output"), **lists)
    handlers.begin(generator)  # as article_generator_init does
    return generator


@pytest.fixture(autouse=True)
def no_index_left():
    yield
    handlers.BUILDS.abandon()


def test_a_build_plans_its_parts_starts_pagefind_and_waits_for_it_at_its_end(tmp_path, caplog):
    generator = build(tmp_path)
    handlers.plan(generator)
    assert generator.context["PAGEFIND_BUNDLES"] == {"en": ["pagefind/"]}
    handlers.start(generator)
    with caplog.at_level(logging.INFO, logger=handlers.logger.name):
        handlers.finish(SimpleNamespace(settings={**generator.settings}))  # equal settings: another build's
        assert not caplog.records
        handlers.finish(SimpleNamespace(settings=generator.settings))
    assert [record.getMessage() for record in caplog.records] == [
        "Pagefind indexed 1 pages, 8 words, 0 filters"
    ]
    assert (tmp_path / "output/pagefind/pagefind-entry.json").is_file()
    assert len(handlers.BUILDS) == 0


def test_the_run_a_failed_build_left_is_stopped_by_the_next_build_and_never_awaited(tmp_path, caplog):
    failed = build(tmp_path / "failed")
    handlers.plan(failed)
    handlers.start(failed)
    left = handlers.BUILDS.get(lambda index: index.settings is failed.settings)
    # The build stopped with an error before ``finalized``; the devserver's next build plans its index.
    following = build(tmp_path / "next")
    handlers.plan(following)
    assert left.run.stopped
    assert left not in handlers.BUILDS
    with caplog.at_level(logging.INFO, logger=handlers.logger.name):
        handlers.finish(SimpleNamespace(settings=failed.settings))
        assert not caplog.records
        handlers.start(following)
        handlers.finish(SimpleNamespace(settings=following.settings))
    assert [record.levelname for record in caplog.records] == ["INFO"]
    assert (tmp_path / "next/output/pagefind/pagefind-entry.json").is_file()


def test_a_one_brief_preview_plans_and_starts_no_index(tmp_path):
    """The devserver's preview sends article_generator_finalized for a copy of the last build's generator holding
    the saved brief (editor/preview_session.py): no index is planned, started or left behind for it."""
    generator = build(tmp_path)
    handlers.plan(generator)
    handlers.start(generator)
    handlers.finish(SimpleNamespace(settings=generator.settings))
    alone = SimpleNamespace(**{**vars(generator), "settings": {**generator.settings}, "context": {}})
    handlers.plan(alone)
    handlers.start(alone)
    assert alone.context == {}
    assert len(handlers.BUILDS) == 0


def test_limits_that_are_not_whole_numbers_are_an_error_before_anything_is_read(tmp_path, caplog):
    generator = build(tmp_path)  # begun with the valid defaults
    generator.settings["PAGEFIND_PAGES_PER_INDEX"] = "many"
    handlers.begin(generator)
    assert [record.levelname for record in caplog.records] == ["ERROR"]
    assert "PAGEFIND_PAGES_PER_INDEX" in caplog.records[0].getMessage()
    assert handlers.this_build(generator) is None  # nothing is indexed


def test_the_search_page_leaves_the_sitemap_with_the_search_even_without_translations():
    """The search page is this plugin's: a site without brief_translations keeps it out of sitemap.xml too."""
    import re

    pelican = SimpleNamespace(settings={"SITEMAP": {"exclude": [r"^404\.html$"]}, "SEARCH_URL": "find/"})
    handlers.keep_the_search_page_out_of_the_sitemap(pelican)
    handlers.keep_the_search_page_out_of_the_sitemap(pelican)  # a second build adds nothing
    excluded = pelican.settings["SITEMAP"]["exclude"]
    assert len(excluded) == 2
    for url, listed in [("find/", False), ("find/index.html", False), ("search/", True), ("ru/find/", True)]:
        assert (not any(re.search(pattern, url) for pattern in excluded)) is listed, url


def test_search_finds_listed_briefs_only():
    """A hidden brief and its translation (`status: hidden`, shared by their addresses only) are left out of the
    index, as they are out of every listing; a published translation is indexed in its language."""

    def brief(slug: str, lang: str = "en") -> SimpleNamespace:
        return SimpleNamespace(save_as=f"briefs/{slug}/index.html", lang=lang)

    generator = SimpleNamespace(
        settings={"DEFAULT_LANG": "en"},
        articles=[brief("listed")],
        translations=[brief("listed-fr", "fr")],
        hidden_articles=[brief("hidden")],
        hidden_translations=[brief("hidden-fr", "fr")],
        drafts=[brief("draft")],
        drafts_translations=[],
    )
    assert handlers.brief_pages(generator) == [
        handlers.BriefPage("briefs/listed/index.html", "en"),
        handlers.BriefPage("briefs/listed-fr/index.html", "fr"),
    ]
