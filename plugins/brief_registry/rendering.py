"""Render a brief's Markdown to exactly the HTML Python-Markdown gives, about three times faster.

Python-Markdown (with ``extra``, ``toc`` and ``sane_lists``, the project's ``MARKDOWN`` setting) is the reference:
it defines what readers see. markdown-it-py renders the CommonMark core much faster, and on the Markdown briefs
are written in (headings, paragraphs, bulleted and numbered lists, emphasis, links, inline code) the two agree
byte for byte once markdown-it is told to keep link targets as written and to give headings Python-Markdown's
``toc`` anchors. Where the two dialects part ways (footnotes, tables, raw HTML, indented blocks, a list that
interrupts a paragraph, ...), :func:`python_markdown_reasons` finds the construct in the source and the whole
document goes to Python-Markdown instead. A document is never rendered half by one engine, half by the other.

The proof is kept as tests: ``plugins/brief_registry/tests/test_rendering.py`` renders constructs one by one, every Markdown file of the
project and its fixtures, and generated documents both ways; ``tests/test_fast_markdown_site.py`` (top level) builds
whole sites both ways and requires every output file to be byte-identical.
"""

from __future__ import annotations

import copy
import html
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from markdown import Markdown
from markdown.extensions.toc import slugify, strip_tags, unique
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reality_check.plugins.plugin_support.memo import ProcessMemo

from .textfile import lines_of

# The site's Markdown (pelicanconf.py's MARKDOWN, from `site_markdown`), the setting the fast path reproduces: extra
# (tables, footnotes, abbreviations…), stable heading anchors (toc: a heading used twice gets a suffix), numbered
# lists keeping the author's first number (sane_lists: "3." starts the list at 3), HTML5. Any other setting renders
# with Python-Markdown alone.
SITE_EXTENSIONS = ("markdown.extensions.extra", "markdown.extensions.toc", "markdown.extensions.sane_lists")


def site_markdown() -> dict[str, Any]:
    """The site's MARKDOWN setting, a new one each call (Pelican's reader adds to the setting it is given)."""
    return {"extension_configs": {name: {} for name in SITE_EXTENSIONS}, "output_format": "html5"}


META_EXTENSION = "markdown.extensions.meta"

_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+\.)[ ]")
_ORDERED_ITEM = re.compile(r"^\d+\.[ ]")

# Constructs whose rendering differs between the two dialects (or that only Python-Markdown's extensions know).
# One match sends the whole document to Python-Markdown. Those anchored at a line's start are tried only on lines
# starting with one of _SPECIAL_STARTS (most lines of prose start with a letter); the others, on the whole text.
_LINE_START_BLOCKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern))
    for reason, pattern in (
        ("an indented line (nested list, code block or continuation)", r"[ \t]+\S"),
        ("a fenced code block", r"```|~~~"),
        ("a block quote", r">"),
        ("a setext underline or a horizontal rule", r"[-=*_ ]+$"),
        ("a heading written without a space after '#'", r"#{1,6}(?:[^#\s]|$)"),
        ("a heading of level seven or more", r"#{7}"),
        ("a heading ending in '#'", r"#.*#\s*$"),
        ("a list item numbered with ')'", r"\d+\)"),
        ("an empty list item", r"(?:[-*+]|\d+\.)\s*$"),
        ("a list marker followed by a tab or two spaces", r"(?:[-*+]|\d+\.)(?:\t| {2})"),
        ("a list item starting with a list marker", r"(?:[-*+]|\d+\.) +(?:[-*+]|\d+\.)(?:\s|$)"),
        ("a list item starting with a heading", r"(?:[-*+]|\d+\.) +#"),
        ("a reference or footnote definition", r"\[[^\]]*\]:"),
        ("a definition list", r":"),
        ("an abbreviation", r"\*\["),
    )
)
_SPECIAL_STARTS = frozenset(" \t`~>-=*_#0123456789)+[:")
_TEXT_BLOCKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.MULTILINE))
    for reason, pattern in (
        ("a table marker", r"\|"),
        ("raw HTML or an autolink", r"<"),
        ("an HTML entity", r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);"),
        ("a backslash escape or line break", r"\\"),
        ("a footnote reference", r"\[\^"),
        ("an attribute list", r"\{[:#.]"),
        ("a table of contents marker", r"\[TOC\]"),
        ("a tab", r"\t"),
        ("a hard line break", r"  \n"),
        ("a code span with several backticks", r"``"),
        ("a nested link or image", r"\[[^\]\n]*\[|\]\s+[\[(]|!\["),
        ("a link with a title or angle brackets", r"\]\([^)\n]*[\s\"']"),
        ("a link target with parentheses", r"\]\([^)\n]*\("),
        ("a reference-style link", r"\]\["),
        ("a form feed or other control character", r"[\x00-\x08\x0b-\x1f\x7f]"),
    )
)


