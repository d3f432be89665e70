"""Level 3: an image in a brief, through a real build with the publishing settings (the four-brief series site,
whose synthetic #5 shows a chart from content/images): published as it is, and shown at its address on the site
by the brief's page and its feed entry.

The rules for images are tested on fragments in plugins/brief_registry/tests/test_images.py; a brief whose image
the site cannot show is refused by the build with `make check`'s words (tests/test_brief_files.py); the PDF edition
draws the image (tests/test_pdf_edition.py); a phone shows it under the site's security policy
(tests/quality/test_browser_journeys.py). A link in the images folder to a file elsewhere is refused by both
and never published.
"""

from __future__ import annotations

import logging
import shutil
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup
from conftest import SERIES_FIXTURES, SITEURL, build_site
from editor_helpers import GOOD_BRIEF, content_copy, run

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


def test_a_link_out_of_the_images_folder_is_refused_and_what_it_points_to_is_never_published(
    tmp_path, caplog, capsys, monkeypatch
):
    """Pelican follows links: a picture linked to a private file, or a folder linked to another, would publish
    the file itself. Both are named, by the build and `make check` in the same words, and left out."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "synthetic-private-key").write_text("synthetic secret", encoding="utf-8")
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    images = content / "images"
    shutil.copy(CHART, images / CHART.name)
    (images / "key.png").symlink_to(elsewhere / "synthetic-private-key")
    (images / "shared").symlink_to(elsewhere, target_is_directory=True)
    (images / "same-chart.png").symlink_to(images / CHART.name)  # a link inside the folder is published
    said = [
        f"content/images/key.png:1: this file is a link to {elsewhere.resolve()}/synthetic-private-key, outside "
        "content/images, and the site would publish what it points to: the build leaves it out; copy the "
        "picture itself into the folder, or delete the link",
        f"content/images/shared:1: this folder is a link to {elsewhere.resolve()}, outside content/images, and "
        "the site would publish what it points to: the build leaves it out; copy the picture itself into the "
        "folder, or delete the link",
    ]

    with caplog.at_level(logging.ERROR):
        output = build_site(content, tmp_path / "output")

    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == said
    published = sorted(p.name for p in (output / "images").iterdir())
    assert published == ["same-chart.png", "share", CHART.name]  # share/: the share images the build draws
    assert not [p for p in output.rglob("*") if p.is_file() and b"synthetic secret" in p.read_bytes()]
    capsys.readouterr()  # the build's summary
    code, lines, _ = run(["check", "content"], capsys, monkeypatch, cwd=tmp_path)
    assert (code, lines) == (1, said)
