"""Extract a brief's summary card from its rendered HTML.

Everything here is pure: it takes HTML and settings and returns frozen values, so the
Pelican handler stays a thin adapter and the tests can feed fragments straight in.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LEAD_TAGS = ("strong", "b")
# Inline markup a card may keep from the brief; everything else is reduced to its text.
INLINE_TAGS = {
    "a": ("href", "title"),
    "em": (),
    "i": (),
    "strong": (),
    "b": (),
    "code": (),
    "abbr": ("title",),
}
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "blockquote", *HEADING_TAGS})
RECOMMENDATION_ANCHOR = "recommendation-{number}"

# A lead sentence ends at ., ! or ? followed by white space (the text is already plain).
_FIRST_SENTENCE = re.compile(r"(?P<lead>.+?[.!?])(?:\s+(?P<rest>.*))?$", re.DOTALL)


@dataclass(frozen=True)
class KeyPoint:
    """One key point: its plain text, and the same as safe inline HTML (links kept)."""

    text: str
    html: str


@dataclass(frozen=True)
class Recommendation:
    """One numbered recommendation, split into its lead title and the rest of its text."""

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


@dataclass(frozen=True)
class CardSettings:
    """The section headings the extractor looks for (compared case-insensitively, trailing colon ignored)."""

    key_points_headings: tuple[str, ...] = ("Key points",)
    recommendations_headings: tuple[str, ...] = ("What is the solution?",)


@dataclass(frozen=True)
class Extraction:
    """The card, the body to show below it, and anything an editor should fix."""

    card: BriefCard
    body_html: str
    problems: tuple[str, ...] = ()


def normalize_heading(text: str) -> str:
    """Compare headings the way an editor reads them: case, spacing, curly quotes and a final colon don't matter."""
    text = " ".join(text.replace("\u2019", "'").split()).casefold()
    return text.removesuffix(":").rstrip()


def plain_text(node: Tag | NavigableString) -> str:
    """The node's text as a reader sees it: inline tags dropped, white space folded."""
    return _squash(_inline_parts([node], markup=False))


def inline_html(node: Tag) -> str:
    """Serialise a node's children keeping only harmless inline markup; all text is escaped."""
    return _squash(_inline_parts(node.children))


def _inline_parts(nodes: Iterable, markup: bool = True) -> Iterator[str]:
    """Walk nodes, yielding escaped text and allowed inline tags (or plain text only, when not markup)."""
    for node in nodes:
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # skip comments, CDATA, doctype
                yield html.escape(str(node), quote=False) if markup else str(node)
        elif isinstance(node, Tag):
            allowed = INLINE_TAGS.get(node.name)
            if allowed is None or not markup:
                block = node.name in BLOCK_TAGS
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


def _squash(parts: Iterable[str]) -> str:
    return " ".join("".join(parts).split())


def _find_heading(soup: BeautifulSoup, names: tuple[str, ...]) -> list[Tag]:
    wanted = {normalize_heading(n) for n in names}
    return [h for h in soup.find_all(HEADING_TAGS) if normalize_heading(plain_text(h)) in wanted]


def _section(heading: Tag) -> list[Tag | NavigableString]:
    """The siblings after a heading, up to the next heading of the same or a higher level."""
    level = int(heading.name[1])
    nodes: list[Tag | NavigableString] = []
    for sibling in heading.next_siblings:
        if isinstance(sibling, Tag) and sibling.name in HEADING_TAGS and int(sibling.name[1]) <= level:
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


def _lead_and_rest(item: Tag) -> tuple[str, str, str]:
    """Split a recommendation into lead title, plain text and inline HTML of the rest.

    The lead is the bold text at the start of the item when there is one, otherwise its first sentence.
    """
    container = item
    first = next((c for c in item.children if not _is_blank(c)), None)
    if isinstance(first, Tag) and first.name == "p":
        container = first
        first = next((c for c in first.children if not _is_blank(c)), None)
    if isinstance(first, Tag) and first.name in LEAD_TAGS:
        title = plain_text(first)
        rest_nodes = [n for n in container.next_siblings] if container is not item else []
        after = list(first.next_siblings)
        rest_html = _squash([inline_html_of(after), " ", inline_html_of(rest_nodes)])
        rest_text = _squash([_text_of(after), " ", _text_of(rest_nodes)])
        return title, rest_text, rest_html
    text = plain_text(item)
    match = _FIRST_SENTENCE.match(text)
    if match is None:
        return text, "", ""
    rest = match.group("rest") or ""
    return match.group("lead"), rest, html.escape(rest, quote=False)


def inline_html_of(nodes: list) -> str:
    return _squash(_inline_parts(nodes))


def _text_of(nodes: list) -> str:
    return _squash(_inline_parts(nodes, markup=False))


def _is_blank(node: object) -> bool:
    return isinstance(node, NavigableString) and not str(node).strip()


def extract_card(fragment: str, settings: CardSettings = CardSettings()) -> Extraction:
    """Read the key points and recommendations out of a brief's rendered HTML.

    Returns the card, the body with the key-points section taken out (the card shows it)
    and recommendation items given anchors the card links to, and the problems found.
    """
    soup = BeautifulSoup(fragment, "html.parser")
    problems: list[str] = []

    key_points: tuple[KeyPoint, ...] = ()
    headings = _find_heading(soup, settings.key_points_headings)
    if not headings:
        problems.append(f"no key points: looked for a heading {_quoted(settings.key_points_headings)}")
    else:
        section = _section(headings[0])
        found = _first_list(section, ("ul", "ol"))
        if found is None:
            problems.append(f"no key points: heading '{plain_text(headings[0])}' is not followed by a list")
        else:
            key_points = tuple(
                KeyPoint(text=plain_text(li), html=inline_html(li))
                for li in found.find_all("li", recursive=False)
                if plain_text(li)
            )
            if all(node is found or _is_blank(node) for node in section):
                # The card shows this section at the top of the page; don't print it twice.
                headings[0].decompose()
                found.decompose()

    recommendations: tuple[Recommendation, ...] = ()
    headings = _find_heading(soup, settings.recommendations_headings)
    if not headings:
        problems.append(
            f"no recommendations: looked for a heading {_quoted(settings.recommendations_headings)}"
        )
    else:
        found = _first_list(_section(headings[0]), ("ol",))
        if found is None:
            problems.append(
                f"no recommendations: heading '{plain_text(headings[0])}' is not followed by a numbered list"
            )
        else:
            items = []
            for number, li in _list_numbers(found):
                title, text, rest_html = _lead_and_rest(li)
                anchor = RECOMMENDATION_ANCHOR.format(number=number)
                li["id"] = anchor
                items.append(Recommendation(number, title, text, rest_html, anchor))
            recommendations = tuple(items)

    return Extraction(BriefCard(key_points, recommendations), str(soup).strip(), tuple(problems))


def _quoted(names: tuple[str, ...]) -> str:
    return ", ".join(f"'{n}'" for n in names)
