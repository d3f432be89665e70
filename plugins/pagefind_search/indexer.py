"""Run the Pagefind binary (PyPI's pagefind[bin]) over a built site and read what it reports."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from drawn_files import place

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


STAGING_PREFIX = "pagefind-pages-"  # the folder of the pages to index, while Pagefind runs


def pagefind_command(site: Path, bundle: Path | None = None) -> list[str]:
    """The command that indexes the HTML files of `site`, writing the bundle to `bundle` (default:
    `site`/pagefind/)."""
    return [
        sys.executable, "-m", "pagefind", "--site", str(site),
        *(["--output-path", str(bundle.resolve())] if bundle is not None else []),
    ]  # fmt: skip


def stage_pages(site: Path, pages: Iterable[str], parent: Path | None = None) -> Path:
    """A new folder in `parent` (default: beside `site`) holding the files `pages` (paths relative to `site`) at the
    same paths, each a hard link to the built file (a copy where links cannot be made); a page not built is left
    out."""
    parent = Path(parent) if parent is not None else site.parent
    staging = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=parent))
        for page in pages:
            built = site / page
            if built.is_file():
                place(built, staging / page)
    except OSError as error:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise PagefindError(f"cannot gather the pages to index in {parent}: {error}") from error
    return staging


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
    staging: Path | None = None  # the folder of the pages given to index, removed when Pagefind is done

    def abandon(self) -> None:
        """Stop Pagefind and remove the pages' folder: the build it indexed for stopped before waiting for it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)

    def finish(self) -> PagefindResult:
        """Wait for Pagefind; its summary, or PagefindError with Pagefind's own words."""
        try:
            stdout, stderr = self.process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise PagefindError(f"pagefind did not finish within {TIMEOUT_SECONDS} s") from None
        finally:
            if self.staging is not None:
                shutil.rmtree(self.staging, ignore_errors=True)
        output = stdout + stderr
        if self.process.returncode != 0:
            detail = " ".join(output.split())[-500:] or f"exit status {self.process.returncode}"
            if "No module named pagefind" in output or "executable" in output.lower():
                detail += " (install the pinned requirements: pip install -r requirements.txt)"
            raise PagefindError(f"pagefind failed on {self.site}: {detail}")
        return parse_summary(output)


def start_pagefind(
    site: Path, pages: Iterable[str] | None = None, staging_parent: Path | None = None
) -> PagefindRun:
    """Start indexing `site` in another process (it uses another core while the build goes on), writing the
    bundle to `site`/pagefind/.

    Given `pages` (paths relative to `site`), Pagefind reads exactly those files, linked into a folder of their own
    in `staging_parent` (:func:`stage_pages`; removed when Pagefind is done): no other page of the site, not one
    being written beside it, and not one an earlier build into the same folder left behind (a brief since
    deleted, or renamed by a new title).
    """
    site = Path(site)
    if not site.is_dir():
        raise PagefindError(f"{site}: no built site to index (the folder does not exist)")
    staging = stage_pages(site, pages, staging_parent) if pages is not None else None
    command = pagefind_command(staging, site / "pagefind") if staging else pagefind_command(site)
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as error:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        raise PagefindError(f"cannot start pagefind: {error}") from error
    return PagefindRun(site, process, staging)


def run_pagefind(site: Path, pages: Iterable[str] | None = None) -> PagefindResult:
    """Index the built site (only `pages`, when given); raise PagefindError with Pagefind's own words when it
    fails."""
    return start_pagefind(site, pages).finish()
