"""The search page in a real browser: Debian's Chromium, driven by Playwright, offline, under a strict CSP.

The quality gates' site (the series and its synthetic translations, development settings) is served by a small HTTP server on a free port of
127.0.0.1, started here, with the Content-Security-Policy header the site is meant to be served with.
"""

from __future__ import annotations

import re

import pytest
from conftest import BRIEF_4_URL, ROOT
from playwright import sync_api
from publishing import parse_headers_file
from quality.served import StaticSiteServer

# The headers the hosts send, read from deploy/_headers (their one source). The search page's policy: no inline
# script or style, nothing from elsewhere; Pagefind compiles its WebAssembly ('wasm-unsafe-eval') and fetches its
# index from the same origin.
HEADER_RULES = parse_headers_file((ROOT / "deploy" / "_headers").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base_url(quality_site):
    with StaticSiteServer(quality_site, header_rules=HEADER_RULES) as server:
        yield server.base_url.rstrip("/")


@pytest.fixture
def page(browse, base_url):
    """A tab offline but for the site itself: a request elsewhere, or an error in the console (a CSP violation
    is one), fails the test."""
    page, log = browse()
    yield page
    assert log.problems == []
    assert log.requests
    assert [url for url in log.requests if not url.startswith(base_url + "/")] == []  # this site only


def test_searching_navalny_finds_reality_check_4(page, base_url):
    page.goto(f"{base_url}/search/")
    page.get_by_label("Words to find").fill("Navalny")
    status = page.get_by_role("status")
    sync_api.expect(status).to_have_text(re.compile(r"^1 brief found for “Navalny”"))
    link = page.locator("#search-results li a")
    sync_api.expect(link).to_have_count(1)
    sync_api.expect(link).to_have_text(re.compile(r"^Reality Check #4: Focus on interests"))
    sync_api.expect(page.locator("#search-results mark").first).to_have_text(re.compile("Navalny", re.I))
    # A few dozen words out of the brief: it stopped mid-sentence ("…the tension between") with nothing to say so.
    excerpt = page.locator("#search-results .search-result__excerpt").inner_text()
    assert excerpt.endswith(" …"), excerpt
    assert "Navalny" in excerpt
    link.click()
    page.wait_for_url(f"{base_url}/{BRIEF_4_URL}")
    sync_api.expect(page.locator("h1")).to_have_text(re.compile(r"Reality Check #4:"))


@pytest.mark.parametrize("word", ["China", "teacup"])
def test_a_region_name_finds_the_briefs_tagged_with_it_as_a_word_of_the_text_does(page, base_url, word):
    """A reader who types "China" was told no brief matched, though #6 is tagged China (the tags were left out of the
    index, as filters only); its body never says the word. A word of the brief's text finds it the same way."""
    page.goto(f"{base_url}/search/")
    page.get_by_label("Words to find").fill(word)
    sync_api.expect(page.get_by_role("status")).to_have_text(re.compile(rf"^1 brief found for “{word}”"))
    sync_api.expect(page.locator("#search-results li a")).to_have_text(
        [re.compile(r"^Reality Check #6: Synthetic brief on the fictional teacup tariff")]
    )


def test_filters_narrow_by_topic_and_region_and_the_address_keeps_them(page, base_url):
    page.goto(f"{base_url}/search/")
    page.get_by_role("checkbox", name="Russia").check()
    status = page.get_by_role("status")
    sync_api.expect(status).to_have_text("2 briefs found.")
    titles = page.locator("#search-results li a")
    sync_api.expect(titles).to_have_count(2)
    page.get_by_role("checkbox", name="Security & Defense").check()
    sync_api.expect(status).to_have_text("1 brief found.")
    sync_api.expect(titles).to_have_text([re.compile(r"^Reality Check #3:")])
    # The query lives in the address: reloading (or sharing it) gives the same results.
    assert "region=Russia" in page.url
    assert "topic=Security" in page.url
    page.reload()
    sync_api.expect(page.get_by_role("status")).to_have_text("1 brief found.")
    sync_api.expect(page.get_by_role("checkbox", name="Russia")).to_be_checked()


def test_no_match_is_said_plainly(page, base_url):
    page.goto(f"{base_url}/search/?q=xylophonequark")
    sync_api.expect(page.get_by_role("status")).to_have_text("No brief matches “xylophonequark”.")
    sync_api.expect(page.locator("#search-results li")).to_have_count(0)
