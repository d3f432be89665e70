"""``make digest``: record a new issue of the newsletter in the content folder's ``digests/``; ``make digest``
then publishes the site, which writes the issue (plugins/newsletter_digest).

Which briefs an issue lists is the plugin's rule (:func:`~reality_check.plugins.newsletter_digest.issues.plan_issue`:
those published since the last issue); this command finds the published briefs in their front matter, as
``make check`` reads them, so it needs no build.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from reality_check.plugins.brief_registry.dates import brief_date
from reality_check.plugins.brief_registry.new_brief import existing_briefs
from reality_check.plugins.brief_registry.rules import is_published_original, is_series_number
from reality_check.plugins.newsletter_digest.issues import (
    DigestIssue,
    PublishedBrief,
    plan_issue,
    read_issues,
)


def published_briefs(content: Path, default_lang: str = "en") -> list[PublishedBrief]:
    """The published originals in content/briefs/ (drafts, hidden briefs and translations left out)."""
    briefs = []
    for _, front in existing_briefs(content):  # an unreadable file is `make check`'s to report
        data = front.data
        number, date = data.get("series_number"), brief_date(data.get("date"))
        if not is_published_original(data, default_lang):
            continue
        if is_series_number(number) and date is not None:
            briefs.append(PublishedBrief(number, date))
    return briefs


def plan_digest(
    content: Path, default_lang: str, on: datetime.date, since: datetime.date | None, intro: str
) -> DigestIssue:
    """The issue dated `on`: the briefs published since `since`, else since the last issue recorded
    (NothingToSendError or DigestRecordError when there is none to make); ``issues.write_issue`` records it."""
    return plan_issue(
        read_issues(content), published_briefs(content, default_lang), on=on, since=since, intro=intro
    )
