"""Level 1: the pure extractor on small HTML fragments."""

import dataclasses

import pytest
from bs4 import BeautifulSoup

from reality_check.plugins.summary_card import BodyEdit, BriefCard, CardSettings, KeyPoint, extract_card
from reality_check.plugins.summary_card.card import (
    CardProblem,
    ProblemCode,
    normalize_heading,
    recommendation_number,
)
from reality_check.plugins.summary_card.source import located_problems

# The seed brief's structure, as Markdown renders it (shortened sentences).
SEED_LIKE = """
<h2 id="key-points">Key points</h2>
<ul>
<li>The arrest of a dissident highlights a tension.</li>
<li>Policymakers should avoid a rights-first approach.</li>
<li>Build a less aspirational policy.</li>
</ul>
<h2 id="whats-the-issue">What’s the issue?</h2>
<p>Some context.</p>
<h2 id="what-is-the-solution">What is the solution?</h2>
<p>Three steps:</p>
<ol>
<li><p><strong>Resist further sanctions.</strong> In recent years, sanctions became the go-to tool.</p></li>
<li><p><strong>Adopt a realistic attitude.</strong> Be clear-eyed.</p></li>
<li><p><strong>Find carrots.</strong> Offer incentives.</p></li>
</ol>
<p><a href="/naei/">Explore NAEI</a></p>
"""


def test_seed_structure_gives_three_points_and_three_recommendations():
    result = extract_card(SEED_LIKE)

    assert result.problems == ()
    assert [p.text for p in result.card.key_points] == [
        "The arrest of a dissident highlights a tension.",
        "Policymakers should avoid a rights-first approach.",
        "Build a less aspirational policy.",
    ]
    recs = result.card.recommendations
    assert [(r.number, r.title) for r in recs] == [
        (1, "Resist further sanctions."),
        (2, "Adopt a realistic attitude."),
        (3, "Find carrots."),
    ]
    assert recs[0].text == "In recent years, sanctions became the go-to tool."
    assert recs[0].anchor == "recommendation-1"


def test_body_below_card_drops_key_points_and_anchors_recommendations():
    result = extract_card(SEED_LIKE)
    body = result.body_html(SEED_LIKE)

    assert "Key points" not in body
    assert "The arrest of a dissident" not in body
    anchored = BeautifulSoup(body, "html.parser").find(id="recommendation-2")
    assert anchored.name == "li"
    assert anchored.get_text().startswith("Adopt a realistic attitude.")
    assert "What’s the issue?" in body
    assert "Explore NAEI" in body


def test_key_points_section_with_prose_stays_in_body_and_is_reported():
    html = "<h2>Key points</h2><p>An introduction the card does not show.</p><ul><li>One.</li></ul>"
    result = extract_card(html)
    assert [p.text for p in result.card.key_points] == ["One."]
    assert "An introduction the card does not show." in result.body_html(html)
    assert "<li>One.</li>" in result.body_html(html)
    assert [str(p) for p in result.problems if "key points" in str(p)] == [
        "key points appear twice: the section under the heading 'Key points' holds more than its list ('An "
        "introduction the card does not show.'), so it stays in the body below the card; move the other text out "
        "of that section"
    ]


def test_a_rule_under_the_key_points_is_named_as_what_to_remove():
    """'---' under the key points said the section held "more than its list": the editor saw only the list."""
    html = "<h2>Key points</h2><ul><li>One.</li></ul><hr><h2>What is the solution?</h2><ol><li>Do.</li></ol>"
    (problem,) = extract_card(html).problems
    assert (problem.code, str(problem)) == (
        ProblemCode.KEY_POINTS_SECTION_HOLDS_MORE,
        "key points appear twice: the section under the heading 'Key points' holds a line '---' besides its list, "
        "so it stays in the body below the card; remove the '---' (the card sets the key points apart already)",
    )


@pytest.mark.parametrize(
    "item",
    [
        "<li>\n   <strong>  Resist   further\nsanctions. </strong>\n\n   In   recent years.  </li>",
        "<li><p>\n<strong>Resist further sanctions.</strong>\n</p><p>In recent years.</p></li>",
    ],
)
def test_extra_whitespace_is_folded(item):
    html = f"<h2>Key points</h2><ul><li>\n  A   point\n spread  out. </li></ul><h2>What is the solution?</h2><ol>{item}</ol>"
    result = extract_card(html)
    assert result.card.key_points[0].text == "A point spread out."
    rec = result.card.recommendations[0]
    assert (rec.title, rec.text) == ("Resist further sanctions.", "In recent years.")


