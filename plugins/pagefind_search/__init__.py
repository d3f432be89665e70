"""Site search: Pagefind indexes the brief pages beside every build (make html, make publish, tests)."""

from brief_registry.plugin_settings import register_from_handlers

from .indexer import (
    STAGING_PREFIX,
    PagefindError,
    PagefindResult,
    PagefindRun,
    pagefind_command,
    parse_summary,
    run_pagefind,
    stage_pages,
    start_pagefind,
)
from .stable import UnexpectedBundleError, stabilize_bundle

register = register_from_handlers(__name__)

__all__ = [
    "STAGING_PREFIX",
    "PagefindError",
    "PagefindResult",
    "PagefindRun",
    "UnexpectedBundleError",
    "pagefind_command",
    "parse_summary",
    "register",
    "run_pagefind",
    "stabilize_bundle",
    "stage_pages",
    "start_pagefind",
]
