"""Level 1: the next free series number, the same for `make brief` and the browser editor."""

import pytest

from reality_check.plugins.brief_registry.new_brief import skeleton
from reality_check.plugins.brief_registry.rules import next_series_number


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ([], 1),  # the first brief
        ([4, 1, 2], 5),
        ([4, None, "seven", True, 0, -3, 2.5], 5),  # numbers still to be fixed are not in use
        ([None], 1),
    ],
)
def test_the_next_number_follows_the_highest_in_use(numbers, expected):
    assert next_series_number(iter(numbers)) == expected


def test_the_skeleton_has_the_sections_the_card_reads_headed_as_asked():
    body = skeleton("Key points", "What is the solution?")
    assert "## Key points\n" in body
    assert "## What is the solution?\n" in body
    assert body.count("[FILL IN") >= 10
    own = skeleton("At a glance", "Do this")
    assert own == body.replace("## Key points\n", "## At a glance\n").replace(
        "## What is the solution?\n", "## Do this\n"
    )
