"""Level 3: a series with translated briefs (synthetic #3 in Ukrainian, #5 in French and Russian), published."""

from __future__ import annotations

import json
import logging
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, SITEURL, TRANSLATION_FIXTURES, Site, build_site, copy_translated_content, text_of

from reality_check.editor.check import CheckCode, check_content, review_content
from reality_check.editor.settings import load_settings

ORIGINAL_5 = "briefs/synthetic-reply-about-invented-quorum-rules/"
RU_5 = "ru/briefs/sinteticheskii-otvet-o-vymyshlennykh-pravilakh-kvoruma/"
FR_5 = "fr/briefs/reponse-synthetique-sur-des-regles-de-quorum-inventees/"
UK_3 = "uk/briefs/sintetichna-zapiska-pro-logistiku-dirizhabliv-u-vigadanii-baltitsi/"
ORIGINAL_3 = "briefs/synthetic-brief-on-zeppelin-logistics-in-a-made-up-baltic/"
PAGES = {"en": ORIGINAL_5, "ru": RU_5, "fr": FR_5, "uk": UK_3}
CARD_HEADINGS = {
    "en": ["Key points", "Recommendations"],
    "ru": ["Ключевые положения", "Рекомендации"],
    "fr": ["Points clés", "Recommandations"],
    "uk": ["Ключові положення", "Рекомендації"],
}
DATES = {"ru": "26 марта 2021 г.", "fr": "22 mars 2021", "uk": "26 лютого 2021 р.", "en": "March 19, 2021"}


@pytest.mark.parametrize("lang", list(PAGES))
def test_each_version_is_a_page_in_its_language_with_its_own_card(translated_site, lang):
    page = translated_site.page(PAGES[lang])
    assert page.html["lang"] == lang
    card = page.select_one("section.summary-card")
    assert [text_of(h) for h in card.select(".summary-card__heading")] == CARD_HEADINGS[lang]
    assert card.select("ul.key-points > li")
    assert card.select("ol.recommendations > li > strong")
    assert text_of(page.select_one(".brief-label time")) == DATES.get(lang, text_of(page.select_one("time")))
    # The card is not repeated in the body: its key points section was taken out.
    body = text_of(page.select_one(".brief-body"))
    assert CARD_HEADINGS[lang][0] not in body


def test_a_table_scrolls_in_a_region_named_in_its_pages_language(translated_site):
    """Each brief page's table is in a region screen readers name in the page's language (the theme's catalog)."""
    for url, label in ((ORIGINAL_5, "Table"), (RU_5, "Таблица")):
        regions = translated_site.page(url).select(".brief-body div.table-scroll")
        assert [(r["role"], r["tabindex"], r["aria-label"]) for r in regions] == [("region", "0", label)], url
        assert [child.name for child in regions[0].find_all(recursive=False)] == ["table"]


@pytest.mark.parametrize("lang", list(PAGES))
def test_each_version_is_named_with_the_colon_its_language_writes(translated_site, lang):
    """French sets the colon after "Reality Check #5" off with a no-break space; the other languages do not. The
    heading, the window's title, the link preview and the structured data name the brief alike."""
    page = translated_site.page(PAGES[lang])
    number = 3 if lang == "uk" else 5
    colon = "\u00a0:" if lang == "fr" else ":"
    title = page.select_one("h1.brief-title").get_text()
    assert title.startswith(f"Reality Check #{number}{colon} "), title
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    report = next(item for item in (data if isinstance(data, list) else [data]) if item["@type"] == "Report")
    named = f"Reality Check #{number}{colon} {report['headline']}"
    assert report["name"] == named
    assert page.select_one('meta[property="og:title"]')["content"] == named
    assert page.title.string.startswith(f"{named} | ")


@pytest.mark.parametrize("lang", list(PAGES))
def test_link_previews_name_the_pages_own_language(translated_site, lang):
    page = translated_site.page(PAGES[lang])
    og_locale = page.select_one('meta[property="og:locale"]')["content"]
    assert (
        og_locale == {"en": "en_US", "ru": "ru_RU", "fr": "fr_FR", "uk": "uk_UA"}[lang]
    )  # was "en" everywhere
    assert page.html["lang"] == lang


