"""Briefs as editors' machines save them, through `make check`'s checker and a real Pelican build.

A byte order mark, CR LF or CR line ends, a trailing space after `---`, blank lines before the front matter and a
missing final newline all build; what cannot be built (YAML mistakes, another encoding, HTML that runs code) gets
the same `path:line: message` from the check and from the build, and the build writes nothing of that brief.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build_site
from editor_helpers import GOOD_BRIEF, content_copy, run
from test_editor_check import CASES, bad_brief

# What an editor's machine may do to a file that is otherwise fine: name -> bytes of the file.
GOOD_TEXT = GOOD_BRIEF.read_text(encoding="utf-8")
SAVED_AS = {
    "bom": lambda text: b"\xef\xbb\xbf" + text.encode(),
    "crlf": lambda text: text.replace("\n", "\r\n").encode(),
    "bom-crlf": lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
    "cr": lambda text: text.replace("\n", "\r").encode(),
    "space-after-fences": lambda text: text.replace("---\n", "--- \n").encode(),
    "blank-lines-before": lambda text: ("\n\n" + text).encode(),
    "no-final-newline": lambda text: text.rstrip("\n").encode(),
}
# The bad briefs the build itself refuses (the others build, and `make check` alone stops them).
REFUSED_BY_THE_BUILD = (
    "yaml-error",
    "unclosed-quote",
    "missing-colon",
    "colon-in-title",
    "hash-in-title",
    "tab-indent",
    "not-utf8",
    "javascript-link",
    "script-in-body",
    "unknown-tag",
    "embedded-page",
    "event-attribute",
    "image-missing",
    "image-on-another-site",
    "image-outside-folder",
)


def saved_as(name: str, folder: Path, number: int) -> Path:
    """The good brief as a machine that does `name` saves it, with its own title and series number."""
    text = GOOD_TEXT.replace("Synthetic good brief by an invented author", f"Synthetic brief saved {name}")
    text = text.replace("series_number: 940", f"series_number: {number}")
    path = folder / f"saved-{name}.md"
    path.write_bytes(SAVED_AS[name](text))
    return path


def run_check(content: Path, capsys, monkeypatch) -> tuple[int, list[str]]:
    """`python -m reality_check.editor check content`, run in this process (tests/test_check.py runs the command itself): its
    exit code and the lines it printed (anything printed before is set aside)."""
    capsys.readouterr()
    code, lines, _ = run(["check", "content"], capsys, monkeypatch, cwd=content.parent)
    return code, lines


@pytest.fixture
def saved_briefs(tmp_path: Path) -> list[Path]:
    (tmp_path / "saved").mkdir()
    return [saved_as(name, tmp_path / "saved", 960 + i) for i, name in enumerate(SAVED_AS)]


def test_files_as_editors_save_them_pass_the_check(tmp_path, saved_briefs, capsys, monkeypatch):
    content = content_copy(tmp_path / "content", *saved_briefs)

    assert run_check(content, capsys, monkeypatch) == (0, ["All briefs in content passed the checks."])


def test_files_as_editors_save_them_build_with_their_title_and_card(tmp_path, saved_briefs):
    content = content_copy(tmp_path / "content", *saved_briefs)

    output = build_site(content, tmp_path / "output")

    for number, name in enumerate(SAVED_AS, start=960):
        page = BeautifulSoup(
            (output / "briefs" / f"synthetic-brief-saved-{name}" / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        assert (
            " ".join(page.find("h1").get_text(" ").split())
            == f"Reality Check #{number}: Synthetic brief saved {name}"
        )
        assert "A synthetic key point about an invented policy." in page.get_text()
        assert "\ufeff" not in page.decode()


def test_a_bom_and_crlf_keep_the_line_the_editor_sees(tmp_path, capsys, monkeypatch):
    text = GOOD_TEXT.replace("  - Quentin Sample", "  - Nobody Inventedson")
    (tmp_path / "saved").mkdir()
    path = tmp_path / "saved" / "bom-crlf-unknown.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    content = content_copy(tmp_path / "content", path)

    assert run_check(content, capsys, monkeypatch) == (
        1,
        [
            "content/briefs/bom-crlf-unknown.md:7: unknown author 'Nobody Inventedson' (not listed in authors.yml)"
        ],
    )


def test_the_build_refuses_what_the_check_refuses_with_the_same_message(tmp_path, caplog):
    bad = [bad_brief(name, tmp_path) for name in REFUSED_BY_THE_BUILD]
    content = content_copy(tmp_path / "content", GOOD_BRIEF, *bad)

    with caplog.at_level(logging.ERROR):
        output = build_site(content, tmp_path / "output")

    logged = [
        line
        for record in caplog.records
        if record.name == "reality_check.plugins.brief_registry.reader"
        for line in record.getMessage().splitlines()
    ]
    assert sorted(logged) == sorted(line for name in REFUSED_BY_THE_BUILD for line in CASES[name])
    # Errors, so `--fatal errors` (make html's Pelican options) stops the build on each.
    assert {r.levelno for r in caplog.records if r.name == "reality_check.plugins.brief_registry.reader"} == {
        logging.ERROR
    }
    written = sorted(p.name for p in (output / "briefs").iterdir())
    assert written == [
        "focus-on-interests-not-on-human-rights-with-russia",
        "synthetic-good-brief-by-an-invented-author",
    ]
    for page in output.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("script", src=False) is None or all(
            s.get("type") == "application/ld+json" for s in soup.find_all("script", src=False)
        ), page
        hrefs = [a["href"] for a in soup.find_all(href=True)]
        assert not [
            h for h in hrefs if h.strip().lower().startswith(("javascript:", "vbscript:", "data:"))
        ], page


def test_the_build_names_a_sections_heading_where_make_check_does(tmp_path, caplog, capsys, monkeypatch):
    """A heading shown in fenced code is no heading: both name the real one (line 24, not 19)."""
    content = content_copy(tmp_path / "content", bad_brief("fenced-heading", tmp_path))

    with caplog.at_level(logging.WARNING):
        build_site(content, tmp_path / "output")

    warned = [r.getMessage() for r in caplog.records if "fenced-heading.md" in r.getMessage()]
    assert warned == CASES["fenced-heading"]
    assert run_check(content, capsys, monkeypatch) == (1, CASES["fenced-heading"])


def test_a_page_is_read_and_checked_like_a_brief(tmp_path, caplog, capsys, monkeypatch):
    content = content_copy(tmp_path / "content")
    page = content / "pages" / "synthetic-page.md"
    # SYNTHETIC TEST FIXTURE: an invented page, saved by a Windows editor.
    text = (
        "---\ntitle: A synthetic page\nslug: synthetic-page\n---\n\nSee <a href='javascript:x()'>this</a>.\n"
    )
    page.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    expected = [
        "content/pages/synthetic-page.md:6: link to 'javascript:x()' uses the 'javascript:' scheme, which runs code "
        "instead of going to a page: use an http://, https:// or mailto: address, or a relative one"
    ]

    checked = run_check(content, capsys, monkeypatch)
    with caplog.at_level(logging.ERROR):
        output = build_site(content, tmp_path / "output")

    assert checked == (1, expected)
    assert [
        r.getMessage() for r in caplog.records if r.name == "reality_check.plugins.brief_registry.reader"
    ] == expected
    assert not (output / "synthetic-page").exists()


def test_a_link_to_a_brief_that_is_gone_is_named_by_the_check_and_the_build(
    tmp_path, caplog, capsys, monkeypatch
):
    """A brief file that is a link to nothing (a moved synced folder) stopped `make check` with a traceback."""
    content = content_copy(tmp_path / "content")
    (content / "briefs" / "old-brief.md").symlink_to(tmp_path / "moved" / "old-brief.md")
    said = [
        "content/briefs/old-brief.md:1: cannot read the file (No such file or directory): check that it is there "
        "and readable (a link must lead to a file that exists)"
    ]

    assert run_check(content, capsys, monkeypatch) == (1, said)
    assert run_check(content, capsys, monkeypatch) == (1, said)  # never taken from the checks' cache
    with caplog.at_level(logging.ERROR):
        output = build_site(content, tmp_path / "output")

    assert [
        r.getMessage() for r in caplog.records if r.name == "reality_check.plugins.brief_registry.reader"
    ] == said
    assert (output / "briefs" / "focus-on-interests-not-on-human-rights-with-russia" / "index.html").is_file()


def test_values_yaml_reads_as_other_things_build_as_the_editor_wrote_them(tmp_path, capsys, monkeypatch):
    """`title: 1984` (a number to YAML), `title: 2024-01-01` (a date; the browser editor writes both unquoted)
    and one topic or region written on the `topics:` line itself, as `authors:` may be: the check passes, the
    build shows them as written (the build stopped with a traceback on each)."""
    (tmp_path / "saved").mkdir()
    briefs = []
    for number, title in ((970, "1984"), (971, "2024-01-01")):
        text = GOOD_TEXT.replace("title: Synthetic good brief by an invented author", f"title: {title}")
        text = text.replace("series_number: 940", f"series_number: {number}")
        text = text.replace("topics:\n  - Security & Defense", "topics: Security & Defense")
        text = text.replace("regions:\n  - Europe", "regions: Europe")
        briefs.append(tmp_path / "saved" / f"synthetic-{number}.md")
        briefs[-1].write_text(text, encoding="utf-8")
    content = content_copy(tmp_path / "content", *briefs)

    assert run_check(content, capsys, monkeypatch) == (0, ["All briefs in content passed the checks."])
    output = build_site(content, tmp_path / "output")
    for number, title in ((970, "1984"), (971, "2024-01-01")):
        page = BeautifulSoup(
            (output / "briefs" / title / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        assert " ".join(page.find("h1").get_text(" ").split()) == f"Reality Check #{number}: {title}"
        assert [" ".join(a.get_text().split()) for a in page.select(".brief-tags a")] == [
            "Security & Defense",
            "Europe",
        ]


def test_a_web_page_or_rst_file_saved_among_the_briefs_is_left_out_of_the_build(tmp_path, caplog):
    """Word's "Save as web page" into content/briefs/ (or a .rst file) stopped the build with Pelican's traceback
    ("could not find information about 'date'"): the site reads Markdown only, and `make check` names the file."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    (content / "briefs" / "synthetic-word-export.html").write_text(
        "<html><head><title>Invented</title></head><body><p>Invented</p></body></html>\n"
    )
    (content / "briefs" / "synthetic-notes.rst").write_text("Invented\n========\n\nInvented text.\n")
    (content / "pages" / "synthetic-about.htm").write_text("<html><body><p>Invented</p></body></html>\n")

    with caplog.at_level(logging.WARNING):
        site = build_site(content, tmp_path / "output")

    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert sorted(p.parent.name for p in site.glob("briefs/*/index.html")) == [
        "focus-on-interests-not-on-human-rights-with-russia",
        "synthetic-good-brief-by-an-invented-author",
    ]
    assert not [p for p in site.rglob("*") if "word-export" in p.name or "synthetic-notes" in p.name]
    assert not (site / "synthetic-about").exists()
