"""Which briefs a digest issue lists, and the record of each issue kept beside the content.

A digest issue is recorded in ``content/digests/<date>.yml`` (its date, the date it starts from, the
editor's intro and the numbers of the briefs it lists), so every build renders every issue again the
same way, and the next issue knows where the last one stopped. Pure apart from reading and writing
those small files.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import yaml

from reality_check.plugins.brief_registry.dates import brief_date, not_a_date
from reality_check.plugins.brief_registry.frontmatter import read_yaml_record
from reality_check.plugins.brief_registry.problems import BriefFileError, Problem, as_given, display_path
from reality_check.plugins.brief_registry.rules import is_series_number, missing_field
from reality_check.plugins.brief_registry.textfile import read_text_file
from reality_check.plugins.plugin_support.files import write_atomically

DIGESTS_FOLDER = "digests"
DEFAULT_DAYS = 30


class DigestCode(StrEnum):
    """Every way a digest record (content/digests/<date>.yml) can be wrong (a YAML or front-matter-shaped problem
    has its ``YamlCode`` or ``FrontMatterCode``)."""

    FIELD_MISSING = "digest-field-missing"  # no date, since or briefs (or an empty one)
    DATE_INVALID = "digest-date-invalid"  # date or since is not a date YYYY-MM-DD
    BRIEFS_NOT_NUMBERS = "digest-briefs-not-numbers"
    INTRO_NOT_TEXT = "digest-intro-not-text"
    BRIEF_NOT_PUBLISHED = "digest-brief-not-published"  # lists a series number no published brief has
    BRIEF_LISTED_TWICE = "digest-brief-listed-twice"  # briefs: [4, 4] (the e-mail showed it twice)
    FILE_NOT_READ = "digest-file-not-read"  # digests/2021-03-10.yaml: records end in .yml


class DigestRecordError(BriefFileError):
    """Digest records in content/digests/ cannot be read; ``problems`` say where and what to change, and
    ``readable`` holds the issues the other records give (oldest first)."""

    def __init__(self, *problems: Problem, readable: tuple[DigestIssue, ...] = ()) -> None:
        super().__init__(*problems)
        self.readable = readable


class NothingToSendError(Exception):
    """No brief was published in the period a new digest would cover."""


@dataclass(frozen=True)
class PublishedBrief:
    """What choosing briefs needs: a published brief's number and date."""

    number: int
    date: datetime.date


@dataclass(frozen=True)
class DigestIssue:
    """One issue of the digest: sent on `date`, listing `briefs` (series numbers, newest first)."""

    date: datetime.date
    since: datetime.date
    briefs: tuple[int, ...]
    intro: str = ""
    # Where the record was read from, as an editor knows it, and the line of each brief it lists (for messages).
    source: str = field(default="", compare=False)
    brief_lines: tuple[int, ...] = field(default=(), compare=False)

    @property
    def file_name(self) -> str:
        return f"{self.date.isoformat()}.yml"


def default_since(
    issues: Iterable[DigestIssue], briefs: Iterable[PublishedBrief], on: datetime.date
) -> datetime.date:
    """The day after the newest brief of the last issue before `on`; else `DEFAULT_DAYS` days before `on`."""
    earlier = [issue for issue in issues if issue.date < on]
    if earlier:
        last = max(earlier, key=lambda issue: issue.date)
        dates = {brief.number: brief.date for brief in briefs}
        listed = [dates[number] for number in last.briefs if number in dates]
        if listed:
            return max(listed) + datetime.timedelta(days=1)
        return last.date + datetime.timedelta(days=1)
    return on - datetime.timedelta(days=DEFAULT_DAYS)


def briefs_since(
    briefs: Iterable[PublishedBrief], since: datetime.date, until: datetime.date
) -> tuple[int, ...]:
    """The numbers of the briefs dated from `since` to `until` (both included), in series order as the archive
    lists them: the highest number first."""
    return tuple(sorted((brief.number for brief in briefs if since <= brief.date <= until), reverse=True))


