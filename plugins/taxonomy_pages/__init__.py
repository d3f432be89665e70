"""Pages for the people and the two taxonomies: /authors/<slug>/, /topics/<slug>/, /regions/<slug>/, and the pages
that list them (/authors/, /topics/, /regions/)."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .listings import Listing, ListingIndex, build_indexes, build_listings, index_address, term_url
from .settings import DEFAULTS

register = register_from_handlers(__name__)

__all__ = [
    "DEFAULTS",
    "Listing",
    "ListingIndex",
    "build_indexes",
    "build_listings",
    "index_address",
    "register",
    "term_url",
]