def test_interface_strings_follow_the_page_language(translated_site):
    ru = translated_site.page(RU_5)
    assert text_of(ru.select_one(".skip-link")) == "Перейти к основному содержанию"
    assert next(text_of(a) for a in ru.select(".site-nav a")) == "Записки"
    assert text_of(ru.select_one(".byline")).startswith("Автор: ")
    assert "мин чтения" in text_of(ru.select_one(".reading-time"))
    assert [text_of(label) for label in ru.select(".series-nav__label")] == [
        "Предыдущая записка",
        "Следующая записка",
    ]
    uk = translated_site.page(UK_3)
    assert text_of(uk.select_one(".byline")) == "Автори: Ada Lorem і Ben Ipsum"
    en = translated_site.page(ORIGINAL_5)
    assert text_of(en.select_one(".skip-link")) == "Skip to main content"
    assert text_of(en.select_one(".byline")) == "By Ada Lorem"
    assert [text_of(label) for label in en.select(".series-nav__label")] == ["Previous brief", "Next brief"]


def test_the_footer_and_the_sites_description_follow_the_page_language(translated_site):
    """The site's tagline (the default SITE_TAGLINE) and the publisher line are in each catalog."""
    footer = {
        lang: text_of(translated_site.page(url).select_one(".site-footer p")) for lang, url in PAGES.items()
    }
    assert footer == {
        "en": "Reality Check: succinct memos on US foreign policy for busy professionals. "
        "Published by the New American Engagement Initiative.",
        "ru": "Reality Check: краткие записки о внешней политике США для занятых профессионалов. "
        "Издатель: New American Engagement Initiative.",
        "fr": "Reality Check : notes succinctes sur la politique étrangère des États-Unis pour professionnels "
        "pressés. Éditeur : New American Engagement Initiative.",
        "uk": "Reality Check: стислі записки про зовнішню політику США для зайнятих фахівців. "
        "Видавець: New American Engagement Initiative.",
    }
    description = {
        lang: translated_site.page(url).select_one('meta[name="description"]')["content"]
        for lang, url in (("en", ""), ("ru", "ru/"))  # the home page and the Russian briefs' listing
    }
    assert description == {
        "en": "Succinct memos on US foreign policy for busy professionals",
        "ru": "Краткие записки о внешней политике США для занятых профессионалов",
    }


@pytest.mark.parametrize("lang", list(PAGES))
def test_hreflang_alternates_link_every_version_both_ways(translated_site, lang):
    page = translated_site.page(PAGES[lang])
    links = {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}
    expected = {"en": ORIGINAL_3, "uk": UK_3} if lang == "uk" else {"en": ORIGINAL_5, "fr": FR_5, "ru": RU_5}
    assert links == {
        **{k: f"{SITEURL}/{v}" for k, v in expected.items()},
        "x-default": f"{SITEURL}/{expected['en']}",
    }
    for hreflang, href in links.items():
        target = translated_site.page(href.removeprefix(SITEURL + "/"))
        assert target.html["lang"] == (hreflang if hreflang != "x-default" else "en")


def test_the_briefs_link_leads_home_in_the_pages_language(translated_site):
    """The site menu's "Briefs" led every page to the English archive, and nothing linked a language's listing: a
    page in a translation's language leads to its listing, marked current there; an English page to the archive."""

    def briefs_link(url: str):
        return translated_site.page(url).select_one(".site-nav li:first-child a")

    homes = {lang: briefs_link(url)["href"] for lang, url in PAGES.items()}
    assert homes == {
        "en": f"{SITEURL}/",
        "ru": f"{SITEURL}/ru/",
        "fr": f"{SITEURL}/fr/",
        "uk": f"{SITEURL}/uk/",
    }
    assert briefs_link("ru/search/")["href"] == f"{SITEURL}/ru/"
    assert briefs_link("ru/").get("aria-current") == "page"
    assert briefs_link("").get("aria-current") == "page"
    assert briefs_link(RU_5).get("aria-current") is None
    assert translated_site.page("ru/").select(
        "main .brief-teaser"
    )  # the listing it leads to lists its briefs


def test_a_title_in_another_language_than_the_page_is_marked_with_its_own(translated_site):
    """A Russian page's previous and next briefs are English ones: their titles were read out as Russian."""
    ru_links = translated_site.page(RU_5).select(".series-nav a[rel]")
    assert ru_links
    for link in ru_links:
        (title,) = link.select("span[lang]")
        assert title["lang"] == "en"
        assert text_of(title) in text_of(link)
    assert translated_site.page(ORIGINAL_5).select(".series-nav span[lang]") == []  # English beside English


