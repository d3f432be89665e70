"""Translated briefs: interface strings and dates in each page's language, language versions, /<lang>/ listings."""

from .handlers import register
from .interface import Interface, language_name, load_catalogs, long_date
from .versions import LanguageListing, LanguageVersion, language_versions

__all__ = [
    "Interface",
    "LanguageListing",
    "LanguageVersion",
    "language_name",
    "language_versions",
    "load_catalogs",
    "long_date",
    "register",
]
