"""Level 1: the reading-time count on small fragments, and on every brief body the project has, against
html.parser's count of the same words."""

from __future__ import annotations

import random
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pelican.settings import read_settings

from reality_check.bench.corpus import write_corpus
from reality_check.plugins.brief_registry.frontmatter import read_front_matter
from reality_check.plugins.brief_registry.problems import FrontMatterError
from reality_check.plugins.brief_registry.rendering import brief_markdown
from reality_check.plugins.reading_time.minutes import (
    _BREAKS,
    ReadingTime,
    count_words,
    reading_time,
    words_per_minute,
)

ROOT = Path(__file__).resolve().parents[3]


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


class ParserCount(HTMLParser):
    """The yardstick: the same words counted by html.parser (which the count used before it was made faster)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.words, self._tail = 0, ""
        self.feed(html)
        self.close()
        self._flush()

    def handle_data(self, data: str) -> None:
        text = self._tail + data
        parts = text.split()
        ends_inside = bool(parts) and not text[-1].isspace()
        self.words += len(parts) - ends_inside
        self._tail = parts[-1] if ends_inside else ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self._flush()

    def _flush(self) -> None:
        self.words += bool(self._tail)
        self._tail = ""


FRAGMENTS = [
    "pre<em>fix</em> and <strong>word</strong>s",  # an inline tag inside a word: one word
    "one<br>two<br/>three<p>four</p>five",  # a block tag ends a word
    "<p>a</p>\n\n<p>b</p> <li>c</li>",
    "x &amp; y &lt;z&gt; caf&eacute; &#8217;quoted&#x2019;",  # references are the characters they stand for
    "non&nbsp;breaking\xa0space",  # white space in Python's sense separates words, as it did
    "a<!-- a comment, <p>not a tag</p> -->b",
    "<a title=\"a > b\" href='c>d'>quoted</a> markup",  # ">" in a quoted attribute value
    "a < b, c <= d, e <3 f </ g",  # "<" that starts no tag is text
    "<!doctype html><?xml version='1.0'?>text",
    "<TABLE><TR><TD>upper</TD><TD>case</TD></TR></TABLE>",
    "a<sup><a>1</a></sup> b",  # tags side by side inside a word: a footnote's reference
    "pre<strong><em>fix</em></strong>ed H<sub>2</sub><em>O</em> <span></span>x",
    "   ",
    "",
    "trailing",
    '\n<h2 id="whats-the-issue">What\u2019s the issue?</h2>\n<ol start="3">\n<li>Three</li>\n</ol>',
]


@pytest.mark.parametrize("html", FRAGMENTS)
def test_the_count_is_html_parsers_on_tricky_fragments(html):
    assert count_words(html) == ParserCount(html).words


def brief_bodies() -> list[tuple[str, str]]:
    """Every Markdown brief or page the project has (the real content, the tests' synthetic briefs, the card's
    writing styles, a generated corpus), rendered as the build renders it."""
    render = brief_markdown(read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]).convert
    folders = [ROOT / "content", ROOT / "tests" / "fixtures", *sorted(ROOT.glob("plugins/*/test_data"))]
    bodies = []
    for path in sorted(p for folder in folders for p in folder.rglob("*.md")):
        try:
            body = read_front_matter(path.read_text(encoding="utf-8"), str(path)).body
        except (FrontMatterError, UnicodeDecodeError):
            continue  # a synthetic file that is broken on purpose
        bodies.append((str(path.relative_to(ROOT)), render(body)))
    return bodies


PIECES = (
    "word", "x", " ", "\n", "&amp;", "&nbsp;", "&#8217;", "<p>", "</p>", "<em>", "</em>", "<br>", "<sup>",
    "</sup>", '<a href="#n">', "</a>", "<li>", "</li>", "<!-- note -->", "<td>", "<h2 id=\"a\">", "</h2>", "<",
)  # fmt: skip


def test_the_count_is_html_parsers_on_generated_fragments():
    """Every way of putting text, references, inline and block tags side by side, in any order."""
    rng = random.Random(20261130)
    for _ in range(5000):
        html = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        assert count_words(html) == ParserCount(html).words, html


def test_the_count_is_html_parsers_on_footnotes_and_nested_emphasis():
    """Markdown an editor may write that no brief uses yet, rendered as the build renders it."""
    render = brief_markdown(read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]).convert
    html = render(
        "A term[^1] and ***un***likely `code`[^2] H~2~O, *a*[link](https://example.org).\n\n"
        "| a | b |\n|---|---|\n| one**two** | x |\n\n[^1]: The first note.\n[^2]: The second."
    )
    assert 'class="footnote' in html
    assert "<table>" in html
    assert count_words(html) == ParserCount(html).words == 18  # "term1", "unlikely", "code2", "onetwo", "↩"


def test_the_count_is_html_parsers_on_every_body_the_project_has(tmp_path):
    project, _ = write_corpus(30, tmp_path)
    render = brief_markdown(read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]).convert
    generated = [
        (path.name, render(read_front_matter(path.read_text(encoding="utf-8"), str(path)).body))
        for path in sorted((project / "briefs").glob("*.md"))
    ]
    bodies = brief_bodies() + generated
    assert len(bodies) > 90
    assert sum(count_words(html) for _, html in bodies) > 40_000
    assert [name for name, html in bodies if count_words(html) != ParserCount(html).words] == []
