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
    Explore NAEI                                     the series' closing line: a link to that page

The series furniture is read as it appears in #4: the labels above the date (topics and regions, on one line
or several; the series' name, SERIES_NAME, may stand alone above the date) go to the front matter, and the closing
"Explore …" line becomes the link to the page it names (``content/pages/``, by slug, file, title or menu
title). Names the registries do not list are reported, never invented.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reality_check.plugins.brief_registry import BriefFileError, Problem, Registry, read_brief
from reality_check.plugins.brief_registry.briefs import PAGES_DIR, markdown_files
from reality_check.plugins.brief_registry.dates import DATE_SHAPE, DateError, read_date
from reality_check.plugins.brief_registry.registry import AUTHORS_FILE, REGIONS_FILE, TOPICS_FILE
from reality_check.plugins.brief_registry.rules import names_joined, unknown_name
from reality_check.plugins.brief_registry.textfile import lines_of
from reality_check.plugins.summary_card.card import normalize_heading, recommendation_number
from reality_check.plugins.summary_card.sentences import first_sentence

from .scaffold import BriefRequest, front_matter
from .settings import EditorSettings

_BYLINE = re.compile(r"^By\s+(?P<names>.+)$")
# What a bullet point starts with in a draft: •, and what word processors paste for theirs (Google Docs' ●, ○ and
# ■, Word's · and its Symbol-font bullets U+F0B7 and U+F0A7, arrows), or a Markdown-style - or *.
_BULLET = re.compile(r"^[•◦▪▫‣⁃●○■□·∙\uf0b7\uf0a7\uf076\uf0d8➢➤►*–—-]\s+(?P<text>.+)$")
# Outside the key points, a line opening with a dash is a quotation's attribution ('— Angela Merkel, 2017'), not a
# point; Markdown's own '- ' and '* ' lists, and a word processor's bullets, are still lists there.
_HYPHEN_BULLET = re.compile(r"^[•◦▪▫‣⁃●○■□·∙\uf0b7\uf0a7\uf076\uf0d8➢➤►*-]\s+(?P<text>.+)$")
_CLOSING = re.compile(r"^Explore\s+(?P<name>.+?)[\s.:→›»>]*$", re.IGNORECASE)
_HEADING_MAX = 100


@dataclass(frozen=True)
class SeriesLines:
    """How a plain-text brief of the series (SERIES_NAME, "Reality Check") writes its date line and its title."""

    series: str

    @functools.cached_property
    def label(self) -> re.Pattern[str]:
        return re.compile(rf"^(?i:{re.escape(self.series)})\s+(?P<date>{DATE_SHAPE})$")

    @functools.cached_property
    def title(self) -> re.Pattern[str]:
        return re.compile(rf"^(?i:{re.escape(self.series)})\s*#\s*(?P<number>\d+)\s*[:.–—-]\s*(?P<title>.+)$")

    def opens(self, line: str) -> bool:
        """Whether `line` starts with the series' name, in any capitals ("Reality check March 5, 2021")."""
        return line.casefold().startswith(self.series.casefold())

    @property
    def date_line(self) -> str:
        """The date line as the messages show it, in the two orders a day is written in."""
        return (
            f"'{self.series} <date>', such as '{self.series} 5 March 2021' or '{self.series} March 5, 2021'"
        )

    @property
    def layout(self) -> str:
        return f"its topics, '{self.series} <date>', '{self.series} #<number>: <title>', 'By <authors>', then the text"


class SeedCode(StrEnum):
    """Every way a plain-text brief can depart from the layout `make import` reads."""

    EMPTY = "seed-empty"
    UNKNOWN_TERM = "seed-unknown-topic-or-region"  # a label the registries do not list
    ENDS_EARLY = "seed-ends-early"  # the text stops before the date, title or byline
    UNEXPECTED_LINE = "seed-unexpected-line"  # a line where the date, title or byline belongs
    DATE_NOT_REAL = "seed-date-not-real"
    UNKNOWN_AUTHOR = "seed-unknown-author"
    CLOSING_NAMES_NO_PAGE = "seed-closing-names-no-page"  # a note: "Explore …" was kept as a paragraph


