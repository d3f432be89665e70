"""Pagefind indexes each language apart: in Chromium, a search from a page in Russian finds the Russian
translation, and the same search from an English page finds nothing (and the other way round)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import build_site, copy_translated_content
from playwright.sync_api import expect

from reality_check.deploy.publish import add_host_files

from .served import StaticSiteServer

SEARCH = """async (query) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ baseUrl: "/" });
  await pagefind.init();
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.map((result) => result.data()));
  return pages.map((page) => page.url);
}"""


@pytest.fixture(scope="module")
def translated(tmp_path_factory) -> Iterator[StaticSiteServer]:
    root = tmp_path_factory.mktemp("translated-dev")
    site = build_site(copy_translated_content(root / "content"), root / "output", PAGEFIND_ENABLED=True)
    add_host_files(site)
    with StaticSiteServer(site) as running:
        yield running


def search_from(browse, server: StaticSiteServer, page_url: str, query: str) -> list[str]:
    page, log = browse()
    page.goto(server.url(page_url))
    found = page.evaluate(SEARCH, query)
    assert log.problems == []
    return found


def test_a_search_in_russian_finds_the_russian_translation_only_from_a_russian_page(browse, translated):
    assert search_from(browse, translated, "/ru/", "кворума") == [
        "/ru/briefs/sinteticheskii-otvet-o-vymyshlennykh-pravilakh-kvoruma/"
    ]
    assert search_from(browse, translated, "/", "кворума") == []


def test_a_search_in_english_finds_english_briefs_only(browse, translated):
    assert search_from(browse, translated, "/", "quorum") == [
        "/briefs/synthetic-reply-about-invented-quorum-rules/"
    ]
    assert search_from(browse, translated, "/fr/", "quorum") == [
        "/fr/briefs/reponse-synthetique-sur-des-regles-de-quorum-inventees/"
    ]
    assert search_from(browse, translated, "/ru/", "quorum") == []


def test_the_russian_search_page_searches_russian_and_speaks_it(browse, translated):
    page, log = browse()
    page.goto(translated.url("/ru/search/?q=кворума"))
    status = page.get_by_role("status")
    expect(status).to_have_text("По запросу «кворума» найдена 1 записка.")
    links = page.locator("#search-results a")
    assert links.count() == 1
    assert (
        links.first.get_attribute("href")
        == "/ru/briefs/sinteticheskii-otvet-o-vymyshlennykh-pravilakh-kvoruma/"
    )
    page.fill("#search-q", "xylophonequark")
    expect(status).to_have_text("По запросу «xylophonequark» ничего не найдено.")
    assert log.problems == []
