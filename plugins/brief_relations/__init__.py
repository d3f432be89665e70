"""Links between briefs: related briefs (shared topics or regions) and responses named in front matter."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .relations import BriefFacts, RelatedIndex, Relations, parse_responses, relate, related_briefs

register = register_from_handlers(__name__)

__all__ = [
    "BriefFacts",
    "RelatedIndex",
    "Relations",
    "parse_responses",
    "register",
    "relate",
    "related_briefs",
]
