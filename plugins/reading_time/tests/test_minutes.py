"""Level 1: the reading-time count on small fragments."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path
from types import ModuleType

import pytest

from reality_check.plugins.plugin_support import code_digest, digests, plugin_settings
from reality_check.plugins.reading_time import minutes
from reality_check.plugins.reading_time.minutes import ReadingTime, reading_time, words_per_minute


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
        # A word split by inline tags is one word, even where two tags touch inside it; a block tag ends a word.
        (
            "<p>pre<em>fix</em>ed <strong><em>un</em></strong>likely H<sub>2</sub><em>O</em></p>",
            ReadingTime(3, 1),
        ),
        ('<p>A term<sup id="fnref:1"><a href="#fn:1">1</a></sup> here</p>', ReadingTime(3, 1)),
        ("<p>one<br>two</p><p>three</p>four<li>five</li>", ReadingTime(5, 1)),
        # References are the characters they stand for: a no-break space separates words, an ampersand is a word.
        ("<p>x &amp; y caf&eacute;&nbsp;au&#160;lait</p>", ReadingTime(6, 1)),
        # A comment, and a ">" in a quoted attribute value, are not words.
        ('<p>a<!-- note, <p>not a tag</p> --><a title="x > y">b</a></p>', ReadingTime(1, 1)),
    ],
)
def test_counts_visible_words_and_rounds_up(html, expected):
    assert reading_time(html) == expected


def test_label_and_custom_speed():
    assert reading_time("<p>" + "word " * 500 + "</p>", words_per_minute=250).minutes == 2


def test_speed_must_be_positive():
    with pytest.raises(ValueError, match="positive integer"):
        reading_time("<p>x</p>", words_per_minute=0)


@pytest.mark.parametrize(("value", "expected"), [(200, 200), ("250", 250), (1, 1)])
def test_the_setting_is_a_whole_number_of_words_a_minute(value, expected):
    assert words_per_minute(value) == expected


@pytest.mark.parametrize("value", [0, -5, "fast", 2.5, True, None])
def test_a_setting_that_is_not_a_speed_names_the_setting_and_where_to_set_it(value):
    with pytest.raises(
        ValueError, match=r"READING_TIME_WORDS_PER_MINUTE must be .* not .*set it in pelicanconf\.py"
    ):
        words_per_minute(value)


def project_modules_imported_by(module: ModuleType) -> set[Path]:
    """The files of the project's modules that `module` imports names or modules from."""
    files = set()
    for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module.startswith("reality_check."):
            source = importlib.import_module(node.module)
            for alias in node.names:
                name = getattr(source, alias.name)
                files.add(Path((name if inspect.ismodule(name) else source).__file__))
    return files


def test_the_cache_key_covers_the_project_modules_the_count_runs():
    """A change to where words break (plugin_support.html_words) must count every brief again, as a change to
    this module does; the modules it imports to make the key and read the setting are not the count."""
    not_the_count = {Path(module.__file__) for module in (code_digest, digests, plugin_settings)}
    counting = project_modules_imported_by(minutes) - not_the_count
    assert counting == set(minutes.COUNTING_MODULES) - {Path(minutes.__file__)}
