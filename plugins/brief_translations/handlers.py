"""Pelican wiring: interface strings in each page's language, language versions of each brief, and a listing
and an Atom feed per language of translations."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from jinja2 import pass_context
from jinja2.runtime import Context
from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

from reality_check.plugins.brief_registry.addresses import absolute_url
from reality_check.plugins.brief_registry.briefs import (
    FEED_PAGE,
    originals_with_pages,
    translations_with_pages,
)
from reality_check.plugins.brief_registry.problems import log_extra, with_display_paths
from reality_check.plugins.brief_registry.rules import LANGUAGES_SETTING, translation_languages
from reality_check.plugins.plugin_support.plugin_settings import (
    SettingError,
)
from reality_check.plugins.plugin_support.sitemap import address_pattern, leave_out_of_sitemap

from .interface import (
    Interface,
    catalogs_folder,
    language_name,
    long_date,
    open_graph_locale,
    readable_catalogs,
    unknown_languages,
)
from .settings import set_defaults, setting
from .versions import LanguageVersion, language_listings, language_versions, listing_address, pages_in_use

logger = logging.getLogger(__name__)

I18N_EXTENSION = "jinja2.ext.i18n"  # gives the theme's Jinja environment {{ _("…") }}

LISTING_TEMPLATE = "translations"
SEARCH_TEMPLATE = "search"


def page_language(context: Context) -> str:
    """The language of the page being rendered: a listing's ``page_lang``, else its brief's, else the site's."""
    lang = context.get("page_lang")
    if not lang:
        article = context.get("article")
        lang = getattr(article, "lang", None)
    return str(lang or context.get("DEFAULT_LANG") or "en")


def interface_for(settings) -> Interface:
    """The compiled catalogs of the theme's ``translations/`` folder for the site's languages (a catalog that does
    not compile is left out: :func:`check_catalogs` reports it)."""
    catalogs, _ = readable_catalogs(catalogs_folder(settings["THEME"]), translation_languages(settings))
    return Interface(settings["DEFAULT_LANG"], catalogs)


def install_interface(generator: Generator) -> None:
    """Give the generator's Jinja environment ``_``/``gettext``/``ngettext`` and ``page_language()`` that follow
    the language of the page being rendered (jinja2.ext.i18n must be in JINJA_ENVIRONMENT's extensions)."""
    interface = interface_for(generator.settings)

    @pass_context
    def _gettext(context: Context, message: str) -> str:
        return interface.gettext(page_language(context), message)

    @pass_context
    def _ngettext(context: Context, singular: str, plural: str, n: int) -> str:
        return interface.ngettext(page_language(context), singular, plural, n)

    generator.env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # check_interface_extension

    @pass_context
    def site_text(context: Context, text: object) -> str:
        """A text from the settings (SITE_TAGLINE) in the page's language: the catalog's translation of its value,
        else the value as written. Not `_()`: that fills %-placeholders, and a '%' in a tagline is text."""
        return interface.gettext(page_language(context), str(text))

    generator.env.globals["site_text"] = site_text
    generator.env.globals["page_language"] = pass_context(page_language)
    generator.env.filters["open_graph_locale"] = open_graph_locale
    generator.env.globals["language_search_url"] = pass_context(language_search_url)
    generator.env.globals["language_home_url"] = pass_context(language_home_url)


def language_home_url(context: Context) -> str:
    """Where the site's "Briefs" link leads from a page: its language's listing ("ru/") on a page in a language that
    has one, else the series' home page ("")."""
    urls = context.get("language_listing_urls") or {}
    return urls.get(page_language(context), "")


def language_search_url(context: Context) -> str:
    """The search page in the page's language when the site has one (it searches that language's index),
    else SEARCH_URL."""
    urls = context.get("language_search_urls") or {}
    return urls.get(page_language(context)) or context.get("SEARCH_URL") or "search/"


def _version(article, siteurl: str) -> LanguageVersion:
    return LanguageVersion(
        lang=article.lang,
        name=language_name(article.lang),
        url=absolute_url(siteurl, article.url),
        original=not getattr(article, "is_translation", False),
    )


def date_in_its_language(content) -> None:
    """At ``content_object_init``, as Pelican sets ``locale_date`` (cached reads included): a translation's date as
    its readers write it ("26 марта 2021 г."), before any plugin reads it (share_image draws it at
    ``cards_attached``; set later, each translation's image was drawn twice, first with the English date)."""
    lang = getattr(content, "lang", None)
    if lang and lang != content.settings.get("DEFAULT_LANG") and getattr(content, "date", None) is not None:
        content.locale_date = long_date(content.date, lang)


