"""Level 1: which of Pelican's six lists of articles the plugins work on, and what the series is called."""

from types import SimpleNamespace

import pytest

from brief_registry.briefs import briefs_with_pages, every_brief, series_name

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
