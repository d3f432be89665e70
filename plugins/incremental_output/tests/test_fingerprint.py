"""The hashes of what a build reads and writes: the same inputs give the same hash, any change another."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from reality_check.plugins.incremental_output.fingerprint import (
    input_fingerprint,
    output_fingerprint,
    stable_text,
)

TODAY = datetime.date(2026, 11, 28)


def fingerprint(sources, settings=None, options=(), packages=("Pelican==4.12.0",), today=TODAY) -> str:
    return input_fingerprint(sources, settings or {"SITENAME": "x"}, list(options), packages, today)


@pytest.fixture
def sources(tmp_path: Path) -> list[Path]:
    (tmp_path / "content" / "briefs").mkdir(parents=True)
    (tmp_path / "content" / "briefs" / "one.md").write_text("# SYNTHETIC\n", encoding="utf-8")
    (tmp_path / "theme" / "__pycache__").mkdir(parents=True)
    (tmp_path / "theme" / "base.html").write_text("<main></main>\n", encoding="utf-8")
    (tmp_path / "pelicanconf.py").write_text("SITENAME = 'x'\n", encoding="utf-8")
    return [tmp_path / "content", tmp_path / "theme", tmp_path / "pelicanconf.py"]


def test_the_same_inputs_give_the_same_fingerprint(sources):
    assert fingerprint(sources) == fingerprint(sources)


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "content" / "briefs" / "one.md").write_text(
            "# SYNTHETIC, edited\n", encoding="utf-8"
        ),
        lambda root: (root / "content" / "briefs" / "two.md").write_text("# SYNTHETIC\n", encoding="utf-8"),
        lambda root: (root / "content" / "briefs" / "one.md").unlink(),
        lambda root: (root / "theme" / "base.html").write_text("<main> </main>\n", encoding="utf-8"),
        lambda root: (root / "pelicanconf.py").write_text("SITENAME = 'y'\n", encoding="utf-8"),
    ],
    ids=["brief edited", "brief added", "brief deleted", "template edited", "settings file edited"],
)
def test_any_change_to_a_source_changes_the_fingerprint(sources, change):
    before = fingerprint(sources)
    change(sources[0].parent)
    assert fingerprint(sources) != before


def test_settings_options_packages_and_the_day_count(sources):
    before = fingerprint(sources)
    assert fingerprint(sources, settings={"SITENAME": "y"}) != before
    assert fingerprint(sources, options=["-e", "PDF_EDITION=true"]) != before
    assert fingerprint(sources, packages=("Pelican==4.12.1",)) != before
    assert fingerprint(sources, today=TODAY + datetime.timedelta(days=1)) != before


def test_what_no_build_reads_does_not_count(sources):
    before = fingerprint(sources)
    (sources[1] / "__pycache__" / "base.cpython-311.pyc").write_bytes(b"\0")
    assert fingerprint(sources) == before


def test_settings_text_is_stable_and_keeps_every_value():
    class Cache:  # an object whose repr would hold its address
        pass

    settings = {"B": {3, 1, 2}, "A": [Path("x"), None, (1, "y")], "C": Cache()}
    assert stable_text(settings) == stable_text(dict(reversed(settings.items())))
    assert stable_text(settings) == stable_text({**settings, "C": Cache()})
    assert stable_text({"B": {1, 2}}) != stable_text({"B": {1, 3}})


def test_values_of_a_subclass_keep_their_own_text():
    """The exact types a summary is mostly made of are written by a shortcut; their subclasses, which may show
    differently, are not taken for them: marked-up text is not plain text, and the page shown changes with it."""
    from markupsafe import Markup

    class Ordered(dict):
        pass

    assert stable_text("<b>x</b>") == "'<b>x</b>'"
    assert stable_text(Markup("<b>x</b>")) == "Markup('<b>x</b>')"
    assert stable_text(True) == "True" != stable_text(1)
    assert stable_text([1, ("a", None)]) == stable_text((1, ["a", None])) == "[1, ['a', None]]"
    assert stable_text({"b": 2, "a": [1.5]}) == stable_text(Ordered(a=[1.5], b=2)) == "{'a': [1.5], 'b': 2}"


def test_the_output_fingerprint_sees_a_file_changed_added_or_removed(tmp_path):
    output = tmp_path / "output"
    (output / "briefs").mkdir(parents=True)
    page = output / "briefs" / "index.html"
    page.write_text("<p>one</p>", encoding="utf-8")
    first = output_fingerprint(output)
    assert first == output_fingerprint(output)
    page.write_text("<p>two</p>", encoding="utf-8")
    second = output_fingerprint(output)
    assert second != first
    (output / "extra.html").write_text("", encoding="utf-8")
    third = output_fingerprint(output)
    assert third != second
    (output / "extra.html").unlink()
    page.unlink()
    assert output_fingerprint(output) not in (first, second, third)
    assert output_fingerprint(tmp_path / "missing") == ""


def article(title: str, body: str = "<p>SYNTHETIC body.</p>", **attributes):
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    brief = Article(body, {"title": title}, settings=DEFAULT_CONFIG, source_path=f"/synthetic/{title}.md")
    for name, value in attributes.items():
        setattr(brief, name, value)
    return brief


def test_a_summary_is_all_a_brief_has_but_its_body():
    from reality_check.plugins.incremental_output.fingerprint import content_summary

    one = article("One", reading_time={"minutes": 2})
    assert content_summary(one) == content_summary(
        article("One", "<p>Other body.</p>", reading_time={"minutes": 2})
    )
    assert content_summary(one) != content_summary(article("One", reading_time={"minutes": 3}))
    assert content_summary(one) != content_summary(article("Two", reading_time={"minutes": 2}))


def test_a_page_depends_on_what_it_is_given_and_what_that_refers_to():
    from reality_check.plugins.incremental_output.fingerprint import page_contents

    far, near = article("Far"), article("Near")
    given = article("Given", prev_article=near)
    near.next_article = far  # two steps away from the page: not what it shows
    listing = {"articles": [given], "listing": ("topic", [given])}
    assert page_contents([None, listing]) == [given, near]
