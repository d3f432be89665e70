"""`make check`'s checks on one bad synthetic brief at a time: the exact `path:line: message`, and a failing exit.
(tests/test_check.py runs the checker as a program on whole folders.)"""

from __future__ import annotations

import datetime
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import MAKE, ROOT
from editor_helpers import BAD_BRIEFS, GOOD_BRIEF, SETTINGS, content_copy, run

from reality_check.editor.check import left_out, review_content
from reality_check.editor.check_cache import CACHE_FILE as CHECK_CACHE_FILE
from reality_check.editor.settings import load_settings
from reality_check.plugins.brief_registry.briefs import IGNORED_NAMES, files_not_read

REUSED = "focus-on-interests-not-on-human-rights-with-russia"
CASES = {
    "bad-date": [
        "content/briefs/bad-date.md:5: '2099-02-30' is not a real date (day is out of range for month): "
        "write a day the calendar has, as YYYY-MM-DD"
    ],
    "not-a-date": [
        "content/briefs/not-a-date.md:5: date must be a real date written YYYY-MM-DD, such as 2021-03-05 "
        "(got 'early March')"
    ],
    "missing-title": ["content/briefs/missing-title.md:1: required field 'title' is missing or empty"],
    "missing-series-number": [
        "content/briefs/missing-series-number.md:1: required field 'series_number' is missing or empty"
    ],
    "misspelt-series-number": [
        "content/briefs/misspelt-series-number.md:4: required field 'series_number' is missing or empty "
        "(this line says 'series_numbr': did you mean 'series_number'?)"
    ],
    "empty-authors": ["content/briefs/empty-authors.md:6: required field 'authors' is missing or empty"],
    "misspelt-field": [
        "content/briefs/misspelt-field.md:6: required field 'authors' is missing or empty "
        "(this line says 'author': did you mean 'authors'?)"
    ],
    "yaml-error": [
        "content/briefs/yaml-error.md:8: the '[' opened on line 8 is never closed: end the list with ']' "
        "(YAML parser: while parsing a flow sequence on line 8; expected ',' or ']', but got ':' on line 9)"
    ],
    "unclosed-quote": [
        'content/briefs/unclosed-quote.md:3: the quote opened on line 3 is never closed: add the closing " at the '
        "end of the value (YAML parser: while scanning a quoted scalar on line 3; found unexpected end of stream "
        "on line 11)"
    ],
    "missing-colon": [
        "content/briefs/missing-colon.md:4: line 4 has no ':' after its name: write it as 'name: value'; if it is "
        "more of 'title' on line 3, indent it two spaces further than 'title', or join it to line 3 (YAML parser: while scanning a simple key on line 4; could not find expected ':' on line 5)"
    ],
    "colon-in-title": [
        "content/briefs/colon-in-title.md:3: line 3 has a second ': ' inside its value: put the whole value in "
        'quotes, such as title: "Synthetic brief: a title with a colon" (YAML parser: mapping values are not '
        "allowed here on line 3)"
    ],
    "tab-indent": [
        "content/briefs/tab-indent.md:7: line 7 holds a tab: YAML needs spaces here, so replace the tab with "
        "spaces (YAML parser: while scanning for the next token; found character '\\t' that cannot start any "
        "token on line 7)"
    ],
    "javascript-link": [
        "content/briefs/javascript-link.md:16: link to 'javascript:alert(1)' uses the 'javascript:' scheme, "
        "which runs code instead of going to a page: use an http://, https:// or mailto: address, or a relative one"
    ],
    "script-in-body": [
        "content/briefs/script-in-body.md:30: <script> would run code in readers' browsers: remove it (to show "
        "code, put it in a fenced ``` block)"
    ],
    "embedded-page": [
        "content/briefs/embedded-page.md:22: <iframe> would embed another page: remove it and link to that page "
        "instead",
        "content/briefs/embedded-page.md:24: <style> would restyle the page: remove it (the site's stylesheet "
        "styles every brief)",
    ],
    "event-attribute": [
        "content/briefs/event-attribute.md:20: link to 'DATA:text/html;base64,PHNjcmlwdD4=' uses the 'data:' "
        "scheme, which embeds data instead of going to a page: use an http://, https:// or mailto: address, or a "
        "relative one",
        "content/briefs/event-attribute.md:20: link to 'vbscript:msgbox' uses the 'vbscript:' scheme, which runs "
        "code instead of going to a page: use an http://, https:// or mailto: address, or a relative one",
        "content/briefs/event-attribute.md:20: the 'onmouseover' attribute of <span> would run code in readers' "
        "browsers: remove it",
    ],
    "author-in-lower-case": [
        "content/briefs/author-in-lower-case.md:8: unknown author 'emma ashford' (not listed in authors.yml): "
        "did you mean 'Emma Ashford'?"
    ],
    "author-misspelt": [
        "content/briefs/author-misspelt.md:7: unknown author 'Ema Ashford' (not listed in authors.yml): "
        "did you mean 'Emma Ashford'?"
    ],
    "topic-misspelt": [
        "content/briefs/topic-misspelt.md:9: unknown topic 'Security and Defence' (not listed in topics.yml): "
        "did you mean 'Security & Defense'?"
    ],
    "region-misspelt": [
        "content/briefs/region-misspelt.md:11: unknown region 'middle east' (not listed in regions.yml): "
        "did you mean 'Middle East'?"
    ],
    "link-by-web-address": [
        "content/briefs/link-by-web-address.md:20: link to "
        "'{filename}/briefs/focus-on-interests-not-on-human-rights-with-russia/' points to no file "
        "(content/briefs/focus-on-interests-not-on-human-rights-with-russia does not exist): did you mean "
        "'{filename}/briefs/reality-check-4.md'? A link names the brief's file (such as reality-check-4.md), "
        "not its web address"
    ],
    "link-misspelt": [
        "content/briefs/link-misspelt.md:20: link to '{filename}reality-check4.md' points to no file "
        "(content/briefs/reality-check4.md does not exist): did you mean '{filename}reality-check-4.md'?"
    ],
    "fenced-heading": [
        "content/briefs/fenced-heading.md:24: key points appear twice: the section under the heading 'Key points' "
        "holds more than its list ('A stray paragraph left in the key point…'), so it stays in the body below the "
        "card; move the other text out of that section"
    ],
    "markup-in-title": [
        "content/briefs/markup-in-title.md:3: the title is plain text: the page, search, feeds, citations and the PDF "
        "show '<em>' as typed; remove the tag (a title takes no HTML)"
    ],
    "unknown-tag": [
        "content/briefs/unknown-tag.md:20: '<tariffs>' is read as an HTML tag, which no browser shows, so 'tariffs' "
        "is missing from the page: to show the angle brackets, write &lt;tariffs> (or put it in backticks, "
        "`<tariffs>`, to show it as code)"
    ],
    "hash-in-title": [
        "content/briefs/hash-in-title.md:3: '#' after a space starts a YAML comment, so this value would end "
        "before '#978 with a number sign': put the whole value in quotes (\"Synthetic brief #978 with a number sign\")"
    ],
    "series-not-positive": [
        "content/briefs/series-not-positive.md:4: series number must be a positive integer (got -9)"
    ],
    "series-reused": [
        "content/briefs/reality-check-4.md:3: series number 4 is also used by content/briefs/series-reused.md:4 (the next free number is 941)",
        "content/briefs/series-reused.md:4: series number 4 is also used by content/briefs/reality-check-4.md:3 (the next free number is 941)",
    ],
    "unknown-author": [
        "content/briefs/unknown-author.md:8: unknown author 'Nobody Inventedson' (not listed in authors.yml)"
    ],
    "unknown-topic": [
        "content/briefs/unknown-topic.md:9: unknown topic 'Synthetic Studies' (not listed in topics.yml)"
    ],
    "unknown-region": [
        "content/briefs/unknown-region.md:11: unknown region 'Atlantis' (not listed in regions.yml)"
    ],
    "no-key-points": [
        "content/briefs/no-key-points.md:13: no key points: add a heading '## Key points' followed by a "
        "bulleted list ('- …')"
    ],
    "key-points-misspelt": [  # the heading's own line, not the first line of the body
        "content/briefs/key-points-misspelt.md:14: no key points: did you mean 'Key points'? The heading "
        "'Key pionts' is not one the card reads: write it 'Key points', followed by a bulleted list ('- …')"
    ],
    "empty-key-points": [
        "content/briefs/empty-key-points.md:14: no key points: the heading 'Key points' must be followed by a "
        "bulleted list with at least one point"
    ],
    "no-recommendations": [
        "content/briefs/no-recommendations.md:18: no recommendations: add a heading '## What is the solution?' "
        "followed by a numbered list such as '1. **Lead sentence.** Details…'"
    ],
    "recommendations-not-numbered": [
        "content/briefs/recommendations-not-numbered.md:22: no recommendations: the heading "
        "'What is the solution?' must be followed by a numbered list such as '1. **Lead sentence.** Details…'"
    ],
    "empty-recommendation": [
        "content/briefs/empty-recommendation.md:22: recommendation 2 under the heading 'What is the solution?' is empty"
    ],
    "duplicate-slug": [
        f"content/briefs/duplicate-slug.md:3: slug '{REUSED}' is also used by content/briefs/reality-check-4.md:2 "
        "(give one of them another title or a 'slug:' field)",
        f"content/briefs/reality-check-4.md:2: slug '{REUSED}' is also used by content/briefs/duplicate-slug.md:3 "
        "(give one of them another title or a 'slug:' field)",
    ],
    "duplicate-slug-field": [
        f"content/briefs/duplicate-slug-field.md:5: slug '{REUSED}' is also used by "
        "content/briefs/reality-check-4.md:2 (give one of them another title or a 'slug:' field)",
        f"content/briefs/reality-check-4.md:2: slug '{REUSED}' is also used by "
        "content/briefs/duplicate-slug-field.md:5 (give one of them another title or a 'slug:' field)",
    ],
    "not-utf8": [
        "content/briefs/not-utf8.md:3: the file is not UTF-8 text (byte 0xe9 in column 21, 'é' in Windows-1252); "
        "save it again choosing the UTF-8 "
        "encoding"
    ],
    "empty": ["content/briefs/empty.md:1: the file is empty (expected front matter and the brief's text)"],
    "broken-link": [
        "content/briefs/broken-link.md:20: link to '{filename}no-such-brief.md' points to no file "
        "(content/briefs/no-such-brief.md does not exist)"
    ],
    "image-missing": [
        "content/briefs/image-missing.md:22: image '/images/no-such-chart.png' is missing: there is no "
        "content/images/no-such-chart.png; add the file there, or correct the name"
    ],
    "image-on-another-site": [
        "content/briefs/image-on-another-site.md:22: image 'https://example.org/synthetic-chart.png' has no "
        "description: write what it shows between the brackets, as in ![Defence budgets, 2010 to 2020]"
        "(/images/synthetic-chart.png), for readers who cannot see it (screen readers read it out, and it shows "
        "where the image does not load)",
        "content/briefs/image-on-another-site.md:22: image 'https://example.org/synthetic-chart.png' is on "
        "another site, and the site's pages show only their own images (its security policy): save the file "
        "into content/images and write ![what it shows](/images/synthetic-chart.png)",
    ],
    "image-outside-folder": [
        "content/briefs/image-outside-folder.md:22: image 'charts/synthetic.png' is not in content/images, the "
        "folder the site publishes images from: put the file there and write ![what it shows](/images/synthetic.png)"
    ],
    "status-unknown": [
        "content/briefs/status-unknown.md:6: status 'publish' is not one the site knows: write published, draft, hidden or skip (or leave the line out to publish the brief)"
    ],
    "title-a-list": [
        "content/briefs/title-a-list.md:3: the title must be one line of text (got a list): write it after 'title: ', in quotes if it holds a ':'"
    ],
    "save-as-given": [
        "content/briefs/save-as-given.md:6: 'save_as:' is not a field a brief may have: the site gives each brief its address (to choose the address, use 'slug:'); remove the line"
    ],
    "modified-not-a-date": [
        "content/briefs/modified-not-a-date.md:6: modified must be a real date written YYYY-MM-DD, such as 2021-03-05 (got 'TBD')"
    ],
    "title-without-letters": [
        "content/briefs/title-without-letters.md:3: the title has no letters or digits to make a web address from: add a line such as 'slug: reality-check-12' below it"
    ],
    "slug-not-an-address": [
        "content/briefs/slug-not-an-address.md:6: slug '/briefs/My Brief/' is not a web address the site can use: write lower-case letters, digits and hyphens, such as slug: my-brief"
    ],
    "author-twice": [
        "content/briefs/author-twice.md:8: 'Quentin Sample' is listed twice under 'authors:' (lines 7 and 8): keep one"
    ],
    "title-too-long": [
        "content/briefs/title-too-long.md:3: the web address the title gives is 307 characters long, more than the 200 the site's file names allow: add a shorter one in a 'slug:' line, such as slug: synthetic-brief-about-an-invented-and-needlessly-long-list"
    ],
    "placeholder-left": [
        "content/briefs/placeholder-left.md:16: text from the template is still to be written "
        "(replace the '[FILL IN: …]')"
    ],
}


