"""`make import`: the seed of Reality Check #4 becomes a brief whose page matches the hand-made one."""

from __future__ import annotations

import dataclasses
import datetime
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, CONTENT, MAKE, ROOT, SEED, Site, build_site, folder_bytes, text_of
from editor_helpers import EDITOR_FIXTURES, SETTINGS, content_copy, run

from reality_check.editor.cli import main
from reality_check.editor.importer import (
    SeedError,
    body_markdown,
    closing_link,
    escape,
    parse_seed,
    site_pages,
    unwrapped,
)
from reality_check.editor.settings import EditorSettings, load_settings
from reality_check.plugins.brief_registry import load_registry

IMPORTED = "content/briefs/reality-check-4.md"  # named after its number, as the hand-made brief is


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The seed imported into a copy of the content without the hand-made #4, then built."""
    root = tmp_path_factory.mktemp("import")
    content = content_copy(root / "content")
    (content / "briefs" / "reality-check-4.md").unlink()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(root)
        code = main(["import", "--content", "content", str(SEED), "--settings", SETTINGS])
    assert code == 0
    return root, Site(build_site(content, root / "output"))


def test_the_markdown_is_the_hand_made_brief_closing_link_included(imported):
    root, _ = imported
    mine = (root / IMPORTED).read_text(encoding="utf-8")
    hand_made = (SEED.parents[3] / "content/briefs/reality-check-4.md").read_text(encoding="utf-8")
    assert mine == hand_made
    assert mine.splitlines()[-1] == "[Explore NAEI]({filename}/pages/naei.md)"


def test_the_closing_line_links_to_the_naei_page(imported, site):
    _, built = imported
    closing = built.page(BRIEF_4_URL).find("main").find("a", string="Explore NAEI")
    assert closing is not None
    assert closing["href"] == site.page(BRIEF_4_URL).find("main").find("a", string="Explore NAEI")["href"]
    assert built.path(closing["href"]).is_file()


def test_series_furniture_in_a_synthetic_draft(tmp_path, capsys, monkeypatch):
    content = content_copy(tmp_path / "content")
    source = EDITOR_FIXTURES / "synthetic-seed-furniture.txt"

    code, out, err = run(["import", "--content", "content", str(source)], capsys, monkeypatch, tmp_path)

    assert code == 0, err
    brief = content / "briefs" / "reality-check-951.md"
    front, body = brief.read_text(encoding="utf-8").split("\n---\n", 1)
    assert "date: 2099-01-05" in front
    assert front.count("  - Politics & Diplomacy") == 1
    assert "regions:\n  - Europe\n  - Russia" in front
    blocks = body.strip().split("\n\n")
    assert blocks[0] == "## Key points"
    assert blocks[-1] == "[Explore the New American Engagement Initiative]({filename}/pages/naei.md)"
    assert "Reality Check" not in body
    assert not [line for line in out if line.startswith("note:")]


def test_a_closing_line_naming_no_page_is_kept_and_noted(tmp_path, capsys, monkeypatch):
    content = content_copy(tmp_path / "content")
    source = EDITOR_FIXTURES / "synthetic-seed-closing-unknown.txt"

    code, out, err = run(["import", "--content", "content", str(source)], capsys, monkeypatch, tmp_path)

    assert code == 0, err
    assert (
        f"note: {source}:16: the closing line 'Explore Synthetic Institute' names no page in content/pages "
        "(there: pages/naei.md); it was kept as a paragraph: name a page, e.g. 'Explore NAEI', or link it by hand"
        in out
    )
    brief = content / "briefs" / "reality-check-952.md"
    assert brief.read_text(encoding="utf-8").endswith("\n\nExplore Synthetic Institute\n")


@pytest.mark.parametrize(
    ("line", "link"),
    [
        ("Explore NAEI", "[Explore NAEI]({filename}/pages/naei.md)"),
        ("explore naei →", "[explore naei →]({filename}/pages/naei.md)"),
        (
            "Explore the New American Engagement Initiative.",
            "[Explore the New American Engagement Initiative.]({filename}/pages/naei.md)",
        ),
        ("Explore Synthetic Institute", None),
        ("NAEI", None),
    ],
)
def test_closing_lines(line, link):
    assert closing_link(line, site_pages(CONTENT)) == link


