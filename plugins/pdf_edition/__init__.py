"""PDF edition: every brief as a tagged, printable PDF drawn with WeasyPrint from the site's own templates."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .drawing import DrawnPdf, draw_pdf
from .edition import BylineName, DrawingInputs, PrintedBrief, cache_key, page_size, short_title, size_label

register = register_from_handlers(__name__)

__all__ = [
    "BylineName",
    "DrawingInputs",
    "DrawnPdf",
    "PrintedBrief",
    "cache_key",
    "draw_pdf",
    "page_size",
    "register",
    "short_title",
    "size_label",
]
