"""What other software reads about a brief: a Chicago citation, BibTeX and RIS files, and JSON-LD."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .citation import bibtex, chicago_citation, headline_case, ris
from .record import BriefRecord, Contributor, split_name
from .structured_data import json_ld

register = register_from_handlers(__name__)

__all__ = [
    "BriefRecord",
    "Contributor",
    "bibtex",
    "chicago_citation",
    "headline_case",
    "json_ld",
    "register",
    "ris",
    "split_name",
]
