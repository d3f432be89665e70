"""Every kind of page the site has, and where to find one example of each in a built site.

The quality gates run on each type. The quality site has every type, so a type with no page in it is a broken
build and fails the gate that looks for it; to add a type, add one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BRIEF_4_URL = "/briefs/focus-on-interests-not-on-human-rights-with-russia/"
# #5 shows a synthetic chart, a table and a fenced code block holding one long line
BRIEF_WITH_IMAGE_URL = "/briefs/synthetic-reply-about-invented-quorum-rules/"
MISSING_URL = "/no-such-page-here/"  # served with the site's 404 page


@dataclass(frozen=True)
class PageType:
    """A kind of page and how to find an example of it in a built site (`None`: not built)."""

    name: str
    example: Callable[[Path], str | None]

    def __str__(self) -> str:
        return self.name


def exact(url: str, saved_as: str | None = None) -> Callable[[Path], str | None]:
    """The page at `url`, if the build wrote it (to `saved_as`, by default `url` + index.html)."""
    file = saved_as or (url.strip("/") + "/index.html").lstrip("/")
    return lambda root: url if (root / file).is_file() else None


def first_under(folder: str) -> Callable[[Path], str | None]:
    """The first page (in name order) under `folder`/ — e.g. one author page among all of them."""

    def find(root: Path) -> str | None:
        pages = sorted((root / folder).glob("*/index.html"))
        return f"/{pages[0].parent.relative_to(root).as_posix()}/" if pages else None

    return find


PAGE_TYPES = (
    PageType("home", exact("/", "index.html")),
    PageType("brief", exact(BRIEF_4_URL)),
    PageType("brief with an image and code", exact(BRIEF_WITH_IMAGE_URL)),
    PageType("embedded card", exact(BRIEF_4_URL + "card/")),
    PageType("translated brief", first_under("ru/briefs")),
    PageType("language listing", exact("/ru/")),
    PageType("language search", exact("/ru/search/")),
    PageType("standalone page", exact("/naei/")),
    PageType("author", first_under("authors")),
    PageType("topic", first_under("topics")),
    PageType("region", first_under("regions")),
    PageType("topics index", exact("/topics/")),
    PageType("search", exact("/search/")),
    PageType("404", lambda root: MISSING_URL if (root / "404.html").is_file() else None),
)


def page_files(root: Path) -> dict[str, Path]:
    """Every HTML page in a built site: its URL path, as a reader would type it, and its file."""
    return {
        "/" + file.relative_to(root).as_posix().removesuffix("index.html"): file
        for file in sorted(root.rglob("*.html"))
    }


def html_pages(root: Path) -> list[str]:
    """The URL path of every HTML page in a built site, as a reader would type it."""
    return list(page_files(root))
