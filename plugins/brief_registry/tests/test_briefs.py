"""Level 1: which of Pelican's six lists of articles the plugins work on, and what the series is called."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.generators import Generator
from pelican.settings import read_settings

from reality_check.plugins.brief_registry.briefs import (
    IGNORED_NAMES,
    MARKDOWN_EXTENSIONS,
    PAGES_DIR,
    briefs_with_pages,
    every_brief,
    file_stem,
    markdown_files,
    newest_first,
    numbered,
    series_name,
)
from reality_check.plugins.brief_registry.handlers import name_the_series
from reality_check.plugins.brief_registry.rules import is_published_original, names_of

ROOT = Path(__file__).resolve().parents[3]

LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)


def generator():
    return SimpleNamespace(**{name: [f"{name}-1", f"{name}-2"] for name in LISTS})


def test_briefs_with_pages_are_published_and_hidden_ones_with_their_translations():
    assert briefs_with_pages(generator()) == [
        "articles-1",
        "articles-2",
        "translations-1",
        "translations-2",
        "hidden_articles-1",
        "hidden_articles-2",
        "hidden_translations-1",
        "hidden_translations-2",
    ]


def test_every_brief_adds_the_drafts_and_their_translations():
    briefs = every_brief(generator())
    assert briefs[:8] == briefs_with_pages(generator())
    assert briefs[8:] == ["drafts-1", "drafts-2", "drafts_translations-1", "drafts_translations-2"]
    assert sorted(briefs) == sorted(f"{name}-{n}" for name in LISTS for n in (1, 2))


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"SERIES_NAME": "Reality Check", "SITENAME": "A synthetic site"}, "Reality Check"),
        ({"SERIES_NAME": "", "SITENAME": "A synthetic site"}, "A synthetic site"),  # cards.json said "" here
        ({"SITENAME": "A synthetic site"}, "A synthetic site"),
        ({}, ""),
    ],
)
def test_the_series_is_called_by_its_name_else_the_sites(settings, expected):
    assert series_name(settings) == expected


@pytest.mark.parametrize(
    ("series", "number", "stem"),
    [
        ("Reality Check", 4, "reality-check-4"),  # the site's own: its files keep their names
        ("Réalité Check", 4, "realite-check-4"),  # was r-alit-check-4
        ("Проверка фактов", 4, "brief-4"),  # was -4
        ("", 12, "brief-12"),
        ("Reality Check", "{{fields.series_number}}", "reality-check-{{fields.series_number}}"),  # Decap's
    ],
)
def test_a_briefs_files_are_named_by_the_series_as_a_slug_and_the_number(series, number, stem):
    """One name for a brief's downloads (.bib, .ris, .pdf) and the file the browser editor names a new brief."""
    assert file_stem(series, number) == stem


def test_the_series_is_ordered_newest_first_and_a_number_that_is_not_one_goes_last():
    def brief(name, *number):
        return SimpleNamespace(source_path=name, **({"series_number": number[0]} if number else {}))

    briefs = [brief("a.md", 3), brief("b.md", "four"), brief("c.md"), brief("d.md", 7), brief("e.md", True)]
    assert [b.source_path for b in sorted(briefs, key=newest_first)] == [
        "d.md",
        "a.md",
        "b.md",
        "c.md",
        "e.md",
    ]


@pytest.mark.parametrize(
    ("given", "expected"), [("", "A synthetic site"), ("Synthetic Check", "Synthetic Check")]
)
def test_the_templates_call_the_series_what_the_plugins_call_it(given, expected):
    pelican = SimpleNamespace(settings={"SITENAME": "A synthetic site", "SERIES_NAME": given})
    name_the_series(pelican)  # at `initialized`
    assert pelican.settings["SERIES_NAME"] == series_name(pelican.settings) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ()),
        ("Europe", ("Europe",)),
        (["Europe", "Russia"], ("Europe", "Russia")),
        (
            (SimpleNamespace(name="Emma Ashford"), SimpleNamespace(name="Mathew Burrows")),
            ("Emma Ashford", "Mathew Burrows"),
        ),
    ],
)
def test_the_names_an_articles_metadata_holds(value, expected):
    assert names_of(value) == expected


