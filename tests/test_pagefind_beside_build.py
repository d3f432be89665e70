"""Level 3: Pagefind starts as soon as every brief page is written, beside the rest of the build, and the build
waits for it: the index covers every brief."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import (
    CONTENT,
    ROOT,
    SERIES_FIXTURES,
    add_to_registry,
    build_site,
    build_site_logged,
    copy_content,
)

import reality_check.plugins.pagefind_search.handlers as handlers


def test_pagefind_starts_after_the_brief_pages_and_before_the_listings(tmp_path, monkeypatch):
    seen: dict[str, list[str]] = {}
    start = handlers.start_indexing

    def recording_start(site: Path, parts, staging_parent=None, record=None):
        seen["at_start"] = sorted(str(p.relative_to(site)) for p in site.rglob("index.html"))
        seen["bundles"] = [part.bundle for part in parts]
        seen["pages"] = sorted(page for part in parts for page in part.pages)
        seen["staging_parent"] = staging_parent
        seen["record"] = record
        return start(site, parts, staging_parent, record)

    monkeypatch.setattr(handlers, "start_indexing", recording_start)
    output = build_site(
        CONTENT, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"), PAGEFIND_ENABLED=True
    )

    briefs = sorted(str(p.relative_to(output)) for p in (output / "briefs").glob("*/index.html"))
    assert briefs, "the site has brief pages"
    assert set(briefs) <= set(seen["at_start"])  # every brief page was on disk when Pagefind started
    later = {str(p.relative_to(output)) for p in (output / "authors").rglob("index.html")}
    assert later, "the site has author pages"
    assert not later & set(
        seen["at_start"]
    )  # the author pages were still to be written: they ran side by side
    assert seen["pages"] == briefs  # the brief pages, nothing else
    assert seen["bundles"] == ["pagefind/"]  # a few pages: one index, in Pagefind's own folder
    assert seen["staging_parent"] == tmp_path / "cache"
    # The development settings keep the parts whose pages did not change.
    assert seen["record"] == tmp_path / "cache" / "pagefind_parts.json"
    assert not list((tmp_path / "cache").glob("pagefind-pages-*")), "the pages' folder was left behind"
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(briefs)


def test_a_brief_deleted_since_the_last_build_into_the_folder_is_not_found_by_search(tmp_path):
    """A preview built again into the same folder keeps a deleted brief's old page (Pelican removes nothing it
    did not write this time); search must not offer it."""
    content = copy_content(tmp_path / "content", SERIES_FIXTURES / "briefs" / "synthetic-series-5.md")
    shutil.copytree(SERIES_FIXTURES / "images", content / "images", dirs_exist_ok=True)  # the chart #5 shows
    add_to_registry(content / "authors.yml", (SERIES_FIXTURES / "authors.yml").read_text(encoding="utf-8"))
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PAGEFIND_ENABLED": True}
    output = build_site(content, tmp_path / "output", **settings)
    assert page_count(output) == 2
    (content / "briefs" / "synthetic-series-5.md").unlink()
    build_site(content, output, **settings)
    assert len(list((output / "briefs").glob("*/index.html"))) == 2, "the deleted brief's page is still there"
    assert page_count(output) == 1
    assert not list(tmp_path.rglob("pagefind-pages-*"))


def page_count(site: Path) -> int:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def test_a_pages_per_index_that_is_not_a_whole_number_is_an_error_naming_the_setting(tmp_path):
    site = build_site_logged(
        CONTENT, tmp_path / "output", PAGEFIND_ENABLED=True, PAGEFIND_PAGES_PER_INDEX="many"
    )
    assert [message for message in site.logged if "PAGEFIND_PAGES_PER_INDEX" in message] == [
        "PAGEFIND_PAGES_PER_INDEX must be a whole number, at least 1, not 'many' "
        "(set it in pelicanconf.py; the default is 3000)"
    ]
    assert not (site.root / "pagefind").exists()  # nothing indexed, nothing half-written


def test_only_development_builds_keep_unchanged_parts_of_the_index():
    """The live site's index is built from the sources alone, as every other part of it (publishconf.py)."""
    from pelican.settings import read_settings

    from reality_check.plugins.pagefind_search.settings import setting

    development = read_settings(str(ROOT / "pelicanconf.py"))
    live = read_settings(str(ROOT / "publishconf.py"))
    settings = ("PAGEFIND_KEEP_UNCHANGED_PARTS", "PAGEFIND_PAGES_PER_INDEX", "PAGEFIND_MAX_PARTS")
    assert [development[name] for name in settings] == [True, 100, 10]
    assert not any(name in live for name in settings)  # the plugin's own defaults, from its settings.py:
    assert [setting(live, name) for name in settings] == [False, 3000, None]


def test_a_site_with_no_listed_brief_builds_with_no_index_and_keeps_no_old_one(tmp_path):
    """A new site whose first brief is still a draft (or whose only brief is broken): Pagefind refused the empty
    index, and the build ended in its error and a traceback. An index an earlier build left is removed with it."""
    content = copy_content(tmp_path / "content")
    brief = content / "briefs" / "reality-check-4.md"
    brief.write_text(brief.read_text(encoding="utf-8").replace("---\n", "---\nstatus: draft\n", 1), "utf-8")
    output = tmp_path / "output"
    (output / "pagefind").mkdir(parents=True)
    (output / "pagefind" / "pagefind-entry.json").write_text("{}")  # an earlier build's index

    site = build_site_logged(content, output, PAGEFIND_ENABLED=True)

    assert [str(message) for message in site.logged] == []
    assert not (output / "pagefind").exists()
    assert (output / "search" / "index.html").is_file()
