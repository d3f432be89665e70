"""What a partner needs to embed a brief's card: its addresses, the iframe and the oEmbed answer.

Pure: plain values in, frozen values and JSON-ready dicts out (see https://oembed.com, section 2.3).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from markupsafe import Markup

from reality_check.plugins.brief_registry.addresses import absolute_url, save_as
from reality_check.plugins.brief_registry.names import names_in_prose
from reality_check.plugins.plugin_support.plugin_settings import whole_number

from .settings import DEFAULTS, setting

# How tall the card page is, estimated from its text (the iframe cannot size itself across origins):
# the rest of the header (series and date, the number line, the byline) and the "Read the brief" link,
# one title line of about TITLE_CHARS_PER_LINE characters for every such share of the title, the two
# section headings, and one line of about CHARS_PER_LINE characters for every such share of a key point
# or recommendation title. The characters per line are those of DejaVu Sans, the widest face the card's
# font stack commonly falls back to (Linux's system-ui): narrower faces leave a little room at the foot
# rather than cut the last line off.
FRAME_CHROME = 204
TITLE_LINE = 26
TITLE_CHARS_PER_LINE = 42
SECTION_HEADING = 44
LINE = 24
ITEM_GAP = 10
CHARS_PER_LINE = 60  # at 600 px wide; a narrower frame gets proportionally more lines

# The embed code's script, in the theme's static files (the card page's own half is js/card-height.js).
RESIZER = "js/embed.js"


@dataclass(frozen=True)
class Embed:
    """A brief's embeddable card: where it and its oEmbed document live, the frame's size, and the iframe to paste."""

    card_url: str  # absolute
    card_save_as: str
    oembed_url: str  # absolute
    oembed_save_as: str
    title: str
    width: int
    height: int
    resizer_url: str  # absolute: the partner page's script that gives each card's frame its card's height

    @property
    def iframe(self) -> Markup:
        """The frame: lazy, borderless, no wider than its container, as tall as the card at `width` (estimated)."""
        return Markup(
            '<iframe src="{src}" width="{w}" height="{h}" title="{title}" loading="lazy" '
            'style="border:0;max-width:100%"></iframe>'
        ).format(src=self.card_url, w=self.width, h=self.height, title=self.title)

    @property
    def code(self) -> Markup:
        """The HTML a partner pastes: the frame, and the script that makes it exactly as tall as the card at any
        width (a page that does not run it keeps the frame's estimated height, the card scrolling inside)."""
        return self.iframe + Markup('\n<script src="{src}" async></script>').format(src=self.resizer_url)


def frame_height(
    title: str, key_points: Iterable[str], recommendation_titles: Iterable[str], width: int
) -> int:
    """The iframe height (px) that shows the whole card at `width` without scrolling, estimated."""

    def lines(text: str, chars_per_line: int) -> int:
        return max(1, math.ceil(len(text) / max(10, round(chars_per_line * width / 600))))

    height = FRAME_CHROME + lines(title, TITLE_CHARS_PER_LINE) * TITLE_LINE
    for texts in (list(key_points), list(recommendation_titles)):
        if texts:
            height += SECTION_HEADING
            height += sum(lines(text, CHARS_PER_LINE) * LINE + ITEM_GAP for text in texts)
    return height


def build_embed(
    *,
    slug: str,
    title: str,
    heading: str,
    siteurl: str,
    settings: Mapping[str, Any],
    key_points: Iterable[str] = (),
    recommendation_titles: Iterable[str] = (),
) -> Embed:
    """The embed of one brief.

    `title` is the numbered title the iframe and oEmbed answer carry; `heading` the brief's own title,
    which the card page shows under its number (its length sets the frame's height).
    """
    card_url = setting(settings, "BRIEF_EMBED_CARD_URL").format(slug=slug)
    oembed_url = setting(settings, "BRIEF_EMBED_OEMBED_URL").format(slug=slug)
    width = whole_number(
        "BRIEF_EMBED_WIDTH",
        setting(settings, "BRIEF_EMBED_WIDTH"),
        minimum=1,
        default=DEFAULTS["BRIEF_EMBED_WIDTH"],
    )
    return Embed(
        card_url=absolute_url(siteurl, card_url),
        card_save_as=save_as(card_url),
        oembed_url=absolute_url(siteurl, oembed_url),
        oembed_save_as=oembed_url,
        title=title,
        width=width,
        height=frame_height(heading, key_points, recommendation_titles, width),
        resizer_url=absolute_url(siteurl, f"{settings.get('THEME_STATIC_DIR', 'theme')}/{RESIZER}"),
    )


class Author(NamedTuple):
    """An author as an oEmbed document names them: their name, and their page's address ("" for none)."""

    name: str
    url: str


class Thumbnail(NamedTuple):
    """A picture of the card for the consumer to show: its absolute address and its size in pixels."""

    url: str
    width: int
    height: int


def oembed_document(
    embed: Embed,
    *,
    authors: Iterable[Author],
    provider_name: str,
    provider_url: str,
    thumbnail: Thumbnail | None = None,
) -> dict[str, Any]:
    """The oEmbed 1.0 ``rich`` response for the card: the iframe, its size and who made it.

    `authors` are in byline order: oEmbed has one author, so the names are joined and the first author's page is
    the author_url.
    """
    people = list(authors)
    document: dict[str, Any] = {
        "version": "1.0",
        "type": "rich",
        "title": embed.title,
        "provider_name": provider_name,
        "provider_url": provider_url,
        "html": str(embed.code),
        "width": embed.width,
        "height": embed.height,
        "cache_age": 86400,
    }
    if people:
        document["author_name"] = names_in_prose([author.name for author in people])
        if people[0].url:
            document["author_url"] = people[0].url
    if thumbnail is not None:
        document.update(
            thumbnail_url=thumbnail.url, thumbnail_width=thumbnail.width, thumbnail_height=thumbnail.height
        )
    return document
