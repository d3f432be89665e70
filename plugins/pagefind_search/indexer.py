"""Run the Pagefind binary (PyPI's pagefind[bin]) over a built site and read what it reports."""

from __future__ import annotations

import functools
import json
import math
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from reality_check.plugins.plugin_support.code_digest import code_digest
from reality_check.plugins.plugin_support.digests import digest, folder_stamp
from reality_check.plugins.plugin_support.files import link_or_copy, write_atomically

from .stable import UnexpectedBundleError, stabilize_bundle

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


@functools.cache
def pagefind_executable() -> str:
    """Pagefind's binary, found once per process by the pagefind package's own `get_executable` (the binary
    PAGEFIND_BINARY_PATH names, else the one `pagefind[bin]` installed): started directly, not through
    `python -m pagefind`, which would start a Python and import asyncio for each run (about 0.1 s)."""
    from pagefind.service import get_executable  # imported late: it imports asyncio

    found = get_executable()
    if found is None:
        raise PagefindError("cannot find the pagefind binary: install the pinned requirements (`make venv`)")
    return str(found)


def pagefind_command(site: Path, bundle: Path | None = None) -> list[str]:
    """The command that indexes the HTML files of `site`, writing the bundle to `bundle` (default:
    `site`/pagefind/)."""
    return [
        pagefind_executable(), "--site", str(site),
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
                link_or_copy(built, staging / page)
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

    def stop(self) -> None:
        """Stop Pagefind; :meth:`finish` then reports it failed, and removes the pages' folder."""
        if self.process.poll() is None:
            self.process.kill()

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
            raise PagefindError(f"pagefind failed on {self.site}: {detail}")
        return parse_summary(output)


def built_site(site: Path) -> Path:
    """`site` as a Path, or PagefindError when there is no such folder."""
    site = Path(site)
    if not site.is_dir():
        raise PagefindError(f"{site}: no built site to index (the folder does not exist)")
    return site


def start_pagefind(
    site: Path,
    pages: Iterable[str] | None = None,
    staging_parent: Path | None = None,
    bundle: Path | None = None,
) -> PagefindRun:
    """Start indexing `site` in another process (it uses another core while the build goes on), writing the
    bundle to `bundle` (default: `site`/pagefind/).

    Given `pages` (paths relative to `site`), Pagefind reads exactly those files, linked into a folder of their own
    in `staging_parent` (:func:`stage_pages`; removed when Pagefind is done): no other page of the site, not one
    being written beside it, and not one an earlier build into the same folder left behind (a brief since
    deleted, or renamed by a new title).
    """
    site = built_site(site)
    pagefind_executable()  # a missing binary is said before any page is gathered
    staging = stage_pages(site, pages, staging_parent) if pages is not None else None
    bundle = bundle if bundle is not None else site / "pagefind"
    command = pagefind_command(staging or site, bundle)
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


# --- An archive in parts: one Pagefind at a time, each over a share of the pages -----------------------------------
MAIN_BUNDLE = "pagefind/"


class BriefPage(NamedTuple):
    """A page to index: its path relative to the site, and its language (each language's search finds its own)."""

    path: str
    language: str


@dataclass(frozen=True)
class IndexPart:
    """A share of the pages, indexed by one Pagefind run into a bundle of its own."""

    bundle: str  # the bundle's folder, relative to the site: "pagefind/", then "pagefind/part-2/", ...
    pages: tuple[str, ...]  # paths relative to the site
    languages: frozenset[str]


def part_bundle(number: int) -> str:
    """The folder of part `number` (from 1): Pagefind's own `pagefind/`, then folders inside it, so the site keeps
    one search folder (robots.txt and the hosts' headers name it once)."""
    return MAIN_BUNDLE if number == 1 else f"{MAIN_BUNDLE}part-{number}/"


def plan_parts(
    pages: Sequence[BriefPage], per_part: int, max_parts: int | None = None
) -> tuple[IndexPart, ...]:
    """Share `pages` (in the build's order) among as few parts as keep each at about
    `per_part` pages (at most `per_part` plus one per language), and at most `max_parts` parts: with more pages
    than that holds, the parts grow instead. Both are whole numbers of at least 1 (the settings are checked by
    `settings.index_limits`).

    Pagefind's peak memory grows with the pages one run indexes (about 0.3 MB a brief): parts run one after another
    bound it. Small parts also make an edit cheap, since a kept part is not indexed again, but a search page
    fetches every part of its language, hence the cap. Each language's pages are cut into consecutive runs of the
    same length, one for each part in turn, so the first part holds a page of every language: a search page loads
    the first part that has its language and merges the others that have it (a part without the page's language
    would answer in another).
    """
    count = max(1, math.ceil(len(pages) / per_part))
    if max_parts is not None:
        count = min(count, max_parts)
    by_language: dict[str, list[str]] = {}
    for path, language in pages:
        by_language.setdefault(language, []).append(path)
    shares: list[list[str]] = [[] for _ in range(count)]
    languages: list[set[str]] = [set() for _ in range(count)]
    for language in sorted(by_language):
        paths = by_language[language]
        length = math.ceil(len(paths) / count)
        for number in range(count):
            share = paths[number * length : (number + 1) * length]
            shares[number].extend(share)
            if share:
                languages[number].add(language)
    return tuple(
        IndexPart(part_bundle(number + 1), tuple(share), frozenset(languages[number]))
        for number, share in enumerate(shares)
        if share or number == 0
    )


def bundles_by_language(parts: Sequence[IndexPart]) -> dict[str, list[str]]:
    """For each language, the bundles that hold its pages, the first part's first (the one a search page loads;
    it merges the others)."""
    bundles: dict[str, list[str]] = {}
    for part in parts:
        for language in sorted(part.languages):
            bundles.setdefault(language, []).append(part.bundle)
    return bundles


# --- Parts an earlier build indexed from the same pages, kept -----------------------------------------------------
# What else a bundle is made from besides its pages: this module's way of running Pagefind, stable.py's rewriting,
# and the versions of Pagefind (its Python wrapper and its binary) and of the CBOR library stable.py uses.
_INDEXING_CODE = code_digest(
    Path(__file__).parent,
    [Path(__file__).parent / "indexer.py", Path(__file__).parent / "stable.py"],
    ("pagefind", "pagefind_bin", "cbor2"),
)


def part_inputs(site: Path, part: IndexPart) -> str:
    """A hash of everything a part's bundle is made from: its folder, its pages' paths and bytes, and the code that
    indexes them."""
    pages = []
    for page in part.pages:
        file = site / page
        pages.append(f"{page}\0".encode() + (file.read_bytes() if file.is_file() else b"\0(not built)"))
    return digest(_INDEXING_CODE, part.bundle, *pages)


def bundle_stamp(site: Path, part: IndexPart) -> str:
    """What shows a bundle was changed or removed since it was recorded: each of its files' path, size and
    modification time (the main bundle's without the other parts' folders inside it)."""
    folder = site / part.bundle
    if not folder.is_dir():
        return ""
    return folder_stamp(
        folder, [path for path in sorted(folder.iterdir()) if not path.name.startswith("part-")]
    )


@dataclass(frozen=True)
class KeptPart:
    """A part's bundle as a build left it: what it was made from, its stamp then, and Pagefind's counts."""

    inputs: str
    stamp: str
    pages: int
    words: int
    filters: int

    def result(self) -> PagefindResult:
        return PagefindResult(self.pages, self.words, self.filters, "(unchanged since the last build: kept)")


def read_kept_parts(record: Path, site: Path) -> dict[str, KeptPart]:
    """The parts the last build of `site` recorded in `record`; none when there is no such record (or another
    site's, or one that cannot be read: every part is then indexed)."""
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        if data.get("site") != str(site):
            return {}
        return {bundle: KeptPart(**fields) for bundle, fields in data["parts"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def write_kept_parts(record: Path, site: Path, parts: dict[str, KeptPart]) -> None:
    data = {"site": str(site), "parts": {bundle: vars(kept) for bundle, kept in sorted(parts.items())}}
    write_atomically(record, json.dumps(data, indent=1).encode("utf-8"))


@dataclass
class IndexingRun:
    """The parts of one build's index, indexed one after another by Pagefind in its own process (each run's memory
    is freed before the next starts), from a thread, so the build goes on meanwhile; each bundle is made
    reproducible (stable.py) as soon as it is written. Started by :func:`start_indexing`.

    Given a `record` file, a part whose pages are byte for byte those its bundle was made from in the last build
    (and whose bundle nobody has changed since) is kept as it is, not indexed again; the record is rewritten when
    every part is done."""

    site: Path
    parts: tuple[IndexPart, ...]
    staging_parent: Path | None = None
    record: Path | None = None
    results: list[PagefindResult] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # the bundles kept from the last build
    error: PagefindError | None = None
    current: PagefindRun | None = None
    stopped: bool = False
    _made: dict[str, KeptPart] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)

    def start(self) -> IndexingRun:
        """Start indexing the parts, in a thread; this run."""
        self._thread = threading.Thread(target=self._index_each_part, name="pagefind", daemon=True)
        self._thread.start()
        return self

    def _index_each_part(self) -> None:
        try:
            earlier = read_kept_parts(self.record, self.site) if self.record is not None else {}
            for part in self.parts:
                inputs = part_inputs(self.site, part) if self.record is not None else ""
                last = earlier.get(part.bundle)
                if last is not None and last.inputs == inputs and last.stamp == bundle_stamp(self.site, part):
                    self.results.append(last.result())
                    self.kept.append(part.bundle)
                    self._made[part.bundle] = last
                    continue
                with self._lock:
                    if self.stopped:
                        return
                    self.current = start_pagefind(
                        self.site, part.pages, self.staging_parent, self.site / part.bundle
                    )
                result = self.current.finish()
                stabilize_bundle(self.site / part.bundle)
                self.results.append(result)
                stamp = bundle_stamp(self.site, part)
                self._made[part.bundle] = KeptPart(inputs, stamp, result.pages, result.words, result.filters)
        except PagefindError as error:
            self.error = error
        except UnexpectedBundleError as error:
            self.error = PagefindError(str(error))
        except Exception as error:  # in the thread, nothing else would see it: finish() reports it
            self.error = PagefindError(f"indexing {self.site} failed: {type(error).__name__}: {error}")
            if self.current is not None and self.current.staging is not None:
                shutil.rmtree(self.current.staging, ignore_errors=True)

    def abandon(self) -> None:
        """Stop indexing and remove the pages' folders: the build it indexed for stopped before waiting for it."""
        with self._lock:
            self.stopped = True
            if self.current is not None:
                self.current.stop()  # the thread's wait then ends, and removes that part's pages
        if self._thread is not None:
            self._thread.join()

    def finish(self) -> PagefindResult:
        """Wait for every part; the parts' summaries added up, or the first PagefindError."""
        if self._thread is not None:
            self._thread.join()
        if self.stopped:
            raise PagefindError(f"indexing {self.site} was stopped before it finished")
        if self.error is not None:
            raise self.error
        if len(self.results) != len(self.parts):
            raise PagefindError(
                f"indexing {self.site} ended after {len(self.results)} of {len(self.parts)} parts"
            )
        kept = {self.site / part.bundle for part in self.parts}
        for earlier in (self.site / MAIN_BUNDLE).glob("part-*"):
            if earlier not in kept:  # a part an earlier build had (it indexed more pages)
                shutil.rmtree(earlier, ignore_errors=True)
        if self.record is not None:
            write_kept_parts(self.record, self.site, self._made)
        return PagefindResult(
            sum(result.pages for result in self.results),
            sum(result.words for result in self.results),
            max((result.filters for result in self.results), default=0),
            "\n".join(result.output for result in self.results),
        )


def start_indexing(
    site: Path, parts: Sequence[IndexPart], staging_parent: Path | None = None, record: Path | None = None
) -> IndexingRun:
    """Index `parts` of `site` (see :func:`plan_parts`) one after another, beside the build: each part's pages are
    gathered as :func:`start_pagefind` gathers them, and its bundle written to `site`/`part.bundle`. With a
    `record` file, the parts whose pages have not changed since the last build are kept (:class:`IndexingRun`)."""
    return IndexingRun(built_site(site), tuple(parts), staging_parent, record).start()
