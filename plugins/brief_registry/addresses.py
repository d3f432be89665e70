"""Where a page is written for its address, where a file beside a brief's page goes (its PDF, its citation
files), and a page's full address: the one answer for every plugin that writes or links such files."""

from __future__ import annotations

import html
import posixpath
import re
from typing import NamedTuple
from urllib.parse import urljoin


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


# A link's address in HTML as Markdown and the card's sanitiser write it (double quotes), when it has no scheme:
# relative to the page it was written for ('../another-brief/', '/pages/naei/', '#recommendation-2').
_RELATIVE_HREF = re.compile(r'\bhref="(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?P<address>[^"]*)"')


def links_resolved(fragment: str, base: str) -> str:
    """`fragment` with each relative link's address resolved against `base`, the address of the page it was
    written for: what a piece of that page shown elsewhere needs (a brief's key points on a listing or in an
    e-mail, where '../another-brief/' would lead somewhere else, or nowhere)."""
    if 'href="' not in fragment:
        return fragment
    return _RELATIVE_HREF.sub(
        lambda link: f'href="{html.escape(urljoin(base, html.unescape(link["address"])))}"', fragment
    )
