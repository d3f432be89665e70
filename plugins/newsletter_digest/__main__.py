"""``python -m reality_check.plugins.newsletter_digest``: record a new digest issue (``make digest`` then builds the site).

python -m reality_check.plugins.newsletter_digest --content content [--settings pelicanconf.py] [--since YYYY-MM-DD] [--date YYYY-MM-DD]
                           [--intro TEXT]
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from pelican.settings import read_settings

from reality_check.plugins.brief_registry.arguments import DEFAULT_CONTENT, DEFAULT_SETTINGS, content_folder
from reality_check.plugins.brief_registry.dates import brief_date, not_a_date, read_date
from reality_check.plugins.brief_registry.new_brief import existing_briefs
from reality_check.plugins.brief_registry.rules import is_published_original, is_series_number

from .issues import (
    DigestRecordError,
    NothingToSendError,
    PublishedBrief,
    plan_issue,
    read_issues,
    write_issue,
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


def _date(text: str, name: str) -> datetime.date | None:
    if not text.strip():
        return None
    try:
        return read_date(text)
    except ValueError:
        raise SystemExit(f"error: {not_a_date(name, text)}. Nothing was written.") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reality_check.plugins.newsletter_digest", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--content", type=content_folder, default=DEFAULT_CONTENT)
    parser.add_argument("--since", default="", help="first day to include (default: after the last issue)")
    parser.add_argument("--date", default="", help="the issue's date (default: today)")
    parser.add_argument("--intro", default="", help="a short text from the editor, shown first")
    parser.add_argument(
        "--settings",
        type=Path,
        default=Path(DEFAULT_SETTINGS),
        help="the site's settings (for DEFAULT_LANG)",
    )
    args = parser.parse_args(argv)
    if not args.settings.is_file():
        print(f"error: no settings file {args.settings}. Nothing was written.", file=sys.stderr)
        return 1
    lang = read_settings(str(args.settings))[
        "DEFAULT_LANG"
    ]  # as the build reads it: Pelican's default if unset
    on = _date(args.date, "DATE") or datetime.date.today()
    since = _date(args.since, "SINCE")
    try:
        issue = plan_issue(
            read_issues(args.content),
            published_briefs(args.content, lang),
            on=on,
            since=since,
            intro=args.intro,
        )
    except (NothingToSendError, DigestRecordError) as error:
        print(f"error: {error}. Nothing was written.", file=sys.stderr)
        return 1
    path = write_issue(args.content, issue)
    listed = ", ".join(f"#{n}" for n in issue.briefs)
    print(f"digest: {path} lists {listed} (published from {issue.since.isoformat()} to {on.isoformat()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
