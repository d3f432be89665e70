"""Problem codes across the project: one per problem, documented, and the same in the build and `make check`.

Level 1 tests give each rule's code next to the rule (plugins/*/tests, tests/test_check_codes.py); here, a real
Pelican build of synthetic broken briefs is compared with `make check`'s report of the same folder.
"""

from __future__ import annotations

import ast
import json
import re
import shutil

import pytest
from conftest import ROOT, build_site_logged
from editor_helpers import BAD_BRIEFS, GOOD_BRIEF, SETTINGS, content_copy, run

from reality_check.editor.check import CheckCode, review_content
from reality_check.editor.importer import SeedCode
from reality_check.editor.settings import load_settings
from reality_check.plugins.brief_registry.frontmatter import FrontMatterCode
from reality_check.plugins.brief_registry.images import ImageCode
from reality_check.plugins.brief_registry.link_addresses import LinkCode
from reality_check.plugins.brief_registry.problems import LOG_RECORD_ATTRIBUTE, Problem
from reality_check.plugins.brief_registry.registry import RegistryCode
from reality_check.plugins.brief_registry.rules import RuleCode
from reality_check.plugins.brief_registry.safety import SafetyCode
from reality_check.plugins.brief_registry.textfile import EncodingCode
from reality_check.plugins.brief_registry.yamlerrors import YamlCode
from reality_check.plugins.brief_relations.relations import ResponsesCode
from reality_check.plugins.brief_translations.interface import CatalogCode
from reality_check.plugins.newsletter_digest.issues import DigestCode
from reality_check.plugins.summary_card.card import ProblemCode

# Every enum of problem codes, and where docs/development.md says it lives.
ENUMS = {
    EncodingCode: "plugins/brief_registry/textfile.py",
    FrontMatterCode: "plugins/brief_registry/frontmatter.py",
    YamlCode: "plugins/brief_registry/yamlerrors.py",
    RegistryCode: "plugins/brief_registry/registry.py",
    RuleCode: "plugins/brief_registry/rules.py",
    SafetyCode: "plugins/brief_registry/safety.py",
    ImageCode: "plugins/brief_registry/images.py",
    LinkCode: "plugins/brief_registry/link_addresses.py",
    ResponsesCode: "plugins/brief_relations/relations.py",
    ProblemCode: "plugins/summary_card/card.py",
    CheckCode: "editor/check.py",
    SeedCode: "editor/importer.py",
    DigestCode: "plugins/newsletter_digest/issues.py",
    CatalogCode: "plugins/brief_translations/interface.py",
}
CARD_PROBLEMS = ROOT / "plugins" / "summary_card" / "test_data" / "problems"
DOCS = ROOT / "docs" / "development.md"


def test_every_code_enum_is_listed_here():
    """A new enum of codes is found by this module, the docs and the no-dead-code tests only if listed. Found in
    the source (every `class …Code(StrEnum)` of the plugins and the editor), not among the enums some earlier test
    happened to import, which let an unlisted enum pass when this test ran alone."""
    sources = [
        path
        for path in sorted([*(ROOT / "plugins").rglob("*.py"), *(ROOT / "editor").rglob("*.py")])
        if "tests" not in path.relative_to(ROOT).parts
    ]
    defined = {
        (node.name, path.relative_to(ROOT).as_posix())
        for path in sources
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and node.name.endswith("Code")
        and any(isinstance(base, ast.Name) and base.id == "StrEnum" for base in node.bases)
    }
    assert defined == {(enum.__name__, path) for enum, path in ENUMS.items()}


def test_codes_are_unique_kebab_case_and_distinct_across_enums():
    codes = [str(code) for enum in ENUMS for code in enum]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code) for code in codes)


