"""Level 3: a digest issue of the four-brief series, as `make digest` writes it, parsed and checked as mail."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import DIGEST_DATE, DIGEST_INTRO, NEWSLETTER_SIGNUP_URL, SITEURL, text_of
from publishing import run_make

from reality_check.plugins.brief_registry.names import names_in_prose
from reality_check.plugins.brief_registry.problems import LOG_RECORD_ATTRIBUTE
from reality_check.plugins.newsletter_digest.issues import DigestCode

FOLDER = f"digest/{DIGEST_DATE}/"
LISTED = [6, 5, 4]  # published from 2021-03-01 to the issue's date, newest first


@pytest.fixture(scope="module")
def html(digest_site) -> BeautifulSoup:
    return digest_site.page(FOLDER)


@pytest.fixture(scope="module")
def text(digest_site) -> str:
    return digest_site.path(FOLDER + "digest.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cards(digest_site) -> dict[int, dict]:
    document = json.loads(digest_site.path("cards.json").read_text(encoding="utf-8"))
    return {card["number"]: card for card in document["cards"]}


def folded(value: str) -> str:
    return " ".join(value.split())


def test_the_issue_lists_the_briefs_since_newest_first_each_with_its_card(html, cards):
    briefs = html.select("td.brief")
    assert [int(re.search(r"#(\d+)", text_of(b.h2)).group(1)) for b in briefs] == LISTED
    for brief, number in zip(briefs, LISTED, strict=True):
        card = cards[number]
        assert card["title"] in text_of(brief.h2)
        assert brief.time["datetime"] == card["date"]
        assert [text_of(a) for a in brief.select(".byline a")] == card["authors"]
        assert [text_of(li) for li in brief.select("ul.key-points > li")] == card["key_points"]
        assert [text_of(li.strong) for li in brief.select("ol.recommendations > li")] == [
            r["title"] for r in card["recommendations"]
        ]
        assert brief.select_one("a.byline__author, p.read-more a")["href"].startswith(SITEURL)
        assert brief.select_one("p.read-more a")["href"] == card["url"]


def test_it_is_ready_for_mail_clients(html):
    assert html.html["lang"] == "en"
    assert html.find("script") is None
    assert html.find("link", rel="stylesheet") is None
    assert html.find(attrs={"class": "preheader"}) is html.body.find(True)  # the first thing in the body
    (style,) = html.find_all("style")  # what cannot be inlined: the media queries, nothing else
    assert re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", style.get_text()).strip() == ""
    for element in html.body.find_all(class_=True):
        if element.name not in ("time", "section"):
            assert element.get("style"), f"{element.name}.{element['class']} has no inlined style"
    (container,) = html.select("table.container")
    assert container["width"] == "600"
    assert "max-width: 600px" in container["style"]
    assert all(table.get("role") == "presentation" for table in html.find_all("table"))


def test_the_preheader_and_intro_are_the_editors_text_escaped(html):
    assert text_of(html.select_one(".preheader")) == DIGEST_INTRO.split("\n")[0]
    paragraphs = [text_of(p) for p in html.select("td.intro p")]
    assert paragraphs == [folded(p) for p in DIGEST_INTRO.split("\n\n")]
    assert html.select_one("td.intro b") is None  # typed as text, shown as text


def test_every_address_is_absolute_and_names_a_page_of_the_build(digest_site, html):
    refs = [a["href"] for a in html.find_all("a")] + [e["src"] for e in html.find_all(src=True)]
    assert len(refs) > 10
    for ref in refs:
        assert ref.startswith(SITEURL + "/"), ref
        parts = urlsplit(ref)
        target = digest_site.path(parts.path)
        assert target.is_file(), ref
        if parts.fragment:
            page = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
            assert page.find(id=parts.fragment) is not None, ref


def test_the_page_in_a_browser_names_the_sites_icon(digest_site, html):
    """The e-mail's "View this digest in a browser" opens the issue as a page of the site: it named no icon, so
    browsers asked for /favicon.ico, which the site does not have, and logged a 404. It names the site's icon as
    every page does, at an address of a file the build wrote."""
    (icon,) = html.select('link[rel="icon"]')
    assert icon.attrs == digest_site.page("/").select_one('link[rel="icon"]').attrs
    assert icon["href"].startswith(SITEURL + "/")
    assert digest_site.path(urlsplit(icon["href"]).path).is_file()


def test_the_text_part_says_what_the_html_part_says(html, text, cards):
    flat = folded(text)
    # A link's words are followed by its address, in brackets: #5's key point links #3.
    without_addresses = re.sub(r" \((?:https?|mailto):[^\s)]+\)", "", flat)
    assert (
        f"zeppelin brief ({SITEURL}/briefs/synthetic-brief-on-zeppelin-logistics-in-a-made-up-baltic/),"
        in flat
    )
    assert DIGEST_INTRO.split("\n\n")[0] in flat
    positions = []
    for number in LISTED:
        card = cards[number]
        for point in card["key_points"]:
            assert folded(point) in without_addresses, point
        for rec in card["recommendations"]:
            assert f"{rec['number']}. {folded(rec['title'])}" in flat
        assert f"Read the brief: {card['url']}" in text
        assert f"By {names_in_prose(card['authors'])}" in flat
        positions.append(flat.index(f"#{number}: {folded(card['title'])}"))
    assert positions == sorted(positions)  # the same order, newest first
    assert max(len(line) for line in text.splitlines() if "http" not in line) <= 72
    assert f"{SITEURL}/{FOLDER}" in text


def test_make_digest_records_the_issue_and_publishes_it(tmp_path):
    from conftest import copy_series_content

    content = copy_series_content(tmp_path / "content")
    output = tmp_path / "output"
    # The publish that follows leaves out what this test does not look at (PDFs, the search index).
    args = [
        f"INPUTDIR={content}",
        f"OUTPUTDIR={output}",
        "PELICANOPTS=-e PDF_EDITION=false PAGEFIND_ENABLED=false",
    ]
    result = run_make("digest", *args, SINCE="2021-03-10", INTRO='Quotes "and" $dollars', DATE="2021-04-05")
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((output / FOLDER / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [text_of(h.select_one(".brief-number")) for h in page.select("td.brief h2")] == [
        "Reality Check #6:",
        "Reality Check #5:",
    ]
    assert text_of(page.select_one("td.intro p")) == 'Quotes "and" $dollars'
    assert (output / FOLDER / "digest.txt").is_file()
    # The next issue starts after the newest brief of this one: nothing new since #6 (April 2).
    again = run_make("digest", *args, DATE="2021-04-20")
    assert again.returncode != 0
    assert "no brief was published from 2021-04-03 to 2021-04-20" in again.stderr
    assert sorted(p.name for p in (content / "digests").iterdir()) == ["2021-04-05.yml"]


def test_the_digest_is_left_out_of_the_sitemap(digest_site):
    """A newsletter issue is not a page to find by search: pelican-sitemap never sees it (it is written beside
    Pelican's writer), so no exclusion in SITEMAP is needed for it."""
    locations = [e.text for e in ET.parse(digest_site.path("sitemap.xml")).iter() if e.tag.endswith("loc")]

    assert digest_site.path(FOLDER).is_file()
    assert [loc for loc in locations if "/digest/" in loc] == []
    assert f"{SITEURL}/" in locations


def test_the_issue_names_its_publisher_as_the_site_does(html, text):
    """The footer's publisher is the citations' (brief_metadata's publisher_name), in the email and its text."""
    said = "Reality Check is published by the New American Engagement Initiative."
    assert said in [text_of(p) for p in html.select("td.footer p")]
    assert said in " ".join(text.split())


def test_a_broken_record_is_said_and_the_other_issues_are_still_written(tmp_path, digest_site):
    """One record that could not be read (a date mistyped) left every issue out of the build."""
    from conftest import build_site_logged, copy_series_content

    content = copy_series_content(tmp_path / "content")
    shutil.copytree(digest_site.root.parent / "content" / "digests", content / "digests")
    (content / "digests" / "2021-05-05.yml").write_text("date: 2021-05-05\nsince: soon\nbriefs: [6]\n")

    site = build_site_logged(
        content, tmp_path / "output", "publishconf.py", SITEURL=SITEURL, PDF_EDITION=False
    )

    said = [problem for record in site.records for problem in getattr(record, LOG_RECORD_ATTRIBUTE, ())]
    assert [(problem.path, problem.line, problem.code) for problem in said] == [
        (f"{content.name}/digests/2021-05-05.yml", 2, DigestCode.DATE_INVALID)
    ]
    assert site.path(FOLDER).is_file()
    assert not site.path("digest/2021-05-05/").exists()


def test_the_newsletter_archive_lists_each_issue_and_every_page_links_it_with_the_sign_up(digest_site):
    """An issue was written to its address and linked from nowhere, and a reader had no way to subscribe."""
    archive = digest_site.page("newsletter/")
    (issue,) = archive.select("ol.newsletter-issues > li")
    assert issue.h3.a["href"] == f"{SITEURL}/{FOLDER}"
    assert text_of(issue.h3) == "April 5, 2021"
    assert [text_of(li) for li in issue.select("ul > li")] == [
        "Reality Check #6: Synthetic brief on the fictional teacup tariff",
        "Reality Check #5: Synthetic reply about invented quorum rules",
        "Reality Check #4: Focus on interests, not on human rights with Russia",
    ]
    assert archive.select_one(".newsletter-signup a")["href"] == NEWSLETTER_SIGNUP_URL
    for page in ("", "newsletter/", "briefs/focus-on-interests-not-on-human-rights-with-russia/"):
        footer = digest_site.page(page).select_one("footer.site-footer")
        links = {text_of(a): a["href"] for a in footer.select("a")}
        assert links["Newsletter"] == f"{SITEURL}/newsletter/", page
        assert links["Subscribe to the newsletter"] == NEWSLETTER_SIGNUP_URL, page


def test_without_an_issue_or_a_sign_up_the_site_says_nothing_of_a_newsletter(series_site):
    assert not series_site.path("newsletter/").exists()
    footer = series_site.page("").select_one("footer.site-footer")
    assert "newsletter" not in text_of(footer).lower()
