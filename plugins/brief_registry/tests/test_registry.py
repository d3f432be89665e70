"""Level 1: front matter, registries and series rules on small inputs."""

from pathlib import Path

import pytest

from reality_check.plugins.brief_registry import (
    FrontMatterError,
    Numbered,
    Person,
    Registry,
    RegistryError,
    Term,
    check_references,
    check_series_numbers,
    load_registry,
    read_front_matter,
)
from reality_check.plugins.brief_registry.frontmatter import FrontMatterCode
from reality_check.plugins.brief_registry.registry import RegistryCode, build_registry
from reality_check.plugins.brief_registry.rules import (
    RuleCode,
    SlugFault,
    address_line,
    slug_fault,
    slug_problem,
)

BRIEF = """---
title: A synthetic brief
series_number: 7
authors:
  - Ada Example
  - Nobody Known
topics: [Testing]
regions: Nowhere
---

## Key points
"""

REGISTRY = Registry(
    authors=(Person("Ada Example", "ada-example", "Writes synthetic briefs."),),
    topics=(Term("Testing", "testing"),),
    regions=(Term("Somewhere", "somewhere"),),
)


def test_front_matter_keeps_key_and_item_lines():
    front = read_front_matter(BRIEF, "x.md")
    assert front.data["series_number"] == 7
    assert front.line_of("series_number") == 3
    assert front.line_of("authors", 1) == 6
    assert front.line_of("missing") == 1
    assert front.body_line == 10
    assert front.body.strip() == "## Key points"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("no fence\n", 1, "expected front matter starting with a '---' line"),
        ("---\ntitle: x\n", 1, "never closed"),
        ("---\ntitle: x\nauthors: [a, b\n---\n", 3, "the '[' opened on line 3 is never closed"),
        ("---\ntitle: x\n  bad: indent\n---\n", 3, "line 3 is indented, but the line above it does not open"),
        ("---\n- a list\n---\n", 2, "front matter must be 'key: value' lines"),
    ],
)
def test_front_matter_errors_name_the_line(text, line, message):
    with pytest.raises(FrontMatterError) as caught:
        read_front_matter(text, "x.md")
    assert caught.value.problem.path == "x.md"
    assert caught.value.problem.line == line
    assert message in caught.value.problem.message


def test_unknown_references_name_the_item_line():
    problems = [str(p) for p in check_references("x.md", read_front_matter(BRIEF, "x.md"), REGISTRY)]
    assert problems == [
        "x.md:6: unknown author 'Nobody Known' (not listed in authors.yml)",
        "x.md:8: unknown region 'Nowhere' (not listed in regions.yml)",
    ]


def test_listed_names_written_on_one_line_are_told_to_go_one_per_line():
    """`authors: Ada Example, Ada Example` is one name to YAML: not an unknown author to add (make check would
    offer `make author` for it), but a list written on one line."""
    text = "---\ntitle: X\nauthors: Ada Example, Ada Example\ntopics: Testing, Nowhere\n---\n"
    problems = check_references("x.md", read_front_matter(text, "x.md"), REGISTRY)
    assert [str(p) for p in problems] == [
        "x.md:3: 'Ada Example, Ada Example' is one name, not 2: put each on a line of its own ('authors:', then "
        "'  - Ada Example', '  - Ada Example')",
        "x.md:4: unknown topic 'Testing, Nowhere' (not listed in topics.yml)",  # not every part is listed
    ]


def test_a_list_item_indented_under_the_one_above_is_told_to_line_up():
    """A second author's dash indented further than the first's continues the first line: YAML reads one name,
    "Ada Example - Ada Example", which the check called an unknown author to add with `make author`."""
    text = "---\ntitle: X\nauthors:\n  - Ada Example\n    - Ada Example\ntopics:\n  - Testing\n    - Nowhere\n---\n"
    front = read_front_matter(text, "x.md")
    assert front.data["authors"] == ["Ada Example - Ada Example"]
    assert [str(p) for p in check_references("x.md", front, REGISTRY)] == [
        "x.md:4: 'Ada Example - Ada Example' is read as one name: the line of '- Ada Example' is indented further "
        "than the one above it, so YAML joins the two; start each line of the list at the same place "
        "('  - Ada Example', then '  - Ada Example')",
        "x.md:7: unknown topic 'Testing - Nowhere' (not listed in topics.yml)",  # not every part is listed
    ]


