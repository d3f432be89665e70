"""`make digest` (`python -m reality_check.editor digest`) offers exactly the briefs the site publishes, wherever
they are in briefs/."""

import datetime

from reality_check.editor.cli import main as editor
from reality_check.editor.digest import published_briefs
from reality_check.plugins.newsletter_digest.issues import PublishedBrief, read_issues

BRIEF = """---
# SYNTHETIC TEST FIXTURE
title: Synthetic brief {number}
series_number: {number}
date: 2099-01-{number:02d}
authors: [Ada Example]
{extra}
---

## Key points

- A synthetic point.

## What is the solution?

1. **Act.** Synthetic.
"""
REGISTRIES = {
    "authors.yml": "- name: Ada Example\n  slug: ada-example\n  bio: Invented for tests.\n",
    "topics.yml": "[]\n",
    "regions.yml": "[]\n",
}


def write_brief(content, name, number, extra=""):
    """A brief `make check` passes, in a content folder with its registries (make digest checks the content)."""
    path = content / "briefs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BRIEF.format(number=number, extra=extra), encoding="utf-8")
    for registry, text in REGISTRIES.items():
        if not (content / registry).exists():
            (content / registry).write_text(text, encoding="utf-8")


def test_published_briefs_are_found_in_subfolders_and_statuses_read_as_pelican_reads_them(tmp_path):
    write_brief(tmp_path, "one.md", 1)
    write_brief(tmp_path, "2099/two.md", 2)  # a brief in a subfolder is published by Pelican all the same
    write_brief(tmp_path, "three.md", 3, "status: Draft")  # Pelican lowercases a status
    write_brief(tmp_path, "four.md", 4, "status: hidden")
    write_brief(tmp_path, "five.md", 5, "status: Published")
    write_brief(tmp_path, "six.md", 6, "lang: fr")  # a translation of another brief
    assert sorted(published_briefs(tmp_path, "en"), key=lambda brief: brief.number) == [
        PublishedBrief(1, datetime.date(2099, 1, 1)),
        PublishedBrief(2, datetime.date(2099, 1, 2)),
        PublishedBrief(5, datetime.date(2099, 1, 5)),
    ]
    # on a site in French, a brief without lang: is in French too
    assert sorted(brief.number for brief in published_briefs(tmp_path, "fr")) == [1, 2, 5, 6]


def test_a_lock_link_an_editor_left_or_a_number_yaml_reads_as_true_lists_nothing(tmp_path):
    """What `make check` reports is left out of the digest, never a traceback: an editor's dangling lock link
    (`.#one.md`, named like a brief), and `series_number: true` (a boolean, not the number 1)."""
    write_brief(tmp_path, "one.md", 1)
    (tmp_path / "briefs" / ".#one.md").symlink_to("editor@host.1234:1700000000")  # points at nothing
    path = tmp_path / "briefs" / "two.md"
    path.write_text(BRIEF.format(number=2, extra="").replace("series_number: 2", "series_number: true"))
    assert published_briefs(tmp_path, "en") == [PublishedBrief(1, datetime.date(2099, 1, 1))]


def test_the_sites_language_comes_from_its_settings(tmp_path):
    write_brief(tmp_path, "english.md", 2, "lang: en\nslug: synthetic-english")  # a translation into English
    write_brief(tmp_path, "french.md", 2)
    settings = tmp_path / "frenchconf.py"
    settings.write_text('DEFAULT_LANG = "fr"\nBRIEF_TRANSLATION_LANGUAGES = ["en"]\n', encoding="utf-8")
    arguments = ["--content", str(tmp_path), "--since", "2099-01-01", "--date", "2099-02-01"]

    assert editor(["digest", *arguments, "--settings", str(settings)]) == 0

    [issue] = read_issues(tmp_path)
    assert issue.briefs == (2,)


