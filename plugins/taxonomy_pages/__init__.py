"""Pages for the people and the two taxonomies: /authors/<slug>/, /topics/<slug>/, /regions/<slug>/."""

from .handlers import TaxonomyPagesGenerator, register
from .listings import DEFAULTS, Listing, build_listings, term_url

__all__ = ["DEFAULTS", "Listing", "TaxonomyPagesGenerator", "build_listings", "register", "term_url"]
