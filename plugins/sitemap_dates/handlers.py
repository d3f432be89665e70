"""Pelican wiring: hand pelican-sitemap the series' newest change as the date of its listing pages, and a fresh
start to each build."""

from __future__ import annotations

import os
from collections.abc import Iterable

from pelican import signals
from pelican.generators import ArticlesGenerator

from reality_check.plugins.brief_registry.briefs import listed_briefs

from .dates import newest_change


def date_listings(generators: Iterable) -> None:
    """Runs at ``all_generators_finalized``, before anything is written."""
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:  # pelican-sitemap not installed: nothing to adjust
        return
    # The listings of every language share one date: the newest brief of any of them, translations included
    # (published ones only, deliberately: a hidden brief is on no listing).
    articles = [a for g in generators if isinstance(g, ArticlesGenerator) for a in listed_briefs(g)]
    newest = newest_change(articles)
    if newest is not None:
        # No public way exists: pelican-sitemap (pinned in requirements.txt) dates such pages by its
        # module-level generator's `now`, so that is what this sets (tests/test_sitemap.py reads the dates back).
        sitemap.generator.now = newest


class OwnPagesOnly(list):
    """pelican-sitemap's queue of written files, keeping a file written for a brief or page only when it is that
    brief's or page's own page. pelican-sitemap lists such a file at its brief's address, so the card page
    (/briefs/<slug>/card/, written with its brief) would list the brief a second time."""

    def append(self, item: tuple[str, object]) -> None:
        path, content = item
        own = getattr(content, "save_as", None)
        if content is None or (own and os.path.normpath(path).endswith(os.sep + os.path.normpath(own))):
            super().append(item)


def start_sitemap_afresh(pelican) -> None:
    """Runs at ``initialized``: each build starts pelican-sitemap with an empty queue that keeps own pages only.

    pelican-sitemap waits for the first build it saw to reach ``finalized`` (so that i18n_subsites' sub-sites
    finish first): after a build of this process stopped half-way, no later build (a devserver's, a test worker's)
    would write sitemap.xml, and its queue would keep every page of every build. This project builds no sub-sites.
    """
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:
        return
    # No public way exists (pelican-sitemap is pinned in requirements.txt): these are the two fields it resets
    # itself at the end of a build (tests/test_sitemap.py builds again after a build that stopped).
    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = OwnPagesOnly()


def leave_language_alternates_to_the_pages(pelican) -> None:
    """Runs at ``initialized``: pelican-sitemap writes no `<xhtml:link>` language alternates.

    Those it writes are not read by search engines: they carry the address in a `ref` attribute instead of `href`,
    and leave out the page itself, which every set of alternates must name. Each page's own head names all its
    versions, itself and x-default included (`theme/templates/macros/language_alternates.html`), which search engines
    read as well as a sitemap's: one correct set, rather than a second, broken one."""
    try:
        from pelican.plugins.sitemap import sitemap
    except ImportError:
        return
    # No setting exists: pelican-sitemap (pinned in requirements.txt) formats each alternate from this template.
    sitemap.XML_TRANSLATION = ""


def register() -> None:
    """Connect the handlers."""
    signals.initialized.connect(start_sitemap_afresh)
    signals.initialized.connect(leave_language_alternates_to_the_pages)
    signals.all_generators_finalized.connect(date_listings)