def plan_issue(
    issues: Iterable[DigestIssue],
    briefs: Iterable[PublishedBrief],
    *,
    on: datetime.date,
    since: datetime.date | None = None,
    intro: str = "",
) -> DigestIssue:
    """The issue of `on`: from `since` (or where the last issue stopped) to `on`, introduced by `intro` (or, for a
    day recorded before, by that record's introduction when `intro` is empty); refuse an empty one."""
    issues, briefs = list(issues), list(briefs)
    start = since or default_since(issues, briefs, on)
    if start > on:
        raise NothingToSendError(
            f"SINCE ({start.isoformat()}) is after the digest's date ({on.isoformat()}): give a SINCE=YYYY-MM-DD on "
            "or before it"
        )
    numbers = briefs_since(briefs, start, on)
    if not numbers:
        recorded = next((issue for issue in issues if issue.date == on), None)
        again = (
            f"; the issue recorded earlier for that day, {DIGESTS_FOLDER}/{recorded.file_name}, lists "
            f"{', '.join(f'#{n}' for n in recorded.briefs)}: to publish it as it is, run make publish (to record "
            f"it again, make digest SINCE={recorded.since.isoformat()})"
            if recorded is not None and recorded.briefs
            else ""
        )
        raise NothingToSendError(
            f"no brief was published from {start.isoformat()} to {on.isoformat()}: there is nothing to send "
            f"(set SINCE=YYYY-MM-DD to go further back){again}"
        )
    recorded = next((issue for issue in issues if issue.date == on), None)
    # Recorded again (a brief published since, SINCE changed): the day's introduction stays unless INTRO replaces it.
    kept = recorded.intro if recorded is not None and not intro.strip() else ""
    return DigestIssue(date=on, since=start, briefs=numbers, intro=intro.strip() or kept)


def _not_numbers(numbers: object) -> str:
    """What a record's `briefs:` holds that is not a list of series numbers: its first such item, or itself."""
    if isinstance(numbers, list):
        wrong = next((n for n in numbers if not is_series_number(n)), None)
        return f"{as_given(wrong)} in the list"
    return as_given(numbers)


