"""Pelican wiring: give every brief a ``reading_time``."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from pelican import signals
from pelican.generators import ArticlesGenerator

from reality_check.plugins.brief_registry.briefs import every_brief
from reality_check.plugins.plugin_support.build_cache import BuildCache

from .minutes import ReadingTime, reading_time, reading_time_key, words_per_minute
from .settings import set_defaults, setting

# In CACHE_PATH: each body's count, kept between builds, so an unchanged brief is not parsed again.
CACHE_FILE = "reading_time.pickle"


def attach_reading_time(generators: Iterable) -> None:
    """Set (never append) ``article.reading_time``, so a second run under --autoreload changes nothing.

    Runs at ``all_generators_finalized``: reading ``article.content`` earlier resolves ``{filename}``
    links before the pages exist, and Pelican would warn and keep them unresolved.
    """
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        wpm = words_per_minute(setting(generator.settings, "READING_TIME_WORDS_PER_MINUTE"))
        counted: BuildCache[ReadingTime] = BuildCache.for_settings(generator.settings, CACHE_FILE)
        for article in every_brief(generator):
            html = article.content
            article.reading_time = counted.get_or_make(
                reading_time_key(html, wpm), functools.partial(reading_time, html, wpm)
            )
        counted.save()


def register() -> None:
    """Connect the reading-time handler."""
    signals.initialized.connect(set_defaults)
    signals.all_generators_finalized.connect(attach_reading_time)
