"""Remember extractions between builds, keyed by a hash of everything an extraction depends on.

An extraction depends only on the brief's rendered HTML, the heading settings, the card fields given in front
matter, and the extractor's own code, so a brief that did not change is not parsed again. The cache lives in
Pelican's CACHE_PATH and follows Pelican's content-cache switches (CACHE_CONTENT to write it,
LOAD_CONTENT_CACHE to read it). Each build keeps only the entries it used, so the file never grows stale.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from reality_check.plugins.plugin_support.build_cache import BuildCache
from reality_check.plugins.plugin_support.code_digest import code_digest
from reality_check.plugins.plugin_support.digests import digest
from reality_check.plugins.plugin_support.memo import ProcessMemo

from .card import CardSettings, Extraction, GivenCard, extract_card

logger = logging.getLogger(__name__)

CACHE_FILE = "summary_card.pickle"
# What an extraction depends on besides its inputs: the extractor's code and the libraries that parse and clean
# the HTML. Both are part of every key: change either and every brief is read afresh.
# The modules, by their path in the plugins' folder.
EXTRACTOR_MODULES = (
    "summary_card/card.py",
    "summary_card/sanitise.py",
    "summary_card/sentences.py",
    "brief_registry/addresses.py",
    "plugin_support/html_words.py",
    "plugin_support/link_schemes.py",
    "plugin_support/plain_text.py",
    "plugin_support/quoting.py",
)
LIBRARIES = ("beautifulsoup4", "nh3")


def extractor_digest(
    folder: Path, modules: Iterable[str] = EXTRACTOR_MODULES, libraries: Iterable[str] = LIBRARIES
) -> str:
    """A hash of the extractor's modules in `folder` (the plugins' folder) and of the installed libraries'
    versions."""
    return code_digest(folder, (folder / name for name in modules), libraries)


_CODE = extractor_digest(Path(__file__).parent.parent)


def extraction_key(html: str, settings: CardSettings, given: GivenCard) -> str:
    """A hash of what an extraction depends on (frozen dataclasses have stable reprs)."""
    return digest(_CODE, repr(settings), repr(given), html)


class ExtractionCache(BuildCache[Extraction]):
    """Extractions from the previous build, and the ones this build, or this process, made."""

    def extract(self, html: str, settings: CardSettings, given: GivenCard) -> Extraction:
        """The extraction of `html`: remembered (from the last build, or made earlier in this process), else made
        now and remembered."""
        return self.get_or_make(
            extraction_key(html, settings, given), lambda: extract_card(html, settings, given)
        )


# Extractions made in this process, by key: `make html` checks every brief (make check's checks extract each card),
# then builds in the same process, and the build finds them here.
EXTRACTED: ProcessMemo[str, Extraction] = ProcessMemo()


def extraction_cache(settings: Mapping[str, Any]) -> ExtractionCache:
    """The build's extractions: the file CACHE_FILE in CACHE_PATH as Pelican's content-cache settings ask, and
    this process's (EXTRACTED)."""
    return ExtractionCache.for_settings(settings, CACHE_FILE, memo=EXTRACTED)


def forget_extractions() -> None:
    """Forget every extraction made in this process (tests that count extractions start from nothing)."""
    EXTRACTED.clear()


def extract_card_once(html: str, settings: CardSettings, given: GivenCard) -> Extraction:
    """``extract_card``, or the extraction this process already made from the same HTML, settings and card."""
    return ExtractionCache(None, load=False, memo=EXTRACTED).extract(html, settings, given)
