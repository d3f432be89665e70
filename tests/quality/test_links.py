"""No broken links: LinkChecker crawls the served site from every page, with anchor checking on.

Links to other hosts are listed by LinkChecker but never fetched: the gate is about the site's own links.
"""

from __future__ import annotations

from pathlib import Path

from .gates import check_links
from .page_types import BRIEF_4_URL, html_pages
from .served import StaticSiteServer


def test_no_broken_links_or_anchors_on_the_site(quality_site: Path, server: StaticSiteServer) -> None:
    pages = [server.url(path) for path in html_pages(quality_site)]
    report = check_links(pages)
    assert not report.problems, "LinkChecker found broken links or anchors:\n" + "\n".join(report.problems)
    # It really walked the site: every page, the stylesheet, and the card's links into the brief's body.
    assert set(pages) <= report.checked
    stylesheets = sorted(quality_site.glob("theme/**/*.css"))
    assert stylesheets
    assert {server.url(css.relative_to(quality_site).as_posix()) for css in stylesheets} & report.checked
    assert server.url(BRIEF_4_URL + "#recommendation-1") in report.checked


def test_linkchecker_catches_a_missing_anchor_and_a_missing_page(broken_server: StaticSiteServer) -> None:
    report = check_links([broken_server.url("missing-anchor.html")])
    problems = "\n".join(report.problems)
    assert len(report.problems) == 2, problems
    missing_anchor, missing_page = sorted(report.problems)
    assert "missing-anchor.html:12: link to '#recommendation-9'" in missing_anchor
    assert "Anchor `recommendation-9'" in missing_anchor
    assert "not found" in missing_anchor
    assert "missing-anchor.html:13: link to '/briefs/no-such-brief/': 404" in missing_page
