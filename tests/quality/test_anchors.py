"""The anchor check's pure core: which links with a `#fragment` land on an element, on small synthetic pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from .anchors import Link, ParsedPage, check_anchors, page_key, parse_page, read_site

BRIEF = parse_page(
    '<main id="main">\n<h2 id="recommendations">R</h2>\n<ol><li id="recommendation-1">One</li>\n'
    '<li id="caf\u00e9">Two</li></ol>\n<a name="legacy-target"></a>\n</main>\n'
)


def pages_linking(href: str, page: str = "/") -> dict[str, ParsedPage]:
    return {page: ParsedPage(frozenset(), (Link(7, href),)), "/briefs/b/": BRIEF}


def test_parse_page_finds_ids_named_anchors_and_links_with_their_lines() -> None:
    page = parse_page(
        '<!doctype html>\n<p id="intro">Hi <a href="#intro">again</a></p>\n'
        '<map><area href="/x/#y" alt="x"></map>\n<a name="old"></a><a>no href</a>\n<div name="not-a-target"></div>'
    )
    assert page.targets == {"intro", "old"}
    assert page.links == (Link(2, "#intro"), Link(3, "/x/#y"))


@pytest.mark.parametrize(
    ("href", "page"),
    [
        ("/briefs/b/#recommendation-1", "/"),
        ("../b/#recommendations", "/briefs/a/"),
        ("b/#main", "/briefs/"),
        ("/briefs/b/index.html#main", "/"),
        ("/briefs/b#main", "/"),  # the server redirects the folder to its slash
        ("/briefs/b/?utm=x#main", "/"),
        ("/briefs/b/#legacy-target", "/"),
        ("/briefs/b/#caf%C3%A9", "/"),  # browsers decode the fragment when the raw one matches nothing
        ("/briefs/b/#café", "/"),
        ("/briefs/b/#", "/"),
        ("/briefs/b/#top", "/"),
        ("/briefs/b/#TOP", "/"),
        ("https://reality-check.example.org/briefs/b/#main", "/"),
    ],
)
def test_a_link_to_an_existing_target_passes(href: str, page: str) -> None:
    report = check_anchors(pages_linking(href, page), site_url="https://reality-check.example.org")
    assert report.missing == ()
    assert len(report.checked) == 1


def test_a_link_to_an_anchor_on_its_own_page_passes() -> None:
    page = parse_page('<a href="#recommendations">R</a>\n<h2 id="recommendations">R</h2>')
    assert check_anchors({"/briefs/b/": page}).checked == {"/briefs/b/#recommendations"}
    assert check_anchors({"/briefs/b/": page}).missing == ()


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("/briefs/b/#recommendation-9", "/briefs/b/ has no element with id 'recommendation-9'"),
        (
            "/briefs/b/#Recommendation-1",
            "/briefs/b/ has no element with id 'Recommendation-1'",
        ),  # ids are case-sensitive
        ("#main", "/ has no element with id 'main'"),
        ("/briefs/c/#main", "no page /briefs/c/ in the site"),
        ("/404.html#main", "no page /404.html in the site"),
        (
            "https://reality-check.example.org/briefs/b/#nothing",
            "/briefs/b/ has no element with id 'nothing'",
        ),
    ],
)
def test_a_link_to_a_missing_target_is_reported_with_page_line_and_reason(href: str, reason: str) -> None:
    report = check_anchors(pages_linking(href), site_url="https://reality-check.example.org")
    assert [str(problem) for problem in report.missing] == [f"/:7: link to {href!r}: {reason}"]


@pytest.mark.parametrize(
    "href",
    [
        "https://elsewhere.example.com/page#section",
        "http://reality-check.example.org/briefs/b/#nothing",  # another scheme is another origin
        "mailto:editor@example.org#x",
        "/briefs/b/",  # no fragment: LinkChecker's business
        "/briefs/c/",
        "/briefs/b/brief.pdf#page=2",  # a PDF's fragments are the PDF viewer's business
    ],
)
def test_links_to_other_hosts_and_links_without_a_fragment_are_not_checked(href: str) -> None:
    report = check_anchors(pages_linking(href), site_url="https://reality-check.example.org")
    assert report == check_anchors({}, "")


def test_a_site_under_a_sub_path_checks_only_its_own_links() -> None:
    site_url = "https://example.org/reality-check"
    inside = check_anchors(pages_linking("https://example.org/reality-check/briefs/b/#nothing"), site_url)
    outside = check_anchors(pages_linking("https://example.org/other/briefs/b/#nothing"), site_url)
    assert [problem.reason for problem in inside.missing] == ["/briefs/b/ has no element with id 'nothing'"]
    assert outside.checked == frozenset()


@pytest.mark.parametrize(
    ("path", "key"), [("/a/index.html", "/a/"), ("/index.html", "/"), ("/404.html", "/404.html")]
)
def test_page_key_treats_a_folder_and_its_index_as_one_page(path: str, key: str) -> None:
    assert page_key(path) == key


def test_read_site_keys_pages_by_the_url_a_reader_types(tmp_path: Path) -> None:
    (tmp_path / "briefs" / "b").mkdir(parents=True)
    (tmp_path / "index.html").write_text('<a href="/briefs/b/#x">b</a>', encoding="utf-8")
    (tmp_path / "briefs" / "b" / "index.html").write_text('<p id="x">x</p>', encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>gone</p>", encoding="utf-8")
    pages = read_site(tmp_path)
    assert sorted(pages) == ["/", "/404.html", "/briefs/b/"]
    assert check_anchors(pages).checked == {"/briefs/b/#x"}
