"""schema.org JSON-LD for a brief page: a Report that is part of the series."""

from __future__ import annotations

import json

from reality_check.plugins.brief_registry.briefs import numbered

from .record import BriefRecord


def json_ld_data(record: BriefRecord) -> dict:
    """The schema.org description of the brief, as a dict."""
    authors = []
    for author in record.authors:
        person: dict = {"@type": "Person", "name": author.name}
        if author.url:
            person["url"] = author.url
        if author.job_title:
            person["jobTitle"] = author.job_title
        if author.affiliation:
            person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
        authors.append(person)
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Report",
        "headline": record.title,
        "name": numbered(record.series, record.number, record.title, record.language),
        "reportNumber": str(record.number),
        "position": record.number,
        "author": authors,
        "datePublished": record.date.isoformat(),
        "publisher": {"@type": "Organization", "name": record.publisher},
        "isPartOf": {"@type": "CreativeWorkSeries", "name": record.series, "url": record.series_url},
        "url": record.url,
        "mainEntityOfPage": record.url,
        "inLanguage": record.language,
    }
    if record.description:
        data["description"] = record.description
    if record.keywords:
        data["keywords"] = list(record.keywords)
    if record.pdf_url:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": record.pdf_url,
            "encodingFormat": "application/pdf",
            "name": f"{numbered(record.series, record.number)} (PDF)",
        }
    return data


def json_ld(record: BriefRecord) -> str:
    """JSON safe to place inside <script type="application/ld+json">: no '<', '>' or '&' appear literally,
    so no text in a title can close the element."""
    text = json.dumps(json_ld_data(record), ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
