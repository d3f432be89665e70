"""A partner's page on another origin embeds a brief's card in an iframe, in Debian's Chromium; the same
page cannot frame the brief page itself. The site is served with the hosts' `_headers` (deploy/_headers).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PHONE
from markupsafe import escape
from playwright.sync_api import Frame, Page

from .page_types import BRIEF_4_URL
from .served import StaticSiteServer

CARD_URL = BRIEF_4_URL + "card/"
FRAME_ONLY = "frame-only.html"
# Faces the card's font stack ends in on Linux (fonts-liberation's Arial, DejaVu for system-ui).
FALLBACK_FACES = ("Liberation Sans", "DejaVu Sans")


@pytest.fixture(scope="module")
def partner(server: StaticSiteServer, tmp_path_factory) -> Iterator[str]:
    """A partner's page on another loopback origin (its own port) framing the card and the brief page; beside it,
    `FRAME_ONLY`, a page with the card's iframe alone (its script left out, as a page whose policy forbids it)."""
    folder: Path = tmp_path_factory.mktemp("partner")
    # The card's embed code is the one the oEmbed answer gives; a development build's addresses are
    # root-relative, so the site's origin is put in front, as SITEURL would be when published.
    oembed = json.loads((server.root / "oembed" / f"{BRIEF_4_URL.split('/')[2]}.json").read_text())
    code = (
        oembed["html"]
        .replace(' src="/', f' src="{server.base_url}')
        .replace("<iframe ", "<iframe id='card' ", 1)
    )
    frame_only = code.split("<script", 1)[0]
    brief = (
        f"<iframe id='brief' src='{escape(server.url(BRIEF_4_URL))}' width='600' height='400' title='Brief'>"
    )
    for name, embedded in (("index.html", code), (FRAME_ONLY, frame_only)):
        (folder / name).write_text(
            "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Partner</title>"
            "<link rel='icon' href='data:,'></head><body>"
            f"<h1>A partner's article</h1>{embedded}{brief}</iframe></body></html>",
            encoding="utf-8",
        )
    with StaticSiteServer(folder) as partners_site:
        yield partners_site.base_url


def _refused_brief(message: str) -> bool:
    """Chromium's console error for a frame its policy refuses (the brief page's, here)."""
    return "frame-ancestors 'none'" in message and "blocked" in message


def _open(browse, partner: str, color_scheme: str = "light"):
    page, log = browse(color_scheme=color_scheme)
    page.goto(partner)
    page.wait_for_load_state("load")
    return page, log


def card_frame(page: Page, server: StaticSiteServer) -> Frame:
    """The card's frame once it has its document. The embed code's iframe loads lazily, and a page's load could
    end before the frame had navigated to the card (a fresh-clone CI run found no such frame, once)."""
    page.locator("#card").scroll_into_view_if_needed()
    for _ in range(200):
        frame = page.frame(url=server.url(CARD_URL))
        if frame is not None:
            return frame
        page.wait_for_timeout(50)
    raise AssertionError(f"no frame shows the card within 10 s: {[f.url for f in page.frames]}")


def test_the_partner_is_another_origin(partner, server):
    assert partner.split("/")[2] != server.base_url.split("/")[2]


def test_the_card_renders_inside_the_partners_iframe(browse, partner, server, artifacts):
    page, log = _open(browse, partner)
    frame = card_frame(page, server)
    card = frame.locator("section.summary-card")
    card.wait_for(state="visible")
    assert frame.locator("ul.key-points > li").count() == 3
    assert frame.locator("ol.recommendations > li").count() == 3
    # Styled by the site's stylesheet (the card's accent bar), which the card's own policy allows.
    assert card.evaluate("el => getComputedStyle(el).borderLeftWidth") == "6px"
    # The iframe size the embed code gives shows the whole card, nothing cut off at the bottom, in the
    # face this machine gives the font stack and in the narrow and the wide face it falls back to on Linux.
    height = int(page.locator("#card").get_attribute("height"))
    assert frame.evaluate("document.documentElement.scrollHeight") <= height
    for face in FALLBACK_FACES:
        frame.evaluate("face => { document.body.style.fontFamily = face; }", face)
        assert frame.evaluate("document.documentElement.scrollHeight") <= height, face
    frame.evaluate("() => { document.body.style.fontFamily = ''; }")
    page.locator("#card").screenshot(path=str(artifacts / "embedded-card.png"))
    assert log.foreign_requests == []
    assert not [e for e in log.console_errors if not _refused_brief(e)], log.console_errors


def test_the_brief_page_refuses_to_be_framed(browse, partner, server):
    page, log = _open(browse, partner)
    brief = page.frame(url=lambda url: "chrome-error://" in url or url == server.url(BRIEF_4_URL))
    assert brief is not None, [f.url for f in page.frames]
    assert brief.url.startswith("chrome-error://"), brief.url
    assert any(_refused_brief(e) for e in log.console_errors), log.console_errors


def test_a_link_in_the_card_opens_the_brief_in_the_partners_window(browse, partner, server):
    for link in (".embed-card__more a", ".byline a"):  # explicit target, then <base>
        page, _ = _open(browse, partner)
        frame = card_frame(page, server)
        with page.expect_navigation():
            frame.locator(link).first.click()
        assert page.url.startswith(server.base_url), page.url
        assert page.url != server.url(CARD_URL)
        assert page.main_frame.locator("main#main").count() == 1  # a whole site page, in the top window


