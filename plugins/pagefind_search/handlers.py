"""Pelican wiring: index the output folder with Pagefind once Pelican has written it."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from .indexer import PagefindError, run_pagefind
from .stable import UnexpectedBundleError, stabilize_bundle

logger = logging.getLogger(__name__)

DEFAULTS = {"PAGEFIND_ENABLED": True}


def index_site(pelican) -> None:
    """Runs at ``finalized``: every page is on disk. A failure is an error, so ``--fatal errors`` stops."""
    if not pelican.settings["PAGEFIND_ENABLED"]:
        return
    site = Path(pelican.settings["OUTPUT_PATH"])
    try:
        result = run_pagefind(site)
        stabilize_bundle(site / "pagefind")
    except (PagefindError, UnexpectedBundleError) as error:
        logger.error("%s", error)
        return
    if result.pages == 0:
        logger.warning("%s: Pagefind indexed no page (no page carries data-pagefind-body)", site)
    else:
        logger.info(
            "Pagefind indexed %d pages, %d words, %d filters", result.pages, result.words, result.filters
        )


def set_defaults(pelican) -> None:
    """Runs at ``initialized``: a setting of this plugin the site leaves out gets its default."""
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def register() -> None:
    """Connect the indexer."""
    signals.initialized.connect(set_defaults)
    signals.finalized.connect(index_site)