def test_link_inside_key_point_is_kept_as_safe_html():
    html = (
        '<h2>Key points</h2><ul><li>See <a href="/briefs/other/" onclick="x()">the earlier brief</a>'
        ' and <em>why</em> it <span class="x">matters</span>.</li></ul>'
    )
    point = extract_card(html).card.key_points[0]
    assert point.text == "See the earlier brief and why it matters."
    assert point.html == 'See <a href="/briefs/other/">the earlier brief</a> and <em>why</em> it matters.'


def test_markup_in_key_point_text_is_escaped():
    html = "<h2>Key points</h2><ul><li>Use &lt;script&gt; tags &amp; more.</li></ul>"
    point = extract_card(html).card.key_points[0]
    assert point.text == "Use <script> tags & more."
    assert point.html == "Use &lt;script&gt; tags &amp; more."


def test_recommendation_without_bold_lead_uses_first_sentence():
    html = "<h2>What is the solution?</h2><ol><li>Talk to Moscow. Keep channels open! Always.</li></ol>"
    rec = extract_card(html).card.recommendations[0]
    assert (rec.number, rec.title, rec.text) == (1, "Talk to Moscow.", "Keep channels open! Always.")


@pytest.mark.parametrize(
    ("items", "text"),
    [
        ("<ul><li>first thing</li><li>second <em>thing</em></li></ul>", "Do this: first thing; second thing"),
        (
            "<ol><li>First thing.</li><li>Second thing!</li><li>Third</li></ol>",
            "Do this: First thing. Second thing! Third",
        ),
        ("<ul><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul>", "Do this: a a1; a2; b"),
    ],
)
def test_a_recommendations_sub_list_reads_as_its_items_in_one_line(items, text):
    html = f"<h2>What is the solution?</h2><ol><li><strong>Act.</strong> Do this:{items}</li></ol>"
    rec = extract_card(html).card.recommendations[0]
    assert (rec.title, rec.text) == ("Act.", text)


def test_numbering_follows_the_author():
    html = '<h2>What is the solution?</h2><ol start="3"><li>Three.</li><li>Four.</li><li value="9">Nine.</li></ol>'
    recs = extract_card(html).card.recommendations
    assert [r.number for r in recs] == [3, 4, 9]


def messages(fragment: str, settings: CardSettings | None = None) -> list[str]:
    return [str(p) for p in extract_card(fragment, settings or CardSettings()).problems]


@pytest.mark.parametrize(
    ("fragment", "code", "expected"),
    [
        (
            "<h2>What is the solution?</h2><ol><li>Do it.</li></ol>",
            ProblemCode.NO_KEY_POINTS,
            "no key points: add a heading '## Key points' followed by a bulleted list ('- …')",
        ),
        (
            "<h2>Key pionts</h2><ul><li>A.</li></ul><h2>What is the solution?</h2><ol><li>Do it.</li></ol>",
            ProblemCode.NO_KEY_POINTS,
            "no key points: did you mean 'Key points'? The heading 'Key pionts' is not one the card reads: write it "
            "'Key points', followed by a bulleted list ('- …')",
        ),
        (
            "<h2>Key points</h2><p>No list here.</p><h2>What is the solution?</h2><ol><li>Do it.</li></ol>",
            ProblemCode.KEY_POINTS_NOT_A_LIST,
            "no key points: the heading 'Key points' must be followed by a bulleted list with at least one point",
        ),
        (
            "<h2>Key points</h2><ul></ul><h2>What is the solution?</h2><ol><li>Do it.</li></ol>",
            ProblemCode.KEY_POINTS_EMPTY_LIST,
            "no key points: the heading 'Key points' must be followed by a bulleted list with at least one point",
        ),
        (
            "<h2>Key points</h2><ul><li>A.</li></ul>",
            ProblemCode.NO_RECOMMENDATIONS,
            "no recommendations: add a heading '## What is the solution?' followed by a numbered list such as "
            "'1. **Lead sentence.** Details…'",
        ),
        (
            "<h2>Key points</h2><ul><li>A.</li></ul><h2>What is the solution?</h2><p>Nothing numbered.</p>",
            ProblemCode.RECOMMENDATIONS_NONE_UNDER_HEADING,
            "no recommendations: the heading 'What is the solution?' must be followed by a numbered list such as "
            "'1. **Lead sentence.** Details…'",
        ),
        (
            "<h2>Key points</h2><ul><li>A.</li></ul><h2>Recommendations</h2><ol></ol>",
            ProblemCode.RECOMMENDATIONS_NONE_UNDER_HEADING,
            "no recommendations: the heading 'Recommendations' must be followed by a numbered list such as "
            "'1. **Lead sentence.** Details…'",
        ),
        (
            "<h2>Key points</h2><ul><li>A.</li></ul><h2>Recommendations</h2><h3>1.</h3><h3>2. Keep</h3><p>Spare.</p>",
            ProblemCode.RECOMMENDATION_EMPTY,
            "recommendation 1 under the heading 'Recommendations' is empty",
        ),
    ],
)
def test_missing_sections_are_reported(fragment, code, expected):
    problems = extract_card(fragment, CardSettings()).problems
    assert (code, expected) in [(p.code, str(p)) for p in problems]


