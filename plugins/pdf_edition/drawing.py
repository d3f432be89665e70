"""Draw a PDF edition with WeasyPrint: print HTML and stylesheets in, tagged PDF/UA-1 bytes out.

The same HTML, stylesheets, fonts and engine always give the same bytes: WeasyPrint reads no clock (the
creation date is the brief's own, from the page's ``dcterms.created``), and the file identifier is the
edition's cache key rather than a random one.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from reality_check.plugins.brief_registry.images import Reference, rewrite_addresses
from reality_check.plugins.plugin_support.files import write_atomically

# PDF/UA-1: a tagged PDF (structure tree, reading order, language, title shown) for screen readers.
PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class DrawnPdf:
    """A drawn PDF edition and its page count (what the download link tells a reader)."""

    data: bytes
    pages: int


def engine_version() -> str:
    """The versions of what turns HTML into PDF bytes, read without importing WeasyPrint."""
    return f"weasyprint {version('weasyprint')}, pydyf {version('pydyf')}"


@contextmanager
def _css_warnings_silenced() -> Iterator[None]:
    """WeasyPrint warns about every screen-only rule of the site's stylesheet (colour-scheme and width media
    queries, accent-color); those are expected, and must not fail a build run with ``--fatal warnings``.
    Its errors (a refused image, say) still show."""
    log = logging.getLogger("weasyprint")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def _local_images(html: str, images: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """`html` with each image of `images` (its address in the page: its file) addressed by the file's own URL, and
    those URLs with their files: the files the drawing may read."""
    readable: dict[str, str] = {}

    def local(reference: Reference) -> str | None:
        path = images.get(reference.value) if reference.is_image else None
        if path is None:
            return None
        url = Path(path).resolve().as_uri()
        readable[url] = path
        return url

    return (rewrite_addresses(html, local) if images else html), readable


def _fetcher(readable: Mapping[str, str]):
    """A WeasyPrint URL fetcher that reads the files in `readable` (by their URL) and ``data:`` URLs, and refuses
    every other URL, so drawing a PDF never downloads anything nor reads any other file."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class OwnFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = readable.get(url)
            if path is None:
                return super().fetch(url, headers)  # data: only; anything else is refused there
            kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=Path(path).read_bytes(), headers={"Content-Type": kind})

    return OwnFilesFetcher(allowed_protocols=("data",))


def numbered_as_written(html: str) -> str:
    """`html` with its numbered lists' own numbers made counters WeasyPrint draws: it ignores an ``<ol start>`` and
    an ``<li value>`` (a list the author began at 3 printed 1, 2), and sets a counter before the item's own step
    (``counter-set: list-item 6`` shows 7). Only elements without a style of their own are given one."""
    html = _STARTS_AT.sub(lambda m: f'{m[0]} style="counter-reset: list-item {int(m["n"]) - 1}"', html)
    return _NUMBERED_ITEM.sub(lambda m: f'{m[0]} style="counter-set: list-item {int(m["n"]) - 1}"', html)


_STARTS_AT = re.compile(r'<ol\b(?![^>]*\bstyle=)[^>]*?\bstart="(?P<n>\d{1,6})"')
_NUMBERED_ITEM = re.compile(r'<li\b(?![^>]*\bstyle=)[^>]*?\bvalue="(?P<n>\d{1,6})"')


def draw_pdf(
    html: str, stylesheets: tuple[str, ...], identifier: str, images: Mapping[str, str] | None = None
) -> DrawnPdf:
    """Lay out `html` with `stylesheets` (print media) and write it as a tagged PDF.

    Nothing is fetched: the HTML and stylesheets come as text, fonts through fontconfig, the brief's own images
    from their files (`images`: each image's address in `html`, and its file), and any other URL the page would
    load (an image on another site, say) is refused rather than downloaded.
    """
    from weasyprint import CSS, HTML

    html, readable = _local_images(numbered_as_written(html), images or {})
    fetcher = _fetcher(readable)
    with _css_warnings_silenced():
        document = HTML(string=html, url_fetcher=fetcher, media_type="print").render(
            stylesheets=[CSS(string=text, url_fetcher=fetcher) for text in stylesheets],
            pdf_variant=PDF_VARIANT,
        )
        data = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier.encode("ascii")[:32])
    return DrawnPdf(data=data, pages=len(document.pages))


def facts_path(pdf: Path) -> Path:
    """The small JSON file beside a cached PDF that remembers its page count."""
    return pdf.with_suffix(".json")


def draw_into_cache(
    path: Path,
    html: str,
    stylesheets: tuple[str, ...],
    identifier: str,
    images: Mapping[str, str] | None = None,
) -> Path:
    """Draw one PDF into the cache (in a worker process, or in Pelican's own): the PDF, then its facts."""
    drawn = draw_pdf(html, stylesheets, identifier, images)
    write_atomically(path, drawn.data)
    facts = {"pages": drawn.pages, "bytes": len(drawn.data)}
    write_atomically(facts_path(path), json.dumps(facts).encode("utf-8"))
    return path


def read_pages(path: Path) -> int | None:
    """The page count remembered beside a cached PDF, or None when the cache has no whole entry: no PDF, no facts,
    or a PDF of another size than the one drawn (cut short by a disk, or a cache restored in part, it was
    published as it was)."""
    try:
        facts = json.loads(facts_path(path).read_text(encoding="utf-8"))
        return int(facts["pages"]) if path.stat().st_size == int(facts["bytes"]) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
