"""Level 2: WeasyPrint draws small pages; what comes out is a valid, tagged, reproducible PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pdftools
import pytest
from PIL import Image

from reality_check.plugins.pdf_edition import draw_pdf
from reality_check.plugins.pdf_edition.drawing import draw_into_cache, read_pages

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic: paper boats</title>
<meta name="author" content="Invented Author"><meta name="dcterms.created" content="2099-02-01"></head>
<body><h1>Synthetic: paper boats</h1><p>Zembla – a made-up country – counts its “boats”.</p>
<h2 id="more">More</h2><p><a href="#more">Back to more</a> and <a href="https://example.org/">a site</a>.</p>
<p style="break-before: page">Second page.</p></body></html>"""
STYLE = ('body { font-family: "Charis SIL", serif }',)


@pytest.fixture(autouse=True)
def _tools():
    pdftools.require_pdf_tools()


def test_same_page_gives_the_same_bytes():
    first = draw_pdf(PAGE, (*STYLE, "@page { size: letter }"), "a" * 64)
    again = draw_pdf(PAGE, (*STYLE, "@page { size: letter }"), "a" * 64)
    assert first.data == again.data
    assert first.data.startswith(b"%PDF-1.7")
    assert first.pages == 2


@pytest.mark.parametrize(
    ("size", "points"), [("letter", "612 x 792 pts (letter)"), ("A4", "595.276 x 841.89 pts (A4)")]
)
def test_page_size_comes_from_the_page_rule(tmp_path, size, points):
    path = tmp_path / "page.pdf"
    path.write_bytes(draw_pdf(PAGE, (*STYLE, f"@page {{ size: {size} }}"), "b" * 64).data)
    assert pdftools.info(path)["Page size"] == points


def test_a_tagged_pdf_ua_with_metadata_from_the_head(tmp_path):
    path = draw_into_cache(tmp_path / "cache" / "key.pdf", PAGE, STYLE, "c" * 64)
    assert read_pages(path) == 2
    assert pdftools.check(path).returncode == 0
    info = pdftools.info(path)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "Synthetic: paper boats"
    assert info["Author"] == "Invented Author"
    assert info["CreationDate"] == "2099-02-01T00:00:00Z"
    assert {"Document", "H1", "H2", "P", "Link"} <= set(pdftools.structure_roles(path))
    assert pdftools.outline(path) == [(0, "Synthetic: paper boats"), (1, "More")]
    assert pdftools.link_targets(path) == ["#more", "https://example.org/"]
    assert "Zembla – a made-up country – counts its “boats”." in pdftools.text(path)
    assert all(font.embedded for font in pdftools.fonts(path))


def test_nothing_is_fetched(tmp_path, caplog):
    page = PAGE.replace("<h1>", '<img src="https://example.org/tracker.png" alt="A picture"><h1>')
    drawn = draw_pdf(page, STYLE, "d" * 64)  # refused, not downloaded: the drawing still succeeds
    assert drawn.pages == 2
    assert any("tracker.png" in record.getMessage() for record in caplog.records)


def test_the_briefs_own_images_are_read_from_their_files_and_nothing_else(tmp_path, caplog):
    chart = tmp_path / "images" / "chart.png"
    chart.parent.mkdir()
    Image.new("RGB", (40, 20), (30, 60, 110)).save(chart)
    secret = tmp_path / "secret.png"
    Image.new("RGB", (7, 7)).save(secret)
    page = PAGE.replace(
        "<h1>",
        '<img src="/images/chart.png" alt="A synthetic chart">'
        f'<img src="{secret.as_uri()}" alt="Not the brief\'s"><img src="/images/other.png" alt="Not given"><h1>',
    )
    path = tmp_path / "page.pdf"

    path.write_bytes(draw_pdf(page, STYLE, "f" * 64, {"/images/chart.png": str(chart)}).data)

    assert [image.size for image in pdftools.images(path)] == [(40, 20)]
    refused = " ".join(record.getMessage() for record in caplog.records)
    assert "secret.png" in refused
    assert "other.png" in refused


