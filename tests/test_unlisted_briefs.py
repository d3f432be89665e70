"""Level 3: briefs Pelican writes a page for but lists nowhere (`status: hidden`, and a hidden brief's
translation), and a draft, which gets no page. A hidden brief is unlisted, not unfinished: every link its page
gives works, its translation speaks its own language, and the browser editor's "View Live" finds each page.
Read from one built site (`unlisted_site`)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from conftest import HIDDEN_6, HIDDEN_6_FR, text_of

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_a_hidden_briefs_embed_links_lead_to_files_that_exist(unlisted_site):
    """Its page offers the card and its oEmbed answer like any brief's: both were missing (a partner's frame
    showed a 404)."""
    page = unlisted_site.page(HIDDEN_6)
    oembed = page.select_one('link[type="application/json+oembed"]')["href"]
    card = page.select_one('a[href$="/card/"]')["href"]
    assert unlisted_site.path(oembed).is_file(), oembed
    assert unlisted_site.path(card).is_file(), card
    answer = json.loads(unlisted_site.path(oembed).read_text(encoding="utf-8"))
    assert card in answer["html"]


def test_a_hidden_briefs_translation_is_dated_and_switched_in_its_language(unlisted_site):
    french = unlisted_site.page(HIDDEN_6_FR)
    assert french.html["lang"] == "fr"
    assert text_of(french.select_one(".brief-label time")) == "9 avril 2021"  # was "April 9, 2021"
    alternates = {link["hreflang"] for link in french.select('head link[rel="alternate"][hreflang]')}
    assert {"en", "fr"} <= alternates
    original = unlisted_site.page(HIDDEN_6)
    assert {link["hreflang"] for link in original.select('head link[rel="alternate"][hreflang]')} >= {
        "en",
        "fr",
    }


def test_view_live_finds_every_page_and_says_what_a_draft_is(unlisted_site):
    def forwards_to(stem: str) -> str | None:
        refresh = unlisted_site.page(f"admin/preview/{stem}/").find("meta", attrs={"http-equiv": "refresh"})
        return re.sub(r"^0; url=", "", refresh["content"]) if refresh else None

    assert forwards_to("synthetic-series-6") == f"/{HIDDEN_6}"  # said "could not build it"
    assert forwards_to("synthetic-series-6-fr") == f"/{HIDDEN_6_FR}"
    assert forwards_to("synthetic-series-5-ru").startswith("/ru/briefs/")
    assert unlisted_site.path(forwards_to("synthetic-series-5-ru")).is_file()
    assert forwards_to("synthetic-draft-7") is None  # it forwarded to drafts/…html, which no build writes
    draft = text_of(unlisted_site.page("admin/preview/synthetic-draft-7/").find("main"))
    assert "is a draft (status: draft): the site has no page for it until that line is removed" in draft


def test_every_languages_listing_is_dated_no_earlier_than_its_briefs(unlisted_site):
    entries = {
        url.findtext("s:loc", namespaces=SITEMAP): url.findtext("s:lastmod", namespaces=SITEMAP)
        for url in ET.parse(unlisted_site.root / "sitemap.xml").getroot().findall("s:url", SITEMAP)
    }
    for listing in ("/fr/", "/ru/", "/uk/"):
        briefs = [loc for loc in entries if loc.startswith(f"{listing}briefs/")]
        assert briefs, listing
        assert entries[listing] >= max(entries[loc] for loc in briefs), listing


def test_search_engines_are_asked_not_to_index_a_hidden_brief_only(unlisted_site):
    """A hidden brief is shared by its address only: its page and its translation's ask search engines not to index
    them; a listed brief's does not."""

    def robots(url: str) -> list[str]:
        return [meta["content"] for meta in unlisted_site.page(url).select('head meta[name="robots"]')]

    assert robots(HIDDEN_6) == ["noindex"]
    assert robots(HIDDEN_6_FR) == ["noindex"]
    listed = [
        path for path in unlisted_site.root.glob("briefs/*/index.html") if HIDDEN_6 not in path.as_posix()
    ]
    assert len(listed) >= 3
    for path in listed:
        assert robots(path.relative_to(unlisted_site.root).parent.as_posix() + "/") == [], path
