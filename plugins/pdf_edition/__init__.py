"""PDF edition: every brief as a tagged, printable PDF drawn with WeasyPrint from the site's own templates."""

from .drawing import DrawnPdf, draw_pdf
from .edition import DrawingInputs, Person, PrintedBrief, cache_key, page_size, short_title, size_label
from .handlers import PdfEditionGenerator, PdfEditionLink, PdfFacts, register

__all__ = [
    "DrawingInputs",
    "DrawnPdf",
    "PdfEditionGenerator",
    "PdfEditionLink",
    "PdfFacts",
    "Person",
    "PrintedBrief",
    "cache_key",
    "draw_pdf",
    "page_size",
    "register",
    "short_title",
    "size_label",
]
