"""This plugin's own Pelican settings: their defaults (given at ``initialized`` to a site that leaves one out) and how
they are read (the README's settings table says what each means)."""

from __future__ import annotations

from reality_check.plugins.plugin_support.plugin_settings import defaults_setter, settings_reader

DEFAULTS = {
    "BRIEF_TRANSLATIONS_LISTING_URL": "{lang}/",  # each language's listing of translated briefs
    "BRIEF_TRANSLATIONS_FEED_ATOM": None,  # e.g. "feeds/{lang}.atom.xml" (publishconf.py: feeds need SITEURL)
    "BRIEF_TRANSLATIONS_SEARCH_URL": "{lang}/search/",  # the search page in that language (its Pagefind index)
}

setting = settings_reader(DEFAULTS)

# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)