def test_an_image_in_a_key_point_is_a_problem_since_no_page_would_show_it():
    html = (
        '<h2>Key points</h2><ul><li>Words.</li><li>A chart <img alt="A chart" src="/images/c.png"> here.</li></ul>'
        "<h2>What is the solution?</h2><ol><li>Do it.</li></ol>"
    )

    (problem,) = extract_card(html).problems

    assert (problem.code, problem.heading) == (ProblemCode.KEY_POINT_HOLDS_IMAGE, "Key points")
    assert str(problem) == (
        "key point 2 under the heading 'Key points' holds an image, which the card cannot show (it shows the "
        "points' words) and the page would then lose: move the image below the key points, into the body"
    )


def test_one_accepted_heading_is_named_as_such():
    settings = CardSettings(key_points_headings=("Bottom line",))
    assert "no key points: add a heading '## Bottom line' followed by a bulleted list ('- …')" in messages(
        "<p>x</p>", settings
    )


def test_headings_come_from_settings():
    settings = CardSettings(key_points_headings=("Bottom line",), recommendations_headings=("Asks",))
    html = "<h3>Bottom line:</h3><ul><li>A.</li></ul><h3>ASKS</h3><ol><li><b>Go.</b> Now.</li></ol>"
    result = extract_card(html, settings)
    assert result.problems == ()
    assert result.card.recommendations[0].title == "Go."
    assert extract_card(html).card == BriefCard()  # the defaults do not know these headings


def test_section_ends_at_next_heading_of_same_level():
    html = "<h2>Key points</h2><h2>Other</h2><ul><li>Not a key point.</li></ul>"
    result = extract_card(html)
    assert result.card.key_points == ()
    assert str(result.problems[0]).startswith("no key points")


def test_card_is_immutable_and_comparable():
    card = extract_card(SEED_LIKE).card
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.key_points = ()  # type: ignore[misc]
    assert card == extract_card(SEED_LIKE).card
    assert isinstance(card.key_points, tuple)
    assert not BriefCard()
    assert BriefCard(key_points=(KeyPoint("a", "a"),))


def test_the_first_key_point_is_what_a_description_quotes():
    card = BriefCard(
        key_points=(KeyPoint("First, in a SYNTHETIC brief.", "First"), KeyPoint("Second.", "Second"))
    )
    assert card.first_key_point == "First, in a SYNTHETIC brief."
    assert BriefCard().first_key_point == ""


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Key points", "key points"),
        ("  KEY   Points: ", "key points"),
        ("What’s the issue?", "what is the issue"),
        ("What's the solution ?", "what is the solution"),
        ("What is the solution", "what is the solution"),  # the question mark left out
        ("Russia's interests", "russia's interests"),
        ("В чём решение?", "в чем решение"),  # ё written е, as most typists do
        ("Key\u200b points\u200b", "key points"),  # a zero-width space pasted with the words
    ],
)
def test_normalize_heading(heading, expected):
    assert normalize_heading(heading) == expected


