"""This plugin's own Pelican settings: their defaults (given at ``initialized`` to a site that leaves one out) and how
they are read (the README's settings table says what each means)."""

from __future__ import annotations

from typing import Any

from reality_check.plugins.plugin_support.plugin_settings import defaults_setter, settings_reader

DEFAULTS: dict[str, Any] = {
    "BRIEF_EMBED_CARD_URL": "briefs/{slug}/card/",
    "BRIEF_EMBED_OEMBED_URL": "oembed/{slug}.json",
    "BRIEF_EMBED_WIDTH": 600,
}

setting = settings_reader(DEFAULTS)

# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)
