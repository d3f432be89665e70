"""Level 1: a translated brief's card is read with its language's headings (and still with the English ones)."""

from __future__ import annotations

import re

import pytest

from reality_check.plugins.plugin_support.plugin_settings import SettingError
from reality_check.plugins.summary_card import extract_card
from reality_check.plugins.summary_card.settings import card_settings

SITE = {"DEFAULT_LANG": "en"}


def brief(key_heading: str, rec_heading: str) -> str:
    return (
        f"<h2>{key_heading}</h2><ul><li>A point.</li><li>Another point.</li></ul>"
        "<h2>Context</h2><p>Text.</p>"
        f"<h2>{rec_heading}</h2><ol><li><strong>Act now.</strong> Then more.</li></ol>"
    )


@pytest.mark.parametrize(
    ("lang", "key_heading", "rec_heading"),
    [
        ("ru", "Ключевые положения", "Рекомендации"),
        ("ru", "Основные моменты:", "Что нужно сделать?"),
        ("uk", "Ключові положення", "Рекомендації"),
        ("fr", "Points clés :", "Que faire ?"),
        ("fr", "L’essentiel", "Que faire?"),  # curly apostrophe; no space before the question mark
        ("de", "Kernpunkte", "Empfehlungen"),
        ("de", "Das Wichtigste", "Was ist zu tun?"),
        ("ru", "Key points", "Recommendations"),  # a translator who kept the English headings
    ],
)
def test_a_translation_is_read_in_its_language(lang, key_heading, rec_heading):
    extraction = extract_card(brief(key_heading, rec_heading), card_settings(SITE, lang))
    assert [p.text for p in extraction.card.key_points] == ["A point.", "Another point."]
    assert [r.title for r in extraction.card.recommendations] == ["Act now."]
    assert extraction.problems == ()


def test_an_english_brief_is_not_read_with_other_languages_headings():
    extraction = extract_card(brief("Ключевые положения", "Рекомендации"), card_settings(SITE, "en"))
    assert extraction.card.key_points == ()


def test_a_setting_adds_a_language_or_replaces_one():
    settings = {
        **SITE,
        "SUMMARY_CARD_HEADINGS_BY_LANG": {
            "it": {"key_points": ["Punti chiave"], "recommendations": "Raccomandazioni"}
        },
    }
    extraction = extract_card(brief("Punti chiave", "Raccomandazioni"), card_settings(settings, "it"))
    assert len(extraction.card.key_points) == 2
    assert len(extraction.card.recommendations) == 1


def test_a_language_given_in_the_setting_replaces_that_languages_defaults():
    settings = {
        **SITE,
        "SUMMARY_CARD_HEADINGS_BY_LANG": {
            "ru": {"key_points": ["Тезисы"], "recommendations": ["Предложения"]}
        },
    }
    replaced = card_settings(settings, "ru")
    assert extract_card(brief("Тезисы", "Предложения"), replaced).card.key_points != ()
    # The default Russian headings are gone; the site's own (English) ones are still tried after.
    assert extract_card(brief("Ключевые положения", "Рекомендации"), replaced).card.key_points == ()
    assert extract_card(brief("Key points", "Recommendations"), replaced).card.key_points != ()


@pytest.mark.parametrize(
    ("given", "lang", "says"),
    [
        (
            {"SUMMARY_CARD_KEY_POINTS_HEADINGS": 5},
            None,
            "SUMMARY_CARD_KEY_POINTS_HEADINGS must be a list of texts",
        ),
        (
            {"SUMMARY_CARD_RECOMMENDATIONS_HEADINGS": ["Do", 2]},
            None,
            "SUMMARY_CARD_RECOMMENDATIONS_HEADINGS must",
        ),
        (
            {"SUMMARY_CARD_HEADINGS_BY_LANG": ["fr"]},
            "fr",
            "SUMMARY_CARD_HEADINGS_BY_LANG must map each language",
        ),
        (
            {"SUMMARY_CARD_HEADINGS_BY_LANG": {"fr": {"key_points": 3}}},
            "fr",
            "SUMMARY_CARD_HEADINGS_BY_LANG['fr']['key_points'] must be a list of texts",
        ),
    ],
)
def test_a_mistyped_heading_setting_is_refused_naming_it(given, lang, says):
    """A number or a list where a mapping goes was a TypeError or AttributeError traceback before any build."""
    with pytest.raises(SettingError, match=re.escape(says)) as refused:
        card_settings({**SITE, **given}, lang)
    assert str(refused.value).endswith("(set it in pelicanconf.py)")
