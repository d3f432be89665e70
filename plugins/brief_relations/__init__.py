"""Links between briefs: related briefs (shared topics or regions) and responses named in front matter."""

from .handlers import register
from .relations import BriefFacts, parse_responses, related_briefs

__all__ = ["BriefFacts", "parse_responses", "register", "related_briefs"]
