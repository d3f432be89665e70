"""Where the page of a registry entry (an author, a topic, a region) lives: one URL pattern per kind.

The pages themselves are written by ``taxonomy_pages``; plugins that link to them (the citation record, oEmbed)
read the address here, so none of them depends on the plugin that writes the pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .addresses import absolute_url

TERM_URL_DEFAULTS: dict[str, str] = {
    "TAXONOMY_AUTHOR_URL": "authors/{slug}/",
    "TAXONOMY_TOPIC_URL": "topics/{slug}/",
    "TAXONOMY_REGION_URL": "regions/{slug}/",
}


def term_url(settings: Mapping[str, Any], kind: str, slug: str) -> str:
    """The address (relative to SITEURL) of an author's, topic's or region's page."""
    name = f"TAXONOMY_{kind.upper()}_URL"
    return settings.get(name, TERM_URL_DEFAULTS[name]).format(slug=slug)


def author_page_url(settings: Mapping[str, Any], slug: str) -> str:
    """The full address of an author's page (citations and structured data, the oEmbed answer's author_url)."""
    return absolute_url(str(settings.get("SITEURL", "")), term_url(settings, "author", slug))
