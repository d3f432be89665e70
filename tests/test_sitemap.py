"""sitemap.xml, read with an XML parser: listing pages are dated by the newest brief, never by the clock."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from conftest import CONTENT, build_site
from pelican import signals

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_listing_pages_are_dated_by_the_newest_brief(site):
    entries = {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in ET.parse(site.root / "sitemap.xml").getroot().findall("s:url", NS)
    }
    newest = "2021-03-05T00:00:00-05:00"  # the date of the one real brief, #4 (content/briefs/)
    listings = [
        loc for loc in entries if loc == "/" or loc.startswith(("/authors/", "/topics/", "/regions/"))
    ]
    assert "/" in listings
    assert len(listings) > 3
    for loc in listings:
        assert entries[loc] == newest, loc


def test_each_address_is_listed_once(site):
    """A brief's card page is written with the brief in its context, and pelican-sitemap lists such a file at the
    brief's address: without sitemap_dates' queue the brief was listed twice."""
    locations = [
        url.findtext("s:loc", namespaces=NS) for url in ET.parse(site.root / "sitemap.xml").getroot()
    ]
    assert locations.count("/briefs/focus-on-interests-not-on-human-rights-with-russia/") == 1
    assert len(locations) == len(set(locations)), locations


def test_a_build_after_one_that_stopped_half_way_still_writes_the_sitemap(tmp_path):
    """As a devserver does: one build stops with an error before it finishes, and the next, in the same process,
    writes sitemap.xml listing its own pages only."""

    def stop(generator):
        raise RuntimeError("a SYNTHETIC failure half-way through the build")

    signals.article_generator_finalized.connect(stop)
    try:
        with pytest.raises(RuntimeError, match="SYNTHETIC failure"):
            build_site(CONTENT, tmp_path / "stopped" / "output")
    finally:
        signals.article_generator_finalized.disconnect(stop)
    output = build_site(CONTENT, tmp_path / "next" / "output")
    locations = [url.findtext("s:loc", namespaces=NS) for url in ET.parse(output / "sitemap.xml").getroot()]
    assert "/" in locations
    assert len(locations) == len(set(locations))  # nothing queued by the stopped build is listed again
