"""The card's HTML through a maintained sanitiser (nh3, the bindings of Ammonia), with an allow-list.

The card keeps a little inline markup from the brief (links, emphasis, code, abbreviations). Everything it
outputs passes here: only these tags and attributes survive, and a link keeps its address only when the address
is one a brief may link to (relative, or http, https or mailto: `plugin_support/link_schemes.py`, the rule the
build's check of the body follows too), so a ``javascript:`` link typed into a key point never goes live on the
brief page, a listing or a feed. (``make check`` and the build also refuse such a link in the body outright.)
"""

from __future__ import annotations

import nh3

from reality_check.plugins.plugin_support.link_schemes import ALLOWED_SCHEMES, disallowed_scheme

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


def clean_inline(fragment: str) -> str:
    """`fragment` with only the allowed inline tags, attributes and link addresses left."""
    return nh3.clean(
        fragment,
        tags=set(INLINE_TAGS),
        attributes={tag: set(names) for tag, names in INLINE_TAGS.items() if names},
        url_schemes=set(ALLOWED_SCHEMES),
        link_rel=None,
        strip_comments=True,
        attribute_filter=_allowed_address,
    )


def _allowed_address(tag: str, attribute: str, value: str) -> str | None:
    """Keep `value` unless it is a link address whose scheme, as a browser reads it, is not allowed: nh3 takes
    "java<tab>script:", which a browser runs, for a relative address."""
    if attribute != "href":
        return value
    return None if disallowed_scheme(value) else value
