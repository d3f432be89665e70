"""Draw a brief's share image: series name and number, title, first key point and date on 1200×630.

Pure: a frozen description of what the image shows goes in, PNG bytes come out. The same content and
fonts always give the same bytes (no timestamps or other metadata are written), so the image can be
cached under a hash of what it shows.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
# Bump when the drawing code changes what an image looks like: every cached image is then redrawn.
DRAWING_VERSION = 1

MARGIN = 72
BACKGROUND = "#12355b"  # the site's accent colour
BAND = "#0b2440"
HIGHLIGHT = "#ffbf47"
TITLE_COLOUR = "#ffffff"
TEXT_COLOUR = "#dfe8f1"
MUTED = "#9cc7f0"
ELLIPSIS = "…"

# fonts-dejavu-core (Debian): wide Unicode coverage, including the briefs' curly quotes and dashes.
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class ShareImageContent:
    """Everything the image shows, as text; its hash is the cache key."""

    series: str
    number: str
    title: str
    key_point: str
    date: str


@dataclass(frozen=True)
class Fonts:
    """Font files for the image; ``None`` falls back to Pillow's built-in font (fewer glyphs)."""

    regular: str | None = str(DEJAVU / "DejaVuSans.ttf")
    bold: str | None = str(DEJAVU / "DejaVuSans-Bold.ttf")


def cache_key(content: ShareImageContent, fonts: Fonts) -> str:
    """A hash of what the image shows and of what draws it (fonts, drawing code, Pillow)."""
    material = {
        "content": asdict(content),
        "fonts": [_font_identity(fonts.regular), _font_identity(fonts.bold)],
        "drawing": DRAWING_VERSION,
        "size": SIZE,
        "pillow": PIL.__version__,
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode("utf-8")).hexdigest()


def _font_identity(path: str | None) -> list:
    if path is None:
        return ["pillow-default"]
    file = Path(path)
    return [file.name, file.stat().st_size if file.exists() else None]


@cache
def _font(path: str | None, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if path is None or not Path(path).exists():
        return ImageFont.load_default(size=size)
    return ImageFont.truetype(path, size=size)


def wrap(text: str, font, width: int, max_lines: int) -> list[str]:
    """Break `text` into lines no wider than `width`; past `max_lines` the last line ends in an ellipsis."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    while last and font.getlength(last + ELLIPSIS) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    kept[-1] = last.rstrip(" ,;:–—") + ELLIPSIS
    return kept


def _fit_title(title: str, fonts: Fonts, width: int) -> tuple[object, list[str]]:
    """The largest title size at which the title fits in three lines (else the smallest, shortened)."""
    for size in (64, 58, 52, 46):
        font = _font(fonts.bold, size)
        lines = wrap(title, font, width, max_lines=99)
        if len(lines) <= 3:
            return font, lines
    return font, wrap(title, font, width, max_lines=3)


def draw_share_image(content: ShareImageContent, fonts: Fonts = Fonts()) -> bytes:
    """The PNG bytes of the share image for `content`."""
    width, height = SIZE
    inner = width - 2 * MARGIN
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)

    # Top band: series name and number on the left, date on the right.
    draw.rectangle((0, 0, width, 96), fill=BAND)
    label_font = _font(fonts.bold, 32)
    label = f"{content.series} {content.number}".upper().strip()
    draw.text((MARGIN, 48), label, font=label_font, fill=HIGHLIGHT, anchor="lm")
    date_font = _font(fonts.regular, 28)
    draw.text((width - MARGIN, 48), content.date, font=date_font, fill=MUTED, anchor="rm")

    # Title, as large as fits in three lines.
    title_font, title_lines = _fit_title(content.title, fonts, inner)
    line_height = round(title_font.size * 1.18)
    y = 136
    for line in title_lines:
        draw.text((MARGIN, y), line, font=title_font, fill=TITLE_COLOUR)
        y += line_height

    # First key point, below a short rule, in the space that is left.
    if content.key_point:
        y += 18
        draw.rectangle((MARGIN, y, MARGIN + 96, y + 6), fill=HIGHLIGHT)
        y += 30
        point_font = _font(fonts.regular, 32)
        point_height = round(point_font.size * 1.35)
        room = max(1, (height - 56 - y) // point_height)
        for line in wrap(content.key_point, point_font, inner, max_lines=room):
            draw.text((MARGIN, y), line, font=point_font, fill=TEXT_COLOUR)
            y += point_height

    # Bottom edge in the highlight colour, as on the site's header.
    draw.rectangle((0, height - 12, width, height), fill=HIGHLIGHT)

    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=9)
    return out.getvalue()
