"""A plugin's defaults fill only the settings the site leaves out."""

from types import SimpleNamespace

from brief_registry.plugin_settings import defaults_setter


def test_defaults_fill_only_missing_settings():
    set_defaults = defaults_setter({"CARD_HEADING": "Key points", "CARD_LIMIT": 5})
    pelican = SimpleNamespace(settings={"CARD_LIMIT": 3})

    set_defaults(pelican)

    assert pelican.settings == {"CARD_HEADING": "Key points", "CARD_LIMIT": 3}
