"""Pelican wiring: give every brief a ``reading_time``."""

from __future__ import annotations

from collections.abc import Iterable

from pelican import signals
from pelican.generators import ArticlesGenerator

from .minutes import DEFAULT_WORDS_PER_MINUTE, reading_time


def attach_reading_time(generators: Iterable) -> None:
    """Set (never append) ``article.reading_time``, so a second run under --autoreload changes nothing.

    Runs at ``all_generators_finalized``: reading ``article.content`` earlier resolves ``{filename}``
    links before the pages exist, and Pelican would warn and keep them unresolved.
    """
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        wpm = int(generator.settings.get("READING_TIME_WORDS_PER_MINUTE", DEFAULT_WORDS_PER_MINUTE))
        for article in [
            *generator.articles,
            *generator.translations,
            *generator.hidden_articles,
            *generator.drafts,
        ]:
            article.reading_time = reading_time(article.content, wpm)


def register() -> None:
    """Connect the reading-time handler."""
    signals.all_generators_finalized.connect(attach_reading_time)
