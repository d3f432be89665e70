"""Find things in a brief's Markdown source by line: intra-site links and template placeholders.

Headings are found by summary_card.source, the one implementation the build uses too.
"""

from __future__ import annotations

from dataclasses import dataclass

from reality_check.plugins.brief_registry.links import LINK_IN_TEXT
from reality_check.plugins.brief_registry.markdown_source import content_lines
from reality_check.plugins.brief_registry.new_brief import PLACEHOLDER
from reality_check.plugins.brief_registry.textfile import lines_of


@dataclass(frozen=True)
class SourceLink:
    """A ``{filename}`` link and its line in the file."""

    line: int
    target: str


def filename_links(body: str, first_line: int) -> tuple[SourceLink, ...]:
    """Every ``{filename}…`` (or ``|filename|…``) link target in `body`, with its line."""
    return tuple(
        SourceLink(number, match.group("target"))
        for number, line in content_lines(body, first_line)
        for match in LINK_IN_TEXT.finditer(line)
        if match["what"] == "filename"
    )


def placeholders(text: str) -> tuple[int, ...]:
    """The lines (1-based, counted in `text`) that still hold a placeholder of the new-brief template
    (``[FILL IN: …]``, :data:`new_brief.PLACEHOLDER`)."""
    return tuple(number for number, line in enumerate(lines_of(text), start=1) if PLACEHOLDER in line)
