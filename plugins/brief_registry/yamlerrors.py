"""Turn a YAML syntax error into a Problem an editor can act on: the one place this is done.

PyYAML reports where it gave up (``problem_mark``), which is often lines after the mistake: an unclosed quote is
found at the end of the front matter. It also knows where the broken construct started (``context_mark``: "while
scanning a quoted scalar"). The message names that line, in an editor's words, with the parser's own detail second.
"""

from __future__ import annotations

from enum import StrEnum

import yaml

from .problems import Problem

_CLOSERS = {"[": "]", "{": "}"}


class YamlCode(StrEnum):
    """Every YAML mistake the message names in an editor's words, and the rest (``yaml-syntax``)."""

    UNCLOSED_QUOTE = "yaml-unclosed-quote"
    UNCLOSED_BRACKET = "yaml-unclosed-bracket"  # a '[' or '{' never closed
    MISSING_COLON = "yaml-missing-colon"  # a line with no ':' after its name
    TAB = "yaml-tab"
    STRAY_INDENT = "yaml-stray-indent"  # an indented line under one that opens no list or group
    COLON_IN_VALUE = "yaml-colon-in-value"  # a second ': ' inside an unquoted value
    RESERVED_CHARACTER = "yaml-reserved-character"  # a value starting with '*', '@', '`', …
    TEXT_AFTER_QUOTE = "yaml-text-after-quote"  # "a" b: only part of the value is quoted
    MISALIGNED = "yaml-misaligned"  # list items indented unevenly
    SYNTAX = "yaml-syntax"  # any other error: the parser's own words


def yaml_problem(error: yaml.YAMLError, path: str, text: str, fallback_line: int = 1) -> Problem:
    """The Problem for `error`, raised while parsing `text` (numbered as in the file at `path`)."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(path, fallback_line, f"YAML syntax error: {error}", code=YamlCode.SYNTAX)
    lines = text.split("\n")
    context = error.context or ""
    problem = error.problem or ""
    start = error.context_mark
    end = error.problem_mark
    end_line = end.line + 1 if end is not None else fallback_line
    start_line = start.line + 1 if start is not None else end_line

    def char_at(mark: yaml.Mark | None) -> str:
        if mark is None or mark.line >= len(lines):
            return ""
        return lines[mark.line][mark.column : mark.column + 1]

    line, said, code = end_line, "", YamlCode.SYNTAX
    if "quoted scalar" in context:
        quote = char_at(start) or '"'
        line = start_line
        said = f"the quote opened on line {start_line} is never closed: add the closing {quote} at the end of the value"
        code = YamlCode.UNCLOSED_QUOTE
    elif "flow sequence" in context or "flow mapping" in context:
        opener = char_at(start)
        if opener not in _CLOSERS:
            opener = "[" if "sequence" in context else "{"
        what = "the list" if opener == "[" else "it"
        line = start_line
        said = f"the '{opener}' opened on line {start_line} is never closed: end {what} with '{_CLOSERS[opener]}'"
        code = YamlCode.UNCLOSED_BRACKET
    elif "simple key" in context and "':'" in problem:
        line = start_line
        said = f"line {start_line} has no ':' after its name: write it as 'name: value'"
        code = YamlCode.MISSING_COLON
    elif "'\\t'" in problem:
        said = f"line {end_line} holds a tab: YAML needs spaces here, so replace the tab with spaces"
        code = YamlCode.TAB
    elif "mapping values are not allowed" in problem and end is not None and lines[end.line][:1].isspace():
        said = (
            f"line {end_line} is indented, but the line above it does not open a list or a group: "
            "remove the spaces at the start of the line"
        )
        code = YamlCode.STRAY_INDENT
    elif "mapping values are not allowed" in problem:
        said = (
            f"line {end_line} has a second ': ' inside its value: put the whole value in quotes, "
            'such as title: "Reality Check: a title with a colon"'
        )
        code = YamlCode.COLON_IN_VALUE
    elif "found undefined alias" in problem or "cannot start any token" in problem:
        said = f"the value on line {end_line} starts with a character YAML reserves: put the whole value in quotes"
        code = YamlCode.RESERVED_CHARACTER
    elif "found '<scalar>'" in problem and end is not None and _quoted_before(lines[end.line], end.column):
        quote = _quoted_before(lines[end.line], end.column)
        said = (
            f"text follows the closing {quote} on line {end_line}: a value in quotes must be quoted as a whole; "
            f"for quotation marks inside it, use the other kind around it ({_other(quote)}…{_other(quote)}) "
            "or curly quotes inside"
        )
        code = YamlCode.TEXT_AFTER_QUOTE
    elif "block mapping" in context or "block collection" in context:
        said = (
            f"line {end_line} does not fit the lines above it: indent the items of one list with the same "
            "number of spaces"
        )
        code = YamlCode.MISALIGNED
    detail = "; ".join(part for part in (_where(context, start), _where(problem, end)) if part)
    if not said:
        return Problem(path, line, f"YAML syntax error: {detail}", code=code)
    return Problem(path, line, f"{said} (YAML parser: {detail})", code=code)


def _quoted_before(line: str, column: int) -> str:
    """The quote character that closed a value just before `column` on `line` ("" if none did)."""
    before = line[:column].rstrip()
    return before[-1] if before.endswith(("'", '"')) else ""


def _other(quote: str) -> str:
    return "'" if quote == '"' else '"'


def _where(words: str, mark: yaml.Mark | None) -> str:
    if not words:
        return ""
    return f"{words} on line {mark.line + 1}" if mark is not None else words