def test_whats_the_solution_is_the_solution_heading():
    """The seed writes "What’s the issue?": an editor writing "What’s the solution?" was told to add a heading."""
    html = "<h2>Key points</h2><ul><li>A.</li></ul><h2>What’s the solution?</h2><ol><li><b>Act.</b> Now.</li></ol>"
    extraction = extract_card(html)
    assert extraction.problems == ()
    assert [(r.number, r.title) for r in extraction.card.recommendations] == [(1, "Act.")]


# Recommendations numbered as if in the list but outside it, as the site's Markdown renders them: the card showed
# the list's and left the others out without a word.
KEY = "<h2>Key points</h2><ul><li>A.</li></ul><h2>What is the solution?</h2>"
LIST_CUT = [
    (
        "<ol><li><b>One.</b> a</li></ol><p>2.<b>Two.</b> b</p>",
        "recommendation 2 under the heading 'What is the solution?' is not in its numbered list, so the card leaves "
        "it out: put a space after '2.' (write '2. **Lead sentence.** Details…')",
    ),
    (
        '<p>1.<b>One.</b> a</p><ol start="2"><li><b>Two.</b> b</li></ol>',
        "recommendation 1 under the heading 'What is the solution?' is not in its numbered list, so the card leaves "
        "it out: put a space after '1.' (write '1. **Lead sentence.** Details…')",
    ),
    (
        '<ol><li><b>One.</b> a</li></ol><p>More on one.</p><ol start="2"><li>Two.</li><li>Three.</li></ol>',
        "the numbered list under the heading 'What is the solution?' ends after recommendation 1, so the card "
        "leaves out recommendations 2 to 3: indent the text before recommendation 2 by four spaces, so it belongs "
        "to recommendation 1",
    ),
    (
        '<ol><li>One.</li><li>Two.</li></ol><p>More.</p><ol start="3"><li>Three.</li></ol>',
        "the numbered list under the heading 'What is the solution?' ends after recommendation 2, so the card "
        "leaves out recommendation 3: indent the text before recommendation 3 by four spaces, so it belongs to "
        "recommendation 2",
    ),
]


@pytest.mark.parametrize(
    ("fragment", "expected"), LIST_CUT, ids=["glued-after", "glued-before", "cut", "cut-one"]
)
def test_recommendations_outside_their_list_are_named(fragment, expected):
    problems = extract_card(KEY + fragment).problems
    assert [(p.code, p.heading, str(p)) for p in problems] == [
        (ProblemCode.RECOMMENDATIONS_LIST_CUT, "What is the solution?", expected)
    ]


@pytest.mark.parametrize(
    "fragment",
    [
        "<ol><li>One.</li></ol><p>2021 saw more.</p><p>1.5 million people left.</p>",  # numbers of the text
        '<ol><li>One.</li></ol><h2>Sources</h2><ol start="2"><li>A source.</li></ol>',  # another section
        "<ol><li>One.</li></ol><p>Then:</p><ol><li>A list of its own.</li></ol>",  # numbered from 1 again
    ],
)
def test_numbers_that_do_not_go_on_from_the_list_are_left_alone(fragment):
    assert extract_card(KEY + fragment).problems == ()


@pytest.mark.parametrize("fast", [True, False], ids=["markdown-it", "python-markdown"])
@pytest.mark.parametrize(
    "body",
    [
        "1. **One.** a\n\n2.**Two.** b\n",
        "1. **One.** a\n\nMore on one, not indented.\n\n2. **Two.** b\n",
    ],
    ids=["no-space", "not-indented"],
)
def test_the_sites_markdown_gives_the_shapes_named(body, fast):
    from reality_check.plugins.brief_registry.rendering import brief_markdown, site_markdown

    html = brief_markdown(site_markdown(), fast=fast).convert(
        "## Key points\n\n- A.\n\n## What is the solution?\n\n" + body
    )
    assert [p.code for p in extract_card(html).problems] == [ProblemCode.RECOMMENDATIONS_LIST_CUT]