def test_series_numbers_must_be_unique_positive_integers():
    problems = check_series_numbers(
        [
            Numbered("a.md", 3, 4),
            Numbered("b.md", 3, 4),
            Numbered("c.md", 2, "nine"),
            Numbered("d.md", 2, 0),
            Numbered("e.md", 2, True),
            Numbered("f.md", 1, None),
            Numbered("g.md", 2, "7"),
        ]
    )
    assert [str(p) for p in problems] == [
        "a.md:3: series number 4 is also used by b.md:3 (the next free number is 5)",
        "b.md:3: series number 4 is also used by a.md:3 (the next free number is 5)",
        "c.md:2: series number must be a positive integer (got 'nine')",
        "d.md:2: series number must be a positive integer (got 0)",
        "e.md:2: series number must be a positive integer (got true)",  # YAML's word, not Python's
        "f.md:1: required field 'series_number' is missing or empty",
        "g.md:2: series number must be written without quotes: series_number: 7 (got '7')",
    ]


def test_a_reused_number_names_the_next_free_one_past_every_brief_including_translations():
    """The number to give instead is past every number in use: a translation's (here #9's, whose original
    is missing) and a draft's too, or the editor would be sent from one clash to the next."""
    problems = check_series_numbers(
        [
            Numbered("a.md", 3, 2),
            Numbered("b.md", 3, 2),
            Numbered("c-ru.md", 3, 9, "ru"),
            Numbered("d.md", 3, 7),
        ],
        languages=["ru"],
    )
    reused = [str(p) for p in problems if "also used by" in p.message]
    assert reused == [
        "a.md:3: series number 2 is also used by b.md:3 (the next free number is 10)",
        "b.md:3: series number 2 is also used by a.md:3 (the next free number is 10)",
    ]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "EN",
            "b.md:4: lang must be one of en, ru (got 'EN'): did you mean 'en'? (codes are written in lower case)",
        ),
        ("English", "b.md:4: lang must be one of en, ru (got 'English')"),
    ],
)
def test_a_language_the_site_does_not_have_is_said_once(lang, said):
    """It was also called a translation without an original ("a translation (lang: EN) must have the series
    number of its original")."""
    problems = check_series_numbers(
        [Numbered("a.md", 3, 2), Numbered("b.md", 3, 2, lang, 4)], languages=["ru"]
    )
    assert [str(p) for p in problems] == [said]


def write_registry(folder: Path, authors: str, topics: str = "[]", regions: str = "[]") -> Path:
    (folder / "authors.yml").write_text(authors, encoding="utf-8")
    (folder / "topics.yml").write_text(topics, encoding="utf-8")
    (folder / "regions.yml").write_text(regions, encoding="utf-8")
    return folder


def test_registry_loads_people_and_terms(tmp_path):
    registry = load_registry(
        write_registry(
            tmp_path,
            "- name: Ada Example\n  slug: ada-example\n  bio: >-\n    Writes\n    briefs.\n",
            "- {name: Testing, slug: testing}\n",
        )
    )
    assert registry.author("Ada Example") == Person("Ada Example", "ada-example", "Writes briefs.")
    assert registry.topic("Testing") == Term("Testing", "testing")
    assert registry.region("Testing") is None


def test_an_optional_field_left_empty_is_absent(tmp_path):
    """An entry copied and its optional fields blanked published "None, None" as the author's role."""
    registry = load_registry(
        write_registry(
            tmp_path,
            "- name: Ada Example\n  slug: ada-example\n  bio: Writes.\n  title:\n  affiliation:\n",
            "- name: Testing\n  slug: testing\n  description:\n",
        )
    )
    assert registry.author("Ada Example") == Person("Ada Example", "ada-example", "Writes.")
    assert registry.topic("Testing") == Term("Testing", "testing")