def test_each_briefs_address_is_settled_once_as_pelican_would_format_it():
    """settle_addresses keeps what Pelican's ``url`` gives each kind of brief (a translation's and a draft's have
    settings of their own), and the kept address is what every later read gets."""
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    from reality_check.plugins.brief_registry.handlers import settle_addresses

    settings = {
        **DEFAULT_CONFIG,
        "ARTICLE_URL": "briefs/{slug}/",
        "ARTICLE_LANG_URL": "{lang}/briefs/{slug}/",
        "DRAFT_URL": "drafts/{slug}.html",
    }

    def brief(slug: str, **metadata: str) -> Article:
        return Article("<p>Text.</p>", {"title": slug, "slug": slug, **metadata}, settings=settings)

    lists = {name: [] for name in LISTS}
    lists["articles"] = [brief("one")]
    lists["translations"] = [brief("un", lang="fr")]
    lists["drafts"] = [brief("draft", status="draft")]
    found = SimpleNamespace(**lists)

    settle_addresses(found)

    settled = [(b.url, b.override_url) for b in every_brief(found)]
    assert settled == [
        ("briefs/one/", "briefs/one/"),
        ("fr/briefs/un/", "fr/briefs/un/"),
        ("drafts/draft.html", "drafts/draft.html"),
    ]
    # Later reads get the settled address, not a new formatting of the metadata (nothing changes a brief's slug
    # once the briefs are read).
    lists["articles"][0].slug = "renamed"
    assert lists["articles"][0].url == "briefs/one/"


def test_the_brief_files_are_those_the_build_reads_in_name_order(tmp_path):
    briefs = tmp_path / "briefs"
    (briefs / "2021").mkdir(parents=True)
    (briefs / ".trash").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "d.md").write_text("synthetic", encoding="utf-8")
    (briefs / "2020").symlink_to(elsewhere)  # a folder reached through a link: Pelican walks it
    names = ("b.md", "a.md", "e.markdown", "2021/c.md", ".#a.md", "._b.md", "a.md~", ".a.md.swp", "notes.txt")
    for name in (*names, "~$draft.md", ".trash/old.md"):
        (briefs / name).write_text("synthetic", encoding="utf-8")

    assert markdown_files(tmp_path) == [
        briefs / "2020" / "d.md",
        briefs / "2021" / "c.md",
        briefs / "a.md",
        briefs / "b.md",
        briefs / "e.markdown",
    ]
    assert markdown_files(tmp_path, PAGES_DIR) == []
    # Pelican's own search, with the site's IGNORE_FILES, finds the very same files.
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path)})
    pelicans = Generator(
        context={}, settings=settings, path=str(tmp_path), theme=settings["THEME"], output_path=""
    )
    found = pelicans.get_files(["briefs"], extensions=MARKDOWN_EXTENSIONS)
    assert sorted(tmp_path / name for name in found) == markdown_files(tmp_path)
    assert settings["IGNORE_FILES"] == list(IGNORED_NAMES)


def test_a_site_that_ignores_more_files_is_followed(tmp_path):
    """IGNORE_FILES with a pattern of the site's own: the files make check reads are still the build's."""
    briefs = tmp_path / "briefs"
    (briefs / "old").mkdir(parents=True)
    for name in ("a.md", "draft-b.md", "old/c.md", "d.md"):
        (briefs / name).write_text("synthetic", encoding="utf-8")
    ignored = [*IGNORED_NAMES, "draft-*", "old"]
    settings = read_settings(
        str(ROOT / "pelicanconf.py"), override={"PATH": str(tmp_path), "IGNORE_FILES": ignored}
    )
    pelicans = Generator(
        context={}, settings=settings, path=str(tmp_path), theme=settings["THEME"], output_path=""
    )
    found = pelicans.get_files(["briefs"], extensions=MARKDOWN_EXTENSIONS)

    assert markdown_files(tmp_path, ignored=ignored) == [briefs / "a.md", briefs / "d.md"]
    assert sorted(tmp_path / name for name in found) == markdown_files(tmp_path, ignored=ignored)


def test_the_extensions_are_the_readers():
    from reality_check.plugins.brief_registry.reader import BriefReader

    assert set(MARKDOWN_EXTENSIONS) == set(BriefReader.file_extensions)


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ({}, True),
        ({"status": "published", "lang": "en"}, True),
        ({"status": " Published "}, True),
        ({"status": "draft"}, False),
        ({"status": "hidden"}, False),
        ({"status": "skip"}, False),
        ({"lang": "ru"}, False),  # a translation stands beside its original
        ({"lang": ""}, True),
    ],
)
def test_a_published_original_is_neither_unpublished_nor_a_translation(front, expected):
    assert is_published_original(front, "en") is expected


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        (None, "Reality Check #5: Réponse"),
        ("en", "Reality Check #5: Réponse"),
        ("ru", "Reality Check #5: Réponse"),
        ("fr", "Reality Check #5\u00a0: Réponse"),  # French sets a colon off, with a space that never breaks
        ("fr-CA", "Reality Check #5\u00a0: Réponse"),
        ("fr_ca", "Reality Check #5\u00a0: Réponse"),
    ],
)
def test_a_brief_is_named_with_the_colon_its_titles_language_writes(lang, name):
    assert numbered("Reality Check", 5, "Réponse", lang) == name
    assert numbered("Reality Check", 5, None, lang) == "Reality Check #5"
