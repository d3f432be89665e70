"""Level 2: real Pelican runs over small fixture folders; every card problem worded and placed by the build exactly as
`make check` words and places it."""

from __future__ import annotations

import logging
import shutil

import pytest
from conftest import CONTENT, ROOT, Site, build_site_logged, copy_content
from publishing import run_make

PROBLEMS = ROOT / "plugins" / "summary_card" / "test_data" / "problems"


def small_site(tmp_path, *briefs):
    """A content folder holding only the registries and the given briefs."""
    content = tmp_path / "content"
    (content / "briefs").mkdir(parents=True)
    for registry in CONTENT.glob("*.yml"):
        shutil.copy(registry, content)
    for brief in briefs:
        shutil.copy(brief, content / "briefs")
    return content


# Each problem fixture and the warnings its build logs, file:line first.
CARD_PROBLEMS = [
    (
        "key-points-twice.md",
        [
            "content/briefs/key-points-twice.md:19: key points appear twice: under the headings "
            "'Key points' and 'Summary' (the card shows those under 'Key points')"
        ],
    ),
    (
        "empty-recommendations.md",
        [
            "content/briefs/empty-recommendations.md:19: no recommendations: the heading 'Recommendations' must "
            "be followed by a numbered list such as '1. **Lead sentence.** Details…'"
        ],
    ),
    (
        "bad-front-matter.md",
        [
            "content/briefs/bad-front-matter.md:11: key_points must be a list of sentences (got a string)",
            "content/briefs/bad-front-matter.md:13: recommendations item 1 must be written as 'title:' and "
            "'text:' lines (got string 'Go somewhere.')",
        ],
    ),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Site]:
    """Each problem fixture alone with the registries, built once: fixture name -> the site and its warnings."""
    sites = {}
    for fixture, _ in CARD_PROBLEMS:
        root = tmp_path_factory.mktemp(fixture.removesuffix(".md"))
        content = small_site(root, PROBLEMS / fixture)
        sites[fixture] = build_site_logged(content, root / "output", CACHE_PATH=str(root / "cache"))
    return sites


@pytest.mark.parametrize(("fixture", "expected"), CARD_PROBLEMS)
def test_problem_is_a_warning_naming_file_line_and_what_was_expected(built, fixture, expected):
    site = built[fixture]
    # Warnings: the preview builds, and `make publish` (Pelican's --fatal warnings) stops on each, as
    # tests/test_publish.py shows through the real command.
    assert [(r.levelno, r.getMessage()) for r in site.records] == [(logging.WARNING, m) for m in expected]
    # The brief is still built (a warning, not an error), with what could be read.
    assert len(site.page("/").select("main section.summary-card")) == 1


def test_malformed_front_matter_falls_back_to_the_body(built):
    card = (
        built["bad-front-matter.md"]
        .page("briefs/synthetic-brief-with-malformed-card-fields-in-its-front-matter/")
        .find("section", class_="summary-card")
    )
    assert [li.get_text() for li in card.select("ul.key-points > li")] == [
        "The made-up Duchy of Grand Fenwick misfiled its front matter."
    ]
    assert [li.strong.get_text() for li in card.select("ol.recommendations > li")] == [
        "Fix the front matter."
    ]


def test_empty_recommendations_section_leaves_no_empty_list(built):
    card = built["empty-recommendations.md"].page("/").find("section", class_="summary-card")
    assert card.find("ol") is None
    assert card.select("ul.key-points > li")


def test_make_check_accepts_every_writing_style(tmp_path):
    from reality_check.editor.check import check_content

    content = copy_content(
        tmp_path / "content", *sorted((ROOT / "plugins/summary_card/test_data/briefs").glob("*.md"))
    )
    assert check_content(content) == []


@pytest.mark.parametrize(("fixture", "expected"), CARD_PROBLEMS)
def test_make_check_reads_the_body_and_reports_each_card_problem_the_build_warns_about(
    tmp_path, fixture, expected
):
    """Word for word and line for line: the build and `make check` place and word a card problem alike."""
    from reality_check.editor.check import check_content

    content = small_site(tmp_path, PROBLEMS / fixture)
    assert [str(p) for p in check_content(content)] == expected


def test_make_html_stops_on_a_card_problem_before_building(tmp_path):
    """`make check` runs first and Pelican never starts; each problem's words are `make check`'s (above)."""
    fixture, expected = CARD_PROBLEMS[-1]  # two problems in one brief
    content = small_site(tmp_path, PROBLEMS / fixture)
    output = tmp_path / "output"
    result = run_make("html", f"INPUTDIR={content}", f"OUTPUTDIR={output}")
    assert result.returncode != 0
    reported = [line for line in result.stdout.splitlines() if line.startswith("content/briefs/")]
    assert reported == expected
    assert not output.exists()  # make check stopped it: Pelican never ran
