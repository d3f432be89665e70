"""`make brief`: a new brief from the template, its refusals, and the offer to add an unknown author."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import MAKE, ROOT, Site, build_site, folder_bytes, text_of
from editor_helpers import content_copy, run

from reality_check.editor.settings import load_settings
from reality_check.plugins.brief_registry import load_registry, read_front_matter
from reality_check.plugins.brief_registry.rules import slug_problem

TITLE = "Synthetic: talk to “Moscow” about arms control"
SLUG = "synthetic-talk-to-moscow-about-arms-control"
FILE = "reality-check-5.md"  # a new brief's file is named after its series number, as the browser editor names it


def new(tmp_path, capsys, monkeypatch, *extra, ask=None, title=TITLE, authors="Quentin Sample"):
    return run(
        ["new", "--content", "content", "--title", title, "--authors", authors, *extra],
        capsys,
        monkeypatch,
        tmp_path,
        ask=ask,
    )


def add_zed(tmp_path, capsys, monkeypatch):
    """`make author` for an invented analyst, in this process: exit code, stdout lines, stderr."""
    return run(
        ["add-author", "--content", "content", "--name", "Zed Synthetic", "--bio", "An invented analyst."],
        capsys,
        monkeypatch,
        tmp_path,
    )


@pytest.fixture
def content(tmp_path):
    return content_copy(tmp_path / "content")


def test_writes_complete_front_matter_and_skeleton(content, tmp_path, capsys, monkeypatch):
    code, lines, _ = new(
        tmp_path,
        capsys,
        monkeypatch,
        "--topics",
        "Security & Defense",
        "--regions",
        "Russia, Europe",
        "--date",
        "2099-01-07",
    )

    assert code == 0
    path = content / "briefs" / FILE
    assert lines[0] == f"Created content/briefs/{FILE}: Reality Check #5, “{TITLE}”."
    assert any(f"http://127.0.0.1:8000/briefs/{SLUG}/" in line and "make devserver" in line for line in lines)
    front = read_front_matter(path.read_text(encoding="utf-8"), str(path))
    assert front.data == {
        "title": TITLE,
        "series_number": 5,
        "date": datetime.date(2099, 1, 7),
        "authors": ["Quentin Sample"],
        "topics": ["Security & Defense"],
        "regions": ["Russia", "Europe"],
    }
    headings = re.findall(r"^## (.+)$", front.body, flags=re.MULTILINE)
    assert headings[0] == "Key points"
    assert headings[1] == "What’s the issue?"
    assert headings[-1] == "What is the solution?"
    assert re.search(r"^1\. \*\*", front.body, flags=re.MULTILINE)


def test_the_scaffold_fails_the_check_until_filled_in_then_builds(content, tmp_path, capsys, monkeypatch):
    new(tmp_path, capsys, monkeypatch, "--topics", "Security & Defense", "--regions", "Russia")
    path = content / "briefs" / FILE

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)
    assert code == 1
    placeholder_lines = [n for n, line in enumerate(path.read_text().splitlines(), 1) if "[FILL IN" in line]
    assert lines == [
        f"content/briefs/{FILE}:{n}: text from the template is still to be written (replace the '[FILL IN: …]')"
        for n in placeholder_lines
    ]

    filled = re.sub(r"\[FILL IN: ([^\]]*)\]", lambda m: "Synthetic text: " + m.group(1), path.read_text())
    path.write_text(filled, encoding="utf-8")
    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)
    assert (code, lines) == (0, ["All briefs in content passed the checks."])

    site = Site(build_site(content, tmp_path / "output"))
    home = site.page("")
    assert TITLE in text_of(home.find("main"))
    page = site.page(f"briefs/{SLUG}/")
    assert text_of(page.find("h1")) == f"Reality Check #5: {TITLE}"
    assert len(page.select("section.summary-card ol.recommendations > li")) == 3


def test_next_number_follows_the_highest(content, tmp_path, capsys, monkeypatch):
    new(tmp_path, capsys, monkeypatch, title="Synthetic first")
    new(tmp_path, capsys, monkeypatch, title="Synthetic second")
    numbers = [
        read_front_matter(p.read_text(), str(p)).data["series_number"]
        for p in (content / "briefs" / "reality-check-5.md", content / "briefs" / "reality-check-6.md")
    ]
    assert numbers == [5, 6]


def test_refuses_a_title_given_twice(content, tmp_path, capsys, monkeypatch):
    new(tmp_path, capsys, monkeypatch)
    before = folder_bytes(content)

    code, _, err = new(tmp_path, capsys, monkeypatch)

    assert code == 1
    assert (
        f"error: content/briefs/{FILE}:2 already uses the web address '{SLUG}': choose another title" in err
    )
    assert "Nothing was written." in err
    assert folder_bytes(content) == before


def test_a_file_named_after_the_next_number_holding_another_brief_is_not_overwritten(
    content, tmp_path, capsys, monkeypatch
):
    """A brief renumbered by hand and not renamed: its file has the name the next free number gives."""
    renumbered = content / "briefs" / FILE
    renumbered.write_text(
        (content / "briefs" / "reality-check-4.md")
        .read_text(encoding="utf-8")
        .replace("series_number: 4", "series_number: 3")
        .replace("title: Focus on", "title: Synthetic renumbered, focus on"),
        encoding="utf-8",
    )
    before = folder_bytes(content)

    code, _, err = new(tmp_path, capsys, monkeypatch)

    assert code == 1
    assert (
        f"error: content/briefs/{FILE} already exists, although no brief has series number 5: that file holds a "
        "brief numbered otherwise; rename it after its own number, then run this again"
    ) in err
    assert folder_bytes(content) == before


def test_refuses_a_title_that_reuses_another_briefs_address(content, tmp_path, capsys, monkeypatch):
    before = folder_bytes(content)
    code, _, err = new(
        tmp_path, capsys, monkeypatch, title="Focus on interests, not on human rights with Russia?"
    )
    assert code == 1
    assert (
        "error: content/briefs/reality-check-4.md:2 already uses the web address "
        "'focus-on-interests-not-on-human-rights-with-russia': choose another title"
    ) in err
    assert folder_bytes(content) == before


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--topics", "Synthetic Studies"],
            "unknown topic 'Synthetic Studies' (not listed in topics.yml; choose from:",
        ),
        (["--regions", "Atlantis"], "unknown region 'Atlantis' (not listed in regions.yml; choose from:"),
        (
            ["--date", "2099-02-30"],
            "DATE must be a real date, written such as '5 March 2021', 'March 5, 2021'",
        ),
        (
            ["--date", "03/04/2099"],
            "DATE '03/04/2099' gives the month as a number, so it could be 3 April 2099",
        ),
    ],
)
def test_refuses_unknown_names_and_bad_dates(content, tmp_path, capsys, monkeypatch, extra, message):
    before = folder_bytes(content)
    code, _, err = new(tmp_path, capsys, monkeypatch, *extra)
    assert code == 1
    assert message in err
    assert folder_bytes(content) == before


@pytest.mark.parametrize(
    "title", ["Reality Check #5: Zebras and quotas", "reality check #12 – Zebras and quotas"]
)
def test_refuses_a_title_starting_with_the_label_the_site_puts_before_it(
    content, tmp_path, capsys, monkeypatch, title
):
    """It wrote the brief (at /briefs/reality-check-5-zebras-and-quotas/), which `make check` then refused."""
    before = folder_bytes(content)
    code, _, err = new(tmp_path, capsys, monkeypatch, title=title)
    assert code == 1
    label = title.partition(" Zebras")[0]
    assert (
        f"error: the title starts with '{label}', which the site puts before every title already: write the title "
        'alone, TITLE="Zebras and quotas"'
    ) in err.splitlines()
    assert folder_bytes(content) == before


def test_refuses_an_empty_title(content, tmp_path, capsys, monkeypatch):
    code, _, err = new(tmp_path, capsys, monkeypatch, title="  ")
    assert code == 1
    assert "error: TITLE is empty" in err


@pytest.mark.parametrize(
    ("title", "message"),
    [
        (
            "🔥 !!! 🔥",
            "error: the title '🔥 !!! 🔥' gives an empty web address: use some letters or digits in it",
        ),
        (
            "Synthetic " + "needlessly long words about an invented question " * 6,
            "error: the title gives a web address of 303 characters, more than the 200 the site's file names "
            "allow: shorten the title (the brief's text can say the rest)",
        ),
    ],
    ids=["no letters", "too long"],
)
def test_refuses_a_title_that_gives_no_usable_address(content, tmp_path, capsys, monkeypatch, title, message):
    """A title that is too long for a file name stopped make brief with a traceback (OSError: File name too long)."""
    before = folder_bytes(content)
    code, _, err = new(tmp_path, capsys, monkeypatch, title=title)
    assert code == 1
    assert message in err.splitlines()
    assert folder_bytes(content) == before


def test_unknown_author_without_a_terminal_prints_how_to_add_them(content, tmp_path, capsys, monkeypatch):
    before = folder_bytes(content)

    code, _, err = new(tmp_path, capsys, monkeypatch, authors="Quentin Sample, Nobody Inventedson")

    assert code == 1
    assert "error: unknown author 'Nobody Inventedson' (not listed in content/authors.yml)" in err
    assert 'make author NAME="Nobody Inventedson" BIO="One sentence about Nobody Inventedson."' in err
    assert "  - name: Nobody Inventedson\n    slug: nobody-inventedson\n" in err
    assert folder_bytes(content) == before


def test_unknown_author_on_a_terminal_is_added_on_yes(content, tmp_path, capsys, monkeypatch):
    answers = iter(["y", "Writes invented briefs for tests.", "Synthetic Fellow", ""])
    questions = []

    def ask(question):
        questions.append(question)
        return next(answers)

    registry_before = (content / "authors.yml").read_text()
    code, _, _ = new(tmp_path, capsys, monkeypatch, authors="Nobody Inventedson", ask=ask)

    assert code == 0
    assert questions[0] == "Nobody Inventedson is not listed in content/authors.yml. Add them now? [y/N] "
    person = load_registry(content).author("Nobody Inventedson")
    assert (person.slug, person.bio, person.title, person.affiliation) == (
        "nobody-inventedson",
        "Writes invented briefs for tests.",
        "Synthetic Fellow",
        "",
    )
    assert (content / "briefs" / FILE).exists()
    # Appended at the end of the list, everything before it untouched, in the form the browser editor writes.
    assert (content / "authors.yml").read_text() == registry_before + (
        "  - name: Nobody Inventedson\n    slug: nobody-inventedson\n    title: Synthetic Fellow\n"
        "    bio: Writes invented briefs for tests.\n"
    )


def test_unknown_author_on_a_terminal_refused_on_no(content, tmp_path, capsys, monkeypatch):
    before = folder_bytes(content)
    code, _, err = new(tmp_path, capsys, monkeypatch, authors="Nobody Inventedson", ask=lambda _: "n")
    assert code == 1
    assert "unknown author 'Nobody Inventedson'" in err
    assert folder_bytes(content) == before


def test_declining_the_second_new_author_adds_neither(content, tmp_path, capsys, monkeypatch):
    """Every answer is asked for first: saying yes to one new author and no to the next left the first in
    authors.yml under 'Nothing was written.'"""
    before = folder_bytes(content)
    answers = iter(["y", "Writes invented briefs for tests.", "", "", "n"])
    code, out, err = new(
        tmp_path,
        capsys,
        monkeypatch,
        authors="Nobody Inventedson, Another Inventedson",
        ask=lambda _: next(answers),
    )
    assert code == 1
    assert "unknown author 'Another Inventedson'" in err
    assert "Nothing was written." in err
    assert not [line for line in out if line.startswith("Added ")]
    assert folder_bytes(content) == before


@pytest.mark.parametrize("key", [EOFError, KeyboardInterrupt], ids=["Ctrl-D", "Ctrl-C"])
def test_stopping_at_a_question_is_a_refusal_not_a_traceback(key, content, tmp_path, capsys, monkeypatch):
    before = folder_bytes(content)
    answers = iter(["y"])

    def ask(question):
        for answer in answers:
            return answer
        raise key

    code, _, err = new(tmp_path, capsys, monkeypatch, authors="Nobody Inventedson", ask=ask)
    assert code == 1
    assert "error: stopped at a question, before its answer\nNothing was written." in err
    assert folder_bytes(content) == before


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Quentin Sample", "error: Quentin Sample is already listed in content/authors.yml"),
        # It said "adding 🔥 would break content/authors.yml: content/authors.yml:17: author entry is missing
        # slug", a line the file does not have, about a field the editor cannot give.
        (
            "🔥",
            "error: the name '🔥' gives an empty web address for the author's page: write the name in letters",
        ),
        # Added, and then `make brief AUTHORS="Sample, Quinn"` read two unknown authors, "Sample" and "Quinn".
        (
            "Sample, Quinn",
            "error: 'Sample, Quinn' holds a comma, as a name written family name first does: write the name as "
            'bylines print it, such as NAME="Quinn Sample"',
        ),
        # It said NAME="PhD Quinn Sample".
        (
            "Quinn Sample, PhD",
            "error: 'Quinn Sample, PhD' ends with a degree, which bylines would print as part of the name: write "
            'NAME="Quinn Sample", and the degree, if it is to be shown, in AUTHOR_TITLE="…"',
        ),
    ],
    ids=["already listed", "no letters", "family name first", "degree"],
)
def test_add_author_refuses_a_name_it_cannot_add(content, tmp_path, capsys, monkeypatch, name, said):
    before = folder_bytes(content)
    code, _, err = run(
        ["add-author", "--content", "content", "--name", name, "--bio", "Synthetic."],
        capsys,
        monkeypatch,
        tmp_path,
    )
    assert code == 1
    assert said in err.splitlines()
    assert folder_bytes(content) == before


def test_a_name_with_a_generation_after_its_comma_is_added_and_named_by_a_new_brief(
    content, tmp_path, capsys, monkeypatch
):
    """make author refused 'Quinn Sample, Jr.' (saying no brief could name such an author), which `make check`,
    the browser editor and make brief's AUTHORS= all take whole."""
    name = "Quinn Sample, Jr."
    code, _, err = run(
        ["add-author", "--content", "content", "--name", name, "--bio", "Synthetic."],
        capsys,
        monkeypatch,
        tmp_path,
    )
    assert (code, err) == (0, "")
    assert [p.name for p in load_registry(content).authors][-1] == name
    code, _, err = new(tmp_path, capsys, monkeypatch, authors=f"{name}, Emma Ashford")
    assert (code, err) == (0, "")
    front = read_front_matter((content / "briefs" / FILE).read_text(encoding="utf-8"), FILE)
    assert front.data["authors"] == [name, "Emma Ashford"]
    code, lines, _ = run(["check", "--format", "json", "content"], capsys, monkeypatch, tmp_path)
    # What is left to write is the template's; the authors are known.
    assert {problem["code"] for problem in json.loads("\n".join(lines))} == {"placeholder-left"}


