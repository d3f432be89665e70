"""Dates as editors write them (YYYY-MM-DD), read and explained the one way every tool does."""

from __future__ import annotations

import datetime


def read_date(text: str) -> datetime.date:
    """The date `text` writes as YYYY-MM-DD (spaces around it allowed); ValueError if it is not a real one."""
    return datetime.date.fromisoformat(text.strip())


def not_a_date(name: str, got: object) -> str:
    """What every message says of a value that is not a date: ``date must be a real date written YYYY-MM-DD,
    such as 2021-03-05 (got 'early March')``."""
    return f"{name} must be a real date written YYYY-MM-DD, such as 2021-03-05 (got {got!r})"


def brief_date(value: object) -> datetime.date | None:
    """The day a front matter's ``date`` names, however YAML gave it: a date, a date and time (YAML parses both
    unquoted), or the same written in quotes, as text; None for anything else (``make check`` reports it)."""
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, datetime.datetime):
        return value.date()
    return value if isinstance(value, datetime.date) else None
