"""Read a brief's YAML front matter keeping the line of every key, for messages that say where to look."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from reality_check.plugins.plugin_support.quoting import yaml_quoted

from .problems import EncodingError, FrontMatterError, Problem
from .textfile import BOM, lines_of, read_text_file, unreadable_file
from .yamlerrors import yaml_problem

# YAML 1.2's plain scalars that are not text, where PyYAML reads YAML 1.1's: only true and false are booleans (1.1
# also took yes, no, on and off), and a number has no underscores and no base-60 form (1.1 read 24:7 as 1447).
# An integer is written in decimal: 010 was read as octal, so series_number: 010 published brief #8; it is text
# now, which the rules refuse with what to write ("010", "0x10" and "0b1" alike).
YAML_1_2_SCALARS = {
    "tag:yaml.org,2002:bool": (r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    "tag:yaml.org,2002:int": (
        r"^[-+]?(?:0|[1-9][0-9]*)$",
        "-+0123456789",
    ),
    "tag:yaml.org,2002:float": (
        r"^(?:[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?|\.[0-9]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
        r"|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
}


def with_yaml_1_2_scalars(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """`loader` reading booleans and numbers as YAML 1.2 does (`YAML_1_2_SCALARS`); anything else is unchanged.

    PyYAML reads YAML 1.1: a brief titled No, which Decap CMS writes unquoted (its YAML is 1.2), was published as
    "Reality Check #4: False", and one titled 24:7 as "Reality Check #4: 1447"."""
    resolvers = {
        first: [(tag, regexp) for tag, regexp in found if tag not in YAML_1_2_SCALARS]
        for first, found in loader.yaml_implicit_resolvers.items()
    }
    yaml_1_2 = type(f"YAML12{loader.__name__}", (loader,), {"yaml_implicit_resolvers": resolvers})
    for tag, (pattern, first) in YAML_1_2_SCALARS.items():
        yaml_1_2.add_implicit_resolver(tag, re.compile(pattern), list(first))
    return yaml_1_2


# libyaml's parser when PyYAML was built with it (it is, in the PyPI wheels): the same results, ten times faster.
LOADER = with_yaml_1_2_scalars(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
# PyYAML's own parser, whose messages and line numbers read better, for a text libyaml refused.
MESSAGE_LOADER = with_yaml_1_2_scalars(yaml.SafeLoader)

FENCE = "---"
END_FENCES = ("---", "...")
# A closing fence mistyped: dashes a word processor made, four hyphens, spaced hyphens.
_LOOKS_LIKE_A_FENCE = re.compile(r"^\s*(?:(?:[-\u2013\u2014]\s*){2,}|[\u2013\u2014])\s*$")
_GLUED_COMMENT = re.compile(r"\s+(#\S.*)$")


# Fields whose value is text whatever it looks like: YAML reads `title: 1984` as a number and `title: 2024-01-01` as
# a date (the browser editor writes both unquoted, as YAML 1.2 reads them as text); they keep the text as written.
TEXT_FIELDS = frozenset({"title", "summary", "slug"})


# Characters pasted from a PDF or a word processor, or typed by a stray Option-Space, that editors show as a space
# or as nothing, read as what they show: YAML takes U+2028, U+2029 and U+0085 for line breaks (the lines it named
# were then below the editor's, and a title holding one was two lines), refuses a form feed or vertical tab
# without saying on which line, and takes a no-break space for a letter (`title:` then had no space after the
# colon, and a name holding one, or a zero-width space, matched no registry entry though it looked the same).
_READ_AS_SPACES = {
    0x2028: " ",
    0x2029: " ",
    0x85: " ",
    0x0B: " ",
    0x0C: " ",
    0xA0: " ",  # no-break space
    0x202F: " ",  # narrow no-break space
    0x200B: None,  # zero-width space
    0x2060: None,  # word joiner
    0xFEFF: None,  # zero-width no-break space (a byte order mark inside the text)
}


class FrontMatterCode(StrEnum):
    """Every way a brief's front matter can fail to be read (a YAML syntax error is a ``YamlCode``)."""

    EMPTY_FILE = "empty-file"  # nothing but white space
    NOT_OPENED = "front-matter-not-opened"  # the file does not start with a '---' line
    FENCE_MISTYPED = "front-matter-fence-mistyped"  # a line of dashes meant as a fence, not exactly '---'
    NOT_CLOSED = "front-matter-not-closed"
    NOT_KEY_VALUE = "front-matter-not-key-value"  # YAML, but not 'key: value' lines
    DATE_NOT_REAL = "date-not-real"  # date-shaped, but no such day (2021-02-30)
    KEY_GIVEN_TWICE = "key-given-twice"
    VALUE_CUT_BY_COMMENT = "value-cut-by-comment"  # an unquoted '#' would end the value


