"""Level 1: what a PDF edition shows, how it is named in the cache, and the labels of its download link."""

from __future__ import annotations

import dataclasses
import datetime
from types import SimpleNamespace

import pytest

from reality_check.plugins.pdf_edition import (
    BylineName,
    DrawingInputs,
    PrintedBrief,
    cache_key,
    page_size,
    short_title,
    size_label,
)
from reality_check.plugins.pdf_edition.edition import (
    PdfEditionSettingError,
    PrintedImage,
    pages_label,
    pdf_location,
    printed_images,
    site_path,
)
from reality_check.plugins.summary_card.card import BriefCard, KeyPoint, Recommendation

CARD = BriefCard(
    key_points=(
        KeyPoint(
            "Zembla – a made-up country – builds paper boats.",
            "Zembla – a made-up country – builds paper boats.",
        ),
    ),
    recommendations=(
        Recommendation(
            1,
            "Count the boats.",
            "Then count again.",
            "<strong>Count the boats.</strong>",
            "recommendation-1",
        ),
    ),
)
BRIEF = PrintedBrief(
    slug="synthetic-paper-navy",
    url="https://example.org/briefs/synthetic-paper-navy/",
    title="Synthetic brief about Zembla’s paper navy",
    series="Reality Check",
    series_number=901,
    date=datetime.date(2099, 2, 1),
    locale_date="February 1, 2099",
    authors=(BylineName("Invented Author"),),
    topics=("Defense",),
    regions=("Zembla",),
    summary_card=CARD,
    body_html="<p>Body.</p>",
    citation="Author, Invented. “Synthetic.” Reality Check, no. 901.",
    lang="en",
)
INPUTS = DrawingInputs(
    page_size="letter",
    templates="t" * 64,
    stylesheets=("body { color: black }",),
    fonts=(("CharisSIL-Regular.ttf", 1000),),
    engine="weasyprint 70.0, pydyf 0.13.0",
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Short title", "Short title"),
        ("  Spaces   folded  ", "Spaces folded"),
        (
            "Focus on interests, not on human rights with Russia, and on everything else besides",
            "Focus on interests, not on human rights with Russia, and on…",
        ),
        ("A" * 80, "A" * 59 + "…"),  # one word longer than the header: cut inside it
        (
            "One two three four five six seven eight nine ten eleven twelve, thirteen",
            "One two three four five six seven eight nine ten eleven…",
        ),
        (
            "Words up to a comma, then more words, and more words, and yet more",
            "Words up to a comma, then more words, and more words, and…",
        ),
    ],
)
def test_short_title_keeps_whole_words_within_sixty_characters(title, expected):
    assert short_title(title) == expected
    assert len(short_title(title)) <= 60


@pytest.mark.parametrize(
    ("size", "label"),
    [(640, "640 bytes"), (1000, "1 KB"), (41_234, "41 KB"), (999_400, "999 KB"), (1_234_567, "1.2 MB")],
)
def test_size_label(size, label):
    assert size_label(size) == label


def test_pages_label():
    assert (pages_label(1), pages_label(5)) == ("1 page", "5 pages")


@pytest.mark.parametrize(
    ("setting", "css"), [(None, "letter"), ("letter", "letter"), ("A4", "A4"), (" a4 ", "A4")]
)
def test_page_size_setting(setting, css):
    assert page_size(setting) == css


def test_unknown_page_size_says_what_is_expected():
    with pytest.raises(PdfEditionSettingError) as error:
        page_size("legal")
    assert str(error.value) == (
        "PDF_EDITION_PAGE_SIZE must be one of 'letter', 'a4', not 'legal' (set it in pelicanconf.py; the default "
        "is 'letter')"
    )


def test_subject_is_the_first_key_point_and_keywords_are_topics_then_regions():
    assert BRIEF.subject == "Zembla – a made-up country – builds paper boats."
    assert BRIEF.keywords == ("Defense", "Zembla")
    assert dataclasses.replace(BRIEF, summary_card=BriefCard()).subject == ""