@pytest.mark.parametrize(
    ("field", "said"),
    [
        (
            "  bio: Writes **briefs**.\n",
            "author field 'bio' is plain text: the author's page, search and feeds show "
            "'**briefs**' as typed; remove the asterisks and brackets (a page links the name itself)",
        ),
        (
            "  bio: Writes <b>briefs</b>.\n",
            "author field 'bio' is plain text: the author's page, search and feeds "
            "show '<b>' as typed; remove the tag",
        ),
        (
            "  title: Director, Risks &amp; Foresight\n",
            "author field 'title' is plain text: the author's page, "
            "search and feeds show '&amp;' as typed; write the character itself ('&')",
        ),
    ],
)
def test_markup_in_a_registrys_text_is_named_since_every_page_shows_it_as_typed(tmp_path, field, said):
    """A bio or a title with Markdown or HTML in it passed the check; the author's page and its description showed
    the asterisks, tags and '&amp;amp;'."""
    authors = (
        "- name: Ada Example\n  slug: ada-example\n"
        + ("  bio: Writes.\n" if "bio" not in field else "")
        + field
    )
    with pytest.raises(RegistryError) as raised:
        load_registry(write_registry(tmp_path, authors, "- {name: Testing, slug: testing}\n"))
    assert [(p.code, p.message) for p in raised.value.problems] == [(RegistryCode.ENTRY_MARKUP, said)]


