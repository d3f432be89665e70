"""Which of Pelican's articles a plugin works on, and what the series is called: the one answer every plugin uses.

Pelican keeps a build's articles in six lists (published, hidden and draft, each with its translations). A plugin
that reads or annotates every brief takes :func:`every_brief`; one that makes something for each brief page takes
:func:`briefs_with_pages`. Translations are briefs like any other in both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named in annotations: the module stays free of Pelican for the pure modules using it
    from pelican.generators import ArticlesGenerator


def series_name(settings: Mapping[str, object]) -> str:
    """What the briefs are called, "Reality Check" in "Reality Check #4": SERIES_NAME, else the site's name."""
    return str(settings.get("SERIES_NAME") or settings.get("SITENAME") or "")


def every_brief(generator: ArticlesGenerator) -> list:
    """Every brief Pelican read this build, whatever its status: checked, given a card and a reading time."""
    return [*briefs_with_pages(generator), *generator.drafts, *generator.drafts_translations]


def briefs_with_pages(generator: ArticlesGenerator) -> list:
    """The briefs Pelican writes a page for (published and hidden, and their translations)."""
    return [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
    ]
