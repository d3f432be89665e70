"""How long a brief takes to read, counted on the words a reader sees (not on the HTML source)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from reality_check.plugins.plugin_support import html_words
from reality_check.plugins.plugin_support.code_digest import code_digest
from reality_check.plugins.plugin_support.digests import digest
from reality_check.plugins.plugin_support.html_words import WORD_BREAKING_TAGS
from reality_check.plugins.plugin_support.plugin_settings import whole_number

DEFAULT_WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class ReadingTime:
    """Words in the brief and whole minutes to read them (at least one)."""

    words: int
    minutes: int


def words_per_minute(value: object) -> int:
    """The READING_TIME_WORDS_PER_MINUTE setting as a whole number of at least 1; a SettingError naming the setting and
    where to set it otherwise."""
    return whole_number("READING_TIME_WORDS_PER_MINUTE", value, minimum=1, default=DEFAULT_WORDS_PER_MINUTE)


def reading_time(html: str, words_per_minute: int = DEFAULT_WORDS_PER_MINUTE) -> ReadingTime:
    """Count the visible words of `html` and round the minutes up, so a reader is never promised too little."""
    if words_per_minute < 1:
        raise ValueError(f"words per minute must be a positive integer (got {words_per_minute!r})")
    counter = _WordCounter()
    counter.feed(html or "")
    counter.close()
    return ReadingTime(counter.words, max(1, math.ceil(counter.words / words_per_minute)))


# The counting code (this module, and where words break), part of every key: changed code counts every brief again.
COUNTING_MODULES = (Path(__file__), Path(html_words.__file__))
_CODE = code_digest(Path(__file__).parent.parent, COUNTING_MODULES)


def reading_time_key(html: str, words_per_minute: int) -> str:
    """A hash of everything a brief's reading time depends on: its HTML, the speed, and this module's code."""
    return digest(_CODE, str(words_per_minute), html)


class _WordCounter(HTMLParser):
    """Counts the words of the text between tags (no tree is built: a brief is read once per build)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words = 0
        self._tail = ""

    def handle_data(self, data: str) -> None:
        # Text split by an inline tag ("pre<em>fix</em>") is still one word: join it to what came before.
        text = self._tail + data
        parts = text.split()
        if not parts:
            self._tail = ""
            return
        ends_inside = not text[-1].isspace()
        self.words += len(parts) - (1 if ends_inside else 0)
        self._tail = parts[-1] if ends_inside else ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in WORD_BREAKING_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in WORD_BREAKING_TAGS:
            self._flush()

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if self._tail:
            self.words += 1
            self._tail = ""
