"""The newsletter digest: each issue recorded in content/digests/ rendered as an e-mail and its text part."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .issues import (
    DigestIssue,
    PublishedBrief,
    briefs_since,
    default_since,
    plan_issue,
    read_issues,
    write_issue,
)
from .text import DigestEntry, DigestText, plain_text

register = register_from_handlers(__name__)

__all__ = [
    "DigestEntry",
    "DigestIssue",
    "DigestText",
    "PublishedBrief",
    "briefs_since",
    "default_since",
    "plain_text",
    "plan_issue",
    "read_issues",
    "register",
    "write_issue",
]