_INTRAWORD_UNDERSCORE = re.compile(r"(?<=[^\W_])_+(?=[^\W_])")
_EMPHASIS_SPANS = (
    re.compile(r"\*\*[^*\s](?:[^*]*?[^*\s])?\*\*"),
    re.compile(r"\*[^*\s](?:[^*]*?[^*\s])?\*"),
    re.compile(r"__(?<![^\W_]__)[^_\s](?:[^_]*?[^_\s])?__(?![^\W_])"),
    re.compile(r"_(?<![^\W_]_)[^_\s](?:[^_]*?[^_\s])?_(?![^\W_])"),
)
# Three asterisks or underscores in a row (``***strong emphasis***``, ``**_both_**``): the dialects nest them
# differently.
_RUNS = tuple(a + b + c for a in "*_" for b in "*_" for c in "*_")
_CODE_SPAN = re.compile(r"`[^`]+`")


def _stray_emphasis(line: str) -> bool:
    """Whether `line` has a ``*`` or ``_`` outside simple, balanced emphasis (the dialects differ there)."""
    line = _CODE_SPAN.sub("c", _LIST_ITEM.sub("", line, count=1))
    if "*" not in line and "_" not in line:
        return False
    line = _INTRAWORD_UNDERSCORE.sub("", line)
    changed = True
    while changed:
        changed = False
        for pattern in _EMPHASIS_SPANS:
            line, count = pattern.subn("e", line)
            changed = changed or bool(count)
    return "*" in line or "_" in line


_DELIMITER_RUN = re.compile(r"\*+|_+")


def _unflanked_emphasis(line: str) -> bool:
    """Whether a ``*`` or ``_`` of `line`'s balanced emphasis opens or closes where CommonMark's flanking rules do
    not let it: ``**Lead.**In`` (closed after punctuation, a letter next) or ``x**“Lead”**`` (opened before
    punctuation, a letter before). Python-Markdown makes both bold; the fast path showed the asterisks."""
    line = _CODE_SPAN.sub("c", _LIST_ITEM.sub("", line, count=1))
    line = _INTRAWORD_UNDERSCORE.sub("", line)
    opened: list[str] = []
    for run in _DELIMITER_RUN.finditer(line):
        before = line[run.start() - 1] if run.start() else " "
        after = line[run.end()] if run.end() < len(line) else " "
        left = not after.isspace() and (not _punctuation(after) or before.isspace() or _punctuation(before))
        right = not before.isspace() and (not _punctuation(before) or after.isspace() or _punctuation(after))
        if opened and opened[-1] == run.group():
            opened.pop()
            if not right or (run.group()[0] == "_" and left and not _punctuation(after)):
                return True
        else:
            opened.append(run.group())
            if not left or (run.group()[0] == "_" and right and not _punctuation(before)):
                return True
    return False


def _flank_suspect(text: str) -> bool:
    """Whether `text` has a run of '*' or '_' with punctuation on one side and a letter or digit on the other, where
    CommonMark's flanking rules can differ from Python-Markdown's: a cheap test (str.find, a few runs a body; a
    regular expression took a millisecond a brief) that every case `_unflanked_emphasis` finds passes."""
    for mark in "*_":
        start = text.find(mark)
        while start >= 0:
            end = start
            while end < len(text) and text[end] == mark:
                end += 1
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if (before.isalnum() and _punctuation(after)) or (_punctuation(before) and after.isalnum()):
                return True
            start = text.find(mark, end)
    return False


