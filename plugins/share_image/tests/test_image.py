"""Level 1: drawing one share image, and what its cache key depends on."""

from __future__ import annotations

import dataclasses
import io
import time

import pytest
from PIL import Image

from reality_check.plugins.share_image import SIZE, Fonts, ShareImageContent, cache_key, draw_share_image
from reality_check.plugins.share_image.fonts import characters, missing_glyphs
from reality_check.plugins.share_image.image import _font, unreadable_font, wrap

CONTENT = ShareImageContent(
    series="Reality Check",
    number="#901",
    title="Synthetic brief about the invented Republic of Zembla’s paper navy",
    key_point="Zembla – a made-up country – has doubled its fleet of paper boats “for defence”.",
    date="February 1, 2099",
)


def test_image_is_a_1200_by_630_png():
    image = Image.open(io.BytesIO(draw_share_image(CONTENT)))
    assert image.format == "PNG"
    assert image.size == SIZE == (1200, 630)


def test_same_content_gives_the_same_bytes():
    assert draw_share_image(CONTENT) == draw_share_image(dataclasses.replace(CONTENT))


@pytest.mark.parametrize("field", ["series", "number", "title", "key_point", "date"])
def test_everything_the_image_shows_is_in_the_cache_key(field):
    changed = dataclasses.replace(CONTENT, **{field: getattr(CONTENT, field) + " changed"})
    assert cache_key(changed, Fonts()) != cache_key(CONTENT, Fonts())
    assert draw_share_image(changed) != draw_share_image(CONTENT)


def test_cache_key_depends_on_the_fonts():
    assert cache_key(CONTENT, Fonts()) != cache_key(CONTENT, Fonts(regular=None, bold=None))


def test_the_default_fonts_have_the_briefs_typography():
    """DejaVu (fonts-dejavu-core) draws dashes and curly quotes; a missing glyph would draw as a box."""
    fonts = Fonts()
    font = _font(fonts.regular, 32)
    missing = font.getmask("\uffff").getbbox()
    for glyph in "–—’“”é":
        assert font.getmask(glyph).getbbox() != missing, glyph


def test_long_text_is_wrapped_and_shortened_with_an_ellipsis():
    font = _font(Fonts().regular, 32)
    lines = wrap("word " * 200, font, 600, max_lines=3)
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert all(font.getlength(line) <= 600 for line in lines)


def test_a_very_long_title_still_draws():
    long = dataclasses.replace(CONTENT, title="Zembla " * 60, key_point="")
    assert Image.open(io.BytesIO(draw_share_image(long))).size == SIZE


def test_drawing_one_image_is_quick():
    fresh = dataclasses.replace(CONTENT, title="A title drawn only by this timing test")
    # CPU time, not wall-clock time: on a busy machine the wait for a core is not the drawing's cost.
    start = time.process_time()
    draw_share_image(fresh)
    assert time.process_time() - start < 2.0  # measured ~0.1 s


def test_a_file_that_is_not_a_font_is_said_to_be_unreadable(tmp_path):
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("synthetic: not a font", encoding="utf-8")
    assert unreadable_font(str(not_a_font))  # Pillow's reason, such as "broken file" or "unknown file format"
    assert unreadable_font(Fonts().regular) is None


def test_missing_glyphs_are_the_characters_the_font_cannot_draw_each_once(tmp_path):
    bold = Fonts().bold
    assert missing_glyphs("Focus on interests — “not” on Россия, café", bold) == ()
    assert missing_glyphs("Rocket 🚀 and 🚀 on 习近平", bold) == ("🚀", "习", "近", "平")
    # Named as a reader sees them: one family, one flag, one keycap (the "1" alone is drawn).
    assert missing_glyphs("Family 👨\u200d👩\u200d👧, flag 🇺🇦, keycap 1\ufe0f\u20e3", bold) == (
        "👨\u200d👩\u200d👧",
        "🇺🇦",
        "1\ufe0f\u20e3",
    )
    assert missing_glyphs("ASCII only", bold) == ()
    # Pillow's built-in font (no file) and a file that is not a font: nothing to say (the build names the setting).
    not_a_font = tmp_path / "not-a-font.ttf"
    not_a_font.write_text("not a font", encoding="utf-8")
    assert missing_glyphs("Rocket 🚀", None) == ()
    assert missing_glyphs("Rocket 🚀", str(not_a_font)) == ()


def test_characters_are_what_a_reader_sees_as_one():
    assert characters("e\u0301🇺🇦🇫🇷👍🏽x") == ["e\u0301", "🇺🇦", "🇫🇷", "👍🏽", "x"]
    assert characters("👩\u200d💻 ❤\ufe0f") == ["👩\u200d💻", " ", "❤\ufe0f"]
    assert characters("") == []
