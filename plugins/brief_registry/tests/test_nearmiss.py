"""The closest known name to one an editor typed."""

from __future__ import annotations

import pytest

from reality_check.plugins.brief_registry.nearmiss import closest, did_you_mean

AUTHORS = ["Emma Ashford", "Mathew Burrows"]
TOPICS = ["Politics & Diplomacy", "Security & Defense", "Economy & Business"]


@pytest.mark.parametrize(
    ("typed", "known", "meant"),
    [
        ("emma ashford", AUTHORS, ("Emma Ashford",)),
        ("EMMA  ASHFORD", AUTHORS, ("Emma Ashford",)),
        ("Ema Ashford", AUTHORS, ("Emma Ashford",)),
        ("Emma Ashfrod", AUTHORS, ("Emma Ashford",)),
        ("Matthew Burrows", AUTHORS, ("Mathew Burrows",)),
        ("Security and Defense", TOPICS, ("Security & Defense",)),
        ("Security and Defence", TOPICS, ("Security & Defense",)),
        ("politics & diplomacy", TOPICS, ("Politics & Diplomacy",)),
        ("Nobody Inventedson", AUTHORS, ()),
        ("Nowhere", ["Somewhere"], ()),
        ("Emma Ashford", AUTHORS, ()),  # listed as typed: nothing to suggest
    ],
)
def test_closest(typed, known, meant):
    assert closest(typed, known) == meant


def test_did_you_mean_lists_several_in_order():
    assert did_you_mean("brief-1.md", ["brief-1.mdx", "brief-2.md", "other.md"], n=3) == (
        "did you mean 'brief-1.mdx' or 'brief-2.md'?"
    )
    assert did_you_mean("zzz", AUTHORS) == ""


def test_names_that_differ_only_in_their_apostrophe_are_told_which_one():
    """'did you mean 'Michael O'Hanlon'?' for 'Michael O’Hanlon' read as what had been written."""
    assert did_you_mean("Ada O’Example", ["Ada O'Example"]) == (
        "did you mean 'Ada O'Example'? (with a straight apostrophe: ' as a keyboard types it)"
    )
    assert did_you_mean("Ada O'Example", ["Ada O’Example"]) == (
        "did you mean 'Ada O’Example'? (with a curly apostrophe: ’ as a word processor writes it)"
    )
