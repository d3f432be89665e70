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
    worded = (content / "briefs" / "missing-title.md").write_text(
        (BAD / "missing-title.md")
        .read_text(encoding="utf-8")
        .replace("series_number: 912", "title: Synthetic brief numbered in words\nseries_number: four"),
        encoding="utf-8",
    )
    assert worded
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


def test_a_brief_alone_has_no_neighbours_but_links_to_the_archive(site):
    nav = site.page("briefs/focus-on-interests-not-on-human-rights-with-russia/").find(
        "nav", class_="series-nav"
    )
    assert nav.find("a", rel=["prev", "next"]) is None
    assert [a["href"] for a in nav.find_all("a")] == ["/"]
