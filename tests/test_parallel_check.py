"""`make check` (and `make html`'s checks) on every core: the same findings, and the work kept for the build.

The cases that fork workers run in a fresh interpreter (tests/parallel_probe.py): a pytest worker runs other
threads (the session's site servers), and map_sharing never forks beside threads.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from parallel_probe import square_noting_pid

import reality_check.editor.parallel as parallel
from reality_check.plugins.plugin_support.memo import ProcessMemo

PROBE = Path(__file__).with_name("parallel_probe.py")


def probe(case: str, folder: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(PROBE), case, str(folder)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_workers_return_results_in_order_and_send_back_what_they_remembered(tmp_path):
    found = probe("map", tmp_path)
    assert found["results"] == [n * n for n in range(50)]
    assert sorted(found["keys"]) == list(range(50))  # every entry a worker added is in this process's memo
    workers = set(found["pids"])
    assert found["own"] not in workers  # worked out in worker processes (one may take every chunk)
    assert len(workers) in (1, 2)


def test_few_items_one_core_or_other_threads_mean_no_workers():
    memo: ProcessMemo[int, int] = ProcessMemo()
    work = square_noting_pid(memo)
    assert parallel.map_sharing(work, [1, 2, 3], [memo], workers=2) == [1, 4, 9]  # under MIN_ITEMS
    assert parallel.map_sharing(work, list(range(80)), [memo], workers=1)[-1] == 79 * 79
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not parallel.can_fork_workers()
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


def test_checking_on_two_cores_finds_what_one_core_finds_and_keeps_the_bodies_and_cards(tmp_path):
    found = probe("check", tmp_path)
    assert found["forked"]
    assert found["same"]
    assert (
        found["problems"] >= found["bad_briefs"] >= 6
    )  # the bad briefs' problems came back from the workers
    # The workers' renderings and extractions are this process's: checking again rendered nothing new.
    assert min(found["held"]) >= 12
    assert found["held_after_again"] == found["held"]


def test_the_build_after_checks_on_two_cores_renders_and_extracts_no_brief_again(tmp_path):
    found = probe("build", tmp_path)
    assert found["forked"]
    assert found["problems"] == 0
    assert found["briefs_rendered_by_build"] == 0
    assert found["bodies_held_after_build"] == 0  # forgotten once read, before the site was written
    assert found["extracted_by_build"] == 0
    assert len(found["key_points_per_page"]) == 12
    assert min(found["key_points_per_page"]) >= 1  # every brief page has its card
