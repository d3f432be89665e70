"""People's names in running text, the way the site's bylines print them (macros/byline.html)."""

from __future__ import annotations

from collections.abc import Sequence


def names_in_prose(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B, and C" (the serial comma, as in the bylines)."""
    if len(names) < 3:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]
