"""Level 3: Pagefind starts as soon as every brief page is written, beside the rest of the build, and the build
waits for it: the index covers every brief."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CONTENT, build_site

import pagefind_search.handlers as handlers


def test_pagefind_starts_after_the_brief_pages_and_before_the_listings(tmp_path, monkeypatch):
    seen: dict[str, list[str]] = {}
    start = handlers.start_pagefind

    def recording_start(site: Path, glob: str | None = None):
        seen["at_start"] = sorted(str(p.relative_to(site)) for p in site.rglob("index.html"))
        seen["glob"] = [glob]
        return start(site, glob)

    monkeypatch.setattr(handlers, "start_pagefind", recording_start)
    output = build_site(
        CONTENT, tmp_path / "output", CACHE_PATH=str(tmp_path / "cache"), PAGEFIND_ENABLED=True
    )

    briefs = sorted(str(p.relative_to(output)) for p in (output / "briefs").glob("*/index.html"))
    assert briefs, "the site has brief pages"
    assert set(briefs) <= set(seen["at_start"])  # every brief page was on disk when Pagefind started
    later = {str(p.relative_to(output)) for p in (output / "authors").rglob("index.html")}
    assert later, "the site has author pages"
    assert not later & set(
        seen["at_start"]
    )  # the author pages were still to be written: they ran side by side
    assert seen["glob"] == ["{briefs/*/index.html,*/briefs/*/index.html}"]  # the brief pages, nothing else
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(briefs)
