"""Find things in a brief's Markdown source by line: headings, intra-site links and template placeholders.

The summary card is extracted from rendered HTML, which has no line numbers; these helpers point an editor back
to the line of the Markdown they need to edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import BeautifulSoup

from brief_registry.markdown_source import content_lines
from summary_card.card import normalize_heading, plain_text

# The marker `make brief` puts wherever the editor still has to write something.
PLACEHOLDER = "[FILL IN"
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FILENAME_LINK = re.compile(r"[{|]filename[}|](?P<target>[^\s)\"'>]+)")


@dataclass(frozen=True)
class SourceHeading:
    """A Markdown heading, its text as a reader sees it, and its line in the file."""

    line: int
    level: int
    text: str


@dataclass(frozen=True)
class SourceLink:
    """A ``{filename}`` link and its line in the file."""

    line: int
    target: str


def headings(body: str, first_line: int, render: Callable[[str], str]) -> tuple[SourceHeading, ...]:
    """Every ATX (``## Title``) and setext (underlined) heading of `body`, which starts at `first_line`."""
    found = []
    previous: tuple[int, str] | None = None
    for number, line in content_lines(body, first_line):
        atx = _ATX.match(line)
        if atx:
            found.append(
                SourceHeading(number, len(atx.group(1)), _inline_text(atx.group("text") or "", render))
            )
        elif previous and previous[1].strip() and _SETEXT.match(line) and not _ATX.match(previous[1]):
            level = 1 if line.strip().startswith("=") else 2
            found.append(SourceHeading(previous[0], level, _inline_text(previous[1], render)))
        previous = (number, line)
    return tuple(found)


def _inline_text(markdown_text: str, render: Callable[[str], str]) -> str:
    """The text of a heading's Markdown as the rendered page shows it (emphasis and links dropped)."""
    return plain_text(BeautifulSoup(render(markdown_text.strip()), "html.parser"))


def find_heading(found: tuple[SourceHeading, ...], names: tuple[str, ...]) -> SourceHeading | None:
    """The first heading matching one of `names` the way the summary card matches them."""
    wanted = {normalize_heading(name) for name in names}
    return next((h for h in found if normalize_heading(h.text) in wanted), None)


def filename_links(body: str, first_line: int) -> tuple[SourceLink, ...]:
    """Every ``{filename}…`` (or ``|filename|…``) link target in `body`, with its line."""
    return tuple(
        SourceLink(number, match.group("target"))
        for number, line in content_lines(body, first_line)
        for match in _FILENAME_LINK.finditer(line)
    )


def placeholders(text: str) -> tuple[int, ...]:
    """The lines (1-based, counted in `text`) that still hold a ``[FILL IN: …]`` placeholder."""
    return tuple(number for number, line in enumerate(text.splitlines(), start=1) if PLACEHOLDER in line)
