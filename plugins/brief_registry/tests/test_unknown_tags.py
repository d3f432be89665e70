"""Level 1: a word in angle brackets that Markdown passes on as a tag no browser shows (unknown_tags.py)."""

from __future__ import annotations

from reality_check.plugins.brief_registry.rendering import brief_markdown, site_markdown
from reality_check.plugins.brief_registry.unknown_tags import unknown_tags

BODY = (
    "An invented line about <tariffs> & quotas.\n"  # 10
    "\n"
    "A <abbr title='invented'>TLA</abbr>, a line<br>break, <sup>1</sup> and <https://example.org>.\n"  # 12
    "\n"
    "Shown as code: `<levies>`.\n"  # 14
    "\n"
    "```\n"
    "<duties>\n"  # 17: in a fenced block, shown as written
    "```\n"
    "\n"
    "An invented <custom-widget> and </Tariffs> again.\n"  # 20
)


def test_only_tags_no_browser_shows_are_named_on_their_line():
    rendered = brief_markdown(site_markdown()).convert(BODY)
    found = [(p.line, p.message.split(" is read")[0]) for p in unknown_tags(rendered, BODY, 10, "x.md")]
    assert found == [(10, "'<tariffs>'"), (20, "'<custom-widget>'")]  # </Tariffs> is the same name: said once


def test_a_body_of_html_a_browser_knows_has_nothing_to_say():
    rendered = brief_markdown(site_markdown()).convert(
        "Plain *text*, a [link](https://example.org) and <kbd>Ctrl</kbd>.\n"
    )
    assert unknown_tags(rendered, "", 1, "x.md") == ()
