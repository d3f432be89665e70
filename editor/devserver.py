"""``make devserver``: serve the preview, and on every save re-check the briefs and rebuild.

A saved brief's page is written first, on its own (:mod:`editor.preview_session`, a fraction of a second at any
archive size), and an open browser tab showing it reloads itself (:mod:`editor.live_reload`, development only).
Then the save prints the result of ``make check`` (one ``path:line: message`` per problem) and the whole site is
rebuilt in this process with Pelican's messages about those same files left out
(:class:`editor.preview_log.PreviewLog`), so each problem is said once, in the checker's words; a tab reloads
again only if its page changed. Editors' temporary files (swap files, back-ups, locks) neither trigger a rebuild
nor appear in the "Saved:" line.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import queue
import signal
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import watchfiles

from reality_check.plugins.brief_registry import Problem, display_path
from reality_check.plugins.brief_registry.arguments import builds, refuse_misplaced_output
from reality_check.plugins.brief_registry.briefs import MARKDOWN_EXTENSIONS
from reality_check.plugins.brief_registry.problems import shown_file
from reality_check.plugins.brief_registry.tempfiles import is_editor_temporary

from . import live_reload
from .build import checks_settings, emptied_if_published, pelican_arguments
from .check import review_content
from .preview_log import PreviewLog
from .preview_problems import ProblemsBanner
from .preview_server import PreviewHandler, http_address, open_server
from .preview_session import PreviewSession
from .settings import EditorSettings

RULE = "-" * 72


def report(content: Path, settings: EditorSettings) -> list[Problem]:
    """Print what `make check` would say; return the problems."""
    try:
        review = review_content(content, settings)
    except Exception as error:  # a bug in a check must not stop the preview
        print(f"make check could not run: {error!r}", flush=True)
        return []
    problems = list(review.problems)
    warned = f" and {len(review.warnings)} warning(s)" if review.warnings else ""
    print(RULE)
    if problems:
        print(
            f"make check: {len(problems)} problem(s){warned}; the preview may be missing or out of date until "
            "fixed:"
        )
    else:
        print(f"make check: every brief passes{'; ' + warned.removeprefix(' and ') + ':' if warned else '.'}")
    findings = [(problem, str(problem)) for problem in problems]
    findings += [(warning, warning.as_warning()) for warning in review.warnings]
    for _, line in sorted(findings):
        print(f"  {line}")
    print(RULE, flush=True)
    return problems


def known_paths(content: Path, problems: list[Problem]) -> list[str]:
    """The files the check reported: as the check shows them, absolute, and relative to the content folder
    (Pelican uses all three: "Could not process briefs/x.md")."""
    return path_forms(content, [p.path for p in problems])


def path_forms(content: Path, shown: Iterable[str]) -> list[str]:
    """Each file as the check shows it (relative to the content folder's parent), absolute, and relative to the
    content folder."""
    return [
        form
        for path in dict.fromkeys(shown)
        for form in (
            path,
            shown_file(path, content),
            os.path.relpath(shown_file(path, content), os.path.abspath(content)),
        )
    ]


def rebuild(
    content: Path,
    output: Path,
    session: PreviewSession,
    log: PreviewLog,
    settings: EditorSettings,
    banner: ProblemsBanner | None = None,
) -> None:
    """Check, then build the whole site; each problem is printed once (and shown on its brief's page)."""
    problems = report(content, settings)
    if banner is not None:
        banner.update(problems)
    log.known = tuple(filter(None, known_paths(content, problems)))
    before = session.pages_by_source()
    if session.build(emptied_if_published(output)) and banner is not None and before:
        banner.record_moves(before, session.pages_by_source())


def preview_saved(content: Path, paths: list[str], session: PreviewSession, log: PreviewLog) -> None:
    """Write the saved briefs' pages at once (the rest of the site follows); an open tab showing one reloads.

    What the plugins say of a saved brief meanwhile is left to the check that runs next, which says it once, in
    its own words (the plugins' words came first, several problems on one line)."""
    start = time.perf_counter()
    saved = [display_path(p, str(content)) for p in paths]
    with log.also_known(path_forms(content, saved)):
        written = session.preview(p for p in paths if p.rpartition(".")[2] in MARKDOWN_EXTENSIONS)
    if written:
        shown = ", ".join(written)
        print(f"-> Updated {shown} ({time.perf_counter() - start:.2f} s); rebuilding the rest...", flush=True)


def watched_paths(content: Path, settings_file: Path, theme: Path | None) -> list[Path]:
    """Where a save should rebuild the preview: the content, the theme the builds use (PELICANOPTS's -e THEME
    included) and the settings file."""
    return [p for p in (content, theme, settings_file) if p is not None and p.exists()]


class SiteFilter(watchfiles.DefaultFilter):
    """watchfiles' default filter, plus every editor's temporary files."""

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        return super().__call__(change, path) and not is_editor_temporary(path)


class Saves:
    """The files saved since the last call of `next`, watched from `start` on by one watcher in a thread.

    The watcher is running when `start` returns, so a save made during the first build (or while any build
    runs) is never missed: it waits in the queue and is handed over when that build is done.
    """

    def __init__(self, paths: list[Path]) -> None:
        self._paths = paths
        self._queue: queue.Queue[set[tuple[watchfiles.Change, str]]] = queue.Queue()
        self._stop = threading.Event()
        self._ready = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._watch, daemon=True).start()
        self._ready.wait()

    def _watch(self) -> None:
        # yield_on_timeout: the first (empty) answer says the watcher is running; later empty ones are skipped.
        for changes in watchfiles.watch(
            *self._paths,
            watch_filter=SiteFilter(),
            debounce=400,
            rust_timeout=200,
            yield_on_timeout=True,
            stop_event=self._stop,
            raise_interrupt=False,
        ):
            self._ready.set()
            if changes:
                self._queue.put(changes)
        self._ready.set()

    def next(self) -> set[tuple[watchfiles.Change, str]]:
        """Every change saved since the last call, waiting for one if there is none yet.

        The wait wakes every STOP_POLL seconds: Ctrl-C or SIGTERM may reach another of the process's threads (the
        system picks one), and Python runs its handler in the main thread only when that thread runs again: a
        wait with no end held the preview past its stop, with nothing said, until the tests' 30 s were up."""
        while True:
            try:
                changes = set(self._queue.get(timeout=STOP_POLL))
                break
            except queue.Empty:
                continue
        while not self._queue.empty():
            changes |= self._queue.get_nowait()
        return changes

    def stop(self) -> None:
        self._stop.set()


# How often the server looks for a request to stop (seconds): Ctrl-C stops the preview within this time
# (http.server's default, 0.5 s, was most of the time the preview took to stop).
STOP_POLL = 0.05

# Once asked to stop (Ctrl-C, SIGTERM), the preview has this long (seconds) to finish stopping; past it, where each
# of its threads stands is printed, to show what held it, and the process ends (exit status 1).
STOP_DEADLINE = 20.0


def serve(
    content: Path,
    output: Path,
    settings_file: Path,
    host: str,
    port: int,
    extra: list[str],
    command: str = "make devserver",
) -> int:
    """Serve the preview until Ctrl-C; on every save, re-check the briefs and rebuild.

    An output folder no build may write into (the project's, the content folder…) is refused first
    (MisplacedOutputError, `command` naming what was run); then the port is bound, so a busy one is reported before
    anything is built (PortBusyError). One watcher runs for the whole session and hands over every change saved
    meanwhile (Pelican's own ``--autoreload`` starts watching again only after each build, and misses a file saved
    during one), so the preview always ends up matching the files. A build that fails leaves the last good pages
    served.
    """
    refuse_misplaced_output(output, content, Path.cwd(), builds(command))
    pelican_argv = pelican_arguments(content, output, settings_file, extra)
    settings = checks_settings(pelican_argv)  # the builds' own settings, PELICANOPTS's -e included
    server = open_server(output, host, port, "devserver", handler=PreviewHandler)
    port = server.server_address[1]  # PORT=0 asks the system for a free one: this is the one it gave
    session = PreviewSession(pelican_argv)
    banner = ProblemsBanner(content, settings, session.page_of)
    banner.install(server)
    live_reload.install(server)  # after the banner: a problem that appears or goes reloads the page too
    log = _take_over_logging()
    previous = {sig: signal.signal(sig, _stop_on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    serving: threading.Thread | None = None
    saves = Saves(watched_paths(content, settings_file, settings.theme))
    try:
        saves.start()  # before the first build: a file saved while it runs is rebuilt right after it
        rebuild(content, output, session, log, settings, banner)
        output.mkdir(parents=True, exist_ok=True)
        serving = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": STOP_POLL}, daemon=True
        )
        serving.start()
        print(
            f"Preview at {http_address(host, port)}/ (Ctrl-C to stop). Save a file: the open page reloads itself.",
            flush=True,
        )
        try:
            while True:
                changes = saves.next()
                names = ", ".join(sorted({display_path(path, str(content)) for _, path in changes}))
                print(f"-> Saved: {names}. Rebuilding...", flush=True)
                preview_saved(content, sorted({path for _, path in changes}), session, log)
                rebuild(content, output, session, log, settings, banner)
        except KeyboardInterrupt:  # Ctrl-C: stop serving, as Pelican's own server does
            pass
    finally:
        saves.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if serving is not None:
            server.shutdown()
        server.server_close()
        faulthandler.cancel_dump_traceback_later()  # stopped: what comes next is the caller's (make cms's)
    return 0


def _take_over_logging() -> PreviewLog:
    """Pelican's warnings, one line each, minus those about files the check reported (set per build)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    log = PreviewLog(())
    root.addHandler(log)
    return log


def end_within_deadline() -> None:
    """Once a command is done, its process has STOP_DEADLINE to end: Python's own exit waits for the pools of the
    checks and drawings and for their processes, and a wait that hangs would hold the process (and its caller, a
    stopped preview's make) with nothing said. Past the deadline, where each thread stands is printed and it ends
    (status 1). Armed by ``python -m reality_check.editor`` only: a caller of ``cli.main`` that goes on (a test)
    must not have it."""
    faulthandler.dump_traceback_later(STOP_DEADLINE, exit=True)


def _stop_on_signal(signum: int, frame: object) -> None:
    """Ctrl-C (KeyboardInterrupt) or SIGTERM (exit status 0): stop, within STOP_DEADLINE."""
    faulthandler.dump_traceback_later(STOP_DEADLINE, exit=True)
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(0)
