"""The devserver's builds, run in its own process: the whole site, and a saved brief's page on its own, at once.

A full build of a large archive takes seconds, most of them spent on pages the save did not change. The session runs
Pelican in this process (imports, theme and plugins stay loaded between builds) and keeps the generators of the last
full build. When only briefs were saved, :meth:`PreviewSession.preview` first writes those briefs' pages alone: it
reads each saved file with the build's own reader, runs the plugins' per-brief work through Pelican's own signals on
a copy of the articles generator holding just that brief (a whole build's own work, the share images' drawing and
the search index, starts when a build makes its articles generator, which a copy is not: the copy's signals find
none), and writes the page with Pelican's own article writer,
each file replaced whole (``plugin_support.writer.WholeFileWriter``). What depends on other briefs (previous and next
in the series, related briefs, replies) is taken from the last full build. The full build then follows and rewrites
the whole site, the saved page included.

A brief that cannot be read (broken front matter) is left alone: its last good page stays served, and the
checker's message says what to fix.
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pelican import get_instance, parse_arguments, signals
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator

from reality_check.plugins.brief_registry.briefs import ARTICLE_LISTS, briefs_with_pages
from reality_check.plugins.brief_registry.images import site_references
from reality_check.plugins.brief_registry.links import linked_file, site_link
from reality_check.plugins.plugin_support.plugin_settings import SettingError
from reality_check.plugins.plugin_support.writer import WholeFileWriter

logger = logging.getLogger(__name__)


class PreviewSession:
    """Pelican builds in this process, keeping the last full build's generators for single-brief previews."""

    def __init__(self, pelican_args: Sequence[str]) -> None:
        self.pelican_args = list(pelican_args)
        self._articles: ArticlesGenerator | None = None
        self._latest: ArticlesGenerator | None = None

    def _keep_generators(self, generators: Iterable) -> None:
        """Connected while :meth:`build` runs (a brief's preview sends the signal too, for itself alone)."""
        self._latest = next((g for g in generators if type(g) is ArticlesGenerator), None)

    def build(self, extra: Sequence[str] = ()) -> bool:
        """Build the whole site, as ``pelican`` with the session's arguments (and `extra`) would; whether it
        finished."""
        self._latest = None
        with signals.all_generators_finalized.connected_to(self._keep_generators):
            try:
                # Plugins check their settings in get_instance.
                pelican, _ = get_instance(parse_arguments([*self.pelican_args, *extra]))
                pelican.run()
            except (
                Exception
            ) as error:  # a broken theme, plugin or setting: say it, keep serving the last good pages
                # A setting a plugin refuses says what to change; a traceback would only bury it.
                logger.critical(
                    "%s: %s", type(error).__name__, error, exc_info=not isinstance(error, SettingError)
                )
                return False
        self._articles = self._latest
        return True

    def pages_by_source(self) -> dict[str, str]:
        """The address ("/briefs/x/") of each page the last full build wrote for a brief, by its file's absolute
        path."""
        if self._articles is None:
            return {}
        return {
            os.path.abspath(brief.source_path): "/" + brief.url for brief in briefs_with_pages(self._articles)
        }

    def page_of(self, source: Path) -> str | None:
        """The address of the page the last full build wrote for the brief file `source`, or None."""
        return self.pages_by_source().get(os.path.abspath(source))

    def preview(self, paths: Iterable[str | Path]) -> list[str]:
        """Write the pages of the saved briefs `paths` alone; the pages written (output paths).

        Only briefs the last full build published can be previewed this way; any other path is left to the full
        build that follows.
        """
        generator = self._articles
        if generator is None:
            return []
        known = {a.source_path: a for a in generator.articles}  # absolute, as Pelican makes them
        written = []
        for path in paths:
            previous = known.get(os.path.abspath(path))
            if previous is None:
                continue
            article = self._read(generator, previous.source_path)
            if (
                article is None
                or article.status != "published"
                or not _shows_known_images(article, generator)
            ):
                continue
            if self._write(generator, article, previous):
                written.append(article.save_as)
        return written

    @staticmethod
    def _read(generator: ArticlesGenerator, source_path: str) -> Article | None:
        """The brief read afresh by the build's reader, or None when it cannot be read (the check says why)."""
        try:
            article = generator.readers.read_file(
                base_path=generator.path,
                path=os.path.relpath(source_path, generator.path),
                content_class=Article,
                context=generator.context,
                preread_signal=signals.article_generator_preread,
                preread_sender=generator,
                context_signal=signals.article_generator_context,
                context_sender=generator,
            )
        except Exception:  # the check, run next, names the problem in the editor's terms
            return None
        return article if isinstance(article, Article) and article.is_valid() else None

    @staticmethod
    def _write(generator: ArticlesGenerator, article: Article, previous: Article) -> bool:
        """Run the per-brief plugins on `article` alone, as Pelican's signals run them in a full build, then write
        its page with Pelican's article writer; whether the plugins kept it (a brief left without a usable series
        number is not written)."""
        alone = copy.copy(generator)
        # The plugins' caches (card extractions...) belong to full builds: a cache saved by a one-brief run would
        # keep that brief alone, and the full build that follows would redo every other one.
        alone.settings = {**generator.settings, "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
        alone.context = dict(generator.context)
        for name in ARTICLE_LISTS:  # Pelican's six lists: the saved brief alone, published
            setattr(alone, name, [article] if name == "articles" else [])
        signals.article_generator_pretaxonomy.send(alone)
        if article not in alone.articles:
            return False
        signals.article_generator_finalized.send(alone)
        signals.all_generators_finalized.send([alone])
        alone.refresh_metadata_intersite_links()
        # What links this brief to others (neighbours, related briefs, replies) comes from the last full build.
        for name, value in vars(previous).items():
            if _refers_to_content(value):
                setattr(article, name, value)
        writer = WholeFileWriter(alone.output_path, settings=alone.settings)
        alone.generate_articles(writer.write_file)
        return True


def _shows_known_images(article: Article, generator: ArticlesGenerator) -> bool:
    """Whether every image the brief shows was among the site's files at the last full build: a picture saved
    since is copied (and its address resolved) by the full build that follows, not by a one-brief preview."""
    static = generator.context.get("static_content", {})
    content = Path(os.path.abspath(generator.settings["PATH"]))
    for reference in site_references(article._content):
        link = site_link(unquote(urlsplit(reference.value).path))
        if link is None or link.what != "static":
            continue
        named = linked_file(link.target, Path(os.path.abspath(article.source_path)), content)
        if not named.is_relative_to(content) or named.relative_to(content).as_posix() not in static:
            return False
    return True


def _refers_to_content(value: object) -> bool:
    """Whether an attribute holds another brief (or briefs): set by plugins that look across the series."""
    if isinstance(value, Content):
        return True
    if isinstance(value, (tuple, list)) and value:
        return all(isinstance(item, Content) for item in value)
    return False
