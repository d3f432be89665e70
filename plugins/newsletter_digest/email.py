"""Make the rendered digest e-mail-ready: every CSS rule inlined into style attributes (css-inline)."""

from __future__ import annotations

import css_inline

# @media rules cannot be inlined; they stay in one <style> element for the clients that read them.
# Nothing is fetched: the digest's styles are all in the document.
INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False, minify_css=False)


def inline_css(html: str) -> str:
    """`html` with its <style> rules moved into the elements' style attributes (media queries kept)."""
    return INLINER.inline(html)
