"""Extract a brief's summary card from its rendered HTML (and, where it gives them, its front matter).

Everything here is pure: it takes HTML, front-matter data and settings and returns frozen values, so
the Pelican handler stays a thin adapter and the tests can feed fragments straight in.

Editors write briefs in several ways; each is read into the same card:

* key points: the list (``-``, ``*`` or numbered) under a heading such as "Key points";
* recommendations, under a heading such as "What is the solution?", as
  - an ordered list whose items start with a bold lead sentence, or without bold (the lead is the
    first sentence);
  - numbered sub-headings (``### 1. Title``), each followed by paragraphs;
  - paragraphs starting with a number and the lead sentence (``1 Resist further sanctions. In…``);
* front matter ``key_points:`` / ``recommendations:``, which win over the body, field by field.
"""

from __future__ import annotations

import contextlib
import difflib
import html
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag

from reality_check.plugins.brief_registry.addresses import links_resolved
from reality_check.plugins.plugin_support.html_words import WORD_BREAKING_TAGS
from reality_check.plugins.plugin_support.plain_text import markdown_in
from reality_check.plugins.plugin_support.quoting import shortened

from .sanitise import INLINE_TAGS, clean_inline
from .sentences import first_sentence

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LEAD_TAGS = ("strong", "b")
RECOMMENDATION_ANCHOR = "recommendation-{number}"

# The one place the accepted section headings are defined (Pelican settings may replace them).
DEFAULT_KEY_POINTS_HEADINGS = ("Key points", "Key takeaways", "Summary")
DEFAULT_RECOMMENDATIONS_HEADINGS = (
    "What is the solution?",
    "Recommendations",
    "What should be done?",
    "Policy recommendations",
)
# The same sections in a translated brief's language (its `lang:`), read besides the English headings above.
# SUMMARY_CARD_HEADINGS_BY_LANG replaces or adds languages: {"it": {"key_points": [...], "recommendations": [...]}}.
DEFAULT_HEADINGS_BY_LANG: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {
        "key_points": (
            "Ключевые положения",
            "Ключевые моменты",
            "Основные моменты",
            "Ключевые выводы",
            "Основные тезисы",
            "Главное",
            "Резюме",
            "Коротко",
            "Кратко",
        ),
        "recommendations": (
            "Рекомендации",
            "Что делать?",
            "Что следует сделать?",
            "Что нужно сделать?",
            "Каково решение?",
            "В чём решение?",
            "Решение",
            "Предложения",
        ),
    },
    "uk": {
        "key_points": (
            "Ключові положення",
            "Ключові моменти",
            "Основні моменти",
            "Ключові висновки",
            "Основні тези",
            "Головне",
            "Резюме",
            "Коротко",
        ),
        "recommendations": (
            "Рекомендації",
            "Що робити?",
            "Що слід зробити?",
            "Що потрібно зробити?",
            "Яке рішення?",
            "У чому рішення?",
            "Рішення",
            "Пропозиції",
        ),
    },
    "fr": {
        "key_points": ("Points clés", "Points essentiels", "À retenir", "L'essentiel", "Résumé", "En bref"),
        "recommendations": (
            "Recommandations",
            "Que faire ?",
            "Quelle est la solution ?",
            "Quelle solution ?",
            "Solutions",
            "Propositions",
        ),
    },
    "de": {
        "key_points": (
            "Kernpunkte",
            "Kernaussagen",
            "Das Wichtigste",
            "Wichtigste Punkte",
            "Zusammenfassung",
            "Auf einen Blick",
        ),
        "recommendations": (
            "Empfehlungen",
            "Handlungsempfehlungen",
            "Was ist zu tun?",
            "Was sollte getan werden?",
            "Was ist die Lösung?",
            "Lösung",
        ),
    },
}

# "1 Lead…", "1. Lead…", "1) Lead…": a recommendation's number as an author types it in running text.
# One or two digits, so that a paragraph opening with a year ("2021 saw…") is not taken for one.
_NUMBER_PREFIX = re.compile(r"^\s*(?P<number>\d{1,2})[.)]?(?:\s+|$)")
_LEAD_END = ".:;,–— "


def recommendation_number(text: str) -> tuple[int, str] | None:
    """The number `text` opens with as a recommendation's ("1 Lead…", "1. Lead…", "1) Lead…"), and the text after
    it (empty when nothing follows); None when it opens with no such number ("2021 saw…": one or two digits).
    The card's reading and `make import`'s conversion of a text draft both number recommendations this way."""
    match = _NUMBER_PREFIX.match(text)
    return (int(match["number"]), text[match.end() :]) if match else None


@dataclass(frozen=True)
class KeyPoint:
    """One key point: its plain text, and the same as safe inline HTML (links kept)."""

    text: str
    html: str


@dataclass(frozen=True)
class Recommendation:
    """One numbered recommendation, split into its lead title and the rest of its text.

    ``anchor`` is the id of its place in the body ("" when the body has no such place, e.g. a
    recommendation given only in the front matter).
    """

    number: int
    title: str
    text: str
    html: str
    anchor: str


@dataclass(frozen=True)
class BriefCard:
    """What a reader needs in ten seconds: the key points and the recommendations."""

    key_points: tuple[KeyPoint, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.key_points or self.recommendations)

    @property
    def first_key_point(self) -> str:
        """The first key point's text, or "" (the brief's description, its share image's line, its PDF's subject)."""
        return self.key_points[0].text if self.key_points else ""


@dataclass(frozen=True)
class CardSettings:
    """The section headings the extractor looks for (compared case-insensitively, trailing colon ignored)."""

    key_points_headings: tuple[str, ...] = DEFAULT_KEY_POINTS_HEADINGS
    recommendations_headings: tuple[str, ...] = DEFAULT_RECOMMENDATIONS_HEADINGS

    @property
    def key_points_heading(self) -> str:
        """The heading a new brief's key points get (the first accepted), as `make brief` and /admin/ write it."""
        return self.key_points_headings[0]

    @property
    def recommendations_heading(self) -> str:
        """The heading a new brief's recommendations get (the first accepted)."""
        return self.recommendations_headings[0]


