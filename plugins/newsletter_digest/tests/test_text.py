"""Level 1: the issue's colophon names who publishes the site, unless that is the site itself."""

from __future__ import annotations

import pytest

from reality_check.plugins.newsletter_digest.text import publisher_line


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
