"""Pelican wiring: give each brief its embed, write its card page and its oEmbed document."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from reality_check.plugins.brief_registry.addresses import absolute_url
from reality_check.plugins.brief_registry.briefs import numbered, originals_with_pages_in, series_name
from reality_check.plugins.brief_registry.term_pages import author_page_url
from reality_check.plugins.plugin_support.files import write_if_changed

from .embed import Author, Embed, Thumbnail, build_embed, oembed_document
from .settings import set_defaults

logger = logging.getLogger(__name__)

CARD_TEMPLATE = "embeddable_card"  # theme/templates/embeddable_card.html


def embed_for(article, settings: dict) -> Embed:
    """The embed of `article`, from its card (attached by summary_card) and the settings."""
    card = getattr(article, "summary_card", None)
    return build_embed(
        slug=article.slug,
        title=numbered(
            series_name(settings), article.series_number, article.title, getattr(article, "lang", None)
        ),
        heading=article.title,
        siteurl=settings.get("SITEURL", ""),
        settings=settings,
        key_points=[point.text for point in card.key_points] if card else (),
        recommendation_titles=[rec.title for rec in card.recommendations] if card else (),
    )


def attach_embed(generator, content) -> None:
    """Just before a brief's page is written (every card is attached by then): set ``embed``."""
    if getattr(content, "summary_card", None) is None or not content.in_default_lang:
        return  # only the original has an embeddable card (translations: docs/translations.md)
    content.embed = embed_for(content, generator.settings)


class EmbedCardsGenerator(Generator):
    """Writes /briefs/<slug>/card/ (the card alone, for an iframe) and /oembed/<slug>.json per brief."""

    def generate_output(self, writer) -> None:
        siteurl = self.settings.get("SITEURL", "")
        template = self.get_template(CARD_TEMPLATE)
        # Every original with a page, hidden ones too (unlisted, not unfinished): each page offers its embed.
        for article in originals_with_pages_in(self.context):
            if getattr(article, "summary_card", None) is None:
                continue
            embed = getattr(article, "embed", None) or embed_for(article, self.settings)
            writer.write_file(
                embed.card_save_as,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                article=article,
                embed=embed,
                template_name=CARD_TEMPLATE,
            )
            image = getattr(article, "share_image", "")
            document = oembed_document(
                embed,
                authors=[
                    Author(person.name, author_page_url(self.settings, person.slug))
                    for person in getattr(article, "author_profiles", ())
                ],
                provider_name=self.settings["SITENAME"],
                provider_url=absolute_url(siteurl, ""),
                thumbnail=Thumbnail(absolute_url(siteurl, image), *article.share_image_size)
                if image
                else None,
            )
            path = Path(self.output_path) / embed.oembed_save_as
            if write_if_changed(
                path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            ):
                logger.debug("Wrote %s", path)


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican the card-page and oEmbed generator."""
    return EmbedCardsGenerator


def register() -> None:
    """Connect the embed handlers."""
    signals.initialized.connect(set_defaults)
    signals.article_generator_write_article.connect(attach_embed)
    signals.get_generators.connect(get_generators)