@dataclass(frozen=True)
class GivenCard:
    """What the front matter states outright; ``None`` means "not given, read it from the body"."""

    key_points: tuple[KeyPoint, ...] | None = None
    recommendations: tuple[Recommendation, ...] | None = None


class ProblemCode(StrEnum):
    """Every problem the card can have, by name: what programs (and tests) match on, never the wording."""

    NO_KEY_POINTS = "no-key-points"  # no key-points heading (and none in the front matter)
    KEY_POINTS_NOT_A_LIST = "key-points-not-a-list"  # the heading is followed by no list
    KEY_POINTS_EMPTY_LIST = "key-points-empty-list"  # ... by a list without items
    KEY_POINTS_IN_FRONT_MATTER_AND_BODY = "key-points-in-front-matter-and-body"
    KEY_POINTS_UNDER_TWO_HEADINGS = "key-points-under-two-headings"
    KEY_POINT_REPEATED = "key-point-repeated"
    KEY_POINTS_SECTION_HOLDS_MORE = "key-points-section-holds-more"
    KEY_POINT_HOLDS_IMAGE = "key-point-holds-image"  # the card shows words; the section leaves the body
    KEY_POINT_HOLDS_LIST = "key-point-holds-list"  # the card runs a nested list's items into one line
    KEY_POINT_HOLDS_FOOTNOTE = (
        "key-point-holds-footnote"  # its note would lose its place, which leaves the body
    )
    NO_RECOMMENDATIONS = "no-recommendations"  # no recommendations heading (and none in the front matter)
    RECOMMENDATIONS_NONE_UNDER_HEADING = "recommendations-none-under-heading"
    RECOMMENDATIONS_UNDER_TWO_HEADINGS = "recommendations-under-two-headings"
    RECOMMENDATION_EMPTY = "recommendation-empty"
    RECOMMENDATION_NUMBER_REPEATED = "recommendation-number-repeated"
    # the numbered list stops, and the numbers go on outside it: '2.**Lead**' (no space), or an unindented paragraph
    RECOMMENDATIONS_LIST_CUT = "recommendations-list-cut"
    # key_points: in the front matter is not a list of sentences
    KEY_POINTS_FIELD_SHAPE = "key-points-field-shape"
    RECOMMENDATIONS_FIELD_SHAPE = "recommendations-field-shape"  # recommendations: is malformed


@dataclass(frozen=True)
class CardProblem:
    """Something an editor should fix, and what it is about, so the message can point at a line.

    ``code`` says which problem it is, for programs (the same in the build and ``make check``, whose messages
    are this one's); ``heading`` is the text of a heading in the body (``occurrence``: which one, when the text
    is repeated); ``field`` (with ``index``) a front-matter key.
    """

    message: str
    code: ProblemCode
    heading: str = ""
    field: str = ""
    index: int | None = None
    # which of the body's headings of that text (0: the first), when a heading is repeated
    occurrence: int = 0
    paragraph: str = ""  # the text of a paragraph it is about (a heading written as one), when not a heading

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class BodyEdit:
    """The body below the card, as an edit of the HTML it was extracted from: `pieces` are, in order, ranges of
    that HTML's characters (``(start, end)``) and text of the body's own.

    The card takes one section out of the body and gives the recommendations anchors: the edit holds those few
    changed lines and the body is made again from the brief's HTML, which Pelican holds anyway, each time a page
    shows it (a copy of every body, kept all build long, was 37 KB a brief: 0.37 GB at 10,000)."""

    length: int  # the length of the HTML it applies to
    pieces: tuple[tuple[int, int] | str, ...]

    @classmethod
    def between(cls, html: str, body: str) -> BodyEdit:
        """The edit that turns `html` into `body`, line by line (difflib's matching of the two bodies' lines)."""
        old, new = html.splitlines(keepends=True), body.splitlines(keepends=True)
        starts = [0, *itertools.accumulate(map(len, old))]
        pieces: list[tuple[int, int] | str] = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag == "equal":
                pieces.append((starts[i1], starts[i2]))
            elif j2 > j1:
                pieces.append("".join(new[j1:j2]))
        return cls(len(html), tuple(pieces))

    def apply(self, html: str) -> str:
        """The body, from the HTML the edit was made from."""
        if len(html) != self.length:
            raise ValueError(f"this edit is of an HTML body of {self.length} characters, not {len(html)}")
        return "".join(
            html[piece[0] : piece[1]] if isinstance(piece, tuple) else piece for piece in self.pieces
        )

    @property
    def empty(self) -> bool:
        return not self.pieces


def linked_from(card: BriefCard, page: str) -> BriefCard:
    """`card` with its relative links resolved against `page`, the address of the brief's page: the card is shown
    on listings, the embeddable card and in e-mails too, where a key point's '../another-brief/' led elsewhere."""
    if not any('href="' in item.html for item in (*card.key_points, *card.recommendations)):
        return card
    return BriefCard(
        tuple(replace(point, html=links_resolved(point.html, page)) for point in card.key_points),
        tuple(replace(rec, html=links_resolved(rec.html, page)) for rec in card.recommendations),
    )


@dataclass(frozen=True)
class Extraction:
    """The card, the body to show below it (as an edit of the HTML the card was read from), and anything an
    editor should fix."""

    card: BriefCard
    body: BodyEdit
    problems: tuple[CardProblem, ...] = ()

    def body_html(self, html: str) -> str:
        """The body to show below the card, given the HTML the card was read from."""
        return self.body.apply(html)


# How alike a heading must be to a card heading to be taken for it misspelt ("Key pionts" 0.9, "Key point"
# 0.95; "Key issues" 0.6, "Keynote" 0.59).
NEAR_HEADING = 0.8


