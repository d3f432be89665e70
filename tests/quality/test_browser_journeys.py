"""What a reader does, in Debian's Chromium against the built site on 127.0.0.1.

Every journey also asserts that the browser logged no console error and asked no host but 127.0.0.1 for anything
(requests elsewhere are blocked before they leave, and reported).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DESKTOP, PHONE, BrowseFactory
from playwright.sync_api import Locator, Page, expect

from .gates import BrowserLog, leaves_the_machine
from .page_types import BRIEF_4_URL, BRIEF_WITH_IMAGE_URL, MISSING_URL, PAGE_TYPES, html_pages
from .served import StaticSiteServer

BRIEF_4_TITLE = "Reality Check #4: Focus on interests, not on human rights with Russia"
VIEWPORTS = {"phone-375x667": PHONE, "desktop-1280x800": DESKTOP}


def assert_clean(log: BrowserLog) -> None:
    assert not log.problems, "\n".join(log.problems)
    assert log.requests, "the browser recorded no request at all: the watch is not working"


def assert_above_the_fold(page: Page, element: Locator, what: str) -> None:
    """The element's top, and its first line of content, are on the first screen without scrolling."""
    box = element.bounding_box()
    viewport = page.viewport_size
    assert box is not None, f"{what} is not displayed"
    assert page.evaluate("window.scrollY") == 0
    assert 0 <= box["y"] < viewport["height"], f"{what} starts at y={box['y']:.0f}, below the fold"
    assert box["x"] >= 0, f"{what} starts off the left edge (x={box['x']:.0f})"
    assert box["x"] + box["width"] <= viewport["width"] + 0.5, f"{what} is wider than the screen"


def brief_heading(page: Page) -> str:
    return " ".join(page.locator("h1").inner_text().split())


def test_home_card_leads_to_the_brief(server: StaticSiteServer, browse: BrowseFactory) -> None:
    page, log = browse()
    page.goto(server.base_url)
    teaser = page.locator("article.brief-teaser").filter(has=page.locator(f'a[href$="{BRIEF_4_URL}"]')).first
    expect(teaser.locator("section.summary-card")).to_be_visible()
    teaser.locator(f'h2 a[href$="{BRIEF_4_URL}"]').click()
    expect(page).to_have_url(server.url(BRIEF_4_URL))
    assert brief_heading(page) == BRIEF_4_TITLE
    expect(page.locator("main section.summary-card .key-points li").first).to_be_visible()
    assert_clean(log)


def test_a_recommendation_on_a_card_opens_it_in_the_brief(
    server: StaticSiteServer, browse: BrowseFactory
) -> None:
    page, log = browse(viewport=PHONE)
    page.goto(server.base_url)
    card = page.locator(f'section.summary-card:has(a[href*="{BRIEF_4_URL}#"])').first
    link = card.locator("ol.recommendations a").first
    href = link.get_attribute("href")
    link.click()
    anchor = href.split("#", 1)[1]
    expect(page).to_have_url(server.url(BRIEF_4_URL) + "#" + anchor)
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()
    assert_clean(log)


@pytest.mark.parametrize("name", VIEWPORTS)
def test_the_card_is_above_the_fold(
    name: str, server: StaticSiteServer, browse: BrowseFactory, artifacts: Path
) -> None:
    page, log = browse(viewport=VIEWPORTS[name])
    page.goto(server.url(BRIEF_4_URL))
    card = page.locator("main section.summary-card")
    assert_above_the_fold(page, card, "the summary card")
    assert_above_the_fold(page, card.locator(".key-points li").first, "the first key point")
    page.screenshot(path=artifacts / f"brief-{name}.png")
    page.screenshot(path=artifacts / f"brief-{name}-full.png", full_page=True)
    assert (artifacts / f"brief-{name}.png").stat().st_size > 0

    page.goto(server.base_url)
    home_card = page.locator("main article.brief-teaser section.summary-card").first
    assert_above_the_fold(page, home_card, "the newest brief's card on the home page")
    page.screenshot(path=artifacts / f"home-{name}.png")
    assert_clean(log)


