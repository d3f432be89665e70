"""People's names in running text: "A", "A and B", "A, B, and C".

One rule for every place that lists a brief's authors: the byline macro (through the templates' ``in_prose``
filter, with its words translated and each name linked), the newsletter's plain text and the oEmbed document.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape


def names_in_prose(
    names: Sequence[str], pair: str = " and ", last: str = ", and ", between: str = ", "
) -> str:
    """Two names joined by `pair`; three or more by `between`, the last by `last` (the serial comma)."""
    if len(names) < 3:
        return pair.join(names)
    return between.join(names[:-1]) + last + names[-1]


def names_in_prose_html(names: Sequence[str], pair: str = " and ", last: str = ", and ") -> Markup:
    """:func:`names_in_prose` for a page: each name and word escaped unless it is already markup (a linked
    name from a macro), so a name with ``<`` in it shows as written and a link stays a link."""
    return Markup(names_in_prose([escape(name) for name in names], escape(pair), escape(last), escape(", ")))