def _punctuation(character: str) -> bool:
    """Punctuation as CommonMark counts it: Unicode's punctuation and symbols (“ ” ( ) . , $ …)."""
    return unicodedata.category(character)[0] in "PS"


def _comment_blocks(lines: list[str]) -> set[int]:
    """Lines of HTML comments standing alone as a block (both dialects pass them through untouched)."""
    inside: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("<!--") and (index == 0 or not lines[index - 1].strip()):
            end = index
            while end < len(lines) and "-->" not in lines[end]:
                end += 1
            block = "\n".join(lines[index : end + 1])
            closed = end < len(lines) and lines[end].rstrip().endswith("-->")
            followed = end + 1 >= len(lines) or not lines[end + 1].strip()
            if (
                closed
                and followed
                and block.count("<") == 1
                and block.count("-->") == 1
                and "--" not in block[4:-3]
            ):
                inside.update(range(index, end + 1))
                index = end + 1
                continue
        index += 1
    return inside


def python_markdown_reasons(text: str) -> list[str]:
    """Why `text` must be rendered by Python-Markdown itself (an empty list: the fast path gives the same HTML)."""
    lines = lines_of(text)
    comments = _comment_blocks(lines)
    scanned = "\n".join("" if n in comments else line for n, line in enumerate(lines)) if comments else text
    reasons = [reason for reason, pattern in _TEXT_BLOCKERS if pattern.search(scanned)]
    if any(run in text for run in _RUNS):
        reasons.append("a run of three asterisks or underscores")
    if text.endswith("  "):
        reasons.append("a hard line break")
    flanks = _flank_suspect(text)  # most bodies have no such place: their lines are not looked at
    for number, line in enumerate(lines):
        if number in comments or not line:
            continue
        if line[0] in _SPECIAL_STARTS:
            reasons.extend(reason for reason, pattern in _LINE_START_BLOCKERS if pattern.match(line))
        if ("*" in line or "_" in line) and _stray_emphasis(line):
            reasons.append("an asterisk or underscore outside simple emphasis")
        elif flanks and _flank_suspect(line) and _unflanked_emphasis(line):
            reasons.append("emphasis opened or closed next to punctuation and a letter")
    if reasons:  # the fast path is out; the structure below need not be looked at
        return list(dict.fromkeys(reasons))
    previous = "blank"  # what the line before was: blank, item, heading, text or comment
    list_marker = ""  # the list being read: "ol", or its bullet character
    gaps: set[bool] = set()  # in that list: were neighbouring items separated by a blank line?
    for number, line in enumerate(lines):
        if number in comments:
            kind = "comment"
        elif not line.strip():
            kind = "blank"
        elif _LIST_ITEM.match(line):
            kind = "item"
        else:
            kind = "heading" if line.startswith("#") else "text"
        if kind == "item":
            marker = "ol" if _ORDERED_ITEM.match(line) else line[0]
            if previous in ("text", "comment"):
                reasons.append("a list that interrupts a paragraph")
            if list_marker and marker != list_marker:
                reasons.append("a list whose marker changes")
            if list_marker:
                gaps.add(previous == "blank")
                if len(gaps) > 1:
                    reasons.append("a list with some items separated by blank lines and some not")
            list_marker = marker
        elif kind != "blank":
            if previous == "item":
                reasons.append("a list item followed directly by a line that is not an item")
            list_marker, gaps = "", set()
        previous = kind
    return list(dict.fromkeys(reasons))


def fast_path_supported(settings: Mapping[str, Any]) -> bool:
    """Whether the MARKDOWN setting is the one the fast path reproduces (`site_markdown`'s, in any form)."""
    configs = settings.get("extension_configs", {})
    extensions = {*settings.get("extensions", ()), *configs}
    if extensions != set(SITE_EXTENSIONS) or any(configs.get(name) for name in extensions):
        return False
    return settings.get("output_format", "xhtml") == "html5" and set(settings) <= {
        "extension_configs",
        "extensions",
        "output_format",
    }


