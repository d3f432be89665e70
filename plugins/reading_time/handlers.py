"""Pelican wiring: give every brief a ``reading_time``."""

from __future__ import annotations

from collections.abc import Iterable

from pelican import signals
from pelican.generators import ArticlesGenerator

from reality_check.plugins.brief_registry.briefs import every_brief
from reality_check.plugins.plugin_support.plugin_settings import defaults_setter, settings_reader

from .minutes import DEFAULT_WORDS_PER_MINUTE, reading_time, words_per_minute

DEFAULTS = {"READING_TIME_WORDS_PER_MINUTE": DEFAULT_WORDS_PER_MINUTE}
setting = settings_reader(DEFAULTS)


def attach_reading_time(generators: Iterable) -> None:
    """Set (never append) ``article.reading_time``, so a second run under --autoreload changes nothing.

    Runs at ``all_generators_finalized``: reading ``article.content`` earlier resolves ``{filename}``
    links before the pages exist, and Pelican would warn and keep them unresolved.
    """
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        wpm = words_per_minute(setting(generator.settings, "READING_TIME_WORDS_PER_MINUTE"))
        for article in every_brief(generator):
            article.reading_time = reading_time(article.content, wpm)


# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)


def register() -> None:
    """Connect the reading-time handler."""
    signals.initialized.connect(set_defaults)
    signals.all_generators_finalized.connect(attach_reading_time)
