"""Run the Pagefind binary (PyPI's pagefind[bin]) over a built site and read what it reports."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_SECONDS = 300


class PagefindError(Exception):
    """Pagefind could not be run, or it failed to index the site."""


@dataclass(frozen=True)
class PagefindResult:
    """What one indexing run produced, from Pagefind's own summary."""

    pages: int
    words: int
    filters: int
    output: str


def pagefind_command(site: Path) -> list[str]:
    """The command that indexes `site` in place, writing the bundle to `site`/pagefind/."""
    return [sys.executable, "-m", "pagefind", "--site", str(site)]


def parse_summary(output: str) -> PagefindResult:
    """Read "Indexed N pages / words / filters" from Pagefind's report (singular or plural)."""

    def count(noun: str) -> int:
        match = re.search(rf"Indexed (\d+) {noun}s?\b", output)
        return int(match.group(1)) if match else 0

    return PagefindResult(count("page"), count("word"), count("filter"), output)


def run_pagefind(site: Path) -> PagefindResult:
    """Index the built site; raise PagefindError with Pagefind's own words when it fails."""
    if not Path(site).is_dir():
        raise PagefindError(f"{site}: no built site to index (the folder does not exist)")
    try:
        done = subprocess.run(
            pagefind_command(site), capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        raise PagefindError(f"pagefind did not finish within {TIMEOUT_SECONDS} s") from None
    output = done.stdout + done.stderr
    if done.returncode != 0:
        detail = " ".join(output.split())[-500:] or f"exit status {done.returncode}"
        if "No module named pagefind" in output or "executable" in output.lower():
            detail += " (install the pinned requirements: pip install -r requirements.txt)"
        raise PagefindError(f"pagefind failed on {site}: {detail}")
    return parse_summary(output)
