"""Where a heading of a brief's Markdown source is: the one way the build and `make check` name a card problem's line.

The card is extracted from rendered HTML, which has no line numbers; a problem about a section is placed at its
heading in the Markdown source, found here. Fenced code is skipped (a "## Key points" shown as code is no heading),
and a heading's text is compared as the rendered page shows it (emphasis, links and escapes resolved).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bs4 import BeautifulSoup

from reality_check.plugins.brief_registry.frontmatter import FrontMatter
from reality_check.plugins.brief_registry.markdown_source import content_lines
from reality_check.plugins.brief_registry.problems import Problem

from .card import CardProblem, ProblemCode, normalize_heading, plain_text

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_CLOSED_COMMENT = re.compile(r"<!--.*?-->")
_HTML_HEADING = re.compile(r"^\s*<h(?P<level>[1-6])\b[^>]*>(?P<text>.*?)</h(?P=level)\s*>", re.IGNORECASE)

Render = Callable[[str], str]  # Markdown of one line to HTML, as the site renders it


@dataclass(frozen=True)
class SourceHeading:
    """A Markdown heading, its text as a reader sees it, and its line in the file."""

    line: int
    level: int
    text: str


def headings(body: str, first_line: int, render: Render) -> tuple[SourceHeading, ...]:
    """Every ATX (``## Title``), setext (underlined) and HTML (``<h2>Title</h2>``) heading of `body`, which starts
    at `first_line`, outside fenced code and HTML comments (an editor's note, which the page leaves out)."""
    found = []
    previous: tuple[int, str] | None = None
    commented = False  # inside an HTML comment: an editor's note, which the page leaves out
    for number, line in content_lines(body, first_line):
        opened, commented = commented, _still_commented(line, commented)
        if opened:  # the line starts inside a comment
            previous = None
            continue
        if "<!--" in line:  # '## Key points <!-- to check -->': the heading without the note
            line = _CLOSED_COMMENT.sub("", line).split("<!--")[0]
        atx = _ATX.match(line)
        html_heading = _HTML_HEADING.match(line)
        if html_heading:  # pasted as HTML: '<h2>Key points</h2>'
            found.append(
                SourceHeading(number, int(html_heading["level"]), _inline_text(html_heading["text"], render))
            )
        elif atx:
            found.append(
                SourceHeading(number, len(atx.group(1)), _inline_text(atx.group("text") or "", render))
            )
        elif (
            previous
            and previous[0] == number - 1  # the line just above: not one before a fenced block
            and previous[1].strip()
            and _SETEXT.match(line)
            and not _ATX.match(previous[1])
        ):
            level = 1 if line.strip().startswith("=") else 2
            found.append(SourceHeading(previous[0], level, _inline_text(previous[1], render)))
        previous = (number, line)
    return tuple(found)


def _still_commented(line: str, commented: bool) -> bool:
    """Whether an HTML comment is open after `line`, given whether one was open before it."""
    position = 0
    while True:
        if commented:
            end = line.find("-->", position)
            if end < 0:
                return True
            commented, position = False, end + 3
        else:
            start = line.find("<!--", position)
            if start < 0:
                return False
            commented, position = True, start + 4


def _inline_text(markdown_text: str, render: Render) -> str:
    """The text of a heading's Markdown as the rendered page shows it (emphasis and links dropped)."""
    return plain_text(BeautifulSoup(render(markdown_text.strip()), "html.parser"))


def find_heading(
    found: tuple[SourceHeading, ...], names: tuple[str, ...], occurrence: int = 0
) -> SourceHeading | None:
    """The first heading matching one of `names` the way the summary card matches them (or the one after
    `occurrence` others that match)."""
    wanted = {normalize_heading(name) for name in names}
    matching = [h for h in found if normalize_heading(h.text) in wanted]
    return matching[occurrence] if occurrence < len(matching) else None


def problem_line(
    problem: CardProblem, front: FrontMatter, found: tuple[SourceHeading, ...], render: Render
) -> int:
    """The line a card problem is reported at, by the build and by ``make check`` alike.

    A front-matter key's line when the problem is about one; else its heading's, or its paragraph's (a heading
    written as a paragraph, whose lines `render` shows as the page does); a missing recommendations
    section belongs after the last heading; anything else where the body starts.
    """
    if problem.field:
        return front.line_of(problem.field, problem.index)
    if problem.paragraph:
        wanted = normalize_heading(problem.paragraph)
        for number, line in content_lines(front.body, front.body_line):
            if (
                wanted.split()[0] in line.casefold()
                and normalize_heading(_inline_text(line, render)) == wanted
            ):
                return number
    if problem.heading:
        heading = find_heading(found, (problem.heading,), problem.occurrence)
        return heading.line if heading else front.body_line
    if problem.code == ProblemCode.NO_RECOMMENDATIONS and found:
        return found[-1].line
    return front.body_line


def located_problems(
    shown: str, front: FrontMatter | None, problems: Iterable[CardProblem], render: Render
) -> list[Problem]:
    """Card problems as ``path:line: message`` with their codes, worded and placed the same in the build and in
    ``make check``; at the file's first line when its front matter cannot be read (brief_registry says why)."""
    problems = tuple(problems)
    if not problems:
        return []
    if front is None:
        return [Problem(shown, 1, p.message, code=p.code) for p in problems]
    found = headings(front.body, front.body_line, render)
    return [Problem(shown, problem_line(p, front, found, render), p.message, code=p.code) for p in problems]