@dataclass(frozen=True)
class FrontMatter:
    """The parsed front matter, the 1-based line of each top-level key, and where the body starts."""

    data: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, tuple[int, ...]] = field(default_factory=dict)
    body_line: int = 1
    body: str = ""
    fence_line: int = 1  # the opening '---' (blank lines may come before it)

    def line_of(self, key: str, index: int | None = None) -> int:
        """The line of `key` (or of its `index`-th list item), or of the opening fence when the key is absent."""
        items = self.item_lines.get(key, ())
        if index is not None and index < len(items):
            return items[index]
        return self.key_lines.get(key, self.fence_line)

    def without_body(self) -> FrontMatter:
        """The same, less the body's text (where the body starts is kept): what a build keeps with each brief once
        the body is read and rendered (the text is about 25 KB a brief, 0.25 GB at 10,000)."""
        return replace(self, body="")


def read_brief(path: str | Path, shown: str) -> FrontMatter:
    """Read a brief file as editors save it (see textfile) and split off its front matter; `shown` names it."""
    return read_front_matter(read_brief_text(path, shown), shown)


def read_brief_text(path: str | Path, shown: str) -> str:
    """A brief's or page's text as editors save it (see textfile); EncodingError names a file that is not text, or
    that is listed but cannot be read (a link to a file that is gone)."""
    try:
        return read_text_file(path, shown)
    except OSError as error:
        raise EncodingError(unreadable_file(shown, error)) from None


def read_front_matter(text: str, path: str) -> FrontMatter:
    """Split `text` into YAML front matter and Markdown body; raise FrontMatterError naming the line."""
    lines = lines_of(text.removeprefix(BOM))
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None or lines[start].rstrip() != FENCE:
        code, message = _no_opening_fence(lines, start)
        raise FrontMatterError(Problem(path, (start or 0) + 1, message, code=code))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].rstrip() in END_FENCES), None)
    if end is None:
        near = next((i for i in range(start + 1, len(lines)) if _LOOKS_LIKE_A_FENCE.match(lines[i])), None)
        if near is not None:
            raise FrontMatterError(
                Problem(
                    path,
                    near + 1,
                    "this line looks like the '---' that closes the front matter, but is not: write exactly three "
                    f"hyphens (got {lines[near]!r})",
                    code=FrontMatterCode.FENCE_MISTYPED,
                )
            )
        raise FrontMatterError(
            Problem(
                path,
                start + 1,
                "front matter opened with '---' is never closed by a '---' line",
                code=FrontMatterCode.NOT_CLOSED,
            )
        )
    yaml_text = "\n" * (start + 1) + "\n".join(lines[start + 1 : end])
    mapping = _read_mapping(yaml_text, lines, path, start + 1, "front matter")
    return FrontMatter(
        mapping.data, mapping.key_lines, mapping.item_lines, end + 2, "\n".join(lines[end + 1 :]), start + 1
    )


def read_yaml_record(text: str, path: str, what: str) -> FrontMatter:
    """A YAML file that holds one record of 'key: value' lines (a digest issue), read as front matter is: every
    key's line kept, a key given twice or a value cut short by '#' refused; `what` names the file in messages."""
    lines = lines_of(text.removeprefix(BOM))
    return _read_mapping("\n".join(lines), lines, path, 1, what)


