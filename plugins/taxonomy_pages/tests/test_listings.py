"""Level 1: which briefs each author, topic and region page lists."""

from __future__ import annotations

from types import SimpleNamespace

from reality_check.plugins.brief_registry import Person, Registry, Term
from reality_check.plugins.taxonomy_pages import build_indexes, build_listings, index_address, term_url

RUSSIA, CHINA = Term("Russia", "russia"), Term("China", "china")
POLITICS, TECH = Term("Politics & Diplomacy", "politics-diplomacy"), Term("Technology", "technology")
EMMA, NEW = Person("Emma Ashford", "emma-ashford", "Bio."), Person("New Person", "new-person", "Bio.")
REGISTRY = Registry((EMMA, NEW), (POLITICS, TECH), (RUSSIA, CHINA))


def brief(number, authors=(), topics=(), regions=()):
    return SimpleNamespace(number=number, author_profiles=authors, topic_terms=topics, region_terms=regions)


def test_listings_keep_series_order_and_skip_unused_terms():
    briefs = [brief(6, (EMMA,), (POLITICS,), (CHINA,)), brief(4, (EMMA,), (POLITICS,), (RUSSIA,))]
    listings = build_listings(briefs, REGISTRY, {})
    assert [(item.entry.slug, [b.number for b in item.briefs]) for item in listings["author"]] == [
        ("emma-ashford", [6, 4]),
        ("new-person", []),  # every author has a page, even before their first brief
    ]
    assert [item.entry.slug for item in listings["topic"]] == ["politics-diplomacy"]
    assert [(item.entry.slug, [b.number for b in item.briefs]) for item in listings["region"]] == [
        ("russia", [4]),
        ("china", [6]),
    ]


def test_urls_save_as_and_topic_feeds_follow_the_settings():
    settings = {"TAXONOMY_TOPIC_URL": "subjects/{slug}/", "TAXONOMY_TOPIC_FEED_ATOM": "feeds/{slug}.xml"}
    listings = build_listings([brief(4, (EMMA,), (POLITICS,), (RUSSIA,))], REGISTRY, settings)
    topic = listings["topic"][0]
    assert (topic.url, topic.save_as, topic.feed) == (
        "subjects/politics-diplomacy/",
        "subjects/politics-diplomacy/index.html",
        "feeds/politics-diplomacy.xml",
    )
    assert listings["region"][0].feed is None  # each kind's feeds have a setting of their own
    regions = build_listings(
        [brief(4, (EMMA,), (POLITICS,), (RUSSIA,))], REGISTRY, {"TAXONOMY_REGION_FEED_ATOM": "r/{slug}.xml"}
    )
    assert ([t.feed for t in regions["topic"]], [r.feed for r in regions["region"]]) == (
        [None],
        ["r/russia.xml"],
    )
    assert term_url({}, "author", "emma-ashford") == "authors/emma-ashford/"


def test_a_brief_naming_an_entry_twice_is_listed_once_in_its_place():
    twice = brief(5, (EMMA, EMMA), (POLITICS, POLITICS), (RUSSIA,))
    briefs = [brief(6, (EMMA,), (TECH,), (CHINA,)), twice, brief(4, (NEW,), (POLITICS,), (RUSSIA,))]
    listings = build_listings(briefs, REGISTRY, {})
    numbers = {
        item.entry.slug: [b.number for b in item.briefs] for kind in listings.values() for item in kind
    }
    assert numbers == {
        "emma-ashford": [6, 5],
        "new-person": [4],
        "politics-diplomacy": [5, 4],
        "technology": [6],
        "russia": [5, 4],
        "china": [6],
    }


def test_each_kind_with_pages_gets_an_index_of_them_by_name():
    briefs = [brief(6, (EMMA,), (TECH,), (CHINA,)), brief(4, (EMMA,), (POLITICS,), (RUSSIA,))]
    indexes = build_indexes(build_listings(briefs, REGISTRY, {}), {})
    assert [(index.kind, index.title, index.url, index.save_as) for index in indexes] == [
        ("author", "Authors", "authors/", "authors/index.html"),
        ("topic", "Topics", "topics/", "topics/index.html"),
        ("region", "Regions", "regions/", "regions/index.html"),
    ]
    assert [listing.name for listing in indexes[2].listings] == [
        "China",
        "Russia",
    ]  # by name, not by registry order
    assert [listing.name for listing in indexes[1].listings] == ["Politics & Diplomacy", "Technology"]


def test_an_index_lives_in_the_folder_the_pages_share_or_nowhere():
    assert index_address("subjects/{slug}/") == "subjects/"
    assert index_address("a/b/{slug}.html") == "a/b/"
    assert index_address("{slug}/") is None  # it would be the home page
    assert index_address("topic-{slug}/") is None  # no folder of their own
    settings = {"TAXONOMY_REGION_URL": "{slug}/"}
    listings = build_listings([brief(4, (EMMA,), (POLITICS,), (RUSSIA,))], REGISTRY, settings)
    assert [index.kind for index in build_indexes(listings, settings)] == ["author", "topic"]
    assert build_indexes({"author": (), "topic": (), "region": ()}, {}) == ()  # no pages, no index
