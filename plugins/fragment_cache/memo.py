"""A fragment of a page rendered once per build for each brief and each set of inputs, however many pages show it.

A listing shows each brief's teaser (label, title, byline, reading time, compact card) on the archive and on the
pages of each of its authors, topics and regions: the same HTML, rendered five or six times. The theme wraps such a
fragment in ``{% call rendered_once(name, brief, *inputs) %}…{% endcall %}``: the first call renders it, later calls
with the same name, brief and inputs return that HTML. The template passes every input the fragment depends on
besides the brief (its heading level, the page's language).

The memo is held for the brief's object (a dictionary keyed weakly by it: the object's attributes stay Pelican's
and the pickled content cache's), and Pelican makes that object anew for every build, so nothing rendered in one
build is shown by the next.

A fragment that is the same on every page (the link to the fingerprinted stylesheet, which pelican-webassets works
out by checking the stylesheet's files on each call) is rendered once per Jinja environment with
``{% call rendered_once_for_site(name, *inputs) %}``: :class:`SiteFragments` lives on the environment, and Pelican
makes one for each generator of each build.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable

from markupsafe import Markup

_RENDERED: weakref.WeakKeyDictionary[object, dict[tuple[Hashable, ...], Markup]] = weakref.WeakKeyDictionary()


def rendered_once(name: str, brief: object, *inputs: Hashable, caller: Callable[[], str]) -> Markup:
    """``caller()``'s HTML, rendered the first time this name, brief and inputs are asked for."""
    fragments = _RENDERED.setdefault(brief, {})
    key = (name, *inputs)
    if key not in fragments:
        fragments[key] = Markup(caller())
    return fragments[key]


def rendered_every_time(name: str, brief: object, *inputs: Hashable, caller: Callable[[], str]) -> Markup:
    """The same call block without the memo (``FRAGMENT_CACHE = False``): what ``rendered_once`` must equal."""
    return Markup(caller())


class SiteFragments:
    """The ``rendered_once_for_site`` call block of one Jinja environment: ``caller()``'s HTML, rendered the first time
    this name and inputs are asked for, for fragments that depend on nothing but the site (its settings, its files)."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[Hashable, ...], Markup] = {}

    def __call__(self, name: str, *inputs: Hashable, caller: Callable[[], str]) -> Markup:
        key = (name, *inputs)
        if key not in self._rendered:
            self._rendered[key] = Markup(caller())
        return self._rendered[key]


def rendered_every_time_for_site(name: str, *inputs: Hashable, caller: Callable[[], str]) -> Markup:
    """``rendered_once_for_site`` without the memo (``FRAGMENT_CACHE = False``)."""
    return Markup(caller())
