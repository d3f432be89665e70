"""What the build refuses to publish in a brief's body, found one way for the build's reader and ``make check``."""

from __future__ import annotations

import html
import re
from pathlib import Path

from .frontmatter import FrontMatter
from .images import image_problems
from .link_addresses import link_address_problems
from .problems import Problem
from .safety import SafetyCode, unsafe_html
from .unknown_tags import unknown_tags

# An opened HTML comment that Markdown wrote out as text, outside code: it was never closed.
_SHOWN_COMMENT = re.compile(r"<(pre|code)\b.*?</\1>|(&lt;!--)", re.DOTALL)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def body_problems(
    rendered: str, front: FrontMatter, shown: str, source: Path, content: Path
) -> tuple[Problem, ...]:
    """HTML that would run code, tags no browser shows, and images the site cannot show, in `rendered` (the HTML of
    `front`'s body; the brief is the file `source` in the content folder `content`, shown to editors as `shown`)."""
    return (
        *unsafe_html(rendered, front.body, front.body_line, shown),
        *unknown_tags(rendered, front.body, front.body_line, shown),
        *image_problems(rendered, front.body, front.body_line, shown, source, content),
        *unclosed_comments(rendered, front.body, front.body_line, shown),
        *unclosed_emphasis(rendered, front.body, front.body_line, shown),
        *shallow_sub_lists(front.body, front.body_line, shown),
        *unmatched_footnotes(rendered, front.body, front.body_line, shown),
        *link_address_problems(rendered, front.body, front.body_line, shown),
    )


# '**' or '__' left in the page's text, outside code: bold that Markdown did not read as bold.
_SHOWN_STRONG = re.compile(r"<(pre|code)\b.*?</\1>|(\*\*|__)", re.DOTALL)
_STRONG_SPAN = re.compile(r"(\*\*|__)[^*_\s](?:.*?[^*_\s])?\1")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_INTRAWORD = re.compile(r"(?<=[^\W_])__+(?=[^\W_])")  # snake__case: text in both dialects


def unclosed_emphasis(rendered: str, body: str, first_line: int, shown: str) -> tuple[Problem, ...]:
    """Bold written so that Markdown shows its asterisks ('**Resist sanctions. **In recent…', '** Lead.**'): the
    card's title and the page read '**Resist sanctions.' as typed. Said at the first line, outside a fenced block
    and code, where a '**' (or '__') is left once the bold written right is taken out."""
    if ("**" not in rendered and "__" not in rendered) or not any(
        match.group(2) for match in _SHOWN_STRONG.finditer(rendered)
    ):
        return ()
    fenced = False
    for number, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        left = _STRONG_SPAN.sub("", _INTRAWORD.sub("", _CODE_SPAN.sub("", line))) if not fenced else ""
        mark = "**" if "**" in left else "__" if "__" in left else ""
        if mark:
            message = (
                f"the '{mark}' on this line shows on the page as typed, not as bold: write bold text with the "
                f"'{mark}' touching its first and last words ({mark}like this{mark}), and a space or punctuation "
                "after the closing one"
            )
            return (Problem(shown, first_line + number, message, code=SafetyCode.EMPHASIS_NOT_CLOSED),)
    return ()


# A list item's line: its indentation and its mark ("- ", "* ", "+ ", "1. ", "1) ").
_LIST_ITEM = re.compile(r"^(?P<indent> *)(?:[-*+]|\d{1,9}[.)])(?: |$)")
_SHALLOW_ITEM = re.compile(
    r"(?m)^ {1,3}(?:[-*+]|\d{1,9}[.)]) "
)  # the cheap test: a list item indented 1 to 3