def test_an_english_neighbours_label_on_a_french_page_takes_the_pages_colon(translated_site):
    """The French page's previous and next links read "Reality Check #4:" (the English colon) around an English
    title, while the page's own label reads "Reality Check #5 :": the label is in the page's language."""
    labels = [
        a.select_one(".brief-number").get_text()
        for a in translated_site.page(FR_5).select(".series-nav a[rel]")
    ]
    assert labels
    assert all(label.endswith("\u00a0:") for label in labels), labels
    english = [
        a.select_one(".brief-number").get_text()
        for a in translated_site.page(ORIGINAL_5).select(".series-nav a[rel]")
    ]
    assert all(label.endswith(":") and not label.endswith("\u00a0:") for label in english), english


@pytest.mark.parametrize("lang", ["fr", "ru"])
def test_topic_and_region_names_in_english_are_marked_english_on_a_translation(translated_site, lang):
    """The registries name topics and regions in English: a screen reader read "Europe" as French on /fr/."""
    tags = translated_site.page(PAGES[lang]).select("ul.brief-tags > li")
    assert tags
    assert {li.get("lang") for li in tags} == {"en"}
    assert {li.get("lang") for li in translated_site.page(ORIGINAL_5).select("ul.brief-tags > li")} == {None}


def test_a_languages_search_offers_only_the_filters_its_briefs_have(translated_site):
    """/ru/search/ offered Security & Defense, Economy & Business, Russia and China, which no Russian brief has
    (each found nothing); it offers what the Russian briefs are tagged with."""

    def offered(url: str) -> set[str]:
        return {
            box["value"] for box in translated_site.page(url).select(".search-filter input[type=checkbox]")
        }

    russian = translated_site.page(RU_5)
    tagged = {text_of(tag) for tag in russian.select(".brief-tags li")}
    assert offered("ru/search/") == tagged
    assert tagged < offered("search/")  # the whole site's search offers every topic and region


def test_a_visible_switcher_names_each_language_in_itself(translated_site):
    switcher = translated_site.page(RU_5).select_one("nav.language-switcher")
    assert switcher["aria-label"] == "Языки"
    # It lists the page's own language too, so its label does not say "other languages".
    assert text_of(switcher.select_one(".language-switcher__label")) == "Эта записка доступна на языках:"
    links = switcher.select("a")
    assert [(a["lang"], text_of(a)) for a in links] == [
        ("en", "English"),
        ("fr", "Français"),
        ("ru", "Русский"),
    ]
    assert [a.get("aria-current") for a in links] == [None, None, "page"]
    assert "(оригинал)" in text_of(links[0].parent)
    english = translated_site.page(ORIGINAL_5).select_one("nav.language-switcher")
    assert text_of(english.select_one(".language-switcher__label")) == "This brief is available in:"
    assert [a.get("aria-current") for a in english.select("a")] == ["page", None, None]
    french = translated_site.page(FR_5).select_one(".language-switcher__label").get_text()
    assert french == "Cette note est disponible en\u00a0:"  # a colon set off with a space that never breaks
    assert (
        translated_site.page("briefs/focus-on-interests-not-on-human-rights-with-russia/").select_one(
            "nav.language-switcher"
        )
        is None
    )  # no translation, no switcher


