"""Level 1: the theme's catalogs, language names, dates, and which briefs count as translations."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel.messages.pofile import read_po
from jinja2.ext import babel_extract

from reality_check.plugins.brief_registry import Numbered, check_series_numbers
from reality_check.plugins.brief_translations import Interface, language_name, load_catalogs, long_date
from reality_check.plugins.brief_translations.handlers import check_interface_extension
from reality_check.plugins.brief_translations.interface import (
    CatalogCode,
    CatalogError,
    open_graph_locale,
    readable_catalogs,
    unknown_languages,
)
from reality_check.plugins.plugin_support.plugin_settings import SettingError

CATALOGS = Path(__file__).resolve().parents[3] / "theme" / "translations"
TEMPLATES = CATALOGS.parent / "templates"
LANGUAGES = ("ru", "uk", "fr", "de")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_interface_string_is_translated(lang):
    with (CATALOGS / lang / "LC_MESSAGES" / "messages.po").open("rb") as source:
        catalog = read_po(source, locale=lang)
    messages = [m for m in catalog if m.id]
    assert len(messages) > 20
    for message in messages:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{lang}: {message.id!r} has no translation"
        if "%(" in str(message.id):  # the same placeholders, or formatting fails at build time
            assert all(s.count("%(") == str(message.id).count("%(") for s in strings), message.id


# What the templates translate that is not written in them: a setting's default value (pelicanconf.py), handed to
# `site_text()` (plugins/brief_translations: `_()` would fill %-placeholders in it).
SETTINGS_TRANSLATED = {"SITE_TAGLINE": "Succinct memos on US foreign policy for busy professionals"}


def template_messages() -> set[str]:
    """Every string the theme's templates hand to `_()`, `gettext` or `ngettext` (its singular), and the default
    value of each setting they translate (`site_text(SITE_TAGLINE)`: a site that sets another shows it as
    written)."""
    found = set()
    for template in sorted(TEMPLATES.rglob("*.html")):
        with template.open("rb") as source:
            for line, _, message, _ in babel_extract(source, ("_", "gettext", "ngettext"), [], {}):
                assert message is not None, (
                    f"{template.name}:{line}: `_()` of a variable; a setting goes to site_text()"
                )
                found.add(message if isinstance(message, str) else message[0])
    return found | set(SETTINGS_TRANSLATED.values())


def test_the_translated_settings_are_the_sites_defaults():
    """SETTINGS_TRANSLATED holds what pelicanconf.py sets, and names every setting a template hands to
    `site_text()`."""
    from pelican.settings import read_settings

    settings = read_settings(str(CATALOGS.parents[1] / "pelicanconf.py"))
    assert {name: settings[name] for name in SETTINGS_TRANSLATED} == SETTINGS_TRANSLATED
    handed = set()
    for template in TEMPLATES.rglob("*.html"):
        handed |= set(re.findall(r"\bsite_text\(([A-Z_]+)\)", template.read_text(encoding="utf-8")))
    assert handed == set(SETTINGS_TRANSLATED)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_the_templates_translate_is_in_the_catalog(lang):
    """A string wrapped in a template but missing from a catalog shows in English on that language's pages."""
    with (CATALOGS / lang / "LC_MESSAGES" / "messages.po").open("rb") as source:
        catalog = read_po(source, locale=lang)
    listed = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    wrapped = template_messages()
    assert {"Key points", "Previous brief", "Next brief"} <= wrapped
    assert sorted(wrapped - listed) == []


def test_the_interface_follows_the_language_and_falls_back_to_english():
    interface = Interface("en", load_catalogs(CATALOGS, LANGUAGES))
    assert interface.gettext("ru", "Key points") == "Ключевые положения"
    assert interface.gettext("de", "Recommendations") == "Empfehlungen"
    assert interface.gettext("en", "Key points") == "Key points"
    assert interface.gettext("it", "Key points") == "Key points"  # no catalog: the theme's own words
    assert [interface.ngettext("ru", "By", "By", n) for n in (1, 2, 5)] == ["Автор:", "Авторы:", "Авторы:"]


def test_a_broken_catalog_names_its_file(tmp_path):
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_bytes(b'msgid "a"\nmsgstr "b"\nnot a keyword\n')
    with pytest.raises(
        CatalogError, match=r"ru/LC_MESSAGES/messages\.po:3: not a readable message catalog"
    ) as raised:
        load_catalogs(tmp_path, ["ru"])
    assert [p.code for p in raised.value.problems] == [CatalogCode.UNREADABLE]


