"""Translated briefs: interface strings and dates in each page's language, language versions, /<lang>/ listings."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .interface import Interface, language_name, load_catalogs, long_date
from .versions import LanguageListing, LanguageVersion, language_versions

register = register_from_handlers(__name__)

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
