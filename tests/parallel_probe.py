"""Run checks on two cores in a fresh interpreter and print what happened, as JSON (tests/test_parallel_check.py).

Workers are forked only by a process that runs one thread (editor/parallel.py). A pytest worker runs more (the
session's static site servers), so the tests that need real workers run these probes as `python
tests/parallel_probe.py CASE FOLDER`, as `make html` runs: one fresh process.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import shutil
import sys
from pathlib import Path

from editor_helpers import BAD_BRIEFS

import reality_check.editor.parallel as parallel
from reality_check.bench.corpus import write_corpus
from reality_check.editor.check import review_content
from reality_check.editor.settings import load_settings
from reality_check.plugins.brief_registry.rendering import RENDERED, forget_rendered
from reality_check.plugins.plugin_support.memo import ProcessMemo
from reality_check.plugins.summary_card.cache import EXTRACTED, forget_extractions

ROOT = Path(__file__).resolve().parents[1]
TODAY = datetime.date(2026, 11, 28)


def square_noting_pid(memo: ProcessMemo):
    def work(n: int) -> int:
        memo.put(n, os.getpid())
        return n * n

    return work


def probe_map(folder: Path) -> dict:
    """map_sharing over 50 numbers on two workers: the results, and which process worked out each."""
    memo: ProcessMemo[int, int] = ProcessMemo()
    results = parallel.map_sharing(square_noting_pid(memo), list(range(50)), [memo], workers=2, min_items=1)
    return {
        "results": results,
        "keys": list(memo),
        "pids": [memo.get(n) for n in range(50)],
        "own": os.getpid(),
    }


def corpus(folder: Path, bad: bool) -> Path:
    project, _ = write_corpus(12, folder / "corpus")
    if bad:
        for path in sorted(BAD_BRIEFS.glob("*.md")):
            shutil.copy(path, project / "briefs" / path.name)
    return project


def probe_check(folder: Path) -> dict:
    """The review of good and bad briefs on one core and on two, and what the memos hold after each."""
    project = corpus(folder, bad=True)
    settings = dataclasses.replace(
        load_settings(ROOT / "pelicanconf.py"), cache_path=None
    )  # check every brief
    parallel.MIN_ITEMS = 1
    parallel.available_cores = lambda: 1
    one_core = review_content(project, settings, TODAY)
    forget_rendered()
    forget_extractions()
    parallel.available_cores = lambda: 2
    two_cores = review_content(project, settings, TODAY)
    held = (len(RENDERED), len(EXTRACTED))
    parallel.available_cores = lambda: 1
    again = review_content(project, settings, TODAY)  # on one core, from the memos
    return {
        "forked": parallel.can_fork_workers(),
        "same": two_cores == one_core and again == one_core,
        "problems": len(one_core.problems),
        "bad_briefs": len(list(BAD_BRIEFS.glob("*.md"))),
        "held": list(held),
        "held_after_again": [len(RENDERED), len(EXTRACTED)],
    }


def probe_build(folder: Path) -> dict:
    """make html's order: the checks on two cores, then a Pelican build in the same process. What the build
    rendered and extracted itself, and whether every brief page has its card."""
    from bs4 import BeautifulSoup
    from conftest import build_site
    from markdown_it import MarkdownIt

    from reality_check.plugins.summary_card import cache as card_cache

    project = corpus(folder, bad=False)
    settings = dataclasses.replace(load_settings(ROOT / "pelicanconf.py"), cache_path=None)
    parallel.MIN_ITEMS = 1
    parallel.available_cores = lambda: 2
    problems = review_content(project, settings, TODAY).problems

    rendered: list[str] = []
    extracted: list[str] = []
    render, extract = MarkdownIt.render, card_cache.extract_card
    MarkdownIt.render = lambda self, text, env=None: rendered.append(text) or render(self, text, env)
    card_cache.extract_card = lambda html, *args: extracted.append(html) or extract(html, *args)
    output = build_site(project, folder / "output", SHARE_IMAGE_WORKERS=0)
    bodies = [
        p.read_text(encoding="utf-8").split("\n---\n", 1)[1].strip()
        for p in (project / "briefs").glob("*.md")
    ]
    cards = [
        len(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("ul.key-points > li"))
        for page in sorted(output.glob("briefs/*/index.html"))
    ]
    from reality_check.plugins.brief_registry.rendering import RENDERED

    return {
        "forked": parallel.can_fork_workers(),
        "problems": len(problems),
        "bodies_held_after_build": len(RENDERED),
        "briefs_rendered_by_build": sum(1 for text in rendered if text.strip() in bodies),
        "extracted_by_build": len(extracted),
        "key_points_per_page": cards,
    }


if __name__ == "__main__":
    case, folder = sys.argv[1], Path(sys.argv[2])
    print(json.dumps({"map": probe_map, "check": probe_check, "build": probe_build}[case](folder)))
