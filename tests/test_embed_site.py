"""Level 3: the embeddable cards of a published site of four briefs, their oEmbed answers and headers."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from conftest import DIGEST_DATE, ROOT, SITEURL
from publishing import csp_directives, headers_for, parse_headers_file

SLUGS = (
    "focus-on-interests-not-on-human-rights-with-russia",
    "synthetic-brief-on-zeppelin-logistics-in-a-made-up-baltic",
    "synthetic-reply-about-invented-quorum-rules",
    "synthetic-brief-on-the-fictional-teacup-tariff",
)
# https://oembed.com section 2.3.4: every response's fields, and what a `rich` one must also carry.
REQUIRED = {"type": str, "version": str}
RICH_REQUIRED = {"html": str, "width": int, "height": int}
OPTIONAL = {
    "title": str,
    "author_name": str,
    "author_url": str,
    "provider_name": str,
    "provider_url": str,
    "cache_age": int,
    "thumbnail_url": str,
    "thumbnail_width": int,
    "thumbnail_height": int,
}
THUMBNAIL = {"thumbnail_url", "thumbnail_width", "thumbnail_height"}


@pytest.fixture(scope="module")
def slugs(series_site):
    found = tuple(sorted(p.parent.name for p in series_site.root.glob("briefs/*/index.html")))
    assert found == tuple(sorted(SLUGS))
    return found


def oembed(site, slug) -> dict:
    return json.loads(site.path(f"oembed/{slug}.json").read_text(encoding="utf-8"))


def test_every_oembed_answer_has_the_fields_the_spec_requires(series_site, slugs):
    for slug in slugs:
        document = oembed(series_site, slug)
        for name, kind in {**REQUIRED, **RICH_REQUIRED}.items():
            assert isinstance(document.get(name), kind), (slug, name)
        assert (document["version"], document["type"]) == ("1.0", "rich")
        for name, value in document.items():
            assert name in OPTIONAL or name in REQUIRED or name in RICH_REQUIRED, (slug, name)
            assert isinstance(value, {**REQUIRED, **RICH_REQUIRED, **OPTIONAL}[name]), (slug, name)
        assert set(document) >= THUMBNAIL or not THUMBNAIL & set(document), slug
        assert document["width"] > 0
        assert document["height"] > 0
        frame = BeautifulSoup(document["html"], "html.parser").iframe
        assert frame["src"] == f"{SITEURL}/briefs/{slug}/card/"
        assert (frame["width"], frame["height"]) == (str(document["width"]), str(document["height"]))
        assert document["provider_url"] == f"{SITEURL}/"
        assert series_site.path(document["thumbnail_url"].removeprefix(SITEURL)).is_file()
    assert oembed(series_site, SLUGS[0])["author_name"] == "Emma Ashford and Mathew Burrows"
    assert oembed(series_site, SLUGS[0])["title"] == (
        "Reality Check #4: Focus on interests, not on human rights with Russia"
    )


def test_each_brief_page_links_its_oembed_answer_and_offers_the_embed_code(series_site, slugs):
    for slug in slugs:
        page = series_site.page(f"briefs/{slug}/")
        (link,) = page.select('head link[rel="alternate"][type="application/json+oembed"]')
        assert link["href"] == f"{SITEURL}/oembed/{slug}.json"
        assert link["title"] == oembed(series_site, slug)["title"]
        snippet = page.select_one("details.embed-card-snippet")
        assert "Embed this card" in snippet.summary.get_text()
        code = snippet.select_one("textarea")
        assert code.has_attr("readonly")
        assert page.select_one(f'label[for="{code["id"]}"]') is not None
        assert (
            code.get_text() == oembed(series_site, slug)["html"]
        )  # what the editor copies is the oEmbed HTML


def test_the_card_page_is_the_compact_card_alone_and_opens_links_in_the_top_window(series_site, slugs):
    for slug in slugs:
        page = series_site.page(f"briefs/{slug}/card/")
        assert page.select_one("base")["target"] == "_top"
        assert page.select_one('meta[name="robots"]')["content"] == "noindex"
        assert page.select_one('link[rel="canonical"]')["href"] == f"{SITEURL}/briefs/{slug}/"
        assert (
            page.select_one('link[rel="icon"]')["href"] == f"{SITEURL}/theme/favicon.svg"
        )  # visited on its own too
        (card,) = page.select("section.summary-card.summary-card--compact")
        assert card.select("ul.key-points > li")
        assert card.select("ol.recommendations > li > strong")
        # One script, the site's own file, that tells a partner's page the card's height (no inline script).
        assert [script["src"] for script in page.find_all("script")] == [f"{SITEURL}/theme/js/card-height.js"]
        assert all(not script.string for script in page.find_all("script"))
        assert page.find(style=True) is None
        assert page.select_one(".site-header") is None
        assert page.select_one(".site-footer") is None
        # The card's own links (the recommendations, the title, "Read the brief") lead to the brief; a key point's
        # link leads where its author pointed it, whole, and the page's <base> opens it in the top window too.
        for a in card.select("ol.recommendations a") + page.select(
            ".embed-card__title a, .embed-card__more a"
        ):
            assert a["target"] == "_top", a
            assert a["href"].startswith(f"{SITEURL}/briefs/{slug}/"), a
        for a in card.select("ul.key-points a"):
            assert a["href"].startswith("https://"), a
    card_4 = series_site.page(f"briefs/{SLUGS[0]}/card/")
    assert [a.get_text() for a in card_4.select(".byline a")] == ["Emma Ashford", "Mathew Burrows"]


def test_card_pages_are_not_in_the_sitemap(series_site):
    urls = [loc.text for loc in ET.parse(series_site.path("sitemap.xml")).iter() if loc.tag.endswith("loc")]
    assert f"{SITEURL}/briefs/{SLUGS[0]}/" in urls
    assert not [url for url in urls if "/card/" in url]


def test_only_card_pages_may_be_framed_by_other_sites(series_site):
    rules = parse_headers_file((ROOT / "deploy" / "_headers").read_text())
    pages = sorted(series_site.root.rglob("*.html"))
    assert len(pages) > 10
    for file in pages:
        url = "/" + file.relative_to(series_site.root).as_posix().removesuffix("index.html")
        headers = headers_for(rules, url)
        ancestors = csp_directives(headers["content-security-policy"])["frame-ancestors"]
        if url.startswith("/briefs/") and url.endswith("/card/"):
            assert ancestors == ["*"], url
        else:
            assert ancestors == ["'none'"], url
            assert headers["x-frame-options"] == "DENY", url


def test_a_key_points_relative_link_leads_to_its_page_wherever_the_card_is_shown(series_site, digest_site):
    """#5's key point links '../synthetic-brief-on-zeppelin-…/', relative to #5's page: on the home page it led to
    /synthetic-brief-on-…/, in the embeddable card to /briefs/<#5>/synthetic-brief-on-…/, and in the e-mail nowhere."""
    target = f"{SITEURL}/briefs/{SLUGS[1]}/"
    shown_in = {
        "brief page": (series_site, f"briefs/{SLUGS[2]}/"),
        "home page": (series_site, ""),
        "embeddable card": (series_site, f"briefs/{SLUGS[2]}/card/"),
        "digest": (digest_site, f"digest/{DIGEST_DATE}/"),
    }
    for where, (site, url) in shown_in.items():
        links = site.page(url).select("ul.key-points a")
        assert [a["href"] for a in links if a.get_text() == "the synthetic zeppelin brief"] == [target], where
    assert series_site.path(f"briefs/{SLUGS[1]}/").exists()
