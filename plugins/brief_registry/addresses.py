"""Where a page is written for its address, where a file beside a brief's page goes (its PDF, its citation
files), and a page's full address: the one answer for every plugin that writes or links such files."""

from __future__ import annotations

import posixpath
from typing import NamedTuple


class Address(NamedTuple):
    """A page's or file's address (relative to SITEURL) and the path it is written to in the output."""

    url: str
    save_as: str


def absolute_url(siteurl: str, url: str) -> str:
    """The full address of the page or file at `url` (relative to SITEURL): what feeds, citations, structured
    data, embeds and e-mails give, where a root-relative link would not do. '' for `url` is the site's own."""
    return f"{siteurl.rstrip('/')}/{url}"


def save_as(url: str) -> str:
    """Where the page at `url` (relative to SITEURL) is written: an address ending in '/', or the site's own
    address '', is a folder, whose page is its index.html."""
    return url + "index.html" if url.endswith("/") or not url else url


def url_of(save_as: str) -> str:
    """The address (relative to SITEURL) of the page written to `save_as`: the inverse of :func:`save_as`, a
    folder's index.html is the folder."""
    return (
        save_as.removesuffix("index.html")
        if save_as == "index.html" or save_as.endswith("/index.html")
        else save_as
    )


def beside_page(page_url: str, page_save_as: str, name: str) -> Address:
    """The address of the file `name` in the folder of the page at `page_url`, written to `page_save_as`."""
    folder_url = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    return Address(f"{folder_url}{name}", posixpath.join(posixpath.dirname(page_save_as), name))
