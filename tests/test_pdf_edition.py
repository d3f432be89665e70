"""Level 3: the PDF edition of every brief, in a site built as `make publish` builds it, read back with poppler,
qpdf and pikepdf as an outside checker would; and the links to it (brief page, cards.json, JSON-LD, Atom)."""

from __future__ import annotations

import json
import logging
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import BRIEF_4_URL, FIXTURES, MAKE, ROOT, SEED, Site, build_site, copy_content, text_of
from pelican import parse_arguments
from PIL import Image

from reality_check.editor.build import pelican_arguments
from reality_check.plugins.pdf_edition.tests import pdftools

SITEURL = "https://reality-check.example.org"
PDF_4 = f"{BRIEF_4_URL}reality-check-4.pdf"
SEED_LINES = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
KEY_POINTS = [line.removeprefix("•").strip() for line in SEED_LINES[5:8]]
RECOMMENDATION_TITLES = ["Resist further sanctions.", "Adopt a realistic attitude.", "Find carrots."]
ARTIFACTS = ROOT / "test-artifacts" / "pdf"
SYNTHETIC = {
    "script": (FIXTURES / "briefs" / "synthetic-script-title.md", 902),
    "long-title": (FIXTURES / "pdf" / "synthetic-long-title.md", 911),
    "cyrillic": (FIXTURES / "pdf" / "synthetic-cyrillic-title.md", 912),
    "forty-pages": (FIXTURES / "pdf" / "synthetic-forty-pages.md", 913),
    "chart": (FIXTURES / "pdf" / "synthetic-chart.md", 914),
    "code": (FIXTURES / "pdf" / "synthetic-code-block.md", 916),
}
CHART = FIXTURES / "series" / "images" / "synthetic-chart.png"  # 800 × 400, shown by the "chart" brief
TALL = (600, 2400)  # a picture taller than a page, also shown by the "chart" brief (made by `built`)
ATOM = "{http://www.w3.org/2005/Atom}"


def long_brief(source: Path, destination: Path, sections: int = 55) -> Path:
    """The forty-page fixture with generated sections of invented text appended to its body."""
    paragraph = (
        "Invented paragraph {n}.{k} about the imaginary trade in paper boats between made-up harbours. "
        "Its sentences exist only to fill pages, so that the edition’s page numbers, running header and "
        "bookmarks can be tested on a body much longer than any real brief – forty pages and more."
    )
    body = "".join(
        f"\n## Invented section {n}\n\n" + "\n\n".join(paragraph.format(n=n, k=k) for k in range(1, 9)) + "\n"
        for n in range(1, sections + 1)
    )
    destination.write_text(source.read_text(encoding="utf-8") + body, encoding="utf-8")
    return destination


def build_with_pdfs(content: Path, output: Path, cache: Path, **overrides) -> Site:
    return Site(
        build_site(
            content,
            output,
            "publishconf.py",
            SITEURL=SITEURL,
            CACHE_PATH=str(cache),
            PDF_EDITION=True,
            **overrides,
        )
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Site, Path, Path]:
    """The real content plus the synthetic briefs, built for publication with PDFs: (site, content, cache)."""
    pdftools.require_pdf_tools()
    root = tmp_path_factory.mktemp("pdf-edition")
    content = copy_content(root / "content")
    shutil.copy(CHART, content / "images" / CHART.name)
    Image.new("RGB", TALL, (40, 80, 140)).save(content / "images" / "synthetic-tall-chart.png")
    for name, (source, _) in SYNTHETIC.items():
        target = content / "briefs" / source.name
        if name == "forty-pages":
            long_brief(source, target)
        else:
            shutil.copy(source, target)
    return build_with_pdfs(content, root / "output", root / "cache"), content, root / "cache"


@pytest.fixture(scope="module")
def site(built) -> Site:
    return built[0]


@pytest.fixture(scope="module")
def pdf4(site) -> Path:
    return site.root / PDF_4


def pdf_of(site: Site, number: int) -> Path:
    (found,) = site.root.glob(f"briefs/*/reality-check-{number}.pdf")
    return found


