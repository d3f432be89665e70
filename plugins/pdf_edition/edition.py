"""What a brief's PDF edition shows, and the name its cached file gets.

Pure: frozen values in, strings out. `printed_brief` reads a `PrintedBrief` off a brief the other plugins have
finished (its card, citation, images); the print template (theme/templates/pdf_edition.html) renders it; the file is cached under `cache_key`, a hash of the brief as printed and of everything that
draws it (templates, stylesheets, fonts, page size, engine), so a brief that did not change is never drawn again.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote

from reality_check.plugins.brief_metadata import chicago_citation
from reality_check.plugins.brief_metadata.record import brief_record
from reality_check.plugins.brief_registry.addresses import Address, beside_page
from reality_check.plugins.brief_registry.briefs import file_stem
from reality_check.plugins.brief_registry.images import body_images
from reality_check.plugins.brief_registry.rules import names_of
from reality_check.plugins.plugin_support.digests import digest
from reality_check.plugins.plugin_support.plugin_settings import SettingError

from .settings import DEFAULTS

# Bump when the drawing code changes what a PDF looks like: every cached PDF is then drawn again.
DRAWING_VERSION = 2

# The page sizes a PDF edition can have (the PDF_EDITION_PAGE_SIZE setting), as CSS @page sizes.
PAGE_SIZES = {"letter": "letter", "a4": "A4"}
SHORT_TITLE_LENGTH = 60
ELLIPSIS = "…"


class PdfEditionSettingError(SettingError):
    """A PDF_EDITION_* setting has a value the plugin cannot use."""


@dataclass(frozen=True)
class BylineName:
    """An author as the byline shows them (the theme's byline macro reads ``name``)."""

    name: str


@dataclass(frozen=True)
class PrintedImage:
    """An image the brief's body shows: its address in the body, the file it is drawn from, and a hash of that
    file's bytes (so a PDF is drawn again when the image changes under the same name)."""

    src: str
    path: str
    digest: str

    def __repr__(
        self,
    ) -> str:  # the cache key holds what the PDF shows, not where this checkout keeps the file
        return f"PrintedImage({self.src!r}, {self.digest!r})"


@dataclass(frozen=True)
class PrintedBrief:
    """Everything one brief's PDF shows. Field names match what the theme's macros read off an article."""

    slug: str
    url: str  # the brief's page (absolute on the published site)
    title: str
    series: str
    series_number: int
    date: datetime.date
    locale_date: str
    authors: tuple[BylineName, ...]
    topics: tuple[str, ...]
    regions: tuple[str, ...]
    summary_card: object  # summary_card.BriefCard: frozen, compared and hashed by its repr
    body_html: str
    citation: str
    lang: str
    modified: datetime.date | None = None
    images: tuple[PrintedImage, ...] = ()

    @property
    def short_title(self) -> str:
        return short_title(self.title)

    @property
    def subject(self) -> str:
        """The PDF's subject: the first key point, as the page's description is."""
        return self.summary_card.first_key_point if self.summary_card else ""

    @property
    def keywords(self) -> tuple[str, ...]:
        return (*self.topics, *self.regions)


@dataclass(frozen=True)
class DrawingInputs:
    """Everything besides the brief that decides a PDF's bytes; part of every cache key."""

    page_size: str
    templates: str  # a digest of the print template and every template it uses
    stylesheets: tuple[str, ...]  # the stylesheets' text, in the order they apply
    fonts: tuple[tuple[str, int | None], ...]  # (file name, size) of each font file the stylesheets name
    engine: str  # WeasyPrint's and pydyf's versions

    @cached_property
    def digest(self) -> str:
        """A hash of all of it, computed once per build rather than once per brief."""
        return digest(json.dumps({**asdict(self), "drawing": DRAWING_VERSION}, sort_keys=True))


def page_size(setting: object) -> str:
    """The CSS page size for the PDF_EDITION_PAGE_SIZE setting ("letter" or "a4", any case)."""
    default = DEFAULTS["PDF_EDITION_PAGE_SIZE"]
    value = str(setting or default).strip().lower()
    if value not in PAGE_SIZES:
        raise PdfEditionSettingError(
            f"PDF_EDITION_PAGE_SIZE must be one of {', '.join(map(repr, PAGE_SIZES))}, not {setting!r} "
            f"(set it in pelicanconf.py; the default is {default!r})"
        )
    return PAGE_SIZES[value]


def short_title(title: str, limit: int = SHORT_TITLE_LENGTH) -> str:
    """The title for the running header: whole words up to `limit` characters, then an ellipsis."""
    words = title.split()
    text = " ".join(words)
    if len(text) <= limit:
        return text
    kept = ""
    for word in words:
        candidate = f"{kept} {word}".strip()
        if len(candidate) + len(ELLIPSIS) > limit:
            break
        kept = candidate
    kept = kept or text[: limit - len(ELLIPSIS)]
    return kept.rstrip(" ,;:–—") + ELLIPSIS


def site_path(src: str, siteurl: str) -> str:
    """The path within the site of an address in a page (``images/chart.png`` for ``/images/chart.png`` or
    ``<SITEURL>/images/chart.png``), or "" when `src` is on another site."""
    if siteurl and src.startswith(siteurl.rstrip("/") + "/"):
        return unquote(src[len(siteurl.rstrip("/")) + 1 :])
    if src.startswith("/") and not src.startswith("//"):
        return unquote(src[1:])
    return ""


def cache_key(brief: PrintedBrief, inputs: DrawingInputs) -> str:
    """A hash of what the PDF shows (frozen dataclasses all the way down: a stable, complete repr) and of
    what draws it."""
    return digest(inputs.digest, repr(brief))


def size_label(size: int) -> str:
    """A file size as a download link shows it: "840 KB", "1.2 MB" (decimal units, as browsers show them)."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def pages_label(pages: int) -> str:
    return "1 page" if pages == 1 else f"{pages} pages"


# --- What a brief's PDF shows, read off the article the other plugins have finished ---------------------------


def _day(value: object) -> datetime.date | None:
    return value.date() if isinstance(value, datetime.datetime) else None


def printed_images(body_html: str, siteurl: str, static_files: Mapping[str, str]) -> tuple[PrintedImage, ...]:
    """The site's own images `body_html` shows, each with the file it is drawn from (`static_files`: the site's
    static files by their path in the site). Any other image has been refused by brief_registry already."""
    images = []
    for image in dict.fromkeys(i.value for i in body_images(body_html)):
        path = static_files.get(site_path(image, siteurl))
        if path is not None:
            images.append(PrintedImage(image, str(path), digest(Path(path).read_bytes())))
    return tuple(images)


def static_files_of(context: Mapping) -> dict[str, str]:
    """The site's static files (Pelican's ``static_content``), by their path in the site."""
    return {static.url: static.source_path for static in context.get("static_content", {}).values()}


def printed_brief(article, settings: dict, static_files: Mapping[str, str] | None = None) -> PrintedBrief:
    """What `article`'s PDF shows, read off the article the other plugins have finished (`static_files`: the
    images it may show, by their path in the site)."""
    record = brief_record(article, settings)
    body_html = str(getattr(article, "body_below_card", None) or article.content)
    return PrintedBrief(
        slug=article.slug,
        url=record.url,
        title=" ".join(str(article.title).split()),
        series=record.series,
        series_number=record.number,
        date=record.date,
        locale_date=str(getattr(article, "locale_date", "")),
        authors=tuple(BylineName(name) for name in names_of(getattr(article, "authors", None))),
        topics=names_of(getattr(article, "topics", None)),
        regions=names_of(getattr(article, "regions", None)),
        summary_card=getattr(article, "summary_card", None),
        body_html=body_html,
        citation=chicago_citation(record),
        lang=record.language,
        modified=_day(getattr(article, "modified", None)),
        images=printed_images(body_html, str(settings.get("SITEURL", "")), static_files or {}),
    )


def pdf_location(article, series: str, number: int) -> Address:
    """The address of a brief's PDF: beside its page, named like its citation files (reality-check-4.pdf)."""
    return beside_page(article.url, article.save_as, f"{file_stem(series, number)}.pdf")