GENERATED = ("not-utf8",)  # kept out of the repository: tools that read every file would choke on it


def bad_brief(name: str, folder: Path) -> Path:
    """The bad brief called `name`: a fixture file, or one written here."""
    if name == "not-utf8":
        text = GOOD_BRIEF.read_text(encoding="utf-8").replace("Synthetic good brief", "Synthetic café brief")
        path = folder / "not-utf8.md"
        path.write_bytes(
            text.replace("series_number: 940", "series_number: 941").encode("latin-1", "replace")
        )
        return path
    return BAD_BRIEFS / f"{name}.md"


def test_every_bad_brief_has_a_case():
    assert sorted(CASES) == sorted([*GENERATED, *(p.stem for p in BAD_BRIEFS.glob("*.md"))])


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_bad_brief(name, tmp_path, capsys, monkeypatch):
    content_copy(tmp_path / "content", GOOD_BRIEF, bad_brief(name, tmp_path))

    code, lines, err = run(["check", "content"], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert lines == CASES[name]
    assert f"{len(CASES[name])} problem(s) found" in err


def test_good_briefs_pass(tmp_path, capsys, monkeypatch):
    content_copy(tmp_path / "content", GOOD_BRIEF)

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    assert code == 0
    assert lines == ["All briefs in content passed the checks."]


def test_every_problem_of_every_brief_in_one_run(tmp_path, capsys, monkeypatch):
    content_copy(tmp_path / "content", GOOD_BRIEF, *(bad_brief(name, tmp_path) for name in CASES))

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    assert code == 1
    located = {line.split(": ")[0] for line in lines}
    assert located >= {line.split(": ")[0] for case in CASES.values() for line in case}
    assert lines == sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))


