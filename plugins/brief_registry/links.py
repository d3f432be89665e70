"""Pelican's links inside the site, as editors write them in a brief: ``{filename}other-brief.md`` to another
content file, ``{static}/images/chart.png`` to a file Pelican copies (and the older ``|filename|…`` spelling of
both, which Pelican still reads). The one reading of them for the build's image rules and ``make check``."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .markdown_source import content_lines

# Pelican's default INTRASITE_LINK_REGEX, `[{|](?P<what>.*?)[|}]`, limited to the two kinds briefs use.
_LINK = r"[{|](?P<what>filename|static)[}|]"
# In Markdown source: up to a space, ")" or quote.
LINK_IN_TEXT = re.compile(_LINK + r"(?P<target>[^\s)\"'>]+)")
_WHOLE_ADDRESS = re.compile(_LINK + r"(?P<target>.*)", re.DOTALL)


@dataclass(frozen=True)
class SiteLink:
    """One link: its kind ("filename" or "static") and the path after it."""

    what: str
    target: str


def site_link(address: str) -> SiteLink | None:
    """The link `address` is (``{static}/images/a.png`` -> static, ``/images/a.png``), or None for a plain
    address."""
    match = _WHOLE_ADDRESS.fullmatch(address)
    return SiteLink(match["what"], match["target"]) if match else None


def linked_file(target: str, source: Path, content: Path) -> Path:
    """The file a link's path names, as Pelican resolves it: from the content folder when it starts with "/",
    else from the folder of the brief `source`. The file may not exist."""
    named = content / target.lstrip("/") if target.startswith("/") else source.parent / target
    return Path(os.path.normpath(named))


@dataclass(frozen=True)
class SourceLink:
    """A ``{filename}`` link in a brief's Markdown, and its line in the file."""

    line: int
    target: str


def filename_links(body: str, first_line: int) -> tuple[SourceLink, ...]:
    """Every ``{filename}…`` (or ``|filename|…``) link target in `body` (whose first line is `first_line`) outside
    fenced code, with its line."""
    return tuple(
        SourceLink(number, match.group("target"))
        for number, line in content_lines(body, first_line)
        for match in LINK_IN_TEXT.finditer(line)
        if match["what"] == "filename"
    )
