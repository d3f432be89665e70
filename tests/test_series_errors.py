"""Level 2: what editors are told when a brief's series links are wrong."""

from __future__ import annotations

import logging

from conftest import FIXTURES, build_site, copy_content
from editor_helpers import BAD_BRIEFS as BAD


def test_unknown_responses_are_errors_naming_file_and_line(tmp_path, caplog):
    content = copy_content(tmp_path / "content", FIXTURES / "briefs" / "synthetic-bad-responses.md")
    with caplog.at_level(logging.ERROR):
        build_site(content, tmp_path / "output")
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == [
        "content/briefs/synthetic-bad-responses.md:12: responses: no brief has series number 99",
        "content/briefs/synthetic-bad-responses.md:13: responses: expected a series number (got 'four')",
    ]


def test_a_brief_without_a_number_to_list_it_by_is_said_and_left_out_and_the_rest_is_built(tmp_path, caplog):
    """Pelican sorted the series by number and stopped with a TypeError on `series_number: four`; a brief with
    no number was published as "Reality Check #None"."""
    content = copy_content(
        tmp_path / "content", BAD / "missing-series-number.md", BAD / "series-not-positive.md"
    )
    (content / "briefs" / "missing-title.md").write_text(
        (BAD / "missing-title.md")
        .read_text(encoding="utf-8")
        .replace("series_number: 912", "title: Synthetic brief numbered in words\nseries_number: four"),
        encoding="utf-8",
    )
    with caplog.at_level(logging.ERROR):
        site = build_site(content, tmp_path / "output")
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert sorted(
        e for e in errors if "unknown author" not in e
    ) == [  # (the fixtures' author is not listed here)
        "content/briefs/missing-series-number.md:1: required field 'series_number' is missing or empty",
        "content/briefs/missing-title.md:4: series number must be a positive integer (got 'four')",
        "content/briefs/series-not-positive.md:4: series number must be a positive integer (got -9)",
    ]
    assert sorted(path.parent.name for path in (site / "briefs").glob("*/index.html")) == [
        "focus-on-interests-not-on-human-rights-with-russia"
    ]
    assert "#None" not in (site / "index.html").read_text(encoding="utf-8")


def test_a_draft_is_read_and_checked_and_not_published(tmp_path, caplog):
    """Pelican reads a draft's category, which a site without categories never gives: one draft stopped the
    whole build with an AttributeError."""
    content = copy_content(tmp_path / "content")
    draft = (BAD / "missing-title.md").read_text(encoding="utf-8")
    draft = draft.replace("series_number: 912", "title: Synthetic draft\nseries_number: 5\nstatus: draft")
    (content / "briefs" / "synthetic-draft.md").write_text(draft, encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        site = build_site(content, tmp_path / "output")
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == [
        "content/briefs/synthetic-draft.md:8: unknown author 'Quentin Sample' (not listed in authors.yml)"
    ]  # read and checked like any brief
    assert sorted(p.parent.name for p in (site / "briefs").glob("*/index.html")) == [
        "focus-on-interests-not-on-human-rights-with-russia"
    ]  # and not published


def test_a_translation_without_its_original_is_said_and_left_out(tmp_path, caplog):
    """Pelican listed a translation with no original in the site's language as an original of its own."""
    content = copy_content(tmp_path / "content")
    original = content / "briefs" / "reality-check-4.md"
    orphan = (
        original.read_text(encoding="utf-8")
        .replace("series_number: 4", "series_number: 44\nlang: ru", 1)
        .replace(
            "title: Focus on interests, not on human rights with Russia",
            "title: Synthetic orphan translation",
        )
    )
    (content / "briefs" / "synthetic-orphan-ru.md").write_text(orphan, encoding="utf-8")
    original.write_text(  # and #4 links to it
        original.read_text(encoding="utf-8")
        .replace("On January 17, just", "On January 17 ([see](synthetic-orphan-ru.md)), just")
        .replace("(synthetic-orphan-ru.md)", "({filename}synthetic-orphan-ru.md)"),
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        site = build_site(content, tmp_path / "output")
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any(
        m.startswith("content/briefs/synthetic-orphan-ru.md:")
        and "must have the series number of its original, but no brief in en has number 44" in m
        for m in messages
    ), messages
    assert any("synthetic-orphan-ru.md" in m and "Unable to find" in m for m in messages), (
        messages
    )  # the link
    assert not list(site.glob("ru/briefs/*/index.html"))
    assert len(list((site / "briefs").glob("*/index.html"))) == 1


def test_a_brief_alone_has_no_neighbours_but_links_to_the_archive(site):
    nav = site.page("briefs/focus-on-interests-not-on-human-rights-with-russia/").find(
        "nav", class_="series-nav"
    )
    assert nav.find("a", rel=["prev", "next"]) is None
    assert [a["href"] for a in nav.find_all("a")] == ["/"]
