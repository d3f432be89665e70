"""Level 1: where a page is written for its address, where a file beside a brief's page goes, and a piece of a
page's links resolved against it."""

import pytest

from reality_check.plugins.brief_registry.addresses import beside_page, links_resolved, save_as, url_of


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("briefs/x/", "briefs/x/index.html"),
        ("", "index.html"),  # the site's own address
        ("ru/", "ru/index.html"),
        ("404.html", "404.html"),
    ],
)
def test_a_folder_address_is_written_as_its_index(url, expected):
    assert save_as(url) == expected
    assert url_of(expected) == url  # and the file written gives the address back


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("/briefs/x/index.html", "/briefs/x/"),  # a URL path, as the devserver is asked for it
        ("admin/preview/x/index.html", "admin/preview/x/"),
        ("windex.html", "windex.html"),  # a page named so, not a folder's index
        ("briefs/x.html", "briefs/x.html"),
    ],
)
def test_a_written_page_has_its_folders_address(written, expected):
    assert url_of(written) == expected


@pytest.mark.parametrize(
    ("url", "saved", "expected"),
    [
        (
            "briefs/x/",
            "briefs/x/index.html",
            ("briefs/x/reality-check-4.pdf", "briefs/x/reality-check-4.pdf"),
        ),
        ("briefs/x.html", "briefs/x.html", ("briefs/reality-check-4.pdf", "briefs/reality-check-4.pdf")),
    ],
)
def test_a_file_beside_a_page_is_in_its_folder(url, saved, expected):
    assert beside_page(url, saved, "reality-check-4.pdf") == expected


@pytest.mark.parametrize(
    ("written", "resolved"),
    [
        ('<a href="../another/">a</a>', '<a href="https://example.org/briefs/another/">a</a>'),
        ('<a href="/pages/naei/">a</a>', '<a href="https://example.org/pages/naei/">a</a>'),
        (
            '<a href="#recommendation-2">a</a>',
            '<a href="https://example.org/briefs/this/#recommendation-2">a</a>',
        ),
        (
            '<a href="report.pdf?a=1&amp;b=2">a</a>',
            '<a href="https://example.org/briefs/this/report.pdf?a=1&amp;b=2">a</a>',
        ),
        ('<a href="https://other.example.net/x">a</a>', '<a href="https://other.example.net/x">a</a>'),
        ('<a href="mailto:desk@example.org">a</a>', '<a href="mailto:desk@example.org">a</a>'),
        ("No link at all.", "No link at all."),
    ],
)
def test_a_fragments_relative_links_resolve_against_its_page(written, resolved):
    assert links_resolved(written, "https://example.org/briefs/this/") == resolved


def test_without_a_siteurl_links_resolve_to_addresses_from_the_sites_root():
    assert (
        links_resolved('<a href="../another/">a</a>', "/briefs/this/") == '<a href="/briefs/another/">a</a>'
    )
