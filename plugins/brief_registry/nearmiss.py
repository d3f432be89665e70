"""The closest known name to one an editor typed ("did you mean …?"), found the one way every message finds it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# How alike two names must be (difflib's ratio, 0 to 1) for one to be offered for the other: "Ema Ashford" and
# "Emma Ashford" score 0.96, "Security and Defence" and "Security & Defense" 0.95, "Nowhere" and "Somewhere" 0.75.
CUTOFF = 0.8


def _folded(text: str) -> str:
    return " ".join(text.replace("&", " and ").replace("’", "'").split()).casefold()


def closest(typed: str, known: Iterable[str], n: int = 1) -> tuple[str, ...]:
    """Up to `n` of `known` that `typed` most likely means: same letters in another case first, then near spellings."""
    known = list(dict.fromkeys(known))
    same = [name for name in known if _folded(name) == _folded(typed) and name != typed]
    if same:
        return tuple(same[:n])
    by_folded = {_folded(name): name for name in known}
    near = difflib.get_close_matches(_folded(typed), list(by_folded), n=n, cutoff=CUTOFF)
    return tuple(by_folded[name] for name in near if by_folded[name] != typed)


def did_you_mean(typed: str, known: Iterable[str], n: int = 1) -> str:
    """``did you mean 'X'?`` (or ``'X' or 'Y'``) for the closest known names, or "" when none is close."""
    found = closest(typed, known, n)
    if not found:
        return ""
    said = "did you mean " + " or ".join(f"'{name}'" for name in found) + "?"
    # Names that differ only in their apostrophe look alike in the message: say which one is listed.
    if len(found) == 1 and typed.replace("’", "'") == found[0].replace("’", "'"):
        mark = "straight" if "'" in found[0] else "curly"
        return f"{said} (with a {mark} apostrophe: {_APOSTROPHES[mark]})"
    return said


_APOSTROPHES = {"straight": "' as a keyboard types it", "curly": "’ as a word processor writes it"}
