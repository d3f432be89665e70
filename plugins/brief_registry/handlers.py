"""Pelican wiring for the registries: validate every brief at build time and attach what templates show."""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.urlwrappers import Category

from . import content_cache
from .addresses import url_of
from .briefs import (
    drafts,
    every_brief,
    leave_out,
    number_colon,
    numbered,
    series_name,
    taken_for_originals,
    translation_group,
)
from .frontmatter import read_brief
from .images import link_out_of_folder_problem, links_out_of_folder
from .names import names_in_prose, names_in_prose_html
from .new_brief import next_free_number
from .problems import BriefFileError, RegistryError, display_path, log_extra, with_display_paths
from .reader import FRONT_MATTER, add_reader
from .registry import Registry, load_registry
from .rendering import forget_rendered, scrolling_tables
from .rules import (
    Numbered,
    address_line,
    address_problem,
    as_list,
    check_references,
    check_series_numbers,
    is_series_number,
    translation_languages,
)

logger = logging.getLogger(__name__)


def validate_articles(generator: ArticlesGenerator) -> None:
    """Log an error for every brief that names an unknown person, topic or region, or reuses a series number,
    and leave out any brief without a series number to list it by (before Pelican lists or writes anything).

    Also gives each article ``author_profiles``, ``topic_terms`` and ``region_terms`` from the registry,
    so templates never look names up themselves, and ``front_matter`` (the parsed front matter with the line
    of every key, without the body's text), so other plugins read each file's front matter once per build, not
    once each (summary_card reads a file again only to place a card problem at its heading's line). The registry
    itself goes into the shared context as ``registry`` (loaded once per build; empty when it has problems, which
    are reported here, and then no brief's names are checked against it, as in ``make check``).
    """
    content = generator.settings["PATH"]
    registry, loaded = _registry_reported(content)
    generator.context["registry"] = registry
    numbered = [
        number
        for article in every_brief(generator)
        if (number := _check_brief(article, content, registry, check_names=loaded)) is not None
    ]
    _check_numbers(numbered, generator.settings)
    _leave_out_unplaced(generator)
    _give_drafts_a_category(generator)


def _registry_reported(content: str) -> tuple[Registry, bool]:
    """The registries of `content` and True; or, after logging their problems, an empty one and False (names are
    not checked against a registry that does not load)."""
    try:
        return load_registry(Path(content)), True
    except RegistryError as error:
        for shown in with_display_paths(error.problems, content):
            logger.error("%s", shown, extra=log_extra(shown))
        return Registry(), False


def _check_brief(article, content: str, registry: Registry, *, check_names: bool) -> Numbered | None:
    """Read one brief's front matter, log the problems of the names it gives, give the article what templates
    show; its number for the series check, None when its file cannot be read."""
    shown = display_path(article.source_path, content)
    front = article.metadata.pop(FRONT_MATTER, None)  # from the reader, now or when the brief was cached
    if front is None:  # read by another reader
        try:
            front = read_brief(article.source_path, shown).without_body()  # Pelican holds the body, rendered
        except BriefFileError as error:  # a file gone since Pelican read it included
            logger.error("%s", error, extra=log_extra(*error.problems))
            return None
    article.front_matter = front
    for problem in check_references(shown, front, registry) if check_names else ():
        logger.error("%s", problem, extra=log_extra(problem))
    # Reported by the series check when missing.
    article.series_number = getattr(article, "series_number", None)
    article.author_profiles = tuple(filter(None, map(registry.author, as_list(front.data.get("authors")))))
    for key in ("topics", "regions"):  # one name may be written on the key's own line, as `topics: Energy`
        if key in front.data:
            setattr(article, key, as_list(front.data.get(key)))
    article.topic_terms = tuple(filter(None, map(registry.topic, as_list(front.data.get("topics")))))
    article.region_terms = tuple(filter(None, map(registry.region, as_list(front.data.get("regions")))))
    return Numbered.of(shown, front)


