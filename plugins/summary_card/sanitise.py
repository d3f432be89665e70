"""The card's HTML through a maintained sanitiser (nh3, the bindings of Ammonia), with an allow-list.

The card keeps a little inline markup from the brief (links, emphasis, code, abbreviations). Everything it
outputs passes here: only these tags and attributes survive, and a link keeps its address only when the address
is relative or uses http, https or mailto, so a ``javascript:`` link typed into a key point never goes live on the
brief page, a listing or a feed. (``make check`` and the build also refuse such a link in the body outright.)
"""

from __future__ import annotations

import re

import nh3

# Inline markup a card may keep from the brief, with the attributes each may keep; everything else becomes text.
INLINE_TAGS: dict[str, tuple[str, ...]] = {
    "a": ("href", "title"),
    "em": (),
    "i": (),
    "strong": (),
    "b": (),
    "code": (),
    "abbr": ("title",),
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})  # and relative addresses, which nh3 keeps as they are
# Browsers drop ASCII tabs, newlines and control characters from an address, so "java<tab>script:" runs; nh3
# takes such an address for a relative one, hence the second look here. (brief_registry/safety.py folds a scheme
# the same way for the build's check; the extraction cache's key hashes every module of the project an extraction
# runs, these and plugin_support/html_words.py: tests/test_cache.py keeps the list whole.)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def clean_inline(fragment: str) -> str:
    """`fragment` with only the allowed inline tags, attributes and link addresses left."""
    return nh3.clean(
        fragment,
        tags=set(INLINE_TAGS),
        attributes={tag: set(names) for tag, names in INLINE_TAGS.items() if names},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        attribute_filter=_allowed_address,
    )


def _allowed_address(tag: str, attribute: str, value: str) -> str | None:
    """Keep `value` unless it is a link address whose scheme, as a browser reads it, is not allowed."""
    if attribute != "href":
        return value
    scheme = _SCHEME.match(_IGNORED_IN_URL.sub("", value).lower())
    return None if scheme and scheme.group(1) not in URL_SCHEMES else value
