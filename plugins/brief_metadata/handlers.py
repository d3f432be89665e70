"""Pelican wiring: attach each brief's citation and JSON-LD, and write its BibTeX and RIS files."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator

from reality_check.plugins.brief_registry.addresses import absolute_url, beside_page
from reality_check.plugins.brief_registry.briefs import (
    FEED_PAGE,
    feed_articles,
    file_stem,
    originals_with_pages,
)
from reality_check.plugins.plugin_support.files import write_if_changed
from reality_check.plugins.summary_card.signals import cards_attached

from .citation import bibtex, chicago_citation, ris
from .feeds import identify_feed, name_every_author
from .record import BriefRecord, brief_record, publisher_name
from .structured_data import json_ld

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CitationFile:
    """A downloadable citation: its format's name, its address and its text."""

    label: str
    url: str
    save_as: str
    text: str


def citation_files(article, record: BriefRecord) -> tuple[CitationFile, ...]:
    """The BibTeX and RIS files, saved beside the brief's page as e.g. reality-check-4.bib."""
    stem = file_stem(record.series, record.number)
    return tuple(
        CitationFile(label, *beside_page(article.url, article.save_as, f"{stem}.{ext}"), text)
        for label, ext, text in (("BibTeX", "bib", bibtex(record)), ("RIS", "ris", ris(record)))
    )


def attach_metadata(generators: Iterable) -> None:
    """Once summary_card has attached the cards (``cards_attached``; the card gives the description): set,
    never append."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        for article in originals_with_pages(generator):  # brief_registry left out any without a series number
            record = brief_record(article, generator.settings)
            article.brief_record = record
            for translation in getattr(article, "translations", ()):  # their feed entries name every author
                translation.brief_record = brief_record(translation, generator.settings)
            article.citation = chicago_citation(record)
            article.citation_files = citation_files(article, record)


def attach_structured_data(generator: ArticlesGenerator, content) -> None:
    """Give a brief its JSON-LD as its page is about to be written (``article_generator_write_article``).

    That late, every plugin has attached what the JSON-LD describes, whatever the order of PLUGINS: the card
    (``cards_attached``) and, when the build makes one, the PDF edition (plugins/pdf_edition).
    """
    record = getattr(content, "brief_record", None)
    if record is None:
        return
    pdf = getattr(content, "pdf_edition", None)
    if pdf:
        record = replace(record, pdf_url=absolute_url(generator.settings.get("SITEURL", ""), pdf.url))
    content.json_ld = json_ld(record)


def write_citation_files(generator: ArticlesGenerator, writer) -> None:
    """Write every brief's citation files into the output folder once the brief pages are written."""
    output = Path(generator.output_path)
    for article in originals_with_pages(generator):
        for cite in getattr(article, "citation_files", ()):
            target = output / cite.save_as
            if write_if_changed(target, cite.text.encode("utf-8")):
                logger.debug("Wrote %s", target)


def name_authors_in_feed(context: dict, feed) -> None:
    """Every author of every brief in the feed Pelican is about to write (the site's and each topic's)."""
    articles = feed_articles(context)
    name_every_author(
        feed,
        ((a, a.brief_record.authors) for a in articles if getattr(a, "brief_record", None) is not None),
    )


def identify_the_feed(context: dict, feed) -> None:
    """The feed's own id, page and language: the listing's a plugin named (``FEED_PAGE``), else the site's home
    page (the site feed lists every brief), in the page's language, else the site's."""
    page = absolute_url(context["SITEURL"], context.get(FEED_PAGE, ""))
    identify_feed(feed, page=page, lang=context.get("page_lang") or context.get("DEFAULT_LANG"))


def install_publisher(generator) -> None:
    """At ``generator_init``: the templates' ``publisher_name()``, the publisher as the citations name it (the page
    footer and the PDF edition's last lines print it)."""
    generator.env.globals["publisher_name"] = lambda: publisher_name(generator.settings)


def register() -> None:
    """Connect the metadata handlers."""
    signals.generator_init.connect(install_publisher)
    cards_attached.connect(attach_metadata)
    signals.article_generator_write_article.connect(attach_structured_data)
    signals.feed_generated.connect(name_authors_in_feed)
    signals.feed_generated.connect(identify_the_feed)
    signals.article_writer_finalized.connect(write_citation_files)
