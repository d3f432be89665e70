"""Convert a brief in the plain-text layout briefs arrive in (the seed of Reality Check #4) into Markdown.

The layout, one item per line, blank lines ignored::

    Politics & Diplomacy Russia                      topics and regions, by their registry names
    Reality Check March 5, 2021                      the date
    Reality Check #4: Focus on interests, …          the series number and the title
    By Emma Ashford and Mathew Burrows               the authors
    Key points                                       then "•" bullets
    What’s the issue?                                section headings: short lines without a full stop
    …paragraphs…
    What is the solution?
    1 Resist further sanctions. In recent years, …   numbered recommendations: lead sentence, then the rest

Names the registries do not list are reported, never invented.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from brief_registry import Problem, Registry
from brief_registry.nearmiss import did_you_mean
from brief_registry.registry import AUTHORS_FILE, REGIONS_FILE, TOPICS_FILE
from summary_card.card import normalize_heading
from summary_card.sentences import first_sentence

from .scaffold import BriefRequest, front_matter
from .settings import EditorSettings

_LABEL = re.compile(r"^Reality Check\s+(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})$")
_TITLE = re.compile(r"^Reality Check\s*#\s*(?P<number>\d+)\s*[:.–—-]\s*(?P<title>.+)$")
_BYLINE = re.compile(r"^By\s+(?P<names>.+)$")
_NAME_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_BULLET = re.compile(r"^[•◦▪‣*–-]\s+(?P<text>.+)$")
_NUMBERED = re.compile(r"^(?P<number>\d{1,2})[.)]?\s+(?P<text>.+)$")
_HEADING_MAX = 100
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y")


class SeedError(Exception):
    """The text does not follow the layout, or names what the registries do not list; nothing was written."""

    def __init__(self, problems: list[Problem], unknown_authors: tuple[str, ...] = ()) -> None:
        self.problems = problems
        self.unknown_authors = unknown_authors
        super().__init__("\n".join(map(str, problems)))


@dataclass(frozen=True)
class SeedBrief:
    """A brief read from the plain-text layout: its front matter and its body as Markdown."""

    request: BriefRequest
    number: int
    body: str

    def markdown(self) -> str:
        return (
            front_matter(self.request, self.number, self.request.date or datetime.date.today())
            + "\n"
            + self.body
        )


def escape(text: str) -> str:
    """Plain text as Markdown that renders back to the same text (no accidental emphasis, links or HTML)."""
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = re.sub(r"([\\`*_\[\]])", r"\\\1", text)
    text = text.replace("<", "&lt;")
    text = re.sub(r"^(\d+)([.)] )", r"\1\\\2", text)
    return re.sub(r"^(#|>|[-+*] )", r"\\\1", text)


def _names_in(line: str, registry: Registry) -> tuple[list[str], list[str], list[str]]:
    """Split the topic line into registry topics and regions (longest names first), and what is left."""
    names = {t.name: "topic" for t in registry.topics} | {r.name: "region" for r in registry.regions}
    topics: list[str] = []
    regions: list[str] = []
    if names:
        pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)"
        )
        for match in pattern.finditer(line):
            (topics if names[match.group(1)] == "topic" else regions).append(match.group(1))
        line = pattern.sub("\n", line)
    leftovers = [" ".join(part.split()) for part in line.split("\n") if part.strip(" ,;|·")]
    return topics, regions, [part.strip(" ,;|·") for part in leftovers]


def _unknown(message: str, name: str, known: list[str]) -> str:
    suggestion = did_you_mean(name, known)
    return f"{message}: {suggestion}" if suggestion else message


def parse_seed(text: str, path: str, registry: Registry, settings: EditorSettings) -> SeedBrief:
    """Read a plain-text brief; raise SeedError listing every problem as ``path:line: message``."""
    lines = [(n, " ".join(line.split())) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    problems: list[Problem] = []
    if not lines:
        raise SeedError([Problem(path, 1, "the file is empty")])

    topics: list[str] = []
    regions: list[str] = []
    if not lines[0][1].startswith("Reality Check"):
        number, line = lines.pop(0)
        topics, regions, unknown = _names_in(line, registry)
        terms = [term.name for term in (*registry.topics, *registry.regions)]
        problems.extend(
            Problem(
                path,
                number,
                _unknown(
                    f"unknown topic or region '{name}' (not listed in {TOPICS_FILE} or {REGIONS_FILE})",
                    name,
                    terms,
                ),
            )
            for name in unknown
        )

    header = lines[:3]
    expected = (
        (_LABEL, "'Reality Check <date>', such as 'Reality Check March 5, 2021'"),
        (_TITLE, "'Reality Check #<number>: <title>'"),
        (_BYLINE, "'By <author> and <author>'"),
    )
    found = []
    for index, (pattern, description) in enumerate(expected):
        if index >= len(header):
            raise SeedError(
                [
                    *problems,
                    Problem(path, lines[-1][0] if lines else 1, f"the text ends before {description}"),
                ]
            )
        number, line = header[index]
        match = pattern.match(line)
        if match is None:
            raise SeedError([*problems, Problem(path, number, f"expected {description} (got {line!r})")])
        found.append((number, match))
    (date_line, label), (_, title), (byline_line, byline) = found

    date = None
    for date_format in _DATE_FORMATS:
        try:
            date = datetime.datetime.strptime(label.group("date"), date_format).date()
            break
        except ValueError:
            continue
    if date is None:
        problems.append(Problem(path, date_line, f"'{label.group('date')}' is not a real date"))

    authors = tuple(n for n in _NAME_SEPARATORS.split(byline.group("names").strip()) if n)
    unknown_authors = tuple(name for name in authors if registry.author(name) is None)
    problems.extend(
        Problem(
            path,
            byline_line,
            _unknown(
                f"unknown author '{name}' (not listed in {AUTHORS_FILE})",
                name,
                [p.name for p in registry.authors],
            ),
        )
        for name in unknown_authors
    )
    if problems:
        raise SeedError(problems, unknown_authors)

    request = BriefRequest(title.group("title"), authors, tuple(topics), tuple(regions), date)
    return SeedBrief(
        request, int(title.group("number")), body_markdown([line for _, line in lines[3:]], settings)
    )


def body_markdown(lines: list[str], settings: EditorSettings) -> str:
    """The body lines as Markdown blocks: headings, bullet lists, paragraphs and numbered recommendations."""
    recommendation_names = {normalize_heading(n) for n in settings.card.recommendations_headings}
    known_headings = {normalize_heading(n) for n in settings.card.key_points_headings} | recommendation_names
    blocks: list[str] = []
    bullets: list[str] = []
    in_recommendations = False

    def flush_bullets() -> None:
        if bullets:
            blocks.append("\n".join(f"- {escape(item)}" for item in bullets))
            bullets.clear()

    for index, line in enumerate(lines):
        bullet = _BULLET.match(line)
        if bullet:
            bullets.append(bullet.group("text"))
            continue
        flush_bullets()
        numbered = _NUMBERED.match(line) if in_recommendations else None
        if numbered:
            lead, rest = first_sentence(numbered.group("text"))
            item = f"**{escape(lead)}** {escape(rest)}" if rest else f"**{escape(lead)}**"
            blocks.append(f"{numbered.group('number')}. {item}")
        elif normalize_heading(line) in known_headings or _looks_like_heading(line, index, lines):
            in_recommendations = normalize_heading(line) in recommendation_names
            blocks.append(f"## {escape(line)}")
        else:
            blocks.append(escape(line))
    flush_bullets()
    return "\n\n".join(blocks) + "\n"


def _looks_like_heading(line: str, index: int, lines: list[str]) -> bool:
    """A short line without a closing full stop, followed by more text, is a section heading."""
    return (
        index + 1 < len(lines)
        and len(line) <= _HEADING_MAX
        and not line.endswith((".", ",", ";", ":", "”", '"', "'", "…", ")"))
    )
