"""This plugin's own Pelican settings: their defaults (given at ``initialized`` to a site that leaves one out) and how
they are read (the README's settings table says what each means)."""

from __future__ import annotations

from typing import Any

from reality_check.plugins.brief_registry.term_pages import TERM_URL_DEFAULTS
from reality_check.plugins.plugin_support.plugin_settings import defaults_setter, settings_reader

# The address of each author's, topic's and region's page (brief_registry.term_pages), and each topic's feed.
DEFAULTS: dict[str, Any] = {
    **TERM_URL_DEFAULTS,
    "TAXONOMY_TOPIC_FEED_ATOM": None,
    "TAXONOMY_REGION_FEED_ATOM": None,
}

setting = settings_reader(DEFAULTS)

# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)
