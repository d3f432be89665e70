"""Pelican wiring: hand pelican-sitemap the series' newest change as the date of its listing pages."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from pelican import signals
from pelican.generators import ArticlesGenerator

logger = logging.getLogger(__name__)


def newest_change(articles: Iterable) -> dt.datetime | None:
    """The latest publication or modification date among `articles` (None when there is none)."""
    dates = [
        d for a in articles for d in (getattr(a, "modified", None), getattr(a, "date", None)) if d is not None
    ]
    return max(dates, default=None)


def date_listings(generators: Iterable) -> None:
    """Runs at ``all_generators_finalized``, before anything is written."""
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:  # pelican-sitemap not installed: nothing to adjust
        return
    articles = [a for g in generators if isinstance(g, ArticlesGenerator) for a in g.articles]
    newest = newest_change(articles)
    if newest is not None:
        # No public way exists: pelican-sitemap (pinned in requirements.txt) dates such pages by its
        # module-level generator's `now`, so that is what this sets (tests/test_sitemap.py reads the dates back).
        sitemap.generator.now = newest


def register() -> None:
    """Connect the handler."""
    signals.all_generators_finalized.connect(date_listings)
