"""Level 1: the fast path gives exactly Python-Markdown's HTML, or steps aside for Python-Markdown.

Python-Markdown with the project's MARKDOWN setting is the reference. Each test compares the two renderings of
Markdown a brief may contain: constructs one by one, every Markdown file of the project and its fixtures, and a
generated corpus mixing constructs at random.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pelican.settings import read_settings

from reality_check.plugins.brief_registry.frontmatter import read_front_matter
from reality_check.plugins.brief_registry.problems import FrontMatterError
from reality_check.plugins.brief_registry.rendering import (
    BriefMarkdown,
    fast_path_supported,
    python_markdown_reasons,
)

ROOT = Path(__file__).resolve().parents[3]
# The site's own setting: what every brief is rendered with.
MARKDOWN = read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]


@pytest.fixture(scope="module")
def engine() -> BriefMarkdown:
    return BriefMarkdown(MARKDOWN)


def test_the_project_setting_is_the_one_the_fast_path_reproduces():
    assert fast_path_supported(MARKDOWN)


# What briefs are written in: each renders on the fast path, identically.
FAST = {
    "headings and their anchors": "## Key points\n\n## What’s the issue?\n\n## What’s the issue?\n\n### Why *now*?",
    "a repeated anchor that already ends in a number": "## Step_1\n\n## Step\n\n## Step",
    "numbered list keeping the author's first number": "3. Three\n4. Four",
    "loose numbered list with bold leads": "1. **Resist sanctions.** Text.\n\n2. **Adopt realism.** More text.",
    "bulleted list after a heading": "## Key points\n- One point.\n- Another – with a dash.",
    "emphasis and strong": "Some *emphasis*, some _more_, **strong** and __strong__ and snake_case_names.",
    "links": "See [the page]({filename}/pages/naei.md) and [NAEI](https://example.org/naei?a=1&b=2).",
    "inline code": "Run `make html` & `grep -r x .`.",
    "typography typed by the author": "“Quoted” and ‘single’ – en — em … and AT&T, 50% and $10.",
    "plain quotes stay as typed": 'He said "no" and it\'s fine.',
    "a comment standing alone": "<!-- a note for editors -->\n\nText after it.",
    "a comment at the end": "Text.\n\n<!-- the end -->",
    "emphasis beside punctuation": "**Lead**. A (**note**), “**no**”, *Times*’s, **U.S.** policy and **1.** item.",
}

# Where the dialects part ways: each goes to Python-Markdown (so the result is the reference by construction).
REFERENCE = {
    "footnotes": "A claim.[^1]\n\n[^1]: The source.",
    "tables": "| a | b |\n|---|---|\n| 1 | 2 |",
    "definition list": "Term\n: Definition",
    "abbreviation": "The HTML spec.\n\n*[HTML]: Hyper Text Markup Language",
    "attribute list": "## Heading {: #custom }",
    "raw HTML block": '<div class="x">\nText\n</div>',
    "inline HTML": "Text with <b>bold</b>.",
    "autolink": "<https://example.org>",
    "entity": "Caf&eacute; &#169;",
    "backslash escape": "Not \\*emphasis\\*",
    "nested list": "- a\n    - b",
    "indented code": "    code",
    "fenced code": "```\ncode\n```",
    "block quote": "> quoted",
    "setext heading": "Title\n=====",
    "horizontal rule": "Text\n\n---\n\nMore",
    "heading without a space": "#Heading",
    "list interrupting a paragraph": "Text\n- item",
    "list item continued lazily": "- item\ncontinued",
    "mixed looseness": "1. a\n2. b\n\n3. c",
    "marker change": "- a\n* b",
    "triple emphasis": "***both***",
    "stray asterisk": "2*3*4 and *a* b*",
    "stray underscore": "_under and more",
    "hard line break": "Line one  \nLine two",
    "link with title": '[a](b "title")',
    "reference link": "[a][b]\n\n[b]: https://example.org",
    "image": "![alt](src.png)",
    "table of contents marker": "[TOC]\n\n## A",
    "strong closed after a full stop, a letter next": "1. **Resist further sanctions.**In recent years",
    "emphasis opened before a quotation mark, a letter before": "x**“Lead”** rest",
}


@pytest.mark.parametrize("markdown", FAST.values(), ids=FAST.keys())
def test_what_briefs_are_written_in_takes_the_fast_path_with_identical_html(engine, markdown):
    assert python_markdown_reasons(markdown) == []
    assert engine.convert(markdown) == engine.reference(markdown)


@pytest.mark.parametrize("markdown", REFERENCE.values(), ids=REFERENCE.keys())
def test_constructs_where_the_dialects_differ_go_to_python_markdown(engine, markdown):
    assert python_markdown_reasons(markdown), "expected a reason to use Python-Markdown"
    assert engine.convert(markdown) == engine.reference(markdown)


# Emphasis as a word processor's paste leaves it, beside punctuation and glued to the next word: where CommonMark's
# flanking rules and Python-Markdown part ways (the fast path showed "**Resist further sanctions.**In" as typed).
GLUED = [
    f"{before}{mark}{inner}{mark}{after}"
    for before in ("", "x", "x ", "(", "“", "'", "1. ", "- ", "US-")
    for inner in ("Lead.", "Lead", "“Lead”", "(Lead)", "Lead:", "U.S.", "Lead!", "é")
    for after in ("", " rest", "rest", ".", "’s", "-led", ")", "”", ",rest", "5")
    for mark in ("**", "*", "_", "__")
]


def test_emphasis_glued_to_punctuation_renders_as_the_reference_does(engine):
    fast = [text for text in GLUED if not python_markdown_reasons(text)]
    assert [text for text in fast if engine.convert(text) != engine.reference(text)] == []
    assert len(fast) > len(GLUED) // 3  # the usual forms stay on the fast path


def test_anchors_ordered_lists_and_filename_links_as_readers_know_them(engine):
    html = engine.convert(
        "## What’s the issue?\n\n## What’s the issue?\n\n3. **Find carrots.** Text.\n\n"
        "4. Next.\n\n[Explore NAEI]({filename}/pages/naei.md)"
    )
    assert '<h2 id="whats-the-issue">' in html
    assert '<h2 id="whats-the-issue_1">' in html
    assert '<ol start="3">' in html
    assert '<a href="{filename}/pages/naei.md">Explore NAEI</a>' in html


def test_other_markdown_settings_render_with_python_markdown_alone():
    engine = BriefMarkdown({"extensions": ["markdown.extensions.extra"], "output_format": "html5"})
    text = "1. a\n\n## A heading"
    assert engine.convert(text) == engine.reference(text)
    assert "id=" not in engine.convert(text)  # no toc extension, no anchors, as Python-Markdown does it


def _bodies() -> list[Path]:
    folders = [ROOT / "content", ROOT / "tests" / "fixtures", *ROOT.glob("plugins/*/test_data")]
    return sorted(path for folder in folders for path in folder.rglob("*.md"))


@pytest.mark.parametrize("path", _bodies(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_markdown_file_of_the_project_renders_identically(engine, path):
    text = path.read_text(encoding="utf-8")
    try:
        body = read_front_matter(text, str(path)).body
    except FrontMatterError:
        body = text
    assert engine.convert(body) == engine.reference(body)


def test_the_real_brief_takes_the_fast_path():
    body = read_front_matter(
        (ROOT / "content/briefs/reality-check-4.md").read_text(encoding="utf-8"), ""
    ).body
    assert python_markdown_reasons(body) == []


WORDS = [
    "alliance",
    "posture",
    "What’s",
    "the",
    "issue?",
    "US-Russia",
    "2011-12",
    "C++",
    "a_b_c",
    "3.5",
    "50%",
    "$10",
    "AT&T",
    "“quoted”",
    "'single'",
    '"double"',
    "naïve",
    "—",
    "–",
    "…",
    "!",
    "?",
    ":",
    ";",
    ",",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "#",
    "+",
    "-",
    "=",
    "~",
    "^",
    "@",
    "x*y",
]
INLINE = [
    *["*em*", "**strong**", "_em_", "__strong__", "`code`", "**Lead sentence.**", "snake_case_name"],
    *["[link](https://example.org/a)", "[Explore]({filename}/pages/naei.md)", "[a *b*](c)", "**a _b_ c**"],
    *["*a **b** c*", "(see [x](y))", "**a**b", "a**b**c", "*a*b", "__init__", "[brackets]", "a > b", "#tag"],
]
RISKY = ["2*3*4", "*a* b*", "_under", "* star", "<b>x</b>", "&amp;", "a\\*b", "<http://x.org>", "![i](j)"]


def _word(rng: random.Random) -> str:
    roll = rng.random()
    return rng.choice(RISKY) if roll < 0.02 else rng.choice(INLINE) if roll < 0.3 else rng.choice(WORDS)


def _inline(rng: random.Random) -> str:
    return " ".join(_word(rng) for _ in range(rng.randint(1, 8)))


def _block(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.2:
        return "#" * rng.randint(1, 4) + " " + _inline(rng)
    if roll < 0.45:
        marker, start = rng.choice(["-", "*", "+", "ol"]), rng.choice([1, 1, 3, 10])
        gap = "\n\n" if rng.random() < 0.4 else "\n"
        return gap.join(
            (f"{start + i}." if marker == "ol" else marker) + " " + _inline(rng)
            for i in range(rng.randint(1, 4))
        )
    if roll < 0.5:
        return "<!-- " + "".join(c for c in _inline(rng) if c not in "<>-") + " -->"
    return "\n".join(_inline(rng) for _ in range(rng.randint(1, 3)))


def _document(rng: random.Random) -> str:
    blocks = [_block(rng) for _ in range(rng.randint(1, 6))]
    return "".join(block + rng.choice(["\n\n", "\n\n", "\n", "\n\n\n"]) for block in blocks).rstrip("\n")


def test_a_generated_corpus_renders_identically_and_often_on_the_fast_path(engine):
    """Every document the fast path takes is compared with Python-Markdown's rendering. A document it leaves to
    Python-Markdown is rendered by Python-Markdown itself, so comparing it would compare one rendering with
    itself: every tenth is compared, to show the fallback is called with the same settings."""
    fast = slow = 0
    for seed in range(3000):
        text = _document(random.Random(seed))
        if python_markdown_reasons(text):
            slow += 1
            if slow % 10:
                continue
        else:
            fast += 1
        assert engine.convert(text) == engine.reference(text), f"seed {seed}: {text!r}"
    assert fast > 600  # the comparison covers the fast path, not only the fallback


def test_the_benchmark_corpus_renders_identically_on_the_fast_path(engine, tmp_path):
    from reality_check.bench.corpus import write_corpus

    project, _ = write_corpus(40, tmp_path)
    for path in sorted((project / "briefs").glob("*.md")):
        body = read_front_matter(path.read_text(encoding="utf-8"), str(path)).body
        assert python_markdown_reasons(body) == []
        assert engine.convert(body) == engine.reference(body)


def test_a_body_is_rendered_once_per_process_and_settings(engine):
    from reality_check.plugins.brief_registry import rendering

    text = "## A SYNTHETIC heading rendered once\n\nSome text."
    first = engine.convert(text)
    again = BriefMarkdown(MARKDOWN)  # `make html`: the checks' engine, then the build's
    assert again.convert(text) is first
    reference_only = BriefMarkdown(MARKDOWN, fast=False)  # other settings: rendered on its own
    assert reference_only.convert(text) == first
    assert sum(1 for settings, body in rendering.RENDERED if body == text) == 2


def test_the_build_reuses_the_bodies_the_checks_rendered():
    """`make html` checks, then builds in one process. Pelican's reader adds the names in ``extension_configs``
    to the setting's ``extensions`` list; the two forms of one setting must still share each body rendered."""
    from reality_check.plugins.brief_registry import rendering
    from reality_check.plugins.brief_registry.reader import BriefReader
    from reality_check.plugins.brief_registry.rendering import body_settings

    text = "## A SYNTHETIC heading the checks rendered\n\nSome text."
    checks = BriefMarkdown(body_settings(MARKDOWN))
    first = checks.convert(text)
    reader = BriefReader(read_settings(str(ROOT / "pelicanconf.py")))
    assert reader.settings["MARKDOWN"]["extensions"]  # amended by Pelican's reader, unlike the checks' copy
    assert reader._body_markdown.convert(text) is first
    assert sum(1 for settings, body in rendering.RENDERED if body == text) == 1