def issue_yaml(issue: DigestIssue) -> str:
    """The record's text, in the order an editor reads it."""
    data = {
        "date": issue.date.isoformat(),
        "since": issue.since.isoformat(),
        "briefs": list(issue.briefs),
        "intro": issue.intro,
    }
    header = (
        "# A newsletter digest issue, written by `make digest`; the site renders it at /digest/<date>/.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_issue(content: Path, issue: DigestIssue) -> Path:
    """Save the record (replacing that day's, if any) and return its path."""
    folder = content / DIGESTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / issue.file_name
    write_atomically(path, issue_yaml(issue).encode("utf-8"))
    return path


def read_issues(content: Path) -> tuple[DigestIssue, ...]:
    """Every recorded issue, oldest first. Records that cannot be read raise one DigestRecordError with every
    problem of every record, and the issues the others give."""
    issues, problems = [], []
    folder = content / DIGESTS_FOLDER
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.suffix != ".yml":
            if not path.name.startswith(".") and not path.name.endswith("~"):
                problems.append(_not_read(path, content))
            continue
        try:
            issues.append(_read(path, content))
        except DigestRecordError as error:
            problems.extend(error.problems)
    readable = tuple(sorted(issues, key=lambda issue: issue.date))
    if problems:
        raise DigestRecordError(*problems, readable=readable)
    return readable


@dataclass(frozen=True)
class ArchivedIssue:
    """An issue as the newsletter's archive page lists it: its date, its web copy's address, and the titles of the
    briefs it lists ("Reality Check #6: …"), in its order."""

    date: datetime.date
    url: str
    briefs: tuple[str, ...]


def archive(
    issues: Iterable[DigestIssue], urls: Mapping[datetime.date, str], titles: Mapping[int, str]
) -> tuple[ArchivedIssue, ...]:
    """The issues the build writes (every brief they list published: `titles` by number), newest first, each at
    its address in `urls`."""
    return tuple(
        ArchivedIssue(issue.date, urls[issue.date], tuple(titles[number] for number in issue.briefs))
        for issue in sorted(issues, key=lambda issue: issue.date, reverse=True)
        if all(number in titles for number in issue.briefs)
    )


def unpublished_briefs(issue: DigestIssue, published: Iterable[int]) -> list[Problem]:
    """A problem for each brief the issue lists that is not published (the build renders no such issue)."""
    known = set(published)
    return [
        Problem(
            issue.source,
            issue.brief_lines[i] if i < len(issue.brief_lines) else 1,
            f"lists brief #{number}, which is not published (remove it from 'briefs:' or publish #{number})",
            code=DigestCode.BRIEF_NOT_PUBLISHED,
        )
        for i, number in enumerate(issue.briefs)
        if number not in known
    ]


def _not_read(path: Path, content: Path) -> Problem:
    """A file of digests/ the site does not read as a record (a record saved as .yaml was left out without a word)."""
    said = (
        f"the site reads digest records from files named <date>.yml only, so it leaves this one out: rename it "
        f"{path.stem}.yml if it is a record, or move it out of {DIGESTS_FOLDER}/"
    )
    return Problem(display_path(str(path), str(content)), 1, said, code=DigestCode.FILE_NOT_READ)


def _read(path: Path, content: Path) -> DigestIssue:
    shown = display_path(str(path), str(content))
    try:
        record = read_yaml_record(read_text_file(path, shown), shown, "a digest record")
    except BriefFileError as error:
        raise DigestRecordError(*error.problems) from None
    data = record.data
    problems: list[Problem] = []

    def wrong(key: str, message: str, code: DigestCode) -> None:
        problems.append(Problem(shown, record.line_of(key), message, code=code))

    def given(key: str) -> bool:
        if data.get(key) not in (None, ""):
            return True
        line, message = missing_field(key, record)
        problems.append(Problem(shown, line, message, code=DigestCode.FIELD_MISSING))
        return False

    def date(key: str) -> datetime.date | None:
        if not given(key):
            return None
        day = brief_date(data[key])  # a date, a date and time, or either in quotes, as a brief's date
        if day is None:
            wrong(key, not_a_date(key, data[key]), DigestCode.DATE_INVALID)
        return day

    on, since = date("date"), date("since")
    numbers = data.get("briefs")
    if not given("briefs"):
        pass
    elif not isinstance(numbers, list) or not all(is_series_number(n) for n in numbers):
        wrong(
            "briefs",
            f"briefs must be a list of series numbers (got {_not_numbers(numbers)})",
            DigestCode.BRIEFS_NOT_NUMBERS,
        )
    elif not numbers:
        wrong(
            "briefs",
            "briefs must list the series number of at least one brief (got none)",
            DigestCode.FIELD_MISSING,
        )
    elif twice := sorted({n for n in numbers if numbers.count(n) > 1}):
        wrong(
            "briefs",
            f"briefs lists {', '.join(f'#{n}' for n in twice)} more than once: keep each brief once",
            DigestCode.BRIEF_LISTED_TWICE,
        )
    intro = data.get("intro") or ""
    if not isinstance(intro, str):
        wrong("intro", f"intro must be text (got {as_given(intro)})", DigestCode.INTRO_NOT_TEXT)
    if on is not None and since is not None and since > on:
        wrong(
            "since",
            f"since ({since.isoformat()}) is after date ({on.isoformat()}): the issue covers the days "
            "from since to date",
            DigestCode.DATE_INVALID,
        )
    if on is not None and path.stem != on.isoformat():
        wrong(
            "date",
            f"the record's file is named {path.name}, but its date is {on.isoformat()}: the site publishes an issue "
            f"at its date, one record a day, so rename the file {on.isoformat()}.yml, or correct the date",
            DigestCode.DATE_INVALID,
        )
    if problems or on is None or since is None:
        raise DigestRecordError(*problems)
    return DigestIssue(
        date=on,
        since=since,
        briefs=tuple(numbers),
        intro=intro,
        source=shown,
        brief_lines=tuple(record.item_lines.get("briefs", ())),
    )
