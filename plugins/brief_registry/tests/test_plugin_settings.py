"""A plugin's defaults fill only the settings the site leaves out."""

from types import SimpleNamespace

import pytest

from brief_registry.plugin_settings import defaults_setter, settings_reader


def test_defaults_fill_only_missing_settings():
    set_defaults = defaults_setter({"CARD_HEADING": "Key points", "CARD_LIMIT": 5})
    pelican = SimpleNamespace(settings={"CARD_LIMIT": 3})

    set_defaults(pelican)

    assert pelican.settings == {"CARD_HEADING": "Key points", "CARD_LIMIT": 3}


def test_a_setting_is_the_sites_value_else_the_plugins_default():
    setting = settings_reader({"SYNTHETIC_PLUGIN_WIDTH": 600, "SYNTHETIC_PLUGIN_TITLE": None})
    site = {"SYNTHETIC_PLUGIN_TITLE": "Set by the site", "SITENAME": "A synthetic site"}
    assert setting(site, "SYNTHETIC_PLUGIN_WIDTH") == 600
    assert setting(site, "SYNTHETIC_PLUGIN_TITLE") == "Set by the site"
    with pytest.raises(KeyError):  # only the plugin's own settings have defaults here
        setting(site, "SITENAME")


def test_a_setting_given_as_none_keeps_the_default_only_where_the_plugin_says_so():
    defaults = {"SYNTHETIC_PLUGIN_SAVE_AS": "images/{slug}.png"}
    site = {"SYNTHETIC_PLUGIN_SAVE_AS": None}
    assert settings_reader(defaults)(site, "SYNTHETIC_PLUGIN_SAVE_AS") is None
    assert (
        settings_reader(defaults, none_is_default=True)(site, "SYNTHETIC_PLUGIN_SAVE_AS")
        == "images/{slug}.png"
    )