def test_a_broken_registry_is_reported_without_blaming_every_brief(tmp_path, capsys, monkeypatch):
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    (content / "topics.yml").write_text("- name: Synthetic\n  slug: [unclosed\n", encoding="utf-8")

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("content/topics.yml:")


def test_a_brief_dated_in_the_future_is_a_warning_not_an_error(tmp_path, capsys, monkeypatch):
    """Embargoed briefs are real: `make check` passes, and says the site will not wait for the date."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)  # dated 2099-01-05
    # `make check INPUTDIR=…`'s command, in this process (a real make check runs in the test below)
    code, lines, err = run(["check", str(content)], capsys, monkeypatch, ROOT)
    assert code == 0, "\n".join(lines) + err
    assert lines[-1] == f"All briefs in {content} passed the checks."
    assert err.splitlines() == [
        "content/briefs/synthetic-good.md:5: warning: dated 2099-01-05, in the future; the site does not wait for "
        "that date: the next `make publish` publishes the brief. If it is under embargo, keep the file out of "
        "content/briefs/ until the day"
    ]


def test_what_the_share_image_cannot_draw_is_a_warning_naming_each_character(tmp_path, capsys, monkeypatch):
    """An emoji or a Chinese name in the title or the first key point is drawn as an empty box in the share image
    (DejaVu Sans has neither): `make check` passes, and names each such character once, as a reader sees it (a
    family emoji, a flag), at the title's line and at the key points' heading. Cyrillic and typographic quotes,
    which the font has, are not named."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    brief = content / "briefs" / GOOD_BRIEF.name
    title = "Synthetic «Россия» rocket 🚀 brief 🚀 on 习近平 👨‍👩‍👧 🇺🇦"
    text = brief.read_text(encoding="utf-8").replace(
        "title: Synthetic good brief by an invented author", f"title: {title}"
    )
    heading = "## Key points"
    assert f"{heading}\n\n- " in text, "the fixture's key points changed: update the test"
    brief.write_text(text.replace(f"{heading}\n\n- ", f"{heading}\n\n- 🛰 ", 1), encoding="utf-8")
    code, lines, err = run(["check", str(content)], capsys, monkeypatch, ROOT)
    assert code == 0, "\n".join(lines) + err
    source = brief.read_text(encoding="utf-8").splitlines()
    title_line, heading_line = source.index(f"title: {title}") + 1, source.index(heading) + 1
    tail = (
        "cannot be shown in the picture used when the brief is shared: an empty box would stand in for each (in the "
        "PDF edition too, on a computer with no font that has them)"
    )
    assert [w for w in err.splitlines() if "cannot be shown" in w] == [
        f"content/briefs/synthetic-good.md:{title_line}: warning: the title's '🚀' (U+1F680), '习' (U+4E60), '近' "
        f"(U+8FD1), '平' (U+5E73), '👨‍👩‍👧', '🇺🇦' {tail}; write the title without them",
        f"content/briefs/synthetic-good.md:{heading_line}: warning: the first key point's '🛰' (U+1F6F0) {tail}; "
        "write that key point without them",
    ]


