"""Level 3: the brief page printed (Chromium's print media): the card is a boxed summary on page 1."""

from __future__ import annotations

import pytest
from conftest import BRIEF_4_URL, ROOT
from quality.served import StaticSiteServer

# US Letter at 96 CSS px per inch, less the print stylesheet's @page margins (1.6cm top/bottom, 1.8cm sides).
PAGE_WIDTH = round(8.5 * 96 - 2 * 1.8 / 2.54 * 96)
PAGE_HEIGHT = round(11 * 96 - 2 * 1.6 / 2.54 * 96)


@pytest.fixture(scope="module")
def served(site):
    """The built site over HTTP on a free port of 127.0.0.1."""
    with StaticSiteServer(site.root) as server:
        yield server.base_url.rstrip("/")


def test_card_prints_as_a_box_at_the_top_of_page_one(served, browse):
    page, log = browse(viewport={"width": PAGE_WIDTH, "height": PAGE_HEIGHT})
    page.emulate_media(media="print")
    page.goto(f"{served}/{BRIEF_4_URL}")
    card = page.locator("main section.summary-card")
    box = card.bounding_box()
    assert box["y"] + box["height"] <= PAGE_HEIGHT, "the card does not fit on page 1"
    assert box["y"] < page.locator(".brief-body").bounding_box()["y"]
    style = card.evaluate(
        "el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.borderTopWidth,"
        " s.borderLeftWidth, s.backgroundColor, s.breakInside]; }"
    )
    assert style == ["solid", "2px", "2px", "rgba(0, 0, 0, 0)", "avoid"]
    # What only works on a screen: menus, the citation's downloads, the links to the previous and next briefs.
    for hidden in (".site-nav", ".site-footer", ".skip-link", ".cite-brief__files", ".series-nav"):
        assert page.locator(hidden).evaluate("el => getComputedStyle(el).display") == "none", hidden
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / "print-brief.png"))
    assert page.pdf(format="Letter").startswith(b"%PDF")
    assert not log.problems, log.problems


def test_on_screen_the_card_keeps_its_screen_look(served, browse):
    page, log = browse(viewport={"width": 1000, "height": 900})
    page.goto(f"{served}/{BRIEF_4_URL}")
    card = page.locator("main section.summary-card")
    assert card.evaluate("el => getComputedStyle(el).borderTopStyle") == "none"
    assert page.locator(".site-nav").evaluate("el => getComputedStyle(el).display") != "none"
    assert not log.problems, log.problems
