"""Level 1: which briefs an issue lists, where the next one starts, and the issue records."""

from __future__ import annotations

import datetime

import pytest

from reality_check.plugins.brief_registry.frontmatter import FrontMatterCode
from reality_check.plugins.brief_registry.yamlerrors import YamlCode
from reality_check.plugins.newsletter_digest import (
    DigestIssue,
    PublishedBrief,
    briefs_since,
    default_since,
    plan_issue,
    read_issues,
    write_issue,
)
from reality_check.plugins.newsletter_digest.issues import (
    ArchivedIssue,
    DigestCode,
    DigestRecordError,
    NothingToSendError,
    archive,
    unpublished_briefs,
)

D = datetime.date
BRIEFS = [
    PublishedBrief(3, D(2021, 2, 19)),
    PublishedBrief(4, D(2021, 3, 5)),
    PublishedBrief(5, D(2021, 3, 19)),
]


def test_briefs_from_since_to_the_issue_date_newest_first():
    assert briefs_since(BRIEFS, D(2021, 3, 5), D(2021, 4, 1)) == (5, 4)  # `since` itself is included
    assert briefs_since(BRIEFS, D(2021, 1, 1), D(2021, 3, 5)) == (4, 3)  # so is the issue's own date
    same_day = [PublishedBrief(7, D(2021, 5, 1)), PublishedBrief(8, D(2021, 5, 1))]
    assert briefs_since(same_day, D(2021, 5, 1), D(2021, 5, 1)) == (8, 7)
    # In series order, as the archive lists them, even when a higher number carries an earlier date.
    back_dated = [PublishedBrief(9, D(2021, 5, 1)), PublishedBrief(8, D(2021, 5, 20))]
    assert briefs_since(back_dated, D(2021, 5, 1), D(2021, 5, 31)) == (9, 8)


def test_nothing_to_send_names_the_issue_already_recorded_that_day():
    """`make digest` run again after its publish step failed: the day's record is there, and says what to run."""
    today = DigestIssue(date=D(2021, 5, 1), since=D(2021, 3, 1), briefs=(5, 4))

    with pytest.raises(NothingToSendError) as refused:
        plan_issue([today], BRIEFS, on=D(2021, 5, 1))

    assert str(refused.value) == (
        "no brief was published from 2021-04-01 to 2021-05-01: there is nothing to send (set SINCE=YYYY-MM-DD to "
        "go further back); the issue recorded earlier for that day, digests/2021-05-01.yml, lists #5, #4: to "
        "publish it as it is, run make publish (to record it again, make digest SINCE=2021-03-01)"
    )


def test_the_next_issue_starts_the_day_after_the_newest_brief_of_the_last_one():
    last = DigestIssue(date=D(2021, 3, 10), since=D(2021, 2, 1), briefs=(4, 3))
    assert default_since([last], BRIEFS, D(2021, 4, 1)) == D(2021, 3, 6)


def test_without_an_earlier_issue_the_digest_covers_thirty_days():
    assert default_since([], BRIEFS, D(2021, 4, 1)) == D(2021, 3, 2)
    # An issue of the same day (being written again) is not "the last one".
    today = DigestIssue(date=D(2021, 4, 1), since=D(2021, 3, 1), briefs=(5,))
    assert default_since([today], BRIEFS, D(2021, 4, 1)) == D(2021, 3, 2)


def test_a_day_recorded_again_keeps_its_introduction_unless_a_new_one_is_given():
    """`make digest` run again for the day (a brief published since) wrote "intro: ''" over the editor's words."""
    today = DigestIssue(date=D(2021, 4, 1), since=D(2021, 3, 1), briefs=(5,), intro="Synthetic words.")
    again = plan_issue([today], BRIEFS, on=D(2021, 4, 1), since=D(2021, 3, 1))
    assert (again.briefs, again.intro) == ((5, 4), "Synthetic words.")
    assert plan_issue([today], BRIEFS, on=D(2021, 4, 1), since=D(2021, 3, 1), intro="New.").intro == "New."
    assert plan_issue([today], BRIEFS, on=D(2021, 4, 2), since=D(2021, 3, 1)).intro == ""  # another day


def test_an_issue_with_nothing_to_send_is_refused():
    with pytest.raises(NothingToSendError, match="no brief was published from 2021-03-20 to 2021-04-01"):
        plan_issue([], BRIEFS, on=D(2021, 4, 1), since=D(2021, 3, 20))
    with pytest.raises(NothingToSendError, match="after the digest's date"):
        plan_issue([], BRIEFS, on=D(2021, 4, 1), since=D(2021, 5, 1))


def test_a_record_reads_back_as_written(tmp_path):
    issue = plan_issue([], BRIEFS, on=D(2021, 4, 1), since=D(2021, 2, 1), intro="  Hello: «quotes» & more \n")
    path = write_issue(tmp_path, issue)
    assert path == tmp_path / "digests" / "2021-04-01.yml"
    assert read_issues(tmp_path) == (
        DigestIssue(D(2021, 4, 1), D(2021, 2, 1), (5, 4, 3), "Hello: «quotes» & more"),
    )


