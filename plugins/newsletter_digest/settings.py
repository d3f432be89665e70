"""This plugin's own Pelican settings: their defaults (given at ``initialized`` to a site that leaves one out) and how
they are read (the README's settings table says what each means)."""

from __future__ import annotations

import datetime
import posixpath
from typing import NamedTuple

from reality_check.plugins.brief_registry.addresses import Address, beside_page, save_as
from reality_check.plugins.plugin_support.plugin_settings import defaults_setter, settings_reader

DEFAULTS = {
    "NEWSLETTER_DIGEST_URL": "digest/{date}/",
    "NEWSLETTER_ARCHIVE_URL": "newsletter/",
    "NEWSLETTER_SIGNUP_URL": None,
}
# The text part's name beside an issue that is a folder's page (digest/<date>/index.html).
TEXT_PART = "digest.txt"

setting = settings_reader(DEFAULTS)

# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)


class IssueFiles(NamedTuple):
    """Where an issue's two parts are: the HTML part (the e-mail, and its web copy) and the plain-text part."""

    page: Address
    text: Address


def issue_files(pattern: str, date: datetime.date) -> IssueFiles:
    """The addresses of the issue of `date`, NEWSLETTER_DIGEST_URL being `pattern`: its page written as Pelican
    writes a page at that address (``addresses.save_as``: "digest/<date>/" is the folder's index.html,
    "digest/<date>.html" that file), and its text part beside it, ``digest.txt`` in an issue's own folder, else
    named after the page ("digest/<date>.txt", so that two issues in one folder keep theirs apart)."""
    url = pattern.format(date=date.isoformat())
    page = Address(url, save_as(url))
    name = posixpath.basename(page.save_as)
    text = TEXT_PART if name == "index.html" else f"{posixpath.splitext(name)[0]}.txt"
    return IssueFiles(page, beside_page(page.url, page.save_as, text))
