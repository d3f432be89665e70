"""Which briefs each author, topic and region page lists. Pure: registry entries and briefs in, listings out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reality_check.plugins.brief_registry import Person, Registry, Term
from reality_check.plugins.brief_registry.addresses import save_as
from reality_check.plugins.brief_registry.registry import REGISTRY_FILES
from reality_check.plugins.brief_registry.term_pages import term_url

from .settings import setting

# The article attribute that holds a brief's entries of each registry (brief_registry's handlers attach them).
ENTRIES_OF_BRIEF = {"authors": "author_profiles", "topics": "topic_terms", "regions": "region_terms"}


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


def _briefs_by_slug(briefs: list, attribute: str) -> dict[str, tuple]:
    """The briefs each registry entry (by its slug) is named in, in the order of `briefs`, each brief once."""
    found: dict[str, dict[int, Any]] = {}
    for brief in briefs:
        for entry in getattr(brief, attribute, ()):
            found.setdefault(entry.slug, {})[id(brief)] = brief
    return {slug: tuple(mine.values()) for slug, mine in found.items()}


def build_listings(
    briefs: Iterable, registry: Registry, settings: Mapping[str, Any]
) -> dict[str, tuple[Listing, ...]]:
    """Every author gets a page (a new author's page says so); a topic or region gets one once a brief uses it.

    `briefs` come in the order readers see them (newest first); each listing keeps that order.
    """
    briefs = list(briefs)
    result: dict[str, tuple[Listing, ...]] = {}
    for field, attribute in ENTRIES_OF_BRIEF.items():
        kind = REGISTRY_FILES[field].label
        listed_in = _briefs_by_slug(briefs, attribute)
        listings = []
        for entry in registry.entries(field):
            mine = listed_in.get(entry.slug, ())
            if not mine and kind != "author":
                continue
            url = term_url(settings, kind, entry.slug)
            feed_pattern = setting(settings, "TAXONOMY_TOPIC_FEED_ATOM") if kind == "topic" else None
            feed = feed_pattern.format(slug=entry.slug) if feed_pattern else None
            listings.append(Listing(kind, entry, url, save_as(url), mine, feed))
        result[kind] = tuple(listings)
    return result
