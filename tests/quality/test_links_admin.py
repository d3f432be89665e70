"""The link gate leaves /admin/ (the browser editor, in builds that carry it) out of its crawl."""

from __future__ import annotations

from .gates import check_links
from .served import StaticSiteServer


def test_link_gate_does_not_crawl_the_editor(tmp_path):
    # SYNTHETIC TEST FIXTURE: a public page linking to an editor page that does not exist here.
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>x</title><a href="/admin/">editor</a></html>', encoding="utf-8"
    )
    with StaticSiteServer(tmp_path) as server:
        report = check_links([server.url("/")])
    assert report.problems == ()  # without the filter, the missing /admin/ would be a broken link
