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

import pytest
from parallel_probe import square_noting_pid

import reality_check.editor.parallel as parallel
from reality_check.plugins.plugin_support.memo import ProcessMemo

TESTS = Path(__file__).parent
# The three probes one after another in one fresh interpreter, each in a folder of its own and starting, as in a
# process of its own, with no rendered body and no extracted card in the process's memos.
PROBES = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import parallel_probe
from reality_check.plugins.brief_registry.rendering import forget_rendered
from reality_check.plugins.summary_card.cache import forget_extractions
found = {}
for case in ("map", "check", "build"):
    forget_rendered()
    forget_extractions()
    folder = Path(sys.argv[2]) / case
    folder.mkdir()
    found[case] = getattr(parallel_probe, "probe_" + case)(folder)
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def probed(tmp_path_factory) -> dict:
    """What each probe of tests/parallel_probe.py found, by case."""
    folder = tmp_path_factory.mktemp("parallel-probes")
    done = subprocess.run(
        [sys.executable, "-c", PROBES, str(TESTS), str(folder)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_workers_return_results_in_order_and_send_back_what_they_remembered(probed):
    found = probed["map"]
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


def test_checking_on_two_cores_finds_what_one_core_finds_and_keeps_the_bodies_and_cards(probed):
    found = probed["check"]
    assert found["forked"]
    assert found["same"]
    assert (
        found["problems"] >= found["bad_briefs"] >= 6
    )  # the bad briefs' problems came back from the workers
    # The workers' renderings and extractions are this process's: checking again rendered nothing new.
    assert min(found["held"]) >= 12
    assert found["held_after_again"] == found["held"]


def test_the_build_after_checks_on_two_cores_renders_and_extracts_no_brief_again(probed):
    found = probed["build"]
    assert found["forked"]
    assert found["problems"] == 0
    assert found["briefs_rendered_by_build"] == 0
    assert found["bodies_held_after_build"] == 0  # forgotten once read, before the site was written
    assert found["extracted_by_build"] == 0
    assert len(found["key_points_per_page"]) == 12
    assert min(found["key_points_per_page"]) >= 1  # every brief page has its card