@pytest.mark.parametrize(
    ("translation", "wrong"),
    [
        ("%(minutes)s мин", ""),
        ("", ""),  # not translated yet: the site shows the original
        ("мин чтения", "leaves out %(minutes)s"),
        ("%(minuty)s мин", "names %(minuty)s, which the site does not give"),
    ],
)
def test_a_translation_must_keep_the_originals_placeholders(tmp_path, translation, wrong):
    """A renamed placeholder stopped the build with a KeyError naming no file; a dropped one lost the number."""
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = f'msgid ""\nmsgstr ""\n\n# SYNTHETIC\nmsgid "%(minutes)s min read"\nmsgstr "{translation}"\n'
    (folder / "messages.po").write_text(po, encoding="utf-8")
    if not wrong:
        assert "ru" in load_catalogs(tmp_path, ["ru"])
        return
    with pytest.raises(CatalogError) as raised:
        load_catalogs(tmp_path, ["ru"])
    (problem,) = raised.value.problems
    assert (problem.line, problem.code) == (5, CatalogCode.PLACEHOLDERS_CHANGED)
    assert problem.message == (
        f"the translation of '%(minutes)s min read' {wrong}: keep each %(name)s of the original as it is, "
        "translating only the words around it"
    )


@pytest.mark.parametrize(
    "entry",
    [
        '#, fuzzy\nmsgid "%(minutes)s min read"\nmsgstr "%(mins)s мин"\n',  # gettext leaves fuzzy ones out
        'msgid "%(count)s brief"\nmsgid_plural "%(count)s briefs"\nmsgstr[0] "%(num)s записка"\n'
        'msgstr[1] "%(num)s записки"\nmsgstr[2] "%(num)s записок"\n',  # Jinja's ngettext gives num
        'msgid "%(minutes)d min read"\nmsgstr "%(minutes)2d мин"\n',  # a width
        'msgid "100%% of %(minutes)s"\nmsgstr "100%% из %(minutes)s"\n',
        'msgid "%%(minutes)s as text"\nmsgstr "%%(minutes)s текстом"\n',  # escaped: not a placeholder
    ],
    ids=["fuzzy", "plural-num", "width", "percent-sign", "escaped"],
)
def test_translations_that_work_are_accepted(tmp_path, entry):
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(f'msgid ""\nmsgstr ""\n\n{entry}', encoding="utf-8")

    assert "ru" in load_catalogs(tmp_path, ["ru"])


@pytest.mark.parametrize(("folder", "lang"), [("pt_BR", "pt-BR"), ("pt_BR", "pt-br"), ("pt-BR", "pt-br")])
def test_a_catalog_of_a_language_with_a_region_is_found_and_read(tmp_path, folder, lang):
    """Babel names the folder pt_BR, a site may write pt-BR (Pelican lower-cases it): both are found, and Babel
    is given a code it reads (it refused 'pt-br' as not a readable catalog)."""
    messages = tmp_path / folder / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n\nmsgid "Key points"\nmsgstr "Pontos-chave"\n'
    )

    interface = Interface("en", load_catalogs(tmp_path, [lang]))

    assert interface.gettext(lang, "Key points") == "Pontos-chave"


def test_a_catalog_is_compiled_once_until_its_file_changes(tmp_path):
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = folder / "messages.po"
    catalog.write_bytes(b'msgid "Search"\nmsgstr "SYNTHETIC one"\n')
    first = load_catalogs(tmp_path, ["ru"])["ru"]
    assert load_catalogs(tmp_path, ["ru"])["ru"] is first  # the next generator's, or the next build's
    saved = catalog.stat().st_mtime_ns
    catalog.write_bytes(b'msgid "Search"\nmsgstr "SYNTHETIC two"\n')  # a translator saves it: the same size
    os.utime(catalog, ns=(saved + 1_000_000, saved + 1_000_000))
    assert load_catalogs(tmp_path, ["ru"])["ru"].gettext("Search") == "SYNTHETIC two"


@pytest.mark.parametrize(
    ("lang", "name", "date"),
    [
        ("ru", "Русский", "5 марта 2021\u202fг."),  # a narrow no-break space before the abbreviation
        ("uk", "Українська", "5 березня 2021\u202fр."),
        ("fr", "Français", "5 mars 2021"),
        ("de", "Deutsch", "5. März 2021"),
        ("en", "English", "March 5, 2021"),
        # Codes as sites write them (Pelican lower-cases DEFAULT_LANG): the hyphen and the case do not matter.
        ("en-us", "English (United States)", "March 5, 2021"),
        ("pt-BR", "Português (Brasil)", "5 de março de 2021"),
    ],
)
def test_languages_are_named_and_dated_in_themselves(lang, name, date):
    assert language_name(lang) == name
    assert long_date(datetime.date(2021, 3, 5), lang) == date


def test_only_codes_that_name_no_language_are_unknown():
    assert unknown_languages(["en", "en-US", "en_us", "pt-BR", "zh-Hant", "xx", "russian"]) == [
        "xx",
        "russian",
    ]


