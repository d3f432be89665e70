"""This plugin's Pelican settings: their names, their defaults (set at ``initialized``) and the extractor's view.

Pure, so the editors' checker reads the settings exactly as the build does without importing Pelican wiring.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from brief_registry.plugin_settings import settings_reader

from .card import (
    DEFAULT_HEADINGS_BY_LANG,
    DEFAULT_KEY_POINTS_HEADINGS,
    DEFAULT_RECOMMENDATIONS_HEADINGS,
    CardSettings,
)

# Pelican setting -> CardSettings field.
HEADING_SETTINGS = {
    "SUMMARY_CARD_KEY_POINTS_HEADINGS": "key_points_headings",
    "SUMMARY_CARD_RECOMMENDATIONS_HEADINGS": "recommendations_headings",
}
JSON_SAVE_AS = "SUMMARY_CARD_JSON_SAVE_AS"
# A translated brief's headings by language (docs/translations.md); given languages replace or add to card.py's.
BY_LANG_SETTING = "SUMMARY_CARD_HEADINGS_BY_LANG"

DEFAULTS: dict[str, Any] = {
    "SUMMARY_CARD_KEY_POINTS_HEADINGS": list(DEFAULT_KEY_POINTS_HEADINGS),
    "SUMMARY_CARD_RECOMMENDATIONS_HEADINGS": list(DEFAULT_RECOMMENDATIONS_HEADINGS),
    JSON_SAVE_AS: "cards.json",  # "" writes none
}
_setting = settings_reader(DEFAULTS, none_is_default=True)


def card_settings(settings: Mapping[str, Any], lang: str | None = None) -> CardSettings:
    """The extractor's settings from Pelican's; a heading list left out (or empty) keeps the default.

    A brief in another language than DEFAULT_LANG (a translation) is read with that language's headings
    (SUMMARY_CARD_HEADINGS_BY_LANG, defaults in card.py) first, then the site's own.
    """
    values = {}
    for name, field in HEADING_SETTINGS.items():
        value = settings.get(name)
        if value:
            values[field] = (value,) if isinstance(value, str) else tuple(map(str, value))
    site = CardSettings(**values)
    if not lang or lang == settings.get("DEFAULT_LANG", "en"):
        return site
    own = {**DEFAULT_HEADINGS_BY_LANG, **(settings.get(BY_LANG_SETTING) or {})}.get(lang, {})

    def headings(kind: str, fallback: tuple[str, ...]) -> tuple[str, ...]:
        given = own.get(kind, ())
        given = (given,) if isinstance(given, str) else tuple(map(str, given))
        return tuple(dict.fromkeys((*given, *fallback)))

    return CardSettings(
        key_points_headings=headings("key_points", site.key_points_headings),
        recommendations_headings=headings("recommendations", site.recommendations_headings),
    )


def json_save_as(settings: Mapping[str, Any]) -> str:
    """Where cards.json is written ("" for nowhere; None is the default)."""
    return str(_setting(settings, JSON_SAVE_AS))
