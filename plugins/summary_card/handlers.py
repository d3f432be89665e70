"""Pelican wiring for the summary card: a thin adapter around :func:`card.extract_card`."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

from pelican import signals
from pelican.generators import ArticlesGenerator

from .card import CardSettings, extract_card

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SUMMARY_CARD_KEY_POINTS_HEADINGS": ("Key points",),
    "SUMMARY_CARD_RECOMMENDATIONS_HEADINGS": ("What is the solution?",),
}


def card_settings(settings: dict) -> CardSettings:
    """Build the extractor's settings from Pelican's, falling back to the plugin defaults."""

    def get(name: str) -> tuple[str, ...]:
        return tuple(settings.get(name) or DEFAULTS[name])

    return CardSettings(
        key_points_headings=get("SUMMARY_CARD_KEY_POINTS_HEADINGS"),
        recommendations_headings=get("SUMMARY_CARD_RECOMMENDATIONS_HEADINGS"),
    )


def attach_cards(generators: Iterable) -> None:
    """Give every article ``summary_card`` and ``body_below_card``; warn about what is missing.

    Runs at ``all_generators_finalized``: every ``{filename}`` link is resolvable by then.
    Setting attributes (never appending) keeps it safe to run again under ``--autoreload``.
    """
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        settings = card_settings(generator.settings)
        project = os.path.dirname(os.path.abspath(generator.settings["PATH"]))  # paths as editors see them
        for article in [
            *generator.articles,
            *generator.translations,
            *generator.hidden_articles,
            *generator.drafts,
        ]:
            extraction = extract_card(article.content, settings)
            for problem in extraction.problems:
                logger.warning("%s: %s", os.path.relpath(article.source_path, project), problem)
            article.summary_card = extraction.card
            article.body_below_card = extraction.body_html


def register() -> None:
    """Connect the summary-card handlers."""
    signals.all_generators_finalized.connect(attach_cards)
