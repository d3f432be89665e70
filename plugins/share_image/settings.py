"""This plugin's own Pelican settings: their defaults (given at ``initialized`` to a site that leaves one out) and how
they are read (the README's settings table says what each means)."""

from __future__ import annotations

from reality_check.plugins.plugin_support.plugin_settings import defaults_setter, settings_reader

from .fonts import Fonts

DEFAULTS = {
    # Where each brief's image is written, relative to the output folder.
    "SHARE_IMAGE_SAVE_AS": "images/share/{slug}.png",
    # Where drawn images are kept between builds ("" = a share_image folder inside CACHE_PATH).
    "SHARE_IMAGE_CACHE_PATH": "",
    # Font files ("" = DejaVu Sans from Debian's fonts-dejavu-core, else Pillow's built-in font).
    "SHARE_IMAGE_FONT": "",
    "SHARE_IMAGE_BOLD_FONT": "",
    # Processes that draw beside Pelican (None = every core but the one Pelican uses; 0 = none).
    "SHARE_IMAGE_WORKERS": None,
}

setting = settings_reader(DEFAULTS, none_is_default=True)

# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)


def fonts_for(settings: dict) -> Fonts:
    """The fonts the settings ask for, falling back to the plugin's defaults."""
    default = Fonts()
    return Fonts(
        regular=str(setting(settings, "SHARE_IMAGE_FONT")) or default.regular,
        bold=str(setting(settings, "SHARE_IMAGE_BOLD_FONT")) or default.bold,
    )
