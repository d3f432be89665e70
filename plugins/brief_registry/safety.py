"""Find HTML in a brief's body that would run code in a reader's browser, and the line it was written on.

Markdown passes raw HTML through, and a Markdown link may point anywhere, so the check reads the body as it will be
published (the rendered HTML, where code blocks are already escaped and harmless) and then looks up each finding's
line in the Markdown source. `make check` reports these and the build refuses to write such a brief.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from enum import StrEnum
from html.parser import HTMLParser

from reality_check.plugins.plugin_support.link_schemes import disallowed_scheme
from reality_check.plugins.plugin_support.quoting import shortened

from .markdown_source import content_lines, line_holding
from .problems import Problem


class SafetyCode(StrEnum):
    """Every kind of HTML in a brief's body that the build refuses to publish."""

    UNSAFE_ELEMENT = "unsafe-element"  # <script>, <style>, <iframe>, …
    EVENT_ATTRIBUTE = "unsafe-event-attribute"  # onclick=, onmouseover=, …
    UNSAFE_URL = "unsafe-url-scheme"  # an address that is not relative, http, https or mailto
    # style="color: red": the live site's security policy does not apply it
    STYLE_ATTRIBUTE = "style-attribute"
    # <tariffs>: a word in angle brackets, a tag no browser shows (unknown_tags)
    UNKNOWN_ELEMENT = "unknown-element"
    # "<!-- note" with no "-->": the editor's note shows on the page as typed (body.unclosed_comments)
    COMMENT_NOT_CLOSED = "comment-not-closed"
    # "**Lead. **Rest": bold that Markdown does not read as bold, its asterisks shown on the page as typed
    EMPHASIS_NOT_CLOSED = "emphasis-not-closed"
    # "- point" then "  - detail": a list indented by fewer than 4 spaces, which Markdown does not nest
    SUB_LIST_NOT_NESTED = "sub-list-not-nested"
    # "text.[^1]" with no "[^1]: note" line: the mark shows as typed; a note no mark refers to: a note readers
    # cannot reach from the text, whose link back leads nowhere (body.unmatched_footnotes)
    FOOTNOTE_WITHOUT_NOTE = "footnote-without-note"
    NOTE_WITHOUT_MARK = "footnote-note-without-mark"


# Elements that run code, embed another document, restyle the page or ask readers for input; none belongs in a brief.
FORBIDDEN_TAGS = {
    "script": "would run code in readers' browsers: remove it (to show code, put it in a fenced ``` block)",
    "style": "would restyle the page: remove it (the site's stylesheet styles every brief)",
    "iframe": "would embed another page: remove it and link to that page instead",
    "frame": "would embed another page: remove it and link to that page instead",
    "frameset": "would embed other pages: remove it and link to them instead",
    "object": "would embed a plug-in: remove it and link to the file instead",
    "embed": "would embed a plug-in: remove it and link to the file instead",
    "base": "would change where every link on the page goes: remove it",
    "meta": "would send readers to another page or change how the page is read: remove it",
    "link": "would load a stylesheet or another file into the page: remove it (to link to a page, write "
    "[what it is](address))",
    # A form pasted from another site: it would ask readers for what the site cannot receive (a static site has no
    # server to send it to), or send it to someone else's.
    "form": "would ask readers to fill in a form the site cannot receive: remove it, and link to the page that "
    "holds the form instead",
    **dict.fromkeys(
        ("input", "textarea", "select", "button"),
        "is a form's field, which a brief has no use for: remove it (to show the tag as text, put it in `backticks`)",
    ),
}
# Attributes whose value can be an address a browser follows; `values`, `to` and `from` are an SVG animation's
# (`<animate attributeName="href" values="javascript:…">` sets a link's address when it runs).
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "data",
        "poster",
        "background",
        "xlink:href",
        "values",
        "to",
        "from",
    }
)
# The one style attribute Markdown itself writes: a table column's alignment (`|:--|--:|`), which the reader turns
# into a class (rendering.table_alignment_as_classes). Any other is the editor's, and the live site ignores it.
MARKDOWN_ALIGNMENT = re.compile(r"text-align: (?:left|center|right);")
STYLE_IGNORED = (
    "is not applied on the live site (its security policy lets only the site's stylesheet style a page), so the "
    "preview shows what readers will not see: remove it (for emphasis, write **bold** or *italic*)"
)
# Cheap tests that every finding passes (a brief without any is safe, and is not parsed): tags, event attributes,
# and an address attribute whose value, as a browser reads it, has a scheme a brief may not link to.
_SUSPECT_TAG_OR_ATTRIBUTE = re.compile(
    r"<(?:script|style|i?frame|frameset|object|embed|base|meta|link|form|input|textarea|select|button)\b"
    r"|<[a-z][^>]*[\s/\"'](?:on[a-z]|style)",
    re.I,
)
# An attribute's value after its "=", as Python's HTMLParser reads it (`html.parser.attrfind_tolerant`, which takes
# "==" as "="); a quote never closed runs to the end of the text.
_ATTRIBUTE_VALUE = re.compile(r"==*\s*('[^']*'?|\"[^\"]*\"?|(?![\'\"])[^>\s]*)")
# `<script>` in a code span is shown as text: not where a finding in the rendered body comes from.
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")