def test_make_brief_passes_quotes_through_safely(content, tmp_path):
    title = 'Synthetic "quoted" title: it\'s $(not) `run` for $5'
    result = subprocess.run(
        [
            *MAKE,
            "-s",
            "brief",
            f"INPUTDIR={content}",
            f"TITLE={title}",
            "AUTHORS=Quentin Sample",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k not in ("TOPICS", "REGIONS", "DATE")},
    )
    assert result.returncode == 0, result.stderr
    path = content / "briefs" / FILE
    assert read_front_matter(path.read_text(), str(path)).data["title"] == title


def make(content: Path, *arguments: str) -> subprocess.CompletedProcess:
    """A `make` target as an editor runs it, on `content`."""
    return subprocess.run(
        [*MAKE, "-s", *arguments, f"INPUTDIR={content}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k not in ("TOPICS", "REGIONS", "DATE", "BIO", "NAME")},
    )


def brief(content: Path, capsys, monkeypatch, authors: str, regions: str = "") -> tuple[int, list[str], str]:
    """`make brief TITLE=… AUTHORS=… REGIONS=…` on `content`, in this process, with the options its recipe passes."""
    return run(
        [
            "new",
            "--content",
            str(content),
            "--title",
            "Synthetic near miss",
            "--authors",
            authors,
            "--topics",
            "",
            "--regions",
            regions,
            "--date",
            "",
        ],
        capsys,
        monkeypatch,
        content.parent,
    )


def author(content: Path, capsys, monkeypatch, name: str, bio: str) -> tuple[int, list[str], str]:
    """`make author NAME=… BIO=…` on `content`, in this process, with the options its recipe passes."""
    return run(
        [
            "add-author",
            "--content",
            str(content),
            "--name",
            name,
            "--bio",
            bio,
            "--title",
            "",
            "--affiliation",
            "",
        ],
        capsys,
        monkeypatch,
        content.parent,
    )


@pytest.mark.parametrize("typed", ["emma ashford", "Ema Ashford", "EMMA ASHFORD"])
def test_make_brief_with_a_near_miss_author_says_did_you_mean(content, typed, capsys, monkeypatch):
    before = folder_bytes(content)

    code, _, err = brief(content, capsys, monkeypatch, typed)

    assert code == 1  # which make turns into its own code for a failed command, 2
    assert err.splitlines()[:2] == [
        f"error: unknown author '{typed}' (not listed in authors.yml): did you mean 'Emma Ashford'? "
        "(write the name exactly as the registry lists it)",
        "Nothing was written.",
    ]
    assert "make author" not in err
    assert folder_bytes(content) == before


@pytest.mark.parametrize("typed", ["Emma Ashford and Mathew Burrows", "Emma Ashford & Mathew Burrows"])
def test_make_brief_with_two_listed_authors_joined_by_and_says_to_use_commas(
    content, typed, capsys, monkeypatch
):
    """It told the editor to add 'Emma Ashford and Mathew Burrows' as a new author, with a page of its own."""
    before = folder_bytes(content)

    code, _, err = brief(content, capsys, monkeypatch, typed)

    assert code == 1
    assert err.splitlines()[:2] == [
        f"error: '{typed}' names 2 listed authors: separate them with commas, "
        'AUTHORS="Emma Ashford, Mathew Burrows"',
        "Nothing was written.",
    ]
    assert folder_bytes(content) == before


def test_make_brief_with_a_near_miss_topic_or_region_says_did_you_mean(content, capsys, monkeypatch):
    code, _, err = brief(content, capsys, monkeypatch, "Emma Ashford", regions="russia")

    assert code == 1
    assert err.splitlines()[0] == (
        "error: unknown region 'russia' (not listed in regions.yml): did you mean 'Russia'?"
    )


def test_make_author_for_a_listed_author_in_other_capitals_names_them(content, capsys, monkeypatch):
    before = folder_bytes(content)

    code, _, err = author(content, capsys, monkeypatch, "emma ashford", "Writes briefs.")

    assert code == 1
    assert err.splitlines()[0] == (
        f"error: did you mean 'Emma Ashford'? Emma Ashford is already listed in {content / 'authors.yml'}: "
        'write AUTHORS="Emma Ashford" for a brief; nothing to add. A different person whose name gives the same '
        "address 'emma-ashford' needs a fuller name (a middle initial, say)"
    )
    assert folder_bytes(content) == before


def test_make_author_for_two_listed_authors_joined_by_and_adds_nobody(content, capsys, monkeypatch):
    """make brief's own advice once led here, and 'Emma Ashford and Mathew Burrows' got an author page."""
    before = folder_bytes(content)

    code, _, err = author(content, capsys, monkeypatch, "Emma Ashford and Mathew Burrows", "Writes briefs.")

    assert code == 1
    assert err.splitlines()[0] == (
        f"error: 'Emma Ashford and Mathew Burrows' names 2 authors already listed in {content / 'authors.yml'}: "
        'nothing to add; a brief by both names them with commas, AUTHORS="Emma Ashford, Mathew Burrows"'
    )
    assert folder_bytes(content) == before


def test_make_author_for_a_near_spelling_of_a_listed_author_asks_did_you_mean(content):
    """`Ema Ashford` was added beside Emma Ashford (a second author page for one person), though the editors'
    guide said make author refuses it."""
    before = folder_bytes(content)

    result = make(content, "author", "NAME=Ema Ashford", "BIO=Writes briefs.")

    assert result.returncode == 2
    assert result.stderr.splitlines()[:2] == [
        f"error: did you mean 'Emma Ashford'? Emma Ashford is already listed in {content / 'authors.yml'}: "
        'write AUTHORS="Emma Ashford" for a brief; nothing to add. If Ema Ashford is another person, run the same '
        "command with ANOTHER_PERSON=1",
        "Nothing was written.",
    ]
    assert folder_bytes(content) == before

    added = make(content, "author", "NAME=Ema Ashford", "BIO=Writes other briefs.", "ANOTHER_PERSON=1")
    assert added.returncode == 0, added.stderr
    assert load_registry(content).author("Ema Ashford").bio == "Writes other briefs."


def test_the_new_brief_is_named_with_the_sites_series(content, tmp_path, capsys, monkeypatch):
    """The series' name comes from the settings (SERIES_NAME, else SITENAME), as on the site's pages."""
    settings = tmp_path / "synthetic_conf.py"
    settings.write_text(
        (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
        + f'\nSERIES_NAME = "Synthetic Notes"\nTHEME = {str(ROOT / "theme")!r}\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    from reality_check.editor.cli import main

    code = main(
        [
            "new",
            "--content",
            "content",
            "--title",
            TITLE,
            "--authors",
            "Quentin Sample",
            "--settings",
            str(settings),
        ]
    )
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0] == f"Created content/briefs/synthetic-notes-5.md: Synthetic Notes #5, “{TITLE}”."


def test_the_make_author_command_names_the_content_folder_only_when_it_is_not_the_default():
    from reality_check.editor.authors import make_author_command

    assert (
        make_author_command(Path("content"), "Jane Doe", "Bio.") == 'make author NAME="Jane Doe" BIO="Bio."'
    )
    assert (
        make_author_command(Path("/srv/briefs"), "Jane Doe", "Bio.")
        == 'make author NAME="Jane Doe" BIO="Bio." INPUTDIR=/srv/briefs'
    )


def test_make_author_keeps_a_windows_saved_registry_as_it_was_saved(content, tmp_path, capsys, monkeypatch):
    """A registry saved by Notepad (byte order mark, CR LF) gets the new author in the same form, the rest byte
    for byte: it was written back without the mark and with LF throughout, a whole-file change in git."""
    registry = content / "authors.yml"
    saved = b"\xef\xbb\xbf" + registry.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    registry.write_bytes(saved)

    code, _, err = add_zed(tmp_path, capsys, monkeypatch)

    assert code == 0, err
    written = registry.read_bytes()
    assert written.startswith(saved)
    assert written.count(b"\n") == written.count(b"\r\n")
    assert "Zed Synthetic" in [person.name for person in load_registry(content).authors]


def test_a_failed_addition_leaves_the_registry_byte_for_byte(content):
    from reality_check.editor.authors import AuthorError, add_author, new_person
    from reality_check.plugins.brief_registry import Registry

    registry = content / "authors.yml"
    saved = b"\xef\xbb\xbfauthors:\r\n  - name: [unclosed\r\n"  # broken since the registry was loaded
    registry.write_bytes(saved)

    with pytest.raises(AuthorError, match="would break"):
        add_author(content, new_person("Zed Synthetic", "An invented analyst.", "zed-synthetic"), Registry())

    assert registry.read_bytes() == saved


def test_a_new_brief_heads_its_card_sections_as_the_site_reads_them(content, tmp_path, capsys, monkeypatch):
    """A site that heads its key points otherwise (summary_card's settings) gets briefs that start that way."""
    from reality_check.editor.cli import main

    settings = tmp_path / "synthetic-settings.py"
    settings.write_text(
        'SUMMARY_CARD_KEY_POINTS_HEADINGS = ["At a glance", "Key points"]\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)

    code = main(["new", "--content", "content", "--title", TITLE, "--authors", "Quentin Sample",
                 "--settings", str(settings)])  # fmt: skip

    assert code == 0, capsys.readouterr()
    # A site without SERIES_NAME names its briefs after Pelican's SITENAME, as a slug.
    brief = content / "briefs" / "a-pelican-blog-5.md"
    body = read_front_matter(brief.read_text(encoding="utf-8"), "new.md").body
    assert next(line for line in body.splitlines() if line.startswith("## ")) == "## At a glance"
    assert "## Key points" not in body


@pytest.mark.parametrize("emptied", ["authors: []\n", "authors: null\n", "authors:\n"])
def test_make_author_adds_to_a_registry_emptied_by_the_browser_editor(
    content, tmp_path, capsys, monkeypatch, emptied
):
    """The browser editor writes an emptied list as `authors: []`: the first author was refused, the list's items
    indented under a value."""
    (content / "authors.yml").write_text(emptied, encoding="utf-8")

    code, _, err = add_zed(tmp_path, capsys, monkeypatch)

    assert code == 0, err
    assert [person.name for person in load_registry(content).authors] == ["Zed Synthetic"]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Invented issue_now plan", "invented-issue-now-plan"),
        ("__init__ of an invented treaty", "init-of-an-invented-treaty"),
        ("Invented plan: a _ b", "invented-plan-a-b"),
    ],
)
def test_a_title_with_underscores_gives_an_address_a_slug_line_may_hold(title, slug):
    """`make brief TITLE='… issue_now …'` made the address …-issue_now-…, which `make check` refuses when written
    by hand in a `slug:` line (lower-case letters, digits and hyphens): the site's slugs read an underscore as a
    space."""
    settings = load_settings(ROOT / "pelicanconf.py")
    assert settings.slug(title) == slug
    assert slug_problem(slug, written=True) is None
    assert settings.slug("Focus on interests, not on human rights with Russia") == (
        "focus-on-interests-not-on-human-rights-with-russia"  # the published address of #4 is unchanged
    )


def test_add_author_refuses_markup_in_the_bio(content, tmp_path, capsys, monkeypatch):
    """make author wrote '**briefs**' into the registry, and the author's page showed the asterisks."""
    before = folder_bytes(content)
    code, _, err = run(
        ["add-author", "--content", "content", "--name", "Nobody Inventedson", "--bio", "Writes **briefs**."],
        capsys,
        monkeypatch,
        tmp_path,
    )
    assert code == 1
    assert err.splitlines()[0] == (
        "error: BIO is plain text: the author's page, search and feeds would show '**briefs**' as typed; write it "
        "without the markup"
    )
    assert folder_bytes(content) == before


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("Quinn Sample, Jr., Emma Ashford", ("Quinn Sample, Jr.", "Emma Ashford")),
        ("Emma Ashford; Quinn Sample, Jr.", ("Emma Ashford", "Quinn Sample, Jr.")),
        ("Emma Ashford, Mathew Burrows", ("Emma Ashford", "Mathew Burrows")),
    ],
)
def test_a_listed_name_holding_a_comma_stays_whole_in_authors(written, names):
    """A registry may list 'John Smith, Jr.': make brief AUTHORS="John Smith, Jr." read 'John Smith' and 'Jr.', and
    said "unknown author 'John Smith': did you mean 'John Smith, Jr.'?", what had been typed."""
    from reality_check.editor.scaffold import split_names

    assert split_names(written, ["Emma Ashford", "Mathew Burrows", "Quinn Sample, Jr."]) == names
