"""Which briefs each author, topic and region page lists. Pure: registry entries and briefs in, listings out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reality_check.plugins.brief_registry import Person, Registry, Term
from reality_check.plugins.brief_registry.addresses import save_as
from reality_check.plugins.brief_registry.term_pages import term_url

from .settings import setting

KINDS = {"author": "author_profiles", "topic": "topic_terms", "region": "region_terms"}


@dataclass(frozen=True)
class Listing:
    """One author, topic or region page: its registry entry and its briefs in series order."""

    kind: str
    entry: Person | Term
    url: str
    save_as: str
    briefs: tuple
    feed: str | None = None

    @property
    def name(self) -> str:
        return self.entry.name


def build_listings(
    briefs: Iterable, registry: Registry, settings: Mapping[str, Any]
) -> dict[str, tuple[Listing, ...]]:
    """Every author gets a page (a new author's page says so); a topic or region gets one once a brief uses it.

    `briefs` come in the order readers see them (newest first); each listing keeps that order.
    """
    briefs = list(briefs)
    result: dict[str, tuple[Listing, ...]] = {}
    for kind, attribute in KINDS.items():
        entries = {"author": registry.authors, "topic": registry.topics, "region": registry.regions}[kind]
        listings = []
        for entry in entries:
            mine = tuple(b for b in briefs if any(e.slug == entry.slug for e in getattr(b, attribute, ())))
            if not mine and kind != "author":
                continue
            url = term_url(settings, kind, entry.slug)
            feed_pattern = setting(settings, "TAXONOMY_TOPIC_FEED_ATOM") if kind == "topic" else None
            feed = feed_pattern.format(slug=entry.slug) if feed_pattern else None
            listings.append(Listing(kind, entry, url, save_as(url), mine, feed))
        result[kind] = tuple(listings)
    return result
