"""This plugin's Pelican settings: their names, their defaults (set at ``initialized``) and the extractor's view.

Pure, so the editors' checker reads the settings exactly as the build does without importing Pelican wiring.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reality_check.plugins.plugin_support.plugin_settings import (
    SettingError,
    defaults_setter,
    settings_reader,
    text_list,
)

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
            values[field] = text_list(name, value, example=repr(list(DEFAULTS[name][:2])))
    site = CardSettings(**values)
    if not lang or lang == settings.get("DEFAULT_LANG", "en"):
        return site
    own = {**DEFAULT_HEADINGS_BY_LANG, **_headings_by_lang(settings.get(BY_LANG_SETTING) or {})}.get(lang, {})

    def headings(kind: str, fallback: tuple[str, ...]) -> tuple[str, ...]:
        given = text_list(
            f"{BY_LANG_SETTING}[{lang!r}][{kind!r}]", own.get(kind, ()), example="['Points clés']"
        )
        return tuple(dict.fromkeys((*given, *fallback)))

    return CardSettings(
        key_points_headings=headings("key_points", site.key_points_headings),
        recommendations_headings=headings("recommendations", site.recommendations_headings),
    )


def _headings_by_lang(value: object) -> Mapping[str, Mapping[str, Any]]:
    """SUMMARY_CARD_HEADINGS_BY_LANG as given, once it is a mapping of languages to mappings; else SettingError."""
    if isinstance(value, Mapping) and all(isinstance(entry, Mapping) for entry in value.values()):
        return value
    raise SettingError(
        f"{BY_LANG_SETTING} must map each language to its headings, such as "
        "{'fr': {'key_points': ['Points clés'], 'recommendations': ['Que faire ?']}}, "
        f"not {value!r} (set it in pelicanconf.py)"
    )


def json_save_as(settings: Mapping[str, Any]) -> str:
    """Where cards.json is written ("" for nowhere; None is the default)."""
    return str(_setting(settings, JSON_SAVE_AS))


# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)
