"""The project settings the editors' tools need, read from ``pelicanconf.py`` so they match the build."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pelican.settings import DEFAULT_CONFIG, read_settings
from pelican.utils import slugify

from reality_check.plugins.brief_registry.arguments import DEFAULT_SETTINGS
from reality_check.plugins.brief_registry.briefs import series_name
from reality_check.plugins.brief_registry.rendering import (
    FAST_MARKDOWN_DEFAULT,
    BriefMarkdown,
    brief_markdown,
    fast_markdown_enabled,
)
from reality_check.plugins.brief_registry.rules import DEFAULT_TRANSLATION_LANGUAGES, translation_languages
from reality_check.plugins.brief_registry.term_pages import term_url
from reality_check.plugins.brief_translations.interface import language_name
from reality_check.plugins.brief_translations.settings import setting as translations_setting
from reality_check.plugins.brief_translations.versions import listing_address
from reality_check.plugins.decap_admin.config import ADMIN_DIR
from reality_check.plugins.newsletter_digest.settings import setting as newsletter_setting
from reality_check.plugins.share_image.fonts import DEFAULT_FONTS, Fonts
from reality_check.plugins.share_image.settings import fonts_for
from reality_check.plugins.summary_card.card import CardSettings
from reality_check.plugins.summary_card.settings import card_settings
from reality_check.plugins.taxonomy_pages.listings import INDEX_TITLES, index_address


@dataclass(frozen=True)
class EditorSettings:
    """How the build renders Markdown, makes slugs and finds the card's sections."""

    markdown: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_CONFIG["MARKDOWN"]))
    slug_substitutions: tuple[tuple[str, str], ...] = tuple(DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    slug_preserve_case: bool = DEFAULT_CONFIG["SLUGIFY_PRESERVE_CASE"]
    slug_use_unicode: bool = DEFAULT_CONFIG["SLUGIFY_USE_UNICODE"]
    slugify_source: str = DEFAULT_CONFIG["SLUGIFY_SOURCE"]
    card: CardSettings = field(default_factory=CardSettings)
    article_url: str = DEFAULT_CONFIG["ARTICLE_URL"]
    article_lang_url: str = DEFAULT_CONFIG["ARTICLE_LANG_URL"]  # a translation's page
    # Where `make check` keeps its reports between runs (editor/check_cache.py): the build's CACHE_PATH when
    # the build caches (CACHE_CONTENT), else nowhere.
    cache_path: Path | None = None
    default_lang: str = DEFAULT_CONFIG["DEFAULT_LANG"]
    languages: tuple[str, ...] = DEFAULT_TRANSLATION_LANGUAGES  # a translation's `lang:` must be one of these
    card_by_lang: tuple[tuple[str, CardSettings], ...] = ()  # the headings a translation's card is read with
    # BRIEF_REGISTRY_FAST_MARKDOWN: render as the build's reader does.
    fast_markdown: bool = FAST_MARKDOWN_DEFAULT
    # What the briefs are called (SERIES_NAME, else SITENAME): "Reality Check" in "Reality Check #4".
    series: str = ""
    theme: Path | None = None  # THEME: its message catalogs are checked too (None: Pelican's own theme, none)
    # What Pelican leaves out of the content.
    ignore_files: tuple[str, ...] = tuple(DEFAULT_CONFIG["IGNORE_FILES"])
    # The font files the share image draws a brief's title (bold) and first key point (regular) in.
    share_image_fonts: Fonts = DEFAULT_FONTS
    page_url_pattern: str = DEFAULT_CONFIG["PAGE_URL"]  # a page's address (content/pages/)
    # The addresses of the pages the site writes itself (search, the lists of authors, topics and regions), each
    # with what it is, and the newsletter's archive's (written once an issue is): a page of content/pages/ given
    # one stopped the build half-way.
    site_pages: tuple[tuple[str, str], ...] = ()
    newsletter_archive: str = ""

    def card_for(self, lang: object) -> CardSettings:
        """The card settings for a brief in `lang` (None or DEFAULT_LANG: the site's own). A `lang:` the site does
        not offer as written ('RU', 'ru-RU', 'it') is its own problem, said at its line: the card is read with the
        headings of the language meant, or of any the site offers, not to add "no key points" to it."""
        if not isinstance(lang, str):
            return self.card
        by_lang = dict(self.card_by_lang)
        if lang in by_lang:
            return by_lang[lang]
        meant = lang.strip().lower().replace("_", "-").split("-")[0]
        if meant in by_lang:
            return by_lang[meant]
        if not meant or meant == self.default_lang:
            return self.card
        every = self.card_by_lang
        return CardSettings(
            key_points_headings=tuple(dict.fromkeys(h for _, c in every for h in c.key_points_headings)),
            recommendations_headings=tuple(
                dict.fromkeys(h for _, c in every for h in c.recommendations_headings)
            ),
        )

    def page_url(self, slug: str, lang: object = None) -> str:
        """The address (no leading '/') of a brief's page: ARTICLE_URL, or ARTICLE_LANG_URL for a translation."""
        if isinstance(lang, str) and lang and lang != self.default_lang:
            return self.article_lang_url.format(slug=slug, lang=lang)
        return self.article_url.format(slug=slug)

    def slug(self, text: str) -> str:
        """The slug Pelican derives from `text` (a title, or a file's base name)."""
        return slugify(
            text,
            regex_subs=self.slug_substitutions,
            preserve_case=self.slug_preserve_case,
            use_unicode=self.slug_use_unicode,
        )

    def render(self, markdown_text: str) -> str:
        """Markdown to HTML exactly as the build renders it (brief_registry.rendering)."""
        return self._markdown.published(markdown_text)

    @cached_property
    def _markdown(self) -> BriefMarkdown:
        """One renderer for every call: setting Python-Markdown up costs more than converting a heading. The
        body's settings, as the build's reader has them, so the build finds the bodies the checks rendered."""
        return brief_markdown(self.markdown, fast=self.fast_markdown)


def load_settings(path: Path | None = None) -> EditorSettings:
    """The settings of `path` (default ``pelicanconf.py`` in the current folder, Pelican's defaults if absent)."""
    path = Path(path or DEFAULT_SETTINGS)
    if not path.is_file():
        return EditorSettings()
    return settings_from(read_settings(str(path)))


def settings_from(settings: dict[str, Any]) -> EditorSettings:
    """The editor settings of Pelican settings already read (the build's own, in a plugin): `read_settings` has
    given every one of Pelican's settings its default."""
    return EditorSettings(
        markdown=settings["MARKDOWN"],
        slug_substitutions=tuple(tuple(pair) for pair in settings["SLUG_REGEX_SUBSTITUTIONS"]),
        slug_preserve_case=bool(settings["SLUGIFY_PRESERVE_CASE"]),
        slug_use_unicode=bool(settings["SLUGIFY_USE_UNICODE"]),
        slugify_source=settings["SLUGIFY_SOURCE"],
        card=card_settings(settings),
        article_url=settings["ARTICLE_URL"],
        article_lang_url=settings["ARTICLE_LANG_URL"],
        default_lang=settings["DEFAULT_LANG"],
        languages=translation_languages(settings),
        card_by_lang=tuple((lang, card_settings(settings, lang)) for lang in translation_languages(settings)),
        cache_path=Path(settings["CACHE_PATH"]) if settings.get("CACHE_CONTENT") else None,
        fast_markdown=fast_markdown_enabled(settings),
        series=series_name(settings),
        theme=Path(settings["THEME"]),
        ignore_files=tuple(settings["IGNORE_FILES"]),
        share_image_fonts=fonts_for(settings),
        page_url_pattern=settings["PAGE_URL"],
        site_pages=site_pages(settings),
        newsletter_archive=newsletter_setting(settings, "NEWSLETTER_ARCHIVE_URL") or "",
    )


def site_pages(settings: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The addresses (no leading '/') of the pages the site writes itself, each with what it is."""
    found = []
    if settings.get("SEARCH_SAVE_AS"):
        found.append((settings.get("SEARCH_URL") or settings["SEARCH_SAVE_AS"], "the search page"))
    for kind, title in INDEX_TITLES.items():
        url = index_address(term_url(settings, kind, "{slug}"))
        if url:
            found.append((url, f"the list of {title.lower()}"))
    # Each language's list of translated briefs (written once the language has one: a French page at /fr/ stopped
    # the build the day a French translation came), and the browser editor's /admin/ (written by make cms, and by
    # make publish for a GitHub backend).
    for lang in translation_languages(settings):
        listing = listing_address(translations_setting(settings, "BRIEF_TRANSLATIONS_LISTING_URL"), lang).url
        found.append((listing, f"the list of briefs translated into {language_name(lang, 'en')}"))
    found.append((ADMIN_DIR + "/", "the browser editor"))
    return tuple(found)
