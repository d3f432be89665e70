"""sitemap.xml, read with an XML parser: listing pages are dated by the newest brief, never by the clock."""

from __future__ import annotations

import xml.etree.ElementTree as ET

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