def test_a_chart_in_a_brief_shows_and_fits_a_phone(server: StaticSiteServer, browse: BrowseFactory) -> None:
    """An image from content/images is served by the site itself (allowed by its security policy), loads, and is
    scaled down to the phone's column with its proportions kept, without a sideways scroll."""
    page, log = browse(viewport=PHONE)
    page.goto(server.url(BRIEF_WITH_IMAGE_URL))
    chart = page.get_by_role("img", name=re.compile("^Synthetic bar chart of invented quorum counts"))
    expect(chart).to_be_visible()
    loaded = chart.evaluate("img => [img.complete, img.naturalWidth, img.naturalHeight]")
    assert loaded == [True, 800, 400]
    box = chart.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]
    assert box["height"] == pytest.approx(box["width"] / 2, abs=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert server.url("/images/synthetic-chart.png") in log.requests
    assert_clean(log)


# Each word of `element`'s text, with the number of lines the browser set it on (2 or more: broken mid-word).
LINES_OF_EACH_WORD = """element => {
  const found = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      found.push([word[0], new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size]);
    }
  }
  return found;
}"""


def test_a_wide_table_scrolls_in_its_region_on_a_phone_with_every_word_whole(
    server: StaticSiteServer, browse: BrowseFactory, artifacts: Path
) -> None:
    """#5's five-column table is wider than a phone's column: it broke its headings mid-word ("Hibernat/ion") to
    fit. It now scrolls sideways in a region of its own, every word whole, without widening the page; the region
    takes keyboard focus, so the arrow keys scroll it too."""
    page, log = browse(viewport=PHONE)
    page.goto(server.url(BRIEF_WITH_IMAGE_URL))
    region = page.get_by_role("region", name="Table")
    table = region.locator("table")
    expect(table).to_contain_text("Hibernation postponed")
    words = table.evaluate(LINES_OF_EACH_WORD)
    assert {word for word, _ in words} >= {"Hibernation", "distributed", "1,204"}
    assert [word for word, lines in words if lines != 1] == []
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    column = page.locator(".brief-body").bounding_box()
    box = region.bounding_box()
    assert column is not None
    assert box is not None
    assert box["x"] >= column["x"], box
    assert box["x"] + box["width"] <= column["x"] + column["width"] + 0.5, box
    region.focus()
    page.keyboard.press("ArrowRight")
    expect(region).to_be_focused()
    page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle())
    region.screenshot(path=artifacts / "table-phone.png")
    assert_clean(log)


CODE_VIEWPORTS = {"phone-375": PHONE, "phone-390": {"width": 390, "height": 844}, "desktop-1280": DESKTOP}


@pytest.mark.parametrize("name", CODE_VIEWPORTS)
def test_a_code_block_wraps_inside_the_column(
    name: str, server: StaticSiteServer, browse: BrowseFactory, artifacts: Path
) -> None:
    """A fenced block holding one line of 115 characters (#5 quotes an invented HTML notice) made the whole page
    1162 px wide on a 390 px phone and 1474 px at 1280, and showed as loose monospace text. Its line now wraps
    inside the column, in a box of its own in either colour scheme, with nothing hidden behind a scroller (a
    scrollable region would need keyboard focus); inline code's long word wraps too."""
    viewport = CODE_VIEWPORTS[name]
    page, log = browse(viewport=viewport)
    page.goto(server.url(BRIEF_WITH_IMAGE_URL))
    block = page.locator(".brief-body pre")
    expect(block).to_contain_text('data-session="first">Invented notice:')
    assert page.evaluate("document.documentElement.scrollWidth") == viewport["width"]
    column = page.locator(".brief-body").bounding_box()
    assert column is not None
    for element in (block, page.locator(".brief-body p code")):
        box = element.bounding_box()
        assert box is not None
        assert box["x"] >= column["x"], box
        assert box["x"] + box["width"] <= column["x"] + column["width"] + 0.5, box
    assert block.evaluate("pre => pre.scrollWidth <= pre.clientWidth")
    for color_scheme in ("light", "dark"):
        page.emulate_media(color_scheme=color_scheme)
        page_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert block.evaluate("pre => getComputedStyle(pre).backgroundColor") != page_background, color_scheme
        block.scroll_into_view_if_needed()
        page.screenshot(path=artifacts / f"code-block-{name}-{color_scheme}.png")
    assert_clean(log)


