"""This plugin's own Pelican settings: their defaults (given at ``initialized`` to a site that leaves one out) and how
they are read (the README's settings table says what each means)."""

from __future__ import annotations

from reality_check.plugins.plugin_support.plugin_settings import defaults_setter, settings_reader

DEFAULTS = {"INCREMENTAL_OUTPUT": True}

setting = settings_reader(DEFAULTS)

# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)
