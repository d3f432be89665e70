"""Level 1: the reading-time count on small fragments."""

from __future__ import annotations

import pytest

from reading_time import ReadingTime, reading_time


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("", ReadingTime(0, 1)),
        ("<p>One two three.</p>", ReadingTime(3, 1)),
        ("<p>" + "word " * 200 + "</p>", ReadingTime(200, 1)),
        ("<p>" + "word " * 201 + "</p>", ReadingTime(201, 2)),
        # Markup is not words: a long attribute or a tag adds nothing.
        ('<p><a href="https://example.org/a very long title">two words</a></p>', ReadingTime(2, 1)),
        ("<ul><li>one</li><li>two</li></ul>", ReadingTime(2, 1)),
    ],
)
def test_counts_visible_words_and_rounds_up(html, expected):
    assert reading_time(html) == expected


def test_label_and_custom_speed():
    assert reading_time("<p>" + "word " * 500 + "</p>", words_per_minute=250).label == "2 min read"


def test_speed_must_be_positive():
    with pytest.raises(ValueError, match="positive integer"):
        reading_time("<p>x</p>", words_per_minute=0)
