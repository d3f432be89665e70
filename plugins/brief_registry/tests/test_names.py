"""Names in running text: the pure rule, and the templates' ``in_prose`` filter that applies it to markup."""

from __future__ import annotations

import pytest
from jinja2 import Environment
from markupsafe import Markup

from reality_check.plugins.brief_registry.handlers import in_prose
from reality_check.plugins.brief_registry.names import names_in_prose


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], ""),
        (["Ada Lorem"], "Ada Lorem"),
        (["Ada Lorem", "Ben Ipsum"], "Ada Lorem and Ben Ipsum"),
        (["Ada Lorem", "Ben Ipsum", "Cy Dolor"], "Ada Lorem, Ben Ipsum, and Cy Dolor"),
        (["A", "B", "C", "D"], "A, B, C, and D"),
    ],
)
def test_names_read_as_a_sentence_with_the_serial_comma(names: list[str], expected: str) -> None:
    assert names_in_prose(names) == expected


def test_the_joining_words_can_be_another_languages() -> None:
    assert names_in_prose(["А", "Б"], " и ") == "А и Б"
    assert names_in_prose(["А", "Б", "В"], " и ", " и ") == "А, Б и В"


def environment(autoescape: bool) -> Environment:
    env = Environment(autoescape=autoescape)
    env.filters["in_prose"] = in_prose
    return env


def test_the_filter_keeps_linked_names_as_markup_and_escapes_plain_text() -> None:
    template = environment(autoescape=True).from_string("{{ names|in_prose(pair, last) }}")
    names = [Markup('<a href="/a/">Ada</a>'), "Ben <Ipsum>"]
    assert (
        template.render(names=names, pair=" & ", last=", & ")
        == '<a href="/a/">Ada</a> &amp; Ben &lt;Ipsum&gt;'
    )


def test_without_autoescape_the_filter_leaves_the_text_as_it_is() -> None:
    template = environment(autoescape=False).from_string("{{ names|in_prose }}")
    assert template.render(names=["<b>Ada</b>", "Ben", "Cy"]) == "<b>Ada</b>, Ben, and Cy"
