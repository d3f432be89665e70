"""Links between briefs: related briefs (shared topics or regions) and responses named in front matter."""

from .handlers import register
from .relations import BriefFacts, RelatedIndex, parse_responses, related_briefs

__all__ = ["BriefFacts", "RelatedIndex", "parse_responses", "register", "related_briefs"]
