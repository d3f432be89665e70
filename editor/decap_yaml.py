"""Front matter written the way Decap CMS writes it, so the browser editor's first save changes nothing.

Decap CMS 3 serializes a brief's front matter with the JavaScript ``yaml`` library (1.x, default options) in the
order of the collection's fields: block lists indented by two spaces, a string plain when YAML allows it, in double
quotes otherwise (single quotes when it holds a double quote and no single one), and lines longer than 80 columns
folded at a space. ``make brief`` and ``make import`` write the same form through this module; the test suite
round-trips its output through Decap's own serializer (``tests/test_decap_yaml.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

LINE_WIDTH = 80
MIN_CONTENT_WIDTH = 20
INDENT_STEP = "  "

# What a plain scalar may not look like (the YAML library's own test): empty; starting with an indicator;
# a lone "-" or "?"; ": " or " #" inside; ending with a space or a colon.
_NOT_PLAIN = re.compile(r"^[\n\t ,[\]{}#&*!|>'\"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$")
# Plain text the YAML 1.2 core schema would read as something other than a string.
_NOT_A_STRING = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$"
)


def _fold(text: str, indent: str, column: int, quoted: bool) -> str:
    """Break a long scalar at spaces (or, in double quotes, with an escaped line break) as the library does."""
    folds = _fold_points(text, indent, column, quoted)
    return _folded(text, indent, quoted, folds) if folds else text


@dataclass(frozen=True)
class Folds:
    """Where the library breaks a scalar: the index of each break (0: before the text, on a line of its own), in
    order, and those of them made with an escaped line break (in double quotes)."""

    at: tuple[int, ...]
    escaped: frozenset[int]


def _fold_points(text: str, indent: str, column: int, quoted: bool) -> Folds | None:
    """Where the library breaks `text` (its own loop, step by step); None when it leaves the text whole."""
    end_step = max(1 + MIN_CONTENT_WIDTH, 1 + LINE_WIDTH - len(indent))
    if len(text) <= end_step:
        return None
    folds: list[int] = []
    escaped: set[int] = set()
    end = LINE_WIDTH - len(indent)
    if column > LINE_WIDTH - max(2, MIN_CONTENT_WIDTH):
        folds.append(0)
    else:
        end = LINE_WIDTH - column
    split: int | None = None
    previous = ""
    escape_start = escape_end = -1
    i = 0
    while i < len(text):
        char = text[i]
        if quoted and char == "\\":
            escape_start = i
            i += {"x": 3, "u": 5, "U": 9}.get(text[i + 1 : i + 2], 1)
            escape_end = i
        if char == "\n":
            end = i + end_step
            split = None
        else:
            if char == " " and previous and previous not in " \n\t":
                following = text[i + 1 : i + 2]
                if following and following not in " \n\t":
                    split = i
            if i >= end:
                if split:
                    folds.append(split)
                    end = split + end_step
                    split = None
                elif quoted:
                    while previous in (" ", "\t"):
                        previous = char
                        i += 1
                        char = text[i] if i < len(text) else ""
                    j = i - 2 if i > escape_end + 1 else escape_start - 1
                    if j in escaped:
                        return None
                    folds.append(j)
                    escaped.add(j)
                    end = j + end_step
                    split = None
        previous = char
        i += 1
    return Folds(tuple(folds), frozenset(escaped)) if folds else None


def _folded(text: str, indent: str, quoted: bool, folds: Folds) -> str:
    """`text` broken at `folds` (from `_fold_points`), each further line indented by `indent`."""
    at = folds.at
    result = text[: at[0]]
    for index, fold in enumerate(at):
        stop = at[index + 1] if index + 1 < len(at) else len(text)
        if fold == 0:
            result = f"\n{indent}{text[:stop]}"
        else:
            if quoted and fold in folds.escaped:
                result += f"{text[fold]}\\"
            result += f"\n{indent}{text[fold + 1 : stop]}"
    return result


def scalar(value: str | int, indent: str, column: int) -> str:
    """One value as Decap writes it: `indent` is the value's block indentation, `column` where it starts."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"only strings and integers are written here (got {value!r})")
    if isinstance(value, int):
        return str(value)
    if value and "\n" not in value and not _NOT_PLAIN.search(value) and not _NOT_A_STRING.match(value):
        return _fold(value, indent, column, quoted=False)
    if '"' in value and "'" not in value:
        return _fold("'" + value.replace("'", "''") + "'", indent, column, quoted=False)
    return _fold(json.dumps(value, ensure_ascii=False), indent, column, quoted=True)


def field(key: str, value: object) -> str:
    """One top-level front-matter field, with its trailing newline."""
    if isinstance(value, Sequence) and not isinstance(value, str):
        if not value:
            return f"{key}: []\n"
        return f"{key}:\n" + "".join(list_item(item) for item in value)
    return f"{key}: {scalar(value, INDENT_STEP, len(key) + 2)}\n"  # type: ignore[arg-type]


def list_item(item: object) -> str:
    """One entry of a block list (a string, or a mapping of strings), indented as under a top-level key."""
    prefix = INDENT_STEP + "- "
    if isinstance(item, Mapping):
        lines = []
        for number, (key, value) in enumerate(item.items()):
            lead = prefix if number == 0 else " " * len(prefix)
            # The library measures a nested pair's first line from its key, not from the line's start.
            lines.append(f"{lead}{key}: {scalar(value, ' ' * (len(prefix) + 2), len(key) + 2)}\n")
        return "".join(lines)
    return f"{prefix}{scalar(item, INDENT_STEP * 2, len(prefix))}\n"  # type: ignore[arg-type]


def front_matter(fields: Mapping[str, object]) -> str:
    """The whole front matter, between its two ``---`` lines, keys in the order given."""
    return "---\n" + "".join(field(key, value) for key, value in fields.items()) + "---\n"