def test_a_key_point_holding_a_list_is_a_problem_since_the_card_runs_it_into_one_line():
    """'Point one: sub a sub b' was the card's key point, and the list left the page with the section."""
    html = (
        "<h2>Key points</h2><ul><li>Words.</li><li>Two parts:<ul><li>one</li><li>two</li></ul></li></ul>"
        "<h2>What is the solution?</h2><ol><li>Do it.</li></ol>"
    )
    (problem,) = extract_card(html).problems
    assert (problem.code, problem.heading) == (ProblemCode.KEY_POINT_HOLDS_LIST, "Key points")
    assert str(problem) == (
        "key point 2 under the heading 'Key points' holds a list of its own, which the card runs into one line of "
        "text: write the point as one sentence, and put the list in the body below the key points"
    )


def test_a_key_points_heading_written_with_one_hash_says_to_write_two():
    html = "<h1>Key points</h1><ul><li>A.</li></ul><h2>What is the solution?</h2><ol><li>Do it.</li></ol>"
    problems = extract_card(html).problems
    assert [(p.code, p.heading) for p in problems] == [
        (ProblemCode.KEY_POINTS_SECTION_HOLDS_MORE, "Key points")
    ]
    assert str(problems[0]) == (
        "the heading 'Key points' is written with one '#', so every '##' heading after it belongs to its section, "
        "which then holds the whole brief: write it with two, '## Key points'"
    )


@pytest.mark.parametrize(
    ("html", "body"),
    [
        ("", ""),
        ("<p>Same.</p>", "<p>Same.</p>"),
        ("<h2>Key points</h2><ul><li>A.</li></ul><p>Rest.</p>", "<p>Rest.</p>"),  # a section taken out first
        ("<p>Intro.</p><h2>Key points</h2><ul></ul><p>Rest.</p>", "<p>Intro.</p><p>Rest.</p>"),
        ("<p>Intro.</p><h2>Key points</h2>", "<p>Intro.</p>"),
        (
            "<p>A</p>" * 900
            + "<ol><li>Act.</li></ol>"
            + "<p>B—é</p>" * 900,  # past the first blocks compared
            "<p>A</p>" * 900 + '<ol><li id="recommendation-1">Act.</li></ol>' + "<p>B—é</p>" * 900,
        ),
        ("a\na\na\na\n", "a\na\n"),  # repeated lines
        ("ab", "xy"),
        (
            "\n  <p>Kept.</p>\n<h2>Key points</h2>\n",
            "<p>Kept.</p>",
        ),  # white space around, as Markdown leaves it
    ],
)
def test_the_body_is_kept_as_an_edit_that_makes_it_again_exactly(html, body):
    edit = BodyEdit.between(html, body)
    assert edit.apply(html) == body
    assert edit.empty == (body == "")


def test_a_long_body_is_kept_as_a_small_edit():
    html = SEED_LIKE + "<p>A paragraph of the body, long after the card's sections.</p>\n" * 300
    result = extract_card(html)
    literal = sum(len(piece) for piece in result.body.pieces if isinstance(piece, str))
    assert literal < len(result.body_html(html)) / 20


def test_an_edit_refuses_html_it_was_not_made_from():
    edit = BodyEdit.between("<p>One.</p>", "<p>One!</p>")
    with pytest.raises(ValueError, match="an HTML body of 11 characters, not 12"):
        edit.apply("<p>Ones.</p>")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 Resist further sanctions.", (1, "Resist further sanctions.")),
        ("2. Adopt a realistic attitude.", (2, "Adopt a realistic attitude.")),
        (" 3) Find carrots.", (3, "Find carrots.")),
        ("12. Twelfth", (12, "Twelfth")),
        ("4", (4, "")),  # the number alone: the lead follows in another element
        ("2021 saw the arrest.", None),  # a year opens a paragraph; it numbers no recommendation
        ("1.5 million people", None),
        ("Resist 1", None),
    ],
)
def test_a_recommendations_number_is_one_or_two_digits_then_a_dot_bracket_or_space(text, expected):
    assert recommendation_number(text) == expected


def test_a_key_point_flattened_into_one_line_keeps_its_words_apart():
    """Where a key point holds block markup, the card's line has a space wherever a reader sees a break (the
    elements reading times count words by), not words run together."""
    html = (
        "<h2>Key points</h2><ul>"
        "<li>Costs<table><tr><td>rose</td><td>fell</td></tr></table></li>"
        "<li>One<hr>two<div>three</div></li>"
        "</ul>"
    )
    points = extract_card(html).card.key_points
    assert [(point.text, point.html) for point in points] == [
        ("Costs rose fell", "Costs rose fell"),
        ("One two three", "One two three"),
    ]


