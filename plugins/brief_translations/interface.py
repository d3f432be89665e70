"""The theme's interface in the page's language: message catalogs, language names and dates (Babel).

Catalogs are the theme's ``translations/<lang>/LC_MESSAGES/messages.po`` files, compiled in memory when the
build starts, so no compiled ``.mo`` file is kept in the repository or forgotten after an edit.
"""

from __future__ import annotations

import datetime
import functools
import gettext
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations

from reality_check.plugins.brief_registry.problems import BriefFileError, Problem
from reality_check.plugins.plugin_support.memo import ProcessMemo

CATALOG = "LC_MESSAGES/messages.po"
TRANSLATIONS_FOLDER = "translations"  # in the theme: translations/<lang>/LC_MESSAGES/messages.po


class CatalogCode(StrEnum):
    """What can be wrong with a theme message catalog (``translations/<lang>/LC_MESSAGES/messages.po``)."""

    UNREADABLE = "catalog-unreadable"  # not a .po file Babel can read
    PLACEHOLDERS_CHANGED = "catalog-placeholders-changed"  # "%(minutes)s" renamed or dropped in a translation


class CatalogError(BriefFileError):
    """A theme message catalog cannot be read; ``problems`` name the file and line."""


# Each catalog compiled once per process and file state: Pelican makes a dozen generators per build, and a devserver
# or a test session makes many builds.
COMPILED: ProcessMemo[tuple[str, str, int, int], gettext.NullTranslations] = ProcessMemo(limit=256)


def load_catalogs(folder: Path, languages: Iterable[str]) -> dict[str, gettext.NullTranslations]:
    """The compiled catalog of each language that has a ``.po`` file under `folder` (in a folder named as the site
    writes the code, ``pt-BR``, or as Babel does, ``pt_BR``)."""
    catalogs: dict[str, gettext.NullTranslations] = {}
    for lang in languages:
        path = _catalog_path(folder, lang)
        if path is None:
            continue
        state = path.stat()
        key = (str(path), lang, state.st_mtime_ns, state.st_size)
        catalog = COMPILED.get(key)
        if catalog is None:
            catalog = compile_catalog(path, lang)
            COMPILED.put(key, catalog)
        catalogs[lang] = catalog
    return catalogs


def catalogs_folder(theme: str | Path) -> Path:
    """Where the theme `theme` keeps its message catalogs."""
    return Path(theme) / TRANSLATIONS_FOLDER


def readable_catalogs(
    folder: Path, languages: Iterable[str]
) -> tuple[dict[str, gettext.NullTranslations], tuple[Problem, ...]]:
    """:func:`load_catalogs`, each language on its own: the catalogs that compile, and every problem of the ones
    that do not (their pages then show the interface in the site's own language)."""
    catalogs: dict[str, gettext.NullTranslations] = {}
    problems: list[Problem] = []
    for lang in languages:
        try:
            catalogs.update(load_catalogs(folder, [lang]))
        except CatalogError as error:
            problems.extend(error.problems)
    return catalogs, tuple(problems)


def _catalog_path(folder: Path, lang: str) -> Path | None:
    """The .po file of `lang` under `folder`: in the folder named `lang`, else in the one naming the same
    language another way (``pt_BR`` for ``pt-BR`` or ``pt-br``); None when there is none."""
    direct = folder / lang / CATALOG
    if direct.is_file():
        return direct
    wanted = _language_or_none(lang)
    if wanted is None or not folder.is_dir():
        return None
    return next(
        (
            sub / CATALOG
            for sub in sorted(folder.iterdir())
            if (sub / CATALOG).is_file() and _language_or_none(sub.name) == wanted
        ),
        None,
    )


def _language_or_none(code: str) -> Locale | None:
    try:
        return babel_locale(code)
    except (ValueError, LookupError, UnknownLocaleError):
        return None


def compile_catalog(path: Path, lang: str) -> gettext.NullTranslations:
    """The `lang` catalog in the ``.po`` file at `path`, compiled; CatalogError names the line Babel stopped at."""
    try:
        with path.open("rb") as source:
            catalog = read_po(source, locale=babel_locale(lang), abort_invalid=True)
    except Exception as error:  # Babel raises several kinds; the translator needs the file and line
        line, reason = 1, str(error)
        if isinstance(error, PoFileError):  # Babel counts lines from 0 and ends its message with the count
            line, reason = error.lineno + 1, reason.removesuffix(f" on {error.lineno}")
        raise CatalogError(
            Problem(
                str(path), line, f"not a readable message catalog ({reason})", code=CatalogCode.UNREADABLE
            )
        ) from error
    mismatched = [
        Problem(
            str(path),
            message.lineno or 1,
            f"the translation of {_original(message)!r} {wrong}: keep each %(name)s of the original as it is, "
            "translating only the words around it",
            code=CatalogCode.PLACEHOLDERS_CHANGED,
        )
        for message in catalog
        if message.id and (wrong := _placeholders_changed(message))
    ]
    if mismatched:
        raise CatalogError(*mismatched)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(fp=compiled)


