"""``make devserver``: Pelican's own rebuild-on-save server, plus the editors' checks after every save.

Pelican rebuilds and serves the site (``--autoreload --listen``) and keeps serving when a brief is broken. Its
messages can be long (a YAML error comes with a traceback), so every time a file under the content folder
changes this also prints the result of ``make check``: one ``path:line: message`` per problem.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import watchfiles

from .check import check_content
from .settings import EditorSettings, load_settings

RULE = "-" * 72


def report(content: Path, settings: EditorSettings) -> int:
    """Print what `make check` would say; the number of problems."""
    try:
        problems = check_content(content, settings)
    except Exception as error:  # a bug in a check must not stop the preview
        print(f"make check could not run: {error!r}", flush=True)
        return 0
    print(RULE)
    if problems:
        print(
            f"make check: {len(problems)} problem(s); the preview may be missing or out of date until fixed:"
        )
        for problem in problems:
            print(f"  {problem}")
    else:
        print("make check: every brief passes.")
    print(RULE, flush=True)
    return len(problems)


def pelican_command(
    content: Path, output: Path, settings_file: Path, host: str, port: int, extra: list[str]
) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pelican",
        "--autoreload",
        "--listen",
        "--bind",
        host,
        "--port",
        str(port),
        str(content),
        "-o",
        str(output),
        "-s",
        str(settings_file),
        *extra,
    ]


def serve(content: Path, output: Path, settings_file: Path, host: str, port: int, extra: list[str]) -> int:
    """Run Pelican's development server until it stops or Ctrl-C; re-check the briefs on every change.

    Pelican runs in its own process group (it forks a builder and a server), so stopping it stops all three.
    """
    settings = load_settings(settings_file)
    print(f"Preview at http://{host}:{port}/ (Ctrl-C to stop). Save a file and reload the page to see it.")
    report(content, settings)
    pelican = subprocess.Popen(
        pelican_command(content, output, settings_file, host, port, extra), start_new_session=True
    )
    stopped = threading.Event()
    threading.Thread(target=_wait_then_set, args=(pelican, stopped), daemon=True).start()
    previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        for _changes in watchfiles.watch(content, stop_event=stopped, debounce=400, raise_interrupt=False):
            report(content, settings)
    finally:
        signal.signal(signal.SIGTERM, previous)
        _stop(pelican)
    return pelican.returncode if pelican.returncode and pelican.returncode > 0 else 0


def _wait_then_set(process: subprocess.Popen, event: threading.Event) -> None:
    process.wait()
    event.set()


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _stop(process: subprocess.Popen) -> None:
    """Stop Pelican and the processes it started; force them after ten seconds."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
