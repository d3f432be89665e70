"""A plugin's defaults fill only the settings the site leaves out."""

from types import SimpleNamespace

import pytest

from reality_check.plugins.plugin_support.plugin_settings import (
    defaults_setter,
    settings_reader,
    whole_number,
)


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


@pytest.mark.parametrize(("value", "number"), [(600, 600), ("600", 600), (" 3 ", 3), (0, 0)])
def test_a_whole_number_setting_is_read_from_a_number_or_its_digits(value, number):
    assert whole_number("X_WIDTH", value, minimum=0, default=600) == number


@pytest.mark.parametrize("value", ["600px", "auto", -1, 2.5, True, None])
def test_anything_else_is_refused_by_the_settings_name_with_where_and_the_default(value):
    with pytest.raises(ValueError, match=r"^X_WIDTH must be a whole number") as refused:
        whole_number("X_WIDTH", value, minimum=0, default=600)
    assert str(refused.value) == (
        f"X_WIDTH must be a whole number, at least 0, not {value!r} (set it in pelicanconf.py; the default is 600)"
    )


def test_the_plugins_counting_settings_are_refused_by_name():
    """A bare int() traceback ("invalid literal for int() with base 10: '600px'") named no setting."""
    from reality_check.plugins.brief_embed import build_embed
    from reality_check.plugins.drawn_files.pool import worker_count

    with pytest.raises(
        ValueError, match=r"^BRIEF_EMBED_WIDTH must be a whole number, at least 1, not '600px'"
    ):
        build_embed(slug="s", title="t", heading="t", siteurl="", settings={"BRIEF_EMBED_WIDTH": "600px"})
    with pytest.raises(
        ValueError, match=r"^SHARE_IMAGE_WORKERS must be a whole number, at least 0, not 'auto'"
    ):
        worker_count("auto", "SHARE_IMAGE_WORKERS")
    assert worker_count("2", "SHARE_IMAGE_WORKERS") == 2