def _effective_options(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Python-Markdown's options for a MARKDOWN setting, read the way Pelican's Markdown reader reads it: an
    extension named only in ``extension_configs`` is loaded too. Pelican's reader adds those names to the
    setting's own ``extensions`` list, so two readings of one setting can differ in form, never in effect."""
    configs = dict(settings.get("extension_configs", {}))
    options = {k: v for k, v in settings.items() if k != "extension_configs"}
    options["extensions"] = list(dict.fromkeys([*options.get("extensions", ()), *configs]))
    options["extension_configs"] = configs
    return options


def _python_markdown(settings: Mapping[str, Any]) -> Markdown:
    """Python-Markdown configured the way Pelican's Markdown reader does it."""
    return Markdown(**_effective_options(settings))


def _markdown_it() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "xhtmlOut": False})
    # Python-Markdown writes link targets as the author typed them ({filename} links included).
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.core.ruler.push("toc_anchors", _toc_anchors)
    md.add_render_rule("html_block", _html_block)
    md.add_render_rule("text", _text)
    md.add_render_rule("code_inline", _code_inline)
    return md


def _escape_text(text: str) -> str:
    """Python-Markdown escapes ``&``, ``<`` and ``>`` in text and code; quotes stay as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(self, tokens: list[Token], index: int, options, env) -> str:
    return _escape_text(tokens[index].content)


def _code_inline(self, tokens: list[Token], index: int, options, env) -> str:
    return f"<code>{_escape_text(tokens[index].content)}</code>"


def _html_block(self, tokens: list[Token], index: int, options, env) -> str:
    """A raw HTML block as Python-Markdown places it: followed by a blank line unless it ends the document."""
    return tokens[index].content + ("\n" if index + 1 < len(tokens) else "")


def _toc_anchors(state) -> None:
    """Give every heading the id Python-Markdown's ``toc`` extension gives it (``whats-the-issue``, ``_1``...)."""
    used: set[str] = set()
    counters: dict[str, int] = {}
    tokens: list[Token] = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        inner = state.md.renderer.renderInline(inline.children or [], state.md.options, state.env).strip()
        name = strip_tags(inner)
        token.attrSet("id", unique(slugify(html.unescape(name), "-"), used, counters))


def body_settings(markdown_settings: Mapping[str, Any]) -> dict[str, Any]:
    """The MARKDOWN setting for a brief's body: without the ``meta`` extension Pelican's reader adds to it.

    The front matter is split off before the body is rendered (brief_registry.frontmatter), and ``meta`` would
    take a first line such as "Note: …" for metadata.
    """
    settings = copy.deepcopy(dict(markdown_settings))
    settings["extensions"] = [e for e in settings.get("extensions", ()) if e != META_EXTENSION]
    settings.get("extension_configs", {}).pop(META_EXTENSION, None)
    return settings


# Bodies rendered in this process, by settings and text: `make html` checks every brief, then builds the site in the
# same process, and the build renders each body the checks rendered. Forgotten once a build has read every body
# (brief_registry.handlers.forget_bodies): held on while the site is written, with each body's Markdown as its key,
# they cost about 27 KB a brief.
RENDERED: ProcessMemo[tuple[str, str], str] = ProcessMemo()


def forget_rendered() -> None:
    """Forget every body rendered in this process (tests that count renderings start from nothing)."""
    RENDERED.clear()


