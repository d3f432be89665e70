"""Links between briefs: related briefs (shared topics or regions) and responses named in front matter."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .relations import BriefFacts, RelatedIndex, parse_responses, related_briefs

register = register_from_handlers(__name__)

__all__ = ["BriefFacts", "RelatedIndex", "parse_responses", "register", "related_briefs"]
