"""Site search: Pagefind indexes the brief pages beside every build (make html, make publish, tests)."""

from .handlers import register
from .indexer import (
    PagefindError,
    PagefindResult,
    PagefindRun,
    pagefind_command,
    pages_glob,
    parse_summary,
    run_pagefind,
    start_pagefind,
)
from .stable import UnexpectedBundleError, stabilize_bundle

__all__ = [
    "PagefindError",
    "PagefindResult",
    "PagefindRun",
    "UnexpectedBundleError",
    "pagefind_command",
    "pages_glob",
    "parse_summary",
    "register",
    "run_pagefind",
    "stabilize_bundle",
    "start_pagefind",
]
