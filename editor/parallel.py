"""Check many briefs on every core, and keep in this process what the workers worked out.

Checking a brief renders its body and extracts its card; `make html` then builds in the same process and reuses
both (plugin_support.memo). :func:`map_sharing` runs a function over the items in forked worker processes, each
taking contiguous chunks, and brings back, with the results in order, every memo entry a worker added, so the
build finds them as if this process had done the work.

It falls back to a plain loop, in this process, when there is one core, few items, no ``fork`` on this system, or
other threads running (a devserver's: forking beside threads can copy a lock some thread holds).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from typing import Any, TypeVar

from reality_check.plugins.plugin_support.cores import available_cores, leave_ctrl_c_to_the_parent
from reality_check.plugins.plugin_support.memo import ProcessMemo

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a worker's start costs more than it saves.
MIN_ITEMS = 64
CHUNKS_PER_WORKER = 4

# The job a forked worker runs: set just before the workers are forked, so they inherit it instead of having the
# function and its arguments pickled (settings hold Markdown engines, which do not pickle).
_job: tuple[Callable[[Any], Any], Sequence[Any], Sequence[ProcessMemo]] | None = None


def can_fork_workers() -> bool:
    """Whether worker processes can be forked safely here and now."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def map_sharing(
    func: Callable[[T], R],
    items: Sequence[T],
    memos: Sequence[ProcessMemo],
    *,
    workers: int | None = None,
    min_items: int | None = None,
) -> list[R]:
    """``[func(item) for item in items]``, on `workers` processes (default: one per core) when there are at least
    `min_items` (default MIN_ITEMS); every entry the workers add to `memos` is added to this process's too."""
    global _job
    workers = available_cores() if workers is None else workers
    min_items = MIN_ITEMS if min_items is None else min_items
    if workers <= 1 or len(items) < min_items or not can_fork_workers():
        return [func(item) for item in items]
    size = -(-len(items) // (workers * CHUNKS_PER_WORKER))
    chunks = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _job = (func, items, memos)
    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("fork"), initializer=leave_ctrl_c_to_the_parent
    )
    try:
        results: list[R] = []
        for chunk_results, entries in pool.map(_run_chunk, chunks):
            results.extend(chunk_results)
            for memo, added in zip(memos, entries, strict=True):
                memo.update(added)
        return results
    finally:  # on Ctrl-C or an error, the chunks not started are dropped
        pool.shutdown(cancel_futures=True)
        _job = None


def _run_chunk(bounds: tuple[int, int]) -> tuple[list[Any], list[dict[Hashable, Any]]]:
    """In a worker: the results of items[start:end], and what each memo gained meanwhile."""
    assert _job is not None, "map_sharing sets the job before forking"
    func, items, memos = _job
    with ExitStack() as stack:
        recordings = [stack.enter_context(memo.recording()) for memo in memos]
        return [func(item) for item in items[bounds[0] : bounds[1]]], recordings