def test_series_navigation_goes_there_and_back(server: StaticSiteServer, browse: BrowseFactory) -> None:
    page, log = browse()
    page.goto(server.url(BRIEF_4_URL))
    series_links = page.locator('main a[rel="prev"], main a[rel="next"]')
    assert series_links.count() > 0, "the brief page has no previous/next link to another brief of the series"
    link = series_links.first
    rel = link.get_attribute("rel")
    link.click()
    assert page.url != server.url(BRIEF_4_URL)
    assert re.match(r"Reality Check #\d+:", brief_heading(page)), brief_heading(page)
    page.locator(f'main a[rel="{"next" if rel == "prev" else "prev"}"]').first.click()
    expect(page).to_have_url(server.url(BRIEF_4_URL))
    assert_clean(log)


@pytest.mark.parametrize(
    ("kind", "folder"), [("author", "authors"), ("topic", "topics"), ("region", "regions")]
)
def test_brief_links_to_its_people_and_subjects(
    kind: str, folder: str, server: StaticSiteServer, browse: BrowseFactory
) -> None:
    page, log = browse()
    page.goto(server.url(BRIEF_4_URL))
    links = page.locator(f'main a[href^="/{folder}/"]')
    assert links.count() > 0, f"the brief page links to no {kind} page"
    links.first.click()
    expect(page).to_have_url(re.compile(rf"/{folder}/[^/]+/$"))
    back = page.locator(f'main a[href$="{BRIEF_4_URL}"]').first
    expect(back).to_be_visible()
    back.click()
    assert brief_heading(page) == BRIEF_4_TITLE
    assert_clean(log)


def test_search_finds_navalny_in_brief_4(
    quality_site: Path, server: StaticSiteServer, browse: BrowseFactory
) -> None:
    assert (quality_site / "search" / "index.html").is_file(), "the quality site has no search page"
    page, log = browse(viewport=PHONE)
    page.goto(server.url("/search/"))
    page.get_by_role("searchbox").first.fill("Navalny")
    result = page.locator(f'main a[href*="{BRIEF_4_URL}"]').first
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    expect(page).to_have_url(re.compile(re.escape(server.url(BRIEF_4_URL))))
    assert brief_heading(page) == BRIEF_4_TITLE
    assert_clean(log)


def test_every_page_loads_cleanly_from_127_0_0_1_only(
    quality_site: Path, server: StaticSiteServer, browse: BrowseFactory
) -> None:
    page, log = browse(viewport=PHONE)
    urls = html_pages(quality_site)
    for url in urls:
        response = page.goto(server.url(url))
        assert response is not None
        assert response.ok, f"{url}: HTTP {response.status}"
    assert_clean(log)
    assert {server.url(url) for url in urls} <= set(log.requests)


def test_the_browser_watch_catches_errors_and_foreign_requests(
    broken_server: StaticSiteServer, browse: BrowseFactory
) -> None:
    page, log = browse()
    tracker = "http://tracker.example.invalid/pixel.gif"
    with page.expect_event("requestfailed", predicate=lambda request: request.url == tracker) as failed:
        page.goto(broken_server.url("console-error.html"))
    assert log.page_errors == ["synthetic failure for the quality gates"]
    # Refused by the browser's proxy, on this machine: never sent to the other host.
    assert failed.value.failure == "net::ERR_PROXY_CONNECTION_FAILED"
    assert any("404" in error and "missing.js" in error for error in log.console_errors), log.console_errors
    assert log.foreign_requests == ["http://tracker.example.invalid/pixel.gif"]
    assert (
        len(log.problems) == len(log.page_errors) + len(log.console_errors) + len(log.foreign_requests) >= 3
    )


