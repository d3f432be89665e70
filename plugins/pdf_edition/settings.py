"""This plugin's own Pelican settings: their defaults (given at ``initialized`` to a site that leaves one out) and how
they are read (the README's settings table says what each means)."""

from __future__ import annotations

from pathlib import Path

from reality_check.plugins.plugin_support.plugin_settings import defaults_setter, settings_reader

CHARIS = Path("/usr/share/fonts/truetype/charis")  # Debian's fonts-sil-charis

DEFAULTS = {
    # Draw each brief's PDF and link it (publishconf.py turns it on; `make html PDF=1` for a development build).
    "PDF_EDITION": False,
    # "letter" (US Letter) or "a4".
    "PDF_EDITION_PAGE_SIZE": "letter",
    # The print template, and the theme's stylesheets it is drawn with (in order, print media).
    "PDF_EDITION_TEMPLATE": "pdf_edition",
    "PDF_EDITION_STYLESHEETS": ("css/site.css", "css/pdf.css"),
    # The font files css/pdf.css asks for (Debian's fonts-sil-charis); a missing one is warned about.
    "PDF_EDITION_FONTS": tuple(
        str(CHARIS / f"CharisSIL-{style}.ttf") for style in ("Regular", "Italic", "Bold", "BoldItalic")
    ),
    # Where drawn PDFs are kept between builds ("" = a pdf_edition folder inside CACHE_PATH).
    "PDF_EDITION_CACHE_PATH": "",
    # Processes drawing beside Pelican (None = every core but Pelican's own; 0 = draw in Pelican's process).
    "PDF_EDITION_WORKERS": None,
}

setting = settings_reader(DEFAULTS, none_is_default=True)

# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)