def test_on_a_phone_the_card_scrolls_between_its_title_and_the_link_to_the_brief(browse, partner, server):
    """Without the embed code's script: on a phone the frame narrows (max-width: 100 %) to a card taller than the
    frame's fixed height: the card was cut off, its recommendations and "Read the brief" out of reach. Now the
    title and the link stay in the frame and the card scrolls between them to its last recommendation."""
    page, log = browse(viewport=PHONE)
    page.goto(partner + FRAME_ONLY)
    frame = card_frame(page, server)
    frame.locator("section.summary-card").wait_for(state="visible")
    box = page.locator("#card").bounding_box()
    assert box is not None
    assert box["width"] < 600  # narrowed to the phone's column

    def inside_the_frame(locator) -> bool:
        shown = locator.bounding_box()
        return (
            shown is not None
            and box["y"] <= shown["y"]
            and shown["y"] + shown["height"] <= box["y"] + box["height"]
        )

    card = frame.locator("section.summary-card")
    assert card.evaluate(
        "el => el.scrollHeight > el.clientHeight"
    )  # the card is taller than its room: it scrolls
    assert inside_the_frame(frame.locator(".embed-card__title"))
    assert inside_the_frame(frame.locator(".embed-card__more a"))
    last = frame.locator("ol.recommendations > li").last
    last.scroll_into_view_if_needed()
    assert inside_the_frame(last)
    assert inside_the_frame(frame.locator(".embed-card__more a"))
    assert (
        frame.evaluate("document.documentElement.scrollHeight") <= box["height"] + 1
    )  # the page itself: no cut
    assert log.foreign_requests == []
    assert not [e for e in log.console_errors if not _refused_brief(e)], (
        log.console_errors
    )  # the brief's frame's


def _frame_height_settled(page: Page) -> float:
    """The card frame's height once embed.js has set it and it has stopped changing."""
    page.wait_for_function("() => document.getElementById('card').style.height !== ''")
    heights = [0.0, -1.0]
    while heights[-1] != heights[-2]:
        page.wait_for_timeout(100)
        heights.append(page.locator("#card").bounding_box()["height"])
    return heights[-1]


def test_the_embed_codes_script_makes_the_frame_as_tall_as_the_card_at_any_width(
    browse, partner, server, artifacts
):
    """On a phone a reader saw three key points and "Read the brief", and no sign of the recommendations the card
    scrolled to: the frame kept the height estimated for 600 px. With the embed code's script the frame takes the
    card's whole height, growing on a phone and shrinking back on a wide page."""
    page, log = browse(viewport=PHONE)
    page.goto(partner)
    frame = card_frame(page, server)
    card = frame.locator("section.summary-card")
    card.wait_for(state="visible")
    estimated = int(page.locator("#card").get_attribute("height"))

    on_a_phone = _frame_height_settled(page)
    assert on_a_phone > estimated  # the narrow card is taller than the estimate for 600 px
    assert card.evaluate("el => el.scrollHeight <= el.clientHeight")  # nothing scrolls inside the card
    assert frame.evaluate("document.documentElement.scrollHeight") <= on_a_phone + 1  # nor inside the frame
    box = page.locator("#card").bounding_box()
    for locator in (frame.locator("ol.recommendations > li").last, frame.locator(".embed-card__more a")):
        shown = locator.bounding_box()
        assert shown is not None
        assert box["y"] <= shown["y"]
        assert shown["y"] + shown["height"] <= box["y"] + on_a_phone
    page.screenshot(path=str(artifacts / "embedded-card-phone.png"), full_page=True)

    page.set_viewport_size({"width": 1280, "height": 800})
    wide = _frame_height_settled(page)
    assert wide < on_a_phone
    assert frame.evaluate("document.documentElement.scrollHeight") <= wide + 1
    assert (
        frame.evaluate("() => document.querySelector('.embed-card__main').getBoundingClientRect().bottom")
        >= wide - 2
    )
    assert log.foreign_requests == []
    assert not [e for e in log.console_errors if not _refused_brief(e)], log.console_errors


def test_the_embed_codes_script_heeds_only_the_cards_site(browse, partner, server):
    """A height from any other origin (here the partner's own page, posting to itself) leaves the frame alone."""
    page, _ = browse(viewport=PHONE)
    page.goto(partner)
    card_frame(page, server).locator("section.summary-card").wait_for(state="visible")
    settled = _frame_height_settled(page)
    page.evaluate("() => window.postMessage({'reality-check-card-height': 3000}, '*')")
    page.wait_for_timeout(200)
    assert page.locator("#card").bounding_box()["height"] == settled


def test_a_dark_card_has_rounded_corners_on_a_light_partners_page(browse, partner, server, artifacts):
    """The card's page painted its dark background to the frame's square edges: a dark reader saw the card's
    rounded border inside a dark square on the partner's light page."""
    from io import BytesIO

    from PIL import Image

    page, _ = _open(browse, partner, color_scheme="dark")
    card_frame(page, server).locator("section.summary-card").wait_for(state="visible")
    shot = Image.open(
        BytesIO(page.locator("#card").screenshot(path=str(artifacts / "embedded-card-dark.png")))
    )
    shot = shot.convert("RGB")
    # Just inside the frame's corners, outside the box's rounded ones: the partner's page.
    corners = [(1, 1), (shot.width - 2, 1), (1, shot.height - 2), (shot.width - 2, shot.height - 2)]
    assert [shot.getpixel(corner) for corner in corners] == [(255, 255, 255)] * 4
    assert max(shot.getpixel((24, 6))) < 64  # inside the box: the card's dark background
