"""Which of Pelican's articles a plugin works on, and what the series is called: the one answer every plugin uses.

Pelican keeps a build's articles in six lists (published, hidden and draft, each with its translations). A plugin
that reads or annotates every brief takes :func:`every_brief`; one that makes something for each brief page takes
:func:`briefs_with_pages`. Translations are briefs like any other in both.
Which article a feed entry links to is found here too (:func:`feed_articles`, :func:`article_for`): the
card's, the citations' and the PDF edition's additions to the feeds all look it up the same way.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .registry import as_slug
from .rules import is_series_number
from .tempfiles import is_editor_temporary

if TYPE_CHECKING:  # only named in annotations: the module stays free of Pelican for the pure modules using it
    from pelican.generators import ArticlesGenerator


def series_name(settings: Mapping[str, object]) -> str:
    """What the briefs are called, "Reality Check" in "Reality Check #4": SERIES_NAME, else the site's name."""
    return str(settings.get("SERIES_NAME") or settings.get("SITENAME") or "")


# The colon between a brief's number and its title, as the title's language writes it: French sets it off with a
# no-break space ("Reality Check #5 : Réponse…"), the other languages the site speaks do not.
NUMBER_COLONS = {"fr": "\u00a0:"}


def number_colon(lang: str | None = None) -> str:
    """The colon after "Reality Check #5" before a title in `lang` (English when not given; "fr-CA" is French)."""
    return NUMBER_COLONS.get((lang or "").replace("_", "-").partition("-")[0].lower(), ":")


def numbered(series: str, number: object, title: str | None = None, lang: str | None = None) -> str:
    """A brief's name in the series, "Reality Check #4", with its title when given ("Reality Check #4: Focus
    on…", the colon as the title's language `lang` writes it): as embeds, structured data and the editors' tools
    name it, and the templates through ``brief_name`` (handlers.install_brief_name)."""
    name = f"{series} #{number}".strip()
    return f"{name}{number_colon(lang)} {title}" if title is not None else name


def file_stem(series: str, number: object) -> str:
    """The name a brief's files share, "reality-check-4": the series as a slug (:func:`as_slug`: "realite-check" for
    "Réalité Check"; "brief" for a name with no letter a slug keeps, one in Cyrillic say) and the number. Its
    downloads are named so (.bib, .ris, .pdf), and the browser editor names a new brief's file so (decap_admin
    gives Decap's placeholder for the number)."""
    return f"{as_slug(series) or 'brief'}-{number}"


def translation_group(number: object, source_path: str) -> str:
    """``brief-000000004`` for series number 4; a group of its own for a file whose number is not a positive
    integer, so Pelican can still sort and group every brief while the number is reported."""
    if is_series_number(number):
        return f"brief-{number:09d}"
    return f"file-{source_path}"


def newest_first(brief: object) -> tuple[int, str]:
    """ARTICLE_ORDER_BY: the series from its highest number down. A brief whose number is missing or not a
    positive integer goes last instead of stopping Pelican's sort (it is reported, and left out of the site)."""
    number = getattr(brief, "series_number", None)
    return (-number if is_series_number(number) else 1, str(getattr(brief, "source_path", "")))


BRIEFS_DIR = "briefs"  # the briefs' folder in the content folder (Pelican's ARTICLE_PATHS)
PAGES_DIR = "pages"  # the other pages' folder ("About NAEI"; Pelican's PAGE_PATHS)
# The extensions of the files the project's reader takes (brief_registry.reader.BriefReader, Pelican's Markdown).
MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")


# The file and folder names the build leaves out of the content (Pelican's IGNORE_FILES, set from this in
# pelicanconf.py), each matched against a name alone: Pelican's default "**/.*" misses a hidden file in the folder it
# walks, such as Emacs's lock link ".#brief.md" beside the brief being edited; "~$*" is Word's lock file beside a
# document it has open.
IGNORED_NAMES = ("**/.*", ".*", "~$*")


def ignored_name(name: str, patterns: Iterable[str]) -> bool:
    """Whether the build leaves out a file or folder of this name: one of `patterns` (IGNORE_FILES) matches it, as
    Pelican's ``get_files`` matches them."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def markdown_files(
    content: Path, folder: str = BRIEFS_DIR, ignored: Iterable[str] = IGNORED_NAMES
) -> list[Path]:
    """The Markdown files of `folder` in the content folder, in path order, as the build finds them (Pelican's
    ``get_files``): every Markdown extension the reader takes, in folders reached through links too, but no file or
    folder whose name `ignored` (the site's IGNORE_FILES) matches. The one list of brief (or page) files for
    ``make check``, ``make brief``, ``make import`` and ``/admin/``."""
    patterns = tuple(ignored)
    found = []
    for top, folders, files in os.walk(Path(content) / folder, followlinks=True):
        folders[:] = sorted(name for name in folders if not ignored_name(name, patterns))
        found.extend(
            Path(top) / name
            for name in files
            if name.rpartition(".")[2] in MARKDOWN_EXTENSIONS and not ignored_name(name, patterns)
        )
    return sorted(found)


def files_not_read(
    content: Path, folder: str = BRIEFS_DIR, ignored: Iterable[str] = IGNORED_NAMES
) -> list[Path]:
    """The files of `folder` the build leaves out without a word, in path order: every file but the Markdown ones
    (``.md`` as written: Pelican reads extensions case-sensitively, so ``BRIEF.MD`` is left out too), the names
    `ignored` matches (IGNORE_FILES) and the files editors' programs write for themselves beside a brief."""
    patterns = tuple(ignored)
    found = []
    for top, folders, files in os.walk(Path(content) / folder, followlinks=True):
        folders[:] = sorted(name for name in folders if not ignored_name(name, patterns))
        found.extend(
            Path(top) / name
            for name in files
            if name.rpartition(".")[2] not in MARKDOWN_EXTENSIONS
            and not ignored_name(name, patterns)
            and not is_editor_temporary(name)
        )
    return sorted(found)


def markdown_outside(content: Path, ignored: Iterable[str] = IGNORED_NAMES) -> list[Path]:
    """The Markdown files of the content folder that are in neither `BRIEFS_DIR` nor `PAGES_DIR`, in path order
    (any capitals: ``content/Brief.MD`` too): the build reads briefs and pages from those folders only, so a brief
    saved one folder too high, or in a folder of another name, is left out without a word."""
    patterns = tuple(ignored)
    found = []
    for top, folders, files in os.walk(Path(content), followlinks=True):
        at_top = Path(top) == Path(content)
        folders[:] = sorted(
            name
            for name in folders
            if not ignored_name(name, patterns) and not (at_top and name in (BRIEFS_DIR, PAGES_DIR))
        )
        found.extend(
            Path(top) / name
            for name in files
            if name.rpartition(".")[2].lower() in MARKDOWN_EXTENSIONS
            and not name.upper().startswith("README")  # notes about the folder, for whoever keeps it
            and not ignored_name(name, patterns)
            and not is_editor_temporary(name)
        )
    return sorted(found)


# Pelican's six lists of a build's articles.
ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)


