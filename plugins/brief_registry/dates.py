"""Dates as editors write them, read and explained the one way every tool does.

A date typed for a command (``make brief DATE=…``, ``make digest DATE=… SINCE=…``, the date line of a draft
``make import`` reads) may be written the way a reader would: ``2022-01-12``, ``12 January 2022``,
``12 Jan 2022``, ``January 12, 2022`` or ``Jan. 12, 2022`` (`read_date`). One written all in numbers other than
year first, such as ``03/04/2022``, is refused: it is 3 April in some countries and March 4 in others. A brief's
front matter keeps the one form Pelican reads, YYYY-MM-DD (`DATE_PATTERN`, `brief_date`, `not_a_date`).
"""

from __future__ import annotations

import datetime
import re

from .problems import as_given

# A date as a brief's front matter writes it. Also the browser editor's check of its date field (decap_admin),
# so the form, the checks and the build accept the same dates: Python's fromisoformat alone also reads 20210305
# and 2021-W10-5, which Pelican cannot.
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
# The same at the start of a date and time written as text (2021-03-05 09:30, 2021-03-05T09:30).
_DATE_AND_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T].*)?", re.DOTALL)

# English month names, written here rather than taken from the locale (strftime's %B, calendar.month_name), which
# would read "12 January 2022" on one machine and refuse it on another.
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The forms a typed date is read in, spaces collapsed: day month year, month day year, year-month-day.
_DAY_MONTH_YEAR = re.compile(r"(?P<day>\d{1,2}) (?P<month>[A-Za-z]+)\.?,? (?P<year>\d{4})")
_MONTH_DAY_YEAR = re.compile(r"(?P<month>[A-Za-z]+)\.? (?P<day>\d{1,2}),? (?P<year>\d{4})")
_YEAR_MONTH_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
# A date written all in numbers, the year last (03/04/2022, 3.4.2022, 03-04-2022): its order is the reader's guess.
_ALL_NUMBERS = re.compile(r"(?P<first>\d{1,2})(?P<mark>[/.-])(?P<second>\d{1,2})(?P=mark)(?P<year>\d{4})")
# What looks like a date in a line of text, whether or not it is a real one (2021-3-5, 03/04/2022, 30 Feb 2021
# included): where a draft's date line holds its date, which `read_date` then reads or says what is wrong with.
DATE_SHAPE = r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2} [A-Za-z]+\.?,? \d{4}|[A-Za-z]+\.? \d{1,2},? \d{4}"
# The forms a typed date may take, as every message about one lists them.
WRITTEN_FORMS = "'5 March 2021', 'March 5, 2021' or '2021-03-05'"


class DateError(ValueError):
    """A typed date that is not a real day in a form the tools read; the message says what to write."""


def _month_number(word: str) -> int | None:
    """The month an English name or its abbreviation names ("January", "Jan", "Sept"), in any capitals."""
    word = word.casefold()
    for number, name in enumerate(MONTHS, start=1):
        if word in (name.casefold(), name[:3].casefold()) or (number == 9 and word == "sept"):
            return number
    return None


def written_day(day: datetime.date) -> str:
    """A day as the messages suggest writing it, the month in words: ``3 April 2022``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def read_date(text: str, name: str = "date") -> datetime.date:
    """The day `text` names in one of the forms editors write (`WRITTEN_FORMS`; spaces around and between the
    words allowed); DateError, naming the value `name` (DATE, SINCE…) and saying what to write, otherwise."""
    written = " ".join(text.split())
    numbers = _ALL_NUMBERS.fullmatch(written)
    if numbers:
        raise DateError(_month_as_a_number(name, text, numbers))
    match = (
        _YEAR_MONTH_DAY.fullmatch(written)
        or _DAY_MONTH_YEAR.fullmatch(written)
        or _MONTH_DAY_YEAR.fullmatch(written)
    )
    month = match and (
        int(match["month"]) if match["month"].isdigit() else _month_number(match["month"].rstrip("."))
    )
    try:
        if match and month:
            return datetime.date(int(match["year"]), month, int(match["day"]))
    except ValueError:
        pass  # 30 February: no such day
    raise DateError(f"{name} must be a real date, written such as {WRITTEN_FORMS} (got {text!r})")


def _month_as_a_number(name: str, text: str, numbers: re.Match[str]) -> str:
    """Why a date written all in numbers is refused, with the day it could be written as."""
    first, second, year = int(numbers["first"]), int(numbers["second"]), int(numbers["year"])
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(written_day(datetime.date(year, month, day)))
        except ValueError:
            continue
    if not readings:
        return f"{name} must be a real date, written such as {WRITTEN_FORMS} (got {text!r})"
    if len(set(readings)) == 2:
        return (
            f"{name} {text!r} gives the month as a number, so it could be {readings[0]} or {readings[1]}: "
            f"write the month in words, such as '{readings[0]}'"
        )
    return (
        f"{name} {text!r} gives the month as a number, read day first in some countries and month first in "
        f"others: write the month in words, such as '{readings[0]}'"
    )


def not_a_date(name: str, got: object) -> str:
    """What every message says of a value that is not a date: ``date must be a real date written YYYY-MM-DD,
    such as 2021-03-05 (got 'early March')``; for a day written another way, that day as YYYY-MM-DD (``(got
    '7 January 2030'): write 2030-01-07``), or the two days numbers alone could mean."""
    days = _days_meant(got) if isinstance(got, str) else ()
    if len(days) == 1:
        return f"{name} must be a real date written YYYY-MM-DD (got {got!r}): write {days[0].isoformat()}"
    if len(days) == 2:
        return (
            f"{name} must be a real date written YYYY-MM-DD (got {got!r}, which is {written_day(days[0])} or "
            f"{written_day(days[1])}): write {days[0].isoformat()} or {days[1].isoformat()}, whichever it is"
        )
    return f"{name} must be a real date written YYYY-MM-DD, such as 2021-03-05 (got {as_given(got)})"


# Year first without the zeros YYYY-MM-DD needs (2030-1-7), or with slashes or dots (2030/01/07).
_YEAR_FIRST_LOOSELY = re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})")


def _days_meant(text: str) -> tuple[datetime.date, ...]:
    """The day or days a date written another way than YYYY-MM-DD means: one for '7 January 2030' or '2030-1-7',
    two for '03/04/2030' (either order of day and month), none for what is no day."""
    written = " ".join(text.split())
    loose = _YEAR_FIRST_LOOSELY.fullmatch(written)
    numbers = _ALL_NUMBERS.fullmatch(written)
    if loose:
        candidates = [(int(loose["year"]), int(loose["month"]), int(loose["day"]))]
    elif numbers:
        first, second, year = int(numbers["first"]), int(numbers["second"]), int(numbers["year"])
        candidates = [(year, second, first), (year, first, second)]
    else:
        try:
            return (read_date(written),)
        except DateError:
            return ()
    days = []
    for year, month, day in candidates:
        try:
            days.append(datetime.date(year, month, day))
        except ValueError:
            continue
    return tuple(dict.fromkeys(days))


def brief_date(value: object) -> datetime.date | None:
    """The day a front matter's ``date`` names, however YAML gave it: a date, a date and time (YAML parses both
    unquoted), or the same written in quotes, as text; None for anything else (``make check`` reports it)."""
    if isinstance(value, str):
        if not _DATE_AND_TIME.fullmatch(value.strip()):
            return None
        try:
            value = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, datetime.date) else None
