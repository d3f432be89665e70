"""Pelican wiring: index the brief pages with Pagefind beside the rest of the build.

Only brief pages carry ``data-pagefind-body`` (theme/templates/article.html), and Pelican has written all of them
when the articles generator finishes (``article_writer_finalized``). Pagefind starts then, in its own process, on
the core Pelican does not use, while Pelican writes the listings, the author, topic and region pages, the feeds
and the rest; the build waits for it at the end (``finalized``), as before.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from reality_check.plugins.brief_registry.briefs import briefs_with_pages
from reality_check.plugins.plugin_support.plugin_settings import defaults_setter

from .indexer import IndexingRun, IndexPart, PagefindError, bundles_by_language, plan_parts, start_indexing
from .settings import DEFAULTS, index_limits, setting

logger = logging.getLogger(__name__)

RECORD = "pagefind_parts.json"  # in CACHE_PATH: what each part's bundle was made from

# Runs started and not yet awaited. A build that stops with an error never reaches ``finalized``: the next build in
# the same process (the devserver's) stops its run before starting its own, so two never write one bundle.
UNFINISHED: list[IndexingRun] = []


class PagefindIndexing(Generator):
    """One build's Pagefind run: started once the brief pages are written, awaited when the build ends.

    A generator only so that the run belongs to one build (Pelican makes one per build); it writes nothing itself.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._run: IndexingRun | None = None
        self._parts: tuple[IndexPart, ...] = ()
        signals.article_generator_finalized.connect(self.plan)
        signals.article_writer_finalized.connect(self.start)
        signals.finalized.connect(self.finish)

    def plan(self, generator) -> None:
        """At ``article_generator_finalized`` of this build, before any page is written: which parts the index has,
        and for the search pages (``PAGEFIND_BUNDLES``: language -> bundle folders) which of them to load."""
        if generator.context is not self.context or not setting(self.settings, "PAGEFIND_ENABLED"):
            return
        try:
            self._parts = plan_parts(brief_pages(generator), *index_limits(self.settings))
        except ValueError as error:  # the setting: an error, so --fatal errors stops; nothing is indexed
            logger.error("%s", error)
            self._parts = ()
            return
        self.context["PAGEFIND_BUNDLES"] = bundles_by_language(self._parts)

    def start(self, generator, writer=None) -> None:
        """At ``article_writer_finalized`` of this build: every brief page is on disk."""
        if generator.context is not self.context or self._run is not None:
            return
        if not setting(self.settings, "PAGEFIND_ENABLED"):
            return
        while UNFINISHED:
            UNFINISHED.pop().abandon()
        if not self._parts:
            return
        try:
            # The pages' folder goes in the cache (a build killed mid-way leaves it there, where make clean
            # removes it, not beside the site), normally on the output's file system, so its files are links.
            cache = Path(self.settings["CACHE_PATH"])
            record = cache / RECORD if setting(self.settings, "PAGEFIND_KEEP_UNCHANGED_PARTS") else None
            self._run = start_indexing(Path(self.output_path), self._parts, cache, record)
            UNFINISHED.append(self._run)
        except PagefindError as error:
            logger.error("%s", error)

    def finish(self, pelican) -> None:
        """At ``finalized`` of this build. A failure is an error, so ``--fatal errors`` stops."""
        run, self._run = self._run, None
        if pelican.settings is not self.settings or run is None:
            return
        if run in UNFINISHED:
            UNFINISHED.remove(run)
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


def brief_pages(generator) -> list[tuple[str, str]]:
    """This build's brief pages, originals and translations, with their languages: the only pages with
    ``data-pagefind-body``. Pagefind reads no other file, so it neither parses the thousands of listing and card
    pages nor meets one half-written, and a page an earlier build left (a brief deleted or renamed since) is not
    found by search."""
    return [
        (brief.save_as, str(brief.lang or generator.settings["DEFAULT_LANG"]))
        for brief in briefs_with_pages(generator)
        if brief.save_as
    ]


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican this build's indexing."""
    return PagefindIndexing


# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)


def register() -> None:
    """Connect the indexer."""
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
