"""Dates as editors write them (YYYY-MM-DD), read and explained the one way every tool does."""

from __future__ import annotations

import datetime
import re

# A date as editors write it. Also the browser editor's check of its date field (decap_admin), so the form, the
# checks and the build accept the same dates: Python's fromisoformat alone also reads 20210305 and 2021-W10-5,
# which Pelican cannot.
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
# The same at the start of a date and time written as text (2021-03-05 09:30, 2021-03-05T09:30).
_DATE_AND_TIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T].*)?", re.DOTALL)


def read_date(text: str) -> datetime.date:
    """The date `text` writes as YYYY-MM-DD (spaces around it allowed); ValueError if it is not a real one."""
    if not re.match(DATE_PATTERN, text.strip()):
        raise ValueError(f"not written YYYY-MM-DD: {text!r}")
    return datetime.date.fromisoformat(text.strip())


def not_a_date(name: str, got: object) -> str:
    """What every message says of a value that is not a date: ``date must be a real date written YYYY-MM-DD,
    such as 2021-03-05 (got 'early March')``."""
    return f"{name} must be a real date written YYYY-MM-DD, such as 2021-03-05 (got {got!r})"


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