@pytest.mark.parametrize(
    ("text", "message", "code"),
    [
        ("date: [unclosed\n", r"digests/2021-01-02\.yml:1: .*\[", YamlCode.UNCLOSED_BRACKET),
        (
            "- a list\n",
            r"digests/2021-01-02\.yml:1: a digest record must be 'key: value' lines",
            FrontMatterCode.NOT_KEY_VALUE,
        ),
        (
            "briefs: [1]\nsince: 2021-01-01\ndate: soon\n",
            r"digests/2021-01-02\.yml:3: date must be a real date written YYYY-MM-DD, such as 2021-03-05 \(got 'soon'\)",
            DigestCode.DATE_INVALID,
        ),
        (
            "date: 2021-01-02\nsince: 2021-01-01\nbriefs: [one]\n",
            r"digests/2021-01-02\.yml:3: briefs must be a list of series numbers",
            DigestCode.BRIEFS_NOT_NUMBERS,
        ),
        (  # YAML's true is not brief #1 (it equals 1 in Python)
            "date: 2021-01-02\nsince: 2021-01-01\nbriefs: [true, 4]\n",
            r"digests/2021-01-02\.yml:3: briefs must be a list of series numbers \(got true in the list\)",
            DigestCode.BRIEFS_NOT_NUMBERS,
        ),
        (
            "date: 2021-01-02\nsince: 2021-01-01\nbriefs: [1]\nintro:\n  - a list\n",
            r"digests/2021-01-02\.yml:4: intro must be text",
            DigestCode.INTRO_NOT_TEXT,
        ),
        (
            "date: 2021-01-02\nsince: 2021-01-01\nbriefs: [1]\ndate: 2021-01-03\n",
            r"digests/2021-01-02\.yml:4: 'date' is already given on line 1",
            FrontMatterCode.KEY_GIVEN_TWICE,
        ),
    ],
)
def test_a_broken_record_names_the_file_line_and_what_was_expected(tmp_path, text, message, code):
    (tmp_path / "content" / "digests").mkdir(parents=True)
    (tmp_path / "content" / "digests" / "2021-01-02.yml").write_text(text)
    with pytest.raises(DigestRecordError, match=message) as raised:
        read_issues(tmp_path / "content")
    assert [p.code for p in raised.value.problems] == [code]


@pytest.mark.parametrize("written", ["2021-04-01 10:00:00", "'2021-04-01'", "2021-04-01T10:00"])
def test_a_record_dated_with_a_time_or_in_quotes_reads_as_its_day(tmp_path, written):
    """YAML reads `2021-04-01 10:00:00` as a date and time: the issue is the day's, as a brief's date would be
    (a date and time once reached `make digest`'s comparisons with dates and stopped it with a TypeError)."""
    folder = tmp_path / "content" / "digests"
    folder.mkdir(parents=True)
    (folder / "2021-04-01.yml").write_text(
        f"date: {written}\nsince: 2021-02-01\nbriefs: [5]\n", encoding="utf-8"
    )
    (issue,) = read_issues(tmp_path / "content")
    assert (issue.date, issue.since) == (D(2021, 4, 1), D(2021, 2, 1))
    assert type(issue.date) is datetime.date