def test_a_cache_entry_without_its_page_count_is_not_whole(tmp_path):
    path = draw_into_cache(tmp_path / "key.pdf", PAGE, STYLE, "e" * 64)
    path.with_suffix(".json").unlink()
    assert read_pages(path) is None


def test_a_cached_pdf_cut_short_is_not_whole(tmp_path):
    """A cache restored in part (or a full disk) left a PDF without its end, and make publish shipped it."""
    path = draw_into_cache(tmp_path / "key.pdf", PAGE, STYLE, "e" * 64)
    assert read_pages(path) == 2
    path.write_bytes(path.read_bytes()[:-100])
    assert read_pages(path) is None


def test_a_table_has_the_sites_space_above_and_below_it_on_paper(tmp_path):
    """The site gives a table its space (1.5rem) through its scrolling region, which the PDF's HTML has not: the
    PDF's tables stood closer to the text than a paragraph's break."""
    css = Path(__file__).resolve().parents[3] / "theme" / "static" / "css"
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic: table</title></head><body>'
        '<div class="brief-body"><p>Aboveword</p><table><tr><th>Headword</th></tr><tr><td>Cellword</td></tr>'
        "</table><p>Belowword</p></div></body></html>"
    )
    styles = tuple((css / name).read_text(encoding="utf-8") for name in ("site.css", "pdf.css"))
    path = tmp_path / "table.pdf"
    path.write_bytes(draw_pdf(page, styles, "c" * 64).data)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    y = {
        w: (float(top), float(bottom))
        for top, bottom, w in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(\w+)<', boxes)
    }
    assert y["Headword"][0] - y["Aboveword"][1] > 18  # 1.5rem, and the header cell's padding
    assert y["Belowword"][0] - y["Cellword"][1] > 18


def test_a_word_too_long_for_its_column_breaks_between_syllables_on_paper(tmp_path):
    """A table wider than the page squeezes its columns, and a word too long for one broke anywhere ("Juris/dictio/n"
    in a six-column table); it now breaks where the page's language hyphenates it, with a hyphen."""
    css = Path(__file__).resolve().parents[3] / "theme" / "static" / "css"
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic: hyphens</title></head><body>'
        '<div class="brief-body"><table style="table-layout: fixed; width: 5em"><tr><th>Jurisdiction</th></tr></table></div>'
        "</body></html>"
    )
    styles = tuple((css / name).read_text(encoding="utf-8") for name in ("site.css", "pdf.css"))
    path = tmp_path / "hyphens.pdf"
    path.write_bytes(draw_pdf(page, styles, "d" * 64).data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pieces = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("Page ")]
    assert len(pieces) > 1, f"the word was not broken: the test shows nothing ({pieces})"
    assert all(p.endswith(("-", "\u2010")) for p in pieces[:-1]), pieces  # each break at a hyphen
    assert "".join(p.rstrip("-\u2010") for p in pieces) == "Jurisdiction", pieces


def test_lists_keep_the_numbers_their_author_gave(tmp_path):
    """WeasyPrint ignores <ol start> and <li value>: a brief's recommendations written from 3 printed as 1, 2."""
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic</title></head><body>'
        '<ol start="3"><li>Third thing.</li><li>Fourth thing.</li></ol>'
        '<ol class="recommendations" start="5"><li value="5">Fifth.</li><li value="9">Ninth.</li></ol>'
        "<ol><li>First again.</li></ol></body></html>"
    )
    path = tmp_path / "numbers.pdf"
    path.write_bytes(draw_pdf(page, STYLE, "e" * 64).data)
    lines = [" ".join(line.split()) for line in pdftools.text(path).splitlines() if line.strip()]
    assert lines == ["3. Third thing.", "4. Fourth thing.", "5. Fifth.", "9. Ninth.", "1. First again."]
