"""The digest's plain-text part: the same content as the HTML one, for mail clients that show text only."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from reality_check.plugins.brief_registry.names import names_in_prose
from reality_check.plugins.plugin_support.html_words import WORD_BREAKING_TAGS

WIDTH = 72  # the width plain-text mail is read at; addresses are never broken


@dataclass(frozen=True)
class DigestWords:
    """The digest's own words, the same in its HTML part (the template gets them as ``words``) and its text part."""

    view_in_browser: str = "View this digest in a browser"
    read_the_brief: str = "Read the brief"
    key_points: str = "Key points"  # the text part's headings; the HTML part's card says the card's own
    recommendations: str = "Recommendations"

    @staticmethod
    def new_briefs(count: int) -> str:
        """ "1 new brief", "3 new briefs"."""
        return f"{count} new brief{'s' if count != 1 else ''}"


WORDS = DigestWords()


@dataclass(frozen=True)
class DigestEntry:
    """One brief as the digest shows it."""

    label: str  # "Reality Check #6"
    title: str
    url: str
    date: str  # as readers read it: "March 19, 2021"
    authors: tuple[str, ...]
    key_points: tuple[str, ...]
    recommendations: tuple[str, ...]  # "1. Title"


@dataclass(frozen=True)
class DigestText:
    """Everything the text part says, in order."""

    heading: str
    web_url: str
    intro: str
    entries: tuple[DigestEntry, ...]
    footer: tuple[str, ...]


def publisher_line(site: str, publisher: str) -> tuple[str, ...]:
    """The issue's colophon: who publishes the site, unless that is the site itself (a site without AUTHOR)."""
    return (f"{site} is published by the {publisher}.",) if publisher and publisher != site else ()


def byline(authors: tuple[str, ...]) -> str:
    """ "By A and B", as the site's bylines read; empty without authors."""
    return f"By {names_in_prose(authors)}" if authors else ""


class _LinkedText(HTMLParser):
    """Text of HTML with each link's address after its words, in brackets, as plain-text mail writes links."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.parts: list[str] = []
        self.links: list[tuple[str, int]] = []  # each open link's address, and where its words start

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in WORD_BREAKING_TAGS:
            self.parts.append(" ")
        if tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_endtag(self, tag: str) -> None:
        if tag in WORD_BREAKING_TAGS:
            self.parts.append(" ")
        if tag == "a" and self.links:
            href, start = self.links.pop()
            words = " ".join("".join(self.parts[start:]).split())
            address = href.removeprefix("mailto:") if href.startswith("mailto:") else urljoin(self.base, href)
            if href and address not in (words, words.rstrip("/")):
                self.parts.append(f" ({address})")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def linked_text(html: str, base: str) -> str:
    """The words of `html` on one line, each link's address (made absolute against `base`, the brief's address)
    after its words: "see the report (https://example.org/report)". A link whose words are its address is written
    once."""
    parser = _LinkedText(base)
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _fill(text: str, indent: str = "", first: str | None = None) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def plain_text(digest: DigestText) -> str:
    """The text part, wrapped at 72 columns, every key point and recommendation title in it."""
    rule = "-" * WIDTH
    parts = [digest.heading, "=" * min(len(digest.heading), WIDTH), ""]
    if digest.intro:
        parts += [_fill(paragraph) + "\n" for paragraph in digest.intro.split("\n\n") if paragraph.strip()]
    parts += [f"{WORDS.view_in_browser}: {digest.web_url}", ""]
    for entry in digest.entries:
        parts += [rule, _fill(f"{entry.label}: {entry.title}"), entry.date]
        if entry.authors:
            parts.append(_fill(byline(entry.authors)))
        parts.append("")
        if entry.key_points:
            parts.append(WORDS.key_points)
            parts += [_fill(point, "  ", "- ") for point in entry.key_points]
            parts.append("")
        if entry.recommendations:
            parts.append(WORDS.recommendations)
            parts += [_fill(rec, "   ", "") for rec in entry.recommendations]
            parts.append("")
        parts += [f"{WORDS.read_the_brief}: {entry.url}", ""]
    parts.append(rule)
    parts += [_fill(line) for line in digest.footer]
    return "\n".join(parts).rstrip() + "\n"