def originals_with_pages(generator: ArticlesGenerator) -> list:
    """The original briefs Pelican writes a page for, published and hidden (a hidden brief is unlisted, not
    unfinished): what gets a citation and a PDF edition. Their translations are reached through each original."""
    return [*generator.articles, *generator.hidden_articles]


def originals_with_pages_in(context: Mapping[str, object]) -> list:
    """:func:`originals_with_pages`, from the context Pelican shares with every generator (once the articles
    generator has filled it): for the plugins' own generators, and the feeds' handlers."""
    return [*context.get("articles", ()), *context.get("hidden_articles", ())]


def with_translations(originals: Iterable[object]) -> list:
    """Each of `originals`, then its translations (the versions Pelican writes a page for)."""
    return [brief for original in originals for brief in (original, *getattr(original, "translations", ()))]


def every_brief(generator: ArticlesGenerator) -> list:
    """Every brief Pelican read this build, whatever its status: checked, given a card and a reading time."""
    return [*briefs_with_pages(generator), *drafts(generator)]


def briefs_with_pages(generator: ArticlesGenerator) -> list:
    """The briefs Pelican writes a page for (published and hidden, and their translations)."""
    return [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
    ]


def listed_briefs(generator: ArticlesGenerator) -> list:
    """The briefs readers find on the site's listings: published originals and their published translations
    (a hidden brief has a page but is on no listing; a draft has neither)."""
    return [*generator.articles, *generator.translations]


def translations_with_pages(generator: ArticlesGenerator) -> list:
    """The translations Pelican writes a page for (of published and of hidden briefs)."""
    return [*generator.translations, *generator.hidden_translations]


def drafts(generator: ArticlesGenerator) -> list:
    """Every draft, original or translation: read and checked, never written."""
    return [*generator.drafts, *generator.drafts_translations]


def taken_for_originals(generator: ArticlesGenerator) -> list:
    """Every brief Pelican filed as an original, whatever its status. Pelican pairs a translation with an original
    of its own status only: a brief in another language here found none."""
    return [*generator.articles, *generator.hidden_articles, *generator.drafts]


def leave_out(generator: ArticlesGenerator, briefs: Iterable[object]) -> None:
    """Take `briefs` out of every one of Pelican's lists of articles, before it lists or writes them, and record
    their files as Pelican records a file it failed to read (a source path standing for no content: Pelican
    4.12's convention, pinned), so a `{filename}` link to one is reported instead of leading to no page."""
    briefs = list(briefs)
    gone = {id(brief) for brief in briefs}
    for name in ARTICLE_LISTS:
        kept = [article for article in getattr(generator, name) if id(article) not in gone]
        getattr(generator, name)[:] = kept
    for brief in briefs:
        generator.context["generated_content"][brief.get_relative_source_path()] = None


def index_by_url(articles: Iterable) -> dict[str, object]:
    """The articles by their site-relative ``url`` (``briefs/<slug>/``), built once per feed."""
    return {str(article.url): article for article in articles}


def article_for(link: str, by_url: Mapping[str, object]) -> object | None:
    """The article a feed entry links to, whatever the feed domain's own path (``https://x.org/sub/``).

    Pelican writes ``FEED_DOMAIN`` joined with the article's url, perhaps with ``?ref=feed``: each
    tail of the link's path, longest first, is looked up, so a lookup costs the path's depth, not the
    number of articles.
    """
    segments = urlsplit(link).path.lstrip("/").split("/")
    for start in range(len(segments)):
        article = by_url.get("/".join(segments[start:]))
        if article is not None:
            return article
    return None


def feed_articles(context: Mapping) -> list:
    """Every article a feed Pelican writes may list: the published briefs, hidden ones, and their translations."""
    return with_translations(originals_with_pages_in(context))


# The key a plugin writing a listing's feed sets in the context it gives Pelican's `write_feed`: the listing page's
# address (relative to SITEURL), which the feed is the feed of (brief_metadata's `identify_feed` links it).
FEED_PAGE = "feed_page"