def reading_text(pdf: Path, furniture: tuple[str, ...] = (), page: int | None = None) -> str:
    """The PDF's text as one line, as a reader would copy it: page furniture (running header, page numbers)
    dropped, and lines joined with a space, or without one after a hyphen or dash that ends a word
    (WeasyPrint breaks lines after "human-" and "interests–", and never adds a hyphen of its own).

    The text comes in the order it is drawn (pdftotext -raw), where WeasyPrint draws a page's list markers
    ("•", "1.") after its text; lines holding only a marker are dropped too."""
    furniture_line = "|".join([*map(re.escape, furniture), r"Page \d+ of \d+", "•", r"\d+\."])
    lines = [
        line.strip()
        for line in pdftools.text(pdf, page, page, raw=True).splitlines()
        if not re.fullmatch(
            rf"(\s*({furniture_line}))*\s*", line
        )  # the left and right header may share a line
    ]
    joined = ""
    for line in lines:
        glue = "" if re.search(r"\S[-–—]$", joined) else " "
        joined = f"{joined}{glue}{line}" if joined else line
    return " ".join(joined.split())


def sentences(line: str) -> list[str]:
    line = re.sub(r"^(•|\d+)\s+", "", line)
    return [s for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", line) if s]


def test_every_sentence_of_the_seed_is_in_the_pdf_in_order(pdf4):
    text = reading_text(pdf4, ("Reality Check #4", "Focus on interests, not on human rights with Russia"))
    position = 0
    for line in SEED_LINES[2:]:  # from the title on; the label lines are checked on page one below
        for sentence in sentences(line):
            found = text.find(sentence, position)
            assert found >= 0, f"not found after position {position}: {sentence!r}"
            position = found + len(sentence)


def test_typography_is_kept(pdf4):
    text = reading_text(pdf4, ())
    for fragment in ("Navalny – and the Biden administration’s", "a major oil producer—and", "“absolute”"):
        assert fragment in text


def test_page_one_is_the_masthead_and_the_card(pdf4):
    page_one = reading_text(pdf4, page=1)
    for expected in (
        "Reality Check",
        "No. 4",
        "Politics & Diplomacy",
        "Russia",
        "Reality Check #4: Focus on interests, not on human rights with Russia",
        "By Emma Ashford and Mathew Burrows",
        "March 5, 2021",
        *KEY_POINTS,
        *RECOMMENDATION_TITLES,
    ):
        assert expected in page_one, expected
    assert page_one.index("Key points") < page_one.index(KEY_POINTS[2]) < page_one.index("Recommendations")


def test_page_one_picture_is_saved_for_a_look(pdf4):
    picture = pdftools.picture(pdf4, ARTIFACTS / "reality-check-4-page-1.png")
    header = picture.read_bytes()[:24]
    assert header.startswith(b"\x89PNG")
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert (width, height) == (680, 880)  # US Letter at 80 dpi


def test_metadata(pdf4):
    info = pdftools.info(pdf4)
    assert info["Title"] == "Reality Check #4: Focus on interests, not on human rights with Russia"
    assert info["Author"] == "Emma Ashford, Mathew Burrows"
    assert info["Subject"] == KEY_POINTS[0]
    assert info["Keywords"] == "Politics & Diplomacy, Russia"
    assert info["CreationDate"] == "2021-03-05T00:00:00Z"  # the brief's date, never the clock
    assert info["Page size"] == "612 x 792 pts (letter)"
    assert int(info["Pages"]) >= 4


def test_fonts_are_embedded_with_real_italic_and_bold(pdf4):
    fonts = pdftools.fonts(pdf4)
    assert fonts
    assert all(font.embedded and font.unicode for font in fonts)
    names = {re.sub(r"^[A-Z]{6}\+", "", font.name) for font in fonts}
    assert {"Charis-SIL", "Charis-SIL-Italic", "Charis-SIL-Bold"} <= names


def test_tagged_accessible_pdf(pdf4):
    assert pdftools.info(pdf4)["Tagged"] == "yes"
    roles = pdftools.structure_roles(pdf4)
    assert roles.count("H1") == 1
    assert {"Document", "H2", "P", "L", "LI", "Link"} <= set(roles)
    with pdftools.pikepdf.open(pdf4) as document:
        assert str(document.Root.Lang) == "en"
        assert bool(document.Root.ViewerPreferences.DisplayDocTitle)
        assert "pdfuaid:part" in str(document.Root.Metadata.read_bytes())


def test_bookmarks_follow_the_headings(pdf4):
    assert pdftools.outline(pdf4) == [
        (0, "Reality Check #4: Focus on interests, not on human rights with Russia"),
        (1, "Key points"),
        (1, "Recommendations"),
        (1, "What’s the issue?"),
        (1, "What’s the issue?"),
        (1, "Why is a focus on human rights problematic?"),
        (1, "What is the solution?"),
        (1, "Cite this brief"),
    ]


def test_card_links_go_to_the_recommendations_inside_the_pdf(pdf4):
    assert pdftools.link_targets(pdf4, 1) == ["#recommendation-1", "#recommendation-2", "#recommendation-3"]
    destinations = pdftools.named_destinations(pdf4)
    for n in (1, 2, 3):
        assert destinations[f"recommendation-{n}"] > 1


def test_a_relative_link_of_the_body_leads_where_it_does_on_the_briefs_page(site):
    """'/pages/naei/' and '../another-brief/' went into the PDF as written, links a PDF reader cannot follow."""
    pdf = pdf_of(site, 914)
    targets = [target for page in (1, 2) for target in pdftools.link_targets(pdf, page)]
    assert f"{SITEURL}/pages/naei/" in targets
    assert f"{SITEURL}/{BRIEF_4_URL}" in targets  # '../focus-on-…/' from /briefs/<this brief>/
    assert not [target for target in targets if not target.startswith(("https://", "#"))], targets


def test_running_header_and_page_numbers(pdf4):
    pages = int(pdftools.info(pdf4)["Pages"])
    first = pdftools.text(pdf4, 1, 1).splitlines()
    assert f"Page 1 of {pages}" in first
    assert "Reality Check #4" not in first  # page one has the masthead instead
    for page in range(2, pages + 1):
        lines = [line.strip() for line in pdftools.text(pdf4, page, page).splitlines()]
        assert "Reality Check #4" in lines
        assert "Focus on interests, not on human rights with Russia" in lines
        assert f"Page {page} of {pages}" in lines


def test_last_block_is_the_citation_and_the_address(pdf4):
    url = f"{SITEURL}/{BRIEF_4_URL}"
    pages = int(pdftools.info(pdf4)["Pages"])
    last = reading_text(pdf4, ()).rsplit("Cite this brief", 1)[1]
    assert "Ashford, Emma, and Mathew Burrows. “Focus on Interests, Not on Human Rights with Russia.”" in last
    assert f"Read this brief online: {url}" in last
    assert url in pdftools.link_targets(pdf4, pages)


@pytest.mark.parametrize("name", SYNTHETIC)
def test_hard_titles_and_long_bodies_give_valid_pdfs(site, name):
    source, number = SYNTHETIC[name]
    pdf = pdf_of(site, number)
    result = pdftools.check(pdf)
    assert result.returncode == 0, result.stdout + result.stderr
    info = pdftools.info(pdf)
    title = re.search(r'^title: "?(.*?)"?$', source.read_text(encoding="utf-8"), re.M).group(1)
    assert info["Title"] == f"Reality Check #{number}: {title}"  # markup stays text, never becomes markup
    assert all(font.embedded for font in pdftools.fonts(pdf))
    text = reading_text(pdf, ())
    assert " ".join(title.split()) in text
    if name == "forty-pages":
        assert int(info["Pages"]) >= 40
        assert f"Page 40 of {info['Pages']}" in pdftools.text(pdf, 40, 40)
    if name == "cyrillic":
        assert "Выдуманная страна Зембля строит флот из бумаги." in text
    if name == "long-title":
        header = pdftools.text(pdf, 2, 2) if int(info["Pages"]) > 1 else ""
        assert not header or "Synthetic brief whose title goes on and on: an invented…" in header


def test_a_long_line_of_code_wraps_inside_the_column(site):
    """A fenced block's line longer than the column ran off the page's right edge, and its end was lost; it wraps
    inside the column now, every word of it on the page, in order."""
    source, number = SYNTHETIC["code"]
    (line,) = re.findall(r"^```html\n(.*)\n```$", source.read_text(encoding="utf-8"), re.M)
    pdf = pdf_of(site, number)
    text = reading_text(pdf)
    assert [word for word in line.split() if word not in text] == []
    assert " ".join(line.split()) in text
    picture = pdftools.picture(pdf, ARTIFACTS / "code-block-page-1.png", dpi=60)
    assert picture.stat().st_size > 0


def test_an_image_of_the_body_is_drawn_with_its_description(site, pdf4):
    """The chart in content/images is read from its file (nothing is fetched) and drawn at its own pixels, as a
    tagged figure whose alternative text is the image's description, for screen readers."""
    pdf = pdf_of(site, 914)
    drawn = pdftools.images(pdf)
    assert [image.size for image in drawn] == [(800, 400), TALL]
    assert pdftools.figure_descriptions(pdf) == [
        "Synthetic bar chart of invented paper-boat counts in five imaginary years",
        "Synthetic picture taller than a page",
    ]
    assert pdftools.check(pdf).returncode == 0
    # The tall one is scaled to fit one page below the running header, not cut at the page's foot.
    assert drawn[1].drawn_height_inches <= 7.5 + 0.01
    assert pdftools.images(pdf4) == []  # #4 has no picture


def test_a_key_points_link_prints_its_address(site):
    """The card takes the key points out of the body, whose links print their address: a key point's link was
    printed as plain words, its address nowhere on the paper."""
    text = reading_text(pdf_of(site, 914))
    assert (
        "The counts come from an invented ledger (https://ledger.example.org/paper-boats) kept by no one."
        in text
    )


def test_brief_page_offers_the_pdf_with_its_size_and_pages(site, pdf4):
    link = site.page(BRIEF_4_URL).select_one("main .pdf-download a")
    assert link["href"] == f"{SITEURL}/{PDF_4}"
    assert text_of(link).startswith("Download PDF")
    facts = text_of(site.page(BRIEF_4_URL).select_one(".pdf-download__facts"))
    size_kb = round(pdf4.stat().st_size / 1000)
    assert facts == f"({size_kb} KB, {pdftools.info(pdf4)['Pages']} pages)"


def test_cards_json_links_each_pdf(site):
    document = json.loads((site.root / "cards.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "cards.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    by_number = {card["number"]: card for card in document["cards"]}
    assert by_number[4]["pdf"] == f"{SITEURL}/{PDF_4}"
    for number in (4, *(n for _, n in SYNTHETIC.values())):
        url = by_number[number]["pdf"]
        assert (site.root / url.removeprefix(f"{SITEURL}/")).is_file()


def test_json_ld_names_the_pdf_encoding(site):
    script = site.page(BRIEF_4_URL).find("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["encoding"] == {
        "@type": "MediaObject",
        "contentUrl": f"{SITEURL}/{PDF_4}",
        "encodingFormat": "application/pdf",
        "name": "Reality Check #4 (PDF)",
    }


def test_atom_entries_carry_the_pdf_as_an_enclosure(site, pdf4):
    feed = ET.parse(site.root / "feeds" / "all.atom.xml").getroot()
    entries = {entry.findtext(f"{ATOM}title"): entry for entry in feed.iter(f"{ATOM}entry")}
    entry = entries["Focus on interests, not on human rights with Russia"]
    (enclosure,) = [link for link in entry.iter(f"{ATOM}link") if link.get("rel") == "enclosure"]
    assert enclosure.attrib == {
        "rel": "enclosure",
        "href": f"{SITEURL}/{PDF_4}",
        "length": str(pdf4.stat().st_size),
        "type": "application/pdf",
    }


def test_unchanged_rebuild_draws_no_pdf(built, tmp_path, caplog):
    site, content, cache = built
    before = {p.name: p.stat().st_mtime_ns for p in cache.joinpath("pdf_edition").iterdir()}
    with caplog.at_level(logging.INFO, logger="reality_check.plugins.pdf_edition"):
        again = build_with_pdfs(content, tmp_path / "output", cache)
    assert f"pdf_edition: 0 of {len(SYNTHETIC) + 1} PDFs drawn" in [  # the synthetic briefs and #4
        record.getMessage().rsplit(", the rest", 1)[0] for record in caplog.records
    ]
    assert {p.name: p.stat().st_mtime_ns for p in cache.joinpath("pdf_edition").iterdir()} == before
    for pdf in site.root.glob("briefs/*/*.pdf"):
        assert (again.root / pdf.relative_to(site.root)).read_bytes() == pdf.read_bytes()


def test_two_cold_builds_draw_byte_identical_pdfs(tmp_path):
    pdftools.require_pdf_tools()
    content = copy_content(tmp_path / "content")
    first = build_with_pdfs(content, tmp_path / "a", tmp_path / "cache-a", PDF_EDITION_WORKERS=0)
    second = build_with_pdfs(content, tmp_path / "b", tmp_path / "cache-b", PDF_EDITION_WORKERS=0)
    assert (first.root / PDF_4).read_bytes() == (second.root / PDF_4).read_bytes()


def test_a4_is_a_setting(tmp_path):
    pdftools.require_pdf_tools()
    site = build_with_pdfs(
        copy_content(tmp_path / "content"), tmp_path / "out", tmp_path / "cache", PDF_EDITION_PAGE_SIZE="a4"
    )
    assert pdftools.info(site.root / PDF_4)["Page size"] == "595.276 x 841.89 pts (A4)"


def test_development_builds_leave_pdfs_out_by_default(tmp_path):
    site = Site(build_site(copy_content(tmp_path / "content"), tmp_path / "out"))
    assert not list(site.root.rglob("*.pdf"))
    assert site.page(BRIEF_4_URL).select_one(".pdf-download") is None
    cards = json.loads((site.root / "cards.json").read_text(encoding="utf-8"))["cards"]
    assert all("pdf" not in card for card in cards)


def test_make_publish_always_writes_the_pdfs(published):
    """`make publish` (deploy/publish.py, publishconf.py) writes the PDF beside the page, readable by all, and
    leaves it uncompressed (a PDF's streams are compressed already)."""
    pdf = published / PDF_4
    assert pdf.read_bytes().startswith(b"%PDF-1.7")
    assert pdf.stat().st_mode & 0o444 == 0o444
    assert not pdf.with_name(pdf.name + ".gz").exists()
    assert "Download PDF" in text_of(Site(published).page(BRIEF_4_URL).select_one(".pdf-download"))


@pytest.mark.parametrize(("pdf", "asks_for_pdfs"), [("", False), ("0", False), ("1", True)])
def test_make_html_draws_pdfs_when_asked(pdf, asks_for_pdfs):
    command = [*MAKE, "-n", "html", f"PDF={pdf}"]
    recipe = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout
    recipe = recipe.replace("\\\n", " ")  # one line per command, continuation lines joined
    (pelican_line,) = [line for line in recipe.splitlines() if " --settings pelicanconf.py " in line]
    words = shlex.split(pelican_line)
    # Read as Pelican reads the options (a later -e would replace an earlier one).
    arguments = pelican_arguments(
        Path("content"), Path("out"), Path("pelicanconf.py"), words[words.index("--") + 1 :]
    )
    assert parse_arguments(arguments).overrides.get("PDF_EDITION", False) is asks_for_pdfs


@pytest.mark.parametrize(
    ("wrong", "said"),
    [
        (
            {"PDF_EDITION_PAGE_SIZE": "legal"},
            "PDF_EDITION_PAGE_SIZE must be one of 'letter', 'a4', not 'legal' (set it in pelicanconf.py; the "
            "default is 'letter')",
        ),
        (
            {"PDF_EDITION_STYLESHEETS": ["css/site.css", "css/print.css"]},
            f"PDF_EDITION_STYLESHEETS names 'css/print.css', which cannot be read from {ROOT / 'theme' / 'static'} "
            "(the theme's static folder: No such file or directory); name stylesheets in that folder (set it in "
            "pelicanconf.py; the default is ['css/site.css', 'css/pdf.css'])",
        ),
        (
            {"PDF_EDITION_TEMPLATE": "print"},
            "PDF_EDITION_TEMPLATE is 'print', but the theme has no template 'print.html' (set it in pelicanconf.py "
            "to a template of the theme's templates folder, without .html; the default is 'pdf_edition')",
        ),
    ],
    ids=["page size", "stylesheet", "template"],
)
def test_a_setting_the_pdfs_cannot_use_is_a_message_not_a_traceback(tmp_path, caplog, wrong, said):
    with caplog.at_level(logging.ERROR, logger="reality_check.plugins.pdf_edition"):
        site = build_with_pdfs(
            copy_content(tmp_path / "content"), tmp_path / "out", tmp_path / "cache", **wrong
        )
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == [
        f"pdf_edition: {said}; no PDF was drawn or linked"
    ]
    assert not list(site.root.rglob("*.pdf"))
    assert site.page(BRIEF_4_URL).select_one(".pdf-download") is None


def test_a_hidden_brief_is_cited_and_printed_like_a_listed_one(tmp_path):
    """`status: hidden` leaves a brief off the listings, not unfinished: its page had no citation, no JSON-LD
    and no PDF."""
    pdftools.require_pdf_tools()
    content = copy_content(tmp_path / "content")
    source = SYNTHETIC["long-title"][0].read_text(encoding="utf-8")
    hidden = source.replace("series_number: 911", "series_number: 915\nstatus: hidden")
    (content / "briefs" / "synthetic-hidden.md").write_text(hidden, encoding="utf-8")
    site = build_with_pdfs(content, tmp_path / "out", tmp_path / "cache")
    (page_file,) = [p for p in site.root.glob("briefs/*/index.html") if "paper-navy" in p.parent.name]
    url = "/" + page_file.parent.relative_to(site.root).as_posix() + "/"
    page = site.page(url)
    assert "Reality Check, no. 915." in text_of(page.select_one(".cite-brief__citation"))
    assert json.loads(page.select_one('script[type="application/ld+json"]').string)["name"].startswith(
        "Reality Check #915: "
    )
    pdf = page.select_one(".pdf-download a")["href"]
    assert pdftools.info(site.root / pdf.removeprefix(SITEURL).lstrip("/"))["Pages"]
    assert url not in {a["href"] for a in site.page("/").select("a[href]")}  # still off the listings


def _pages_of_a_table_below(spacer_inches: float, stylesheet: str, tmp_path: Path) -> list[int]:
    """The pages on which a synthetic two-row table's header and rows are drawn, after `spacer_inches` of blank
    space, with `stylesheet` (the theme's pdf.css, or a variant)."""
    from reality_check.plugins.pdf_edition import draw_pdf

    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic</title></head><body>'
        f'<div class="brief-body"><div style="height: {spacer_inches}in"></div><table>'
        "<thead><tr><th>Synthetic-head</th><th>Count</th></tr></thead><tbody>"
        "<tr><td>Synthetic-row-one</td><td>1</td></tr><tr><td>Synthetic-row-two</td><td>2</td></tr>"
        "</tbody></table></div></body></html>"
    )
    drawn = draw_pdf(page, (stylesheet, "@page { size: letter }"), "t" * 64)
    path = tmp_path / "table.pdf"
    path.write_bytes(drawn.data)
    texts = [pdftools.text(path, n, n, raw=True) for n in range(1, drawn.pages + 1)]
    return [next(n for n, text in enumerate(texts, 1) if word in text) for word in
            ("Synthetic-head", "Synthetic-row-one", "Synthetic-row-two")]  # fmt: skip


def test_a_short_table_is_drawn_on_one_page(tmp_path):
    """A two-row table at the foot of a page went on with its last row on the next; now it moves whole. Checked
    at every place on the page, and shown to split without the rule (so this test can fail)."""
    pdftools.require_pdf_tools()
    theme = (ROOT / "theme" / "static" / "css" / "pdf.css").read_text(encoding="utf-8")
    without = re.sub(r"(\.brief-body table \{[^}]*?)\s*break-inside: avoid;", r"\1", theme)
    assert without != theme
    # The table's top from 8 in below the top margin to the foot of US Letter's 9.2 in of text: where it can split.
    spacers = [round(8.0 + step / 10, 1) for step in range(13)]
    split = [s for s in spacers if len(set(_pages_of_a_table_below(s, without, tmp_path))) > 1]
    assert split, "no place on the page splits the table without the rule: the test shows nothing"
    assert {s: _pages_of_a_table_below(s, theme, tmp_path) for s in split} == {s: [2, 2, 2] for s in split}
