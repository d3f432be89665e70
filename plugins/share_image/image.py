"""Draw a brief's share image: series name and number, title, first key point and date on 1200×630.

Pure: a frozen description of what the image shows goes in, PNG bytes come out. The same content and
fonts always give the same bytes (no timestamps or other metadata are written), so the image can be
cached under a hash of what it shows.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from reality_check.plugins.plugin_support.digests import digest, font_identity

from .fonts import DEFAULT_FONTS, Fonts

SIZE = (1200, 630)
# Bump when the drawing code changes what an image looks like: every cached image is then redrawn.
DRAWING_VERSION = 2

MARGIN = 72
BACKGROUND = "#12355b"  # the site's accent colour
BAND = "#0b2440"
HIGHLIGHT = "#ffbf47"
TITLE_COLOUR = "#ffffff"
TEXT_COLOUR = "#dfe8f1"
MUTED = "#9cc7f0"
ELLIPSIS = "…"


@dataclass(frozen=True)
class ShareImageContent:
    """Everything the image shows, as text; its hash is the cache key."""

    series: str
    number: str
    title: str
    key_point: str
    date: str


# How every PNG file ends: the IEND chunk, its length (0) and its checksum.
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


def whole_png(path: Path) -> bool:
    """Whether `path` is a PNG file with its end: a cached image cut short (a full disk, a cache restored in
    part) is drawn again, not published."""
    try:
        with path.open("rb") as image:
            if image.read(8) != b"\x89PNG\r\n\x1a\n":
                return False
            image.seek(-len(_PNG_END), 2)
            return image.read() == _PNG_END
    except OSError:
        return False


def cache_key(content: ShareImageContent, fonts: Fonts) -> str:
    """A hash of what the image shows and of what draws it (fonts, drawing code, Pillow)."""
    material = {
        "content": asdict(content),
        "fonts": [font_identity(fonts.regular), font_identity(fonts.bold)],
        "drawing": DRAWING_VERSION,
        "size": SIZE,
        "pillow": PIL.__version__,
    }
    return digest(json.dumps(material, sort_keys=True))


def unreadable_font(path: str) -> str | None:
    """Why Pillow cannot draw with the font file at `path` ("unknown file format"), or None when it can."""
    try:
        ImageFont.truetype(path, size=12)
    except OSError as error:
        return str(error)
    return None


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


# The image is drawn as a palette PNG: each text colour gets a ramp of AA_LEVELS shades from its background
# to itself, so anti-aliased text keeps its smooth edges while the file stays one byte a pixel. That makes
# an image about ten times faster to encode than RGB (and half the size), which matters for a cold build of a
# large archive.
AA_LEVELS = 16
PNG_COMPRESS_LEVEL = 3  # level 9 is eight times slower for a file 20 % smaller


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _ramp(background: str, foreground: str) -> list[tuple[int, int, int]]:
    b, f = _rgb(background), _rgb(foreground)
    steps = AA_LEVELS - 1
    return [tuple(round(b[k] + (f[k] - b[k]) * i / steps) for k in range(3)) for i in range(AA_LEVELS)]


# Palette indexes: three flat colours, then one ramp per kind of text.
FLAT = {"background": 0, "band": 1, "highlight": 2}
TEXT_RAMPS = {
    "label": (BAND, HIGHLIGHT),
    "date": (BAND, MUTED),
    "title": (BACKGROUND, TITLE_COLOUR),
    "point": (BACKGROUND, TEXT_COLOUR),
}


def _palette() -> tuple[list[int], dict[str, list[int]]]:
    colours = [_rgb(BACKGROUND), _rgb(BAND), _rgb(HIGHLIGHT)]
    lookups = {}
    for name, (background, foreground) in TEXT_RAMPS.items():
        base = len(colours)
        colours += _ramp(background, foreground)
        lookups[name] = [base + (v * (AA_LEVELS - 1) + 127) // 255 for v in range(256)]
    return [channel for colour in colours for channel in colour], lookups


PALETTE, RAMP_LOOKUPS = _palette()
_COVERED = [0] + [255] * 255


def _draw_text(index: Image.Image, ramp: str, box: tuple[int, int, int, int], items: list) -> None:
    """Draw text items (xy, text, font, anchor) anti-aliased in `ramp`'s colour inside `box` of `index`."""
    x0, y0, x1, y1 = box
    coverage = Image.new("L", (x1 - x0, max(1, y1 - y0)), 0)
    draw = ImageDraw.Draw(coverage)
    for (x, y), text, font, anchor in items:
        draw.text((x - x0, y - y0), text, font=font, fill=255, anchor=anchor)
    index.paste(coverage.point(RAMP_LOOKUPS[ramp]), (x0, y0), mask=coverage.point(_COVERED))


def draw_share_image(content: ShareImageContent, fonts: Fonts = DEFAULT_FONTS) -> bytes:
    """The PNG bytes of the share image for `content`."""
    width, height = SIZE
    inner = width - 2 * MARGIN
    index = Image.new("L", SIZE, FLAT["background"])  # palette indexes, turned into a "P" image at the end
    draw = ImageDraw.Draw(index)

    # Top band: series name and number on the left, date on the right.
    band = (0, 0, width, 96)
    draw.rectangle(band, fill=FLAT["band"])
    label = f"{content.series} {content.number}".upper().strip()
    _draw_text(index, "label", band, [((MARGIN, 48), label, _font(fonts.bold, 32), "lm")])
    _draw_text(index, "date", band, [((width - MARGIN, 48), content.date, _font(fonts.regular, 28), "rm")])

    # Title, as large as fits in three lines.
    title_font, title_lines = _fit_title(content.title, fonts, inner)
    line_height = round(title_font.size * 1.18)
    y = top = 136
    items = []
    for line in title_lines:
        items.append(((MARGIN, y), line, title_font, None))
        y += line_height
    _draw_text(index, "title", (0, top, width, min(height, y + line_height)), items)

    # First key point, below a short rule, in the space that is left.
    if content.key_point:
        y += 18
        draw.rectangle((MARGIN, y, MARGIN + 96, y + 6), fill=FLAT["highlight"])
        y += 30
        point_font = _font(fonts.regular, 32)
        point_height = round(point_font.size * 1.35)
        room = max(1, (height - 56 - y) // point_height)
        top, items = y, []
        for line in wrap(content.key_point, point_font, inner, max_lines=room):
            items.append(((MARGIN, y), line, point_font, None))
            y += point_height
        _draw_text(index, "point", (0, top, width, min(height - 12, y + point_height)), items)

    # Bottom edge in the highlight colour, as on the site's header.
    draw.rectangle((0, height - 12, width, height), fill=FLAT["highlight"])

    image = Image.frombytes("P", SIZE, index.tobytes())
    image.putpalette(PALETTE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=PNG_COMPRESS_LEVEL)
    return out.getvalue()
