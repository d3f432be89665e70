"""The fonts a share image is drawn in, and what they cannot draw.

Pillow draws each text in one font file, with no fallback: a character the file has no glyph for (an emoji, Chinese
characters, in DejaVu Sans) is drawn as an empty box. ``make check`` names such characters in what the image shows
(``missing_glyphs``), as a reader would see them: an emoji written as several code points (a family, a flag, a
keycap) is one character.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# fonts-dejavu-core (Debian): wide Unicode coverage, including the briefs' curly quotes and dashes.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class Fonts:
    """Font files for the image; ``None`` falls back to Pillow's built-in font (fewer glyphs)."""

    regular: str | None = str(DEJAVU / "DejaVuSans.ttf")
    bold: str | None = str(DEJAVU / "DejaVuSans-Bold.ttf")


DEFAULT_FONTS = Fonts()


ZERO_WIDTH_JOINER = "\u200d"
# Code points that belong to the character before them: variation selectors, the keycap's enclosing mark, skin
# tones, and the tags of a subdivision's flag (combining marks are found by their Unicode category).
_JOINS_THE_ONE_BEFORE = frozenset(
    (*range(0xFE00, 0xFE10), 0x20E3, *range(0x1F3FB, 0x1F400), *range(0xE0020, 0xE0080))
)
_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)  # two of them are a country's flag


def characters(text: str) -> list[str]:
    """`text` as the characters a reader sees, each possibly several code points: a letter with its combining
    accents, an emoji with its variation selector or skin tone, emoji joined by U+200D, a pair of regional
    indicators (a flag)."""
    found: list[str] = []
    for c in text:
        previous = found[-1] if found else ""
        flag_half = (
            len(previous) == 1 and ord(previous) in _REGIONAL_INDICATORS and ord(c) in _REGIONAL_INDICATORS
        )
        if previous and (
            ord(c) in _JOINS_THE_ONE_BEFORE
            or unicodedata.category(c) in ("Mn", "Me", "Mc")
            or c == ZERO_WIDTH_JOINER
            or previous.endswith(ZERO_WIDTH_JOINER)
            or flag_half
        ):
            found[-1] += c
        else:
            found.append(c)
    return found


@functools.cache
def _drawable(path: str) -> frozenset[int] | None:
    """The code points the font file at `path` has a glyph for; None when it cannot be read as a font (the build
    reports that itself, naming the setting)."""
    from fontTools.ttLib import TTFont, TTLibError  # only when a text is not plain ASCII

    try:
        with TTFont(path, lazy=True) as font:
            return frozenset(font.getBestCmap() or {})
    except (OSError, TTLibError, AssertionError, KeyError, ValueError):  # not a font fontTools can read
        return None


def missing_glyphs(text: str, path: str | None) -> tuple[str, ...]:
    """The characters of `text` (:func:`characters`; each once, in order, spaces aside) with a code point the font
    file at `path` has no glyph for: the image would show an empty box for each. Nothing (an empty tuple) for
    Pillow's built-in font, or a file that cannot be read as a font."""
    if text.isascii() or path is None:  # every font the image may use draws ASCII
        return ()
    drawable = _drawable(path)
    if drawable is None:
        return ()
    return tuple(
        dict.fromkeys(
            seen
            for seen in characters(text)
            if not seen.isspace() and any(ord(c) not in drawable for c in seen)
        )
    )
