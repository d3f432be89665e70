"""Site search: Pagefind indexes the brief pages beside every build (make html, make publish, tests)."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .indexer import (
    MAIN_BUNDLE,
    STAGING_PREFIX,
    IndexingRun,
    IndexPart,
    PagefindError,
    PagefindResult,
    PagefindRun,
    bundles_by_language,
    pagefind_command,
    pagefind_executable,
    parse_summary,
    part_bundle,
    plan_parts,
    run_pagefind,
    stage_pages,
    start_indexing,
    start_pagefind,
)
from .stable import UnexpectedBundleError, stabilize_bundle

register = register_from_handlers(__name__)

__all__ = [
    "MAIN_BUNDLE",
    "STAGING_PREFIX",
    "IndexPart",
    "IndexingRun",
    "PagefindError",
    "PagefindResult",
    "PagefindRun",
    "UnexpectedBundleError",
    "bundles_by_language",
    "pagefind_command",
    "pagefind_executable",
    "parse_summary",
    "part_bundle",
    "plan_parts",
    "register",
    "run_pagefind",
    "stabilize_bundle",
    "stage_pages",
    "start_indexing",
    "start_pagefind",
]