def _read_mapping(yaml_text: str, lines: list[str], path: str, first: int, what: str) -> FrontMatter:
    """Parse `yaml_text` (line N of the file is its line N; the mapping starts at line `first`) as 'key: value'
    lines; raise FrontMatterError naming the line of the first thing to change."""
    try:
        node, data = parse_yaml(yaml_text)
    except yaml.YAMLError as error:
        raise FrontMatterError(yaml_problem(error, path, yaml_text, first)) from None
    except ValueError as error:  # a date-shaped value that is not a real date, such as 2021-02-30
        line, value = _bad_timestamp(yaml.compose(yaml_text, Loader=LOADER)) or (first, "")
        raise FrontMatterError(
            Problem(
                path,
                line,
                f"'{value}' is not a real date ({error}): write a day the calendar has, as YYYY-MM-DD",
                code=FrontMatterCode.DATE_NOT_REAL,
            )
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            Problem(
                path,
                _first_value_line(node, first),
                f"{what} must be 'key: value' lines (got a {type(data).__name__})",
                code=FrontMatterCode.NOT_KEY_VALUE,
            )
        )
    twice = key_given_twice(node)
    if twice is not None:
        raise FrontMatterError(Problem(path, *twice, code=FrontMatterCode.KEY_GIVEN_TWICE))
    cut = cut_by_a_comment(node, lines)
    if cut is not None:
        raise FrontMatterError(Problem(path, *cut, code=FrontMatterCode.VALUE_CUT_BY_COMMENT))
    key_lines: dict[str, int] = {}
    item_lines: dict[str, tuple[int, ...]] = {}
    values = {str(k).lower(): v for k, v in data.items()}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(key.value).lower()
            key_lines[name] = key.start_mark.line + 1
            if isinstance(value, yaml.SequenceNode):
                item_lines[name] = tuple(item.start_mark.line + 1 for item in value.value)
            elif name in TEXT_FIELDS and isinstance(value, yaml.ScalarNode) and values[name] is not None:
                values[name] = value.value  # `title: 1984`, `title: 2024-01-01`: the text as written
    return FrontMatter(values, key_lines, item_lines)


def _first_value_line(node: yaml.Node | None, first: int) -> int:
    """The line where the YAML's value starts (a list where 'key: value' lines were expected)."""
    return node.start_mark.line + 1 if node is not None else first


def key_given_twice(node: yaml.Node | None) -> tuple[int, str] | None:
    """The second line of a key written twice: YAML would silently keep only the last value."""
    if not isinstance(node, yaml.MappingNode):
        return None
    seen: dict[str, int] = {}
    for key, _value in node.value:
        name, line = str(key.value).lower(), key.start_mark.line + 1
        if name in seen:
            return line, f"'{key.value}' is already given on line {seen[name]}: keep one of the two"
        seen[name] = line
    return None


def cut_by_a_comment(node: yaml.Node | None, lines: list[str]) -> tuple[int, str] | None:
    """The line and message for a text value that a '#' cut short ("title: Reality Check #4" is "Reality Check"),
    or emptied ("series_number: #5" is no value at all).

    In YAML, '#' after a space starts a comment; a comment such as "# note" (a space after '#') is left alone, but
    "#4" or "#MeToo" glued to the '#' is text the editor meant to keep.
    """
    for scalar in _scalars(node):
        empty = scalar.tag == "tag:yaml.org,2002:null" and scalar.value == ""  # 'series_number: #5'
        if scalar.style not in (None, "") or not (empty or scalar.tag == "tag:yaml.org,2002:str"):
            continue  # quoted, or not text
        line = lines[scalar.end_mark.line] if scalar.end_mark.line < len(lines) else ""
        lost = _GLUED_COMMENT.match(line[scalar.end_mark.column :])
        if lost is None:
            continue
        cut = lost.group(1).rstrip()
        if empty:
            said = (
                f"'#' after a space starts a YAML comment, so this value would be empty and '{cut}' ignored: "
                f"write it without the '#', or in quotes (\"{cut}\") if the '#' is part of it"
            )
        else:
            said = (
                f"'#' after a space starts a YAML comment, so this value would end before '{cut}': "
                f"put the whole value in quotes ({yaml_quoted(f'{scalar.value} {cut}')})"
            )
        return scalar.end_mark.line + 1, said
    return None


