"""What pelican-sitemap's sitemap.xml leaves out: each plugin that writes pages no search engine should list (the
search pages, the browser editor) adds their addresses, so the settings name only the site's own exceptions."""

from __future__ import annotations

import re
from collections.abc import Iterable, MutableMapping
from typing import Any


def address_pattern(address: str, *, any_case: bool = False) -> str:
    """A pattern of pelican-sitemap's ``exclude`` for every page at or under `address` ("search/")."""
    return ("(?i)" if any_case else "") + "^" + re.escape(address)


def leave_out_of_sitemap(settings: MutableMapping[str, Any], patterns: Iterable[str]) -> None:
    """Add `patterns` to SITEMAP's ``exclude`` (each once), in a copy of SITEMAP: the settings file's own value is
    never changed, so a process that builds again adds them to it afresh. Nothing without a SITEMAP dict."""
    sitemap = settings.get("SITEMAP")
    if not isinstance(sitemap, dict):
        return
    excluded = list(sitemap.get("exclude", ()))
    settings["SITEMAP"] = {**sitemap, "exclude": [*excluded, *(p for p in patterns if p not in excluded)]}
