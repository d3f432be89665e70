"""How a message quotes what an editor wrote: on one line, cut to a length, so the message stays readable."""

from __future__ import annotations


def shortened(text: str, limit: int = 60) -> str:
    """`text` (an address, a value quoted in a message) on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Quotation marks a word processor types, which YAML reads as part of the text.
CURLY_QUOTES = ("“”", "‘’", "«»", "„“")


def yaml_quoted(value: str) -> str:
    """`value` in YAML's quotes, as a message tells an editor to write it: in double quotes, or in single ones when it
    holds a double quote ('The "realist" case'), a single one then written twice. Curly quotes around the whole
    value are left out: they are not YAML's, and would show on the page."""
    value = value.strip()
    for opening, closing in CURLY_QUOTES:
        if len(value) > 2 and value[0] == opening and value[-1] == closing:
            value = value[1:-1]
            break
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"
