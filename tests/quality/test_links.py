"""No broken links or anchors on the built site.

LinkChecker crawls the served site from every page and reports links to pages and files that do not answer;
links to other hosts are listed but never fetched. Anchors (`page#id`) are checked from the parsed pages by
`anchors.py`, which works whoever runs the tests and wherever the clone lives (see its docstring for why).
"""

from __future__ import annotations

from pathlib import Path

from .anchors import check_anchors, read_site
from .conftest import FIXTURES
from .gates import check_links
from .page_types import BRIEF_4_URL, html_pages
from .served import StaticSiteServer


def test_no_broken_links_on_the_site(quality_site: Path, server: StaticSiteServer) -> None:
    pages = [server.url(path) for path in html_pages(quality_site)]
    report = check_links(pages)
    assert not report.problems, "LinkChecker found broken links:\n" + "\n".join(report.problems)
    # It really parsed the pages: the stylesheet is only found by reading them.
    assert set(pages) <= report.checked
    stylesheets = sorted(quality_site.glob("theme/**/*.css"))
    assert stylesheets
    assert {server.url(css.relative_to(quality_site).as_posix()) for css in stylesheets} & report.checked


def test_every_anchor_a_page_links_to_exists(quality_site: Path) -> None:
    pages = read_site(quality_site)
    report = check_anchors(pages)
    assert not report.missing, "links to anchors that do not exist:\n" + "\n".join(map(str, report.missing))
    # It really looked: every page, and the card's links into the brief's recommendations among the anchors.
    assert len(pages) == len(html_pages(quality_site)) >= 5
    assert BRIEF_4_URL + "#recommendation-1" in report.checked
    assert BRIEF_4_URL + "#main" in report.checked  # the skip link


def test_linkchecker_catches_a_missing_page(broken_server: StaticSiteServer) -> None:
    report = check_links([broken_server.url("missing-anchor.html")])
    assert len(report.problems) == 1, "\n".join(report.problems)
    assert "missing-anchor.html:13: link to '/briefs/no-such-brief/': 404" in report.problems[0]


def test_the_anchor_check_catches_a_missing_anchor() -> None:
    report = check_anchors(read_site(FIXTURES / "broken"))
    assert [str(problem) for problem in report.missing] == [
        "/missing-anchor.html:12: link to '#recommendation-9': "
        "/missing-anchor.html has no element with id 'recommendation-9'"
    ]
    assert "/missing-anchor.html#links-to-nowhere" in report.checked
