"""Every author of every brief in the Atom feeds, as a real feed client (feedparser) reads them."""

from __future__ import annotations

import io
from types import SimpleNamespace

import feedparser
import pytest
from conftest import BRIEF_4_URL, SITEURL
from feedgenerator import Atom1Feed, Rss201rev2Feed

from reality_check.plugins.brief_metadata import Contributor
from reality_check.plugins.brief_metadata.feeds import name_every_author
from reality_check.plugins.brief_registry.briefs import article_for, index_by_url

# --- Level 1: the entry index and the feed object -----------------------------------------------------


@pytest.mark.parametrize(
    "link",
    [
        "https://x.test/briefs/one/",
        "https://x.test/briefs/one/?ref=feed",
        "https://x.test/mirror/sub/briefs/one/",  # a FEED_DOMAIN with a path of its own
    ],
)
def test_an_entry_link_finds_its_article(link):
    one, two = SimpleNamespace(url="briefs/one/"), SimpleNamespace(url="briefs/two/")
    assert article_for(link, index_by_url([one, two])) is one


def test_a_link_to_no_article_finds_none():
    assert (
        article_for("https://x.test/briefs/three/", index_by_url([SimpleNamespace(url="briefs/one/")]))
        is None
    )


def _feed(feed_class, *slugs):
    feed = feed_class(title="T", link="https://x.test/", description="d")
    for slug in slugs:
        feed.add_item(
            title=slug,
            link=f"https://x.test/briefs/{slug}/",
            description="",
            content="<p>x</p>",
            author_name="First Only",
        )
    return feed


def _written(feed) -> feedparser.FeedParserDict:
    out = io.StringIO()
    feed.write(out, "utf-8")
    return feedparser.parse(out.getvalue())


def test_every_author_is_written_in_byline_order():
    one = SimpleNamespace(url="briefs/one/")
    authors = (Contributor("Ada Lorem", "https://x.test/authors/ada/"), Contributor("Ben Ipsum"))
    feed = _feed(Atom1Feed, "one", "other")
    name_every_author(feed, [(one, authors)])
    parsed = _written(feed)
    assert [a.get("name") for a in parsed.entries[0].authors] == ["Ada Lorem", "Ben Ipsum"]
    assert parsed.entries[0].authors[0].get("href") == "https://x.test/authors/ada/"
    # An entry for a page the plugin knows nothing about keeps what Pelican wrote.
    assert [a.get("name") for a in parsed.entries[1].authors] == ["First Only"]


def test_running_twice_writes_each_author_once():
    one = SimpleNamespace(url="briefs/one/")
    feed = _feed(Atom1Feed, "one")
    pairs = [(one, (Contributor("Ada Lorem"), Contributor("Ben Ipsum")))]
    name_every_author(feed, pairs)
    name_every_author(feed, pairs)
    assert [a.get("name") for a in _written(feed).entries[0].authors] == ["Ada Lorem", "Ben Ipsum"]


def test_a_subclass_another_plugin_set_is_kept():
    class Marked(Atom1Feed):
        def add_item_elements(self, handler, item):
            super().add_item_elements(handler, item)
            handler.addQuickElement("rights", "marked")

    feed = _feed(Marked, "one")
    name_every_author(feed, [(SimpleNamespace(url="briefs/one/"), (Contributor("A"), Contributor("B")))])
    entry = _written(feed).entries[0]
    assert isinstance(feed, Marked)
    assert entry.get("rights") == "marked"
    assert [a.get("name") for a in entry.authors] == ["A", "B"]


def test_rss_feeds_are_left_alone():
    feed = _feed(Rss201rev2Feed, "one")
    name_every_author(feed, [(SimpleNamespace(url="briefs/one/"), (Contributor("A"), Contributor("B")))])
    assert type(feed) is Rss201rev2Feed
    assert feed.items[0]["author_name"] == "First Only"


# --- Level 3: the published feeds of a site of four briefs ---------------------------------------------


def _entries_by_title(path) -> dict[str, feedparser.FeedParserDict]:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return {entry.title: entry for entry in parsed.entries}


def _names(entry) -> list[str]:
    return [author.get("name") for author in entry.get("authors", ())]


def test_the_site_feed_names_both_authors_of_brief_4(series_site):
    entries = _entries_by_title(series_site.path("feeds/all.atom.xml"))
    entry = entries["Focus on interests, not on human rights with Russia"]
    assert entry.link == f"{SITEURL}/{BRIEF_4_URL}"
    assert _names(entry) == ["Emma Ashford", "Mathew Burrows"]
    assert [a.get("href") for a in entry.authors] == [
        f"{SITEURL}/authors/emma-ashford/",
        f"{SITEURL}/authors/mathew-burrows/",
    ]
    assert _names(entries["Synthetic brief on zeppelin logistics in a made-up Baltic"]) == [
        "Ada Lorem",
        "Ben Ipsum",
    ]
    assert _names(entries["Synthetic reply about invented quorum rules"]) == ["Ada Lorem"]


def test_every_topic_feed_names_every_author(series_site):
    feeds = sorted(series_site.path("feeds/topics/x").parent.glob("*.atom.xml"))
    assert feeds
    expected = {
        "Focus on interests, not on human rights with Russia": ["Emma Ashford", "Mathew Burrows"],
        "Synthetic brief on zeppelin logistics in a made-up Baltic": ["Ada Lorem", "Ben Ipsum"],
        "Synthetic reply about invented quorum rules": ["Ada Lorem"],
        "Synthetic brief on the fictional teacup tariff": ["Ben Ipsum"],
    }
    seen = set()
    for feed in feeds:
        for title, entry in _entries_by_title(feed).items():
            assert _names(entry) == expected[title], (feed.name, title)
            seen.add(title)
    assert seen == set(expected)
