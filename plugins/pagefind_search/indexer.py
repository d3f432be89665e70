"""Run the Pagefind binary (PyPI's pagefind[bin]) over a built site and read what it reports."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
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


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def pages_glob(save_as_patterns: Iterable[str]) -> str | None:
    """The glob (Pagefind's ``--glob``) of the pages Pelican saves under `save_as_patterns` (``ARTICLE_SAVE_AS``
    and the like): each ``{slug}``-style placeholder matches any name. None when no pattern is set (index all)."""
    globs = list(dict.fromkeys(_PLACEHOLDER.sub("*", p.lstrip("/")) for p in save_as_patterns if p))
    if not globs:
        return None
    return globs[0] if len(globs) == 1 else "{" + ",".join(globs) + "}"


def pagefind_command(site: Path, glob: str | None = None) -> list[str]:
    """The command that indexes `site` in place (only the files `glob` matches, when given), writing the bundle
    to `site`/pagefind/."""
    return [sys.executable, "-m", "pagefind", "--site", str(site), *(["--glob", glob] if glob else [])]


def parse_summary(output: str) -> PagefindResult:
    """Read "Indexed N pages / words / filters" from Pagefind's report (singular or plural)."""

    def count(noun: str) -> int:
        match = re.search(rf"Indexed (\d+) {noun}s?\b", output)
        return int(match.group(1)) if match else 0

    return PagefindResult(count("page"), count("word"), count("filter"), output)


@dataclass(frozen=True)
class PagefindRun:
    """Pagefind indexing a site in its own process, started by :func:`start_pagefind`."""

    site: Path
    process: subprocess.Popen

    def finish(self) -> PagefindResult:
        """Wait for Pagefind; its summary, or PagefindError with Pagefind's own words."""
        try:
            stdout, stderr = self.process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise PagefindError(f"pagefind did not finish within {TIMEOUT_SECONDS} s") from None
        output = stdout + stderr
        if self.process.returncode != 0:
            detail = " ".join(output.split())[-500:] or f"exit status {self.process.returncode}"
            if "No module named pagefind" in output or "executable" in output.lower():
                detail += " (install the pinned requirements: pip install -r requirements.txt)"
            raise PagefindError(f"pagefind failed on {self.site}: {detail}")
        return parse_summary(output)


def start_pagefind(site: Path, glob: str | None = None) -> PagefindRun:
    """Start indexing `site` (the files `glob` matches) in another process (it uses another core while the build
    goes on)."""
    if not Path(site).is_dir():
        raise PagefindError(f"{site}: no built site to index (the folder does not exist)")
    process = subprocess.Popen(
        pagefind_command(site, glob), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    return PagefindRun(Path(site), process)


def run_pagefind(site: Path, glob: str | None = None) -> PagefindResult:
    """Index the built site; raise PagefindError with Pagefind's own words when it fails."""
    return start_pagefind(site, glob).finish()
