"""A timed build: one child process run to its end, with what it cost (bench/run.py and bench/pdf.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from reality_check.editor import PROJECT_FOLDER

ROOT = PROJECT_FOLDER


@dataclass(frozen=True)
class Run:
    """One build: its wall time, the peak resident memory of its largest process, and the processor time it
    used, its own and its children's (all three from wait4)."""

    seconds: float
    max_rss_mb: float
    cpu_seconds: float = 0.0


def timed(cmd: list[str], env: dict[str, str] | None = None) -> Run:
    """Run `cmd` in the project folder to its end; a failure stops the bench with the command, its exit status
    and the end of its output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(output.decode(errors="replace")[-4000:])
        raise SystemExit(f"build failed ({code}): {' '.join(cmd)}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def cache_args(cache: Path, *, pdf: bool = False) -> list[str]:
    """Pelican's ``-e`` for a build that keeps and reuses its caches in `cache`, with or without the PDF edition:
    one ``-e``, since Pelican keeps only the last it is given."""
    return [
        "-e",
        "CACHE_CONTENT=true",
        "LOAD_CONTENT_CACHE=true",
        f'CACHE_PATH="{cache}"',
        f"PDF_EDITION={'true' if pdf else 'false'}",
    ]
