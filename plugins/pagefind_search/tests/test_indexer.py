"""Levels 1 and 2: reading Pagefind's report, and running the real binary over a tiny site."""

from __future__ import annotations

import json

import pytest

from pagefind_search import PagefindError, parse_summary, run_pagefind

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Site navigation</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p>
<a href="/topics/x/" data-pagefind-filter="topic">Politics</a></main></body></html>"""


def test_parse_summary_reads_counts_singular_or_plural():
    result = parse_summary(
        "Total:\n  Indexed 1 language\n  Indexed 1 page\n  Indexed 37 words\n  Indexed 2 filters\n"
    )
    assert (result.pages, result.words, result.filters) == (1, 37, 2)
    assert parse_summary("nothing here").pages == 0


def test_run_pagefind_indexes_only_marked_pages(tmp_path):
    for name, title, body in (("a", "Navalny brief", True), ("b", "Archive", False)):
        (tmp_path / name).mkdir()
        html = PAGE.format(title=title, text="Alexei Navalny returned to Moscow.")
        if not body:
            html = html.replace(" data-pagefind-body", "")
        (tmp_path / name / "index.html").write_text(html, encoding="utf-8")
    result = run_pagefind(tmp_path)
    assert result.pages == 1
    assert result.filters == 1
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1


def test_missing_site_is_a_clear_error(tmp_path):
    with pytest.raises(PagefindError, match="no built site to index"):
        run_pagefind(tmp_path / "nowhere")