def test_the_docs_list_every_code_where_it_lives():
    docs = DOCS.read_text(encoding="utf-8")
    for enum, path in ENUMS.items():
        assert f"`{enum.__name__}` (`{path}`)" in docs, enum.__name__
        assert (ROOT / path).is_file()
        assert f"class {enum.__name__}(StrEnum)" in (ROOT / path).read_text(encoding="utf-8")
    written = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+|[a-z]+)`", docs))
    assert {str(code) for enum in ENUMS for code in enum} <= written


def built_problems(content, output) -> tuple[set[tuple[str, int, str, str]], list[str]]:
    """The problems a real build of `content` logs (from its records' codes), and any message about a brief
    or registry file (``content/…: …``) that carries no problem."""
    records = build_site_logged(content, output).records
    found, uncoded = set(), []
    for record in records:
        problems: tuple[Problem, ...] = getattr(record, LOG_RECORD_ATTRIBUTE, ())
        assert (
            record.getMessage() == "\n".join(map(str, problems)) or not problems
        )  # the words are the codes'
        found.update((p.path, p.line, str(p.code), p.message) for p in problems)
        if not problems and record.getMessage().startswith("content/"):
            uncoded.append(record.getMessage())
    return found, uncoded


def checked_problems(content) -> set[tuple[str, int, str, str]]:
    """What `make check` reports, problems and warnings, but for the checks only it makes (``CheckCode``)."""
    review = review_content(content, load_settings(SETTINGS))
    return {
        (p.path, p.line, str(p.code), p.message)
        for p in (*review.problems, *review.warnings)
        if not isinstance(p.code, CheckCode)
    }


# Bad briefs only `make check` reports (CheckCode), which it stops before Pelican reads them: Pelican alone cannot
# build them (Pelican's "Unknown status", a `modified:` it cannot read, a title that is a list) or writes them over
# other pages (save_as:). An address the site cannot write is the build's to leave out too (slug-unusable).
CHECKED_BEFORE_PELICAN = {
    "modified-not-a-date.md",
    "save-as-given.md",
    "status-unknown.md",
    "title-a-list.md",
}


def broken_series(content) -> None:
    """Synthetic briefs breaking each rule the build enforces (the editors' bad briefs, the card's, and more)."""
    for brief in sorted(BAD_BRIEFS.glob("*.md")):
        if brief.name.startswith("duplicate-slug"):  # Pelican refuses to write two pages at one address
            continue
        if brief.name not in CHECKED_BEFORE_PELICAN:
            shutil.copy(brief, content / "briefs")
    for brief in sorted(CARD_PROBLEMS.glob("*.md")):
        shutil.copy(brief, content / "briefs")
    good = GOOD_BRIEF.read_text(encoding="utf-8")
    (content / "briefs" / "synthetic-latin-1.md").write_bytes(
        good.replace("series_number: 940", "series_number: 941")
        .replace("Synthetic good brief", "Synthetic café brief")
        .encode("latin-1", "replace")
    )
    # Not read by Pelican, yet its number is taken: the next free number both name for a reused one is past it.
    (content / "briefs" / "synthetic-skipped.md").write_text(
        good.replace("series_number: 940", "series_number: 990\nstatus: skip").replace(
            "Synthetic good brief", "Synthetic skipped brief"
        ),
        encoding="utf-8",
    )
    (content / "briefs" / "synthetic-responses.md").write_text(
        good.replace(
            "series_number: 940", "series_number: 942\nresponses:\n  - 940\n  - 99\n  - four\n  - 942"
        ).replace("Synthetic good brief", "Synthetic responding brief"),
        encoding="utf-8",
    )


def broken_registry(content) -> None:
    """A topic without a slug: the registries do not load, and then no brief's names are checked."""
    with (content / "topics.yml").open("a", encoding="utf-8") as topics:
        topics.write("  - name: Synthetic Studies\n")
    shutil.copy(BAD_BRIEFS / "unknown-author.md", content / "briefs")


def digest_of_unpublished_briefs(content) -> None:
    """A digest issue listing the good brief (#940) and two that do not exist."""
    (content / "digests").mkdir()
    (content / "digests" / "2099-02-01.yml").write_text(
        "date: 2099-02-01\nsince: 2099-01-01\nbriefs:\n  - 941\n  - 940\n  - 9999\nintro: ''\n",
        encoding="utf-8",
    )


def translation_of_a_draft(content) -> None:
    """A published translation whose original is a draft (Pelican pairs briefs of one status only, so the build
    leaves the translation out), and a digest and a response naming that number."""
    good = GOOD_BRIEF.read_text(encoding="utf-8")
    (content / "briefs" / "synthetic-draft-original.md").write_text(
        good.replace("series_number: 940", "series_number: 943\nstatus: draft"), encoding="utf-8"
    )
    (content / "briefs" / "synthetic-draft-original-ru.md").write_text(
        good.replace("series_number: 940", "series_number: 943\nlang: ru"), encoding="utf-8"
    )
    (content / "briefs" / "synthetic-responding.md").write_text(
        good.replace("series_number: 940", "series_number: 944\nresponses:\n  - 943").replace(
            "Synthetic good brief", "Synthetic responding brief"
        ),
        encoding="utf-8",
    )
    (content / "digests").mkdir()
    (content / "digests" / "2099-02-01.yml").write_text(
        "date: 2099-02-01\nsince: 2099-01-01\nbriefs:\n  - 943\nintro: ''\n", encoding="utf-8"
    )


def broken_digest(content) -> None:
    """A digest record whose date is not a date (the build then renders no issue)."""
    (content / "digests").mkdir()
    (content / "digests" / "2099-02-01.yml").write_text(
        "date: 2099-02-01\nsince: last month\nbriefs: [940]\n", encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("breaks", "domains"),
    [
        (
            broken_series,
            {
                EncodingCode,
                FrontMatterCode,
                YamlCode,
                RuleCode,
                SafetyCode,
                ImageCode,
                ResponsesCode,
                ProblemCode,
            },
        ),
        (broken_registry, {RegistryCode}),
        (digest_of_unpublished_briefs, {DigestCode}),
        (broken_digest, {DigestCode}),
        (translation_of_a_draft, {RuleCode, ResponsesCode, DigestCode}),
    ],
    ids=["briefs", "registry", "digest-unpublished", "digest-broken", "translation-of-a-draft"],
)
def test_the_build_and_make_check_give_every_problem_the_same_place_code_and_words(tmp_path, breaks, domains):
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    breaks(content)

    built, uncoded = built_problems(content, tmp_path / "output")

    assert uncoded == []
    assert built == checked_problems(content)
    if breaks is broken_series:
        reused = {message for _, _, code, message in built if code == RuleCode.SERIES_NUMBER_REUSED}
        assert reused
        assert all(message.endswith("(the next free number is 991)") for message in reused), reused
    assert {
        type(code) for enum in domains for code in enum if str(code) in {c for _, _, c, _ in built}
    } == domains


def test_make_check_json_lists_each_problem_with_its_code(tmp_path, capsys, monkeypatch):
    """Problems and warnings (the synthetic briefs are dated 2099) in file and line order, words as in the text."""
    content_copy(
        tmp_path / "content", GOOD_BRIEF, BAD_BRIEFS / "unknown-author.md", BAD_BRIEFS / "script-in-body.md"
    )

    code, lines, _ = run(["check", "content", "--format", "json"], capsys, monkeypatch, tmp_path)
    _, text, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    assert code == 1
    records = json.loads("\n".join(lines))
    assert [(r["path"], r["line"], r["code"], r["severity"]) for r in records] == [
        ("content/briefs/script-in-body.md", 5, "future-date", "warning"),
        ("content/briefs/script-in-body.md", 30, "unsafe-element", "error"),
        ("content/briefs/synthetic-good.md", 5, "future-date", "warning"),
        ("content/briefs/unknown-author.md", 5, "future-date", "warning"),
        ("content/briefs/unknown-author.md", 8, "unknown-author", "error"),
    ]
    assert [f"{r['path']}:{r['line']}: {r['message']}" for r in records if r["severity"] == "error"] == text
    assert records[-1]["message"] == "unknown author 'Nobody Inventedson' (not listed in authors.yml)"
    # A warning's message is its words alone: the severity says it is one.
    assert records[0]["message"].startswith("dated 2099-01-05, in the future;")


def test_make_check_json_is_an_empty_list_when_all_is_well(tmp_path, capsys, monkeypatch):
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    (content / "briefs" / GOOD_BRIEF.name).write_text(
        GOOD_BRIEF.read_text(encoding="utf-8").replace("2099-01-05", "2021-01-05"), encoding="utf-8"
    )

    code, lines, _ = run(["check", "content", "--format", "json"], capsys, monkeypatch, tmp_path)

    assert (code, json.loads("\n".join(lines))) == (0, [])
