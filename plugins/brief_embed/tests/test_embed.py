"""Level 1: the embed's addresses, the iframe it gives, its height estimate and its oEmbed answer."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from reality_check.plugins.brief_embed import build_embed, frame_height, oembed_document
from reality_check.plugins.brief_embed.embed import TITLE_LINE, Author, Thumbnail

SETTINGS: dict = {}


def embed(title="Reality Check #9: A title", **kwargs):
    return build_embed(
        slug="a-title", title=title, heading="A title", siteurl="https://x.test/", settings=SETTINGS, **kwargs
    )


def test_addresses_follow_the_settings():
    default = embed()
    assert default.card_url == "https://x.test/briefs/a-title/card/"
    assert default.card_save_as == "briefs/a-title/card/index.html"
    assert default.oembed_url == "https://x.test/oembed/a-title.json"
    assert default.oembed_save_as == "oembed/a-title.json"
    moved = build_embed(
        slug="s",
        title="t",
        heading="t",
        siteurl="",
        settings={"BRIEF_EMBED_CARD_URL": "cards/{slug}.html", "BRIEF_EMBED_WIDTH": 480},
    )
    assert (moved.card_url, moved.card_save_as, moved.width) == ("/cards/s.html", "cards/s.html", 480)


def test_the_iframe_escapes_the_title_and_points_at_the_card():
    frame = BeautifulSoup(str(embed(title='#9: <b>"Bold"</b> & more').iframe), "html.parser").iframe
    assert frame["src"] == "https://x.test/briefs/a-title/card/"
    assert frame["title"] == '#9: <b>"Bold"</b> & more'  # an attribute value, not markup
    assert frame.find("b") is None
    assert (frame["width"], frame["loading"]) == ("600", "lazy")


def test_the_code_to_paste_is_the_iframe_and_the_sites_resizing_script():
    code = BeautifulSoup(str(embed().code), "html.parser")
    assert [tag.name for tag in code.find_all(True)] == ["iframe", "script"]
    assert code.iframe == BeautifulSoup(str(embed().iframe), "html.parser").iframe
    assert (code.script["src"], code.script.has_attr("async"), code.script.string) == (
        "https://x.test/theme/js/embed.js",
        True,
        None,
    )
    moved = build_embed(slug="s", title="t", heading="t", siteurl="", settings={"THEME_STATIC_DIR": "static"})
    assert BeautifulSoup(str(moved.code), "html.parser").script["src"] == "/static/js/embed.js"


@pytest.mark.parametrize("width", [600, 320])
def test_more_text_needs_a_taller_frame(width):
    short = frame_height("A title", ["One point."], ["Act."], width)
    longer = frame_height("A title", ["One point." * 30, "Two."], ["Act.", "Then act again."], width)
    assert short < longer
    assert frame_height("A title", ["x" * 200], [], 320) > frame_height("A title", ["x" * 200], [], 600)


def test_a_title_that_wraps_needs_a_taller_frame():
    one_line = frame_height("Short", ["A point."], ["Act."], 600)
    two_lines = frame_height(
        "A title long enough to wrap onto a second line here", ["A point."], ["Act."], 600
    )
    assert two_lines - one_line == TITLE_LINE


def test_oembed_answer_has_the_required_rich_fields():
    document = oembed_document(
        embed(key_points=["A point."], recommendation_titles=["Act."]),
        authors=[
            Author("Ada Lorem", "https://x.test/authors/ada/"),
            Author("Ben Ipsum", ""),
            Author("Cy Dolor", ""),
        ],
        provider_name="Reality Check",
        provider_url="https://x.test/",
        thumbnail=Thumbnail("https://x.test/images/share/a-title.png", 1200, 630),
    )
    assert document["version"] == "1.0"
    assert document["type"] == "rich"
    assert isinstance(document["width"], int)
    assert isinstance(document["height"], int)
    assert BeautifulSoup(document["html"], "html.parser").iframe["height"] == str(document["height"])
    assert document["author_name"] == "Ada Lorem, Ben Ipsum, and Cy Dolor"
    assert document["author_url"] == "https://x.test/authors/ada/"
    assert (document["thumbnail_width"], document["thumbnail_height"]) == (1200, 630)


def test_oembed_answer_without_authors_or_image_leaves_those_fields_out():
    document = oembed_document(embed(), authors=[], provider_name="P", provider_url="https://x.test/")
    assert not {"author_name", "author_url", "thumbnail_url", "thumbnail_width", "thumbnail_height"} & set(
        document
    )
