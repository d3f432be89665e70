"""The card's HTML keeps safe links and inline markup, and never a live script address or event handler."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from reality_check.plugins.summary_card import extract_card


def key_point_html(item: str) -> str:
    return extract_card(f"<h2>Key points</h2><ul><li>{item}</li></ul>").card.key_points[0].html


@pytest.mark.parametrize(
    "link",
    [
        '<a href="javascript:alert(1)">annex</a>',
        '<a href="JaVaScRiPt:alert(1)">annex</a>',
        '<a href="java&#x09;script:alert(1)">annex</a>',
        '<a href=" javascript:alert(1)">annex</a>',
        '<a href="&#106;avascript:alert(1)">annex</a>',
        '<a href="vbscript:msgbox(1)">annex</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">annex</a>',
        '<a href="file:///etc/passwd">annex</a>',
    ],
)
def test_a_script_address_loses_its_href_and_keeps_its_text(link):
    html = key_point_html(f"See the {link}.")
    anchor = BeautifulSoup(html, "html.parser").find("a")
    assert anchor is not None
    assert not anchor.has_attr("href")
    assert BeautifulSoup(html, "html.parser").get_text() == "See the annex."


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            '<a href="https://example.org/a?b=1&amp;c=2">x</a>',
            '<a href="https://example.org/a?b=1&amp;c=2">x</a>',
        ),
        ('<a href="http://example.org/">x</a>', '<a href="http://example.org/">x</a>'),
        ('<a href="mailto:editor@example.org">x</a>', '<a href="mailto:editor@example.org">x</a>'),
        ('<a href="/briefs/other/">x</a>', '<a href="/briefs/other/">x</a>'),
        ('<a href="../other/#recommendation-1">x</a>', '<a href="../other/#recommendation-1">x</a>'),
        ('<a href="#recommendation-2" title="Two">x</a>', '<a href="#recommendation-2" title="Two">x</a>'),
        (
            '<abbr title="North Atlantic Treaty Organization">NATO</abbr>',
            '<abbr title="North Atlantic Treaty Organization">NATO</abbr>',
        ),
        ("<em>e</em> <strong>s</strong> <code>c</code>", "<em>e</em> <strong>s</strong> <code>c</code>"),
    ],
)
def test_safe_links_and_inline_markup_are_kept(item, expected):
    assert key_point_html(item) == expected


@pytest.mark.parametrize(
    "item",
    [
        '<a href="/x" onclick="alert(1)">x</a>',
        '<span onmouseover="alert(1)">x</span>',
        '<img src="x.png" onerror="alert(1)">x',
        "<script>alert(1)</script>x",
        "<style>body{display:none}</style>x",
        '<iframe src="https://example.org/"></iframe>x',
        '<a href="/x" style="color:red">x</a>',
    ],
)
def test_no_script_event_handler_or_embedded_page_survives(item):
    soup = BeautifulSoup(key_point_html(item), "html.parser")
    assert not soup.find_all(["script", "style", "iframe", "img", "span"])
    assert not [
        name for tag in soup.find_all(True) for name in tag.attrs if name.startswith("on") or name == "style"
    ]
