"""Site search: Pagefind indexes the written site at the end of every build (make html, make publish, tests)."""

from .handlers import register
from .indexer import PagefindError, PagefindResult, pagefind_command, parse_summary, run_pagefind
from .stable import UnexpectedBundleError, stabilize_bundle

__all__ = [
    "PagefindError",
    "PagefindResult",
    "UnexpectedBundleError",
    "pagefind_command",
    "parse_summary",
    "register",
    "run_pagefind",
    "stabilize_bundle",
]