def test_only_addresses_of_other_hosts_are_foreign() -> None:
    assert leaves_the_machine("http://tracker.example.invalid/pixel.gif")
    assert leaves_the_machine("blob:https://tracker.example.invalid/5f0c")
    assert not leaves_the_machine("http://127.0.0.1:8000/briefs/")
    assert not leaves_the_machine("blob:http://127.0.0.1:8000/5f0c2a")  # the page's own memory
    assert not leaves_the_machine("data:image/png;base64,iVBORw0KGgo=")


def test_the_browser_watch_catches_content_security_policy_violations(
    broken_server: StaticSiteServer, browse: BrowseFactory
) -> None:
    """The served site's `_headers` reach the browser, so an inline style under a strict CSP is an error."""
    page, log = browse()
    response = page.goto(broken_server.url("csp-violation.html"))
    assert response is not None
    assert response.headers["content-security-policy"] == "default-src 'self'"
    assert len(log.console_errors) == 1, log.console_errors
    assert "Content Security Policy" in log.console_errors[0]


def test_larger_text_still_fits_a_phone(
    quality_site: Path, server: StaticSiteServer, browse: BrowseFactory
) -> None:
    """A reader who sets a larger text size (150 %, and the 200 % WCAG 1.4.4 asks for) reads every kind of page on a
    phone without scrolling sideways, and the hidden skip link stays hidden: it wrapped onto two lines and its
    lower half showed over the site's name, and an upper-case card heading and long words in titles widened the
    page. Each page is loaded once and shown at each size in turn."""
    page, log = browse(viewport=PHONE)
    wide = []
    for page_type in PAGE_TYPES:
        url = page_type.example(quality_site)
        assert url is not None, page_type
        page.goto(server.url(url))
        for text_size in ("150%", "200%"):
            page.evaluate("size => { document.documentElement.style.fontSize = size; }", text_size)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide.append(f"{page_type} ({url}) at {text_size}: {width} px wide")
            skip = page.locator(".skip-link")
            if skip.count():
                box = skip.bounding_box()
                assert box is None or box["y"] + box["height"] <= 0, (
                    f"{page_type} at {text_size}: skip link ({box})"
                )
    assert not wide, wide
    missing = f"the server responded with a status of 404 (Not Found) ({server.url(MISSING_URL)})"
    assert [problem for problem in log.problems if not problem.endswith(missing)] == []  # the 404 page's own


def test_a_brief_with_one_neighbour_keeps_the_series_links_in_place(
    quality_site: Path, server: StaticSiteServer, browse: BrowseFactory
) -> None:
    """The first brief has a next one only: "Next brief" sat at the right of the left half, with "All briefs" beside
    it instead of centred below (the archive link's own width rule was outranked)."""
    page, log = browse(viewport=DESKTOP)
    firsts = [url for url in html_pages(quality_site) if url.startswith("/briefs/") and "/card/" not in url]
    checked = 0
    for url in firsts:
        page.goto(server.url(url))
        nav = page.locator("nav.series-nav")
        if page.locator('nav.series-nav a[rel="prev"]').count() or not nav.count():
            continue
        navbox = nav.locator("ul").bounding_box()
        nextbox = nav.locator(".series-nav__next").bounding_box()
        archive = nav.locator(".series-nav__archive a").bounding_box()
        assert navbox is not None
        assert nextbox is not None
        assert archive is not None
        assert nextbox["x"] + nextbox["width"] == pytest.approx(navbox["x"] + navbox["width"], abs=1)
        assert archive["y"] >= nextbox["y"] + nextbox["height"]  # on a row of its own, below
        assert archive["x"] + archive["width"] / 2 == pytest.approx(navbox["x"] + navbox["width"] / 2, abs=2)
        checked += 1
    assert checked >= 1, "the quality site has no brief without a previous one"
    assert_clean(log)
