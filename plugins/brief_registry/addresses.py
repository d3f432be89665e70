"""Where a page is written for its address, and where a file beside a brief's page goes (its PDF, its citation
files): the one answer for every plugin that writes such files."""

from __future__ import annotations

import posixpath


def save_as(url: str) -> str:
    """Where the page at `url` (relative to SITEURL) is written: an address ending in '/', or the site's own
    address '', is a folder, whose page is its index.html."""
    return url + "index.html" if url.endswith("/") or not url else url


def beside_page(page_url: str, page_save_as: str, name: str) -> tuple[str, str]:
    """(url, save_as) of the file `name` in the folder of the page at `page_url`, written to `page_save_as`."""
    folder_url = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    return f"{folder_url}{name}", posixpath.join(posixpath.dirname(page_save_as), name)
