"""Pages for the people and the two taxonomies: /authors/<slug>/, /topics/<slug>/, /regions/<slug>/."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .listings import Listing, build_listings, term_url
from .settings import DEFAULTS

register = register_from_handlers(__name__)

__all__ = ["DEFAULTS", "Listing", "build_listings", "register", "term_url"]
