"""Level 2: what editors are told when a brief's series links are wrong."""

from __future__ import annotations

import logging

from conftest import FIXTURES, build_site, copy_content


def test_unknown_responses_are_errors_naming_file_and_line(tmp_path, caplog):
    content = copy_content(tmp_path / "content", FIXTURES / "briefs" / "synthetic-bad-responses.md")
    with caplog.at_level(logging.ERROR):
        build_site(content, tmp_path / "output")
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == [
        "content/briefs/synthetic-bad-responses.md:12: responses: no brief has series number 99",
        "content/briefs/synthetic-bad-responses.md:13: responses: expected a series number (got 'four')",
    ]


def test_a_brief_alone_has_no_neighbours_but_links_to_the_archive(site):
    nav = site.page("briefs/focus-on-interests-not-on-human-rights-with-russia/").find(
        "nav", class_="series-nav"
    )
    assert nav.find("a", rel=["prev", "next"]) is None
    assert [a["href"] for a in nav.find_all("a")] == ["/"]
