"""The date of the site's listing pages in sitemap.xml: the series' newest change. Pure: articles in, a date out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def newest_change(articles: Iterable) -> dt.datetime | None:
    """The latest publication or modification date among `articles` (None when there is none)."""
    dates = [
        d for a in articles for d in (getattr(a, "modified", None), getattr(a, "date", None)) if d is not None
    ]
    return max(dates, default=None)