# A %(name)s placeholder (any conversion, flags, width and precision), not one escaped as %%(name)s.
_NAMED_PLACEHOLDER = re.compile(r"(?<!%)(?:%%)*%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
# What Jinja's ngettext always gives a plural message besides its own names: the count.
_PLURAL_COUNT = "num"


def _original(message) -> str:
    return message.id[0] if isinstance(message.id, tuple | list) else message.id


def _placeholders_changed(message) -> str:
    """How a translated message's ``%(name)s`` placeholders differ from its original's, or "" (untranslated, or
    marked fuzzy, which gettext leaves out: fine, the site shows the original)."""
    if message.fuzzy:
        return ""
    plural = isinstance(message.id, tuple | list)
    originals = message.id if plural else (message.id,)
    translations = message.string if isinstance(message.string, tuple | list) else (message.string,)
    wanted = {name for text in originals for name in _NAMED_PLACEHOLDER.findall(text)}
    given_by_the_site = wanted | ({_PLURAL_COUNT} if plural else set())
    for text in translations:
        if not text:
            continue
        given = set(_NAMED_PLACEHOLDER.findall(text))
        if unknown := given - given_by_the_site:
            return f"names {', '.join(f'%({n})s' for n in sorted(unknown))}, which the site does not give"
        if (left_out := wanted - given) and not plural:  # a plural's "one" form may spell the number out
            return f"leaves out {', '.join(f'%({n})s' for n in sorted(left_out))}"
    return ""


@dataclass(frozen=True)
class Interface:
    """Interface strings and dates for every language the site publishes in."""

    default_lang: str
    catalogs: Mapping[str, gettext.NullTranslations] = field(default_factory=dict)

    def translations(self, lang: str | None) -> gettext.NullTranslations:
        return self.catalogs.get(lang or self.default_lang) or gettext.NullTranslations()

    def gettext(self, lang: str | None, message: str) -> str:
        return self.translations(lang).gettext(message)

    def ngettext(self, lang: str | None, singular: str, plural: str, n: int) -> str:
        return self.translations(lang).ngettext(singular, plural, n)


def babel_locale(code: str) -> Locale:
    """The language `code` names, written as sites write it ("en", "pt-BR", "pt_BR", "zh-Hant", in any case)."""
    return Locale.parse(str(code).replace("-", "_"))


def unknown_languages(codes: Iterable[str]) -> list[str]:
    """The codes among `codes` that name no language Babel knows (its names and dates are where they come from)."""
    return [str(code) for code in codes if _language_or_none(code) is None]


def language_name(lang: str, in_lang: str | None = None) -> str:
    """The language's own name, capitalised as a menu item: "Русский", "Français" (or in `in_lang`)."""
    try:
        name = babel_locale(lang).get_display_name(babel_locale(in_lang or lang)) or lang
    except (ValueError, LookupError, UnknownLocaleError):
        return lang
    return name[:1].upper() + name[1:]


@functools.cache
def open_graph_locale(lang: str) -> str:
    """The language as Open Graph's og:locale writes it, language_TERRITORY: "en_US", "ru_RU", "pt_BR" (a code
    without a territory gets the one its language is most likely written in, by Unicode CLDR's likely subtags).
    Worked out once per language and process: Babel took 0.5 ms a page (every page's head names it), about 1 s
    of a cold build at 1000 briefs."""
    try:
        locale = babel_locale(lang)
        likely = get_global("likely_subtags")
        written = likely.get(f"{locale.language}_{locale.script}") or likely.get(locale.language, "")
        territory = locale.territory or Locale.parse(written).territory
    except (ValueError, LookupError, UnknownLocaleError):
        return str(lang).replace("-", "_")
    return f"{locale.language}_{territory}" if territory else locale.language


def long_date(date: datetime.date, lang: str) -> str:
    """The date as readers of `lang` write it: "5 марта 2021 г.", "5 mars 2021", "5. März 2021"."""
    return format_date(date, format="long", locale=babel_locale(lang))
