"""How a message quotes what an editor wrote: on one line, cut to a length, so the message stays readable."""

from __future__ import annotations


def shortened(text: str, limit: int = 60) -> str:
    """`text` (an address, a value quoted in a message) on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
