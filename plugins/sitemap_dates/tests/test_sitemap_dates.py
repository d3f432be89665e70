"""Level 1: the newest date; level 3 is tests/test_publish.py's byte-identical publishes."""

import datetime as dt
from types import SimpleNamespace

from reality_check.plugins.sitemap_dates.dates import newest_change


def test_newest_change_takes_modified_into_account():
    day = dt.datetime(2021, 3, 5)
    briefs = [
        SimpleNamespace(date=day),
        SimpleNamespace(date=day - dt.timedelta(days=30), modified=day + dt.timedelta(days=2)),
    ]
    assert newest_change(briefs) == day + dt.timedelta(days=2)
    assert newest_change([]) is None
