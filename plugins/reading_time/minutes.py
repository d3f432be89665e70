"""How long a brief takes to read, counted on the words a reader sees (not on the HTML source)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import unescape

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
    words = count_words(html or "")
    return ReadingTime(words, max(1, math.ceil(words / words_per_minute)))


def count_words(html: str) -> int:
    """The words of the text between the tags of `html`, a brief's body (sanitised: no script or style).

    Text split by an inline tag ("pre<em>fix</em>") is one word; a block tag (`_BREAKS`) ends a word. Character
    references count as the characters they stand for (``&nbsp;`` separates words). Markup is found with one
    regular expression rather than html.parser, three to four times slower, and every build counts every brief
    (tests/test_minutes.py compares the two counts on every brief body the project has).
    """
    words, inside = 0, False  # inside: the text so far ends in a word that may go on after the next tag
    position = 0
    for markup in _MARKUP.finditer(html):
        words, inside = _add_text(html[position : markup.start()], words, inside)
        position = markup.end()
        if inside and markup["tag"] and markup["tag"].lower() in _BREAKS:
            words, inside = words + 1, False
    words, inside = _add_text(html[position:], words, inside)
    return words + 1 if inside else words


def _add_text(text: str, words: int, inside: bool) -> tuple[int, bool]:
    """`words` and `inside` after the text between two tags: the words it ends, and whether it ends in one."""
    if not text:  # two tags side by side (`<sup><a>`): a word inside goes on
        return words, inside
    if "&" in text:
        text = unescape(text)
    parts = text.split()
    if not parts:  # white space only: it ends the word before, if any
        return (words + 1 if inside else words), False
    ends_in_word = not text[-1].isspace()
    ended = len(parts) - 1 if ends_in_word else len(parts)  # the last word may go on after the next tag
    if inside and text[0].isspace():
        ended += 1  # the word the text before ended in (else its first part is that word, continued)
    return words + ended, ends_in_word


# A comment, a declaration (<!doctype>), a processing instruction, or a start or end tag whose attribute values
# may hold ">" in quotes: what html.parser takes for markup. A "<" not followed by a letter is text.
_MARKUP = re.compile(
    r"""<!--.*?-->|<![^>]*>|<\?[^>]*>|</?(?P<tag>[a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>""", re.DOTALL
)


# Tags that end a word even with no space around them.
_BREAKS = frozenset(
    {
        "p",
        "br",
        "li",
        "ul",
        "ol",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "tr",
        "blockquote",
        "section",
        "article",
        "hr",
        "img",
    }
)