def normalize_heading(text: str) -> str:
    """Compare headings the way an editor reads them: case, spacing, curly quotes, "what's" for "what is", "ё" for
    "е", invisible characters and a final colon or question mark don't matter, nor French typography's space before
    ? ! : ; ("Que faire ?" is "Que faire?")."""
    text = " ".join(text.translate(_READ_AWAY).split()).casefold()
    text = re.sub(r" ([?!:;])", r"\1", text)
    text = _CONTRACTED_IS.sub(r"\1 is", text)  # "What’s the solution?" is "What is the solution?"
    return text.rstrip(":?").rstrip()


# What a heading's comparison reads away: a curly apostrophe is a straight one, Russian "ё" is "е" (most typists
# write "е"), and a zero-width space or joiner pasted with the text is nothing.
_READ_AWAY = str.maketrans(
    {
        "\u2019": "'",
        "ё": "е",
        "Ё": "Е",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)


_CONTRACTED_IS = re.compile(r"\b(what|where|who|how|that|there|here|it)'s\b")


def plain_text(node: Tag | NavigableString) -> str:
    """The node's text as a reader sees it: inline tags dropped, white space folded."""
    return _squash(_inline_parts([node], markup=False))


def inline_html(node: Tag) -> str:
    """Serialise a node's children keeping only harmless inline markup (see sanitise); all text is escaped."""
    return inline_html_of(node.children)


def inline_html_of(nodes: Iterable) -> str:
    """Like :func:`inline_html`, for a run of sibling nodes."""
    return clean_inline(_squash(_inline_parts(nodes)))


def _text_of(nodes: Iterable) -> str:
    return _squash(_inline_parts(nodes, markup=False))


def _inline_parts(nodes: Iterable, markup: bool = True) -> Iterator[str]:
    """Walk nodes, yielding escaped text and allowed inline tags (or plain text only, when not markup)."""
    for node in nodes:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # skip comments, CDATA, doctype
                yield html.escape(str(node), quote=False) if markup else str(node)
        elif isinstance(node, Tag):
            if _footnote_reference(node):
                continue  # its number would read as part of the sentence ("…interests.1")
            if node.name in ("ul", "ol"):
                yield " "
                yield _items_in_a_line(node, markup)
                yield " "
                continue
            allowed = INLINE_TAGS.get(node.name)
            if allowed is None or not markup:
                block = node.name in WORD_BREAKING_TAGS
                if block:
                    yield " "
                yield from _inline_parts(node.children, markup)
                if block:
                    yield " "
                continue
            attrs = "".join(
                f' {name}="{html.escape(str(node[name]))}"' for name in allowed if node.has_attr(name)
            )
            yield f"<{node.name}{attrs}>"
            yield from _inline_parts(node.children, markup)
            yield f"</{node.name}>"


def _items_in_a_line(lst: Tag, markup: bool) -> str:
    """A list inside a line of text (a recommendation's sub-list, read into cards.json): its items in one line, each
    after the last's "; " unless the last ended a sentence or clause ("Do two things: first; second")."""
    line = ""
    for item in lst.find_all("li", recursive=False):
        text = _squash(_inline_parts(item.children, markup))
        if not text:
            continue
        if line:
            line += " " if _ENDS_A_CLAUSE.search(line) else "; "
        line += text
    return line


# The end of an item that needs no "; " after it: its own sentence's or clause's mark (inside closing tags).
_ENDS_A_CLAUSE = re.compile(r"[.!?;:…](?:</[a-z]+>)*$")


def _footnote_reference(node: Tag) -> bool:
    """Whether `node` is a footnote's number in the text (Python-Markdown's ``<sup id="fnref:1">``)."""
    return node.name == "sup" and str(node.get("id", "")).startswith("fnref")


def _squash(parts: Iterable[str]) -> str:
    return " ".join("".join(parts).split())


def _is_blank(node: object) -> bool:
    return isinstance(node, NavigableString) and (type(node) is not NavigableString or not str(node).strip())


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


# How an editor writes a recommendation, as the messages show it.
RECOMMENDATION_EXAMPLE = "'1. **Lead sentence.** Details…'"


def _key_points_missing_under(name: str) -> str:
    return f"no key points: the heading '{name}' must be followed by a bulleted list with at least one point"


# A point that starts with a word processor's bullet, which Markdown shows as text.
_PASTED_BULLET = re.compile(r"^\s*(?P<bullet>[•◦▪·●○■‣∙–—])\s")


def _not_a_list(section: KeyPointsSection) -> str:
    """Why the key points' section holds no list: its points pasted with a word processor's bullets, or none."""
    for node in section.nodes:
        pasted = _PASTED_BULLET.match(node.get_text()) if isinstance(node, Tag) and node.name == "p" else None
        if pasted:
            return (
                f"no key points: the points under the heading '{section.name}' start with "
                f"'{pasted['bullet']}', which Markdown shows as text, not as a list: start each point's line with "
                "'- ' instead"
            )
    return _key_points_missing_under(section.name)


# --- Sections of the body --------------------------------------------------------------------------


def _find_headings(soup: BeautifulSoup, names: tuple[str, ...]) -> list[Tag]:
    wanted = {normalize_heading(n) for n in names}
    return [h for h in soup.find_all(HEADING_TAGS) if normalize_heading(plain_text(h)) in wanted]


def _occurrence(heading: Tag, headings: list[Tag]) -> int:
    """How many of `headings` before `heading` read the same: which of the body's headings of its text it is."""
    same = normalize_heading(plain_text(heading))
    earlier = headings[: next(i for i, h in enumerate(headings) if h is heading)]
    return sum(1 for h in earlier if normalize_heading(plain_text(h)) == same)


def _twice(what: str, chosen: str, other: str) -> str:
    """The message for a second section of key points or recommendations, reported at its heading's line."""
    if normalize_heading(chosen) == normalize_heading(other):
        return (
            f"{what} appear twice: the heading '{chosen}' is written twice (the card shows those under the first): "
            "remove this one, or merge its list into the first"
        )
    return f"{what} appear twice: under the headings '{chosen}' and '{other}' (the card shows those under '{chosen}')"


def _near_heading(soup: BeautifulSoup, names: tuple[str, ...]) -> str:
    """The text of the first heading that reads like one of `names` misspelt ("Key pionts"), or ""."""
    wanted = [normalize_heading(n) for n in names]
    for heading in soup.find_all(HEADING_TAGS):
        text = plain_text(heading)
        if difflib.get_close_matches(normalize_heading(text), wanted, n=1, cutoff=NEAR_HEADING):
            return text
    return ""


def _missing_section(
    soup: BeautifulSoup, names: tuple[str, ...], what: str, follow: str, code: ProblemCode
) -> CardProblem:
    """The problem of a missing section: add its heading, or, for one written as a paragraph of its own ('**Key
    points**', 'Key points:'), make those words a heading."""
    wanted = {normalize_heading(n) for n in names}
    for paragraph in soup.find_all("p"):
        text = plain_text(paragraph)
        if normalize_heading(text) in wanted:
            said = (
                f"no {what}: '{text}' is written as a paragraph, not a heading: write it as "
                f"'## {text.removesuffix(':')}' on a line of its own, followed by {follow}"
            )
            return CardProblem(said, code, paragraph=text)
    return CardProblem(f"no {what}: add a heading '## {names[0]}' followed by {follow}", code)


def _level(heading: Tag) -> int:
    return int(heading.name[1])


def _section(heading: Tag) -> list[Tag | NavigableString]:
    """The siblings after a heading, up to the next heading of the same or a higher level."""
    nodes: list[Tag | NavigableString] = []
    for sibling in heading.next_siblings:
        if isinstance(sibling, Tag) and sibling.name in HEADING_TAGS and _level(sibling) <= _level(heading):
            break
        nodes.append(sibling)
    return nodes


def _first_list(nodes: list[Tag | NavigableString], names: tuple[str, ...]) -> Tag | None:
    for node in nodes:
        if isinstance(node, Tag):
            if node.name in names:
                return node
            found = node.find(names)
            if found is not None:
                return found
    return None


# --- Key points ------------------------------------------------------------------------------------


def _key_points_in(lst: Tag) -> tuple[KeyPoint, ...]:
    return tuple(
        KeyPoint(text=plain_text(li), html=inline_html(li))
        for li in lst.find_all("li", recursive=False)
        if plain_text(li)
    )


def _duplicates(texts: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    repeated: list[str] = []
    for text in texts:
        key = " ".join(text.casefold().split())
        if key in seen and text not in repeated:
            repeated.append(text)
        seen.add(key)
    return repeated


@dataclass(frozen=True)
class KeyPointsSection:
    """A heading that names the key points, the nodes after it up to the next heading, and its first list."""

    heading: Tag
    nodes: tuple[Tag | NavigableString, ...]
    items: Tag | None  # the first `ul` or `ol` in the section

    @property
    def name(self) -> str:
        return plain_text(self.heading)

    @property
    def holds_only_its_list(self) -> bool:
        return self.items is not None and all(n is self.items or _is_blank(n) for n in self.nodes)


def _find_key_points_sections(soup: BeautifulSoup, settings: CardSettings) -> list[KeyPointsSection]:
    """Find: every section under a key-points heading, in page order."""
    sections = []
    for heading in _find_headings(soup, settings.key_points_headings):
        nodes = tuple(_section(heading))
        sections.append(KeyPointsSection(heading, nodes, _first_list(list(nodes), ("ul", "ol"))))
    return sections


def _choose_key_points_section(sections: list[KeyPointsSection]) -> KeyPointsSection | None:
    """Choose: the card shows the first section that holds a list."""
    return next((section for section in sections if section.items is not None), None)


def _key_points_problems(
    chosen: KeyPointsSection, sections: list[KeyPointsSection], points: tuple[KeyPoint, ...]
) -> list[CardProblem]:
    """Validate: what an editor should fix about the chosen section's points and the sections left over."""
    name = chosen.name
    problems = []
    if not points:
        problems.append(
            CardProblem(_key_points_missing_under(name), ProblemCode.KEY_POINTS_EMPTY_LIST, heading=name)
        )
    headings = [section.heading for section in sections]
    for other in sections:
        if other is not chosen:
            problems.append(
                CardProblem(
                    _twice("key points", name, other.name),
                    ProblemCode.KEY_POINTS_UNDER_TWO_HEADINGS,
                    heading=other.name,
                    occurrence=_occurrence(other.heading, headings),
                )
            )
    for text in _duplicates(p.text for p in points):
        problems.append(
            CardProblem(
                f"key points appear twice: '{text}' is listed more than once",
                ProblemCode.KEY_POINT_REPEATED,
                heading=name,
            )
        )
    pictured = chosen.items is not None and chosen.items.find("img") is not None  # one look at the whole list
    for number, item in enumerate(chosen.items.find_all("li", recursive=False) if pictured else (), 1):
        if item.find("img") is not None:
            problems.append(
                CardProblem(
                    f"key point {number} under the heading '{name}' holds an image, which the card cannot show "
                    "(it shows the points' words) and the page would then lose: move the image below the key "
                    "points, into the body",
                    ProblemCode.KEY_POINT_HOLDS_IMAGE,
                    heading=name,
                )
            )
    nested = chosen.items is not None and chosen.items.find(("ul", "ol")) is not None
    for number, item in enumerate(chosen.items.find_all("li", recursive=False) if nested else (), 1):
        if item.find(("ul", "ol")) is not None:
            problems.append(
                CardProblem(
                    f"key point {number} under the heading '{name}' holds a list of its own, which the card runs "
                    "into one line of text: write the point as one sentence, and put the list in the body below "
                    "the key points",
                    ProblemCode.KEY_POINT_HOLDS_LIST,
                    heading=name,
                )
            )
    noted = chosen.items is not None and chosen.items.find("sup") is not None
    for number, item in enumerate(chosen.items.find_all("li", recursive=False) if noted else (), 1):
        if any(_footnote_reference(sup) for sup in item.find_all("sup")):
            problems.append(
                CardProblem(
                    f"key point {number} under the heading '{name}' holds a footnote, which the card cannot show "
                    "(the key points leave the body, and the note's link back with them): give the source in the "
                    "body below the key points",
                    ProblemCode.KEY_POINT_HOLDS_FOOTNOTE,
                    heading=name,
                )
            )
    if not chosen.holds_only_its_list:
        problems.append(
            CardProblem(_holds_more(chosen), ProblemCode.KEY_POINTS_SECTION_HOLDS_MORE, heading=name)
        )
    return problems


def _holds_more(section: KeyPointsSection) -> str:
    """Why the key points' section is more than its list, and what to change."""
    if _level(section.heading) == 1 and any(
        isinstance(node, Tag) and node.name in HEADING_TAGS for node in section.nodes
    ):
        return (
            f"the heading '{section.name}' is written with one '#', so every '##' heading after it belongs to its "
            f"section, which then holds the whole brief: write it with two, '## {section.name}'"
        )
    extra = next((node for node in section.nodes if node is not section.items and not _is_blank(node)), None)
    if isinstance(extra, Tag) and extra.name == "hr":
        return (
            f"key points appear twice: the section under the heading '{section.name}' holds a line '---' besides "
            "its list, so it stays in the body below the card; remove the '---' (the card sets the key points "
            "apart already)"
        )
    what = f" ('{shortened(plain_text(extra), 40)}')" if extra is not None and plain_text(extra) else ""
    return (
        f"key points appear twice: the section under the heading '{section.name}' holds more than its "
        f"list{what}, so it stays in the body below the card; move the other text out of that section"
    )


def _in_front_matter_and_body(sections: list[KeyPointsSection]) -> list[CardProblem]:
    """Validate: key points given in the front matter are not also written under a heading."""
    return [
        CardProblem(
            f"key points appear twice: in the front matter and under the heading '{section.name}' "
            "(the card shows the front matter's; remove one of them)",
            ProblemCode.KEY_POINTS_IN_FRONT_MATTER_AND_BODY,
            heading=section.name,
            field="key_points",
        )
        for section in sections
    ]


def _read_key_points(
    soup: BeautifulSoup, settings: CardSettings, given: tuple[KeyPoint, ...] | None
) -> tuple[tuple[KeyPoint, ...], list[CardProblem]]:
    """The card's key points and the problems met; removes the section the card replaces from the body."""
    sections = _find_key_points_sections(soup, settings)
    if given is not None:
        points, problems, shown = given, _in_front_matter_and_body(sections), sections
    elif not sections:
        first = settings.key_points_headings[0]
        misspelt = _near_heading(soup, settings.key_points_headings)
        if misspelt:  # '## Key pionts': point at it, rather than ask for a second section
            return (), [
                CardProblem(
                    f"no key points: did you mean '{first}'? The heading '{misspelt}' is not one the card reads: "
                    f"write it '{first}', followed by a bulleted list ('- …')",
                    ProblemCode.NO_KEY_POINTS,
                    heading=misspelt,
                )
            ]
        return (), [
            _missing_section(
                soup,
                settings.key_points_headings,
                "key points",
                "a bulleted list ('- …')",
                ProblemCode.NO_KEY_POINTS,
            )
        ]
    else:
        chosen = _choose_key_points_section(sections)
        if chosen is None:
            name = sections[0].name
            return (), [
                CardProblem(_not_a_list(sections[0]), ProblemCode.KEY_POINTS_NOT_A_LIST, heading=name)
            ]
        points = _key_points_in(chosen.items)
        problems, shown = _key_points_problems(chosen, sections, points), [chosen]
    # The card shows the key points at the top of the page; a section holding only them goes.
    for section in shown:
        if section.holds_only_its_list:
            section.heading.decompose()
            section.items.decompose()
    return points, problems


# --- Recommendations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lead:
    """A recommendation's words: its lead (the card's title), and the rest as plain text and as inline HTML."""

    title: str
    text: str
    html: str


@dataclass(frozen=True)
class RecommendationItem:
    """One numbered recommendation as written in the body: its number, the element the card's link points at
    (it gets the anchor), and its words."""

    number: int
    node: Tag
    lead: Lead


def _split_lead(nodes: list) -> Lead:
    """Split a recommendation's content into its lead title and the rest (plain text and inline HTML).

    The lead is the bold text at the very start when there is one, otherwise the first sentence.
    """
    nodes = _without_leading_blanks(nodes)
    container_rest: list = []
    if nodes and isinstance(nodes[0], Tag) and nodes[0].name == "p":
        container_rest = nodes[1:]
        nodes = _without_leading_blanks(list(nodes[0].children))
    if nodes and isinstance(nodes[0], Tag) and nodes[0].name in LEAD_TAGS:
        title = plain_text(nodes[0])
        after = nodes[1:]
        # "**Lead**. Rest" puts the lead's full stop outside the bold: it belongs to neither part.
        rest_html = _squash([inline_html_of(after), " ", inline_html_of(container_rest)]).lstrip(_LEAD_END)
        rest_text = _squash([_text_of(after), " ", _text_of(container_rest)]).lstrip(_LEAD_END)
        return Lead(title, rest_text, rest_html)
    lead, rest = first_sentence(_text_of([*nodes, *container_rest]))
    return Lead(lead, rest, html.escape(rest, quote=False))


def _without_leading_blanks(nodes: list) -> list:
    index = next((i for i, n in enumerate(nodes) if not _is_blank(n)), len(nodes))
    return nodes[index:]


def _list_numbers(ol: Tag) -> Iterator[tuple[int, Tag]]:
    """Each item of an ordered list with the number a browser would show for it."""
    try:
        number = int(ol.get("start", 1))
    except ValueError:
        number = 1
    for item in ol.find_all("li", recursive=False):
        with contextlib.suppress(ValueError):
            number = int(item.get("value", number))
        yield number, item
        number += 1


def _from_list(ol: Tag) -> list[RecommendationItem]:
    """The items of an ordered list, numbered as a browser numbers them."""
    return [RecommendationItem(n, li, _split_lead(list(li.children))) for n, li in _list_numbers(ol)]


def _from_subheadings(section: list, level: int) -> list[RecommendationItem]:
    """``### 1. Title`` sub-headings, each with the paragraphs up to the next heading as its text."""
    found = []
    for node in section:
        if not (isinstance(node, Tag) and node.name in HEADING_TAGS and _level(node) > level):
            continue
        numbered = recommendation_number(plain_text(node))
        if numbered is None:
            continue
        body: list = []
        for sibling in node.next_siblings:
            if isinstance(sibling, Tag) and (
                (sibling.name in HEADING_TAGS and _level(sibling) <= _level(node)) or sibling.name == "hr"
            ):
                break
            body.append(sibling)
        number, title = numbered
        # A number alone (`### 1.`) leads with its text's first sentence, as a list item without a bold lead does;
        # with no text either, it is reported as empty (it was left out of the card without a word).
        lead = Lead(title, _text_of(body), inline_html_of(body)) if title.strip() else _split_lead(body)
        found.append(RecommendationItem(number, node, lead))
    return found


def _from_paragraphs(section: list) -> list[RecommendationItem]:
    """Paragraphs that open with a number: ``1 Resist further sanctions. In recent years…``."""
    found = []
    for node in section:
        if not (isinstance(node, Tag) and node.name == "p"):
            continue
        children = [c for c in node.children if not _is_blank(c)]
        if not children or not isinstance(children[0], NavigableString):
            continue
        numbered = recommendation_number(str(children[0]))
        if numbered is None:
            continue
        number, rest = numbered
        nodes = ([NavigableString(rest)] if rest.strip() else []) + children[1:]
        if not _text_of(nodes):
            continue
        found.append(RecommendationItem(number, node, _split_lead(nodes)))
    return found


def _find_recommendation_items(heading: Tag) -> tuple[list[RecommendationItem], Tag | None]:
    """Find: the recommendations under `heading`, in the first style that yields any: numbered sub-headings,
    an ordered list (returned too), or paragraphs starting with a number."""
    section = _section(heading)
    items = _from_subheadings(section, _level(heading))
    ol = None
    if not items:
        ol = _recommendations_list(section)
        items = _from_list(ol) if ol is not None else []
    return (items, ol) if items else (_from_paragraphs(section), None)


def _recommendations_list(section: list) -> Tag | None:
    """Choose: the section's numbered list of recommendations. With several, the first whose every item opens
    with a bold lead: a numbered list in the section's introduction ('two constraints: 1. … 2. …') took the
    card's place of the recommendations after it."""
    lists = [node for node in section if isinstance(node, Tag) and node.name == "ol"]
    if len(lists) > 1:
        led = (ol for ol in lists if all(_opens_with_lead(li) for li in ol.find_all("li", recursive=False)))
        chosen = next(led, None)
        if chosen is not None:
            return chosen
    return _first_list(section, ("ol",))


def _opens_with_lead(item: Tag) -> bool:
    """Whether a list item opens with bold text (its lead), in a paragraph of its own or not."""
    nodes = _without_leading_blanks(list(item.children))
    if nodes and isinstance(nodes[0], Tag) and nodes[0].name == "p":
        nodes = _without_leading_blanks(list(nodes[0].children))
    return bool(nodes) and isinstance(nodes[0], Tag) and nodes[0].name in LEAD_TAGS


# A paragraph opening with a number glued to what follows it ('2.**Adopt…**'): Markdown's list needs a space.
_GLUED_NUMBER = re.compile(r"^\s*(?P<number>\d{1,2})[.)](?=\S)")


# A line break inside a paragraph, then a number opening the next line: '1) Lead…\n2) Lead…' with no blank line
# between (Markdown numbers a list '1.', and reads '1)' lines as one paragraph).
_NUMBERED_LINE = re.compile(r"\n\s*(?P<number>\d{1,2})[.)]\s")


def _run_together(section: list, name: str) -> list[CardProblem]:
    """Validate: recommendations written one a line as a paragraph of their own, which Markdown runs together
    into one, so the card shows the first with the others as its text."""
    for node in section:
        if isinstance(node, Tag) and node.name == "p" and recommendation_number(node.get_text()):
            following = _NUMBERED_LINE.search(node.get_text())
            if following:
                said = (
                    f"recommendations under the heading '{name}' run together into one paragraph, so the card "
                    f"shows only the first: number them '1.', '2.' (with a full stop), or leave a blank line "
                    "between them"
                )
                return [CardProblem(said, ProblemCode.RECOMMENDATIONS_LIST_CUT, heading=name)]
    return []


def _glued(node: Tag) -> int | None:
    """The number a paragraph opens with, glued to its text ('2.**Adopt…**'), or None."""
    glued = _GLUED_NUMBER.match(node.get_text()) if node.name == "p" else None
    return int(glued["number"]) if glued else None


def _glued_problem(number: int, name: str) -> CardProblem:
    said = (
        f"recommendation {number} under the heading '{name}' is not in its numbered list, so the card leaves it "
        f"out: put a space after '{number}.' (write '{number}. **Lead sentence.** Details…')"
    )
    return CardProblem(said, ProblemCode.RECOMMENDATIONS_LIST_CUT, heading=name)


def _list_cut(ol: Tag, items: list[RecommendationItem], name: str) -> list[CardProblem]:
    """Validate: recommendations numbered as if in `ol` but outside it, which the card would leave out: a
    paragraph opening '2.' with no space after it (just before the list or after it), or a second list numbered on
    from the first (the text before it was not indented under its item, so Markdown ended the list)."""
    if not items:
        return []
    before = ol.find_previous_sibling(True)
    if before is not None and _glued(before) == items[0].number - 1:  # '1.**Lead**' above a list from 2
        return [_glued_problem(items[0].number - 1, name)]
    following = items[-1].number + 1
    for sibling in ol.find_next_siblings(True):
        if sibling.name in HEADING_TAGS:
            break
        if _glued(sibling) == following:
            return [_glued_problem(following, name)]
        numbers = [number for number, _ in _list_numbers(sibling)] if sibling.name == "ol" else []
        if numbers and numbers[0] == following:
            left_out = (
                f"recommendation {following}"
                if len(numbers) == 1
                else f"recommendations {following} to {numbers[-1]}"
            )
            said = (
                f"the numbered list under the heading '{name}' ends after recommendation {following - 1}, so the "
                f"card leaves out {left_out}: indent the text before recommendation {following} by four spaces, "
                f"so it belongs to recommendation {following - 1}"
            )
            return [CardProblem(said, ProblemCode.RECOMMENDATIONS_LIST_CUT, heading=name)]
    return []


def _validate_recommendations(
    items: list[RecommendationItem], name: str
) -> tuple[list[RecommendationItem], list[CardProblem]]:
    """Validate: keep the items with words and a number of their own; say what is wrong with the others."""
    kept: list[RecommendationItem] = []
    problems: list[CardProblem] = []
    seen: set[int] = set()
    for item in items:
        if not (item.lead.title or item.lead.text):
            problems.append(
                CardProblem(
                    f"recommendation {item.number} under the heading '{name}' is empty",
                    ProblemCode.RECOMMENDATION_EMPTY,
                    heading=name,
                )
            )
        elif item.number in seen:
            problems.append(
                CardProblem(
                    f"recommendation number {item.number} appears twice under the heading '{name}' "
                    "(expected each number once)",
                    ProblemCode.RECOMMENDATION_NUMBER_REPEATED,
                    heading=name,
                )
            )
        else:
            seen.add(item.number)
            kept.append(item)
    return kept, problems


def _anchored(item: RecommendationItem) -> Recommendation:
    """The card's recommendation for `item`; its place in the body gets the id the card links to."""
    anchor = RECOMMENDATION_ANCHOR.format(number=item.number)
    item.node["id"] = anchor
    return Recommendation(item.number, item.lead.title, item.lead.text, item.lead.html, anchor)


def _read_recommendations(
    soup: BeautifulSoup, settings: CardSettings, given: tuple[Recommendation, ...] | None
) -> tuple[tuple[Recommendation, ...], list[CardProblem]]:
    """The card's recommendations; gives each one's place in the body an id the card links to."""
    headings = _find_headings(soup, settings.recommendations_headings)
    if not headings:
        if given is not None:
            return given, []
        return (), [
            _missing_section(
                soup,
                settings.recommendations_headings,
                "recommendations",
                f"a numbered list such as {RECOMMENDATION_EXAMPLE}",
                ProblemCode.NO_RECOMMENDATIONS,
            )
        ]
    # Choose: the first heading's section; another such heading is a problem.
    heading, name = headings[0], plain_text(headings[0])
    problems = [
        CardProblem(
            _twice("recommendations", name, plain_text(other)),
            ProblemCode.RECOMMENDATIONS_UNDER_TWO_HEADINGS,
            heading=plain_text(other),
            occurrence=_occurrence(other, headings),
        )
        for other in headings[1:]
    ]
    items, ol = _find_recommendation_items(heading)
    kept, invalid = _validate_recommendations(items, name)
    if ol is not None and given is None:
        invalid = [*invalid, *_list_cut(ol, items, name)]
    elif given is None:
        invalid = [*invalid, *_run_together(_section(heading), name)]
    found = [_anchored(item) for item in kept]
    if given is not None:
        places = {r.number: r.anchor for r in found}
        return tuple(
            Recommendation(r.number, r.title, r.text, r.html, places.get(r.number, "")) for r in given
        ), []
    if not found:
        problems.insert(
            0,
            CardProblem(
                f"no recommendations: the heading '{name}' must be followed by a numbered list such as "
                f"{RECOMMENDATION_EXAMPLE}",
                ProblemCode.RECOMMENDATIONS_NONE_UNDER_HEADING,
                heading=name,
            ),
        )
    return tuple(found), [*problems, *invalid]


def extract_card(
    fragment: str, settings: CardSettings = CardSettings(), given: GivenCard = GivenCard()
) -> Extraction:
    """Read the key points and recommendations out of a brief's rendered HTML.

    Returns the card, the body with the key-points section taken out (the card shows it) and
    recommendations given anchors the card links to, and the problems found. What ``given``
    holds (from the front matter) wins over the body, field by field.
    """
    soup = BeautifulSoup(fragment, "html.parser")
    key_points, problems = _read_key_points(soup, settings, given.key_points)
    recommendations, more = _read_recommendations(soup, settings, given.recommendations)
    card = BriefCard(key_points, recommendations)
    return Extraction(card, BodyEdit.between(fragment, str(soup).strip()), (*problems, *more))


# --- Front matter ----------------------------------------------------------------------------------


def _type_name(value: object) -> str:
    return {dict: "mapping", list: "list", str: "string"}.get(type(value), type(value).__name__)


def _front_key_points(value: object) -> tuple[tuple[KeyPoint, ...] | None, list[CardProblem]]:
    if not isinstance(value, list) or not value:
        got = "an empty list" if value == [] else f"a {_type_name(value)}"
        return None, [
            CardProblem(
                f"key_points must be a list of sentences (got {got})",
                ProblemCode.KEY_POINTS_FIELD_SHAPE,
                field="key_points",
            )
        ]
    points, problems = [], []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            problems.append(
                CardProblem(
                    f"key_points item {index + 1} must be a sentence (got {_type_name(item)} {item!r})",
                    ProblemCode.KEY_POINTS_FIELD_SHAPE,
                    field="key_points",
                    index=index,
                )
            )
            continue
        text = " ".join(item.split())
        markup = markdown_in(text)
        if markup:
            problems.append(
                CardProblem(
                    f"key_points item {index + 1} holds Markdown ('{markup}'), which "
                    "the card would show as typed: write plain sentences in key_points, or write the key points in "
                    "the body, under '## Key points', to keep their links and emphasis",
                    ProblemCode.KEY_POINTS_FIELD_SHAPE,
                    field="key_points",
                    index=index,
                )
            )
            continue
        points.append(KeyPoint(text=text, html=html.escape(text, quote=False)))
    for text in _duplicates(p.text for p in points):
        problems.append(
            CardProblem(
                f"key points appear twice: '{text}' is listed more than once",
                ProblemCode.KEY_POINT_REPEATED,
                field="key_points",
            )
        )
    return (None if problems else tuple(points)), problems


def _front_recommendations(value: object) -> tuple[tuple[Recommendation, ...] | None, list[CardProblem]]:
    """``recommendations:`` in the front matter: the recommendations, or None and what is wrong with them."""
    if not isinstance(value, list) or not value:
        got = "an empty list" if value == [] else f"a {_type_name(value)}"
        return None, [
            CardProblem(
                f"recommendations must be a list of entries of 'title:' and 'text:' lines (got {got})",
                ProblemCode.RECOMMENDATIONS_FIELD_SHAPE,
                field="recommendations",
            )
        ]
    found: list[Recommendation] = []
    problems: list[CardProblem] = []
    number = 0
    for index, item in enumerate(value):
        entry = _front_recommendation(index, item, number, found)
        problems.extend(entry.problems)
        number = entry.number
        if entry.recommendation is not None:
            found.append(entry.recommendation)
    return (None if problems else tuple(found)), problems


@dataclass(frozen=True)
class _FrontEntry:
    """One entry of ``recommendations:`` as read: the recommendation (None when it cannot be read), what is
    wrong with it, and the number it takes (the next entry without one is numbered after it)."""

    recommendation: Recommendation | None
    problems: tuple[CardProblem, ...]
    number: int


def _front_recommendation(
    index: int, item: object, previous: int, found: list[Recommendation]
) -> _FrontEntry:
    """One entry of ``recommendations:``, after ``found``, the last of them numbered ``previous``."""
    where = f"recommendations item {index + 1}"

    def problem(message: str, code: ProblemCode = ProblemCode.RECOMMENDATIONS_FIELD_SHAPE) -> CardProblem:
        return CardProblem(where + message, code, field="recommendations", index=index)

    if not isinstance(item, dict):
        shape = problem(f" must be written as 'title:' and 'text:' lines (got {_type_name(item)} {item!r})")
        return _FrontEntry(None, (shape,), previous)
    problems = []
    unknown = sorted(set(map(str, item)) - {"title", "text", "number"})
    title, text = item.get("title"), item.get("text", "")
    number = item.get("number", previous + 1)
    if unknown:
        problems.append(
            problem(f": unknown key {_quoted(unknown)} (expected 'title', 'text' and optionally 'number')")
        )
    if not isinstance(title, str) or not title.strip():
        problems.append(problem(f": 'title' must be a sentence (got {title!r})"))
    if not isinstance(text, str):
        problems.append(problem(f": 'text' must be a string (got {text!r})"))
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        problems.append(problem(f": 'number' must be a positive integer (got {number!r})"))
        number = previous + 1
    elif any(r.number == number for r in found):
        problems.append(
            problem(
                f": recommendation number {number} appears twice (expected each number once)",
                ProblemCode.RECOMMENDATION_NUMBER_REPEATED,
            )
        )
    if not isinstance(title, str) or not isinstance(text, str):
        return _FrontEntry(None, tuple(problems), number)
    text = " ".join(text.split())
    recommendation = Recommendation(number, " ".join(title.split()), text, html.escape(text, quote=False), "")
    return _FrontEntry(recommendation, tuple(problems), number)


def card_from_front_matter(data: Mapping[str, Any]) -> tuple[GivenCard, tuple[CardProblem, ...]]:
    """What the front matter gives for the card (``key_points:``, ``recommendations:``), and its mistakes.

    A field with a mistake is ignored as a whole (the body is read instead), and the mistake reported.
    """
    key_points = recommendations = None
    problems: list[CardProblem] = []
    if data.get("key_points") is not None:
        key_points, found = _front_key_points(data["key_points"])
        problems += found
    if data.get("recommendations") is not None:
        recommendations, found = _front_recommendations(data["recommendations"])
        problems += found
    return GivenCard(key_points, recommendations), tuple(problems)


Extract = Callable[[str, CardSettings, GivenCard], Extraction]


def brief_card(
    front: Mapping[str, Any], html: str, settings: CardSettings, extract: Extract = extract_card
) -> tuple[Extraction, tuple[CardProblem, ...]]:
    """A brief's card and every problem with it: what its front matter gives (``key_points:``,
    ``recommendations:``, and their mistakes), then what `extract` (:func:`extract_card`, or a cache of it) finds in
    its body's `html`. The one composition of the two, for the build and ``make check`` alike."""
    given, front_problems = card_from_front_matter(front)
    extraction = extract(html, settings, given)
    # A section given in the front matter wrongly is said once: not also as missing from the body.
    said = {_SAID_AS_MISSING[p.code] for p in front_problems if p.code in _SAID_AS_MISSING}
    return extraction, (*front_problems, *(p for p in extraction.problems if p.code not in said))


# A front-matter field's mistake, and the body's problem it makes (the body has no such section either).
_SAID_AS_MISSING = {
    ProblemCode.KEY_POINTS_FIELD_SHAPE: ProblemCode.NO_KEY_POINTS,
    ProblemCode.RECOMMENDATIONS_FIELD_SHAPE: ProblemCode.NO_RECOMMENDATIONS,
}
