"""Valid HTML: the Nu HTML Checker (vnu.jar from npm, run with the system's Java) over every page of the built site."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import FIXTURES
from .gates import validate_html
from .tools import missing_java, missing_vnu, require


@pytest.fixture(autouse=True)
def _needs_vnu() -> None:
    require(missing_java(), missing_vnu())


# Stylesheets for WeasyPrint's paged media (string-set, string(), @page rules: the PDF edition), which the Nu
# checker's CSS validator does not know. No page links them (checked below): browsers never load them.
PAGED_MEDIA_ONLY = frozenset({"theme/css/pdf.css"})


def test_every_built_page_stylesheet_and_image_is_valid(quality_site: Path) -> None:
    pages = sorted(quality_site.rglob("*.html"))
    assert len(pages) >= 5, f"expected the home, NAEI and three brief pages at least (got {len(pages)})"
    linked = {
        link["href"]
        for page in pages
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(
            'link[rel~="stylesheet"]'
        )
    }
    assert not {href for href in linked if href.lstrip("/") in PAGED_MEDIA_ONLY}, (
        "a page links a paged-media sheet"
    )
    assets = sorted(
        file
        for file in [*quality_site.rglob("*.css"), *quality_site.rglob("*.svg")]
        if file.relative_to(quality_site).as_posix() not in PAGED_MEDIA_ONLY
    )
    assert assets, "the build has no stylesheet"
    problems = validate_html([*pages, *assets], root=quality_site)
    assert not problems, "the Nu HTML Checker found errors:\n" + "\n".join(map(str, problems))


def test_the_checker_catches_misnested_and_unclosed_elements() -> None:
    broken = FIXTURES / "broken" / "misnested.html"
    problems = validate_html([broken], root=broken.parent)
    found = {(problem.line, problem.message.split(" (")[0]) for problem in problems}
    assert {problem.path for problem in problems} == {"misnested.html"}
    assert (10, "No “em” element in scope but a “em” end tag seen.") in found, found
    assert (11, "Element “div” not allowed as child of element “ul” in this context.") in found, found
    assert (12, "Unclosed element “section”.") in found, found


def test_the_checker_catches_invalid_css(tmp_path: Path) -> None:
    stylesheet = tmp_path / "broken.css"
    stylesheet.write_text("/* SYNTHETIC TEST FIXTURE */\n.card { colour: red; }\n", encoding="utf-8")
    problems = validate_html([stylesheet], root=tmp_path)
    assert [(problem.path, problem.line) for problem in problems] == [("broken.css", 2)]
    assert "colour" in problems[0].message


def test_the_checker_passes_a_valid_fixture() -> None:
    """The same call on a valid page reports nothing: the failures above come from the markup, not the tool."""
    assert validate_html([FIXTURES / "broken" / "missing-anchor.html"]) == ()