class SeedError(Exception):
    """The text does not follow the layout, or names what the registries do not list; nothing was written."""

    def __init__(self, problems: list[Problem], unknown_authors: tuple[str, ...] = ()) -> None:
        self.problems = problems
        self.unknown_authors = unknown_authors
        super().__init__("\n".join(map(str, problems)))


@dataclass(frozen=True)
class PageLink:
    """A standalone page the closing line can point to, and the names a draft may call it by."""

    target: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class SeedBrief:
    """A brief read from the plain-text layout: its front matter, its body as Markdown, and notes for the editor
    about what was kept as plain text though it looked like series furniture."""

    request: BriefRequest
    number: int
    body: str
    notes: tuple[Problem, ...] = ()

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


def _page_name(text: str) -> str:
    """A page's name as compared with a closing line: case, spacing and a leading 'About (the)' set aside."""
    words = text.casefold().replace("-", " ").split()
    if words[:1] == ["about"]:
        words = words[1:]
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def site_pages(content: Path) -> tuple[PageLink, ...]:
    """The pages under ``content/pages`` a closing line can link to (those the build can read; `make check` names
    the others)."""
    links = []
    for path in markdown_files(content, PAGES_DIR):
        try:
            data = read_brief(path, str(path)).data
        except BriefFileError:
            continue
        names = [path.stem, *(str(data[k]) for k in ("slug", "title", "nav_title") if data.get(k))]
        target = "{filename}/" + path.relative_to(content).as_posix()
        links.append(PageLink(target, tuple(dict.fromkeys(_page_name(n) for n in names))))
    return tuple(links)


def closing_link(line: str, pages: Sequence[PageLink]) -> str | None:
    """The Markdown link a closing line such as 'Explore NAEI' stands for, or None if it names no page."""
    match = _CLOSING.match(line)
    if match is None:
        return None
    wanted = _page_name(match.group("name"))
    target = next((page.target for page in pages if wanted in page.names), None)
    return f"[{escape(line)}]({target})" if target else None


def parse_seed(
    text: str, path: str, registry: Registry, settings: EditorSettings, pages: Sequence[PageLink] = ()
) -> SeedBrief:
    """Read a plain-text brief; raise SeedError listing every problem as ``path:line: message``.

    `pages` are the pages the closing "Explore …" line may link to (see :func:`site_pages`).
    """
    lines = [(n, " ".join(line.split())) for n, line in enumerate(lines_of(text), start=1) if line.strip()]
    series = SeriesLines(settings.series)
    if not lines:
        raise SeedError(
            [
                Problem(
                    path,
                    1,
                    f"the file is empty (expected a plain-text brief: {series.layout})",
                    code=SeedCode.EMPTY,
                )
            ]
        )
    topics, regions, problems = _read_labels(lines, path, registry, series)
    (date_line, label), (_, title), (byline_line, byline) = _read_header(lines, path, problems, series)
    date = _read_date(label.group("date"), path, date_line, problems)
    authors = tuple(names_joined(byline.group("names")))
    unknown_authors = tuple(name for name in authors if registry.author(name) is None)
    problems.extend(_unknown_author(name, path, byline_line, registry) for name in unknown_authors)
    if problems:
        raise SeedError(problems, unknown_authors)

    request = BriefRequest(
        title.group("title"), authors, tuple(dict.fromkeys(topics)), tuple(dict.fromkeys(regions)), date
    )
    body, link, notes = _read_closing(lines[3:], path, pages)
    markdown = body_markdown(unwrapped(body, settings), settings)
    if link:
        markdown += f"\n{link}\n"
    return SeedBrief(request, int(title.group("number")), markdown, notes)


Lines = list[tuple[int, str]]  # (line number, text with its spaces collapsed), blank lines left out


