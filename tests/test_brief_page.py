"""Level 3: the whole site built into a temporary folder, its pages parsed."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from conftest import BRIEF_4_URL, FIXTURES, SEED, Site, build_site, copy_content, text_of

SEED_LINES = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
BODY_LINES = SEED_LINES[4:]  # after the topic line, the label, the title and the byline


def reader_line(line: str) -> str:
    """A seed line as the page prints it: bullets and recommendation numbers become list markers."""
    line = line.removeprefix("•").strip()
    return re.sub(r"^\d+ ", "", line)


@pytest.fixture(scope="module")
def brief(site):
    return site.page(BRIEF_4_URL)


def test_h1_carries_number_and_title(brief):
    h1 = brief.find_all("h1")
    assert len(h1) == 1
    assert text_of(h1[0]) == "Reality Check #4: Focus on interests, not on human rights with Russia"


def test_header_lines_of_the_seed_are_printed(brief):
    header = brief.find("header", class_="brief-header")
    assert text_of(header.find(class_="brief-tags")) == SEED_LINES[0] == "Politics & Diplomacy Russia"
    assert text_of(header.find(class_="brief-label")) == SEED_LINES[1] == "Reality Check March 5, 2021"
    assert header.find("time")["datetime"] == "2021-03-05"
    assert text_of(header.find(class_="byline")) == SEED_LINES[3] == "By Emma Ashford and Mathew Burrows"


@pytest.mark.parametrize("line", BODY_LINES, ids=lambda line: line[:40])
def test_every_seed_sentence_is_on_the_page(brief, line):
    page_text = text_of(brief.find("main"))
    assert reader_line(line) in page_text


def test_typography_is_kept(brief):
    text = text_of(brief.find("main"))
    for fragment in ("Navalny – and the Biden administration’s", "a major oil producer—and", "“absolute”"):
        assert fragment in text


def test_card_has_the_three_key_points_and_three_recommendations(brief):
    cards = brief.select("main section.summary-card")
    assert len(cards) == 1
    card = cards[0]
    points = [text_of(li) for li in card.select("ul.key-points > li")]
    assert points == [reader_line(line) for line in SEED_LINES[5:8]]
    recs = card.select("ol.recommendations > li")
    assert [text_of(li.find("strong")) for li in recs] == [
        "Resist further sanctions.",
        "Adopt a realistic attitude.",
        "Find carrots.",
    ]
    assert [li["value"] for li in recs] == ["1", "2", "3"]


def test_card_comes_before_the_body_and_links_into_it(brief):
    main = brief.find("main")
    card = main.find("section", class_="summary-card")
    body = main.find(class_="brief-body")
    assert card.sourceline < body.sourceline
    links = card.select("ol.recommendations a")
    assert len(links) == len(card.select("ol.recommendations > li")) == 3  # every title links into the body
    for link in links:
        target = link["href"].removeprefix("#")
        item = body.find(id=target)
        assert item is not None
        assert item.name == "li"
        assert text_of(item).startswith(text_of(link))


def test_key_points_are_not_printed_twice(brief):
    main = brief.find("main")
    first_point = reader_line(SEED_LINES[5])
    assert text_of(main).count(first_point) == 1


def test_whats_the_issue_twice_with_distinct_anchors(brief):
    headings = [h for h in brief.select(".brief-body h2") if text_of(h) == "What’s the issue?"]
    assert len(headings) == 2
    assert headings[0]["id"] != headings[1]["id"]


def test_recommendations_are_a_numbered_list_with_bold_leads(brief):
    items = brief.select(".brief-body ol > li")
    assert [text_of(li.find("strong")) for li in items] == [
        "Resist further sanctions.",
        "Adopt a realistic attitude.",
        "Find carrots.",
    ]


def test_explore_naei_links_to_the_naei_page(brief, site):
    link = brief.find("a", string="Explore NAEI")
    assert link is not None
    naei = site.page(link["href"])
    assert "New American Engagement Initiative" in text_of(naei.find("h1"))


def test_page_has_landmarks_and_skip_link(brief):
    skip = brief.find("a", class_="skip-link")
    assert skip["href"] == "#main"
    assert brief.find("main")["id"] == "main"
    assert brief.find("header")
    assert brief.find("footer")
    assert brief.find("nav")
    levels = [int(h.name[1]) for h in brief.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_description_is_the_first_key_point(brief):
    assert brief.find("meta", attrs={"name": "description"})["content"] == reader_line(SEED_LINES[5])


def executable_scripts(page):
    """Scripts a browser would run: JSON-LD (type application/ld+json) is data and is never executed."""
    return [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]


def test_no_script_and_no_third_party_request(brief):
    assert executable_scripts(brief) == []
    for tag, attr in (("link", "href"), ("img", "src"), ("script", "src")):
        for node in brief.find_all(tag):
            assert not re.match(r"^(https?:)?//", node.get(attr, "")), node


@pytest.fixture(scope="module")
def script_title_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real content plus a synthetic brief whose front matter is full of markup, built once for this module."""
    root = tmp_path_factory.mktemp("script-title")
    content = copy_content(root / "content", FIXTURES / "briefs" / "synthetic-script-title.md")
    return Site(build_site(content, root / "output"))


