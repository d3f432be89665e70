"""Turn a YAML syntax error into a Problem an editor can act on: the one place this is done.

PyYAML reports where it gave up (``problem_mark``), which is often lines after the mistake: an unclosed quote is
found at the end of the front matter. It also knows where the broken construct started (``context_mark``: "while
scanning a quoted scalar"). The message names that line, in an editor's words, with the parser's own detail second.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import yaml

from reality_check.plugins.plugin_support.quoting import yaml_quoted

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


@dataclass(frozen=True)
class _Failure:
    """What PyYAML said about one error, with the lines of the text it parsed."""

    lines: list[str]
    context: str  # what it was reading ("while scanning a quoted scalar"), or ""
    problem: str  # what it found there ("found unexpected end of stream")
    start: yaml.Mark | None  # where the construct it was reading began
    end: yaml.Mark | None  # where it gave up
    end_line: int
    start_line: int

    def char_at(self, mark: yaml.Mark | None) -> str:
        """The character at `mark` ("" for none)."""
        if mark is None or mark.line >= len(self.lines):
            return ""
        return self.lines[mark.line][mark.column : mark.column + 1]

    def line_at_end(self) -> str:
        """The line it gave up on ("" past the end of the text)."""
        if self.end is None or self.end.line >= len(self.lines):
            return ""
        return self.lines[self.end.line]


@dataclass(frozen=True)
class _Diagnosis:
    """An error in an editor's words: the line to look at, what to do there, and its code."""

    line: int
    said: str
    code: YamlCode


def _unclosed_quote(failure: _Failure) -> _Diagnosis | None:
    if "quoted scalar" not in failure.context:
        return None
    quote, line = failure.char_at(failure.start) or '"', failure.start_line
    said = f"the quote opened on line {line} is never closed: add the closing {quote} at the end of the value"
    return _Diagnosis(line, said, YamlCode.UNCLOSED_QUOTE)


def _unclosed_bracket(failure: _Failure) -> _Diagnosis | None:
    if "flow sequence" not in failure.context and "flow mapping" not in failure.context:
        return None
    opener = failure.char_at(failure.start)
    if opener not in _CLOSERS:
        opener = "[" if "sequence" in failure.context else "{"
    what, line = "the list" if opener == "[" else "it", failure.start_line
    said = f"the '{opener}' opened on line {line} is never closed: end {what} with '{_CLOSERS[opener]}'"
    return _Diagnosis(line, said, YamlCode.UNCLOSED_BRACKET)


# 'status:draft': a name and its value with no space between them, which YAML reads as one word.
_NO_SPACE_AFTER_COLON = re.compile(r"^\s*(?:-\s+)?(?P<name>[A-Za-z_][\w-]*):(?P<value>[^\s/].*)$")


def _missing_colon(failure: _Failure) -> _Diagnosis | None:
    if "simple key" not in failure.context or "':'" not in failure.problem:
        return None
    line = failure.start_line
    text = failure.lines[line - 1] if 0 < line <= len(failure.lines) else ""
    glued = _NO_SPACE_AFTER_COLON.match(text)
    if glued:
        said = (
            f"line {line} needs a space after the ':' of '{glued['name']}': write it as "
            f"'{glued['name']}: {glued['value'].strip()}'"
        )
        return _Diagnosis(line, said, YamlCode.MISSING_COLON)
    said = f"line {line} has no ':' after its name: write it as 'name: value'"
    above = _field_above(failure.lines, line)
    if above and ":" not in text:
        name, at = above
        said += f"; if it is more of '{name}' on line {at}, indent it two spaces further than '{name}', or join it to line {at}"
    return _Diagnosis(line, said, YamlCode.MISSING_COLON)


# A field with its value on its own line ("bio: Writes about…"), which the next line may be meant to continue.
_FIELD_WITH_VALUE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<name>[A-Za-z_][\w-]*):\s+\S")


def _field_above(lines: list[str], line: int) -> tuple[str, int] | None:
    """The field whose value `line` (1-based) may continue: the nearest line above it that is not blank, when that
    is a field with a value and `line` is indented no further than the field's name (YAML then reads `line` as a
    new name, not more of the value)."""
    for at in range(line - 2, -1, -1):
        if not lines[at].strip():
            continue
        field = _FIELD_WITH_VALUE.match(lines[at])
        indent = len(lines[line - 1]) - len(lines[line - 1].lstrip())
        if field and indent <= len(field["indent"]):
            return field["name"], at + 1
        return None
    return None


def _tab(failure: _Failure) -> _Diagnosis | None:
    if "'\\t'" not in failure.problem:
        return None
    line = failure.end_line
    said = f"line {line} holds a tab: YAML needs spaces here, so replace the tab with spaces"
    return _Diagnosis(line, said, YamlCode.TAB)


# 'key: value: more', indented or not (a registry's entries are): a second ': ' inside an unquoted value.
_TWO_COLONS = re.compile(r"^\s*(?:-\s+)?[^\s:#'\"][^:]*:\s+[^'\"\s][^:]*:(?:\s|$)")


