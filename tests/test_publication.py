"""Level 3: the publication around the briefs, checked on a built site of four briefs.

The site is the real content plus synthetic briefs #3, #5 and #6 (tests/fixtures/series/), built with
publishconf.py (absolute URLs and feeds) and two briefs per archive page. Every check parses the output:
HTML with BeautifulSoup, XML with xml.etree, JSON with json.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from conftest import BRIEF_4_URL, SITEURL, text_of

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BRIEF_3_URL = "briefs/synthetic-brief-on-zeppelin-logistics-in-a-made-up-baltic/"
BRIEF_5_URL = "briefs/synthetic-reply-about-invented-quorum-rules/"
BRIEF_6_URL = "briefs/synthetic-brief-on-the-fictional-teacup-tariff/"
FIRST_KEY_POINT_4 = (
    "The arrest of Russian opposition leader Alexei Navalny – and the Biden administration’s decision to impose "
    "sanctions – highlights the tension between Washington’s desire to promote human rights and US strategic "
    "interests."
)


def local(url: str) -> str:
    """An absolute URL of the built site as a path inside it."""
    assert url.startswith(SITEURL + "/"), url
    return url.removeprefix(SITEURL)


def numbers_on(page) -> list[str]:
    return [text_of(n) for n in page.select("main .brief-teaser .brief-number")]


# --- Series -------------------------------------------------------------------------------------------


def test_archive_lists_briefs_by_number_newest_first_paginated(series_site):
    first, second = series_site.page("/"), series_site.page("/page/2/")
    assert numbers_on(first) == ["Reality Check #6:", "Reality Check #5:"]
    assert numbers_on(second) == ["Reality Check #4:", "Reality Check #3:"]
    older = first.select_one("nav.pagination a[rel=next]")
    assert local(older["href"]) == "/page/2/"
    newer = second.select_one("nav.pagination a[rel=prev]")
    assert local(newer["href"]) == "/"
    assert text_of(second.select_one("nav.pagination [aria-current=page]")) == "Page 2 of 2"
    assert "page 2" in second.find("title").string


@pytest.mark.parametrize(
    ("url", "previous", "next_"),
    [
        (BRIEF_3_URL, None, BRIEF_4_URL),
        (BRIEF_4_URL, BRIEF_3_URL, BRIEF_5_URL),
        (BRIEF_6_URL, BRIEF_5_URL, None),
    ],
)
def test_brief_links_to_previous_next_and_archive(series_site, url, previous, next_):
    nav = series_site.page(url).find("nav", class_="series-nav")
    found_previous = nav.find("a", rel="prev")
    found_next = nav.find("a", rel="next")
    assert (local(found_previous["href"]) if found_previous else None) == (
        f"/{previous}" if previous else None
    )
    assert (local(found_next["href"]) if found_next else None) == (f"/{next_}" if next_ else None)
    assert local(nav.find("a", string=re.compile("All Reality Check briefs"))["href"]) == "/"


# --- People -------------------------------------------------------------------------------------------


def test_brief_page_links_each_author_to_their_page(series_site):
    byline = series_site.page(BRIEF_4_URL).find(class_="byline")
    assert text_of(byline) == "By Emma Ashford and Mathew Burrows"
    links = {text_of(a): local(a["href"]) for a in byline.find_all("a")}
    assert links == {"Emma Ashford": "/authors/emma-ashford/", "Mathew Burrows": "/authors/mathew-burrows/"}


def test_author_page_has_bio_role_and_their_briefs(series_site):
    page = series_site.page("/authors/emma-ashford/")
    assert text_of(page.find("h1")) == "Emma Ashford"
    assert (
        text_of(page.find(class_="author-role"))
        == "Senior Fellow, New American Engagement Initiative, Atlantic Council"
    )
    assert text_of(page.find(class_="author-bio")).startswith("Emma Ashford writes about US grand strategy")
    assert numbers_on(page) == ["Reality Check #4:"]
    # The invented author of #3 and #5 lists both, newest first, each with its compact card.
    ada = series_site.page("/authors/ada-lorem/")
    assert numbers_on(ada) == ["Reality Check #5:", "Reality Check #3:"]
    assert len(ada.select("main .brief-teaser section.summary-card.summary-card--compact")) == 2


# --- Topics and regions -------------------------------------------------------------------------------


def test_brief_page_links_topics_and_regions(series_site):
    tags = series_site.page(BRIEF_3_URL).find(class_="brief-tags")
    links = [(text_of(a), local(a["href"]), a["data-pagefind-filter"]) for a in tags.find_all("a")]
    assert links == [
        ("Security & Defense", "/topics/security-defense/", "topic"),
        ("Russia", "/regions/russia/", "region"),
        ("Europe", "/regions/europe/", "region"),
    ]


@pytest.mark.parametrize(
    ("url", "kind", "name", "numbers"),
    [
        (
            "/topics/politics-diplomacy/",
            "Topic",
            "Politics & Diplomacy",
            ["Reality Check #5:", "Reality Check #4:"],
        ),
        ("/regions/russia/", "Region", "Russia", ["Reality Check #4:", "Reality Check #3:"]),
        ("/regions/china/", "Region", "China", ["Reality Check #6:"]),
    ],
)
def test_topic_and_region_pages_list_their_briefs(series_site, url, kind, name, numbers):
    page = series_site.page(url)
    assert text_of(page.find(class_="listing-header__kind")) == kind
    assert text_of(page.find("h1")) == name
    assert numbers_on(page) == numbers


def test_unused_terms_get_no_page(series_site):
    assert not series_site.path("/topics/technology-innovation/").exists()
    assert not series_site.path("/regions/atlantis/").exists()


@pytest.mark.parametrize(
    ("folder", "title"), [("authors", "Authors"), ("topics", "Topics"), ("regions", "Regions")]
)
def test_each_kind_of_page_has_an_index_its_pages_lead_to(series_site, folder, title):
    """/topics/ answered 404 (the preview listed the folder's files): each kind's index lists every page of that
    kind by name with its number of briefs, and each page's kind ("Topic") links to it."""
    index = series_site.page(f"/{folder}/")
    assert text_of(index.find("h1")) == title
    entries = index.select("main ul.listing-index > li")
    names = [text_of(entry.find("a")) for entry in entries]
    assert names == sorted(names, key=str.casefold)
    built = {f"/{folder}/{page.parent.name}/" for page in series_site.root.glob(f"{folder}/*/index.html")}
    assert {local(entry.find("a")["href"]) for entry in entries} == built
    for entry in entries:
        page = series_site.page(local(entry.find("a")["href"]))
        count = len(page.select("main .brief-teaser"))
        assert (
            text_of(entry.find(class_="listing-index__count"))
            == f"({count} brief{'' if count == 1 else 's'})"
        )
        assert local(page.select_one(".listing-header__kind a")["href"]) == f"/{folder}/"


# --- Search -------------------------------------------------------------------------------------------


def test_pagefind_indexed_every_brief_and_nothing_else(series_site):
    entry = json.loads((series_site.root / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(language["page_count"] for language in entry["languages"].values()) == 4
    assert (series_site.root / "pagefind" / "pagefind.js").is_file()


def test_brief_pages_are_marked_up_for_pagefind(series_site):
    page = series_site.page(BRIEF_4_URL)
    body = page.select("[data-pagefind-body]")
    assert [node.name for node in body] == ["article"]
    assert text_of(body[0].find(attrs={"data-pagefind-meta": "title"})).startswith("Reality Check #4:")
    # Navigation, related briefs and citations would make every brief match its neighbours' words.
    for selector in ("nav.series-nav", "section.cite-brief", "section.related-briefs"):
        nodes = page.select(selector)
        assert nodes, selector
        assert all(node.has_attr("data-pagefind-ignore") for node in nodes), selector


def test_search_page_form_filters_and_script(series_site):
    page = series_site.page("/search/")
    form = page.find("form", role="search")
    assert form.find("input", attrs={"name": "q", "type": "search"})["id"] == "search-q"
    assert page.find("label", attrs={"for": "search-q"})
    legends = [text_of(fs.legend) for fs in form.find_all("fieldset")]
    assert legends == ["Topics", "Regions"]
    topics = [box["value"] for box in form.find_all("input", attrs={"name": "topic"})]
    regions = [box["value"] for box in form.find_all("input", attrs={"name": "region"})]
    assert topics == ["Politics & Diplomacy", "Security & Defense", "Economy & Business"]
    assert regions == ["Russia", "Europe", "China"]
    assert page.find(id="search-status")["role"] == "status"
    scripts = page.find_all("script")
    assert [(s.get("type"), local(s["src"]), s.string) for s in scripts] == [
        ("module", "/theme/js/search.js", None)
    ]
    assert (series_site.root / "theme" / "js" / "search.js").is_file()


def all_html(site):
    return sorted(p for p in site.root.rglob("*.html") if "pagefind" not in p.parts)


def test_javascript_only_on_the_search_and_card_pages_and_no_inline_style(series_site):
    """Pages read without a script; the search page runs the search, and a card page tells the partner's page
    framing it its height (docs/embedding.md). Every script is a file of the site's own, none inline."""
    from bs4 import BeautifulSoup

    for path in all_html(series_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert page.find(style=True) is None, path
        assert page.find("style") is None, path
        relative = path.relative_to(series_site.root).as_posix()
        allowed = (
            "search.js"
            if relative == "search/index.html"
            else "card-height.js"
            if "/card/" in relative
            else None
        )
        for script in page.find_all("script"):
            if script.get("type") == "application/ld+json":
                continue  # data, never executed
            assert script.has_attr("src"), script
            assert not script.string, script
            assert (allowed, script["src"].startswith(f"{SITEURL}/theme/js/")) == (
                script["src"].rsplit("/", 1)[1],
                True,
            ), (path, script)


# --- Feeds, sitemap, robots, 404 ----------------------------------------------------------------------


def atom_entries(path) -> list[tuple[str, str]]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    return [
        (e.findtext(f"{ATOM}title"), e.find(f"{ATOM}link").get("href")) for e in root.findall(f"{ATOM}entry")
    ]


def test_atom_feed_of_all_briefs(series_site):
    entries = atom_entries(series_site.root / "feeds" / "all.atom.xml")
    assert [link for _, link in entries] == [
        f"{SITEURL}/{u}" for u in (BRIEF_6_URL, BRIEF_5_URL, BRIEF_4_URL, BRIEF_3_URL)
    ]
    head_link = series_site.page("/").find("link", rel="alternate", type="application/atom+xml")
    assert head_link["href"] == f"{SITEURL}/feeds/all.atom.xml"


def test_atom_feed_per_topic(series_site):
    feed = series_site.root / "feeds" / "topics" / "politics-diplomacy.atom.xml"
    assert [link for _, link in atom_entries(feed)] == [
        f"{SITEURL}/{BRIEF_5_URL}",
        f"{SITEURL}/{BRIEF_4_URL}",
    ]
    assert ET.parse(feed).getroot().findtext(f"{ATOM}title") == "Reality Check - Politics & Diplomacy"
    page = series_site.page("/topics/politics-diplomacy/")
    links = [link["href"] for link in page.find_all("link", rel="alternate")]
    assert f"{SITEURL}/feeds/topics/politics-diplomacy.atom.xml" in links
    assert sorted(p.name for p in (series_site.root / "feeds" / "topics").iterdir()) == [
        "economy-business.atom.xml",
        "politics-diplomacy.atom.xml",
        "security-defense.atom.xml",
    ]


def test_atom_feed_per_region_lists_what_its_page_lists(series_site):
    """Topic pages had a feed and region pages none: a reader following a region could not subscribe to it."""
    pages = sorted(series_site.root.glob("regions/*/index.html"))
    assert pages
    for page_path in pages:
        slug = page_path.parent.name
        page = series_site.page(f"/regions/{slug}/")
        feed = f"feeds/regions/{slug}.atom.xml"
        assert f"{SITEURL}/{feed}" in [link["href"] for link in page.find_all("link", rel="alternate")]
        listed = [
            f"{SITEURL}{a['href']}" if a["href"].startswith("/") else a["href"]
            for a in page.select(".brief-list h2 a, .brief-list h3 a")
        ]
        assert [link for _, link in atom_entries(series_site.path(feed))] == listed


def test_sitemap_lists_every_page_and_nothing_private(series_site):
    root = ET.parse(series_site.root / "sitemap.xml").getroot()
    urls = {u.findtext(f"{SITEMAP}loc") for u in root.findall(f"{SITEMAP}url")}
    for path in (
        "",
        BRIEF_3_URL,
        BRIEF_4_URL,
        BRIEF_5_URL,
        BRIEF_6_URL,
        "page/2/",
        "naei/",
        "authors/ada-lorem/",
        "topics/politics-diplomacy/",
        "regions/russia/",
    ):
        assert f"{SITEURL}/{path}" in urls
    assert not any(re.search(r"404|robots|search/", url) for url in urls), urls


def test_robots_txt_points_to_the_sitemap(series_site):
    lines = (series_site.root / "robots.txt").read_text().splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: {SITEURL}/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_404_page(series_site):
    page = series_site.page("/404.html")
    assert text_of(page.find("h1")) == "Page not found"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("link", rel="canonical") is None
    assert local(page.find("form", role="search")["action"]) == "/search/"
    # Served at any address, so every link and asset must be absolute.
    for node in page.find_all(["a", "link", "form"]):
        target = node.get("href") or node.get("action")
        assert target.startswith((SITEURL, "#")), node


# --- Sharing and SEO ----------------------------------------------------------------------------------


def meta(page, **attrs):
    node = page.find("meta", attrs=attrs)
    return node["content"] if node else None


def test_brief_description_canonical_and_open_graph(series_site):
    page = series_site.page(BRIEF_4_URL)
    url = f"{SITEURL}/{BRIEF_4_URL}"
    assert meta(page, name="description") == FIRST_KEY_POINT_4
    assert page.find("link", rel="canonical")["href"] == url
    assert meta(page, property="og:url") == url
    assert meta(page, property="og:type") == "article"
    assert (
        meta(page, property="og:title")
        == "Reality Check #4: Focus on interests, not on human rights with Russia"
    )
    assert meta(page, property="og:description") == FIRST_KEY_POINT_4
    assert meta(page, property="og:site_name") == "Reality Check"


def test_listing_pages_have_canonical_and_website_type(series_site):
    page = series_site.page("/page/2/")
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/page/2/"
    assert meta(page, property="og:type") == "website"


def test_json_ld_describes_the_brief_as_a_report_in_the_series(series_site):
    page = series_site.page(BRIEF_4_URL)
    blocks = page.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    data = json.loads(blocks[0].string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Report"
    assert data["headline"] == "Focus on interests, not on human rights with Russia"
    assert [(a["@type"], a["name"], a["url"]) for a in data["author"]] == [
        ("Person", "Emma Ashford", f"{SITEURL}/authors/emma-ashford/"),
        ("Person", "Mathew Burrows", f"{SITEURL}/authors/mathew-burrows/"),
    ]
    assert data["datePublished"] == "2021-03-05"
    assert data["publisher"] == {"@type": "Organization", "name": "New American Engagement Initiative"}
    assert data["isPartOf"] == {"@type": "CreativeWorkSeries", "name": "Reality Check", "url": f"{SITEURL}/"}
    assert data["url"] == f"{SITEURL}/{BRIEF_4_URL}"
    assert data["description"] == FIRST_KEY_POINT_4


# --- Reading time -------------------------------------------------------------------------------------


def minutes(node) -> int:
    return int(re.search(r"(\d+) min read", text_of(node)).group(1))


def test_reading_time_on_brief_and_on_its_card_in_listings(series_site):
    brief = series_site.page(BRIEF_4_URL).find("header", class_="brief-header").find(class_="reading-time")
    words = int(re.search(r"\((\d+) words\)", text_of(brief)).group(1))
    assert 1000 < words < 2000  # Reality Check #4 is a two-page memo
    assert minutes(brief) == -(-words // 200)
    for url in ("/page/2/", "/authors/emma-ashford/", "/regions/russia/"):
        teaser = next(
            t
            for t in series_site.page(url).select(".brief-teaser")
            if "#4:" in text_of(t.find(class_="brief-number"))
        )
        assert minutes(teaser.find(class_="reading-time")) == minutes(brief)


# --- Cite this brief ----------------------------------------------------------------------------------


def test_chicago_citation_and_downloads(series_site):
    section = series_site.page(BRIEF_4_URL).find("section", class_="cite-brief")
    assert text_of(section.find("h2")) == "Cite this brief"
    assert text_of(section.find(class_="cite-brief__citation")) == (
        "Ashford, Emma, and Mathew Burrows. “Focus on Interests, Not on Human Rights with Russia.” "
        "Reality Check, no. 4. New American Engagement Initiative, March 5, 2021. "
        f"{SITEURL}/{BRIEF_4_URL}."
    )
    assert (
        "no.\u00a04." in section.find(class_="cite-brief__citation").get_text()
    )  # never "no." alone at a line's end
    files = {re.sub(r"^Download (\w+).*", r"\1", text_of(a)): a for a in section.select("a[download]")}
    assert set(files) == {"BibTeX", "RIS"}
    bib = series_site.path(local(files["BibTeX"]["href"])).read_text(encoding="utf-8")
    fields = dict(re.findall(r"^\s+(\w+) = \{(.*)\},?$", bib, flags=re.MULTILINE))
    assert bib.startswith("@techreport{realitycheck4_2021,")
    assert fields["author"] == "Ashford, Emma and Burrows, Mathew"
    assert fields["title"] == "{Focus on interests, not on human rights with Russia}"
    assert (fields["number"], fields["year"], fields["url"]) == ("4", "2021", f"{SITEURL}/{BRIEF_4_URL}")
    raw = series_site.path(local(files["RIS"]["href"])).read_bytes()
    assert raw.endswith(b"ER  - \r\n")
    tags = [line.split("  - ", 1) for line in raw.decode("utf-8").split("\r\n") if line]
    assert tags[0] == ["TY", "RPRT"]
    assert [v for t, v in tags if t == "AU"] == ["Ashford, Emma", "Burrows, Mathew"]
    assert dict(tags)["DA"] == "2021/03/05"


# --- Related briefs and responses ---------------------------------------------------------------------


def related(page, heading: str) -> list[str]:
    section = next(
        (s for s in page.select("section.related-briefs") if text_of(s.find("h2")) == heading), None
    )
    return [local(a["href"]) for a in section.select("li > a")] if section else []


def test_related_briefs_share_a_topic_or_region(series_site):
    four = series_site.page(BRIEF_4_URL)
    # #5 shares the topic, #3 the region; #6 shares nothing.
    assert related(four, "Related briefs") == [f"/{BRIEF_5_URL}", f"/{BRIEF_3_URL}"]
    assert related(series_site.page(BRIEF_6_URL), "Related briefs") == []


def test_responses_named_in_front_matter_link_both_ways(series_site):
    three, five = series_site.page(BRIEF_3_URL), series_site.page(BRIEF_5_URL)
    assert related(three, "Responses to this brief") == [f"/{BRIEF_5_URL}"]
    assert related(five, "This brief responds to") == [f"/{BRIEF_3_URL}"]
    # A response is not listed a second time as merely related.
    assert f"/{BRIEF_5_URL}" not in related(three, "Related briefs")


# --- The theme ----------------------------------------------------------------------------------------


def test_no_third_party_request_anywhere(series_site):
    from bs4 import BeautifulSoup

    for path in all_html(series_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for node in page.find_all(["link", "script", "img", "iframe", "source"]):
            target = node.get("href") or node.get("src") or ""
            if node.name == "link" and node.get("rel") == ["canonical"]:
                continue
            assert not target or urlsplit(target).netloc in ("", urlsplit(SITEURL).netloc), (path, node)
