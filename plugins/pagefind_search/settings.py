"""This plugin's Pelican settings: their defaults (set at ``initialized``) and how the index's limits are read.

Pure, so the limits are tested without Pelican's wiring.
"""

from __future__ import annotations

from reality_check.plugins.plugin_support.plugin_settings import (
    defaults_setter,
    settings_reader,
    whole_number,
)

DEFAULTS = {
    "PAGEFIND_ENABLED": True,
    # Pages one Pagefind run indexes at most (about: plus one per language). Its memory grows with them, about
    # 0.3 MB a brief: a larger archive is indexed in parts, one after another (bench/results.md).
    "PAGEFIND_PAGES_PER_INDEX": 3000,
    # The most parts the index is cut into (None: as many as PAGEFIND_PAGES_PER_INDEX asks for). A search page
    # fetches every part of its language; past this many, the parts grow instead.
    "PAGEFIND_MAX_PARTS": None,
    # Keep a part whose pages are byte for byte those its bundle was made from in the last build into the same
    # folder (recorded in CACHE_PATH), instead of indexing it again.
    "PAGEFIND_KEEP_UNCHANGED_PARTS": False,
}
setting = settings_reader(DEFAULTS)


def index_limits(settings) -> tuple[int, int | None]:
    """PAGEFIND_PAGES_PER_INDEX and PAGEFIND_MAX_PARTS (None: no limit), each a whole number of at least 1; a
    ValueError naming the setting, where to set it and its default otherwise."""
    per_part = whole_number(
        "PAGEFIND_PAGES_PER_INDEX",
        setting(settings, "PAGEFIND_PAGES_PER_INDEX"),
        minimum=1,
        default=DEFAULTS["PAGEFIND_PAGES_PER_INDEX"],
    )
    most = setting(settings, "PAGEFIND_MAX_PARTS")
    if most is not None:
        most = whole_number("PAGEFIND_MAX_PARTS", most, minimum=1, default=DEFAULTS["PAGEFIND_MAX_PARTS"])
    return per_part, most


# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)