def _read_labels(
    lines: Lines, path: str, registry: Registry, series: SeriesLines
) -> tuple[list[str], list[str], list[Problem]]:
    """Take the topic and region labels off the top of ``lines``: the topics, the regions, and names not known."""
    topics: list[str] = []
    regions: list[str] = []
    problems: list[Problem] = []
    terms = [term.name for term in (*registry.topics, *registry.regions)]
    if lines and not any(series.opens(line) for _, line in lines):
        # Not every line an unknown topic (a draft without its date line read as 67 of them): what is missing.
        missing = f"no line reads {series.date_line}"
        raise SeedError(
            [
                Problem(
                    path, lines[0][0], f"{missing}: a brief is {series.layout}", code=SeedCode.UNEXPECTED_LINE
                )
            ]
        )
    while lines and not series.opens(lines[0][1]):
        number, line = lines.pop(0)
        found_topics, found_regions, unknown = _names_in(line, registry)
        topics.extend(found_topics)
        regions.extend(found_regions)
        problems.extend(
            Problem(
                path,
                number,
                unknown_name("topic or region", name, f"{TOPICS_FILE} or {REGIONS_FILE}", terms),
                code=SeedCode.UNKNOWN_TERM,
            )
            for name in unknown
        )
    joined = f"{series.series} {lines[1][1]}" if len(lines) > 1 else ""
    if lines and lines[0][1].casefold() == series.series.casefold() and series.label.match(joined):
        lines[:2] = [(lines[0][0], joined)]  # the series label above the date
    return topics, regions, problems


def _read_header(
    lines: Lines, path: str, problems: list[Problem], series: SeriesLines
) -> list[tuple[int, re.Match[str]]]:
    """The series label with the date, the numbered title and the byline, each with its line; the text stops
    here (SeedError, with the ``problems`` found so far) when one of them is missing."""
    name = series.series
    expected = (
        (series.label, series.date_line),
        (series.title, f"'{name} #<number>: <title>'"),
        (_BYLINE, "'By <author> and <author>'"),
    )
    found = []
    for index, (pattern, description) in enumerate(expected):
        if index >= len(lines[:3]):
            last = lines[-1][0] if lines else 1
            ends = Problem(path, last, f"the text ends before {description}", code=SeedCode.ENDS_EARLY)
            raise SeedError([*problems, ends])
        number, line = lines[index]
        match = pattern.match(line)
        if match is None:
            unexpected = Problem(
                path, number, f"expected {description} (got {line!r})", code=SeedCode.UNEXPECTED_LINE
            )
            raise SeedError([*problems, unexpected])
        found.append((number, match))
    return found


def _read_date(text: str, path: str, line: int, problems: list[Problem]) -> datetime.date | None:
    """The date of the series label in any of the forms editors write it in (`read_date`), or None and a
    problem."""
    try:
        return read_date(text, "the date")
    except DateError as error:
        problems.append(Problem(path, line, str(error), code=SeedCode.DATE_NOT_REAL))
        return None


def _unknown_author(name: str, path: str, line: int, registry: Registry) -> Problem:
    message = unknown_name("author", name, AUTHORS_FILE, [p.name for p in registry.authors])
    if is_institution(name):
        message += (
            f": if {name} is where an author works, leave it out of the 'By' line (make author's AFFILIATION= "
            "records it with the author)"
        )
    return Problem(path, line, message, code=SeedCode.UNKNOWN_AUTHOR)


# Words that name an organisation, not a person: 'By Emma Ashford, Atlantic Council' lists where she works.
_INSTITUTION = re.compile(
    r"\b(?:council|institute|institution|university|college|center|centre|foundation|program|programme|"
    r"initiative|school|department|ministry|agency|office|committee|association|society|group|project|"
    r"endowment|fund|forum|network|lab|laboratory|academy|corporation|inc|ltd)\b",
    re.IGNORECASE,
)


def is_institution(name: str) -> bool:
    """Whether a name in a byline names an organisation ('Atlantic Council', 'Stimson Center')."""
    return bool(_INSTITUTION.search(name))


def _read_closing(
    body: Lines, path: str, pages: Sequence[PageLink]
) -> tuple[Lines, str | None, tuple[Problem, ...]]:
    """The body without its closing "Explore …" line, that line as a link to a page, and a note when it names
    no page (then it stays a paragraph)."""
    link = closing_link(body[-1][1], pages) if body else None
    if link:
        return body[:-1], link, ()
    if body and _CLOSING.match(body[-1][1]):
        known = ", ".join(page.target.removeprefix("{filename}/") for page in pages) or "none"
        note = Problem(
            path,
            body[-1][0],
            f"the closing line {body[-1][1]!r} names no page in content/{PAGES_DIR} (there: {known}); "
            "it was kept as a paragraph: name a page, e.g. 'Explore NAEI', or link it by hand",
            code=SeedCode.CLOSING_NAMES_NO_PAGE,
        )
        return body, None, (note,)
    return body, None, ()


