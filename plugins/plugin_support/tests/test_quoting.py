"""Level 1: a value quoted as a message tells an editor to write it in YAML."""

from __future__ import annotations

import pytest
import yaml

from reality_check.plugins.plugin_support.quoting import yaml_quoted


@pytest.mark.parametrize(
    ("value", "written", "read"),
    [
        ("Synthetic: a colon", '"Synthetic: a colon"', "Synthetic: a colon"),
        # It said "The "#1" zebra #quota", which YAML reads as 'The '.
        ('The "#1" zebra #quota', "'The \"#1\" zebra #quota'", 'The "#1" zebra #quota'),
        ('It\'s the "realist" case', "'It''s the \"realist\" case'", 'It\'s the "realist" case'),
        ("It's fine", '"It\'s fine"', "It's fine"),
        # Curly quotes are a word processor's, not YAML's: it said "“Synthetic: zebra quotas”", shown on the page.
        ("“Synthetic: zebra quotas”", '"Synthetic: zebra quotas"', "Synthetic: zebra quotas"),
        ("A “quoted” word: inside", '"A “quoted” word: inside"', "A “quoted” word: inside"),
        ("C:\\path", "'C:\\path'", "C:\\path"),
    ],
)
def test_a_value_is_quoted_so_that_yaml_reads_it_back_whole(value, written, read):
    assert yaml_quoted(value) == written
    assert yaml.safe_load(f"title: {written}")["title"] == read
