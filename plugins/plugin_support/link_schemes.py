"""Which addresses a brief may link to: relative ones, or http, https and mailto.

One rule for the whole site: the build and `make check` refuse any other scheme in a brief's body
(`brief_registry/safety.py`), and the summary card's sanitiser drops any other address from a link it keeps
(`summary_card/sanitise.py`), so a link the checks let through is never lost from the card. An address is read as
a browser reads it (`address_as_read`) there, and where an SVG drawing is searched for a javascript: address
(`brief_registry/images.py`).
"""

from __future__ import annotations

import re

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
# Browsers drop ASCII tabs, newlines and control characters from an address before reading its scheme, so
# "java<tab>script:" is "javascript:".
_IGNORED_IN_ADDRESS = re.compile(r"[\x00-\x20]+")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")


def address_as_read(address: str) -> str:
    """`address` as a browser reads it before looking for its scheme: without the ASCII spaces, tabs, line breaks
    and control characters it drops ("java<tab>script:" is "javascript:")."""
    return _IGNORED_IN_ADDRESS.sub("", address)


def scheme_of(address: str) -> str:
    """The scheme a browser reads at the start of `address`, in lower case with its colon ("javascript:"), or ""
    for a relative address ("/briefs/x/", "#recommendation-1", "annex.html")."""
    found = _SCHEME.match(address_as_read(address).lower())
    return f"{found.group(1)}:" if found else ""


def disallowed_scheme(address: str) -> str:
    """The scheme of `address` if a brief may not link to it ("javascript:", "data:", "tel:"), else ""."""
    scheme = scheme_of(address)
    return scheme if scheme and scheme[:-1] not in ALLOWED_SCHEMES else ""
