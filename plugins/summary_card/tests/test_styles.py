"""Level 1: every way editors write a brief gives the same kind of card (pure functions, small inputs)."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest

from reality_check.plugins.brief_registry.rendering import BriefMarkdown
from reality_check.plugins.summary_card import (
    CardSettings,
    GivenCard,
    KeyPoint,
    Recommendation,
    card_from_front_matter,
    extract_card,
)
from reality_check.plugins.summary_card.card import ProblemCode, brief_card
from reality_check.plugins.summary_card.source import find_heading, headings

TEST_DATA = Path(__file__).resolve().parent.parent / "test_data"
KEY_POINTS = "<h2>Key points</h2><ul><li>Point A.</li><li>Point B.</li></ul>"


def recs(fragment: str) -> list[tuple[int, str, str]]:
    result = extract_card(KEY_POINTS + fragment)
    assert result.problems == (), result.problems
    return [(r.number, r.title, r.text) for r in result.card.recommendations]


# --- Key points: each accepted heading, each kind of list --------------------------------------------


@pytest.mark.parametrize("heading", ["Key points", "Key takeaways", "Summary", "KEY TAKEAWAYS:", "summary :"])
@pytest.mark.parametrize(
    "lst",
    [
        "<ul><li>Point A.</li><li>Point B.</li></ul>",  # "-" or "*" items render the same
        "<ol><li>Point A.</li><li>Point B.</li></ol>",
        '<ol start="4"><li>Point A.</li><li>Point B.</li></ol>',
    ],
)
def test_key_points_under_each_heading_and_list_kind(heading, lst):
    html = f"<h2>{heading}</h2>{lst}<h2>Recommendations</h2><ol><li>Act.</li></ol>"
    result = extract_card(html)
    assert result.problems == ()
    assert [p.text for p in result.card.key_points] == ["Point A.", "Point B."]
    assert "Point A." not in result.body_html(html)  # the card shows them; the body does not repeat them


# --- Recommendations: each accepted heading, each writing style -----------------------------------------


@pytest.mark.parametrize(
    "heading", ["What is the solution?", "Recommendations", "What should be done?", "Policy recommendations:"]
)
def test_each_recommendations_heading_is_accepted(heading):
    assert recs(f"<h2>{heading}</h2><ol><li><strong>Act.</strong> Now.</li></ol>") == [(1, "Act.", "Now.")]


STYLES = {
    "ordered list, bold lead": (
        "<h2>Recommendations</h2><ol><li><p><strong>Count the boats.</strong> Again.</p></li>"
        "<li><p><strong>Offer a pond.</strong> Boats sink at sea.</p></li></ol>",
        [(1, "Count the boats.", "Again."), (2, "Offer a pond.", "Boats sink at sea.")],
    ),
    "ordered list, bold lead with the full stop outside": (
        "<h2>Recommendations</h2><ol><li><strong>Count the boats</strong>. Again.</li></ol>",
        [(1, "Count the boats", "Again.")],
    ),
    "ordered list, no bold": (
        "<h2>What should be done?</h2><ol><li>Import fewer sheep. A smaller flock helps!</li>"
        "<li>Tax wine. By the barrel.</li></ol>",
        [(1, "Import fewer sheep.", "A smaller flock helps!"), (2, "Tax wine.", "By the barrel.")],
    ),
    "numbered sub-headings": (
        "<h2>Policy recommendations</h2><h3>1. Buy the windmills</h3><p>Cheaper.</p><p>Likely.</p>"
        "<h3>2. Keep one factory</h3><p>For calm days.</p>",
        [(1, "Buy the windmills", "Cheaper. Likely."), (2, "Keep one factory", "For calm days.")],
    ),
    "numbered sub-headings without a full stop": (
        "<h2>Recommendations</h2><h3>1 Buy</h3><p>Cheaper.</p><h3>2) Keep</h3><p>Spare.</p>",
        [(1, "Buy", "Cheaper."), (2, "Keep", "Spare.")],
    ),
    "a numbered sub-heading with no title leads with its text": (
        "<h2>Recommendations</h2><h3>1.</h3><p>Buy the windmills. They are cheaper.</p>"
        "<h3>2. Keep one factory</h3><p>For calm days.</p>",
        [(1, "Buy the windmills.", "They are cheaper."), (2, "Keep one factory", "For calm days.")],
    ),
    "numbered paragraphs (the seed's plain text)": (
        "<h2>What is the solution?</h2><p>Two steps:</p>"
        "<p>1 Resist further sanctions. In recent years, sanctions became the go-to tool.</p>"
        "<p>2 Adopt a realistic attitude. Be clear-eyed.</p>",
        [
            (1, "Resist further sanctions.", "In recent years, sanctions became the go-to tool."),
            (2, "Adopt a realistic attitude.", "Be clear-eyed."),
        ],
    ),
    "numbered paragraphs with a bold lead": (
        "<h2>What is the solution?</h2><p>1 <strong>Breed pigeons.</strong> Start now.</p>"
        "<p>2) <b>Test kites.</b> In still air.</p>",
        [(1, "Breed pigeons.", "Start now."), (2, "Test kites.", "In still air.")],
    ),
}


@pytest.mark.parametrize(("fragment", "expected"), STYLES.values(), ids=STYLES.keys())
def test_each_recommendation_style(fragment, expected):
    assert recs(fragment) == expected


@pytest.mark.parametrize(
    ("fragment", "expected_anchor_holder"),
    [
        (STYLES["ordered list, bold lead"][0], "li"),
        (STYLES["numbered sub-headings"][0], "h3"),
        (STYLES["numbered paragraphs (the seed's plain text)"][0], "p"),
    ],
)
def test_each_style_anchors_its_recommendations_in_the_body(fragment, expected_anchor_holder):
    from bs4 import BeautifulSoup

    result = extract_card(KEY_POINTS + fragment)
    body = BeautifulSoup(result.body_html(KEY_POINTS + fragment), "html.parser")
    for rec in result.card.recommendations:
        holder = body.find(id=rec.anchor)
        assert holder is not None
        assert holder.name == expected_anchor_holder
        assert rec.title.rstrip(".") in holder.get_text()


def test_paragraph_opening_with_a_year_is_not_a_recommendation():
    fragment = "<h2>Recommendations</h2><p>2021 was hard.</p><p>1 Act now. Soon.</p>"
    assert recs(fragment) == [(1, "Act now.", "Soon.")]


def test_numbered_sub_headings_win_over_a_list_inside_a_recommendation():
    fragment = (
        "<h2>Recommendations</h2><h3>1. Buy</h3><p>Two reasons:</p><ol><li>Cheap.</li><li>Quick.</li></ol>"
        "<h3>2. Keep</h3><p>Spare.</p>"
    )
    assert [r[:2] for r in recs(fragment)] == [(1, "Buy"), (2, "Keep")]


# --- Numbering as the author wrote it ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "numbers"),
    [
        ('<h2>Recommendations</h2><ol start="3"><li>Three.</li><li>Four.</li></ol>', [3, 4]),
        ("<h2>Recommendations</h2><h3>3. Three</h3><p>x</p><h3>5. Five</h3><p>y</p>", [3, 5]),
        ("<h2>Recommendations</h2><p>7 Seven. x</p><p>8 Eight. y</p>", [7, 8]),
    ],
)
def test_numbering_is_kept_as_written(fragment, numbers):
    assert [n for n, _, _ in recs(fragment)] == numbers


def test_duplicate_numbers_are_reported():
    fragment = "<h2>Recommendations</h2><p>1 One. x</p><p>1 Again one. y</p>"
    result = extract_card(KEY_POINTS + fragment)
    assert [r.number for r in result.card.recommendations] == [1]
    assert [str(p) for p in result.problems] == [
        "recommendation number 1 appears twice under the heading 'Recommendations' (expected each number once)"
    ]


# --- Key points appearing twice --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        (
            "<h2>Key points</h2><ul><li>A.</li></ul><h2>Summary</h2><ul><li>B.</li></ul>",
            "key points appear twice: under the headings 'Key points' and 'Summary' "
            "(the card shows those under 'Key points')",
        ),
        (
            "<h2>Key points</h2><ul><li>Same point.</li><li>same  POINT.</li></ul>",
            "key points appear twice: 'same POINT.' is listed more than once",
        ),
    ],
)
def test_key_points_twice_is_a_problem(fragment, expected):
    result = extract_card(fragment + "<h2>Recommendations</h2><ol><li>Act.</li></ol>")
    assert [str(p) for p in result.problems] == [expected]


def test_recommendations_twice_is_a_problem():
    fragment = "<h2>Recommendations</h2><ol><li>A.</li></ol><h2>What should be done?</h2><ol><li>B.</li></ol>"
    result = extract_card(KEY_POINTS + fragment)
    assert [r.title for r in result.card.recommendations] == ["A."]
    assert [p.heading for p in result.problems] == ["What should be done?"]


# --- Front matter wins, field by field --------------------------------------------------------------


def test_front_matter_key_points_win_and_the_body_section_goes():
    given, problems = card_from_front_matter({"key_points": ["From front matter.", "Second <b>one</b>."]})
    assert problems == ()
    html = KEY_POINTS + "<h2>Recommendations</h2><ol><li>Act.</li></ol>"
    result = extract_card(html, given=given)
    assert result.card.key_points == (
        KeyPoint("From front matter.", "From front matter."),
        KeyPoint("Second <b>one</b>.", "Second &lt;b&gt;one&lt;/b&gt;."),
    )
    assert [r.title for r in result.card.recommendations] == ["Act."]  # still read from the body
    assert "Point A." not in result.body_html(html)
    assert [p.field for p in result.problems] == ["key_points"]
    assert "key points appear twice: in the front matter and under the heading 'Key points'" in str(
        result.problems[0]
    )


def test_front_matter_key_points_without_a_body_section_are_no_problem():
    given, _ = card_from_front_matter({"key_points": ["Only here."]})
    result = extract_card("<h2>Recommendations</h2><ol><li>Act.</li></ol>", given=given)
    assert result.problems == ()
    assert [p.text for p in result.card.key_points] == ["Only here."]


def test_front_matter_recommendations_win_and_link_to_the_body_by_number():
    given, problems = card_from_front_matter(
        {
            "recommendations": [
                {"title": "Short one.", "text": "Card text."},
                {"title": "Only in front matter.", "text": ""},
            ]
        }
    )
    assert problems == ()
    body = "<h2>Recommendations</h2><ol><li><strong>Long one.</strong> Body text.</li></ol>"
    result = extract_card(KEY_POINTS + body, given=given)
    assert result.problems == ()
    assert result.card.recommendations == (
        Recommendation(1, "Short one.", "Card text.", "Card text.", "recommendation-1"),
        Recommendation(2, "Only in front matter.", "", "", ""),
    )
    assert [p.text for p in result.card.key_points] == ["Point A.", "Point B."]


def test_front_matter_recommendations_keep_their_numbers():
    given, problems = card_from_front_matter(
        {"recommendations": [{"title": "Three.", "number": 3}, {"title": "Four."}]}
    )
    assert problems == ()
    assert [r.number for r in given.recommendations] == [3, 4]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            {"key_points": "One sentence."},
            ("key_points", None, "key_points must be a list of sentences (got a string)"),
        ),
        (
            {"key_points": []},
            ("key_points", None, "key_points must be a list of sentences (got an empty list)"),
        ),
        (
            {"key_points": ["Fine.", {"a": 1}]},
            ("key_points", 1, "key_points item 2 must be a sentence (got mapping {'a': 1})"),
        ),
        (
            {"recommendations": ["Go."]},
            (
                "recommendations",
                0,
                "recommendations item 1 must be written as 'title:' and 'text:' lines (got string 'Go.')",
            ),
        ),
        (
            {"recommendations": [{"text": "No title."}]},
            ("recommendations", 0, "recommendations item 1: 'title' must be a sentence (got None)"),
        ),
        (
            {"recommendations": [{"title": "A.", "body": "x"}]},
            (
                "recommendations",
                0,
                "recommendations item 1: unknown key 'body' (expected 'title', 'text' and optionally 'number')",
            ),
        ),
        (
            {"recommendations": [{"title": "A.", "number": 2}, {"title": "B.", "number": 2}]},
            (
                "recommendations",
                1,
                "recommendations item 2: recommendation number 2 appears twice (expected each number once)",
            ),
        ),
    ],
)
def test_front_matter_mistakes_are_reported_and_the_field_ignored(data, expected):
    given, problems = card_from_front_matter(data)
    assert given == GivenCard()
    assert [(p.field, p.index, p.message) for p in problems] == [expected]


# --- Pointing at lines ------------------------------------------------------------------------------


def heading_line(body: str, heading: str, first_line: int) -> int | None:
    found = find_heading(
        headings(body, first_line, BriefMarkdown({"extensions": ["extra"]}).convert), (heading,)
    )
    return found.line if found else None


def test_heading_line_finds_atx_and_setext_headings_outside_fenced_code():
    source = (
        "Intro\n\n## Key points:\n\n- a\n\nRecommendations\n---------------\n\n### **What** should be done?\n"
        "\n```\n## Shown as code\n```\n\n## Shown as code\n"
    )
    assert heading_line(source, "Key points", 10) == 12
    assert heading_line(source, "Recommendations", 1) == 7
    assert heading_line(source, "What should be done?", 1) == 10
    assert heading_line(source, "Shown as code", 1) == 16
    assert heading_line(source, "Missing", 1) is None


def test_a_rule_after_fenced_code_underlines_no_heading():
    """`---` right after a fenced block is a rule: the line above the block is a paragraph, not a heading."""
    source = "Intro text.\n\nKey points\n```\ncode\n```\n---\n\n## Key points\n\n- a\n"
    assert heading_line(source, "Key points", 1) == 9


# --- The fixture briefs, rendered by Markdown as the site renders them ---------------------------------

MARKDOWN = {"extensions": ["extra", "toc", "sane_lists"], "output_format": "html5"}

# What each fixture brief's card must show, written once for these tests and the site tests.
EXPECTED = {
    name: (card["key_points"], [tuple(r) for r in card["recommendations"]])
    for name, card in json.loads((TEST_DATA / "expected_cards.json").read_text(encoding="utf-8")).items()
    if not card["card_from_front_matter"]  # those need the front matter, read by the Pelican-level tests
}


@pytest.mark.parametrize("name", EXPECTED)
def test_fixture_brief_markdown_gives_its_card(name):
    text = (TEST_DATA / "briefs" / name).read_text(encoding="utf-8")
    body = text.split("---", 2)[2]
    result = extract_card(markdown.markdown(body, **MARKDOWN), CardSettings())
    points, expected_recs = EXPECTED[name]
    assert result.problems == ()
    assert [p.text for p in result.card.key_points] == points
    assert [(r.number, r.title) for r in result.card.recommendations] == expected_recs


def test_a_briefs_card_problems_are_the_front_matters_then_the_bodys_and_the_body_is_read_by_extract():
    """brief_card is what the build (its extractions' cache) and make check (the process memo) both call."""
    seen = []

    def extract(html, settings, given):
        seen.append((html, given))
        return extract_card(html, settings, given)

    front = {"key_points": "One sentence.", "recommendations": [{"title": "Act."}]}
    extraction, problems = brief_card(front, "<p>No sections at all.</p>", CardSettings(), extract)
    given, front_problems = card_from_front_matter(front)
    assert seen == [("<p>No sections at all.</p>", given)]  # the well-formed field reaches the extraction
    # The field's mistake, said once: the body's "no key points" too was the same mistake said twice.
    assert problems == front_problems
    assert [p.code for p in extraction.problems] == [ProblemCode.NO_KEY_POINTS]
    assert [p.field for p in problems] == ["key_points"]
    assert [r.title for r in extraction.card.recommendations] == ["Act."]
