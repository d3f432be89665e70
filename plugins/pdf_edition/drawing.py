"""Draw a PDF edition with WeasyPrint: print HTML and stylesheets in, tagged PDF/UA-1 bytes out.

The same HTML, stylesheets, fonts and engine always give the same bytes: WeasyPrint reads no clock (the
creation date is the brief's own, from the page's ``dcterms.created``), and the file identifier is the
edition's cache key rather than a random one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from drawn_files import write_atomically

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


def draw_pdf(html: str, stylesheets: tuple[str, ...], identifier: str) -> DrawnPdf:
    """Lay out `html` with `stylesheets` (print media) and write it as a tagged PDF.

    Nothing is fetched: the HTML and stylesheets come as text, fonts through fontconfig, and any URL the page
    would load (an image on another site, say) is refused rather than downloaded.
    """
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=("data",))
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


def draw_into_cache(path: Path, html: str, stylesheets: tuple[str, ...], identifier: str) -> Path:
    """Draw one PDF into the cache (in a worker process, or in Pelican's own): the PDF, then its facts."""
    drawn = draw_pdf(html, stylesheets, identifier)
    write_atomically(path, drawn.data)
    write_atomically(facts_path(path), json.dumps({"pages": drawn.pages}).encode("utf-8"))
    return path


def read_pages(path: Path) -> int | None:
    """The page count remembered beside a cached PDF, or None when the cache has no whole entry."""
    try:
        return int(json.loads(facts_path(path).read_text(encoding="utf-8"))["pages"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
