"""Level 1: drawing missing cache files beside the build, and placing cached files into the output."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

from reality_check.plugins.drawn_files import DrawingPool, pool, worker_count
from reality_check.plugins.plugin_support.cores import available_cores
from reality_check.plugins.plugin_support.files import link_or_copy, write_atomically


def draw_text(path: Path, text: str) -> Path:
    """A job: what a drawing plugin's job does, with text instead of a picture."""
    write_atomically(path, f"{text} (drawn by {os.getpid()})".encode())
    return path


def draw_slowly(path: Path, text: str) -> Path:
    time.sleep(0.2)
    return draw_text(path, text)


def draw_after_pelican(path: Path, text: str, gate: Path, pelican: int) -> Path:
    """A job a worker holds until Pelican's process (`pelican`) has drawn one itself, which opens `gate`."""
    if os.getpid() == pelican:
        gate.touch()
    else:
        deadline = time.monotonic() + 60
        while not gate.exists() and time.monotonic() < deadline:
            time.sleep(0.005)
    return draw_text(path, text)


def children() -> set[int]:
    """The worker processes this process has running."""
    return {process.pid for process in multiprocessing.active_children()}


def jobs(folder: Path, count: int, draw=draw_text) -> dict[Path, tuple]:
    return {folder / f"{i}.txt": (draw, (f"file {i}",)) for i in range(count)}


def test_written_files_are_whole_and_readable_by_all(tmp_path):
    target = tmp_path / "deep" / "file.bin"
    write_atomically(target, b"data")
    assert target.read_bytes() == b"data"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["file.bin"]  # no temporary file left


def test_every_job_is_drawn_once(tmp_path):
    pool = DrawingPool("drawn_files_test", workers=1, min_parallel=2)
    todo = jobs(tmp_path, 12)
    pool.start(todo)
    assert pool.finish() == 12
    texts = [path.read_text() for path in todo]
    assert all(text.startswith(f"file {i} ") for i, text in enumerate(texts))
    assert pool.finish() == 12  # finishing twice draws nothing more


def test_pelicans_process_draws_the_jobs_no_worker_has_started(tmp_path):
    pool = DrawingPool("drawn_files_test", workers=1, min_parallel=2)
    gate = tmp_path / "gate"
    # The worker holds the first job it takes until Pelican's process draws one: however fast the worker and
    # however slow this process, jobs are left that only Pelican's process can draw.
    todo = {tmp_path / f"{i}.txt": (draw_after_pelican, (f"file {i}", gate, os.getpid())) for i in range(6)}
    pool.start(todo)
    assert pool.finish() == 6
    drawers = [path.read_text().rsplit("(drawn by ", 1)[1].rstrip(")") for path in todo]
    assert str(os.getpid()) in drawers


def test_few_jobs_are_drawn_in_pelicans_process_when_asked_for(tmp_path):
    pool = DrawingPool("drawn_files_test", workers=1)  # fewer than MIN_PARALLEL: no worker started
    todo = jobs(tmp_path, 3)
    pool.start(todo)
    first = next(iter(todo))
    assert not first.exists()
    assert pool.wait_for(first) is True
    assert first.read_text().endswith(f"(drawn by {os.getpid()})")
    assert pool.wait_for(first) is False  # done already: not drawn again
    assert pool.finish() == 3


def test_place_links_the_cached_file_and_replaces_what_was_there(tmp_path):
    source = tmp_path / "cache" / "abc.pdf"
    write_atomically(source, b"cached")
    destination = tmp_path / "output" / "briefs" / "x" / "brief.pdf"
    destination.parent.mkdir(parents=True)
    destination.write_bytes(b"old")
    link_or_copy(source, destination)
    assert destination.read_bytes() == b"cached"
    assert destination.stat().st_ino == source.stat().st_ino
    linked = destination.stat().st_ctime_ns
    link_or_copy(source, destination)  # an unchanged brief's file, placed again by the next build
    assert destination.stat().st_ctime_ns == linked  # left as it is: not unlinked and linked again


def test_worker_count():
    assert worker_count(0) == 0
    assert worker_count("3") == 3
    assert worker_count(None) == available_cores() - 1


