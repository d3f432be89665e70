"""Pelican wiring for the summary card: thin adapters around the pure modules of this plugin."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

from reality_check.plugins.brief_registry.addresses import absolute_url
from reality_check.plugins.brief_registry.briefs import every_brief, feed_articles, newest_first, series_name
from reality_check.plugins.brief_registry.frontmatter import FrontMatter, read_brief
from reality_check.plugins.brief_registry.problems import BriefFileError, display_path, log_extra
from reality_check.plugins.brief_registry.rendering import brief_markdown, fast_markdown_enabled
from reality_check.plugins.plugin_support.files import write_if_changed

from .cache import extraction_cache
from .card import CardSettings, Extraction, brief_card, linked_from
from .data import cards_document
from .feeds import with_cards
from .settings import card_settings, json_save_as, set_defaults
from .signals import cards_attached
from .source import located_problems

logger = logging.getLogger(__name__)

# How the card opens a feed entry: the theme's own macro, in its compact form (links point at the brief).
FEED_CARD_TEMPLATE = (
    '{% from "macros/summary_card.html" import summary_card with context %}'
    "{{ summary_card(brief, heading_level=2, compact=true) }}"
)


def _front_matter(article, shown: str, with_body: bool = False) -> FrontMatter | None:
    """The brief's front matter with line numbers, or None (the registry plugin reports unreadable ones).

    brief_registry keeps it, read this build, without the body's text; `with_body` (to place a problem at its
    heading's line, so rarely) reads the file again for it."""
    kept = getattr(article, "front_matter", None)
    if kept is not None and not with_body:
        return kept
    try:
        return read_brief(article.source_path, shown)
    except (BriefFileError, OSError):
        return kept


class RenderedWhenUsed:
    """HTML rendered the first time it is used (``__html__``): the card that opens a brief's feed entry is rendered
    only by a build that writes feeds (the development settings write none)."""

    def __init__(self, render: Callable[..., str], **values: Any) -> None:
        self._render = render
        self._values = values
        self._html: Markup | None = None

    def __html__(self) -> Markup:
        if self._html is None:
            self._html = Markup(self._render(**self._values).strip())
        return self._html

    def __str__(self) -> str:
        return str(self.__html__())


class BodyBelowCard:
    """The body below a brief's card, made from the brief's HTML (which Pelican holds) each time a page shows it,
    and never kept (:class:`card.BodyEdit`). ``str()`` gives the HTML; in a template it is HTML already."""

    def __init__(self, html: str, extraction: Extraction) -> None:
        self._html = html
        self._extraction = extraction

    def __html__(self) -> Markup:
        return Markup(str(self))

    def __str__(self) -> str:
        return self._extraction.body_html(self._html)

    def __bool__(self) -> bool:  # an empty body: the page shows the whole HTML instead
        return not self._extraction.body.empty


def attach_cards(generators: Iterable) -> None:
    """Give every article ``summary_card``, ``body_below_card`` and ``feed_card_html``; warn about problems.

    Runs at ``all_generators_finalized``: every ``{filename}`` link is resolvable by then. Then sends
    ``cards_attached`` to the plugins that read the cards. Setting attributes (never appending) keeps it safe
    to run again under ``--autoreload``.
    """
    generators = list(generators)
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        by_lang: dict[str | None, CardSettings] = {}
        cache = extraction_cache(generator.settings)
        feed_card = generator.env.from_string(FEED_CARD_TEMPLATE)
        # To find a problem's heading in the source: headings' text rendered as the body is.
        pelican_settings = generator.settings
        render = brief_markdown(
            pelican_settings["MARKDOWN"], fast=fast_markdown_enabled(pelican_settings)
        ).convert
        for article in every_brief(generator):
            shown = display_path(article.source_path, generator.settings["PATH"])
            front = _front_matter(article, shown)
            lang = getattr(article, "lang", None)
            settings = by_lang.setdefault(lang, card_settings(generator.settings, lang))
            html = article.content
            extraction, problems = brief_card(front.data if front else {}, html, settings, cache.extract)
            if problems:
                with_body = front and (_front_matter(article, shown, with_body=True) or front)
                for located in located_problems(shown, with_body, problems, render):
                    logger.warning("%s", located, extra=log_extra(located))
            siteurl = generator.settings.get("SITEURL", "")
            article.summary_card = linked_from(
                extraction.card, absolute_url(siteurl, article.url) if siteurl else f"/{article.url}"
            )
            article.body_below_card = BodyBelowCard(html, extraction)
            article.feed_card_html = RenderedWhenUsed(
                feed_card.render,
                brief=article,
                page_lang=getattr(article, "lang", None),  # the theme's strings in the brief's language
                SITEURL=generator.settings.get("SITEURL", ""),
                SERIES_NAME=series_name(generator.settings),
            )
        cache.save()
    cards_attached.send(generators)


def add_cards_to_feed(context: dict, feed) -> None:
    """Open every feed entry with its brief's card (the feed object only; articles are left as they are)."""
    with_cards(feed, feed_articles(context))


class CardsDataGenerator(Generator):
    """Writes every published brief's card as JSON (``cards.json``), newest first."""

    def generate_output(self, writer) -> None:
        save_as = json_save_as(self.settings)
        if not save_as:
            return
        articles = sorted(self.context.get("articles", ()), key=newest_first)  # as the archive lists them
        document = cards_document(
            articles,
            siteurl=self.settings.get("SITEURL", ""),
            series=series_name(self.settings),
        )
        path = Path(self.output_path) / save_as
        path.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        logger.info("Writing %s", path)


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican the cards.json generator."""
    return CardsDataGenerator


def register() -> None:
    """Connect the summary-card handlers."""
    signals.initialized.connect(set_defaults)
    signals.all_generators_finalized.connect(attach_cards)
    signals.feed_generated.connect(add_cards_to_feed)
    signals.get_generators.connect(get_generators)
