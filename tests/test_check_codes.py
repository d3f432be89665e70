"""Level 1: the checks only the editors' tools make (`make check`, `make import`) each give their code.

Every member of ``CheckCode`` and ``SeedCode`` has a case here, so neither enum holds a code no rule raises.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from editor_helpers import SETTINGS

from reality_check.editor.check import (
    BriefAddress,
    BriefReport,
    CheckCode,
    LinkedFile,
    check_date,
    check_files_not_read,
    check_links,
    check_links_to_unpublished,
    check_placeholders,
    check_required,
    check_responses,
    check_slugs,
    check_title_label,
    check_values,
    future_date,
    share_image_glyphs,
    translations_by_others,
)
from reality_check.editor.importer import SeedCode, SeedError, parse_seed
from reality_check.editor.settings import load_settings
from reality_check.plugins.brief_registry import Numbered, Person, Problem, Registry, Term, read_front_matter
from reality_check.plugins.brief_registry.briefs import IGNORED_NAMES

EDITOR_SETTINGS = load_settings(SETTINGS)
# SYNTHETIC registry and briefs: invented names only.
REGISTRY = Registry(
    authors=(Person("Ada Example", "ada-example", "Writes synthetic briefs."),),
    topics=(Term("Testing", "testing"),),
    regions=(Term("Somewhere", "somewhere"),),
)
COMPLETE = "---\ntitle: Synthetic\nseries_number: 3\ndate: 2021-03-05\nauthors: [Ada Example]\n---\n\nBody.\n"

Find = Callable[[Path], list[Problem]]


def front(text: str):
    return read_front_matter(text, "x.md")


def broken_link(folder: Path) -> list[Problem]:
    (folder / "briefs").mkdir()
    source = folder / "briefs" / "x.md"
    text = COMPLETE.replace("Body.", "See [the other brief]({filename}no-such-brief.md).")
    source.write_text(text, encoding="utf-8")
    return check_links("x.md", front(text), source, folder, EDITOR_SETTINGS)


def saved_in_capitals(folder: Path) -> Path:
    (folder / "briefs").mkdir()
    (folder / "briefs" / "SYNTHETIC.MD").write_text(COMPLETE, encoding="utf-8")
    return folder


def report(path: str, number: int, responses=(), published_original: bool = True) -> BriefReport:
    return BriefReport(
        number=Numbered(path, 3, number),
        path=path,
        responses=responses,
        published_original=published_original,
    )


CHECK_CASES: list[tuple[CheckCode, Find]] = [
    (
        CheckCode.REQUIRED_FIELD_MISSING,
        lambda _: check_required("x.md", front(COMPLETE.replace("title", "ttle"))),
    ),
    (CheckCode.DATE_FORMAT, lambda _: check_date("x.md", front(COMPLETE.replace("2021-03-05", "5 March")))),
    (
        CheckCode.FUTURE_DATE,
        lambda _: list(future_date("x.md", front(COMPLETE), datetime.date(2021, 3, 4))),
    ),
    (CheckCode.PLACEHOLDER_LEFT, lambda _: check_placeholders("x.md", "---\n---\n[FILL IN: a title]\n")),
    (CheckCode.LINK_TO_NO_FILE, broken_link),
    (
        CheckCode.TRANSLATION_AUTHORS_DIFFER,
        lambda _: translations_by_others(
            [
                BriefReport(path="a.md", number=Numbered("a.md", 3, 4), authors=("Ada Example",)),
                BriefReport(path="b.md", number=Numbered("b.md", 3, 4, "ru", 4), authors=("Bo Other",)),
            ],
            "en",
        ),
    ),
    (
        CheckCode.LINK_TO_UNPUBLISHED,
        lambda _: check_links_to_unpublished(
            [
                BriefReport(path="a.md", links=(LinkedFile(9, "b.md", "b.md"),)),
                BriefReport(path="b.md", status="draft"),
            ]
        ),
    ),
    (
        CheckCode.SLUG_REUSED,
        lambda _: check_slugs([BriefAddress("a.md", 2, "same"), BriefAddress("b.md", 2, "same")])[:1],
    ),
    (
        CheckCode.FIELD_NOT_TEXT,
        lambda _: check_values("x.md", front(COMPLETE.replace("Synthetic", "[A, B]"))),
    ),
    (
        CheckCode.STATUS_UNKNOWN,
        lambda _: check_values("x.md", front(COMPLETE.replace("---\n\n", "status: live\n---\n\n"))),
    ),
    (
        CheckCode.TITLE_MARKUP,
        lambda _: check_values("x.md", front(COMPLETE.replace("title: ", "title: R&amp;D ", 1))),
    ),
    (CheckCode.FILE_NOT_READ, lambda folder: check_files_not_read(saved_in_capitals(folder), IGNORED_NAMES)),
    (
        CheckCode.SHARE_IMAGE_GLYPHS,
        lambda _: share_image_glyphs(
            "x.md", front(COMPLETE.replace("Synthetic", "Synthetic 🚀")), "", EDITOR_SETTINGS
        ),
    ),
    (
        CheckCode.FIELD_NOT_ALLOWED,
        lambda _: check_values("x.md", front(COMPLETE.replace("---\n\n", "url: x/\n---\n\n"))),
    ),
    (
        CheckCode.TITLE_NUMBERED,
        lambda _: check_title_label(
            "x.md",
            front(COMPLETE.replace("title: Synthetic", 'title: "Reality Check #9: Synthetic"', 1)),
            "Reality Check",
        ),
    ),
    (
        CheckCode.FIELD_UNKNOWN,
        lambda _: check_values("x.md", front(COMPLETE.replace("---\n\n", "topic: Russia\n---\n\n"))),
    ),
]


@pytest.mark.parametrize(("code", "find"), CHECK_CASES, ids=[str(c) for c, _ in CHECK_CASES])
def test_each_check_gives_its_code(code, find, tmp_path):
    problems = find(tmp_path)
    assert problems, "the check found nothing"
    assert {p.code for p in problems} == {code}, [str(p) for p in problems]


def test_every_check_code_has_a_case():
    assert {code for code, _ in CHECK_CASES} == set(CheckCode)


def test_responses_are_checked_across_the_series_as_the_build_does():
    """A response may name a published brief only; the problem is the build's own (brief_relations')."""
    reports = [
        report("a.md", 1, ((4, 2), (5, 3), (6, 9))),
        report("b.md", 2),
        report("c.md", 3, published_original=False),  # a draft: Pelican leaves it out of the series
    ]
    assert [(p.path, p.line, p.code, p.message) for p in check_responses(reports)] == [
        ("a.md", 5, "response-to-no-brief", "responses: no brief has series number 3"),
        ("a.md", 6, "response-to-no-brief", "responses: no brief has series number 9"),
    ]


SEED = (
    "Testing Somewhere\nReality Check March 5, 2021\nReality Check #12: A synthetic brief\nBy Ada Example\n"
)
SEED_CASES = [
    (SeedCode.EMPTY, "\n\n"),
    (SeedCode.UNKNOWN_TERM, SEED.replace("Somewhere", "Somewhere Atlantis")),
    (SeedCode.ENDS_EARLY, "Testing\nReality Check March 5, 2021\n"),
    (
        SeedCode.UNEXPECTED_LINE,
        SEED.replace("Reality Check #12: A synthetic brief", "A title without its number"),
    ),
    (SeedCode.DATE_NOT_REAL, SEED.replace("March 5", "March 32")),
    (SeedCode.UNKNOWN_AUTHOR, SEED.replace("Ada Example", "Nobody Known")),
]


@pytest.mark.parametrize(("code", "text"), SEED_CASES, ids=[str(c) for c, _ in SEED_CASES])
def test_each_seed_problem_gives_its_code(code, text):
    with pytest.raises(SeedError) as caught:
        parse_seed(text, "seed.txt", REGISTRY, EDITOR_SETTINGS)
    assert {p.code for p in caught.value.problems} == {code}, [str(p) for p in caught.value.problems]


def test_a_closing_line_naming_no_page_is_a_note_with_its_code():
    brief = parse_seed(
        SEED + "Key points\n• One point.\nExplore Nowhere\n", "seed.txt", REGISTRY, EDITOR_SETTINGS
    )
    assert [note.code for note in brief.notes] == [SeedCode.CLOSING_NAMES_NO_PAGE]


def test_every_seed_code_has_a_case():
    assert {code for code, _ in SEED_CASES} | {SeedCode.CLOSING_NAMES_NO_PAGE} == set(SeedCode)


@pytest.mark.parametrize(
    "written", ['"20210305"', '"2021-W10-5"', '"2021-064"', "2021-03-05", '"2021-03-05 09:30"']
)
def test_a_date_is_accepted_only_in_the_forms_the_build_reads(written):
    """fromisoformat reads a date without dashes, as a week or as a day of the year; Pelican's reader cannot, so
    `make check` must say so rather than pass a brief the build then stops on."""
    problems = check_date("x.md", front(COMPLETE.replace("2021-03-05", written)))
    expected = [] if written.strip('"').startswith("2021-03-05") else [CheckCode.DATE_FORMAT]
    assert [problem.code for problem in problems] == expected