def test_same_card(imported, site):
    _, built = imported
    card = built.page(BRIEF_4_URL).select_one("main section.summary-card")
    assert str(card) == str(site.page(BRIEF_4_URL).select_one("main section.summary-card"))


def test_same_text(imported, site):
    _, built = imported
    assert text_of(built.page(BRIEF_4_URL).find("main")) == text_of(site.page(BRIEF_4_URL).find("main"))


def test_refuses_a_brief_already_imported(tmp_path, capsys, monkeypatch):
    content = content_copy(tmp_path / "content")
    before = folder_bytes(content)

    code, _, err = run(["import", "--content", "content", str(SEED)], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert (
        "error: content/briefs/reality-check-4.md:3 already has series number 4: this brief seems to be imported "
        f"already; edit that file, or, to import {SEED.name} anew (after correcting it), delete that file first"
    ) in err  # it said no more, to an editor who had corrected the draft after an import with a problem
    assert folder_bytes(content) == before


def test_a_draft_numbered_like_another_brief_is_told_its_line_and_the_next_free_number(
    tmp_path, capsys, monkeypatch
):
    """ "this brief seems to be imported already" was said of a draft with another title, whose number was wrong."""
    content = content_copy(tmp_path / "content")
    before = folder_bytes(content)
    draft = tmp_path / "draft.txt"
    draft.write_text(SYNTHETIC_DRAFT.replace("Reality Check #952", "Reality Check #4"), encoding="utf-8")

    code, _, err = run(["import", "--content", "content", str(draft)], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert err.splitlines() == [
        f"error: {draft}:5: series number 4 is already Reality Check #4, “Focus on interests, not on human rights "
        "with Russia” (content/briefs/reality-check-4.md:3): correct the number on this line, e.g. to Reality "
        "Check #5, the next free one",
        "Nothing was written.",
    ]
    assert folder_bytes(content) == before


def test_an_author_added_for_an_import_that_is_then_refused_is_taken_out_again(tmp_path, capsys, monkeypatch):
    """The seed's authors are offered before its number is looked up: #4 is imported already, so the author
    added a moment before goes again, and 'Nothing was written.' is true."""
    content = content_copy(tmp_path / "content")
    before = folder_bytes(content)
    seed = tmp_path / "synthetic-seed.txt"
    seed.write_text(
        SEED.read_text(encoding="utf-8").replace("Mathew Burrows", "Zed Newcomer"), encoding="utf-8"
    )
    answers = iter(["y", "An invented author for tests.", "", ""])
    code, out, err = run(
        ["import", "--content", "content", str(seed)],
        capsys,
        monkeypatch,
        tmp_path,
        ask=lambda _: next(answers),
    )
    assert code == 1
    assert "already has series number 4: this brief seems to be imported already" in err
    assert "content/authors.yml was put back as it was." in err
    assert "Added Zed Newcomer to content/authors.yml." in out
    assert folder_bytes(content) == before


def test_unknown_names_are_reported_not_invented(tmp_path, capsys, monkeypatch):
    content = content_copy(tmp_path / "content")
    before = folder_bytes(content)
    source = EDITOR_FIXTURES / "synthetic-seed-unknown.txt"

    code, _, err = run(["import", "--content", "content", str(source)], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert err.splitlines()[:2] == [
        f"{source}:1: unknown topic or region 'Synthetic Studies' (not listed in topics.yml or regions.yml)",
        f"{source}:6: unknown author 'Nobody Inventedson' (not listed in authors.yml)",
    ]
    assert 'make author NAME="Nobody Inventedson"' in err
    assert folder_bytes(content) == before


def test_a_layout_error_names_the_line(tmp_path, capsys, monkeypatch):
    content = content_copy(tmp_path / "content")
    source = EDITOR_FIXTURES / "synthetic-seed-no-title.txt"

    code, _, err = run(["import", "--content", "content", str(source)], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert err.splitlines()[0] == (
        f"{source}:4: expected 'Reality Check #<number>: <title>' (got 'A synthetic brief whose title line lost "
        "its series number (SYNTHETIC TEST FIXTURE)')"
    )
    assert not list(content.glob("briefs/a-synthetic-*"))


@pytest.mark.parametrize(
    "text",
    [
        "Plain *stars* and _underscores_ stay text",
        "<script>alert('x')</script> stays text",
        "1. Not a list",
        "# Not a heading",
        "- Not a bullet",
        "[not](a link) and `not code` and a \\ backslash &amp; an entity",
    ],
)
def test_escape_keeps_plain_text_plain(text):
    html = load_settings().render(escape(text))
    soup = BeautifulSoup(html, "html.parser")
    assert [tag.name for tag in soup.find_all(True)] == ["p"]
    assert soup.p.get_text() == text


def test_the_importer_bolds_the_same_first_sentence():
    markdown = body_markdown(
        ["What is the solution?", "1 The U.S. should leave Syria. It has no vital interest there."],
        EditorSettings(),
    )
    assert "1. **The U.S. should leave Syria.** It has no vital interest there." in markdown.splitlines()


def make_import(content: Path, source: Path) -> subprocess.CompletedProcess:
    """`make import INPUTDIR=… SRC=…`, as an editor runs it."""
    return subprocess.run(
        [*MAKE, "-s", "import", f"INPUTDIR={content}", f"SRC={source}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def import_here(content: Path, source: Path, capsys, monkeypatch) -> tuple[int, list[str], str]:
    """`python -m reality_check.editor import`, as `make import SRC=…` runs it, in this process."""
    return run(["import", "--content", "content", str(source)], capsys, monkeypatch, content.parent)


def test_a_seed_saved_with_a_bom_and_crlf_imports_as_the_plain_one_does(imported, tmp_path):
    root, _ = imported
    content = content_copy(tmp_path / "content")
    (content / "briefs" / "reality-check-4.md").unlink()
    source = tmp_path / "seed-windows.txt"
    source.write_bytes(b"\xef\xbb\xbf" + SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode())

    result = make_import(content, source)  # the one end-to-end run of make import

    assert result.returncode == 0, result.stdout + result.stderr
    assert (content.parent / IMPORTED).read_bytes() == (root / IMPORTED).read_bytes()


def test_a_seed_in_windows_1252_names_the_line_of_the_first_bad_byte(tmp_path, capsys, monkeypatch):
    content = content_copy(tmp_path / "content")
    before = folder_bytes(content)
    source = tmp_path / "seed-1252.txt"
    text = SEED.read_text(encoding="utf-8")
    source.write_bytes(text.encode("cp1252", errors="replace"))
    line = next(
        n for n, row in enumerate(text.splitlines(), 1) if row != row.encode("ascii", "ignore").decode()
    )
    column = next(i for i, ch in enumerate(text.splitlines()[line - 1], 1) if not ch.isascii())
    shown = text.splitlines()[line - 1][column - 1]

    code, _, err = import_here(content, source, capsys, monkeypatch)

    assert code == 1
    assert err.splitlines()[0] == (
        f"error: {source}:{line}: the file is not UTF-8 text (byte {shown.encode('cp1252')[0]:#04x} in column "
        f"{column}, '{shown}' in Windows-1252); save it again choosing the UTF-8 encoding"
    )
    assert folder_bytes(content) == before


def test_a_seed_naming_a_listed_author_in_other_capitals_says_did_you_mean(tmp_path, capsys, monkeypatch):
    content = content_copy(tmp_path / "content")
    before = folder_bytes(content)
    source = tmp_path / "seed-lower-case.txt"
    source.write_text(
        SEED.read_text(encoding="utf-8").replace("By Emma Ashford", "By emma ashford"), encoding="utf-8"
    )
    byline = next(n for n, row in enumerate(source.read_text().splitlines(), 1) if row.startswith("By "))

    code, _, err = import_here(content, source, capsys, monkeypatch)

    assert code == 1
    assert err.splitlines()[0] == (
        f"{source}:{byline}: unknown author 'emma ashford' (not listed in authors.yml): did you mean 'Emma Ashford'?"
    )
    assert "make author" not in err
    assert folder_bytes(content) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "",
            "{source}:1: the file is empty (expected a plain-text brief: its topics, 'Reality Check <date>', ",
        ),
        (
            SEED.read_text(encoding="utf-8").replace("March 5, 2021", "February 30, 2021", 1),
            "{source}:2: the date must be a real date, written such as '5 March 2021', 'March 5, 2021' or "
            "'2021-03-05' (got 'February 30, 2021')",
        ),
    ],
    ids=["empty", "no such day"],
)
def test_a_seed_that_cannot_be_read_says_what_was_expected(text, expected, tmp_path, capsys, monkeypatch):
    content_copy(tmp_path / "content")
    source = tmp_path / "synthetic-draft.txt"
    source.write_text(text, encoding="utf-8")
    code, _, err = run(["import", "--content", "content", str(source)], capsys, monkeypatch, tmp_path)
    assert code == 1
    assert err.splitlines()[0].startswith(expected.format(source=source)), err


def test_a_folder_given_as_the_seed_is_refused_without_a_traceback(tmp_path, capsys, monkeypatch):
    content_copy(tmp_path / "content")
    folder = tmp_path / "drafts"
    folder.mkdir()
    code, _, err = run(["import", "--content", "content", str(folder)], capsys, monkeypatch, tmp_path)
    assert code == 1
    assert f"error: {folder}: cannot read it (Is a directory); give the plain-text brief's file" in err
    assert "Traceback" not in err


def test_the_series_lines_are_read_with_the_series_own_name():
    """The date and title lines carry the series' name (SERIES_NAME); another series' seed reads the same way."""
    settings = dataclasses.replace(load_settings(), series="Synthetic Notes")
    text = (
        "Politics & Diplomacy\nRussia\nSynthetic Notes\nJanuary 5, 2099\n\n"
        "Synthetic Notes #951: A synthetic brief of another series\n\nBy Emma Ashford\n\n"
        "Key points\n\n• SYNTHETIC TEST FIXTURE: one invented point.\n\nWhat is the solution?\n\n"
        "1. Do the synthetic thing. An invented recommendation.\n"
    )

    seed = parse_seed(text, "seed.txt", load_registry(CONTENT), settings)

    assert (seed.number, seed.request.title, seed.request.date) == (
        951,
        "A synthetic brief of another series",
        datetime.date(2099, 1, 5),
    )
    with pytest.raises(SeedError) as refused:
        parse_seed(
            text.replace("Synthetic Notes #951", "Reality Check #951"),
            "seed.txt",
            load_registry(CONTENT),
            settings,
        )
    assert refused.value.problems[0].message.startswith("expected 'Synthetic Notes #<number>: <title>'")


SYNTHETIC_DRAFT = (
    "Politics & Diplomacy\nRussia\nReality Check March 5, 2099\n\n"
    "Reality Check #952: A synthetic brief in a draft\n\nBy Emma Ashford\n\n"
    "Key points\n\n• SYNTHETIC TEST FIXTURE: one invented point.\n\nWhat is the solution?\n\n"
    "1. Do the synthetic thing. An invented recommendation.\n"
)


def test_the_series_name_is_read_in_any_capitals():
    text = SYNTHETIC_DRAFT.replace("Reality Check March", "Reality check March").replace(
        "Reality Check #952", "REALITY CHECK #952"
    )
    seed = parse_seed(text, "seed.txt", load_registry(CONTENT), load_settings())
    assert (seed.number, seed.request.title, seed.request.date) == (
        952,
        "A synthetic brief in a draft",
        datetime.date(2099, 3, 5),
    )


@pytest.mark.parametrize(
    "date_line",
    [
        "Reality Check 12 January 2099",
        "Reality Check 12 Jan 2099",
        "Reality Check 12 Jan. 2099",
        "Reality Check January 12, 2099",
        "Reality Check Jan. 12, 2099",
        "Reality Check 2099-01-12",
        "Reality Check\n12 January 2099",  # the series' name alone above the date
    ],
)
def test_the_date_line_is_read_day_first_month_first_or_year_first(date_line):
    """'Reality Check 12 January 2022' was refused: only the US order was read."""
    text = SYNTHETIC_DRAFT.replace("Reality Check March 5, 2099", date_line)
    seed = parse_seed(text, "seed.txt", load_registry(CONTENT), load_settings())
    assert seed.request.date == datetime.date(2099, 1, 12)


@pytest.mark.parametrize(
    ("date_line", "message"),
    [
        (
            "Reality Check 03/04/2099",
            "the date '03/04/2099' gives the month as a number, so it could be 3 April 2099 or 4 March 2099: write "
            "the month in words, such as '3 April 2099'",
        ),
        (
            "Reality Check 30 February 2099",
            "the date must be a real date, written such as '5 March 2021', 'March 5, 2021' or '2021-03-05' (got "
            "'30 February 2099')",
        ),
    ],
)
def test_a_date_line_that_names_no_single_day_is_told_its_line_and_what_to_write(date_line, message):
    """The line named is the date's own in the file: the second line of a draft is line 2."""
    text = SYNTHETIC_DRAFT.replace("Politics & Diplomacy\nRussia\n", "Politics & Diplomacy Russia\n").replace(
        "Reality Check March 5, 2099", date_line
    )
    assert text.splitlines()[1] == date_line
    with pytest.raises(SeedError) as refused:
        parse_seed(text, "seed.txt", load_registry(CONTENT), load_settings())
    assert [str(problem) for problem in refused.value.problems] == [f"seed.txt:2: {message}"]


def test_make_import_reads_a_draft_dated_day_first(tmp_path):
    content = content_copy(tmp_path / "content")
    source = tmp_path / "synthetic-draft.txt"
    source.write_text(
        SYNTHETIC_DRAFT.replace("Reality Check March 5, 2099", "Reality Check 12 January 2099"),
        encoding="utf-8",
    )

    result = make_import(content, source)

    assert result.returncode == 0, result.stdout + result.stderr
    brief = content / "briefs" / "reality-check-952.md"
    front = brief.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    assert "\ndate: 2099-01-12\n" in front


def test_a_draft_without_its_date_line_is_told_what_is_missing_once():
    """Every line was reported as an unknown topic or region (12 for a 23-line draft), then an end of text at
    line 1."""
    text = SYNTHETIC_DRAFT.replace("Reality Check March 5, 2099\n", "").replace("Reality Check #952", "#952")
    with pytest.raises(SeedError) as refused:
        parse_seed(text, "seed.txt", load_registry(CONTENT), load_settings())
    assert [str(problem) for problem in refused.value.problems] == [
        "seed.txt:1: no line reads 'Reality Check <date>', such as 'Reality Check 5 March 2021' or 'Reality Check "
        "March 5, 2021': a brief is its topics, 'Reality Check <date>', 'Reality Check #<number>: <title>', "
        "'By <authors>', then the text"
    ]


def test_a_line_separator_pasted_into_a_draft_does_not_move_the_lines_named():
    """Text pasted from a PDF or a word processor may hold U+2028 or a form feed inside a line: `splitlines`
    broke the line there, and every line named after it was one further down than the editor's."""
    text = SYNTHETIC_DRAFT.replace("Russia\n", "Rus\u2028sia and\x0cmore\n").replace(
        "By Emma Ashford", "By Nobody Known"
    )
    with pytest.raises(SeedError) as refused:
        parse_seed(text, "seed.txt", load_registry(CONTENT), load_settings())
    assert [str(problem) for problem in refused.value.problems] == [
        "seed.txt:2: unknown topic or region 'Rus sia and more' (not listed in topics.yml or regions.yml)",
        "seed.txt:7: unknown author 'Nobody Known' (not listed in authors.yml)",
    ]


@pytest.mark.parametrize("bullet", ["●", "○", "■", "·", "\uf0b7", "\uf0a7", "➢", "∙"])
def test_a_bullet_a_word_processor_pasted_is_a_key_point(bullet):
    """Google Docs' ● and Word's · or Symbol-font bullet (U+F0B7) became paragraphs, and the check then said the
    key points had no list."""
    text = SYNTHETIC_DRAFT.replace("• SYNTHETIC TEST FIXTURE", f"{bullet}\tSYNTHETIC TEST FIXTURE")
    seed = parse_seed(text, "seed.txt", load_registry(CONTENT), load_settings())
    assert "- SYNTHETIC TEST FIXTURE: one invented point." in seed.body


# A draft as an e-mail or a PDF gives it: its lines cut at the width of the page, its key points numbered.
WRAPPED_DRAFT = (
    "Politics & Diplomacy\nRussia\nReality Check March 5, 2099\n\n"
    "Reality Check #953: A synthetic brief with its lines cut\n\nBy Emma Ashford\n\n"
    "Key points\n\n"
    "1. SYNTHETIC TEST FIXTURE: a first invented point, long enough that the page it was\n"
    "copied from broke it onto a second line.\n"
    "2) A second invented point.\n\n"
    "What’s the issue?\n\n"
    "An invented paragraph whose line was cut before a name, as in President\n"
    "Nobody Known, and again before a word in lower case, so\n"
    "that it went on over three lines.\n\n"
    "A second paragraph.\n\n"
    "What is the solution?\n\n"
    "1 Do the synthetic thing. An invented recommendation whose line the e-mail\n"
    "cut too.\n"
    "2 Do the next thing. Another one.\n"
)


def test_lines_a_draft_cut_are_joined_again_and_numbered_key_points_are_its_points():
    """Each piece of a cut line became a paragraph of its own (the first a heading, being short and without a
    full stop), and numbered key points paragraphs: the check then said the key points had no list."""
    seed = parse_seed(WRAPPED_DRAFT, "seed.txt", load_registry(CONTENT), load_settings())
    assert seed.body.split("\n\n") == [
        "## Key points",
        "- SYNTHETIC TEST FIXTURE: a first invented point, long enough that the page it was copied from broke it "
        "onto a second line.\n- A second invented point.",
        "## What’s the issue?",
        "An invented paragraph whose line was cut before a name, as in President Nobody Known, and again before a "
        "word in lower case, so that it went on over three lines.",
        "A second paragraph.",
        "## What is the solution?",
        "1. **Do the synthetic thing.** An invented recommendation whose line the e-mail cut too.",
        "2. **Do the next thing.** Another one.\n",
    ]


def test_lines_of_their_own_stay_apart():
    """One item a line, as the seed writes its points and a draft may write its paragraphs: nothing is joined
    where a line ends a sentence or a heading, or where the next is a point, a number or a card heading."""
    lines = [
        (1, "Key points"),
        (2, "• A point without a full stop"),
        (3, "• another point"),
        (4, "Background without a full stop"),
        (5, "A paragraph on the next line."),
        (6, "Then one more."),
        (7, "What is the solution?"),
        (8, "1 Act. Now."),
    ]
    assert unwrapped(lines, load_settings()) == [line for _, line in lines]


def test_only_numbers_in_sequence_are_recommendations_and_a_dash_outside_the_key_points_is_text():
    """'10 years of free-riding…' opened the recommendations as number 10 (and renumbered the real ones 11 and 12);
    an attribution line '— A. Person, 2017' under a quotation became a one-item list."""
    markdown = body_markdown(
        [
            "What is the issue?",
            "“A quotation.”",
            "— An Invented Person, 2017",
            "What is the solution?",
            "10 years of free-riding have to end. The United States should act now.",
            "1 Cut synthetic troop numbers. In recent years the numbers rose.",
            "2 Hand the command over. This would build trust.",
        ],
        EditorSettings(),
    )
    assert markdown.split("\n\n") == [
        "## What is the issue?",
        "“A quotation.”",
        "— An Invented Person, 2017",
        "## What is the solution?",
        "10 years of free-riding have to end. The United States should act now.",
        "1. **Cut synthetic troop numbers.** In recent years the numbers rose.",
        "2. **Hand the command over.** This would build trust.\n",
    ]


def test_an_organisation_in_the_byline_is_told_to_leave_it_out_and_not_offered_as_an_author(
    tmp_path, capsys, monkeypatch
):
    """'By Emma Ashford, Atlantic Council' asked to add "Atlantic Council" as an author, with a ready command."""
    content_copy(tmp_path / "content")
    source = tmp_path / "synthetic-draft.txt"
    source.write_text(
        SYNTHETIC_DRAFT.replace("By Emma Ashford", "By Emma Ashford, Synthetic Council"), encoding="utf-8"
    )

    code, _, err = run(["import", "--content", "content", str(source)], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert err.splitlines()[0] == (
        f"{source}:7: unknown author 'Synthetic Council' (not listed in authors.yml): if Synthetic Council is where "
        "an author works, leave it out of the 'By' line (make author's AFFILIATION= records it with the author)"
    )
    assert "make author" not in "\n".join(err.splitlines()[1:])


def test_a_byline_separated_by_semicolons_names_each_author():
    seed = parse_seed(
        SYNTHETIC_DRAFT.replace("By Emma Ashford", "By Emma Ashford; Mathew Burrows"),
        "seed.txt",
        load_registry(CONTENT),
        load_settings(),
    )
    assert seed.request.authors == ("Emma Ashford", "Mathew Burrows")