def _scalars(node: yaml.Node | None):
    """Every value scalar of the front matter (mapping values and list items, not keys)."""
    if isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            yield from _scalars(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)
    elif isinstance(node, yaml.ScalarNode):
        yield node


def _no_opening_fence(lines: list[str], start: int | None) -> tuple[FrontMatterCode, str]:
    """What is wrong, and what to change, when the file does not open with a '---' line."""
    if start is None:
        return FrontMatterCode.EMPTY_FILE, "the file is empty (expected front matter and the brief's text)"
    first = lines[start].strip()
    if first.strip("-–— ") == "" and first:
        return FrontMatterCode.FENCE_MISTYPED, (
            "the front matter must open with a line of exactly three hyphens '---' at the start of the line "
            f"(got {lines[start]!r})"
        )
    if ":" in first:
        return (
            FrontMatterCode.NOT_OPENED,
            f"add a line '---' above line {start + 1}: front matter starts with '---' (got {first!r})",
        )
    return FrontMatterCode.NOT_OPENED, f"expected front matter starting with a '---' line (got {first!r})"


def parse_yaml(text: str) -> tuple[yaml.Node | None, object]:
    """The YAML node tree of `text` (it knows every line) and the data built from it, in one pass with the fast
    loader; on an error, parsed again by PyYAML's own parser, whose messages and line numbers read better. Briefs
    and registries alike: the characters of `_READ_AS_SPACES` are read as what editors see."""
    text = text.translate(_READ_AS_SPACES)
    _refuse_anchors_and_tags(text)
    try:
        return _parse(text, LOADER)
    except (yaml.YAMLError, ValueError):
        return _parse(text, MESSAGE_LOADER)


# An '&' or '!' where YAML reads an anchor or a tag: at the start of a value, a list item or a flow list's entry.
_MARK_AT_VALUE_START = re.compile(r"(?:^|[:,\[{-])[ \t]*[&!]", re.MULTILINE)


def _refuse_anchors_and_tags(text: str) -> None:
    """Raise a YAML error at the first anchor or tag. 'title: &Focus on interests' is valid YAML that names an
    anchor 'Focus' and publishes the title 'on interests'; a tag ('!Focus', '!!int x') names a type, and a wrong
    one failed with the parser's words or a Python error. No field of a brief or a registry is written with them."""
    if ("&" not in text and "!" not in text) or not _MARK_AT_VALUE_START.search(text):
        return  # 'Politics & Diplomacy': an '&' inside a value is text, and not looked at again
    try:
        tokens = list(yaml.scan(text, Loader=LOADER))
    except yaml.YAMLError:
        return  # a syntax error, which the parse says in better words
    for token in tokens:
        if isinstance(token, yaml.AnchorToken):
            said = f"found an anchor '&{token.value}', which drops that word from the value"
        elif isinstance(token, yaml.TagToken):
            said = f"found a tag '{''.join(token.value)}', which names a type instead of being text"
        else:
            continue
        raise yaml.composer.ComposerError(None, None, said, token.start_mark)


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    """The YAML node tree (it knows every line) and the data built from it, in one pass over the text."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _bad_timestamp(node: yaml.Node | None) -> tuple[int, str] | None:
    """The line and text of the first date-shaped scalar that YAML cannot turn into a date."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.safe_load(node.value)
            except ValueError:
                return node.start_mark.line + 1, node.value
        return None
    children = node.value if isinstance(node, yaml.SequenceNode) else []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    for child in children:
        found = _bad_timestamp(child)
        if found:
            return found
    return None
