"""Level 3: a throwaway brief in each writing style, added as an editor would, builds with the right card.

The real content folder is copied, the synthetic briefs dropped into its briefs/ folder, the whole site
built, and each card read back from the pages and from cards.json.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import jsonschema
import pytest
from conftest import BRIEF_4_URL, ROOT, Site, build_site, build_site_logged, copy_content, text_of

STYLE_BRIEFS = ROOT / "plugins" / "summary_card" / "test_data" / "briefs"
SCHEMA = json.loads((ROOT / "schemas" / "cards.schema.json").read_text(encoding="utf-8"))

# slug -> (key points, [(number, title)]): what each style's card must show (kept beside the fixtures).
EXPECTED = {
    card["slug"]: (card["key_points"], [tuple(r) for r in card["recommendations"]])
    for card in json.loads((STYLE_BRIEFS.parent / "expected_cards.json").read_text(encoding="utf-8")).values()
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    """The real content plus one brief per writing style, built once; `built.records`: its warnings."""
    tmp = tmp_path_factory.mktemp("styles")
    content = copy_content(tmp / "content", *sorted(STYLE_BRIEFS.glob("*.md")))
    return build_site_logged(content, tmp / "output", CACHE_PATH=str(tmp / "cache"))


def card_of(section) -> tuple[list[str], list[tuple[int, str]]]:
    points = [text_of(li) for li in section.select("ul.key-points > li")]
    recs = [
        (int(li["value"]), text_of(li.find("strong"))) for li in section.select("ol.recommendations > li")
    ]
    return points, recs


def test_every_style_builds_without_a_warning(built):
    assert built.logged == ()


@pytest.mark.parametrize("slug", EXPECTED)
def test_brief_page_has_the_full_card(built, slug):
    site = built
    page = site.page(f"briefs/{slug}/")
    cards = page.select("main section.summary-card")
    assert len(cards) == 1
    card = cards[0]
    assert "summary-card--compact" not in card["class"]
    assert card_of(card) == EXPECTED[slug]
    ol = card.find("ol", class_="recommendations")
    assert int(ol["start"]) == EXPECTED[slug][1][0][0]
    # Full card: each title links to its recommendation's place in the body of the same page.
    body = page.find(class_="brief-body")
    links = card.select("ol.recommendations a")
    assert len(links) == len(card.select("ol.recommendations > li")) > 0  # every title links into the body
    for link in links:
        assert link["href"].startswith("#")
        target = body.find(id=link["href"][1:])
        assert target is not None, link
        assert text_of(link).rstrip(".") in text_of(target)


@pytest.mark.parametrize("slug", EXPECTED)
def test_key_points_are_not_repeated_in_the_body(built, slug):
    site = built
    body = site.page(f"briefs/{slug}/").find(class_="brief-body")
    for point in EXPECTED[slug][0]:
        assert point not in text_of(body)


def test_home_page_shows_a_compact_card_for_every_brief(built):
    site = built
    home = site.page("/")
    teasers = {t.find("h2").find("a")["href"]: t for t in home.select("main .brief-teaser")}
    for slug, expected in EXPECTED.items():
        card = teasers[f"/briefs/{slug}/"].find("section", class_="summary-card")
        assert "summary-card--compact" in card["class"]
        assert card_of(card) == expected
        for link in card.select("ol.recommendations a"):
            assert link["href"].startswith(f"/briefs/{slug}/#recommendation-")


# Every listing a reader meets a brief on: the series archive (home page), authors, topics and regions.
# (slug of each style brief -> the listing pages it must appear on, from its front matter and the registries)
LISTINGS = {
    "synthetic-brief-in-the-bold-lead-list-style": [
        "authors/emma-ashford/",
        "topics/security-defense/",
        "regions/europe/",
    ],
    "synthetic-brief-in-the-plain-numbered-list-style": [
        "authors/mathew-burrows/",
        "topics/economy-business/",
        "regions/asia/",
    ],
    "synthetic-brief-in-the-numbered-sub-headings-style": [
        "authors/emma-ashford/",
        "topics/energy-environment/",
        "regions/americas/",
    ],
    "synthetic-brief-in-the-numbered-paragraphs-style": [
        "authors/mathew-burrows/",
        "topics/technology-innovation/",
        "regions/china/",
    ],
    "synthetic-brief-whose-key-points-are-in-the-front-matter": [
        "authors/emma-ashford/",
        "topics/politics-diplomacy/",
        "regions/middle-east/",
    ],
    "synthetic-brief-whose-recommendations-are-in-the-front-matter": [
        "authors/mathew-burrows/",
        "topics/security-defense/",
        "regions/russia/",
    ],
}


@pytest.mark.parametrize(
    ("slug", "listing"),
    [(slug, url) for slug, urls in LISTINGS.items() for url in urls],
    ids=lambda value: value.rstrip("/").split("/")[-1][:40],
)
def test_author_topic_and_region_pages_show_the_compact_card(built, slug, listing):
    site = built
    page = site.page(listing)
    teaser = next(
        (t for t in page.select("main .brief-teaser") if t.select_one(f'a[href="/briefs/{slug}/"]')), None
    )
    assert teaser is not None, f"{slug} is not listed on {listing}"
    card = teaser.find("section", class_="summary-card")
    assert "summary-card--compact" in card["class"]
    assert card_of(card) == EXPECTED[slug]


def test_every_listing_page_gives_every_brief_its_card(built):
    """No listing prints a brief without its card (whatever listings exist now or are added later)."""
    site = built
    listings = [
        site.root / "index.html",
        *sorted(
            p
            for folder in ("authors", "topics", "regions")
            for p in (site.root / folder).glob("*/**/index.html")
        ),  # each author's, topic's and region's pages; not the index of each kind, which lists no brief
    ]
    assert len(listings) >= 1 + 2 + 5 + 6
    for path in listings:
        page = site.page(str(path.relative_to(site.root)))
        teasers = page.select("main .brief-teaser")
        assert teasers, path
        for teaser in teasers:
            card = teaser.find("section", class_="summary-card")
            assert card is not None, (path, teaser.find("a")["href"])
            assert card.select("ul.key-points > li"), path
            assert card.select("ol.recommendations > li > strong"), path


def test_home_page_pagination_carries_the_cards(tmp_path):
    content = copy_content(tmp_path / "content", *sorted(STYLE_BRIEFS.glob("*.md")))
    site = Site(
        build_site(content, tmp_path / "output", DEFAULT_PAGINATION=3, CACHE_PATH=str(tmp_path / "c"))
    )
    seen = {}
    url = "/"
    while url:
        page = site.page(url)
        for teaser in page.select("main .brief-teaser"):
            seen[teaser.find("h2").find("a")["href"]] = card_of(teaser.find("section", class_="summary-card"))
        older = page.find("a", rel="next")
        url = older["href"] if older else None
    assert len(seen) == len(EXPECTED) + 1
    for slug, expected in EXPECTED.items():
        assert seen[f"/briefs/{slug}/"] == expected
    assert seen["/" + BRIEF_4_URL][1] == [
        (1, "Resist further sanctions."),
        (2, "Adopt a realistic attitude."),
        (3, "Find carrots."),
    ]


def test_cards_json_is_valid_and_in_the_archives_order(built):
    site = built
    document = json.loads(site.path("cards.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(document, SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    cards = document["cards"]
    assert [c["number"] for c in cards] == [916, 915, 914, 913, 912, 911, 4]
    archive = [a["href"] for a in site.page("/").select("main article.brief-teaser h2 a")]
    assert [c["url"] for c in cards][: len(archive)] == archive
    by_url = {c["url"]: c for c in cards}
    for slug, (points, recs) in EXPECTED.items():
        card = by_url[f"/briefs/{slug}/"]
        assert card["key_points"] == points
        assert [(r["number"], r["title"]) for r in card["recommendations"]] == recs
    four = by_url["/" + BRIEF_4_URL]
    assert four["authors"] == ["Emma Ashford", "Mathew Burrows"]
    assert four["topics"] == ["Politics & Diplomacy"]
    assert four["regions"] == ["Russia"]
    assert four["recommendations"][2]["text"].startswith("US policy toward Russia has become punitive.")
    assert (
        by_url["/briefs/synthetic-brief-whose-recommendations-are-in-the-front-matter/"]["recommendations"][
            0
        ]["text"]
        == "The invented port of Novaya Zemblya freezes in October."
    )


@pytest.mark.parametrize(
    "broken",
    [
        lambda d: d["cards"][0].pop("key_points"),
        lambda d: d["cards"][0].update(number="four"),
        lambda d: d["cards"][0]["recommendations"][0].update(title=""),
        lambda d: d["cards"][0].update(date="5 March 2021"),
    ],
    ids=["missing field", "number not an integer", "empty title", "date not ISO"],
)
def test_schema_rejects_a_broken_file(built, broken):
    """The schema is not a formality: it catches the mistakes a consumer would trip over."""
    site = built
    document = json.loads(site.path("cards.json").read_text(encoding="utf-8"))
    broken(document)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_cards_json_can_be_switched_off(tmp_path):
    output = build_site(
        ROOT / "content", tmp_path / "output", SUMMARY_CARD_JSON_SAVE_AS="", CACHE_PATH=str(tmp_path / "c")
    )
    assert not (output / "cards.json").exists()
    assert (output / "index.html").exists()


def test_headings_setting_replaces_the_defaults(tmp_path, caplog):
    content = copy_content(tmp_path / "content")
    with caplog.at_level(logging.WARNING, logger="reality_check.plugins.summary_card"):
        site = Site(
            build_site(
                content,
                tmp_path / "output",
                SUMMARY_CARD_KEY_POINTS_HEADINGS=["Bottom line"],
                CACHE_PATH=str(tmp_path / "c"),
            )
        )
    assert [r.getMessage() for r in caplog.records] == [
        "content/briefs/reality-check-4.md:13: no key points: add a heading '## Bottom line' followed by a "
        "bulleted list ('- …')"
    ]
    card = site.page(BRIEF_4_URL).find("section", class_="summary-card")
    assert card.find("ul", class_="key-points") is None
    assert len(card.select("ol.recommendations > li")) == 3


def _style_paths() -> list[Path]:
    return sorted(STYLE_BRIEFS.glob("*.md"))


def test_fixtures_are_marked_synthetic():
    for path in _style_paths():
        assert "SYNTHETIC TEST FIXTURE" in path.read_text(encoding="utf-8"), path
