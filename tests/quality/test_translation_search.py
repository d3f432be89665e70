"""Pagefind indexes each language apart: in Chromium, a search from a page in Russian finds the Russian
translation, and the same search from an English page finds nothing (and the other way round). The site is the quality
gates' (`server`: the series and its synthetic translations, development settings)."""

from __future__ import annotations

from playwright.sync_api import expect

from .served import StaticSiteServer

SEARCH = """async (query) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ baseUrl: "/" });
  await pagefind.init();
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.map((result) => result.data()));
  return pages.map((page) => page.url);
}"""


def search_from(browse, server: StaticSiteServer, page_url: str, query: str) -> list[str]:
    page, log = browse()
    page.goto(server.url(page_url))
    found = page.evaluate(SEARCH, query)
    assert log.problems == []
    return found


def test_a_search_in_russian_finds_the_russian_translation_only_from_a_russian_page(browse, server):
    assert search_from(browse, server, "/ru/", "кворума") == [
        "/ru/briefs/sinteticheskii-otvet-o-vymyshlennykh-pravilakh-kvoruma/"
    ]
    assert search_from(browse, server, "/", "кворума") == []


def test_a_search_in_english_finds_english_briefs_only(browse, server):
    assert search_from(browse, server, "/", "quorum") == [
        "/briefs/synthetic-reply-about-invented-quorum-rules/"
    ]
    assert search_from(browse, server, "/fr/", "quorum") == [
        "/fr/briefs/reponse-synthetique-sur-des-regles-de-quorum-inventees/"
    ]
    assert search_from(browse, server, "/ru/", "quorum") == []


def test_the_russian_search_page_searches_russian_and_speaks_it(browse, server):
    page, log = browse()
    page.goto(server.url("/ru/search/?q=кворума"))
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