def test_a_problem_of_a_brief_whose_front_matter_cannot_be_read_is_placed_at_its_first_line():
    """brief_registry says what is wrong with the front matter; the card's problem still names a line and its code."""
    problem = CardProblem("no key points: add a heading", ProblemCode.NO_KEY_POINTS, heading="Key points")

    def unused(text: str) -> str:
        raise AssertionError("no heading is looked for without the body")

    (located,) = located_problems("content/briefs/x.md", None, [problem], unused)

    assert str(located) == "content/briefs/x.md:1: no key points: add a heading"
    assert located.code == ProblemCode.NO_KEY_POINTS


@pytest.mark.parametrize("section", ["What is the solution?", "Key points"])
def test_a_heading_written_twice_is_named_at_its_second_line(section):
    """The same heading twice said "under the headings 'What is the solution?' and 'What is the solution?'" at the
    first one's line: which one to remove was left to guess."""
    from reality_check.plugins.brief_registry import read_front_matter
    from reality_check.plugins.brief_registry.rendering import brief_markdown, site_markdown

    body = (
        "## Key points\n\n- Point A.\n\n## What is the solution?\n\n1. **Act.** Now.\n\n"  # lines 5 to 11
        f"## Background\n\nInvented text.\n\n## {section}\n\n"  # the repeated heading: line 17
        + ("1. **Act again.** Later.\n" if "solution" in section else "- Point B.\n")
    )
    front = read_front_matter(f"---\ntitle: X\n---\n\n{body}", "x.md")
    render = brief_markdown(site_markdown()).convert
    result = extract_card(render(front.body))
    (located,) = located_problems("x.md", front, result.problems, render)
    what = "recommendations" if "solution" in section else "key points"
    assert str(located) == (
        f"x.md:17: {what} appear twice: the heading '{section}' is written twice (the card shows those under the "
        "first): remove this one, or merge its list into the first"
    )


@pytest.mark.parametrize(
    ("written", "line", "expected"),
    [
        (
            "**Key points**",
            5,
            "no key points: 'Key points' is written as a paragraph, not a heading: write it as '## Key points' on a "
            "line of its own, followed by a bulleted list ('- …')",
        ),
        (
            "What is the solution?",
            13,
            "no recommendations: 'What is the solution?' is written as a paragraph, not a heading: write it as "
            "'## What is the solution?' on a line of its own, followed by a numbered list such as "
            "'1. **Lead sentence.** Details…'",
        ),
    ],
)
def test_a_section_heading_written_as_a_paragraph_is_named_at_its_line(written, line, expected):
    """Written in bold or as plain words, the heading was not seen: the message asked to add one, at another line."""
    from reality_check.plugins.brief_registry import read_front_matter
    from reality_check.plugins.brief_registry.rendering import brief_markdown, site_markdown

    body = "## Key points\n\n- Point A.\n\n## Background\n\nInvented.\n\n## What is the solution?\n\n1. **Act.** Now.\n"
    heading = "## Key points" if "Key" in written else "## What is the solution?"
    front = read_front_matter(f"---\ntitle: X\n---\n\n{body.replace(heading, written)}", "x.md")
    render = brief_markdown(site_markdown()).convert
    (located,) = located_problems("x.md", front, extract_card(render(front.body)).problems, render)
    assert (located.line, located.message) == (line, expected)


def test_of_several_numbered_lists_the_card_takes_the_one_whose_items_lead_in_bold():
    """A numbered list in the section's introduction was the card's recommendations; the real ones were dropped."""
    html = (
        "<h2>Key points</h2><ul><li>A.</li></ul><h2>What is the solution?</h2><p>Two constraints:</p>"
        "<ol><li>Congress will not act.</li><li>Allies are divided.</li></ol><p>Three steps:</p>"
        "<ol><li><p><strong>Resist.</strong> Now.</p></li><li><p><strong>Adopt.</strong> Then.</p></li></ol>"
    )
    extraction = extract_card(html)
    assert extraction.problems == ()
    assert [(r.number, r.title, r.text) for r in extraction.card.recommendations] == [
        (1, "Resist.", "Now."),
        (2, "Adopt.", "Then."),
    ]