def test_workers_are_counted_on_the_cores_this_process_may_use(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 64)  # the machine has more than the process may use
    assert available_cores() == 3
    assert pool.worker_count(None) == 2
    assert pool.worker_count(0) == 0  # the setting wins


def test_on_one_core_pelicans_process_draws(monkeypatch):
    """The settings' tables say "every core but Pelican's": on one core that is none, not a second process."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert pool.worker_count(None) == 0


def test_a_pool_left_unfinished_by_a_failed_build_is_stopped_by_the_next_one(tmp_path):
    """A build that raised between start and finish leaves its workers drawing; the next build's pool of the same
    plugin stops them first, so two builds never draw side by side and no worker outlives its build."""
    earlier = children()  # whatever an earlier test in this process left running is not this test's
    failed = DrawingPool("drawn_files_test", workers=1, min_parallel=2)
    failed.start(jobs(tmp_path / "failed", 40, draw_slowly))
    failed_workers = children() - earlier
    other = DrawingPool("another_plugin", workers=1, min_parallel=2)
    other.start(jobs(tmp_path / "other", 3))

    following = DrawingPool("drawn_files_test", workers=1, min_parallel=2)
    todo = jobs(tmp_path / "next", 4)
    following.start(todo)

    assert not failed.has_workers
    assert failed_workers
    assert not failed_workers & children(), "its workers were left running"
    drawn = sorted((tmp_path / "failed").glob("*")) if (tmp_path / "failed").exists() else []
    assert len(drawn) < 40, "the jobs no worker had started were dropped"
    assert all(path.read_text().startswith("file ") for path in drawn), "whole files only, no temporary file"
    assert other.has_workers, "another plugin's pool is left alone"
    assert following.finish() == 4
    assert all(path.is_file() for path in todo)
    assert other.finish() == 3


def test_a_pool_started_again_stops_its_first_workers(tmp_path):
    earlier = children()
    pool = DrawingPool("drawn_files_test", workers=1, min_parallel=2)
    pool.start(jobs(tmp_path / "first", 40, draw_slowly))
    first_workers = children() - earlier
    todo = jobs(tmp_path / "second", 3)
    pool.start(todo)
    assert first_workers
    assert not first_workers & children()
    assert pool.finish() == 3
    assert all(path.is_file() for path in todo)


def sigint_handler(path: Path, text: str) -> Path:
    """A job that writes its process and what that process does on Ctrl-C."""
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    write_atomically(path, f"{os.getpid()} {'ignores' if ignored else 'stops on'} Ctrl-C".encode())
    return path


def draw_slowly_saying_sigint(path: Path, text: str) -> Path:
    time.sleep(0.1)
    return sigint_handler(path, text)


def test_a_build_that_ended_early_leaves_no_pool_drawing(tmp_path):
    """Ctrl-C during a publish: the build ended, and its process, on its way out, waited for every queued PDF to
    be drawn (20 s at 40 briefs). Every pool still drawing is stopped, the jobs not started dropped."""
    earlier = children()
    first = DrawingPool("drawn_files_test", workers=1, min_parallel=2)
    first.start(jobs(tmp_path / "first", 40, draw_slowly))
    second = DrawingPool("another_plugin", workers=1, min_parallel=2)
    second.start(jobs(tmp_path / "second", 40, draw_slowly))
    started = children() - earlier

    pool.stop_every_pool()

    assert started
    assert not started & children()
    assert not first.has_workers
    assert not second.has_workers
    assert len(list((tmp_path / "first").glob("*"))) < 40


def test_workers_leave_ctrl_c_to_the_pools_process(tmp_path):
    """A worker that died of Ctrl-C mid-job left its pool's process waiting for an answer forever."""
    own = signal.getsignal(
        signal.SIGINT
    )  # whatever it is here (a CI job started in the background ignores it)
    drawing = DrawingPool("drawn_files_test", workers=1, min_parallel=2)
    drawing.start({tmp_path / f"{i}.txt": (draw_slowly_saying_sigint, ("x",)) for i in range(6)})
    assert drawing.finish() == 6
    said = [path.read_text().split(" ", 1) for path in tmp_path.glob("*.txt")]
    by_workers = {what for pid, what in said if int(pid) != os.getpid()}
    assert by_workers == {"ignores Ctrl-C"}
    assert signal.getsignal(signal.SIGINT) == own, "the pool's own process is left as it was"
