"""Valid HTML: the Nu HTML Checker (vnu.jar from npm, run with the system's Java) over every page of the built site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import FIXTURES
from .gates import HtmlProblem, problems_in, validate_html
from .tools import missing_java, missing_vnu, require


@pytest.fixture(scope="module", autouse=True)
def _needs_vnu() -> None:
    require(missing_java(), missing_vnu())


# Stylesheets for WeasyPrint's paged media (string-set, string(), @page rules: the PDF edition), which the Nu
# checker's CSS validator does not know. No page links them (checked below): browsers never load them.
PAGED_MEDIA_ONLY = frozenset({"theme/css/pdf.css"})
MISNESTED = FIXTURES / "broken" / "misnested.html"
VALID = FIXTURES / "broken" / "missing-anchor.html"


@dataclass(frozen=True)
class Checked:
    """The built site's pages and assets, a stylesheet with an error, and what the Nu HTML Checker said of them all."""

    pages: tuple[Path, ...]
    assets: tuple[Path, ...]
    newsletter: Path  # the newsletter's archive page, of a site with an issue (the quality site has none)
    broken_css: Path
    files: tuple[Path, ...]
    problems: tuple[HtmlProblem, ...]


@pytest.fixture(scope="module")
def checked(quality_site: Path, digest_site, tmp_path_factory: pytest.TempPathFactory) -> Checked:
    """Every file the tests below look at, checked in one `validate_html` call (one Java start per file kind,
    instead of one or two per test: the JVM's start-up was most of each test's time)."""
    pages = tuple(sorted(quality_site.rglob("*.html")))
    assets = tuple(
        sorted(
            file
            for file in [*quality_site.rglob("*.css"), *quality_site.rglob("*.svg")]
            if file.relative_to(quality_site).as_posix() not in PAGED_MEDIA_ONLY
        )
    )
    broken_css = tmp_path_factory.mktemp("css") / "broken.css"
    broken_css.write_text("/* SYNTHETIC TEST FIXTURE */\n.card { colour: red; }\n", encoding="utf-8")
    newsletter = digest_site.path("newsletter/")
    files = tuple(file.resolve() for file in (*pages, *assets, newsletter, broken_css, MISNESTED, VALID))
    return Checked(pages, assets, newsletter, broken_css, files, validate_html(files))


def test_every_built_page_stylesheet_and_image_is_valid(quality_site: Path, checked: Checked) -> None:
    pages = checked.pages
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
    assert [file for file in checked.assets if file.suffix == ".css"], "the build has no stylesheet"
    unattributed = [str(problem) for problem in checked.problems if Path(problem.path) not in checked.files]
    assert not unattributed, "the Nu HTML Checker reported errors in no file it was given:\n" + "\n".join(
        unattributed
    )
    problems = problems_in(checked.problems, [*pages, *checked.assets], quality_site)
    assert not problems, "the Nu HTML Checker found errors:\n" + "\n".join(map(str, problems))


def test_the_newsletter_archive_is_valid(checked: Checked) -> None:
    assert checked.newsletter.is_file()
    problems = problems_in(checked.problems, [checked.newsletter], checked.newsletter.parent)
    assert not problems, "\n".join(map(str, problems))


def test_the_checker_catches_misnested_and_unclosed_elements(checked: Checked) -> None:
    problems = problems_in(checked.problems, [MISNESTED], MISNESTED.parent)
    found = {(problem.line, problem.message.split(" (")[0]) for problem in problems}
    assert {problem.path for problem in problems} == {"misnested.html"}
    assert (10, "No “em” element in scope but a “em” end tag seen.") in found, found
    assert (11, "Element “div” not allowed as child of element “ul” in this context.") in found, found
    assert (12, "Unclosed element “section”.") in found, found


def test_the_checker_catches_invalid_css(checked: Checked) -> None:
    problems = problems_in(checked.problems, [checked.broken_css], checked.broken_css.parent)
    assert [(problem.path, problem.line) for problem in problems] == [("broken.css", 2)]
    assert "colour" in problems[0].message


def test_the_checker_passes_a_valid_fixture(checked: Checked) -> None:
    """The same run reports nothing on a valid page: the failures above come from the markup, not the tool."""
    assert problems_in(checked.problems, [VALID], VALID.parent) == ()


def test_a_problem_outside_the_root_keeps_its_full_path(tmp_path: Path) -> None:
    problem = HtmlProblem("/elsewhere/page.html", 3, "Stray end tag")
    assert problem.relative_to(tmp_path) == problem
    assert HtmlProblem(str(tmp_path / "a" / "b.html"), 1, "x").relative_to(tmp_path).path == "a/b.html"