def test_recommendations_run_together_into_one_paragraph_are_named():
    """'1) …' lines with no blank line between: Markdown makes one paragraph of them, the card showed the first."""
    from reality_check.plugins.brief_registry.rendering import brief_markdown, site_markdown

    body = "## Key points\n\n- A.\n\n## What is the solution?\n\n1) **Resist.** Now.\n2) **Adopt.** Then.\n"
    (problem,) = extract_card(brief_markdown(site_markdown()).convert(body)).problems
    assert (problem.code, str(problem)) == (
        ProblemCode.RECOMMENDATIONS_LIST_CUT,
        "recommendations under the heading 'What is the solution?' run together into one paragraph, so the card "
        "shows only the first: number them '1.', '2.' (with a full stop), or leave a blank line between them",
    )
    apart = body.replace("Now.\n2)", "Now.\n\n2)")
    assert extract_card(brief_markdown(site_markdown()).convert(apart)).problems == ()


def test_key_points_pasted_with_a_word_processors_bullets_are_told_to_start_with_a_hyphen():
    html = "<h2>Key points</h2><p>• First point.\n• Second point.</p><h2>What is the solution?</h2><ol><li>Do.</li></ol>"
    (problem,) = extract_card(html).problems
    assert (problem.code, str(problem)) == (
        ProblemCode.KEY_POINTS_NOT_A_LIST,
        "no key points: the points under the heading 'Key points' start with '•', which Markdown shows as text, not "
        "as a list: start each point's line with '- ' instead",
    )


def test_a_card_heading_without_its_question_mark_is_read():
    html = "<h2>Key points</h2><ul><li>A.</li></ul><h2>What is the solution</h2><ol><li><b>Act.</b> Now.</li></ol>"
    extraction = extract_card(html)
    assert extraction.problems == ()
    assert [r.title for r in extraction.card.recommendations] == ["Act."]


@pytest.mark.parametrize(
    ("point", "markup"),
    [
        ("The **arrest** of a synthetic dissident matters.", "**arrest**"),
        ("See [the source](https://example.org/n) for more.", "[the source](https://example.org/n)"),
        ("A *slanted* word.", "*slanted*"),
    ],
)
def test_markdown_in_the_front_matters_key_points_is_named_since_the_card_would_show_it_as_typed(
    point, markup
):
    from reality_check.plugins.summary_card.card import card_from_front_matter

    given, problems = card_from_front_matter({"key_points": [point, "A plain point, 5 * 3 = 15."]})
    assert given.key_points is None
    assert [(p.code, p.index, str(p)) for p in problems] == [
        (
            ProblemCode.KEY_POINTS_FIELD_SHAPE,
            0,
            f"key_points item 1 holds Markdown ('{markup}'), which the card would show as typed: write plain "
            "sentences in key_points, or write the key points in the body, under '## Key points', to keep their "
            "links and emphasis",
        )
    ]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        # An editor's note holding the heading above the real one: the problem was placed inside the note.
        (
            "## Key points\n\n- A.\n\n<!--\n## What is the solution?\n1. An old idea.\n-->\n\n"
            "## What is the solution?\n\n- **Act.** Bulleted, not numbered.\n",
            14,
        ),
        # A heading pasted as HTML: the problem was placed at the body's first line.
        ("Intro.\n\n<h2>What is the solution?</h2>\n\n- **Act.** Bulleted, not numbered.\n", 7),
        # A heading with a note after it.
        ("Intro.\n\n## What is the solution? <!-- check -->\n\n- **Act.** Bulleted.\n", 7),
    ],
    ids=["heading-in-a-comment", "html-heading", "heading-with-a-note"],
)
def test_a_problem_is_placed_at_the_heading_the_page_shows(body, line):
    from reality_check.plugins.brief_registry import read_front_matter
    from reality_check.plugins.brief_registry.rendering import brief_markdown, site_markdown

    front = read_front_matter(f"---\ntitle: X\n---\n\n{body}", "x.md")
    render = brief_markdown(site_markdown()).convert
    found = [
        p
        for p in located_problems("x.md", front, extract_card(render(front.body)).problems, render)
        if p.code == ProblemCode.RECOMMENDATIONS_NONE_UNDER_HEADING
    ]
    assert [p.line for p in found] == [line]
