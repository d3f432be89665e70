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


# The setting that names where each kind's Atom feeds go (an author's feed is Pelican's own, AUTHOR_FEED_ATOM).
FEED_SETTINGS = {"topic": "TAXONOMY_TOPIC_FEED_ATOM", "region": "TAXONOMY_REGION_FEED_ATOM"}


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
            feed_pattern = setting(settings, FEED_SETTINGS[kind]) if kind in FEED_SETTINGS else None
            feed = feed_pattern.format(slug=entry.slug) if feed_pattern else None
            listings.append(Listing(kind, entry, url, save_as(url), mine, feed))
        result[kind] = tuple(listings)
    return result


# The heading of each kind's index page, which lists its pages.
INDEX_TITLES = {"author": "Authors", "topic": "Topics", "region": "Regions"}


@dataclass(frozen=True)
class ListingIndex:
    """The page that lists every author's, topic's or region's page (/topics/): the folder their addresses share."""

    kind: str
    title: str
    url: str
    save_as: str
    listings: tuple[Listing, ...]


def index_address(pattern: str) -> str | None:
    """The address of the folder a kind's page addresses share ("topics/" for "topics/{slug}/"), or None when they
    share none (a pattern that starts with the slug: its index would be the home page)."""
    folder = pattern.split("{slug}", 1)[0]
    return folder if folder.endswith("/") else None


def build_indexes(
    listings: Mapping[str, tuple[Listing, ...]], settings: Mapping[str, Any]
) -> tuple[ListingIndex, ...]:
    """One index page per kind that has pages and a folder of its own, its listings by name."""
    indexes = []
    for kind, title in INDEX_TITLES.items():
        url = index_address(term_url(settings, kind, "{slug}"))
        mine = listings.get(kind, ())
        if url is None or not mine:
            continue
        by_name = tuple(sorted(mine, key=lambda listing: listing.name.casefold()))
        indexes.append(ListingIndex(kind, title, url, save_as(url), by_name))
    return tuple(indexes)
