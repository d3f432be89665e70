"""Draw missing cache files in worker processes beside the build."""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from reality_check.plugins.plugin_support.cores import available_cores, leave_ctrl_c_to_the_parent
from reality_check.plugins.plugin_support.plugin_settings import whole_number
from reality_check.plugins.plugin_support.unfinished import Unfinished

Draw = Callable[..., object]


class Job(NamedTuple):
    """What draws one file: ``draw(path, *args)`` writes `path` (and whatever belongs with it)."""

    draw: Draw
    args: tuple


# Fewer missing files than this are drawn in Pelican's own process: a worker would cost more than it saves.
MIN_PARALLEL = 8


def cache_folder(settings: Mapping[str, object], configured: object, name: str) -> Path:
    """Where a drawing plugin keeps its drawn files between builds: the folder its own setting names
    (`configured`), else `name` in Pelican's CACHE_PATH."""
    return Path(str(configured or os.path.join(str(settings.get("CACHE_PATH", "cache")), name)))


def worker_count(configured: object, setting: str = "workers") -> int:
    """Processes that draw beside Pelican: `configured` (the value of the site's `setting`) if set, else every core
    but the one Pelican uses (none on a one-core machine, where Pelican's process draws)."""
    if configured is not None:
        return whole_number(setting, configured, minimum=0, default="None: every core but one")
    return available_cores() - 1


# Pools whose workers were started and not yet stopped, in this process.
STARTED: Unfinished[DrawingPool] = Unfinished(lambda pool: pool.stop())


def stop_every_pool() -> None:
    """Stop the workers of every pool this process started and did not stop: what a build that ended early (an
    error, Ctrl-C) left drawing. Otherwise the process, on its way out, waited for every file queued to be drawn
    (20 s after a Ctrl-C at 40 briefs)."""
    STARTED.abandon()


class DrawingPool:
    """The cache files one build still has to draw, and the worker processes drawing them.

    ``start`` hands the jobs to workers (forked, so they share what Pelican has loaded: every build has another
    thread by then, Pelican's progress display, and the devserver its web server, but a worker runs only the
    drawing function it is handed, pickled, which takes none of their locks; Python's fork server instead cost a
    cold build at 300 briefs 0.1 to 0.2 s, measured); ``wait_for`` makes sure
    one file is there, drawing it in Pelican's own process if no worker has started it yet; ``finish`` does the
    same for every job left, so Pelican's process never idles while the workers finish.

    A build that stops with an error never reaches ``finish``: the next pool of the same label that starts in this
    process (the devserver's next build) first stops that one's workers, and the files they had not drawn are
    drawn when a build needs them again.
    """

    def __init__(
        self, label: str, workers: int, min_parallel: int = MIN_PARALLEL, *, log: logging.Logger | None = None
    ) -> None:
        self.label = label  # the drawing plugin's name: the start of each message
        self._log = log or logging.getLogger(__name__)  # the drawing plugin's logger, given
        self.workers = workers
        self.min_parallel = min_parallel
        self._jobs: dict[Path, Job] = {}
        self._futures: dict[Path, Future] = {}
        self._pool: ProcessPoolExecutor | None = None
        self.drawn = 0

    def start(self, jobs: Mapping[Path, Job]) -> None:
        """Start drawing `jobs` (cache path -> job) beside the build, if there are enough to be worth it."""
        # A pool of this plugin a failed build left (or this one, started before) stops first.
        STARTED.abandon(lambda pool: pool.label == self.label)
        self._jobs = dict(jobs)
        if len(self._jobs) < self.min_parallel or self.workers == 0:
            return  # drawn one by one, in Pelican's process, as they are needed
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=leave_ctrl_c_to_the_parent,
        )
        self._futures = {path: self._pool.submit(draw, path, *args) for path, (draw, args) in jobs.items()}
        STARTED.track(self)
        self._log.info(
            "%s: drawing %d files beside the build (%d workers)", self.label, len(self._jobs), self.workers
        )

    def wait_for(self, path: Path) -> bool:
        """Make sure the job that draws `path` is done; False when this build has no such job."""
        job = self._jobs.pop(path, None)
        if job is None:
            return False
        future = self._futures.pop(path, None)
        if future is None or future.cancel():
            draw, args = job
            draw(path, *args)
        else:
            future.result()
        self.drawn += 1
        return True

    def finish(self) -> int:
        """Finish every job (errors are raised here) and stop the workers; the number of files drawn."""
        try:
            for path in list(self._jobs):
                if path in self._futures and not self._futures[path].cancel():
                    continue  # a worker has it; collected below
                self.wait_for(path)
            for path in list(self._jobs):
                self.wait_for(path)
            return self.drawn
        finally:
            self.stop()

    @property
    def has_workers(self) -> bool:
        """Whether worker processes were started and not yet stopped."""
        return self._pool is not None

    def stop(self) -> None:
        """Stop the workers: a file one of them is drawing is finished, the jobs none has started are dropped."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        STARTED.take(lambda pool: pool is self)
        self._pool, self._jobs, self._futures = None, {}, {}