def _check_numbers(numbered: list[Numbered], settings: Mapping[str, Any]) -> None:
    """Log every series number that is missing, reused or not a number, with the next free one to use."""
    free = functools.partial(next_free_number, Path(settings["PATH"]))  # every brief file, as make check does
    languages = translation_languages(settings)
    for problem in check_series_numbers(numbered, settings["DEFAULT_LANG"], languages, free):
        logger.error("%s", problem, extra=log_extra(problem))


def _leave_out_unplaced(generator: ArticlesGenerator) -> None:
    """A brief with no number to list it by, a translation without an original of its status (Pelican pairs
    briefs of one status only), both reported by the series check, and a brief without a usable address are left
    out, as a brief whose front matter cannot be read is: nothing of it is written, and a page from an earlier
    build of it stays as it was. (Pelican would list such a translation as an original of its own.)"""
    default_lang = generator.settings["DEFAULT_LANG"]
    unplaced = [
        *(b for b in every_brief(generator) if not is_series_number(getattr(b, "series_number", None))),
        *(b for b in taken_for_originals(generator) if getattr(b, "lang", default_lang) != default_lang),
        *_without_an_address(generator),
    ]
    leave_out(generator, unplaced)


def _without_an_address(generator: ArticlesGenerator) -> list:
    """The briefs whose web address the site cannot write (`make check`'s slug-unusable, logged here in its words):
    a title too long for a file name stopped the whole build, in the devserver at every save after it."""
    content = generator.settings["PATH"]
    found = []
    for brief in every_brief(generator):
        front = getattr(brief, "front_matter", None)
        if front is None:
            continue
        line = address_line(front, generator.settings.get("SLUGIFY_SOURCE"))
        shown = display_path(brief.source_path, content)
        problem = address_problem(shown, str(brief.slug), bool(front.data.get("slug")), line)
        if problem is not None:
            logger.error("%s", problem, extra=log_extra(problem))
            found.append(brief)
    return found


def _give_drafts_a_category(generator: ArticlesGenerator) -> None:
    """Pelican 4.12 (pinned) reads every draft's category, where it reads an article's with getattr; a site without
    category pages (CATEGORY_SAVE_AS = "") gives none, and one draft stopped the whole build."""
    for draft in drafts(generator):
        if not hasattr(draft, "category"):
            draft.category = Category(generator.settings["DEFAULT_CATEGORY"], generator.settings)


def set_translation_group(content) -> None:
    """Pelican groups a brief with its translations by ``translation_group`` (ARTICLE_TRANSLATION_ID in
    pelicanconf.py): its series number. Set on every content object as it is made, cached reads included."""
    content.translation_group = translation_group(
        getattr(content, "series_number", None), content.source_path
    )


def name_the_series(pelican) -> None:
    """SERIES_NAME for the templates, as every plugin reads it (:func:`.briefs.series_name`): the site's name when
    the settings leave it out."""
    pelican.settings["SERIES_NAME"] = series_name(pelican.settings)


def install_brief_name(generator) -> None:
    """At ``generator_init``: the templates' ``brief_name(brief)``, "Reality Check #4: Focus on…", and
    ``brief_name(brief, title=False)``, "Reality Check #4": a brief named as the embeds, the structured data and
    the editors' tools name it (:func:`.briefs.numbered`); ``brief_colon(brief)``, the colon between the two as
    the brief's language writes it (``brief_colon(brief, lang)``: as `lang` does, the language of the text it is in)."""
    series = series_name(generator.settings)

    def brief_name(brief, title: bool = True) -> str:
        return numbered(
            series, brief.series_number, brief.title if title else None, getattr(brief, "lang", None)
        )

    def brief_colon(brief, lang: str | None = None) -> str:
        return number_colon(lang or getattr(brief, "lang", None))

    generator.env.globals["brief_name"] = brief_name
    generator.env.globals["brief_colon"] = brief_colon