# How a line that a draft's hard line break cut off ends: with no mark that ends a sentence or a heading.
_ENDS_A_BLOCK = (".", "!", "?", ":", ";", "…", "”", '"', "’", "'", ")")
# A cut line at least this long goes on on the next line, whatever that starts with: a heading is shorter.
_WRAPPED_MIN = 60
# A key point numbered in the draft ('1. The arrest…', '2) Given…'): the card's key points are a bulleted list.
_NUMBERED_POINT = re.compile(r"^\d{1,2}[.)]\s+(?P<text>.+)$")


def unwrapped(body: Lines, settings: EditorSettings) -> list[str]:
    """The body's lines with the lines a hard line break cut (an e-mail's, a PDF's) joined again: a line that goes
    on directly below one that ends without a full stop or other closing mark, and starts in lower case or
    follows a long line, is the same paragraph or point (the seed's paragraphs are one line each, with a blank
    line between them)."""
    known = _card_headings(settings)
    joined: list[tuple[int, str]] = []
    for number, line in body:
        if joined and _goes_on(joined[-1], number, line, known):
            joined[-1] = (number, f"{joined[-1][1]} {line}")
        else:
            joined.append((number, line))
    return [line for _, line in joined]


def _goes_on(previous: tuple[int, str], number: int, line: str, known: frozenset[str]) -> bool:
    last, text = previous
    return (
        number == last + 1  # no blank line between them
        and not text.endswith(_ENDS_A_BLOCK)
        and normalize_heading(text) not in known
        and normalize_heading(line) not in known
        and not (_BULLET.match(line) or _NUMBERED_POINT.match(line) or recommendation_number(line))
        and (line[:1].islower() or len(text) >= _WRAPPED_MIN)
    )


def _card_headings(settings: EditorSettings) -> frozenset[str]:
    """The card's section headings, as `normalize_heading` writes them."""
    card = settings.card
    return frozenset(
        normalize_heading(n) for n in (*card.key_points_headings, *card.recommendations_headings)
    )


def body_markdown(lines: list[str], settings: EditorSettings) -> str:
    """The body lines as Markdown blocks: headings, bullet lists, paragraphs and numbered recommendations."""
    recommendation_names = {normalize_heading(n) for n in settings.card.recommendations_headings}
    key_points_names = {normalize_heading(n) for n in settings.card.key_points_headings}
    known_headings = _card_headings(settings)
    blocks: list[str] = []
    bullets: list[str] = []
    in_recommendations = in_key_points = False
    following = 1  # the number the next recommendation has: a paragraph opening '10 years of…' is not one

    def flush_bullets() -> None:
        if bullets:
            blocks.append("\n".join(f"- {escape(item)}" for item in bullets))
            bullets.clear()

    for index, line in enumerate(lines):
        bullet = _BULLET.match(line) if in_key_points else _HYPHEN_BULLET.match(line)
        bullet = bullet or (_NUMBERED_POINT.match(line) if in_key_points else None)
        if bullet:
            bullets.append(bullet.group("text"))
            continue
        flush_bullets()
        numbered = recommendation_number(line) if in_recommendations else None
        if numbered and numbered[1] and numbered[0] == following:
            number, text = numbered
            following += 1
            lead, rest = first_sentence(text)
            item = f"**{escape(lead)}** {escape(rest)}" if rest else f"**{escape(lead)}**"
            blocks.append(f"{number}. {item}")
        elif normalize_heading(line) in known_headings or _looks_like_heading(line, index, lines):
            in_recommendations = normalize_heading(line) in recommendation_names
            in_key_points = normalize_heading(line) in key_points_names
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
        and not line.startswith(("—", "–"))  # a quotation's attribution
    )
