"""Every link to `page#id` in a built site lands on an element with that id, checked from the built files.

LinkChecker's AnchorCheck plugin did this once, and stopped without a word when LinkChecker ran as root: it
switches to the user `nobody`, and if `nobody` cannot read the virtualenv (a clone inside a `mktemp -d` folder,
mode 0700) its plugins are never loaded. Parsing the pages here depends on no user, server, plugin or folder mode.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .page_types import page_files

# Any origin stands in for the site's own when resolving root-relative and relative links.
_LOCAL_ORIGIN = "http://site.invalid"
_LOCAL = urlsplit(_LOCAL_ORIGIN)


@dataclass(frozen=True)
class Link:
    """An `href` on a page, and the line of the element that carries it."""

    line: int
    href: str


@dataclass(frozen=True)
class ParsedPage:
    """What the anchor check needs from a page: the fragment targets it has, and the links it makes."""

    targets: frozenset[str]
    links: tuple[Link, ...]


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: set[str] = set()
        self.links: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.targets.add(values["id"])
        if tag == "a" and "name" in values:  # the HTML standard still lets <a name> be a fragment's target
            self.targets.add(values["name"])
        if tag in ("a", "area") and "href" in values:
            self.links.append(Link(self.getpos()[0], values["href"]))

    handle_startendtag = handle_starttag


def parse_page(html: str) -> ParsedPage:
    """The ids (and `<a name>`s) of an HTML page and its `<a>`/`<area>` links with their line numbers."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return ParsedPage(frozenset(parser.targets), tuple(parser.links))


@dataclass(frozen=True)
class MissingAnchor:
    """A link whose `#fragment` names nothing on the page it points to."""

    page: str
    line: int
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: link to {self.href!r}: {self.reason}"


@dataclass(frozen=True)
class AnchorReport:
    """Every same-site link with a fragment that was checked (as `/path/#id`), and the ones that miss."""

    checked: frozenset[str]
    missing: tuple[MissingAnchor, ...]


def page_key(path: str) -> str:
    """The URL path a page is known by: `/a/index.html` and `/a/` are the same page."""
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def _lands(fragment: str, targets: frozenset[str]) -> bool:
    """Whether a browser finds the fragment's target: the raw id, then the percent-decoded one (HTML standard)."""
    if fragment == "" or fragment.lower() == "top":  # both scroll to the top of any page
        return True
    return fragment in targets or unquote(fragment) in targets


def check_anchors(pages: Mapping[str, ParsedPage], site_url: str = "") -> AnchorReport:
    """Check every link with a `#fragment` from one of `pages` (keyed by URL path) to a page of the same site.

    Links to other hosts are not checked; an absolute link starting with `site_url` counts as the site's own.
    A fragment link to an HTML page that is not in `pages` is reported too: its anchor cannot exist. A fragment
    of another kind of file (`brief.pdf#page=2`) is not checked.
    """
    site = urlsplit(site_url) if site_url else None
    site_prefix = site.path.rstrip("/") if site else ""
    checked: set[str] = set()
    missing: list[MissingAnchor] = []
    for url, page in sorted(pages.items()):
        for link in page.links:
            if "#" not in link.href:
                continue
            target = urlsplit(urljoin(_LOCAL_ORIGIN + url, link.href.strip()))
            if (target.scheme, target.netloc) == (_LOCAL.scheme, _LOCAL.netloc):
                path = target.path
            elif site and (target.scheme, target.netloc) == (site.scheme, site.netloc):
                if not target.path.startswith(site_prefix + "/"):
                    continue
                path = target.path.removeprefix(site_prefix)
            else:
                continue  # another host, mailto:, javascript: ...: not a link into this site
            key = page_key(path)
            if key not in pages and not key.endswith("/") and key + "/" in pages:
                key += "/"  # a folder without its slash: servers redirect to the slash
            if key not in pages and not key.endswith(("/", ".html")):
                continue  # a fragment of another kind of file (`x.pdf#page=2`) is that format's business
            checked.add(f"{key}#{target.fragment}")
            if key not in pages:
                missing.append(MissingAnchor(url, link.line, link.href, f"no page {key} in the site"))
            elif not _lands(target.fragment, pages[key].targets):
                missing.append(
                    MissingAnchor(
                        url, link.line, link.href, f"{key} has no element with id {target.fragment!r}"
                    )
                )
    return AnchorReport(frozenset(checked), tuple(missing))


def read_site(root: Path) -> dict[str, ParsedPage]:
    """Every HTML page under `root`, parsed, keyed by its URL path (`/briefs/x/`, `/404.html`)."""
    return {url: parse_page(file.read_text(encoding="utf-8")) for url, file in page_files(root).items()}
