"""Pelican wiring for the summary card: thin adapters around the pure modules of this plugin."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

from brief_registry.frontmatter import FrontMatter, read_brief
from brief_registry.problems import BriefFileError
from brief_registry.rendering import BriefMarkdown, body_settings

from .cache import ExtractionCache, extraction_key
from .card import (
    DEFAULT_HEADINGS_BY_LANG,
    CardProblem,
    CardSettings,
    GivenCard,
    card_from_front_matter,
    extract_card,
)
from .data import cards_document, sort_newest_first
from .feeds import feed_articles, with_cards
from .source import Render, heading_line

logger = logging.getLogger(__name__)

# Pelican setting -> CardSettings field. The defaults live in CardSettings (card.py), and only there.
HEADING_SETTINGS = {
    "SUMMARY_CARD_KEY_POINTS_HEADINGS": "key_points_headings",
    "SUMMARY_CARD_RECOMMENDATIONS_HEADINGS": "recommendations_headings",
}
BY_LANG_SETTING = "SUMMARY_CARD_HEADINGS_BY_LANG"
JSON_SAVE_AS = "SUMMARY_CARD_JSON_SAVE_AS"
JSON_SAVE_AS_DEFAULT = "cards.json"

# How the card opens a feed entry: the theme's own macro, in its compact form (links point at the brief).
FEED_CARD_TEMPLATE = (
    '{% from "macros/summary_card.html" import summary_card with context %}'
    "{{ summary_card(brief, heading_level=2, compact=true) }}"
)


def card_settings(settings: dict, lang: str | None = None) -> CardSettings:
    """Build the extractor's settings from Pelican's; a setting left out keeps the plugin default.

    A brief in another language than DEFAULT_LANG (a translation) is read with that language's headings
    (SUMMARY_CARD_HEADINGS_BY_LANG, defaults in card.py) first, then the site's own.
    """
    values = {}
    for name, field in HEADING_SETTINGS.items():
        value = settings.get(name)
        if value:
            values[field] = (value,) if isinstance(value, str) else tuple(map(str, value))
    site = CardSettings(**values)
    if not lang or lang == settings.get("DEFAULT_LANG", "en"):
        return site
    own = {**DEFAULT_HEADINGS_BY_LANG, **(settings.get(BY_LANG_SETTING) or {})}.get(lang, {})

    def headings(kind: str, fallback: tuple[str, ...]) -> tuple[str, ...]:
        given = own.get(kind, ())
        given = (given,) if isinstance(given, str) else tuple(map(str, given))
        return tuple(dict.fromkeys((*given, *fallback)))

    return CardSettings(
        key_points_headings=headings("key_points", site.key_points_headings),
        recommendations_headings=headings("recommendations", site.recommendations_headings),
    )


def _display_path(source_path: str, content: str) -> str:
    """The path as editors see it: relative to the folder holding the content folder."""
    return os.path.relpath(source_path, os.path.dirname(os.path.abspath(content)))


def _located(
    shown: str, problem: CardProblem, front: FrontMatter | None, body_line: int, render: Render
) -> str:
    """``path:line: message`` when the line is known (a front-matter key, a heading), else ``path: message``."""
    line = None
    if front is not None and problem.field:
        line = front.line_of(problem.field, problem.index)
    elif front is not None and problem.heading:
        line = heading_line(front.body, problem.heading, body_line, render)
    return f"{shown}:{line}: {problem}" if line else f"{shown}: {problem}"


def _front_matter(article, shown: str) -> FrontMatter | None:
    """The brief's front matter with line numbers, or None (the registry plugin reports unreadable ones)."""
    if getattr(article, "front_matter", None) is not None:  # already read by brief_registry this build
        return article.front_matter
    try:
        return read_brief(article.source_path, shown)
    except (BriefFileError, OSError):
        return None


def attach_cards(generators: Iterable) -> None:
    """Give every article ``summary_card``, ``body_below_card`` and ``feed_card_html``; warn about problems.

    Runs at ``all_generators_finalized``: every ``{filename}`` link is resolvable by then.
    Setting attributes (never appending) keeps it safe to run again under ``--autoreload``.
    """
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        by_lang: dict[str | None, CardSettings] = {}
        cache = ExtractionCache.for_settings(generator.settings)
        feed_card = generator.env.from_string(FEED_CARD_TEMPLATE)
        # To find a problem's heading in the source: headings' text rendered as the body is.
        render = BriefMarkdown(body_settings(generator.settings["MARKDOWN"])).convert
        for article in [
            *generator.articles,
            *generator.translations,
            *generator.hidden_articles,
            *generator.drafts,
        ]:
            shown = _display_path(article.source_path, generator.settings["PATH"])
            front = _front_matter(article, shown)
            given, front_problems = card_from_front_matter(front.data) if front else (GivenCard(), ())
            lang = getattr(article, "lang", None)
            settings = by_lang.setdefault(lang, card_settings(generator.settings, lang))
            html = article.content
            key = extraction_key(html, settings, given)
            extraction = cache.get(key)
            if extraction is None:
                extraction = extract_card(html, settings, given)
                cache.put(key, extraction)
            for problem in (*front_problems, *extraction.problems):
                logger.warning("%s", _located(shown, problem, front, front.body_line if front else 1, render))
            article.summary_card = extraction.card
            article.body_below_card = extraction.body_html
            article.feed_card_html = Markup(
                feed_card.render(
                    brief=article,
                    page_lang=getattr(article, "lang", None),  # the theme's strings in the brief's language
                    SITEURL=generator.settings.get("SITEURL", ""),
                    SERIES_NAME=generator.settings.get("SERIES_NAME", ""),
                ).strip()
            )
        cache.save()


def add_cards_to_feed(context: dict, feed) -> None:
    """Open every feed entry with its brief's card (the feed object only; articles are left as they are)."""
    with_cards(feed, feed_articles(context))


class CardsDataGenerator(Generator):
    """Writes every published brief's card as JSON (``cards.json``), newest first."""

    def generate_output(self, writer) -> None:
        save_as = self.settings.get(JSON_SAVE_AS, JSON_SAVE_AS_DEFAULT)
        if not save_as:
            return
        articles = sort_newest_first(self.context.get("articles", ()))
        document = cards_document(
            articles,
            siteurl=self.settings.get("SITEURL", ""),
            series=self.settings.get("SERIES_NAME", ""),
        )
        path = Path(self.output_path) / save_as
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        logger.info("Writing %s", path)


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican the cards.json generator."""
    return CardsDataGenerator


def register() -> None:
    """Connect the summary-card handlers."""
    signals.all_generators_finalized.connect(attach_cards)
    signals.feed_generated.connect(add_cards_to_feed)
    signals.get_generators.connect(get_generators)
