"""Theme macros rendered on their own, with the site's Jinja settings: what a macro prints for the cases a whole
site build would have to be arranged to show."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from jinja2 import Environment, FileSystemLoader
from pelican.settings import read_settings

from reality_check.plugins.brief_registry.handlers import in_prose
from reality_check.plugins.brief_registry.registry import Person, Term


@pytest.fixture(scope="module")
def theme() -> Environment:
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    env = Environment(
        loader=FileSystemLoader(Path(settings["THEME"]) / "templates"), **settings["JINJA_ENVIRONMENT"]
    )
    env.install_null_translations(newstyle=True)
    env.filters["in_prose"] = in_prose
    return env


def byline(theme: Environment, names: list[str], profiles: dict[str, str]) -> BeautifulSoup:
    """The byline of a brief by `names`, where `profiles` maps the names the registry knows to their slugs."""
    brief = SimpleNamespace(
        authors=[SimpleNamespace(name=name) for name in names],
        author_profiles=[SimpleNamespace(name=name, slug=slug) for name, slug in profiles.items()],
    )
    author_pages = {slug: SimpleNamespace(url=f"authors/{slug}/") for slug in profiles.values()}
    template = theme.from_string(
        '{% from "macros/byline.html" import byline with context %}{{ byline(brief) }}'
    )
    return BeautifulSoup(template.render(brief=brief, author_pages=author_pages, SITEURL=""), "html.parser")


@pytest.mark.parametrize(
    ("names", "text"),
    [
        (["Ada Lorem"], "By Ada Lorem"),
        (["Ada Lorem", "Ben Ipsum"], "By Ada Lorem and Ben Ipsum"),
        (["Ada Lorem", "Ben Ipsum", "Cy <Dolor>"], "By Ada Lorem, Ben Ipsum, and Cy <Dolor>"),
    ],
)
def test_a_byline_reads_as_a_sentence_and_links_known_authors(theme: Environment, names, text) -> None:
    page = byline(theme, names, {"Ada Lorem": "ada-lorem"})
    (paragraph,) = page.select("p.byline")
    assert paragraph.get_text() == text
    links = {a.get_text(): a["href"] for a in paragraph.select("a.byline__author")}
    assert links == {"Ada Lorem": "/authors/ada-lorem/"}
    assert [span.get_text() for span in paragraph.select("span.byline__author")] == names[1:]


def test_a_brief_without_authors_has_no_byline(theme: Environment) -> None:
    assert byline(theme, [], {}).select("p") == []


@pytest.mark.parametrize(
    ("topics", "regions", "shown"),
    [
        # The PDF edition's brief holds tuples, and an empty one was `or`-ed to a list before being added.
        (("Testing",), (), ["Testing"]),
        ((), ("Somewhere",), ["Somewhere"]),
        (["Testing"], ("Somewhere",), ["Testing", "Somewhere"]),
        (None, None, []),
    ],
)
def test_a_brief_with_topics_or_regions_alone_shows_them(theme: Environment, topics, regions, shown) -> None:
    """`make publish` stopped with "can only concatenate tuple (not "list") to tuple" on a brief whose regions (or
    topics) were left empty, as `make brief` and the browser editor write them."""
    brief = SimpleNamespace(topics=topics, regions=regions, topic_terms=[], region_terms=[])
    template = theme.from_string(
        '{% from "macros/brief_tags.html" import brief_tags with context %}{{ brief_tags(brief) }}'
    )
    page = BeautifulSoup(template.render(brief=brief, SITEURL=""), "html.parser")
    assert [li.get_text() for li in page.select("ul.brief-tags li")] == shown


@pytest.mark.parametrize(
    ("siteurl", "root"),
    [
        ("https://briefs.example.org", "/"),
        ("https://example.org/rc", "/rc/"),
        ("https://example.org/rc/", "/rc/"),
    ],
)
def test_robots_txt_keeps_crawlers_off_the_search_pages_where_the_site_is(theme, siteurl, root):
    """A site in a folder of its host disallowed /search/ and /pagefind/, the host's root paths, not its own."""
    robots = theme.get_template("robots.html").render(
        SITEURL=siteurl.rstrip("/"),
        SEARCH_URL="search/",
        language_search_urls={"ru": "ru/search/"},
        search_index_folder="pagefind/",
    )
    rules = [line for line in robots.splitlines() if line.startswith(("Disallow", "Sitemap"))]
    assert rules == [
        f"Disallow: {root}search/",
        f"Disallow: {root}ru/search/",
        f"Disallow: {root}pagefind/",
        f"Sitemap: {siteurl.rstrip('/')}/sitemap.xml",
    ]
    # Crawlers read robots.txt at the host's root only: a site in a folder is told to copy its lines there.
    assert ("copy these lines into the host's own /robots.txt" in robots) == (root != "/")


@pytest.mark.parametrize(
    ("template", "names"),
    [
        ("author.html", {"person": Person("X", "x", bio=("Writes invented briefs.\n\n" * 200).strip())}),
        (
            "term.html",
            {
                "listing": SimpleNamespace(
                    entry=Term("X", "x", description="An invented region. " * 200), name="X"
                ),
                "kind_label": "Region",
            },
        ),
    ],
)
def test_a_long_bio_or_description_is_cut_for_the_pages_description(theme, template, names):
    """A 3,000-character bio went whole into the page's <meta name="description"> and its og:description."""
    page = theme.get_template(template)
    description = "".join(page.blocks["description"](page.new_context(names)))
    assert len(description) <= 301
    assert description.endswith("…")
    assert description.startswith(
        "Writes invented briefs. Writes" if template == "author.html" else "An invented region."
    )


# The block renders on its own, without the template's imports: the listing below the header is left out.
LISTED_NOTHING = {"brief_list": lambda *args, **kwargs: "", "pagination": lambda *args, **kwargs: ""}
BIO = "Writes invented briefs\non two lines.\n\nA second paragraph.\n  \n\nA third.\n"


@pytest.mark.parametrize(
    ("template", "names", "css_class"),
    [
        ("author.html", {"person": Person("X", "x", bio=BIO)}, "author-bio"),
        ("term.html", {"listing": SimpleNamespace(entry=Term("X", "x", description=BIO), name="X")}, "lede"),
    ],
)
def test_a_bio_or_description_keeps_its_paragraphs(theme, template, names, css_class):
    """A bio written as a YAML `|` block of paragraphs showed as one run of text."""
    page = theme.get_template(template)
    context = page.new_context(
        {
            "listing": SimpleNamespace(briefs=()),
            "kind_label": "Region",
            "articles_page": None,
            **LISTED_NOTHING,
            **names,
        }
    )
    header = BeautifulSoup("".join(page.blocks["content"](context)), "html.parser")
    assert [p.get_text() for p in header.select(f"p.{css_class}")] == [
        "Writes invented briefs on two lines.",
        "A second paragraph.",
        "A third.",
    ]