def test_a_missing_settings_file_is_said_and_nothing_is_written(tmp_path, capsys):
    write_brief(tmp_path, "one.md", 1)
    assert editor(["digest", "--content", str(tmp_path), "--settings", str(tmp_path / "missing.py")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"error: no settings file {tmp_path / 'missing.py'}: the site's settings say its language",
        "Nothing was written.",
    ]
    assert not (tmp_path / "digests").exists()


def test_a_brief_whose_date_is_quoted_is_offered_as_the_build_publishes_it(tmp_path):
    """`date: "2099-01-07"` is text to YAML; make check accepts it and the build publishes the brief, so the digest
    offers it too (it was left out, and `make digest` said there was nothing to send)."""
    write_brief(tmp_path, "seven.md", 7)
    path = tmp_path / "briefs" / "seven.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("date: 2099-01-07", 'date: "2099-01-07"'), encoding="utf-8"
    )
    assert published_briefs(tmp_path, "en") == [PublishedBrief(7, datetime.date(2099, 1, 7))]


def test_since_and_date_are_read_in_the_forms_make_brief_and_make_import_read(tmp_path, capsys):
    """One reader of typed dates for every command (brief_registry/dates.py `read_date`)."""
    write_brief(tmp_path, "one.md", 1)
    write_brief(tmp_path, "two.md", 2)
    settings = tmp_path / "siteconf.py"
    settings.write_text('DEFAULT_LANG = "en"\n', encoding="utf-8")
    arguments = ["--content", str(tmp_path), "--settings", str(settings)]

    assert editor(["digest", *arguments, "--since", "2 January 2099", "--date", "Feb. 1, 2099"]) == 0
    [issue] = read_issues(tmp_path)
    assert (issue.date, issue.since, issue.briefs) == (
        datetime.date(2099, 2, 1),
        datetime.date(2099, 1, 2),
        (2,),
    )

    capsys.readouterr()
    assert editor(["digest", *arguments, "--since", "01/02/2099"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "error: SINCE '01/02/2099' gives the month as a number, so it could be 1 February 2099 or 2 January 2099: "
        "write the month in words, such as '1 February 2099'"
    )


def test_an_issue_is_not_recorded_while_the_content_has_a_problem(tmp_path, capsys):
    """The publish after the record stopped on a broken brief, and the record stayed: the next make digest started
    after briefs no reader had been sent ("nothing to send")."""
    write_brief(tmp_path, "one.md", 1)
    write_brief(tmp_path, "two.md", 2, "topic: Nowhere")  # a field the site does not read
    settings = tmp_path / "siteconf.py"
    settings.write_text('DEFAULT_LANG = "en"\n', encoding="utf-8")
    arguments = ["--content", str(tmp_path), "--settings", str(settings), "--since", "2099-01-01"]

    assert editor(["digest", *arguments, "--date", "2099-02-01"]) == 1

    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{tmp_path.name}/briefs/two.md:7: 'topic:' is not a field the site reads: did you mean 'topics:'?"
    ]
    assert "no issue was recorded" in err
    assert not (tmp_path / "digests").exists()


def test_an_issue_is_not_recorded_for_a_siteurl_the_publish_would_refuse(tmp_path, capsys, monkeypatch):
    """make digest recorded the issue, then its publish refused 'SITEURL=briefs.example.org': the issue counted as
    sent, and the next one started after its briefs."""
    write_brief(tmp_path, "one.md", 1)
    settings = tmp_path / "siteconf.py"
    settings.write_text('DEFAULT_LANG = "en"\n', encoding="utf-8")
    monkeypatch.setenv("SITEURL", "briefs.example.org")

    code = editor(
        ["digest", "--content", str(tmp_path), "--settings", str(settings), "--since", "2099-01-01"]
    )

    assert code == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "error: SITEURL must be the site's full address, starting with https:// (got 'briefs.example.org'); run: make "
        "digest SITEURL=https://briefs.example.org; no issue was recorded"
    )
    assert not (tmp_path / "digests").exists()