def test_home_page_shows_every_card_newest_first(script_title_site):
    site = script_title_site
    home = site.page("/")
    teasers = home.select("main .brief-teaser")
    numbers = [text_of(t.find(class_="brief-number")) for t in teasers]
    assert numbers == ["Reality Check #902:", "Reality Check #4:"]
    four = teasers[1]
    assert [text_of(li) for li in four.select("section.summary-card ul.key-points > li")] == [
        reader_line(line) for line in SEED_LINES[5:8]
    ]
    assert len(four.select("section.summary-card ol.recommendations > li > strong")) == 3
    assert four.find("h2").find("a")["href"] == "/" + BRIEF_4_URL


def test_markup_in_front_matter_is_escaped(script_title_site):
    site = script_title_site
    home = site.page("/")
    brief = site.page(home.select(".brief-teaser h2 a")[0]["href"])
    for page in (brief, home):
        assert executable_scripts(page) == []
        assert page.find("b") is None
    # The JSON-LD carries the title as data; no '<' in it can close its element.
    json_ld = brief.find("script", type="application/ld+json").string
    assert "<" not in json_ld
    assert json.loads(json_ld)["headline"].startswith('<script>alert("card")</script>')
    assert '<script>alert("card")</script>' in text_of(brief.find("h1"))
    assert '<script>alert("author")</script>' in text_of(brief.find(class_="byline"))
    assert '<script>alert("topic")</script>' in text_of(brief.find(class_="brief-tags"))
    assert "<script>" in brief.find("title").string


@pytest.mark.parametrize(
    ("given", "publisher", "footer_ends"),
    [
        (
            {"BRIEF_METADATA_PUBLISHER": "Synthetic Press"},
            "Synthetic Press",
            "Published by the Synthetic Press.",
        ),
        (
            {"AUTHOR": ""},
            "Reality Check",
            "for busy professionals.",
        ),  # the site publishes itself: no "by the …"
    ],
    ids=["publisher set", "no author"],
)
def test_the_publisher_is_named_alike_in_the_footer_and_the_citations(
    tmp_path, given, publisher, footer_ends
):
    """BRIEF_METADATA_PUBLISHER changed the citations and the structured data, while the footer (and the PDF's
    last lines, from the same macro) went on naming AUTHOR; with no AUTHOR the footer named "the ." """
    site = Site(build_site(copy_content(tmp_path / "content"), tmp_path / "output", **given))
    page = site.page(BRIEF_4_URL)

    assert text_of(page.select_one(".site-footer p")).endswith(footer_ends)
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["publisher"]["name"] == publisher


def test_each_card_of_a_listing_is_a_region_named_for_its_brief(script_title_site):
    """Every card on a listing was a region named "Key points" alone: a screen reader's list of regions showed the
    same name once per brief (axe: landmark-unique). Each is named by its heading and its brief's title."""
    home = script_title_site.page("/")
    names = [
        " ".join(text_of(home.find(id=part)) for part in card["aria-labelledby"].split())
        for card in home.select("main section.summary-card")
    ]
    assert names == [
        'Key points Reality Check #902: <script>alert("card")</script> Synthetic brief with <b>markup</b> in its title',
        "Key points Reality Check #4: Focus on interests, not on human rights with Russia",
    ]