@dataclass(frozen=True)
class Finding:
    """One unsafe construct in the rendered body: what it is, and text to find its line in the source by."""

    message: str
    needles: tuple[str, ...]
    code: SafetyCode


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.found.append(
                Finding(f"<{tag}> {FORBIDDEN_TAGS[tag]}", (f"<{tag}",), SafetyCode.UNSAFE_ELEMENT)
            )
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(
                    Finding(
                        f"the '{name}' attribute of <{tag}> would run code in readers' browsers: remove it",
                        (name,),
                        SafetyCode.EVENT_ATTRIBUTE,
                    )
                )
            elif name == "style":
                if not (tag in ("th", "td") and value and MARKDOWN_ALIGNMENT.fullmatch(value)):
                    self.found.append(
                        Finding(
                            f"the 'style' attribute of <{tag}> {STYLE_IGNORED}",
                            ("style",),
                            SafetyCode.STYLE_ATTRIBUTE,
                        )
                    )
            elif name in URL_ATTRIBUTES and value and not _image_source(tag, name, value):
                scheme = disallowed_scheme(value)
                if scheme:
                    what = "link" if name == "href" else f"'{name}' of <{tag}>"
                    self.found.append(
                        Finding(
                            f"{what} to '{shortened(value)}' uses the '{scheme}' scheme, which "
                            f"{_SCHEME_DOES.get(scheme, 'the site does not link to')}: use an http://, https:// "
                            "or mailto: address, or a relative one",
                            (value.strip(), scheme.rstrip(":")),
                            SafetyCode.UNSAFE_URL,
                        )
                    )

    handle_startendtag = handle_starttag


_SCHEME_DOES = {
    "javascript:": "runs code instead of going to a page",
    "vbscript:": "runs code instead of going to a page",
    "data:": "embeds data instead of going to a page",
}


def _image_source(tag: str, name: str, value: str) -> bool:
    """An image's address that runs no code (``data:``, ``ftp:``…): the image check words what is wrong with it
    (images.py: not in the images folder, on another site, written as data), once."""
    return tag == "img" and name == "src" and disallowed_scheme(value) not in ("javascript:", "vbscript:")


def unsafe_html(rendered: str, body: str, first_line: int, path: str) -> tuple[Problem, ...]:
    """Every unsafe construct in `rendered` (the HTML of `body`, whose first line is `first_line`)."""
    if not (_SUSPECT_TAG_OR_ATTRIBUTE.search(rendered) or suspect_scheme(rendered)):
        return ()
    finder = _Finder()
    finder.feed(rendered)
    finder.close()
    # Searched as the browser reads it: "&#106;avascript:" is "javascript:".
    lines = [
        (n, html.unescape(_CODE_SPAN.sub("", text)).lower()) for n, text in content_lines(body, first_line)
    ]
    used: dict[tuple[str, ...], int] = {}
    problems = []
    for finding in finder.found:
        line = line_holding(finding.needles, lines, used.get(finding.needles, 0))
        used[finding.needles] = line
        problems.append(Problem(path, line or first_line, finding.message, code=finding.code))
    return tuple(problems)


def suspect_scheme(text: str) -> bool:
    """Whether `text` has an address attribute whose value has a scheme a brief may not link to, however it is
    spelled (any case, characters browsers ignore between the letters, entities such as ``&Tab;`` or
    ``&#106;``): the cheap test before parsing. Every "=" is looked at (few in a body), each on its own: a value
    read from an "=" in the text may run over the next attribute, and must not hide it."""
    equals = text.find("=")
    while equals != -1:
        if _attribute_before(text, equals) in URL_ATTRIBUTES:
            value = _ATTRIBUTE_VALUE.match(text, equals).group(1).strip("'\"")
            if disallowed_scheme(html.unescape(value) if "&" in value else value):
                return True
        equals = text.find("=", equals + 1)
    return False


def _attribute_before(text: str, equals: int) -> str:
    """The name, in lower case, of the attribute whose "=" is at `equals`, or "" where HTMLParser reads none there
    (its name follows a quote, a slash or white space)."""
    end = equals
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not (text[start - 1].isspace() or text[start - 1] in "/'\"<>="):
        start -= 1
    if start == end or start == 0 or not (text[start - 1].isspace() or text[start - 1] in "/'\""):
        return ""
    return text[start:end].lower()
