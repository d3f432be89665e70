"""Level 3: the live-site build (publishconf.py): cards open every feed entry; share images and their tags."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, ROOT, Site, build_site, build_site_logged, copy_content, text_of
from PIL import Image

STYLE_BRIEFS = ROOT / "plugins" / "summary_card" / "test_data" / "briefs"
SITEURL = "https://briefs.example.test"
ATOM = "{http://www.w3.org/2005/Atom}"


def publish(content, output, cache, **overrides) -> Site:
    return Site(
        build_site(
            content,
            output,
            conf="publishconf.py",
            SITEURL=SITEURL,
            FEED_DOMAIN=SITEURL,
            CACHE_PATH=str(cache),
            **{
                "PDF_EDITION": False,
                **overrides,
            },  # no test here reads a PDF (tests/test_pdf_edition.py does)
        )
    )


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("live")
    content = copy_content(tmp / "content", *sorted(STYLE_BRIEFS.glob("*.md")))
    return publish(content, tmp / "output", tmp / "cache")


def feed_entries(site: Site) -> list[ET.Element]:
    root = ET.parse(site.path("feeds/all.atom.xml")).getroot()
    return root.findall(f"{ATOM}entry")


# --- The Atom feed ----------------------------------------------------------------------------------


def test_every_feed_entry_starts_with_its_card(live):
    entries = feed_entries(live)
    assert len(entries) == 7
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        content = entry.find(f"{ATOM}content")
        assert content.get("type") == "html"
        fragment = BeautifulSoup(content.text, "html.parser")
        first = next(node for node in fragment.contents if getattr(node, "name", None))
        assert first.name == "section", link
        assert "summary-card" in first["class"], link
        assert first.select("ul.key-points > li")
        assert first.select("ol.recommendations > li > strong")
        for a in first.select("ol.recommendations a"):
            assert a["href"].startswith(link + "#recommendation-"), a  # absolute: feed readers have no base
        # The body follows the card, without printing the key points a second time.
        first_point = text_of(first.select_one("ul.key-points > li"))
        assert text_of(fragment).count(first_point) == 1


def test_topic_feeds_start_every_entry_with_the_card(live):
    feeds = sorted(live.path("feeds/topics/x").parent.glob("*.atom.xml"))
    assert len(feeds) == 5
    for feed in feeds:
        entries = ET.parse(feed).getroot().findall(f"{ATOM}entry")
        assert entries, feed
        for entry in entries:
            fragment = BeautifulSoup(entry.find(f"{ATOM}content").text, "html.parser")
            first = next(node for node in fragment.contents if getattr(node, "name", None))
            assert "summary-card" in first.get("class", []), (feed.name, entry.find(f"{ATOM}title").text)
            assert len(fragment.select("section.summary-card")) == 1


def test_feed_entry_for_the_seed_brief(live):
    entry = next(
        e for e in feed_entries(live) if e.find(f"{ATOM}link").get("href") == f"{SITEURL}/{BRIEF_4_URL}"
    )
    fragment = BeautifulSoup(entry.find(f"{ATOM}content").text, "html.parser")
    card = fragment.find("section", class_="summary-card")
    assert [text_of(s) for s in card.select("ol.recommendations strong")] == [
        "Resist further sanctions.",
        "Adopt a realistic attitude.",
        "Find carrots.",
    ]
    assert "What’s the issue?" in text_of(fragment)
    assert entry.find(f"{ATOM}summary").text.startswith("The arrest of Russian opposition leader")


def test_feed_cards_are_not_stacked_when_pelican_runs_again(tmp_path):
    """--autoreload runs the handlers again in the same process: the card must still appear once."""
    content = copy_content(tmp_path / "content")
    for _ in range(2):
        site = publish(content, tmp_path / "output", tmp_path / "cache")
    entry = feed_entries(site)[0]
    fragment = BeautifulSoup(entry.find(f"{ATOM}content").text, "html.parser")
    assert len(fragment.select("section.summary-card")) == 1


# --- Share images -----------------------------------------------------------------------------------


def test_brief_page_points_previews_at_its_share_image(live):
    page = live.page(BRIEF_4_URL)
    head = page.find("head")

    def meta(attr, value):
        tags = head.find_all("meta", attrs={attr: value})
        assert len(tags) == 1, value
        return tags[0]["content"]

    image_url = meta("property", "og:image")
    assert image_url == f"{SITEURL}/images/share/focus-on-interests-not-on-human-rights-with-russia.png"
    assert meta("name", "twitter:image") == image_url
    assert meta("name", "twitter:card") == "summary_large_image"
    assert (
        meta("property", "og:image:alt")
        == "Reality Check #4: Focus on interests, not on human rights with Russia"
    )
    image = Image.open(io.BytesIO(live.path(image_url.removeprefix(SITEURL)).read_bytes()))
    assert image.format == "PNG"
    assert image.size == (int(meta("property", "og:image:width")), int(meta("property", "og:image:height")))
    assert image.size == (1200, 630)


def test_every_brief_has_its_own_share_image(live):
    images = sorted(p.name for p in live.path("images/share/x.png").parent.glob("*.png"))
    assert len(images) == 7
    assert len({live.path(f"images/share/{n}").read_bytes() for n in images}) == 7


def cache_state(cache) -> dict[str, int]:
    """Each cached image with the time it was written: an image drawn anew is a new file or a newer one."""
    return {p.name: p.stat().st_mtime_ns for p in (cache / "share_image").glob("*.png")}


def test_unchanged_rebuild_draws_no_image_and_a_changed_card_redraws_only_its_own(tmp_path):
    content = copy_content(tmp_path / "content", STYLE_BRIEFS / "style-bold-list.md")
    cache = tmp_path / "cache"
    image = "images/share/synthetic-brief-in-the-bold-lead-list-style.png"
    build_site(content, tmp_path / "out1", CACHE_PATH=str(cache))
    after_first = cache_state(cache)
    assert len(after_first) == 2
    first = (tmp_path / "out1" / image).read_bytes()

    build_site(content, tmp_path / "out2", CACHE_PATH=str(cache))
    assert cache_state(cache) == after_first  # nothing drawn
    assert (tmp_path / "out2" / image).read_bytes() == first

    brief = content / "briefs" / "style-bold-list.md"
    brief.write_text(
        brief.read_text(encoding="utf-8").replace("doubled its fleet", "tripled its fleet"), encoding="utf-8"
    )
    build_site(content, tmp_path / "out3", CACHE_PATH=str(cache))
    after_change = cache_state(cache)
    assert {k: v for k, v in after_change.items() if k in after_first} == after_first
    assert len(after_change) == 3  # one image drawn: the changed brief's
    assert (tmp_path / "out3" / image).read_bytes() != first
    new = (cache / "share_image" / next(iter(after_change.keys() - after_first.keys()))).read_bytes()
    assert (tmp_path / "out3" / image).read_bytes() == new


def test_a_change_the_image_does_not_show_draws_nothing(tmp_path):
    content = copy_content(tmp_path / "content")
    cache = tmp_path / "cache"
    build_site(content, tmp_path / "out1", CACHE_PATH=str(cache))
    before = cache_state(cache)
    brief = content / "briefs" / "reality-check-4.md"
    brief.write_text(
        brief.read_text(encoding="utf-8").replace("Find carrots.", "Find more carrots."), encoding="utf-8"
    )
    site = Site(build_site(content, tmp_path / "out2", CACHE_PATH=str(cache)))
    assert "Find more carrots." in text_of(site.page(BRIEF_4_URL))
    assert cache_state(cache) == before


def test_a_share_image_font_that_is_not_a_font_is_named_with_its_setting(tmp_path):
    """It was "share_image: the share images were not all written: OSError: unknown file format", naming neither
    the file nor the setting."""
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("synthetic: not a font", encoding="utf-8")
    site = build_site_logged(
        copy_content(tmp_path / "content"), tmp_path / "output", SHARE_IMAGE_FONT=str(not_a_font)
    )
    (said,) = [line for line in site.logged if "share_image:" in line]
    assert said.startswith(
        f"share_image: SHARE_IMAGE_FONT is {not_a_font}, which is not a font Pillow can read ("
    )
    assert said.endswith(
        "): set it to a .ttf or .otf file, or leave it out for DejaVu Sans; no share image was written"
    )
