"""A large archive's search index comes in parts (Pagefind's memory grows with the pages one run indexes): the
search page finds a brief whichever part holds it, filters count across the parts, and each language still
searches its own pages only.

The site is the four-brief series with its translations (seven brief pages), built with two pages a part, so
the index has four parts, as 10,000 briefs have with the default of 3000.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_site, copy_translated_content, folder_bytes
from playwright.sync_api import expect

from reality_check.deploy.publish import add_host_files

from .served import StaticSiteServer

ENGLISH_BRIEFS = 4  # the series: #4 and three synthetic briefs
TRANSLATIONS = {"fr": 1, "ru": 1, "uk": 1}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("search-in-parts")
    built = build_site(
        copy_translated_content(root / "content"),
        root / "output",
        PAGEFIND_ENABLED=True,
        PAGEFIND_PAGES_PER_INDEX=2,
    )
    add_host_files(built)
    return built


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[StaticSiteServer]:
    with StaticSiteServer(site) as running:
        yield running


def page_counts(bundle: Path) -> dict[str, int]:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {language: value["page_count"] for language, value in entry["languages"].items()}


def search_form(site: Path, page: str) -> dict[str, str]:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    form = soup.find("form", id="search-form")
    return {name: value for name, value in form.attrs.items() if name.startswith("data-pagefind")}


def test_the_index_is_in_parts_and_every_page_is_in_exactly_one(site: Path) -> None:
    bundles = {str(entry.parent.relative_to(site)): page_counts(entry.parent) for entry in
               sorted(site.glob("pagefind/**/pagefind-entry.json"))}  # fmt: skip
    assert bundles == {
        # The first part has a page of every language; English, the only language with more, fills the rest.
        "pagefind": {"en": 1, **TRANSLATIONS},
        "pagefind/part-2": {"en": 1},
        "pagefind/part-3": {"en": 1},
        "pagefind/part-4": {"en": 1},
    }
    for bundle in bundles:  # each part is a whole bundle: it can be loaded and merged
        assert (site / bundle / "pagefind.js").is_file()


def test_a_second_build_gives_an_index_in_parts_identical_byte_for_byte(site: Path, tmp_path: Path) -> None:
    """Two publishes of one commit are byte-identical (tests/test_publish.py); so is an index in parts."""
    again = build_site(
        copy_translated_content(tmp_path / "content"),
        tmp_path / "output",
        PAGEFIND_ENABLED=True,
        PAGEFIND_PAGES_PER_INDEX=2,
    )

    first, second = folder_bytes(site / "pagefind"), folder_bytes(again / "pagefind")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.startswith("part-4/") for name in first)  # paths inside pagefind/


def test_each_search_page_names_the_parts_of_its_language(site: Path) -> None:
    assert search_form(site, "search/index.html") == {
        "data-pagefind-bundle": "/pagefind/",
        "data-pagefind-merge": "/pagefind/part-2/ /pagefind/part-3/ /pagefind/part-4/",
    }
    for language in TRANSLATIONS:
        assert search_form(site, f"{language}/search/index.html") == {"data-pagefind-bundle": "/pagefind/"}


def test_a_search_finds_briefs_in_every_part(site: Path, server: StaticSiteServer, browse) -> None:
    page, log = browse()
    page.goto(server.url("/search/?q=synthetic"))
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^3 briefs found for “synthetic”"))
    page.goto(server.url("/search/?q=Navalny"))
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^1 brief found for “Navalny”"))
    expect(page.locator("#search-results a")).to_have_text([re.compile(r"^Reality Check #4:")])
    assert log.problems == []


def test_filters_count_across_the_parts(server: StaticSiteServer, browse) -> None:
    """The same answers as the site in one index gives (tests/test_search_browser.py)."""
    page, log = browse()
    page.goto(server.url("/search/"))
    page.get_by_role("checkbox", name="Russia").check()
    status = page.get_by_role("status")
    expect(status).to_have_text("2 briefs found.")
    page.get_by_role("checkbox", name="Security & Defense").check()
    expect(status).to_have_text("1 brief found.")
    expect(page.locator("#search-results a")).to_have_text([re.compile(r"^Reality Check #3:")])
    assert log.problems == []


def test_each_language_still_searches_its_own_pages_only(server: StaticSiteServer, browse) -> None:
    page, log = browse()
    page.goto(server.url("/ru/search/?q=кворума"))
    expect(page.get_by_role("status")).to_have_text("По запросу «кворума» найдена 1 записка.")
    page.goto(server.url("/ru/search/?q=synthetic"))  # English words, in briefs of every part
    expect(page.get_by_role("status")).to_have_text("По запросу «synthetic» ничего не найдено.")
    page.goto(server.url("/search/?q=кворума"))
    expect(page.get_by_role("status")).to_have_text("No brief matches “кворума”.")
    assert log.problems == []


def test_a_part_that_failed_to_load_is_loaded_again_by_the_next_search_and_searched_once(
    server: StaticSiteServer, browse
) -> None:
    """A part that does not load makes search say it is unavailable; the next search loads every part again,
    and a part merged before the failure is not searched twice (its results and filter counts would double)."""
    page, log = browse()
    failed: list[str] = []

    def fail_once(route) -> None:
        if failed:
            route.continue_()
        else:
            failed.append(route.request.url)
            route.abort()

    page.route("**/pagefind/part-3/pagefind-entry.json*", fail_once)
    page.goto(server.url("/search/?q=synthetic"))
    status = page.get_by_role("status")
    expect(status).to_have_text(re.compile(r"^Search is not available right now\."))
    assert len(failed) == 1
    page.get_by_label("Words to find").fill("Synthetic")  # the next search
    expect(status).to_have_text(re.compile(r"^3 briefs found for “Synthetic”"))  # not 4 or 6: no part twice
    page.get_by_label("Words to find").fill("")
    page.get_by_role("checkbox", name="Russia").check()
    expect(status).to_have_text("2 briefs found.")  # as with one index, not counted twice
    assert [error for error in log.console_errors if "part-3" not in error and "metadata" not in error] == []
