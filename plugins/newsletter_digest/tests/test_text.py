"""Level 1: the issue's colophon names who publishes the site, unless that is the site itself."""

from __future__ import annotations

import pytest

from reality_check.plugins.newsletter_digest.text import linked_text, publisher_line


@pytest.mark.parametrize(
    ("publisher", "said"),
    [
        ("Synthetic Institute", ("Synthetic Notes is published by the Synthetic Institute.",)),
        (
            "Synthetic Notes",
            (),
        ),  # no AUTHOR: the site's name stands in, and "published by the Synthetic Notes" is not said
        ("", ()),
    ],
)
def test_the_colophon_names_the_publisher_unless_it_is_the_site(publisher, said):
    assert publisher_line("Synthetic Notes", publisher) == said


def test_a_links_address_follows_its_words_in_the_text_part():
    """The text part lost the address of a link in a key point ("… and a link."): mail read as text shows it."""
    html = (
        'Costs of 50% and a <a href="https://example.org/a_b?x=1&amp;y=2">synthetic report</a>; '
        '<a href="../invented-brief/">an earlier brief</a>, <a href="https://example.org/">https://example.org/</a>, '
        '<a href="mailto:desk@example.org">desk@example.org</a> and <em>emphasis</em>.'
    )
    assert linked_text(html, "https://site.example/briefs/this-brief/") == (
        "Costs of 50% and a synthetic report (https://example.org/a_b?x=1&y=2); an earlier brief "
        "(https://site.example/briefs/invented-brief/), https://example.org/, desk@example.org and emphasis."
    )