def _value_after_value(failure: _Failure) -> _Diagnosis | None:
    """ "mapping values are not allowed": a stray indent, or a second ': ' inside an unquoted value."""
    if "mapping values are not allowed" not in failure.problem:
        return None
    line = failure.end_line
    if failure.line_at_end()[:1].isspace() and not _TWO_COLONS.match(failure.line_at_end()):
        said = (
            f"line {line} is indented, but the line above it does not open a list or a group: "
            "remove the spaces at the start of the line"
        )
        return _Diagnosis(line, said, YamlCode.STRAY_INDENT)
    written = _KEY_AND_VALUE.match(failure.line_at_end())
    example = (
        f"{written['key']}: {yaml_quoted(written['value'])}"
        if written
        else 'title: "Reality Check: a title with a colon"'
    )
    said = f"line {line} has a second ': ' inside its value: put the whole value in quotes, such as {example}"
    return _Diagnosis(line, said, YamlCode.COLON_IN_VALUE)


_KEY_AND_VALUE = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s:#'\"][^:]*):\s+(?P<value>.+)$")


# A 'key: value' line whose value starts with a character YAML reads as markup: a list ([), a group ({), an alias
# (*) or an anchor (&), a tag (!), a block of lines (| or >), a list item (- ) or a reserved one (@, `, %); or a
# list item starting with an anchor or a tag ('- &Emma', '- !Important').
_MARKUP_START = re.compile(
    r"^\s*(?:-\s+)?[^\s:#\[{][^:]*:\s+(?P<value>(?:[\[{*&!|>@`%]|-\s).*)$|^\s*-\s+(?P<item>[&!].*)$"
)


def _value_starts_with_markup(failure: _Failure) -> _Diagnosis | None:
    """A title such as '[UPDATED] Russia…' or '*Realism* is back': YAML reads the start as markup and fails further
    on, with advice about indentation or aliases that fits nothing the editor wrote; or, for '&Focus on…', reads
    the first word as an anchor's name and drops it (`frontmatter.parse_yaml` makes that an error)."""
    for line in sorted({failure.start_line, failure.end_line}):
        found = _MARKUP_START.match(failure.lines[line - 1]) if 0 < line <= len(failure.lines) else None
        if found is None:
            continue
        value = (found.group("value") or found.group("item")).rstrip()
        first = value[:1]
        said = (
            f"the value on line {line} starts with '{first}', which YAML reads as markup, not text: put the whole "
            f'value in quotes, such as "{value.replace(chr(34), chr(39))}"'
        )
        return _Diagnosis(line, said, YamlCode.RESERVED_CHARACTER)
    return None


def _reserved_character(failure: _Failure) -> _Diagnosis | None:
    if "found undefined alias" not in failure.problem and "cannot start any token" not in failure.problem:
        return None
    line = failure.end_line
    said = f"the value on line {line} starts with a character YAML reserves: put the whole value in quotes"
    return _Diagnosis(line, said, YamlCode.RESERVED_CHARACTER)


def _text_after_quote(failure: _Failure) -> _Diagnosis | None:
    if "found '<scalar>'" not in failure.problem or failure.end is None:
        return None
    quote = _quoted_before(failure.line_at_end(), failure.end.column)
    if not quote:
        return None
    line = failure.end_line
    said = (
        f"text follows the closing {quote} on line {line}: a value in quotes must be quoted as a whole; "
        f"for quotation marks inside it, use the other kind around it ({_other(quote)}…{_other(quote)}) "
        "or curly quotes inside"
    )
    return _Diagnosis(line, said, YamlCode.TEXT_AFTER_QUOTE)


def _misaligned(failure: _Failure) -> _Diagnosis | None:
    if "block mapping" not in failure.context and "block collection" not in failure.context:
        return None
    line = failure.end_line
    said = f"line {line} does not fit the lines above it: indent the items of one list with the same number of spaces"
    return _Diagnosis(line, said, YamlCode.MISALIGNED)


# Tried in this order; the first that recognises the error words it. Any other is `yaml-syntax`, in the parser's words.
_DIAGNOSES: tuple[Callable[[_Failure], _Diagnosis | None], ...] = (
    _unclosed_quote,
    _unclosed_bracket,
    _missing_colon,
    _tab,
    _value_after_value,
    _reserved_character,
    _value_starts_with_markup,
    _text_after_quote,
    _misaligned,
)


def yaml_problem(error: yaml.YAMLError, path: str, text: str, fallback_line: int = 1) -> Problem:
    """The Problem for `error`, raised while parsing `text` (numbered as in the file at `path`)."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(path, fallback_line, f"YAML syntax error: {error}", code=YamlCode.SYNTAX)
    start, end = error.context_mark, error.problem_mark
    end_line = end.line + 1 if end is not None else fallback_line
    failure = _Failure(
        lines=text.split("\n"),
        context=error.context or "",
        problem=error.problem or "",
        start=start,
        end=end,
        end_line=end_line,
        start_line=start.line + 1 if start is not None else end_line,
    )
    detail = "; ".join(
        part for part in (_where(failure.context, start), _where(failure.problem, end)) if part
    )
    diagnosis = next(filter(None, (diagnose(failure) for diagnose in _DIAGNOSES)), None)
    if diagnosis is None:
        return Problem(path, end_line, f"YAML syntax error: {detail}", code=YamlCode.SYNTAX)
    return Problem(path, diagnosis.line, f"{diagnosis.said} (YAML parser: {detail})", code=diagnosis.code)


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
