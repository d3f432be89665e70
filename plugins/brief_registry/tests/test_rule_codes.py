"""Level 1: each rule of this plugin, on the smallest input that breaks it, gives its code (and no other).

Every member of every code enum here has a case, so no code is dead: a code no rule raises fails
``test_every_code_has_a_case``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
import yaml
from PIL import Image
from test_registry import REGISTRY  # a synthetic registry: Ada Example, Testing, Somewhere

from reality_check.plugins.brief_registry import (
    FrontMatterError,
    Numbered,
    Problem,
    RegistryError,
    check_references,
    check_series_numbers,
    load_registry,
    read_brief,
    read_front_matter,
)
from reality_check.plugins.brief_registry.body import (
    shallow_sub_lists,
    unclosed_comments,
    unclosed_emphasis,
    unmatched_footnotes,
)
from reality_check.plugins.brief_registry.frontmatter import FrontMatterCode
from reality_check.plugins.brief_registry.images import ImageCode, image_problems
from reality_check.plugins.brief_registry.link_addresses import LinkCode, link_address_problems
from reality_check.plugins.brief_registry.problems import BriefFileError
from reality_check.plugins.brief_registry.registry import RegistryCode
from reality_check.plugins.brief_registry.rendering import brief_markdown, site_markdown
from reality_check.plugins.brief_registry.rules import RuleCode, address_problem
from reality_check.plugins.brief_registry.safety import SafetyCode, unsafe_html
from reality_check.plugins.brief_registry.textfile import EncodingCode, decode_text
from reality_check.plugins.brief_registry.unknown_tags import unknown_tags
from reality_check.plugins.brief_registry.yamlerrors import YamlCode, yaml_problem

ENUMS = (EncodingCode, FrontMatterCode, YamlCode, RegistryCode, RuleCode, SafetyCode, ImageCode, LinkCode)


def raised(call: Callable[[], object]) -> list[Problem]:
    """The problems `call` raises (a file that cannot be read raises them)."""
    try:
        call()
    except (BriefFileError, RegistryError) as error:
        return list(error.problems)
    raise AssertionError("expected the call to report a problem")


# Each case finds the problems of one small input; it is given a folder of its own (only registries need one).
Find = Callable[[Path], list[Problem]]


def front(text: str) -> Find:
    return lambda _folder: raised(lambda: read_front_matter(text, "x.md"))


def encoded(raw: bytes) -> Find:
    return lambda _folder: raised(lambda: decode_text(raw, "x.md"))


def linked_to_nothing(folder: Path) -> list[Problem]:
    (folder / "x.md").symlink_to(folder / "gone.md")
    return raised(lambda: read_brief(folder / "x.md", "x.md"))


def yaml_text(text: str) -> Find:
    """The problem for the YAML error `text` raises (registries, front matter and digests share this)."""

    def problems(_folder: Path) -> list[Problem]:
        try:
            yaml.safe_load(text)
        except yaml.YAMLError as error:
            return [yaml_problem(error, "x.yml", text)]
        raise AssertionError(f"{text!r} parsed")

    return problems


def registry_folder(authors: str | None) -> Find:
    """The problems of a registry folder whose authors.yml is `authors` (None: no such file)."""

    def problems(folder: Path) -> list[Problem]:
        if authors is not None:
            (folder / "authors.yml").write_text(authors, encoding="utf-8")
        (folder / "topics.yml").write_text("- {name: Testing, slug: testing}\n", encoding="utf-8")
        (folder / "regions.yml").write_text("- {name: Somewhere, slug: somewhere}\n", encoding="utf-8")
        return raised(lambda: load_registry(folder))

    return problems


def references(text: str) -> Find:
    return lambda _folder: check_references("x.md", read_front_matter(text, "x.md"), REGISTRY)


def series(*briefs: Numbered, languages: Iterable[str] = ("ru",)) -> Find:
    return lambda _folder: check_series_numbers(briefs, "en", languages)


def html(rendered: str) -> Find:
    return lambda _folder: list(unsafe_html(rendered, rendered, 5, "x.md"))


def links(markdown: str) -> Find:
    def find(_folder: Path) -> list[Problem]:
        rendered = brief_markdown(site_markdown()).convert(markdown)
        return list(link_address_problems(rendered, markdown, 5, "x.md"))

    return find


def image(markup: str) -> Find:
    """The image problems of a body holding `markup`, in a brief of a content folder whose images/ has chart.png."""

    def find(folder: Path) -> list[Problem]:
        (folder / "images").mkdir(exist_ok=True)
        Image.new("RGB", (4, 2)).save(folder / "images" / "chart.png")
        (folder / "images" / "photo.heic").write_bytes(b"\x00\x00\x00\x18ftypheic synthetic")
        (folder / "images" / "drawing.svg").write_bytes(b"<svg><script>alert(1)</script></svg>")
        Image.new("RGB", (4, 2)).save(folder / "images" / "my chart.png")
        return list(image_problems(markup, markup, 5, "x.md", folder / "briefs" / "x.md", folder))

    return find


AUTHOR = "- name: Ada Example\n  slug: ada-example\n  bio: Writes.\n"
CASES = [
    (EncodingCode.NOT_UTF8, encoded(b"---\ntitle: caf\xe9\n---\n")),
    (EncodingCode.UTF16, encoded("---\n".encode("utf-16"))),
    (EncodingCode.UNREADABLE, linked_to_nothing),
    (EncodingCode.NOT_PLAIN_TEXT, encoded(b"{\\rtf1\\ansi synthetic}")),
    (EncodingCode.CONTROL_CHARACTER, encoded(b"---\ntitle: A\x00B\n---\n")),
    (FrontMatterCode.EMPTY_FILE, front(" \n\n")),
    (FrontMatterCode.NOT_OPENED, front("title: No fence\n---\n")),
    (FrontMatterCode.FENCE_MISTYPED, front("---\ntitle: X\n----\n\nBody.\n")),
    (FrontMatterCode.FENCE_MISTYPED, front("----\ntitle: X\n---\n")),
    (FrontMatterCode.NOT_CLOSED, front("---\ntitle: X\n\nBody.\n")),
    (FrontMatterCode.NOT_KEY_VALUE, front("---\n- a list\n---\n")),
    (FrontMatterCode.DATE_NOT_REAL, front("---\ndate: 2021-02-30\n---\n")),
    (FrontMatterCode.KEY_GIVEN_TWICE, front("---\ntitle: A\ntitle: B\n---\n")),
    (FrontMatterCode.VALUE_CUT_BY_COMMENT, front("---\ntitle: Synthetic #4\n---\n")),
    (YamlCode.UNCLOSED_QUOTE, yaml_text('title: "open\ndate: 2021-01-01\n')),
    (YamlCode.UNCLOSED_BRACKET, yaml_text("topics: [a, b\nauthors: c\n")),
    (YamlCode.MISSING_COLON, yaml_text("title: x\nno colon\ndate: y\n")),
    (YamlCode.TAB, yaml_text("authors:\n\t- A\n")),
    (YamlCode.STRAY_INDENT, yaml_text("title: x\n  date: y\n")),
    (YamlCode.COLON_IN_VALUE, yaml_text("title: Synthetic: a colon\n")),
    (YamlCode.RESERVED_CHARACTER, yaml_text("title: @handle\n")),
    (YamlCode.TEXT_AFTER_QUOTE, yaml_text('title: "quoted" and not\n')),
    (YamlCode.MISALIGNED, yaml_text("authors:\n  - A\n - B\n")),
    (YamlCode.RESERVED_CHARACTER, yaml_text("title: !!python/name:os.system x\n")),
    (YamlCode.SYNTAX, yaml_text("title: x\n---\ntitle: y\n")),
    (RegistryCode.MISSING, registry_folder(None)),
    (RegistryCode.NOT_A_LIST, registry_folder("authors: Ada Example\n")),
    (RegistryCode.ENTRY_NOT_A_MAPPING, registry_folder("- Ada Example\n")),
    (RegistryCode.ENTRY_MISSING_FIELD, registry_folder("- name: Ada Example\n  slug: ada-example\n")),
    (RegistryCode.ENTRY_UNKNOWN_FIELD, registry_folder(AUTHOR + "  mastodon: '@ada'\n")),
    (RegistryCode.ENTRY_NOT_TEXT, registry_folder(AUTHOR + "  title:\n    - Fellow\n")),
    (RegistryCode.ENTRY_MARKUP, registry_folder(AUTHOR + "  title: <em>Fellow</em>\n")),
    (RegistryCode.NAME_REUSED, registry_folder(AUTHOR + AUTHOR.replace("ada-example", "ada-2"))),
    (RegistryCode.SLUG_REUSED, registry_folder(AUTHOR + AUTHOR.replace("Ada Example", "Ada Other"))),
    (RegistryCode.SLUG_NOT_AN_ADDRESS, registry_folder(AUTHOR.replace("ada-example", "Ada_Example"))),
    (RuleCode.UNKNOWN_AUTHOR, references("---\nauthors: [Nobody Known]\n---\n")),
    (RuleCode.UNKNOWN_TOPIC, references("---\ntopics: Untested\n---\n")),
    (RuleCode.UNKNOWN_REGION, references("---\nregions: [Nowhere]\n---\n")),
    (RuleCode.NAMES_ON_ONE_LINE, references("---\nauthors: Ada Example, Ada Example\n---\n")),
    (RuleCode.NAME_REPEATED, references("---\nauthors: [Ada Example, Ada Example]\n---\n")),
    (RuleCode.NAME_NOT_TEXT, references("---\nauthors:\n  - name: Ada Example\n---\n")),
    (RuleCode.SLUG_UNUSABLE, lambda _: [address_problem("x.md", "", False, 2)]),
    (RuleCode.LANG_NOT_A_CODE, series(Numbered("a.md", 2, 1, lang=7, lang_line=3))),
    (RuleCode.LANG_NOT_OFFERED, series(Numbered("a.md", 2, 1), Numbered("b.md", 2, 1, "xx", 3))),
    (RuleCode.SERIES_NUMBER_MISSING, series(Numbered("a.md", 1, None))),
    (RuleCode.SERIES_NUMBER_NOT_POSITIVE, series(Numbered("a.md", 2, 0))),
    (RuleCode.SERIES_NUMBER_QUOTED, series(Numbered("a.md", 2, "4"))),
    (RuleCode.SERIES_NUMBER_REUSED, series(Numbered("a.md", 2, 3), Numbered("b.md", 2, 3))),
    (RuleCode.TRANSLATION_WITHOUT_ORIGINAL, series(Numbered("a.md", 2, 9, "ru", 3))),
    (
        RuleCode.TRANSLATION_STATUS_DIFFERS,
        series(Numbered("a.md", 2, 3, status="draft"), Numbered("b.md", 2, 3, "ru", 3)),
    ),
    (
        RuleCode.TRANSLATION_REPEATED,
        series(Numbered("a.md", 2, 3), Numbered("b.md", 2, 3, "ru", 3), Numbered("c.md", 2, 3, "ru", 3)),
    ),
    (SafetyCode.UNSAFE_ELEMENT, html("<p>Hi</p><script>alert(1)</script>")),
    (SafetyCode.EVENT_ATTRIBUTE, html('<p><span onclick="go()">Hi</span></p>')),
    (SafetyCode.UNSAFE_URL, html('<p><a href="javascript:go()">Hi</a></p>')),
    (SafetyCode.STYLE_ATTRIBUTE, html('<p><span style="color: red">Hi</span></p>')),
    (
        SafetyCode.UNKNOWN_ELEMENT,
        lambda _folder: list(unknown_tags("<p>On <tariffs></p>", "On <tariffs>", 5, "x.md")),
    ),
    (
        SafetyCode.COMMENT_NOT_CLOSED,
        lambda _folder: list(unclosed_comments("<p>&lt;!-- TODO</p>", "<!-- TODO", 5, "x.md")),
    ),
    (LinkCode.ADDRESS_QUOTED, links("[the column](“https://example.org/x”)")),
    (LinkCode.ADDRESS_WITHOUT_SCHEME, links("[the column](www.example.org/x)")),
    (LinkCode.TO_THIS_COMPUTER, links("[brief four](http://127.0.0.1:8000/briefs/x/)")),
    (LinkCode.NOT_JOINED, links("[the column] (https://example.org/x)")),
    (
        SafetyCode.EMPHASIS_NOT_CLOSED,
        lambda _folder: list(unclosed_emphasis("<p>**Lead. **Rest</p>", "**Lead. **Rest", 5, "x.md")),
    ),
    (
        SafetyCode.FOOTNOTE_WITHOUT_NOTE,
        lambda _folder: list(unmatched_footnotes("<p>Text.[^1]</p>", "Text.[^1]", 5, "x.md")),
    ),
    (
        SafetyCode.NOTE_WITHOUT_MARK,
        lambda _folder: list(
            unmatched_footnotes(
                '<div class="footnote"><ol><li id="fn:1"><p>A note.</p></li></ol></div>',
                "[^1]: A note.",
                5,
                "x.md",
            )
        ),
    ),
    (
        SafetyCode.SUB_LIST_NOT_NESTED,
        lambda _folder: list(shallow_sub_lists("- Point:\n  - detail\n", 5, "x.md")),
    ),
    (ImageCode.IMAGE_NOT_FOUND, image('<img alt="A chart" src="/images/no-chart.png">')),
    (ImageCode.IMAGE_NOT_A_PICTURE, image('<img alt="A photo" src="/images/photo.heic">')),
    (ImageCode.IMAGE_OUTSIDE_FOLDER, image('<img alt="A chart" src="chart.png">')),
    (ImageCode.IMAGE_ON_ANOTHER_SITE, image('<img alt="A chart" src="https://example.org/chart.png">')),
    (ImageCode.IMAGE_WITHOUT_DESCRIPTION, image('<img alt="" src="/images/chart.png">')),
    (ImageCode.IMAGE_RUNS_CODE, image('<img alt="A drawing" src="/images/drawing.svg">')),
    (ImageCode.IMAGE_NAME_UNUSABLE, image('<img alt="A chart" src="/images/my%20chart.png">')),
    (ImageCode.IMAGE_MARKUP_UNSUPPORTED, image('<video src="/images/clip.mp4"></video>')),
]


@pytest.mark.parametrize(("code", "find"), CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CASES)])
def test_each_rule_gives_its_code(code, find, tmp_path):
    problems = find(tmp_path)
    assert problems, "the rule found nothing"
    assert {p.code for p in problems} == {code}, [str(p) for p in problems]


@pytest.mark.parametrize("enum", ENUMS, ids=lambda enum: enum.__name__)
def test_every_code_has_a_case(enum):
    assert {code for code, _ in CASES if isinstance(code, enum)} == set(enum)


def test_the_code_leaves_the_message_as_it_was():
    """`str(problem)` is `path:line: message`, whatever the code: what editors read did not change."""
    (problem,) = references("---\nauthors: [Nobody Known]\n---\n")(Path())
    assert str(problem) == "x.md:2: unknown author 'Nobody Known' (not listed in authors.yml)"
    assert problem.code == "unknown-author"


def test_a_front_matter_error_keeps_the_code_of_its_yaml_problem():
    with pytest.raises(FrontMatterError) as caught:
        read_front_matter('---\ntitle: "open\n---\n', "x.md")
    assert caught.value.problem.code == YamlCode.UNCLOSED_QUOTE


@pytest.mark.parametrize(
    ("original", "translation", "reported"),
    [
        ("published", "published", False),
        ("hidden", "hidden", False),
        ("draft", "draft", False),
        ("published", "draft", False),  # a translation still being written: a draft, shown nowhere
        ("hidden", "draft", False),
        ("draft", "published", True),  # Pelican pairs a translation with an original of its own status only,
        ("draft", "hidden", True),  # so the build leaves these out
        ("hidden", "published", True),
        ("published", "hidden", True),
    ],
)
def test_a_translation_shown_needs_an_original_of_its_status(original, translation, reported):
    problems = check_series_numbers(
        [Numbered("a.md", 2, 3, status=original), Numbered("b.md", 2, 3, "ru", 4, status=translation)],
        "en",
        ["ru"],
    )
    expected = [
        ("b.md", 4, f"a translation is published with its original only when both have the same status: this "
         f"one is {translation}, its original a.md:2 is {original} (give both the same status:)")
    ]  # fmt: skip
    assert [(p.path, p.line, p.message) for p in problems] == (expected if reported else [])