def attach_versions(generators: Iterable) -> None:
    """Give every brief with translations (and each translation) ``language_versions``. Set, never appended: safe
    to run again under --autoreload."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        siteurl = generator.settings.get("SITEURL", "")
        # Hidden briefs and their translations have pages too (unlisted, not unfinished): versioned the same way.
        originals = originals_with_pages(generator)
        all_translations = translations_with_pages(generator)
        for translation in all_translations:
            translation.is_translation = True
        # Each language's listing, where a page in that language leads its reader home (`language_home_url`).
        generator.context["language_listing_urls"] = {
            listing.lang: listing.url for listing in language_listings(generator.articles, generator.settings)
        }
        pattern = setting(generator.settings, "BRIEF_TRANSLATIONS_SEARCH_URL")
        if pattern:
            languages = sorted({t.lang for t in generator.translations})
            generator.context["language_search_urls"] = {
                lang: pattern.format(lang=lang) for lang in languages
            }
        translated = {id(t) for t in all_translations}
        for item in (*originals, *all_translations):
            # In language order: Pelican lists them in the order it read the files, which differs between two
            # checkouts of the same commit (and the sitemap lists them in that order).
            item.translations = sorted(getattr(item, "translations", ()), key=lambda t: str(t.lang))
        for article in originals:
            article.is_translation = False
            translations = [t for t in getattr(article, "translations", ()) if id(t) in translated]
            versions = language_versions(
                _version(article, siteurl), [_version(t, siteurl) for t in translations]
            )
            for item in (article, *translations):
                item.language_versions = versions if translations else ()


class TranslationListingsGenerator(Generator):
    """Writes /<lang>/ (the briefs translated into that language), its search page and, when set, its feed."""

    def generate_output(self, writer) -> None:
        template = self.get_template(LISTING_TEMPLATE)
        search = self.get_template(SEARCH_TEMPLATE)
        search_pattern = setting(self.settings, "BRIEF_TRANSLATIONS_SEARCH_URL")
        for listing in language_listings(self.context.get("articles", ()), self.settings):
            if search_pattern:
                url, save_as = listing_address(search_pattern, listing.lang)
                writer.write_file(
                    save_as,
                    search,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    page_lang=listing.lang,
                    SEARCH_URL=url,
                    page_name=f"{url}index",
                    template_name=SEARCH_TEMPLATE,
                    topic_pages=pages_in_use(self.context.get("topic_pages"), listing.briefs, "topic_terms"),
                    region_pages=pages_in_use(
                        self.context.get("region_pages"), listing.briefs, "region_terms"
                    ),
                )
            writer.write_file(
                listing.save_as,
                template,
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                listing=listing,
                page_lang=listing.lang,
                page_name=listing.url,
                template_name=LISTING_TEMPLATE,
            )
            if listing.feed:
                writer.write_feed(
                    list(listing.briefs),
                    {**self.context, "page_lang": listing.lang, FEED_PAGE: listing.url},
                    listing.feed,
                    listing.feed,
                    feed_type="atom",
                    feed_title=listing.name,
                )


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican the per-language listings generator."""
    return TranslationListingsGenerator


def check_languages(pelican) -> None:
    """Refuse, before anything is read, a DEFAULT_LANG or translation language that names no language: every
    page's language name, dates and interface strings come from it (it stopped the build half-way, with Babel's
    UnknownLocaleError traceback)."""
    for name, codes in (
        ("DEFAULT_LANG", [pelican.settings.get("DEFAULT_LANG", "en")]),
        (LANGUAGES_SETTING, translation_languages(pelican.settings)),
    ):
        unknown = unknown_languages(codes)
        if unknown:
            raise SettingError(
                f"{name} must name languages by their codes, such as 'en', 'fr' or 'pt-BR' "
                f"({', '.join(map(repr, unknown))} is not one); set it in pelicanconf.py, or in the -e that gives it"
            )


def check_interface_extension(pelican) -> None:
    """Refuse, before anything is read, a JINJA_ENVIRONMENT without Jinja's i18n extension: the theme's `_()` would
    be undefined, and the first page would stop the build with a Jinja traceback."""
    extensions = pelican.settings.get("JINJA_ENVIRONMENT", {}).get("extensions", ())
    if I18N_EXTENSION not in extensions:
        raise SettingError(
            f"JINJA_ENVIRONMENT's extensions must include {I18N_EXTENSION!r} (got {list(extensions)!r}): the "
            "theme's interface strings are written {{ _('…') }}; add it in pelicanconf.py"
        )


def check_catalogs(pelican) -> None:
    """At ``initialized``: report, as errors at their lines, a theme catalog that does not compile (Babel cannot
    read it, or a translation renamed a placeholder); the pages in its language show the interface in the site's
    own, and `make html` (`--fatal errors`) and `make publish` (`--fatal warnings`) stop there. Checked once per build, not in each of the
    generators that install the interface."""
    _, problems = readable_catalogs(
        catalogs_folder(pelican.settings["THEME"]), translation_languages(pelican.settings)
    )
    for shown in with_display_paths(problems, pelican.settings["PATH"]):
        logger.error("%s", shown, extra=log_extra(shown))


def keep_search_pages_out_of_the_sitemap(pelican) -> None:
    """At ``initialized``: each language's search page (a tool, marked noindex and kept off by robots.txt) is left
    out of pelican-sitemap's sitemap.xml, whatever the language's code (``pt-BR`` too) and wherever
    BRIEF_TRANSLATIONS_SEARCH_URL puts it, as pagefind_search leaves out the site's own (SEARCH_URL)."""
    pattern = setting(pelican.settings, "BRIEF_TRANSLATIONS_SEARCH_URL")
    languages = translation_languages(pelican.settings) if pattern else ()
    leave_out_of_sitemap(
        pelican.settings, [address_pattern(pattern.format(lang=lang), any_case=True) for lang in languages]
    )


def register() -> None:
    """Connect the translation handlers."""
    signals.initialized.connect(set_defaults)
    signals.initialized.connect(check_languages)
    signals.initialized.connect(check_interface_extension)
    signals.initialized.connect(check_catalogs)
    signals.initialized.connect(keep_search_pages_out_of_the_sitemap)
    signals.generator_init.connect(install_interface)
    signals.content_object_init.connect(date_in_its_language)
    signals.all_generators_finalized.connect(attach_versions)
    signals.get_generators.connect(get_generators)
