"""Pelican wiring: index the brief pages with Pagefind beside the rest of the build.

Only brief pages carry ``data-pagefind-body`` (theme/templates/article.html), and Pelican has written all of them
when the articles generator finishes (``article_writer_finalized``). Pagefind starts then, in its own process, on
the core Pelican does not use, while Pelican writes the listings, the author, topic and region pages, the feeds
and the rest; the build waits for it at the end (``finalized``), as before.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from pelican import signals

from reality_check.plugins.brief_registry.briefs import listed_briefs
from reality_check.plugins.plugin_support.sitemap import address_pattern, leave_out_of_sitemap
from reality_check.plugins.plugin_support.unfinished import Unfinished

from .indexer import (
    MAIN_BUNDLE,
    BriefPage,
    IndexingRun,
    IndexPart,
    PagefindError,
    bundles_by_language,
    plan_parts,
    start_indexing,
)
from .settings import index_limits, set_defaults, setting

logger = logging.getLogger(__name__)

RECORD = "pagefind_parts.json"  # in CACHE_PATH: what each part's bundle was made from


@dataclass(eq=False)
class PagefindBuild:
    """One build's index: how its pages are shared among parts, the parts (planned before any page is written),
    and the Pagefind run started once every brief page is on disk."""

    settings: dict
    limits: tuple[int, int | None]  # pages per part, and at most how many parts (settings.index_limits)
    parts: tuple[IndexPart, ...] = ()
    run: IndexingRun | None = None

    def abandon(self) -> None:
        if self.run is not None:
            self.run.abandon()


# Each build's index, from the making of its articles generator to ``finalized``. A build that stops with an error
# never reaches ``finalized``: the next build in the same process (the devserver's) stops its run first, so two
# never write one bundle. A one-brief preview (editor/preview_session.py) works on a copy of a generator, never
# made, so the signals it sends find no index here.
BUILDS: Unfinished[PagefindBuild] = Unfinished(PagefindBuild.abandon)


def begin(generator) -> None:
    """At ``article_generator_init``: a build starts reading its briefs. Its index is listed, with the limits its
    settings give (a limit that is not a whole number is an error here, before anything is read)."""
    BUILDS.abandon()
    if not setting(generator.settings, "PAGEFIND_ENABLED"):
        return
    try:
        limits = index_limits(generator.settings)
    except ValueError as error:  # an error, so --fatal errors stops; nothing is indexed
        logger.error("%s", error)
        return
    BUILDS.track(PagefindBuild(generator.settings, limits))


def name_the_index_folder(generator) -> None:
    """At ``generator_init``: the templates' ``search_index_folder``, where the index's first part is (its other
    parts are in it): the search page loads it and robots.txt keeps crawlers out of it."""
    generator.env.globals["search_index_folder"] = MAIN_BUNDLE


def keep_the_search_page_out_of_the_sitemap(pelican) -> None:
    """At ``initialized``: the site's search page (SEARCH_URL), a tool marked noindex that robots.txt keeps crawlers
    off, is left out of pelican-sitemap's sitemap.xml (each language's own: brief_translations)."""
    page = pelican.settings.get("SEARCH_URL")
    if page:
        leave_out_of_sitemap(pelican.settings, [address_pattern(page)])


def this_build(generator) -> PagefindBuild | None:
    """The index of the build `generator` belongs to (None: none is made, or the generator is a preview's copy)."""
    return BUILDS.get(lambda build: build.settings is generator.settings)


def plan(generator) -> None:
    """At ``article_generator_finalized``, before any page is written: which parts the index has, and for the search
    pages (``PAGEFIND_BUNDLES``: language -> bundle folders) which of them to load."""
    build = this_build(generator)
    if build is None:
        return
    build.parts = plan_parts(brief_pages(generator), *build.limits)
    generator.context["PAGEFIND_BUNDLES"] = bundles_by_language(build.parts)


def start(generator, writer=None) -> None:
    """At ``article_writer_finalized``: every brief page is on disk, so Pagefind starts, beside the rest of the
    build."""
    build = this_build(generator)
    if build is None or build.run is not None:
        return
    if not any(part.pages for part in build.parts):
        # No brief is listed (a new site's first brief still a draft, or the only one broken): Pagefind refuses to
        # build an empty index, and one an earlier build left would find briefs the site no longer lists. The
        # search page says search is not available.
        BUILDS.take(lambda listed: listed is build)
        shutil.rmtree(Path(generator.output_path) / MAIN_BUNDLE, ignore_errors=True)
        logger.info("Pagefind: no brief is listed yet, so the site has no search index")
        return
    try:
        # The pages' folder goes in the cache (a build killed mid-way leaves it there, where make clean removes
        # it, not beside the site), normally on the output's file system, so its files are links.
        cache = Path(build.settings["CACHE_PATH"])
        record = cache / RECORD if setting(build.settings, "PAGEFIND_KEEP_UNCHANGED_PARTS") else None
        build.run = start_indexing(Path(generator.output_path), build.parts, cache, record)
    except PagefindError as error:
        BUILDS.take(lambda listed: listed is build)
        logger.error("%s", error)


def finish(pelican) -> None:
    """At ``finalized``: wait for this build's Pagefind run. A failure is an error, so ``--fatal errors`` stops."""
    build = BUILDS.take(lambda build: build.settings is pelican.settings)
    if build is None or build.run is None:
        return
    run = build.run
    try:
        result = run.finish()
    except PagefindError as error:
        logger.error("%s", error)
        return
    if result.pages == 0:
        logger.warning("%s: Pagefind indexed no page (no page carries data-pagefind-body)", run.site)
    elif run.kept:
        logger.info(
            "Pagefind: %d pages, %d words, %d filters in the index; %d of %d parts kept from the last build "
            "(none of their pages had changed)",
            result.pages,
            result.words,
            result.filters,
            len(run.kept),
            len(run.parts),
        )
    else:
        logger.info(
            "Pagefind indexed %d pages, %d words, %d filters", result.pages, result.words, result.filters
        )


def brief_pages(generator) -> list[BriefPage]:
    """This build's listed brief pages, originals and translations, with their languages. Pagefind reads no other
    file, so it neither parses the thousands of listing and card pages nor meets one half-written, a page an
    earlier build left (a brief deleted or renamed since) is not found by search, and neither is a hidden brief
    (`status: hidden`: shared by its address only, on no listing, and search is one)."""
    return [
        BriefPage(brief.save_as, str(brief.lang or generator.settings["DEFAULT_LANG"]))
        for brief in listed_briefs(generator)
        if brief.save_as
    ]


def register() -> None:
    """Connect the indexer."""
    signals.initialized.connect(set_defaults)
    signals.initialized.connect(keep_the_search_page_out_of_the_sitemap)
    signals.generator_init.connect(name_the_index_folder)
    signals.article_generator_init.connect(begin)
    signals.article_generator_finalized.connect(plan)
    signals.article_writer_finalized.connect(start)
    signals.finalized.connect(finish)
