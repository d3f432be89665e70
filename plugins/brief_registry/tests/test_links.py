"""Level 1: Pelican's links inside the site, as editors write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reality_check.plugins.brief_registry.links import LINK_IN_TEXT, SiteLink, linked_file, site_link


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("{static}/images/a.png", SiteLink("static", "/images/a.png")),
        ("|static|/images/a.png", SiteLink("static", "/images/a.png")),
        ("{filename}other.md#part", SiteLink("filename", "other.md#part")),
        ("|filename|../briefs/other.md", SiteLink("filename", "../briefs/other.md")),
        ("/images/a.png", None),
        ("{attach}a.png", None),  # not a kind briefs use
        ("see {static}/images/a.png", None),  # an address, not text holding one
    ],
)
def test_a_link_is_read_with_its_kind_and_path(address, expected):
    assert site_link(address) == expected


def test_links_in_source_text_end_at_a_space_bracket_or_quote():
    text = '[a]({filename}a.md) and [b](|filename|b.md "title") ![c]({static}/images/c.png)'
    assert [(m["what"], m["target"]) for m in LINK_IN_TEXT.finditer(text)] == [
        ("filename", "a.md"),
        ("filename", "b.md"),
        ("static", "/images/c.png"),
    ]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/images/a.png", "content/images/a.png"),  # from the content folder
        ("other.md", "content/briefs/other.md"),  # from the brief's folder
        ("../pages/about.md", "content/pages/about.md"),
        ("/briefs/../images/a.png", "content/images/a.png"),
    ],
)
def test_a_links_path_is_resolved_as_pelican_resolves_it(target, expected):
    root = Path("/site")
    assert linked_file(target, root / "content" / "briefs" / "x.md", root / "content") == root / expected