def test_a_record_saved_by_windows_notepad_reads_as_any_other(tmp_path):
    folder = tmp_path / "content" / "digests"
    folder.mkdir(parents=True)
    text = "date: 2021-04-01\r\nsince: 2021-02-01\r\nbriefs:\r\n  - 5\r\n  - 4\r\nintro: Bonjour\r\n"
    (folder / "2021-04-01.yml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (issue,) = read_issues(tmp_path / "content")
    assert issue == DigestIssue(D(2021, 4, 1), D(2021, 2, 1), (5, 4), "Bonjour")
    assert issue.source == "content/digests/2021-04-01.yml"
    assert issue.brief_lines == (4, 5)


def test_a_brief_not_published_is_named_at_its_line_in_the_record(tmp_path):
    folder = tmp_path / "content" / "digests"
    folder.mkdir(parents=True)
    (folder / "2021-04-01.yml").write_text("date: 2021-04-01\nsince: 2021-02-01\nbriefs:\n  - 5\n  - 77\n")
    (issue,) = read_issues(tmp_path / "content")
    (problem,) = unpublished_briefs(issue, [4, 5])
    assert (problem.path, problem.line, problem.code) == (
        "content/digests/2021-04-01.yml",
        5,
        DigestCode.BRIEF_NOT_PUBLISHED,
    )
    assert "#77" in problem.message
    assert unpublished_briefs(issue, [5, 77]) == []


def test_every_broken_record_is_said_at_once_with_the_issues_that_read(tmp_path):
    """The first broken record hid the rest: fixing it showed the next, one `make check` at a time. A field left
    out is said to be missing, where it was "must be a real date (got None)"."""
    folder = tmp_path / "content" / "digests"
    folder.mkdir(parents=True)
    (folder / "2021-04-01.yml").write_text("date: 2021-04-01\nsince: 2021-02-01\nbriefs: [5]\n")
    (folder / "2021-05-01.yml").write_text("date: 2021-05-01\nsince: soon\nbriefs: [five]\n")
    (folder / "2021-06-01.yml").write_text("# a record begun and not finished\ndate: 2021-06-01\n")
    with pytest.raises(DigestRecordError) as raised:
        read_issues(tmp_path / "content")
    assert [(p.path, p.line, p.code, p.message) for p in raised.value.problems] == [
        (
            "content/digests/2021-05-01.yml",
            2,
            DigestCode.DATE_INVALID,
            "since must be a real date written YYYY-MM-DD, such as 2021-03-05 (got 'soon')",
        ),
        (
            "content/digests/2021-05-01.yml",
            3,
            DigestCode.BRIEFS_NOT_NUMBERS,
            "briefs must be a list of series numbers (got 'five' in the list)",
        ),
        (
            "content/digests/2021-06-01.yml",
            1,
            DigestCode.FIELD_MISSING,
            "required field 'since' is missing or empty",
        ),
        (
            "content/digests/2021-06-01.yml",
            1,
            DigestCode.FIELD_MISSING,
            "required field 'briefs' is missing or empty",
        ),
    ]
    assert [issue.date for issue in raised.value.readable] == [D(2021, 4, 1)]


def test_records_edited_by_hand_are_held_to_what_make_digest_writes(tmp_path):
    """Each passed and was published: a record saved as .yaml was left out without a word, one whose date is not
    its file's name published at another day (a copy of a day's record listed the issue twice in the archive), a
    brief listed twice showed twice in the e-mail, and an empty list published "0 new briefs"."""
    folder = tmp_path / "content" / "digests"
    folder.mkdir(parents=True)
    (folder / "2021-03-10.yaml").write_text("date: 2021-03-10\nsince: 2021-03-01\nbriefs: [4]\n")
    (folder / "2021-03-10 copy.yml").write_text("date: 2021-03-10\nsince: 2021-03-01\nbriefs: [4]\n")
    (folder / "2021-03-11.yml").write_text("date: 2021-03-11\nsince: 2021-03-01\nbriefs: [4, 4]\n")
    (folder / "2021-03-12.yml").write_text("date: 2021-03-12\nsince: 2021-03-20\nbriefs: []\n")
    (folder / ".2021-03-12.yml.swp").write_text("an editor's own file")
    with pytest.raises(DigestRecordError) as raised:
        read_issues(tmp_path / "content")
    assert [(p.path.rpartition("/")[2], p.line, p.code, p.message) for p in raised.value.problems] == [
        (
            "2021-03-10 copy.yml",
            1,
            DigestCode.DATE_INVALID,
            "the record's file is named 2021-03-10 copy.yml, but its date is 2021-03-10: the site publishes an issue "
            "at its date, one record a day, so rename the file 2021-03-10.yml, or correct the date",
        ),
        (
            "2021-03-10.yaml",
            1,
            DigestCode.FILE_NOT_READ,
            "the site reads digest records from files named <date>.yml only, so it leaves this one out: rename it "
            "2021-03-10.yml if it is a record, or move it out of digests/",
        ),
        (
            "2021-03-11.yml",
            3,
            DigestCode.BRIEF_LISTED_TWICE,
            "briefs lists #4 more than once: keep each brief once",
        ),
        (
            "2021-03-12.yml",
            3,
            DigestCode.FIELD_MISSING,
            "briefs must list the series number of at least one brief (got none)",
        ),
        (
            "2021-03-12.yml",
            2,
            DigestCode.DATE_INVALID,
            "since (2021-03-20) is after date (2021-03-12): the issue covers the days from since to date",
        ),
    ]


def test_the_archive_lists_the_issues_the_build_writes_newest_first():
    april, may, june = (
        DigestIssue(D(2021, m, 5), D(2021, m - 1, 1), briefs)
        for m, briefs in ((4, (5, 4)), (5, (6,)), (6, (9,)))
    )
    urls = {issue.date: f"digest/{issue.date}/" for issue in (april, may, june)}
    titles = {4: "Reality Check #4: Four", 5: "Reality Check #5: Five", 6: "Reality Check #6: Six"}
    assert archive(
        [april, june, may], urls, titles
    ) == (  # June lists #9, which is not published: not written
        ArchivedIssue(D(2021, 5, 5), "digest/2021-05-05/", ("Reality Check #6: Six",)),
        ArchivedIssue(
            D(2021, 4, 5), "digest/2021-04-05/", ("Reality Check #5: Five", "Reality Check #4: Four")
        ),
    )