def test_translations_share_their_originals_number():
    def brief(path, number, lang=None):
        return Numbered(path, 3, number, lang, 4 if lang else 0)

    problems = check_series_numbers(
        [
            brief("a.md", 4),
            brief("a-ru.md", 4, "ru"),
            brief("a-fr.md", 4, "fr"),
            brief("b-ru.md", 4, "ru"),
            brief("c-de.md", 9, "de"),
            brief("d-it.md", 4, "it"),
            brief("e-en.md", 4, "en"),  # an explicit `lang: en` is an original: the number is taken
        ],
        default_lang="en",
        languages=LANGUAGES,
    )
    assert [str(p) for p in problems] == [
        "a-ru.md:4: brief 4 has two translations in 'ru': this one and b-ru.md:4",
        "a.md:3: series number 4 is also used by e-en.md:3 (the next free number is 10)",
        "b-ru.md:4: brief 4 has two translations in 'ru': this one and a-ru.md:4",
        "c-de.md:3: a translation (lang: de) must have the series number of its original, "
        "but no brief in en has number 9",
        "d-it.md:4: lang must be one of de, en, fr, ru, uk (got 'it')",
        "e-en.md:3: series number 4 is also used by a.md:3 (the next free number is 10)",
    ]


def test_each_catalog_is_read_on_its_own_and_a_broken_one_is_left_out(tmp_path):
    for lang, translation in (("fr", "Points clés"), ("ru", "%(minuty)s мин")):
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        po = f'msgid ""\nmsgstr ""\n\nmsgid "Key points"\nmsgstr "{translation}"\n'
        (folder / "messages.po").write_text(po.replace("Key points", "%(minutes)s min read", lang == "ru"))

    catalogs, problems = readable_catalogs(tmp_path, ["fr", "ru", "de"])

    assert sorted(catalogs) == ["fr"]
    assert catalogs["fr"].gettext("Key points") == "Points clés"
    assert [(p.path, p.line, p.code) for p in problems] == [
        (str(tmp_path / "ru" / "LC_MESSAGES" / "messages.po"), 4, CatalogCode.PLACEHOLDERS_CHANGED)
    ]


def test_every_search_page_is_kept_out_of_the_sitemap_a_region_code_too():
    import re
    from types import SimpleNamespace

    from reality_check.plugins.brief_translations.handlers import keep_search_pages_out_of_the_sitemap
    from reality_check.plugins.pagefind_search.handlers import keep_the_search_page_out_of_the_sitemap

    given = {"format": "xml", "exclude": [r"^404\.html$"]}
    pelican = SimpleNamespace(
        settings={"SITEMAP": given, "SEARCH_URL": "search/", "BRIEF_TRANSLATIONS_SEARCH_URL": "{lang}/search/",
                  "BRIEF_TRANSLATION_LANGUAGES": ["ru", "pt-BR"]}
    )  # fmt: skip

    for _ in range(2):  # a second build of the same settings adds nothing
        keep_the_search_page_out_of_the_sitemap(pelican)  # the site's own search page: pagefind_search's
        keep_search_pages_out_of_the_sitemap(pelican)

    excluded = pelican.settings["SITEMAP"]["exclude"]
    assert given == {
        "format": "xml",
        "exclude": [r"^404\.html$"],
    }  # the settings file's own value is left alone
    assert len(excluded) == len(set(excluded)) == 4
    for url, listed in [("search/", False), ("ru/search/", False), ("pt-br/search/", False),
                        ("pt-BR/search/", False), ("authors/search/", True), ("ru/", True),
                        ("404.html", False), ("briefs/x/", True)]:  # fmt: skip
        assert (not any(re.search(pattern, url) for pattern in excluded)) is listed, url


def test_a_jinja_environment_without_the_i18n_extension_is_refused_naming_the_setting():
    site = SimpleNamespace(settings={"JINJA_ENVIRONMENT": {"autoescape": True, "extensions": []}})
    with pytest.raises(SettingError, match=r"JINJA_ENVIRONMENT's extensions must include 'jinja2.ext.i18n'"):
        check_interface_extension(site)
    site.settings["JINJA_ENVIRONMENT"]["extensions"] = ["jinja2.ext.i18n"]
    check_interface_extension(site)  # the project's own settings


@pytest.mark.parametrize(
    ("lang", "locale"),
    [
        ("en", "en_US"),
        ("ru", "ru_RU"),
        ("uk", "uk_UA"),
        ("fr", "fr_FR"),
        ("pt-BR", "pt_BR"),
        ("en_gb", "en_GB"),
        ("zh-Hant", "zh_TW"),
        ("zh-Hans", "zh_CN"),
        ("EN", "en_US"),
    ],
)
def test_og_locale_is_a_language_and_a_territory(lang, locale):
    """Open Graph reads og:locale as language_TERRITORY ("en" was written as it was: "en", "ru")."""
    assert open_graph_locale(lang) == locale
