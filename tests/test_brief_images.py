"""Level 3: an image in a brief, through a real build with the publishing settings (the four-brief series site,
whose synthetic #5 shows a chart from content/images): published as it is, and shown at its address on the site
by the brief's page and its feed entry.

The rules for images are tested on fragments in plugins/brief_registry/tests/test_images.py; a brief whose image
the site cannot show is refused by the build with `make check`'s words (tests/test_brief_files.py); the PDF edition
draws the image (tests/test_pdf_edition.py); a phone shows it under the site's security policy
(tests/quality/test_browser_journeys.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup
from conftest import SERIES_FIXTURES, SITEURL

CHART = SERIES_FIXTURES / "images" / "synthetic-chart.png"
BRIEF_5 = "briefs/synthetic-reply-about-invented-quorum-rules/"
ALT = "Synthetic bar chart of invented quorum counts in five imaginary sessions"
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_image_is_published_beside_the_pages_as_it_is(series_site):
    assert (series_site.root / "images" / CHART.name).read_bytes() == CHART.read_bytes()


def test_the_brief_page_shows_it_at_its_address_on_the_site(series_site):
    (image,) = series_site.page(BRIEF_5).select("main .brief-body img")

    assert (image["src"], image["alt"]) == (f"{SITEURL}/images/{CHART.name}", ALT)


def test_the_feed_entry_shows_it_at_its_full_address(series_site):
    entries = ET.parse(series_site.path("feeds/all.atom.xml")).getroot().findall(f"{ATOM}entry")
    (entry,) = [e for e in entries if e.find(f"{ATOM}link").get("href") == f"{SITEURL}/{BRIEF_5}"]

    images = BeautifulSoup(entry.find(f"{ATOM}content").text, "html.parser").select("img")

    assert [(image["src"], image["alt"]) for image in images] == [(f"{SITEURL}/images/{CHART.name}", ALT)]


def test_only_the_brief_that_shows_an_image_has_one(series_site):
    pages = sorted(series_site.root.glob("briefs/*/index.html"))
    with_images = [
        page.parent.name
        for page in pages
        if BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("main .brief-body img")
    ]

    assert with_images == [BRIEF_5.split("/")[1]]
