"""The cards as data: one JSON-ready record per brief, for ``cards.json``.

Pure apart from reading a few attributes off Pelican's article objects; see ``schemas/cards.schema.json``
for the format this promises to readers of the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reality_check.plugins.brief_registry.addresses import absolute_url
from reality_check.plugins.brief_registry.rules import names_of

from .card import BriefCard

SCHEMA_VERSION = 1


def card_record(
    card: BriefCard,
    *,
    number: int | None,
    title: str,
    url: str,
    date: str,
    authors: Iterable[str] = (),
    topics: Iterable[str] = (),
    regions: Iterable[str] = (),
    lang: str = "en",
    translations: Iterable[dict[str, Any]] = (),
    pdf: str = "",
) -> dict[str, Any]:
    """One brief's card with what identifies the brief, in the key order the file shows.

    `pdf` is the brief's PDF edition (plugins/pdf_edition), given only by builds that write PDFs.
    """
    record = {
        "number": number,
        "title": title,
        "url": url,
        "date": date,
        "lang": lang,
        "authors": list(authors),
        "topics": list(topics),
        "regions": list(regions),
        **card_content(card),
        "translations": list(translations),
    }
    if pdf:
        record["pdf"] = pdf
    return record


def card_content(card: BriefCard) -> dict[str, Any]:
    """The card's own fields: its key points and recommendations."""
    return {
        "key_points": [point.text for point in card.key_points],
        "recommendations": [
            {"number": rec.number, "title": rec.title, "text": rec.text} for rec in card.recommendations
        ],
    }


def translation_record(article, base: str) -> dict[str, Any]:
    """A translation of a brief, as its original's card lists it."""
    return {
        "lang": str(article.lang),
        "title": str(article.title),
        "url": absolute_url(base, article.url),
        "date": article.date.date().isoformat(),
        **card_content(getattr(article, "summary_card", None) or BriefCard()),
    }


def _number(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def cards_document(articles: Iterable, *, siteurl: str, series: str) -> dict[str, Any]:
    """The whole ``cards.json`` for `articles` (already in the order to show)."""
    base = siteurl.rstrip("/")
    return {
        "version": SCHEMA_VERSION,
        "series": series,
        "cards": [
            card_record(
                getattr(article, "summary_card", None) or BriefCard(),
                number=_number(getattr(article, "series_number", None)),
                title=str(article.title),
                url=absolute_url(base, article.url),
                date=article.date.date().isoformat(),
                authors=list(names_of(getattr(article, "authors", None))),
                topics=list(names_of(getattr(article, "topics", None))),
                regions=list(names_of(getattr(article, "regions", None))),
                lang=str(article.lang),
                translations=[
                    translation_record(t, base)
                    for t in sorted(getattr(article, "translations", ()), key=lambda t: t.lang)
                    if not t.in_default_lang
                ],
                pdf=absolute_url(base, article.pdf_edition.url)
                if getattr(article, "pdf_edition", None)
                else "",
            )
            for article in articles
        ],
    }