def test_registry_reports_every_problem_with_its_line(tmp_path):
    authors = (
        "- name: Ada Example\n  slug: ada\n  bio: One.\n"
        "- name: Ada Example\n  slug: other\n  bio: Two.\n"
        "- name: No Bio\n  slug: no-bio\n"
        "- name: Extra\n  slug: extra\n  bio: Three.\n  twitter: '@x'\n"
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(write_registry(tmp_path, authors, "- {name: [unclosed\n"))
    messages = [(Path(p.path).name, p.line, p.message) for p in caught.value.problems]
    assert messages[:3] == [
        (
            "authors.yml",
            4,
            "name 'Ada Example' is already used on line 1: list each author once (delete one of the two "
            "entries, keeping what both say)",
        ),
        ("authors.yml", 7, "author entry is missing bio"),
        ("authors.yml", 12, "unknown field twitter (expected affiliation, bio, name, slug, title)"),
    ]
    assert messages[3][0] == "topics.yml"
    assert messages[3][1:] == (
        1,
        "the '[' opened on line 1 is never closed: end the list with ']' (YAML parser: while parsing a flow "
        "sequence on line 1; expected ',' or ']', but got '<stream end>' on line 2)",
    )


def test_a_bios_second_line_at_the_margin_is_told_to_be_indented_under_bio(tmp_path):
    """A wrapped bio's next line pasted at column 0: YAML takes it for a name with no ':', and said only that."""
    authors = "- name: Ada Example\n  slug: ada\n  bio: Writes invented briefs about\ninvented places.\n"
    with pytest.raises(RegistryError) as caught:
        load_registry(write_registry(tmp_path, authors, "- {name: T, slug: t}\n"))
    (problem,) = caught.value.problems
    assert (Path(problem.path).name, problem.line) == ("authors.yml", 4)
    assert problem.message.startswith(
        "line 4 has no ':' after its name: write it as 'name: value'; if it is more of 'bio' on line 3, indent it "
        "two spaces further than 'bio', or join it to line 3 (YAML parser: "
    )


def test_a_name_listed_again_in_other_capitals_is_a_name_reused(tmp_path):
    """'emma ashford' beside 'Emma Ashford': one person with two author pages."""
    authors = (
        "- name: Ada Example\n  slug: ada\n  bio: One.\n- name: ada example\n  slug: ada-2\n  bio: Two.\n"
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(write_registry(tmp_path, authors, "- name: T\n  slug: t\n"))
    (problem,) = caught.value.problems
    assert (problem.line, problem.code) == (4, RegistryCode.NAME_REUSED)
    assert problem.message.startswith("name 'ada example' is already used on line 1: ")


@pytest.mark.parametrize(
    ("regions", "got"),
    [
        ("Russia:\n  slug: russia\nEurope:\n  slug: europe\n", "got 'key: value' lines (Russia, Europe)"),
        ("Russia\n", "got 'Russia'"),
    ],
)
def test_a_registry_that_is_not_a_list_says_what_a_list_of_entries_looks_like(tmp_path, regions, got):
    """It said "expected a list of region entries under 'regions:' (got a dict)": the file had no such key, and
    'dict' is Python's word."""
    write_registry(
        tmp_path, "- name: Ada Example\n  slug: ada-example\n  bio: Writes.\n", "- {name: T, slug: t}\n"
    )
    (tmp_path / "regions.yml").write_text(regions)
    with pytest.raises(RegistryError) as caught:
        load_registry(tmp_path)
    (problem,) = caught.value.problems
    assert (problem.code, problem.message) == (
        RegistryCode.NOT_A_LIST,
        "expected a list of region entries, each opening with '- name: …' lines (the file may open with "
        f"'regions:'); {got}",
    )


def test_a_name_unknown_to_an_empty_registry_says_the_registry_lists_none():
    from reality_check.plugins.brief_registry.rules import unknown_name

    assert unknown_name("region", "Somewhere", "regions.yml", []) == (
        "unknown region 'Somewhere' (not listed in regions.yml, which lists none yet: add it there)"
    )


def test_a_reused_slug_is_told_a_free_one(tmp_path):
    authors = "".join(
        f"- name: {name}\n  slug: {slug}\n  bio: Synthetic.\n"
        for name, slug in (("Ada Example", "ada"), ("Ada Third", "ada"), ("Ada Other", "ada-2"))
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(write_registry(tmp_path, authors, "- name: T\n  slug: t\n"))
    (problem,) = caught.value.problems
    assert (problem.line, problem.message) == (  # 'ada-2' is taken further down; said at the slug's own line
        5,
        "slug 'ada' is already used on line 2: the slug is the address of the author's page, so give this "
        "entry its own, such as 'ada-3'",
    )


def test_each_clash_of_one_slug_is_offered_its_own_free_one(tmp_path):
    authors = "".join(
        f"- name: {name}\n  slug: {slug}\n  bio: Synthetic.\n"
        for name, slug in (("Ada A", "ada"), ("Ada B", "ada"), ("Ada C", "ada"), ("Ada D", "ada-2"))
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(write_registry(tmp_path, authors, "- name: T\n  slug: t\n"))
    assert [p.message.rsplit(" ", 1)[1] for p in caught.value.problems] == ["'ada-3'", "'ada-4'"]


def test_missing_registry_is_reported(tmp_path):
    with pytest.raises(RegistryError) as caught:
        load_registry(tmp_path)
    assert [p.message for p in caught.value.problems] == [
        "the author registry is missing",
        "the topic registry is missing",
        "the region registry is missing",
    ]


def test_a_registry_saved_as_yaml_is_named_with_the_name_to_give_it(tmp_path):
    """'the author registry is missing', with authors.yaml beside it."""
    (tmp_path / "authors.yaml").write_text("- name: Ada Example\n  slug: ada-example\n  bio: Writes.\n")
    with pytest.raises(RegistryError) as caught:
        load_registry(tmp_path)
    assert caught.value.problems[0].message == (
        "the author registry is missing: there is authors.yaml, which the site does not read; rename it authors.yml"
    )


def test_a_plugin_takes_the_registries_brief_registry_loaded_else_loads_them(tmp_path):
    loaded = Registry()
    assert build_registry({"registry": loaded}, tmp_path) is loaded  # not read again, problems not said again

    write_registry(tmp_path, "- name: Synthetic Person\n  slug: synthetic-person\n  bio: Invented.\n")
    assert [person.name for person in build_registry({}, tmp_path).authors] == ["Synthetic Person"]

    (tmp_path / "topics.yml").write_text("- name: No slug\n", encoding="utf-8")  # does not load
    assert build_registry({}, tmp_path) == Registry()


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        (
            "- name: Synthetic Person\n  slug: synthetic-person\n  slug: another-slug\n  bio: Invented.\n",
            "authors.yml:3: 'slug' is already given on line 2: keep one of the two",
        ),
        (
            "- name: Synthetic Person\n  slug: synthetic-person\n  bio: Runs the #Program on invented policy.\n",
            "authors.yml:3: '#' after a space starts a YAML comment, so this value would end before '#Program on "
            'invented policy.\': put the whole value in quotes ("Runs the #Program on invented policy.")',
        ),
    ],
    ids=["key-given-twice", "value-cut-by-a-comment"],
)
def test_a_registry_entry_is_read_as_strictly_as_front_matter(tmp_path, authors, expected):
    """YAML keeps the last of two keys and drops text after ' #' without a word: a registry said nothing of it."""
    with pytest.raises(RegistryError) as caught:
        load_registry(write_registry(tmp_path, authors))
    assert [str(problem).removeprefix(f"{tmp_path}/") for problem in caught.value.problems] == [expected]


@pytest.mark.parametrize(
    ("slug", "suggested"), [("Ada Example", "ada-example"), ("ada_example", "ada-example"), ("Ádá!", "ada")]
)
def test_a_slug_that_is_no_web_address_is_told_one_that_is(tmp_path, slug, suggested):
    """The slug is the page's address (/authors/<slug>/): the browser editor accepts only lower-case letters, digits
    and hyphens, so a registry `make check` passed could not be saved there."""
    authors = f"- name: Ada Example\n  slug: {slug}\n  bio: Synthetic.\n"
    with pytest.raises(RegistryError) as caught:
        load_registry(write_registry(tmp_path, authors, "- name: T\n  slug: t\n"))
    (problem,) = caught.value.problems
    assert (problem.line, problem.code, problem.message) == (
        2,  # the slug's line, not the entry's first
        RegistryCode.SLUG_NOT_AN_ADDRESS,
        f"slug {slug!r} is the address of the author's page, so it must be lower-case letters, digits and "
        f"hyphens, such as '{suggested}'",
    )


@pytest.mark.parametrize(
    "second",
    [
        "  - name: Ada Later\n    slug: ada-later\n    bio: Synthetic.\n",
        "  - name: Ada Later\n    slug: ada-later\n    bio: Synthetic.\n  - name: Ada Last\n    slug: ada-last\n"
        "    bio: Synthetic.\n",
    ],
    ids=["as-long-as-the-first", "longer-than-the-first"],
)
def test_a_registry_list_begun_twice_says_to_join_the_lists(tmp_path, second):
    """YAML keeps only the last of two 'authors:' lists: a second list of another length stopped every command
    with a traceback, and one of the same length dropped the first list's authors without a word."""
    authors = (
        "authors:\n  - name: Ada Example\n    slug: ada-example\n    bio: Synthetic.\n"
        f"# added later\nauthors:\n{second}"
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(write_registry(tmp_path, authors))
    (problem,) = caught.value.problems
    assert (Path(problem.path).name, problem.line, problem.code, problem.message) == (
        "authors.yml",
        6,
        FrontMatterCode.KEY_GIVEN_TWICE,
        "'authors:' is already given on line 1: the file keeps one list, so move the entries below this line "
        "under the first 'authors:' and delete this line",
    )


PASTED = (
    "'authors:' lists names only: write '  - Ada Example' (the author's other details belong in authors.yml)"
)
NOT_A_NAME = "'authors:' lists names, one per line ('authors:', then '  - Name'), not a "


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ("authors:\n  - Ada Example\n  - name: Ada Example\n    slug: ada-example\n", [(6, PASTED)]),
        ("authors:\n  name: Ada Example\n", [(4, PASTED)]),
        (
            "authors:\n  - slug: ada-example\n  - [Ada Example]\n",
            [(5, NOT_A_NAME + "group of 'key: value' lines"), (6, NOT_A_NAME + "list inside the list")],
        ),
    ],
    ids=["registry-entry-pasted", "one-entry-as-a-mapping", "no-name"],
)
def test_names_given_as_key_value_lines_are_told_what_a_name_looks_like(authors, expected):
    """A registry entry pasted under 'authors:' was reported as "unknown author '{'name': 'Ada Example'}'", with
    the advice to add that author to the registry."""
    text = BRIEF.replace("authors:\n  - Ada Example\n  - Nobody Known\n", authors).replace(
        "Nowhere", "Somewhere"
    )
    problems = check_references("brief.md", read_front_matter(text, "brief.md"), REGISTRY)
    assert [(p.line, p.code, p.message) for p in problems] == [
        (line, RuleCode.NAME_NOT_TEXT, message) for line, message in expected
    ]


@pytest.mark.parametrize(
    ("text", "slugify_source", "line"),
    [
        ("---\ntitle: A\nslug: a\n---\n", "title", 3),
        ("---\ntitle: A\nslug: a\n---\n", "basename", 3),
        ("---\n\ntitle: A\n---\n", "title", 3),
        ("---\n\ntitle: A\n---\n", "basename", 1),
    ],
)
def test_the_line_of_a_brief_address_is_its_slug_else_where_it_is_made_from(text, slugify_source, line):
    """The one rule the build and `make check` place a web address's problem by (they once kept one each)."""
    assert address_line(read_front_matter(text, "x.md"), slugify_source) == line


@pytest.mark.parametrize(
    ("slug", "written", "fault"),
    [
        ("reality-check-4", True, None),
        ("Reality Check", True, SlugFault.NOT_AN_ADDRESS),
        ("", False, SlugFault.EMPTY),
        ("a" * 300, False, SlugFault.TOO_LONG),
        ("реальность", False, None),
    ],
)
def test_a_slug_has_one_rule_worded_by_each_tool(slug, written, fault):
    assert slug_fault(slug, written) is fault
    assert (slug_problem(slug, written) is None) is (fault is None)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("010", "series number must be written without leading zeros: series_number: 10 (got '010')"),
        ("08", "series number must be written without leading zeros: series_number: 8 (got '08')"),
        ('"9"', "series number must be written without quotes: series_number: 9 (got '9')"),
        ("0x10", "series number must be a positive integer (got '0x10')"),
    ],
)
def test_a_series_number_is_read_as_written_in_decimal(written, said):
    """YAML 1.1 read 010 as octal: the brief was published as #8, and the next make brief numbered from there; 08,
    not octal, was refused as if written in quotes."""
    front = read_front_matter(f"---\ntitle: X\nseries_number: {written}\n---\n", "x.md")
    (problem,) = check_series_numbers([Numbered.of("x.md", front)])
    assert (problem.line, problem.message) == (3, said)


