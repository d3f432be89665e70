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
