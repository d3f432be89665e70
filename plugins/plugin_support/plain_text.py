"""Markup in what must be plain text (a title, a registry's bio, a front-matter key point), found one way.

Every place that shows such text shows it as typed: an HTML tag or character reference (``<em>``, ``&amp;``), or
Markdown (``**bold**``, ``[a link](…)``), reaches the page, search, feeds and the PDF with its brackets and asterisks.
"""

from __future__ import annotations

import html
import re

# An HTML tag, or a character reference.
_HTML = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]{1,31});"
)
# Markdown's link, bold, or emphasis by asterisks ('5 * 3' is none).
_MARKDOWN = re.compile(r"\[[^\]]+\]\([^)]*\)|\*\*[^*]+\*\*|__[^_]+__|(?<![\w*])\*[^*\s][^*]*\*(?![\w*])")


def markup_in(text: str) -> str | None:
    """The first HTML tag, or character reference a browser would read (``&amp;``, not ``&foo;``), in `text`."""
    found = (m.group() for m in _HTML.finditer(text))
    return next((f for f in found if f.startswith("<") or html.unescape(f) != f), None)


def markdown_in(text: str) -> str | None:
    """The first Markdown link, bold or emphasis in `text`, or None."""
    found = _MARKDOWN.search(text)
    return found.group() if found else None