def shallow_sub_lists(body: str, first_line: int, shown: str) -> tuple[Problem, ...]:
    """A list item indented by fewer than 4 spaces under the item above ('- Point:' then '  - detail', as VS Code,
    Typora and Obsidian indent): Markdown here nests a list only at 4 spaces, and read the detail as a point of its
    own (the card showed it as a key point) or as text run into the point above ('Because: - one - two'). Said once,
    at the first such line outside a fenced block."""
    if not _SHALLOW_ITEM.search(body):
        return ()
    fenced, above = False, None  # above: the indentation of the list item the lines since belong to
    for number, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fenced, above = not fenced, None
            continue
        if fenced or not line.strip():
            continue
        item = _LIST_ITEM.match(line)
        if item is None:
            if not line.startswith(" "):  # a paragraph at the margin ends the list
                above = None
            continue
        indent = len(item["indent"])
        if above is not None and above < indent < above + 4:
            message = (
                f"this list item is indented by {indent - above} space{'s' if indent - above > 1 else ''} under "
                "the item above, which Markdown does not read as a list inside it: the page shows it as an item "
                "of its own or as text run into the one above; indent it by 4 spaces to make it part of the item "
                "above, or not at all to keep it an item of the same list"
            )
            return (Problem(shown, first_line + number, message, code=SafetyCode.SUB_LIST_NOT_NESTED),)
        above = indent
    return ()


# A footnote's mark left as text, outside code ("[^1]"), and a note's own element in Python-Markdown's footnotes.
_SHOWN_MARK = re.compile(r"<(pre|code)\b.*?</\1>|\[\^(?P<label>[^\]\s]+)\](?!:)", re.DOTALL)
_NOTE = re.compile(r'<li id="fn:(?P<label>[^"]+)"')


def unmatched_footnotes(rendered: str, body: str, first_line: int, shown: str) -> tuple[Problem, ...]:
    """A footnote's mark with no note ('…interests.[^1]' and no '[^1]: …' line), which the page shows as typed,
    and a note no mark in the text refers to, which readers cannot reach and whose link back leads nowhere. Each
    said at the line of its mark or note."""
    if "[^" not in rendered and 'id="fn:' not in rendered:
        return ()
    lines = body.split("\n")
    found: list[Problem] = []
    for mark in _SHOWN_MARK.finditer(rendered):
        label = mark["label"]
        if label is None:
            continue
        at = _line_holding(lines, f"[^{label}]")
        message = (
            f"the footnote mark '[^{label}]' has no note, so the page shows it as typed: add the note on a line of "
            f"its own, '[^{label}]: The note's text.', or remove the mark"
        )
        found.append(Problem(shown, first_line + at, message, code=SafetyCode.FOOTNOTE_WITHOUT_NOTE))
    for note in _NOTE.finditer(rendered):
        label = html.unescape(note["label"])
        if f'id="fnref:{note["label"]}"' in rendered:
            continue
        at = _line_holding(lines, f"[^{label}]:")
        message = (
            f"the note '[^{label}]:' is marked nowhere in the text, so readers cannot reach it: put '[^{label}]' "
            "after the words it is about, or remove the note"
        )
        found.append(Problem(shown, first_line + at, message, code=SafetyCode.NOTE_WITHOUT_MARK))
    return tuple(found)


def _line_holding(lines: list[str], text: str) -> int:
    """The index of the first line holding `text` (0, the body's first line, when none does)."""
    return next((number for number, line in enumerate(lines) if text in line), 0)


def unclosed_comments(rendered: str, body: str, first_line: int, shown: str) -> tuple[Problem, ...]:
    """An HTML comment opened and never closed ('<!-- TODO check figures'): Markdown shows it on the page as typed,
    the editor's note with it. Said at the first line, outside a fenced block, with a '<!--' that no '-->' follows."""
    if not any(match.group(2) for match in _SHOWN_COMMENT.finditer(rendered)):
        return ()
    lines, fenced, opened = body.split("\n"), False, None
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or "<!--" not in line:
            continue
        rest = "\n".join(lines[number:])
        if "-->" not in rest[rest.rindex("<!--", 0, len(line)) + 4 :]:
            opened = number
            break
    if opened is None:
        return ()
    message = (
        "an HTML comment is opened here ('<!--') and never closed: end it with '-->', or the note shows on the "
        "page as typed"
    )
    return (Problem(shown, first_line + opened, message, code=SafetyCode.COMMENT_NOT_CLOSED),)