def test_the_series_counts_each_original_once(translated_site):
    home = translated_site.page("")
    numbers = [text_of(n) for n in home.select(".brief-teaser .brief-number")]
    assert numbers == ["Reality Check #6:", "Reality Check #5:", "Reality Check #4:", "Reality Check #3:"]
    original = translated_site.page(ORIGINAL_5)
    assert (
        original.select_one('a[rel="prev"]')["href"]
        == f"{SITEURL}/briefs/focus-on-interests-not-on-human-rights-with-russia/"
    )
    assert original.select_one('a[rel="next"]')["href"].startswith(
        f"{SITEURL}/briefs/synthetic-brief-on-the-fictional"
    )
    for page_url in (PAGES["en"], "briefs/focus-on-interests-not-on-human-rights-with-russia/"):
        related = translated_site.page(page_url).select(".related-briefs a")
        assert all("/briefs/" in a["href"] and not a["href"].startswith(f"{SITEURL}/ru/") for a in related)
        assert not [a for a in related if any(f"/{lang}/" in a["href"] for lang in ("ru", "fr", "uk"))]
    document = json.loads(translated_site.path("cards.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads((ROOT / "schemas" / "cards.schema.json").read_text()))
    assert [card["number"] for card in document["cards"]] == [6, 5, 4, 3]
    card_5 = next(card for card in document["cards"] if card["number"] == 5)
    assert card_5["lang"] == "en"
    assert [(t["lang"], t["url"]) for t in card_5["translations"]] == [
        ("fr", f"{SITEURL}/{FR_5}"),
        ("ru", f"{SITEURL}/{RU_5}"),
    ]
    assert card_5["translations"][1]["key_points"] == [
        "Вымышленный ответ на синтетическую записку о дирижаблях, написанный для проверки переводов."
    ]
    sitemap = [e.text for e in ET.parse(translated_site.path("sitemap.xml")).iter() if e.tag.endswith("loc")]
    assert f"{SITEURL}/{ORIGINAL_5}" in sitemap


def test_each_language_has_its_listing_and_feed(translated_site):
    listing = translated_site.page("ru/")
    assert listing.html["lang"] == "ru"
    assert text_of(listing.h1) == "Записки на русском языке"
    assert [a["href"] for a in listing.select(".brief-teaser__title a")] == [f"{SITEURL}/{RU_5}"]
    feed_link = listing.select_one('head link[type="application/atom+xml"][href$="feeds/ru.atom.xml"]')
    assert feed_link is not None
    for lang, pages in {"ru": [RU_5], "fr": [FR_5], "uk": [UK_3]}.items():
        parsed = feedparser.parse(translated_site.path(f"feeds/{lang}.atom.xml").read_bytes())
        assert not parsed.bozo
        assert [entry.link for entry in parsed.entries] == [f"{SITEURL}/{p}" for p in pages]
        for entry in parsed.entries:  # each entry opens with the card, headed in its language
            first = BeautifulSoup(entry.content[0].value, "html.parser").find(True)
            assert first.name == "section", entry.link
            assert "summary-card" in first["class"], entry.link
            assert [text_of(h) for h in first.select(".summary-card__heading")] == CARD_HEADINGS[lang]
    uk = feedparser.parse(translated_site.path("feeds/uk.atom.xml").read_bytes()).entries[0]
    assert [a.get("name") for a in uk.authors] == ["Ada Lorem", "Ben Ipsum"]
    everything = feedparser.parse(translated_site.path("feeds/all.atom.xml").read_bytes())
    assert len(everything.entries) == 4  # the site feed lists the originals


def test_every_page_names_each_feed_once(translated_site):
    """A feed reader offers each `<link rel="alternate">` it finds: one feed named twice is offered twice."""
    feeds_of = {}
    for path in sorted(translated_site.root.rglob("*.html")):
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        if head is not None:
            feeds_of[path.relative_to(translated_site.root).as_posix()] = [
                link["href"] for link in head.select('link[rel="alternate"][type="application/atom+xml"]')
            ]
    assert len(feeds_of) > 20
    assert {page: feeds for page, feeds in feeds_of.items() if len(set(feeds)) != len(feeds)} == {}
    for lang in ("ru", "fr", "uk"):
        assert feeds_of[f"{lang}/index.html"] == [
            f"{SITEURL}/feeds/all.atom.xml",
            f"{SITEURL}/feeds/{lang}.atom.xml",
        ]


def test_pagefind_indexes_each_language_apart(translated_site):
    entry = json.loads(translated_site.path("pagefind/pagefind-entry.json").read_text())
    counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
    assert counts == {"en": 4, "ru": 1, "fr": 1, "uk": 1}


def test_make_check_validates_translations(tmp_path):
    content = copy_translated_content(tmp_path / "content")
    assert check_content(content) == []
    for bad in sorted((TRANSLATION_FIXTURES / "bad").glob("*.md")):
        shutil.copy(bad, content / "briefs" / bad.name)
    messages = [p.message for p in check_content(content)]
    assert (
        "a translation (lang: ru) must have the series number of its original, but no brief in en has number 41"
        in messages
    )
    assert "lang must be one of de, en, fr, ru, uk (got 'it')" in messages
    assert "series number must be a positive integer (got 6.5)" in messages
    assert sum("brief 5 has two translations in 'ru'" in m for m in messages) == 2


@pytest.mark.parametrize("written", ["RU", "ru-RU", "it"])
def test_a_lang_the_site_does_not_offer_as_written_is_said_once(tmp_path, written):
    """'lang: RU' (or ru-RU, or a language the site does not offer) also said "no key points" and "no
    recommendations" for a translation whose Russian headings were there."""
    content = copy_translated_content(tmp_path / "content")
    brief = content / "briefs" / "synthetic-series-5-ru.md"
    brief.write_text(
        brief.read_text(encoding="utf-8").replace("lang: ru", f"lang: {written}"), encoding="utf-8"
    )
    (said,) = [p.message for p in check_content(content) if p.path.endswith(brief.name)]
    assert said.startswith("lang must be one of de, en, fr, ru, uk"), said


def test_a_translation_numbered_as_a_brief_by_other_authors_is_warned_about(tmp_path):
    """Given another brief's series_number, a translation attached itself to that brief without a word."""
    content = copy_translated_content(tmp_path / "content")
    assert review_content(content).warnings == ()  # translations by their originals' authors
    brief = content / "briefs" / "synthetic-series-5-ru.md"
    text = brief.read_text(encoding="utf-8")
    brief.write_text(text.replace("series_number: 5", "series_number: 4"), encoding="utf-8")
    (warning,) = review_content(content).warnings
    assert (warning.path, warning.line, warning.code) == (
        f"content/briefs/{brief.name}",
        3,
        CheckCode.TRANSLATION_AUTHORS_DIFFER,
    )
    assert warning.message == (
        "this translation (lang: ru) has series number 4, whose original, content/briefs/reality-check-4.md, is by "
        "Emma Ashford and Mathew Burrows, none of its own authors: check that 4 is the number of the brief it "
        "translates"
    )


def test_each_language_has_a_search_page_in_it(translated_site):
    search = translated_site.page("ru/search/")
    assert search.html["lang"] == "ru"
    assert text_of(search.h1) == "Поиск по запискам"
    assert search.select_one('meta[name="robots"]')["content"] == "noindex"
    assert search.select_one("form")["action"] == f"{SITEURL}/ru/search/"
    # Russian pages link the Russian search page; English pages the English one.
    assert translated_site.page(RU_5).select(".site-nav a")[-1]["href"] == f"{SITEURL}/ru/search/"
    assert translated_site.page(ORIGINAL_5).select(".site-nav a")[-1]["href"] == f"{SITEURL}/search/"


def test_robots_txt_keeps_crawlers_off_every_languages_search_page(translated_site):
    disallowed = {
        line.removeprefix("Disallow: ")
        for line in (translated_site.root / "robots.txt").read_text().splitlines()
        if line.startswith("Disallow: ")
    }
    searches = {"/search/", *(f"/{lang}/search/" for lang in PAGES if lang != "en")}
    assert disallowed == {*searches, "/pagefind/"}
    assert all((translated_site.root / page.lstrip("/") / "index.html").is_file() for page in searches)


def test_a_tagline_with_a_percent_sign_is_shown_as_written(tmp_path):
    """The tagline is the site's own text, not a message with placeholders: a '%' in it is a character."""
    from conftest import Site, build_site, copy_content

    tagline = "Memos for 100% of busy readers"
    site = Site(build_site(copy_content(tmp_path / "content"), tmp_path / "output", SITE_TAGLINE=tagline))
    home = site.page("/")
    assert text_of(home.select_one(".site-footer p")) == (
        "Reality Check: memos for 100% of busy readers. Published by the New American Engagement Initiative."
    )
    assert home.select_one('meta[name="description"]')["content"] == tagline


def test_each_share_image_is_drawn_once_in_its_briefs_language(translated_site):
    """A translation's date was set after share_image had started drawing: each translation's image was drawn
    with the English date, then again with its own ("10 of 7 share images drawn"). The shared build started with
    an empty cache (conftest.build_site), so its cache holds every image it drew."""
    placed = sorted((translated_site.root / "images" / "share").rglob("*.png"))  # not #5's chart beside them
    drawn = sorted((translated_site.root.parent / "output-cache" / "share_image").glob("*.png"))
    assert len(placed) == 7  # four originals, three translations
    assert len(drawn) == len(placed), [p.name for p in drawn]


def test_a_broken_catalog_is_reported_at_its_line_and_its_pages_built_in_the_sites_language(tmp_path, caplog):
    """A translator's mistake in a theme catalog: the build and `make check` name the file and line in the same
    words (the build stopped with a traceback naming no line), and the Russian pages are built with the
    interface in English, every other language's as it was."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    catalog = theme / "translations" / "ru" / "LC_MESSAGES" / "messages.po"
    text = catalog.read_text(encoding="utf-8")
    assert 'msgstr "%(minutes)s мин чтения"' in text, "the Russian catalog changed: update the test"
    catalog.write_text(text.replace('msgstr "%(minutes)s мин', 'msgstr "%(minuty)s мин'), encoding="utf-8")
    line = text.splitlines().index('msgid "%(minutes)s min read"') + 1
    said = [
        f"theme/translations/ru/LC_MESSAGES/messages.po:{line}: the translation of '%(minutes)s min read' names "
        "%(minuty)s, which the site does not give: keep each %(name)s of the original as it is, translating only "
        "the words around it"
    ]
    content = copy_translated_content(tmp_path / "content")

    with caplog.at_level(logging.ERROR):
        site = Site(build_site(content, tmp_path / "output", THEME=str(theme)))

    assert [(r.levelno, r.getMessage()) for r in caplog.records if r.levelno >= logging.ERROR] == [
        (logging.ERROR, message) for message in said
    ]
    assert text_of(site.page(RU_5).select_one(".skip-link")) == "Skip to main content"
    assert text_of(site.page(UK_3).select_one(".byline")) == "Автори: Ada Lorem і Ben Ipsum"
    settings = replace(load_settings(ROOT / "pelicanconf.py"), theme=theme)
    assert [str(problem) for problem in check_content(content, settings)] == said


def test_the_sitemap_lists_no_search_page_of_any_language(translated_site):
    locations = [
        e.text for e in ET.parse(translated_site.path("sitemap.xml")).iter() if e.tag.endswith("loc")
    ]

    assert translated_site.path("ru/search/").is_file()
    assert translated_site.path("uk/search/").is_file()
    assert [loc for loc in locations if "/search/" in loc] == []
    assert len(locations) == len(set(locations))  # a card page would list its brief's address a second time
    assert f"{SITEURL}/ru/" in locations  # the language's listing is a page to find


def test_the_sitemap_leaves_language_versions_to_each_pages_head(translated_site):
    """pelican-sitemap's alternates carried their address in `ref`, not `href`, and left the page itself out: none
    is written, and the pages' heads name every version (test_hreflang_alternates_link_every_version_both_ways)."""
    sitemap = ET.parse(translated_site.path("sitemap.xml")).getroot()
    urls = sitemap.findall("{http://www.sitemaps.org/schemas/sitemap/0.9}url")
    locations = [url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") for url in urls]
    assert {f"{SITEURL}/{page}" for page in PAGES.values()} <= set(locations)
    assert [element.tag for url in urls for element in url if "xhtml" in element.tag] == []


def test_each_feed_is_its_own_with_its_page_and_language(translated_site):
    """Pelican gave every feed the site's address as its id and page: a reader telling feeds apart by id (RFC 4287
    asks each feed to have its own) took the site's, each topic's and each language's for one feed."""
    atom = "{http://www.w3.org/2005/Atom}"
    feeds = sorted(translated_site.root.glob("feeds/**/*.atom.xml"))
    seen = {}
    for path in feeds:
        root = ET.parse(path).getroot()
        address = f"{SITEURL}/{path.relative_to(translated_site.root).as_posix()}"
        page = next(
            link.get("href") for link in root.findall(f"{atom}link") if link.get("rel") == "alternate"
        )
        seen[address] = (
            root.findtext(f"{atom}id"),
            page,
            root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        )
        assert translated_site.path(page.removeprefix(SITEURL + "/")).is_file(), page
    topics = [address for address in seen if "/feeds/topics/" in address]
    assert len(topics) >= 2
    assert seen[f"{SITEURL}/feeds/all.atom.xml"] == (f"{SITEURL}/feeds/all.atom.xml", f"{SITEURL}/", "en")
    for lang in ("ru", "fr", "uk"):
        feed = f"{SITEURL}/feeds/{lang}.atom.xml"
        assert seen[feed] == (feed, f"{SITEURL}/{lang}/", lang)
    for feed in topics:
        slug = feed.rsplit("/", 1)[1].removesuffix(".atom.xml")
        assert seen[feed] == (feed, f"{SITEURL}/topics/{slug}/", "en")
    assert len({id_ for id_, _, _ in seen.values()}) == len(feeds)
