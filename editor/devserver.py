"""``make devserver``: serve the preview, and on every save re-check the briefs and rebuild.

Pelican's server (``--listen``) serves the output folder and keeps serving when a brief is broken. Pelican's
messages can be long (a YAML error comes with a traceback), so every save also prints the result of
``make check``: one ``path:line: message`` per problem.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import watchfiles
from pelican.settings import read_settings

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


# Settings every preview build gets: each brief's page lists what `make check` finds in it (plugins/preview_problems).
PREVIEW_SETTINGS: dict[str, object] = {"PREVIEW_PROBLEMS": True}


def build_command(
    content: Path,
    output: Path,
    settings_file: Path,
    extra: list[str],
    overrides: dict[str, object] | None = None,
) -> list[str]:
    pairs = [
        f"{name}={json.dumps(value)}" for name, value in {**PREVIEW_SETTINGS, **(overrides or {})}.items()
    ]
    return [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-o",
        str(output),
        "-s",
        str(settings_file),
        "-e",
        *pairs,
        *extra,
    ]


def server_command(output: Path, settings_file: Path, host: str, port: int) -> list[str]:
    return [
        sys.executable, "-m", "pelican", "--listen", "--bind", host, "--port", str(port),
        "-o", str(output), "-s", str(settings_file),
    ]  # fmt: skip


def watched_paths(content: Path, settings_file: Path) -> list[Path]:
    """Where a save should rebuild the preview: the content, the theme and the settings file."""
    theme = Path(read_settings(str(settings_file))["THEME"])
    return [p for p in (content, theme, settings_file) if p.exists()]


def serve(
    content: Path,
    output: Path,
    settings_file: Path,
    host: str,
    port: int,
    extra: list[str],
    overrides: dict[str, object] | None = None,
) -> int:
    """Serve the preview until Ctrl-C; on every save, re-check the briefs and rebuild.

    Pelican's own ``--autoreload`` starts watching again only after each build, so a file saved while a
    build runs is missed. Here one watcher runs for the whole session and hands over every change saved
    meanwhile, so the preview always ends up matching the files. A build that fails leaves the server
    running with the last good pages.
    """
    settings = load_settings(settings_file)
    report(content, settings)
    build = build_command(content, output, settings_file, extra, overrides)
    subprocess.run(build, check=False)
    output.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen(server_command(output, settings_file, host, port), start_new_session=True)
    print(f"Preview at http://{host}:{port}/ (Ctrl-C to stop). Save a file and reload the page to see it.")
    stopped = threading.Event()
    threading.Thread(target=_wait_then_set, args=(server, stopped), daemon=True).start()
    previous = signal.signal(signal.SIGTERM, _exit_on_signal)
    try:
        for changes in watchfiles.watch(
            *watched_paths(content, settings_file), stop_event=stopped, debounce=400, raise_interrupt=False
        ):
            names = ", ".join(sorted(os.path.relpath(path) for _, path in changes))
            print(f"-> Saved: {names}. Rebuilding...", flush=True)
            report(content, settings)
            subprocess.run(build, check=False)
    finally:
        signal.signal(signal.SIGTERM, previous)
        _stop(server)
    return server.returncode if server.returncode and server.returncode > 0 else 0


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
