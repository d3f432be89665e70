"""Pelican wiring: a generator that writes the author, topic and region pages, the pages that list them
(/authors/, /topics/, /regions/) and the per-topic feeds."""

from __future__ import annotations

from functools import partial

from pelican import signals
from pelican.generators import Generator

from reality_check.plugins.brief_registry.briefs import FEED_PAGE
from reality_check.plugins.brief_registry.registry import build_registry

from .listings import build_indexes, build_listings
from .settings import set_defaults

TEMPLATES = {"author": "author", "topic": "term", "region": "term"}
INDEX_TEMPLATE = "listing_index"


class TaxonomyPagesGenerator(Generator):
    """Lists briefs by author, topic and region. Runs after the articles generator, so briefs are known."""

    def generate_context(self) -> None:
        registry = build_registry(self.context, self.settings["PATH"])
        listings = build_listings(self.context.get("articles", ()), registry, self.settings)
        # Templates find any author's, topic's or region's page by its slug.
        self.context["author_pages"] = {item.entry.slug: item for item in listings["author"]}
        self.context["topic_pages"] = {item.entry.slug: item for item in listings["topic"]}
        self.context["region_pages"] = {item.entry.slug: item for item in listings["region"]}
        # Each kind's index page (/topics/), by kind: the term and author pages link to theirs.
        self.context["listing_indexes"] = {
            index.kind: index for index in build_indexes(listings, self.settings)
        }

    def generate_output(self, writer) -> None:
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        for index in self.context["listing_indexes"].values():
            write(
                index.save_as,
                self.get_template(INDEX_TEMPLATE),
                self.context,
                template_name=INDEX_TEMPLATE,
                url=index.url,
                listing_index=index,
                page_name=index.url,
            )
        for key in ("author_pages", "topic_pages", "region_pages"):
            for listing in self.context[key].values():
                write(
                    listing.save_as,
                    self.get_template(TEMPLATES[listing.kind]),
                    self.context,
                    paginated={"articles": list(listing.briefs)},
                    template_name=TEMPLATES[listing.kind],
                    url=listing.url,
                    listing=listing,
                    page_name=listing.url,
                )
                if listing.feed and listing.briefs:
                    writer.write_feed(
                        list(listing.briefs),
                        {**self.context, FEED_PAGE: listing.url},
                        listing.feed,
                        listing.feed,
                        feed_type="atom",
                        feed_title=listing.name,
                    )


def get_generators(pelican) -> type[Generator]:
    return TaxonomyPagesGenerator


def register() -> None:
    """Connect the generator."""
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
