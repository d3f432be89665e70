"""How long a brief takes to read, counted on the words a reader sees (not on the HTML source)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bs4 import BeautifulSoup

DEFAULT_WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class ReadingTime:
    """Words in the brief and whole minutes to read them (at least one)."""

    words: int
    minutes: int

    @property
    def label(self) -> str:
        return f"{self.minutes} min read"


def reading_time(html: str, words_per_minute: int = DEFAULT_WORDS_PER_MINUTE) -> ReadingTime:
    """Count the visible words of `html` and round the minutes up, so a reader is never promised too little."""
    if words_per_minute < 1:
        raise ValueError(f"words per minute must be a positive integer (got {words_per_minute!r})")
    words = len(BeautifulSoup(html or "", "html.parser").get_text(" ").split())
    return ReadingTime(words, max(1, math.ceil(words / words_per_minute)))
