"""The lines of a brief's Markdown body that hold prose, numbered as in the file (fenced code left out).

Messages about the body point at a line of the Markdown source; what sits inside a fenced code block (```` ``` ````
or ``~~~``) is shown as code, so it is never taken for a heading, a link or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .textfile import lines_of

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def content_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Lines of `body` outside fenced code blocks, each with its number in the file (`body` starts at `first_line`)."""
    fence = ""
    for number, line in enumerate(lines_of(body), start=first_line):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            continue
        if match:
            fence = match.group(1)
            continue
        yield number, line


def line_holding(needles: tuple[str, ...], lines: list[tuple[int, str]], after: int = 0) -> int:
    """The number of the first of `lines` after line `after` that holds one of `needles` (tried in turn, each
    from `after` on and then from the start, matched without regard to case), or 0 when none does."""
    for needle in needles:
        wanted = needle.lower()
        for start in (after + 1, 0):
            line = next((n for n, text in lines if n >= start and wanted in text.lower()), 0)
            if line:
                return line
    return 0