@pytest.mark.parametrize(
    "change",
    [
        {"title": "Another title"},
        {"series_number": 902},
        {"date": datetime.date(2099, 2, 2)},
        {"authors": (BylineName("Invented Author"), BylineName("Second Author"))},
        {"topics": ("Trade",)},
        {"regions": ()},
        {"summary_card": BriefCard(key_points=CARD.key_points)},
        {"body_html": "<p>Body, edited.</p>"},
        {"citation": "Another citation."},
        {"url": "https://example.org/briefs/moved/"},
        {"lang": "ru"},
        {"modified": datetime.date(2099, 3, 1)},
        {"images": (PrintedImage("/images/chart.png", "/content/images/chart.png", "d" * 64),)},
    ],
    ids=lambda change: next(iter(change)),
)
def test_everything_the_pdf_shows_is_in_the_cache_key(change):
    assert cache_key(dataclasses.replace(BRIEF, **change), INPUTS) != cache_key(BRIEF, INPUTS)


@pytest.mark.parametrize(
    "change",
    [
        {"page_size": "A4"},
        {"templates": "u" * 64},
        {"stylesheets": ("body { color: navy }",)},
        {"fonts": (("CharisSIL-Regular.ttf", 1001),)},
        {"engine": "weasyprint 71.0, pydyf 0.13.0"},
    ],
    ids=lambda change: next(iter(change)),
)
def test_everything_that_draws_the_pdf_is_in_the_cache_key(change):
    assert cache_key(BRIEF, dataclasses.replace(INPUTS, **change)) != cache_key(BRIEF, INPUTS)


def test_cache_key_is_stable_for_equal_values():
    assert cache_key(dataclasses.replace(BRIEF), dataclasses.replace(INPUTS)) == cache_key(BRIEF, INPUTS)


def test_an_image_changed_under_the_same_name_changes_the_key_and_where_it_is_kept_does_not(tmp_path):
    chart = tmp_path / "a" / "chart.png"
    chart.parent.mkdir()
    chart.write_bytes(b"synthetic chart, first drawing")
    body = '<p><img alt="A chart" src="https://example.org/images/chart.png"></p>'
    static = {"images/chart.png": str(chart)}

    def key() -> str:
        images = printed_images(body, "https://example.org", static)
        return cache_key(dataclasses.replace(BRIEF, body_html=body, images=images), INPUTS)

    first = key()
    moved = tmp_path / "b" / "chart.png"  # another checkout of the same content
    moved.parent.mkdir()
    moved.write_bytes(chart.read_bytes())
    static["images/chart.png"] = str(moved)
    assert key() == first
    moved.write_bytes(b"synthetic chart, redrawn")
    assert key() != first


def test_the_images_printed_are_the_sites_own_each_once():
    body = (
        '<img alt="A" src="/images/a.png"><img alt="A again" src="/images/a.png">'
        '<img alt="B" src="https://elsewhere.example/images/b.png"><img alt="C" src="/images/missing.png">'
    )

    found = printed_images(body, "", {"images/a.png": __file__, "images/b.png": __file__})

    assert [(image.src, image.path) for image in found] == [("/images/a.png", __file__)]


@pytest.mark.parametrize(
    ("src", "siteurl", "path"),
    [
        ("/images/chart.png", "", "images/chart.png"),
        ("https://example.org/rc/images/a%20chart.png", "https://example.org/rc", "images/a chart.png"),
        ("https://example.org/rc/images/chart.png", "https://example.org/rc/", "images/chart.png"),
        ("https://elsewhere.example/images/chart.png", "https://example.org", ""),
        ("//elsewhere.example/images/chart.png", "", ""),
    ],
)
def test_an_address_in_the_page_is_a_path_in_the_site_or_elsewhere(src, siteurl, path):
    assert site_path(src, siteurl) == path


@pytest.mark.parametrize(
    ("series", "name"),
    [
        ("Reality Check", "reality-check-4.pdf"),
        ("Réalité Check", "realite-check-4.pdf"),  # was r-alit-check-4.pdf
        ("Проверка фактов", "brief-4.pdf"),  # was -4.pdf
    ],
)
def test_the_pdf_is_named_by_the_series_as_a_slug_and_the_number(series, name):
    """As the browser editor names a new brief's file (decap_admin): accents dropped, not each accented letter a
    hyphen, and a series with no letter a slug keeps named "brief"."""
    article = SimpleNamespace(url="briefs/synthetic/", save_as="briefs/synthetic/index.html")
    assert pdf_location(article, series, 4) == (f"briefs/synthetic/{name}", f"briefs/synthetic/{name}")