def body_with_scrolling_tables(body: object, label: str) -> Markup:
    """The ``scrolling_tables`` filter: `body` is a page's HTML, a string or the body below a brief's card."""
    return Markup(scrolling_tables(str(body), str(label)))


def install_filters(generator) -> None:
    """At ``generator_init``: the templates' filters for rules this plugin owns. ``names|in_prose(_(" and "),
    _(", and "))`` is the one rule for a list of names in running text (:func:`.names.names_in_prose`), for the
    byline macro; ``output_file|url_of`` the address of the page being written (:func:`.addresses.url_of`);
    ``body|scrolling_tables(_("Table"))`` a brief page's tables, each in a region that scrolls on a phone
    (:func:`.rendering.scrolling_tables`)."""
    generator.env.filters["in_prose"] = in_prose
    generator.env.filters["url_of"] = url_of
    generator.env.filters["scrolling_tables"] = body_with_scrolling_tables


@pass_eval_context
def in_prose(
    eval_context: EvalContext, names: Sequence[str], pair: str = " and ", last: str = ", and "
) -> str:
    """Escaped, as Jinja's own ``join`` is, only where the templates are autoescaped."""
    if eval_context.autoescape:
        return names_in_prose_html(names, pair, last)
    return names_in_prose([str(name) for name in names], pair, last)


def make_content_cache_safe(pelican) -> None:
    """Pelican's content cache, saved whole and read tolerantly (see :mod:`.content_cache`)."""
    content_cache.install()


def settle_addresses(generator) -> None:
    """At ``article_generator_finalized``: every brief is read and its address (slug, language, date) is final,
    so it is worked out once here, not again on every read of ``url``: Pelican formats ARTICLE_URL from a copy of
    the brief's metadata each time, and the templates, feeds and plugins read a brief's ``url`` dozens of times a
    build (about 1 s of a cold build at 1000 briefs). ``override_url`` is Pelican's own attribute for an address
    given in advance (a brief's ``url:`` metadata sets it). ``save_as`` is left alone: Pelican takes an
    ``override_save_as`` as leave to overwrite a file without warning."""
    for brief in every_brief(generator):
        brief.override_url = brief.url


def forget_bodies(generators) -> None:
    """At ``all_generators_finalized``: every body of this build is read, so the bodies the checks rendered for it
    (``rendering.RENDERED``; the articles hold their HTML now) are forgotten before the site is written. Until
    then a body given twice (copies of one brief) is rendered once."""
    forget_rendered()


def leave_out_links_out_of_images(generator) -> None:
    """At ``static_generator_finalized``, before any file is copied: a link in the images folder to a place
    outside it is reported and left out of the site, with everything under it (Pelican follows links, and
    would publish whatever one points to)."""
    content = Path(generator.settings["PATH"])
    links = links_out_of_folder(content, generator.settings["IGNORE_FILES"])
    for link in links:
        problem = link_out_of_folder_problem(link, content)
        logger.error("%s", problem, extra=log_extra(problem))
    if links:
        left_out = tuple(str(link) for link in links)
        generator.staticfiles[:] = [
            static
            for static in generator.staticfiles
            if not any(
                static.source_path == link or static.source_path.startswith(link + os.sep)
                for link in left_out
            )
        ]


def register() -> None:
    """Connect the reader of briefs, the registry checks, the briefs' addresses, the series' name, the safe content
    cache and the images folder's guard against links out of it."""
    signals.initialized.connect(make_content_cache_safe)
    signals.initialized.connect(name_the_series)
    signals.generator_init.connect(install_brief_name)
    signals.generator_init.connect(install_filters)
    signals.readers_init.connect(add_reader)
    signals.content_object_init.connect(set_translation_group)
    signals.article_generator_pretaxonomy.connect(validate_articles)  # before Pelican lists and writes them
    signals.article_generator_finalized.connect(settle_addresses)
    signals.static_generator_finalized.connect(leave_out_links_out_of_images)
    signals.all_generators_finalized.connect(forget_bodies)
