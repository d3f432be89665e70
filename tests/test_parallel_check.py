"""`make check` (and `make html`'s checks) on every core: the same findings, and the work kept for the build."""

from __future__ import annotations

import dataclasses
import datetime
import os
import shutil
import threading
from pathlib import Path

import pytest
from editor_helpers import BAD_BRIEFS

import editor.parallel as parallel
from bench.corpus import write_corpus
from brief_registry.memo import ProcessMemo
from brief_registry.rendering import RENDERED, forget_rendered
from editor.check import review_content
from editor.settings import load_settings
from summary_card.cache import EXTRACTED, forget_extractions

ROOT = Path(__file__).resolve().parents[1]
TODAY = datetime.date(2026, 11, 28)


def _square_noting_pid(memo: ProcessMemo):
    def work(n: int) -> int:
        memo.put(n, os.getpid())
        return n * n

    return work


@pytest.fixture
def no_other_threads():
    """Workers are forked only while this process runs one thread (map_sharing's own rule)."""
    assert parallel.can_fork_workers(), f"threads left running by an earlier test: {threading.enumerate()}"


def test_workers_return_results_in_order_and_send_back_what_they_remembered(no_other_threads):
    memo: ProcessMemo[int, int] = ProcessMemo()
    items = list(range(50))
    results = parallel.map_sharing(_square_noting_pid(memo), items, [memo], workers=2, min_items=1)
    assert results == [n * n for n in items]
    assert sorted(memo) == items  # every entry a worker added is in this process's memo
    workers = {memo.get(n) for n in items}
    assert os.getpid() not in workers
    assert len(workers) == 2


def test_few_items_one_core_or_other_threads_mean_no_workers():
    memo: ProcessMemo[int, int] = ProcessMemo()
    work = _square_noting_pid(memo)
    assert parallel.map_sharing(work, [1, 2, 3], [memo], workers=2) == [1, 4, 9]  # under MIN_ITEMS
    assert parallel.map_sharing(work, list(range(80)), [memo], workers=1)[-1] == 79 * 79
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert parallel.map_sharing(work, list(range(80, 160)), [memo], workers=2, min_items=1)[0] == 80 * 80
    finally:
        stop.set()
        other.join()
    assert {memo.get(n) for n in range(160)} == {os.getpid()}


def test_a_memo_keeps_its_newest_entries_and_records_only_while_asked():
    memo: ProcessMemo[str, int] = ProcessMemo(limit=2)
    memo.put("a", 1)
    with memo.recording() as added:
        memo.put("b", 2)
        memo.put("c", 3)
    memo.put("d", 4)
    assert added == {"b": 2, "c": 3}
    assert list(memo) == ["c", "d"]
    assert memo.get("a") is None


def test_checking_on_two_cores_finds_what_one_core_finds_and_keeps_the_bodies_and_cards(
    tmp_path, monkeypatch, no_other_threads
):
    project, _ = write_corpus(12, tmp_path / "corpus")
    bad = sorted(BAD_BRIEFS.glob("*.md"))
    assert len(bad) >= 6
    for path in bad:
        shutil.copy(path, project / "briefs" / path.name)
    settings = dataclasses.replace(
        load_settings(ROOT / "pelicanconf.py"), cache_path=None
    )  # check every brief
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)

    monkeypatch.setattr(parallel, "available_cores", lambda: 1)
    one_core = review_content(project, settings, TODAY)
    forget_rendered()
    forget_extractions()
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    two_cores = review_content(project, settings, TODAY)

    assert two_cores == one_core
    assert len(one_core.problems) >= len(bad)  # the bad briefs' problems came back from the workers
    # The workers' renderings and extractions are this process's now: checking again renders nothing new.
    rendered, extracted = len(RENDERED), len(EXTRACTED)
    assert rendered >= 12
    assert extracted >= 12
    monkeypatch.setattr(parallel, "available_cores", lambda: 1)
    assert review_content(project, settings, TODAY) == one_core
    assert (len(RENDERED), len(EXTRACTED)) == (rendered, extracted)


def test_the_build_after_checks_on_two_cores_renders_and_extracts_no_brief_again(
    tmp_path, monkeypatch, no_other_threads
):
    """`make html`: the checks run on two cores, then Pelican builds in this process from what they worked out."""
    from conftest import Site, build_site
    from markdown_it import MarkdownIt

    import summary_card.cache

    project, _ = write_corpus(12, tmp_path / "corpus")
    settings = dataclasses.replace(load_settings(ROOT / "pelicanconf.py"), cache_path=None)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    assert review_content(project, settings, TODAY).problems == ()

    rendered: list[str] = []
    extracted: list[str] = []
    render, extract = MarkdownIt.render, summary_card.cache.extract_card
    monkeypatch.setattr(
        MarkdownIt, "render", lambda self, text, env=None: rendered.append(text) or render(self, text, env)
    )
    monkeypatch.setattr(
        summary_card.cache, "extract_card", lambda html, *args: extracted.append(html) or extract(html, *args)
    )
    site = Site(build_site(project, tmp_path / "output", SHARE_IMAGE_WORKERS=0))
    pages = sorted(site.root.glob("briefs/*/index.html"))
    assert len(pages) == 12
    for page in pages:  # every brief page has its card, with key points
        assert site.page(str(page.relative_to(site.root))).select(
            "section.summary-card ul.key-points > li"
        ), page
    assert extracted == []
    bodies = [p.read_text(encoding="utf-8").split("\n---\n", 1)[1] for p in (project / "briefs").glob("*.md")]
    assert not [text for text in rendered if any(text.strip() == body.strip() for body in bodies)]
