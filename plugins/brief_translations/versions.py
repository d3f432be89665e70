"""A brief and its translations: the language versions each page links to (switcher, hreflang), and the
listing of each language's translations. Pure: plain values in, frozen values out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reality_check.plugins.brief_registry.addresses import Address, save_as
from reality_check.plugins.brief_registry.briefs import newest_first

from .interface import language_name
from .settings import setting


@dataclass(frozen=True)
class LanguageVersion:
    """One language version of a brief, as a link to it."""

    lang: str
    name: str  # the language's own name: "Русский"
    url: str  # absolute (SITEURL/...)
    original: bool


def language_versions(
    original: LanguageVersion, translations: Iterable[LanguageVersion]
) -> tuple[LanguageVersion, ...]:
    """The original first, then its translations by language code."""
    return (original, *sorted(translations, key=lambda version: version.lang))


@dataclass(frozen=True)
class LanguageListing:
    """The page listing the briefs translated into one language, and its feed."""

    lang: str
    name: str
    url: str
    save_as: str
    feed: str | None
    briefs: tuple  # the translated articles, highest series number first


def listing_address(pattern: str, lang: str) -> Address:
    """The address of a language's listing from a pattern such as ``{lang}/``."""
    url = pattern.format(lang=lang)
    return Address(url, save_as(url))


def language_listings(articles: Iterable, settings) -> tuple[LanguageListing, ...]:
    """One listing per language that has translations, its briefs highest number first."""
    by_lang: dict[str, list] = defaultdict(list)
    for article in articles:
        for translation in getattr(article, "translations", ()):
            if getattr(translation, "is_translation", False):
                by_lang[translation.lang].append(translation)
    listings = []
    feed_pattern = setting(settings, "BRIEF_TRANSLATIONS_FEED_ATOM")
    for lang in sorted(by_lang):
        url, save_as = listing_address(setting(settings, "BRIEF_TRANSLATIONS_LISTING_URL"), lang)
        briefs = tuple(sorted(by_lang[lang], key=newest_first))
        feed = feed_pattern.format(lang=lang) if feed_pattern else None
        listings.append(LanguageListing(lang, language_name(lang), url, save_as, feed, briefs))
    return tuple(listings)


def pages_in_use(pages: Mapping[str, object] | None, briefs: Iterable, terms: str) -> dict[str, object]:
    """The entries of `pages` (a topic's or region's listing by its slug) that one of `briefs` is tagged with
    (`terms`: "topic_terms" or "region_terms"): a language's search offers no filter none of its briefs has."""
    used = {term.slug for brief in briefs for term in getattr(brief, terms, None) or ()}
    return {slug: page for slug, page in (pages or {}).items() if slug in used}
