"""The bibliographic facts of one brief, as every citation format and the JSON-LD need them."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reality_check.plugins.brief_registry.addresses import absolute_url
from reality_check.plugins.brief_registry.briefs import series_name
from reality_check.plugins.brief_registry.term_pages import author_page_url


@dataclass(frozen=True)
class Contributor:
    """An author of a brief; `url` is their page on the site."""

    name: str
    url: str = ""
    job_title: str = ""
    affiliation: str = ""


@dataclass(frozen=True)
class BriefRecord:
    """A brief as a library catalogue would describe it."""

    title: str
    number: int
    date: datetime.date
    authors: tuple[Contributor, ...]
    url: str
    series: str
    series_url: str
    publisher: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "en"
    pdf_url: str = ""  # the brief's PDF edition (plugins/pdf_edition), when the build writes one


def split_name(name: str) -> tuple[str, str]:
    """(family, given) of a name written "Given Family"; a one-word name is all family name."""
    parts = name.split()
    if not parts:
        return "", ""
    return parts[-1], " ".join(parts[:-1])


def publisher_name(settings: Mapping[str, Any]) -> str:
    """Who publishes the series, as every page, citation, PDF and digest names it: BRIEF_METADATA_PUBLISHER, else
    AUTHOR, else the site's name."""
    return str(settings.get("BRIEF_METADATA_PUBLISHER") or settings.get("AUTHOR") or settings["SITENAME"])


def brief_record(article, settings: dict) -> BriefRecord:
    """Gather what citations need from the article (what the other plugins attached to it) and the settings."""
    siteurl = settings.get("SITEURL", "")
    card = getattr(article, "summary_card", None)
    description = card.first_key_point if card else ""
    date = article.date.date() if isinstance(article.date, datetime.datetime) else article.date
    return BriefRecord(
        title=str(article.title),
        number=article.series_number,
        date=date,
        authors=tuple(
            Contributor(p.name, author_page_url(settings, p.slug), p.title, p.affiliation)
            for p in getattr(article, "author_profiles", ())
        ),
        url=absolute_url(siteurl, article.url),
        series=series_name(settings),
        series_url=absolute_url(siteurl, ""),
        publisher=publisher_name(settings),
        description=description,
        keywords=tuple(
            t.name for t in (*getattr(article, "topic_terms", ()), *getattr(article, "region_terms", ()))
        ),
        language=getattr(article, "lang", None) or settings.get("DEFAULT_LANG", "en"),
    )