def test_the_suites_own_runs_keep_their_caches_out_of_the_checkout(tmp_path, private_cache):
    """`make check` run by a test keeps its reports in the test process's cache folder (REALITY_CHECK_CACHE, set by
    tests/conftest.py), not in the checkout's cache/, which another test process or a `make html` may be writing."""
    content = content_copy(tmp_path / "content")
    (private_cache / CHECK_CACHE_FILE).unlink(missing_ok=True)  # written by earlier checks in this process
    checkouts = ROOT / "cache" / CHECK_CACHE_FILE
    before = checkouts.stat().st_mtime_ns if checkouts.exists() else None
    result = subprocess.run(
        [*MAKE, "check", f"INPUTDIR={content}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (private_cache / CHECK_CACHE_FILE).is_file()
    assert (checkouts.stat().st_mtime_ns if checkouts.exists() else None) == before


@pytest.mark.parametrize(
    ("today", "warned"),
    [
        (datetime.date(2099, 1, 4), True),
        (datetime.date(2099, 1, 5), False),
        (datetime.date(2100, 1, 1), False),
    ],
)
def test_the_warning_compares_the_date_with_today(today, warned, tmp_path):
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    review = review_content(content, load_settings(SETTINGS), today=today)
    assert review.problems == ()
    assert [w.line for w in review.warnings] == ([5] if warned else [])


def test_a_mistyped_card_setting_is_one_line_naming_it(tmp_path, capsys, monkeypatch):
    """Before any brief is read: it was a TypeError traceback from the settings' reader."""
    from reality_check.editor.cli import main

    content = content_copy(tmp_path / "content")
    settings = tmp_path / "pelicanconf.py"
    settings.write_text("SUMMARY_CARD_KEY_POINTS_HEADINGS = 5\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    status = main(["check", str(content), "--settings", str(settings)])

    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "error: SUMMARY_CARD_KEY_POINTS_HEADINGS must be a list of texts, such as ['Key points', 'Key takeaways'], "
        "not 5 (set it in pelicanconf.py)"
    ]


def test_two_pages_at_one_address_are_named_together(tmp_path, capsys, monkeypatch):
    """A page duplicated by a file manager ("naei copy.md") passed the check, and the build stopped half-way
    (Pelican's FileOverwriteFailedError) after rewriting pages with two menu items."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    shutil.copy(content / "pages" / "naei.md", content / "pages" / "naei copy.md")

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert lines == [
        "content/pages/naei copy.md:3: slug 'naei' is also used by content/pages/naei.md:3 (give one of them "
        "another title or a 'slug:' field)",
        "content/pages/naei.md:3: slug 'naei' is also used by content/pages/naei copy.md:3 (give one of them "
        "another title or a 'slug:' field)",
    ]


def test_a_page_without_a_title_is_named_before_the_build_skips_it(tmp_path, capsys, monkeypatch):
    """Pelican skips a page with no title ("could not find information about 'title'", no line, no fix) after
    `make check` had passed it."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    (content / "pages" / "synthetic-untitled.md").write_text("---\nslug: untitled\n---\n\nInvented.\n")
    (content / "pages" / "synthetic-near-miss.md").write_text("---\ntitel: Invented\n---\n\nInvented.\n")

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert lines == [
        "content/pages/synthetic-near-miss.md:2: required field 'title' is missing or empty (this line says "
        "'titel': did you mean 'title'?)",
        "content/pages/synthetic-untitled.md:1: required field 'title' is missing or empty",
    ]


def test_files_the_build_would_leave_out_are_named_with_what_to_do(tmp_path, capsys, monkeypatch):
    """The build reads `.md` as written: BRIEF.MD (as some Windows programs save it) and Notepad's brief.md.txt were
    left out without a word, by the check and the build; a web page Word saved into content/briefs/ passed the
    check and then stopped `make html` with Pelican's traceback. Editors' own temporary files are not briefs."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    briefs = content / "briefs"
    (briefs / "synthetic-good.md").rename(briefs / "SYNTHETIC-GOOD.MD")
    (briefs / "synthetic-notepad.md.txt").write_text("---\ntitle: Invented\n---\n", encoding="utf-8")
    (briefs / "synthetic-word-export.html").write_text("<html><body><p>Invented</p></body></html>\n")
    (content / "pages" / "synthetic-about.htm").write_text("<html><body><p>Invented</p></body></html>\n")
    for temporary in ("synthetic-good.md~", ".synthetic-good.md.swp", "~$nthetic.docx", ".DS_Store"):
        (briefs / temporary).write_text("an editor's own file")

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert lines == [
        "content/briefs/SYNTHETIC-GOOD.MD:1: the site reads files ending in '.md' (in lower case), so it leaves "
        "this one out: rename it SYNTHETIC-GOOD.md",
        "content/briefs/synthetic-notepad.md.txt:1: the name ends in '.txt' after '.md' (a program added it on "
        "saving), so the site leaves this file out: rename it synthetic-notepad.md",
        'content/briefs/synthetic-word-export.html:1: a web page (as Word\'s "Save as web page" or a browser saves '
        "one), which the site leaves out (briefs are Markdown files ending in '.md'): save its text as a plain-text "
        "file outside content/, then make import SRC=<that file> makes a brief of it; delete this file",
        'content/pages/synthetic-about.htm:1: a web page (as Word\'s "Save as web page" or a browser saves one), '
        "which the site leaves out (pages are Markdown files ending in '.md'): write its text in Markdown as "
        "content/pages/synthetic-about.md, then delete this file",
    ]


@pytest.mark.parametrize(
    ("name", "said"),
    [
        (
            "draft.txt",
            "move it out of content/briefs/, then make import SRC=<where you put it> makes a brief of it",
        ),
        (
            "memo.docx",
            "save its text as a plain-text file outside content/, then make import SRC=<that file>",
        ),
        ("memo.md.docx", "a word-processor document ('.docx'), which the site leaves out"),
        ("Brief.MD.txt", "rename it Brief.md"),
        (
            "chart.png",
            "an image, which the site publishes only from content/images/: move it there and show it "
            "with ![what it shows](/images/chart.png)",
        ),
        (
            "notes",
            "a file with no extension, which the site leaves out (briefs are Markdown files ending in '.md'): "
            "if it is written in Markdown, rename it notes.md; if not, move it out of content/briefs/",
        ),
        (
            "brief.rst",
            "a '.rst' file, which the site leaves out (briefs are Markdown files ending in '.md'): move it "
            "out of content/briefs/",
        ),
    ],
)
def test_each_kind_of_file_left_out_gets_its_own_advice(name, said):
    assert said in left_out(name, "briefs")


def test_only_markdown_files_are_read_and_editors_own_files_are_passed_over(tmp_path):
    folder = tmp_path / "briefs"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    for name in (
        "a.md",
        "b.markdown",
        "sub/c.md",
        "d.md~",
        "#d.md#",
        ".#d.md",
        "~$memo.docx",
        ".hidden/x.html",
    ):
        (folder / name).write_text("x")
    for name in ("e.MD", "f.md.txt", "sub/g.html", "h.rst", "i.png"):
        (folder / name).write_text("x")
    assert [p.relative_to(folder).as_posix() for p in files_not_read(tmp_path)] == [
        "e.MD", "f.md.txt", "h.rst", "i.png", "sub/g.html",
    ]  # fmt: skip
    assert [p.name for p in files_not_read(tmp_path, ignored=(*IGNORED_NAMES, "*.png", "sub"))] == [
        "e.MD", "f.md.txt", "h.rst",
    ]  # fmt: skip


def test_a_markdown_file_outside_the_briefs_and_pages_folders_is_named(tmp_path):
    """A brief saved in content/ itself, or in a folder of another name, was left out of the site without a word."""
    from reality_check.editor.check import check_files_not_read

    for name in (
        "briefs/a.md",
        "pages/b.md",
        "c.md",
        "Briefs/d.MD",
        "drafts/e.markdown",
        "images/f.png",
        "README.md",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "g.md").write_text("x")
    problems = check_files_not_read(tmp_path, IGNORED_NAMES)
    assert [Path(p.path).relative_to(tmp_path.name).as_posix() for p in problems] == [
        "Briefs/d.MD",
        "c.md",
        "drafts/e.markdown",
    ]
    assert problems[0].message == (
        "a Markdown file outside content/briefs/ and content/pages/, which the site leaves out: move it into "
        "content/briefs/ if it is a brief, or into content/pages/ if it is a page"
    )


def test_a_field_the_site_does_not_read_is_named_where_it_was_left_out_without_a_word(
    tmp_path, capsys, monkeypatch
):
    """'topic:' published the brief with no topic, 'draft: true' published a draft, 'summary:' was shown nowhere:
    each passed the check."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    brief = content / "briefs" / GOOD_BRIEF.name
    text = brief.read_text(encoding="utf-8")
    brief.write_text(
        text.replace(
            "---\n", "---\ndraft: true\ntopic: Russia\nauthor_note: SYNTHETIC\nsummary: Invented.\n", 1
        ),
        encoding="utf-8",
    )

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    shown = f"content/briefs/{GOOD_BRIEF.name}"
    assert code == 1
    assert lines == [
        f"{shown}:2: 'draft:' is not a field the site reads, so the brief would be published as it is: to keep it "
        "off the site write 'status: draft' instead (or 'status: hidden' to publish it without listing it)",
        f"{shown}:3: 'topic:' is not a field the site reads: did you mean 'topics:'?",
        f"{shown}:4: 'author_note:' is not a field the site reads (a brief's fields are title, series_number, date, "
        "authors, topics, regions, slug, modified, status, key_points, recommendations, responses, lang): "
        "rename it or remove the line",
        # A page's summary is its description; a brief's was shown nowhere.
        f"{shown}:5: 'summary:' is shown nowhere for a brief: its key points are its summary (on the card, in "
        "search results, in feeds and as the page's description), so make that sentence a key point, or remove "
        "the line",
    ]


def test_a_page_at_the_address_of_a_page_the_site_writes_is_named_before_the_build_stops_on_it(
    tmp_path, capsys, monkeypatch
):
    """A page titled "Authors" (or with slug: search) passed the check, then stopped the build half-way with
    Pelican's FileOverwriteFailedError traceback, the output folder half rewritten."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    pages = content / "pages"
    (pages / "synthetic-authors.md").write_text("---\ntitle: Authors\n---\n\nSYNTHETIC.\n", encoding="utf-8")
    (pages / "synthetic-find.md").write_text(
        "---\ntitle: Find\nslug: search\n---\n\nSYNTHETIC.\n", encoding="utf-8"
    )
    (pages / "synthetic-newsletter.md").write_text(
        "---\ntitle: Newsletter\n---\n\nSYNTHETIC.\n", encoding="utf-8"
    )
    # A French landing page, and a page at the browser editor's address: Pelican's traceback again, the day a
    # French translation was added or /admin/ published.
    (pages / "synthetic-fr.md").write_text(
        "---\ntitle: Français\nslug: fr\n---\n\nSYNTHETIC.\n", encoding="utf-8"
    )
    (pages / "synthetic-admin.md").write_text("---\ntitle: Admin\n---\n\nSYNTHETIC.\n", encoding="utf-8")

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert lines == [  # no issue recorded: the newsletter's archive is not written, its address is free
        "content/pages/synthetic-admin.md:2: slug 'admin' gives the address /admin/, which is the browser editor: "
        "give this page another title or a 'slug:' field",
        "content/pages/synthetic-authors.md:2: slug 'authors' gives the address /authors/, which is the list of "
        "authors: give this page another title or a 'slug:' field",
        "content/pages/synthetic-find.md:3: slug 'search' gives the address /search/, which is the search page: "
        "give this page another title or a 'slug:' field",
        "content/pages/synthetic-fr.md:3: slug 'fr' gives the address /fr/, which is the list of briefs translated "
        "into French: give this page another title or a 'slug:' field",
    ]

    (content / "digests").mkdir()
    (content / "digests" / "2021-03-06.yml").write_text("date: 2021-03-06\nsince: 2021-03-01\nbriefs: [4]\n")
    _, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)
    assert lines[-1] == (
        "content/pages/synthetic-newsletter.md:2: slug 'newsletter' gives the address /newsletter/, which is the "
        "newsletter's archive: give this page another title or a 'slug:' field"
    )


def test_a_page_is_held_to_the_rules_of_a_briefs_address(tmp_path, capsys, monkeypatch):
    """A page's save_as: index.html replaced the home page, its template: stopped the build with a traceback, and
    its 'slug: About Us' was published at /about us/: each passed the check."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    pages = content / "pages"
    (pages / "synthetic-home.md").write_text(
        "---\ntitle: Home\nsave_as: index.html\ntemplate: brief\n---\n\nSYNTHETIC.\n", encoding="utf-8"
    )
    (pages / "synthetic-about.md").write_text(
        "---\ntitle: About\nslug: About Us\n---\n\nSYNTHETIC.\n", encoding="utf-8"
    )

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    assert code == 1
    assert lines == [
        "content/pages/synthetic-about.md:3: slug 'About Us' is not a web address the site can use: write "
        "lower-case letters, digits and hyphens, such as slug: about-us",
        "content/pages/synthetic-home.md:3: 'save_as:' is not a field a page may have: the site gives each page its "
        "address (to choose the address, use 'slug:'); remove the line",
        "content/pages/synthetic-home.md:4: 'template:' is not a field a page may have: every page is laid out by "
        "the site's page template; remove the line",
    ]


@pytest.mark.parametrize("written", ["Reality Check #5: Invented title", "reality check #5 – Invented title"])
def test_a_title_that_carries_the_series_label_is_told_to_drop_it(tmp_path, capsys, monkeypatch, written):
    """It was published as "Reality Check #5: Reality Check #5: Invented title", on the page, the card and the PDF."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    brief = content / "briefs" / GOOD_BRIEF.name
    text = brief.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title: "))
    brief.write_text(text.replace(title_line, f'title: "{written}"', 1), encoding="utf-8")

    code, lines, _ = run(["check", "content"], capsys, monkeypatch, tmp_path)

    line = text.splitlines().index(title_line) + 1
    assert code == 1
    assert lines == [
        f"content/briefs/{GOOD_BRIEF.name}:{line}: the title starts with '{written.split(' Invented')[0]}', which "
        "the site puts before every title already: write the title alone, title: Invented title"
    ]


def test_a_link_to_a_file_whose_name_has_spaces_says_to_rename_the_file(tmp_path):
    """It said "did you mean '{filename}Reality Check 5 (final).md'?": exactly what the editor had written."""
    from reality_check.editor.check import check_links
    from reality_check.plugins.brief_registry import read_front_matter

    (tmp_path / "briefs").mkdir()
    (tmp_path / "briefs" / "Synthetic brief 5 (final).md").write_text("x", encoding="utf-8")
    source = tmp_path / "briefs" / "x.md"
    text = "---\ntitle: Synthetic\n---\n\nSee [five]({filename}Synthetic brief 5 (final).md).\n"
    source.write_text(text, encoding="utf-8")
    (problem,) = check_links(
        "x.md", read_front_matter(text, "x.md"), source, tmp_path, load_settings(SETTINGS)
    )
    assert problem.line == 5
    assert problem.message.endswith(
        "does not exist): the file is 'Synthetic brief 5 (final).md', and a link's address ends at its first space: "
        "rename the file without spaces (such as reality-check-5.md) and link to that name"
    )


def test_a_link_to_a_renamed_brief_names_the_file_that_holds_its_number_now(tmp_path):
    """reality-check-5.md renamed zebra-quotas.md: a link to the old name was asked 'did you mean
    reality-check-4.md?', the nearest name, another brief."""
    from reality_check.editor.check import check_links
    from reality_check.plugins.brief_registry import read_front_matter

    briefs = tmp_path / "briefs"
    briefs.mkdir()
    front = "---\ntitle: Synthetic {title}\nseries_number: {number}\n{more}---\n\nText.\n"
    (briefs / "reality-check-4.md").write_text(
        front.format(title="four", number=4, more=""), encoding="utf-8"
    )
    (briefs / "zebra-quotas.md").write_text(front.format(title="five", number=5, more=""), encoding="utf-8")
    (briefs / "reality-check-5-fr.md").write_text(
        front.format(title="cinq", number=5, more="lang: fr\n"), encoding="utf-8"
    )
    source = briefs / "reality-check-6.md"
    text = "---\ntitle: Synthetic six\n---\n\nSee [five]({filename}reality-check-5.md).\n"
    source.write_text(text, encoding="utf-8")
    (problem,) = check_links(
        "x.md", read_front_matter(text, "x.md"), source, tmp_path, load_settings(SETTINGS)
    )
    assert problem.message.endswith(
        "does not exist): did you mean '{filename}zebra-quotas.md'? (the brief numbered 5 is in that file now)"
    )