class BriefMarkdown:
    """Markdown to HTML as the project's MARKDOWN setting renders it; the fast path where it gives the same."""

    def __init__(self, settings: Mapping[str, Any], *, fast: bool = True) -> None:
        self._reference = _python_markdown(settings)
        self._fast = _markdown_it() if fast and fast_path_supported(settings) else None
        # Keyed by the options in effect: the checks' copy of the setting and the one Pelican's reader has
        # amended find each other's bodies.
        self._memo_key = f"{self._fast is not None}\0{sorted(_effective_options(settings).items())!r}"

    def convert(self, text: str) -> str:
        """The HTML of `text`, identical to Python-Markdown's (rendered once per process and settings)."""
        key = (self._memo_key, text)
        html = RENDERED.get(key)
        if html is None:
            if self._fast is not None and not python_markdown_reasons(text):
                html = self._fast.render(text).rstrip("\n")
            else:
                html = self.reference(text)
            RENDERED.put(key, html)
        return html

    def published(self, text: str) -> str:
        """The HTML of `text` as the site publishes it, the build and `make check` alike: editors' comments left
        out (`without_comments`)."""
        return without_comments(self.convert(text))

    def reference(self, text: str) -> str:
        """Python-Markdown's own rendering (the fallback, and the yardstick in tests)."""
        return self._reference.reset().convert(text)


# An HTML comment in a body's HTML (in code it is escaped, "&lt;!--", and never matched).
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)


def without_comments(html: str) -> str:
    """`html` without its HTML comments: an editor's note (<!-- check the figures -->) is for the editors, and was
    published in the page's source and in every feed that carries the brief."""
    return _COMMENT.sub("", html) if "<!--" in html else html


# A table cell's alignment as Python-Markdown (and the fast path) writes it.
_ALIGNED_CELL = re.compile(r'<(t[hd]) style="text-align: (left|center|right);">')


def table_alignment_as_classes(html: str) -> str:
    """`html` with each table cell's ``style="text-align: …;"`` written as ``class="align-…"``, which the site's
    stylesheet aligns: the live site's security policy (``style-src 'self'``) applies no style attribute, and
    a column aligned in the Markdown (``|--:|``) showed unaligned there."""
    return _ALIGNED_CELL.sub(r'<\1 class="align-\2">', html) if "text-align" in html else html


# Where a table starts or ends in a body's HTML (a table typed as HTML may hold another); an HTML comment is
# matched whole so that a "<table>" written in one is not taken for a table.
_TABLE_TAG = re.compile(r"<!--.*?-->|<(?P<end>/?)table\b[^>]*>", re.IGNORECASE | re.DOTALL)


def scrolling_tables(body: str, label: str) -> str:
    """`body` (HTML) with each outermost table in a region of its own that scrolls sideways when the table is
    wider than the column: a phone then shows every word whole (the page no longer breaks them mid-word to fit),
    and the region can take keyboard focus (``tabindex="0"``) and is named for screen readers, `label` ("Table",
    in the page's language), numbered when the body has more than one. The site's stylesheet makes it scroll."""
    spans: list[tuple[int, int]] = []
    depth = start = 0
    for tag in _TABLE_TAG.finditer(body):
        if tag.group("end") is None:  # a comment
            continue
        if not tag.group("end"):
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, tag.end()))
    if not spans:
        return body
    pieces, done = [], 0
    for number, (begin, end) in enumerate(spans, start=1):
        name = html.escape(f"{label} {number}" if len(spans) > 1 else label, quote=True)
        pieces += [
            body[done:begin],
            f'<div class="table-scroll" role="region" tabindex="0" aria-label="{name}">',
            body[begin:end],
            "</div>",
        ]
        done = end
    return "".join([*pieces, body[done:]])


# False renders every body with Python-Markdown alone, the reference the fast path is tested against.
FAST_MARKDOWN_SETTING = "BRIEF_REGISTRY_FAST_MARKDOWN"
FAST_MARKDOWN_DEFAULT = True


def fast_markdown_enabled(settings: Mapping[str, Any]) -> bool:
    """Whether Pelican's settings let the fast path render (BRIEF_REGISTRY_FAST_MARKDOWN, True by default)."""
    return bool(settings.get(FAST_MARKDOWN_SETTING, FAST_MARKDOWN_DEFAULT))


def brief_markdown(markdown: Mapping[str, Any], fast: bool = True) -> BriefMarkdown:
    """The renderer of brief bodies for Pelican's MARKDOWN setting, with the fast path unless `fast` is False
    (:func:`fast_markdown_enabled`): the build's reader, the card's problem lines and `make check` all use it."""
    return BriefMarkdown(body_settings(markdown), fast=fast)