@pytest.mark.parametrize(
    "written",
    [
        "Ada Example, Bo Other",
        "Ada Example and Bo Other",
        "Ada Example & Bo Other",
        "Ada Example, and Bo Other",
        "Ada Example; Bo Other",  # it said: unknown author 'Ada Example; Bo Other', and how to add them
    ],
)
def test_two_listed_names_written_as_one_are_told_to_go_one_per_line(written):
    registry = Registry(authors=(*REGISTRY.authors, Person("Bo Other", "bo-other", "Invented.")))
    text = BRIEF.replace("authors:\n  - Ada Example\n  - Nobody Known\n", f"authors: {written}\n")
    (problem,) = [
        p for p in check_references("x.md", read_front_matter(text, "x.md"), registry) if p.line == 4
    ]
    assert (problem.code, problem.message) == (
        RuleCode.NAMES_ON_ONE_LINE,
        f"'{written}' is one name, not 2: put each on a line of its own ('authors:', then '  - Ada Example', "
        "'  - Bo Other')",
    )


@pytest.mark.parametrize(
    ("authors", "said"),
    [
        (
            "authors:\n  • Ada Example\n  • Bo Other\n",
            "'• Ada Example • Bo Other': a list's lines start with '- ' (a hyphen, then a space), which YAML reads as "
            "a list, not with '•': write 'authors:', then '  - Ada Example', then '  - Bo Other'",
        ),
        (
            "authors:\n  -Ada Example\n",
            "'-Ada Example': a list's lines start with '- ' (a hyphen, then a space), which YAML reads as a list, not "
            "with '-': write 'authors:', then '  - Ada Example'",
        ),
    ],
    ids=["word-processor-bullets", "hyphen-without-a-space"],
)
def test_a_list_written_with_other_bullets_is_told_yamls(authors, said):
    """Bullets pasted from a word processor made one name of two ("unknown author '• Ada Example • Bo Other'")."""
    registry = Registry(authors=(*REGISTRY.authors, Person("Bo Other", "bo-other", "Invented.")))
    text = BRIEF.replace("authors:\n  - Ada Example\n  - Nobody Known\n", authors)
    (problem,) = [
        p for p in check_references("x.md", read_front_matter(text, "x.md"), registry) if p.line == 4
    ]
    assert (problem.code, problem.message) == (RuleCode.NAMES_ON_ONE_LINE, said)
