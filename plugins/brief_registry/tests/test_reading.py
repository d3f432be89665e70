"""Reading files as editors save them, YAML mistakes named where they start, and HTML that must not be published."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reality_check.plugins.brief_registry import (
    EncodingError,
    FrontMatterError,
    RegistryError,
    load_registry,
    read_front_matter,
)
from reality_check.plugins.brief_registry.frontmatter import LOADER, MESSAGE_LOADER, parse_yaml
from reality_check.plugins.brief_registry.rendering import (
    brief_markdown,
    scrolling_tables,
    site_markdown,
    table_alignment_as_classes,
)
from reality_check.plugins.brief_registry.safety import SafetyCode, suspect_scheme, unsafe_html
from reality_check.plugins.brief_registry.textfile import EncodingCode, decode_text

FRONT = "---\ntitle: A synthetic title\nseries_number: 7\n---\nBody line.\n"


@pytest.mark.parametrize(
    "raw",
    [
        FRONT.encode(),
        b"\xef\xbb\xbf" + FRONT.encode(),
        FRONT.replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + FRONT.replace("\n", "\r\n").encode(),
        FRONT.replace("\n", "\r").encode(),
    ],
    ids=["plain", "bom", "crlf", "bom-crlf", "cr"],
)
def test_bom_and_line_ends_are_read_away(raw):
    assert decode_text(raw, "x.md") == FRONT


@pytest.mark.parametrize(
    ("raw", "line", "message"),
    [
        (
            "---\ntitle: Caf\u00e9\n".encode("cp1252"),
            2,
            "the file is not UTF-8 text (byte 0xe9 in column 11, '\u00e9' in Windows-1252); "
            "save it again choosing the UTF-8 encoding",
        ),
        (
            "---\ntitle: x\n\nHe said \u201cno\u201d.\n".encode("cp1252"),
            4,
            "the file is not UTF-8 text (byte 0x93 in column 9, '\u201c' in Windows-1252); "
            "save it again choosing the UTF-8 encoding",
        ),
        (
            "---\r\ntitle: caf\u00e9 \u2013 d\u00e9j\u00e0\r\n".encode() + b"\x96\r\n",
            3,
            "the file is not UTF-8 text (byte 0x96 in column 1, '\u2013' in Windows-1252); "
            "save it again choosing the UTF-8 encoding",
        ),
        (
            "---\ntitle: x\n".encode("utf-16"),
            1,
            "the file is UTF-16 text, not UTF-8; save it again choosing the UTF-8 encoding",
        ),
    ],
    ids=["latin-letter", "curly-quote", "after-utf8-text", "utf-16"],
)
def test_another_encoding_names_the_line_of_the_first_bad_byte(raw, line, message):
    with pytest.raises(EncodingError) as caught:
        decode_text(raw, "x.md")
    assert (caught.value.problem.path, caught.value.problem.line, caught.value.problem.message) == (
        "x.md",
        line,
        message,
    )


@pytest.mark.parametrize(
    ("raw", "line", "message"),
    [
        (
            b"---\ntitle: x\n---\nthree\x00days\n",
            4,
            "line 4 holds an invisible control character, U+0000, in column 6, which a page cannot show and a feed "
            "may not carry (text copied from a PDF or another program can bring one): delete it",
        ),
        (
            "---\r\ntitle: It\u0092s late\r\n".encode(),
            2,
            "line 2 holds an invisible control character, U+0092, in column 10, which a page cannot show and a feed "
            "may not carry (a Windows-1252 '\u2019' mistaken for Latin-1 on its way here: type '\u2019' in its place)",
        ),
        (b"\x1b[0m\n", 1, "line 1 holds an invisible control character, U+001B, in column 1,"),
    ],
    ids=["nul", "c1-quote", "escape"],
)
def test_a_control_character_is_named_at_its_line_and_column(raw, line, message):
    """Published as it was, a NUL or a U+0001 reached the page and every XML feed, whose readers refuse it."""
    with pytest.raises(EncodingError) as caught:
        decode_text(raw, "x.md")
    assert (caught.value.problem.line, caught.value.problem.code) == (line, EncodingCode.CONTROL_CHARACTER)
    assert caught.value.problem.message.startswith(message)


def test_line_and_page_breaks_a_word_processor_leaves_are_read_as_spaces():
    assert decode_text(b"Shift\x0bEnter\x0cpage\xc2\x85end\ttab\n", "x.md") == "Shift Enter page end\ttab\n"


def test_a_zero_width_character_at_a_lines_start_is_read_as_nothing():
    """'\u200b---' closing the front matter was 'never closed' (at line 1); inside a line it stays as typed."""
    raw = "---\ntitle: Synthetic\n\u200b---\n\u2060## Key points\nA\u200bB\n"
    assert decode_text(raw.encode(), "x.md") == "---\ntitle: Synthetic\n---\n## Key points\nA\u200bB\n"
    front = read_front_matter(decode_text(raw.encode(), "x.md"), "x.md")
    assert (front.data, front.body_line) == ({"title": "Synthetic"}, 4)


def test_a_non_breaking_space_after_a_markdown_mark_is_read_as_a_space():
    """Option+3 then Option+space on a Mac gives '##' and a non-breaking space: Markdown showed '## Why now?' as a
    paragraph, and '##\u00a0Key points' gave a card with none. Elsewhere the space stays as typed."""
    raw = "##\u00a0Why now?\n-\u00a0A point\n  1.\u00a0\u00a0Two\n>\u00a0Quoted\nTen\u00a0km, ##\u00a0not a mark\n"
    text = decode_text(raw.encode(), "x.md")
    assert text == "## Why now?\n- A point\n  1.  Two\n> Quoted\nTen\u00a0km, ##\u00a0not a mark\n"
    html = brief_markdown(site_markdown()).convert(text.split("\n", 1)[0])
    assert html == '<h2 id="why-now">Why now?</h2>'


@pytest.mark.parametrize(
    "text",
    [
        "--- \ntitle: A synthetic title\nseries_number: 7\n---  \nBody line.\n",
        "\n\n---\ntitle: A synthetic title\nseries_number: 7\n---\nBody line.\n",
        "---\ntitle: A synthetic title\nseries_number: 7\n---\nBody line.",
        "\ufeff---\ntitle: A synthetic title\nseries_number: 7\n---\nBody line.\n",
        "---\ntitle:  A synthetic title\nseries_number: 7\n...\nBody line.\n",
        "---\ntitle:\tA synthetic title\nseries_number:\t7\n---\nBody line.\n",
    ],
    ids=[
        "space-after-fences",
        "blank-lines-before",
        "no-final-newline",
        "bom-in-text",
        "dots-close",
        "tab-after-colon",
    ],
)
def test_front_matter_as_editors_type_it(text):
    front = read_front_matter(text, "x.md")
    assert front.data == {"title": "A synthetic title", "series_number": 7}
    lines = text.lstrip("\ufeff").splitlines()
    assert front.line_of("series_number") == next(
        i for i, line in enumerate(lines, 1) if "series_number" in line
    )
    assert front.body.strip() == "Body line."


def test_a_missing_key_is_placed_at_the_opening_fence_even_after_blank_lines():
    front = read_front_matter("\n\n---\ntitle: X\n---\nBody.\n", "x.md")
    assert front.line_of("authors") == 3  # the '---' line the editor sees, not line 1
    assert front.line_of("title") == 4


@pytest.mark.parametrize("word", ["No", "no", "NO", "Yes", "yes", "On", "off", "y", "N"])
def test_a_yes_or_no_word_is_text_as_decap_writes_it(word):
    """Decap CMS writes YAML 1.2, where only true and false are booleans: a title typed as No is the word No."""
    front = read_front_matter(f"---\ntitle: {word}\nsummary: [{word}, {word}]\n---\nBody.\n", "x.md")
    assert front.data == {"title": word, "summary": [word, word]}


@pytest.mark.parametrize("text", ["24:7", "1:20.5", "1_000", "3_5.5", "010", "0x1F", "0b11"])
def test_a_number_yaml_1_1_would_have_read_is_text(text):
    """YAML 1.2 has no base-60 numbers and no underscores in numbers: PyYAML's 1.1 read 24:7 as 1447. An integer is
    decimal: series_number: 010 was read as octal and published brief #8 (the rules now refuse the text '010',
    saying to write 10)."""
    assert read_front_matter(f"---\ntitle: {text}\n---\n", "x.md").data == {"title": text}


@pytest.mark.parametrize(
    ("text", "value"),
    [("4", 4), ("-12", -12), ("0", 0), ("1.5", 1.5), (".5", 0.5), ("1.0e+3", 1000.0)],
)
def test_numbers_read_as_before(text, value):
    data = read_front_matter(f"---\nseries_number: {text}\n---\n", "x.md").data
    assert data == {"series_number": value}
    assert type(data["series_number"]) is type(value)


def test_true_and_false_stay_booleans_and_the_fallback_parser_agrees():
    front = read_front_matter("---\na: true\nb: False\nc: TRUE\nd: no\n---\n", "x.md")
    assert front.data == {"a": True, "b": False, "c": True, "d": "no"}
    # A text libyaml refuses is parsed again by PyYAML's own parser, for its messages: it reads words alike.
    with pytest.raises(FrontMatterError, match=r"x\.md:3"):
        read_front_matter("---\ntitle: No\nsummary: [unclosed\n---\n", "x.md")
    for loader in (LOADER, MESSAGE_LOADER):
        assert yaml.load("[No, off, true, 1, 24:7]", Loader=loader) == ["No", "off", True, 1, "24:7"]
        assert yaml.load("[No, yes]", Loader=yaml.SafeLoader) == [False, True]  # PyYAML's own, untouched


# (front matter lines between the fences, line named, message before the parser's detail)
YAML_MISTAKES = [
    (
        'title: "Unclosed\nseries_number: 7',
        2,
        'the quote opened on line 2 is never closed: add the closing "',
    ),
    (
        "title: 'Unclosed\nseries_number: 7",
        2,
        "the quote opened on line 2 is never closed: add the closing '",
    ),
    ("series_number: 7\ntitle: 'It''s fine\nauthors: [a]", 3, "the quote opened on line 3 is never closed"),
    (
        "title: x\ndate 2099-01-05\nauthors: [a]",
        3,
        "line 3 has no ':' after its name: write it as 'name: value'",
    ),
    (
        "title: A title wrapped\nonto a second line\nauthors: [a]",
        3,
        "line 3 has no ':' after its name: write it as 'name: value'; if it is more of 'title' on line 2, indent "
        "it two spaces further than 'title', or join it to line 2 (YAML",
    ),
    (
        "authors:\n  - a\ndate 2099-01-05",
        4,
        "line 4 has no ':' after its name: write it as 'name: value' (YAML",  # above it is a list, not a value
    ),
    (
        "title: x\nauthors: [a, b\ntopics: [c]",
        3,
        "the '[' opened on line 3 is never closed: end the list with ']'",
    ),
    ("title: x\nauthors: [a, b", 3, "the '[' opened on line 3 is never closed"),
    ("title: x\nauthors: {a: b\ntopics: c", 3, "the '{' opened on line 3 is never closed: end it with '}'"),
    (
        "title: x\nauthors:\n\t- a",
        4,
        "line 4 holds a tab: YAML needs spaces here, so replace the tab with spaces",
    ),
    (
        "title: Reality Check: x",
        2,
        "line 2 has a second ': ' inside its value: put the whole value in quotes",
    ),
    ("title: x\n  y: z", 3, "line 3 is indented, but the line above it does not open a list or a group"),
    (
        'title: "x" and y',
        2,
        'text follows the closing " on line 2: a value in quotes must be quoted as a whole',
    ),
    (
        "title: 'It's here'",
        2,
        "text follows the closing ' on line 2: a value in quotes must be quoted as a whole; "
        'for quotation marks inside it, use the other kind around it ("…")',
    ),
    ("authors:\n  - a\n - b", 4, "line 4 does not fit the lines above it"),
    (
        "title: *x",
        2,
        "the value on line 2 starts with a character YAML reserves: put the whole value in quotes",
    ),
    ("title: @x", 2, "the value on line 2 starts with a character YAML reserves"),
    # Written without a space, a name and its value are one word to YAML ("has no ':' after its name", it said).
    (
        "title: A\nstatus:draft\nseries_number: 4",
        3,
        "line 3 needs a space after the ':' of 'status': write it as 'status: draft'",
    ),
    # Titles editors write, which YAML reads as a list, a group, an alias or a block: the advice was about
    # indenting lists, or the parser's own words.
    (
        "title: [UPDATED] Russia and the West",
        2,
        "the value on line 2 starts with '[', which YAML reads as markup, not text: put the whole value in quotes, "
        'such as "[UPDATED] Russia and the West"',
    ),
    ("title: *Realism* is back", 2, "the value on line 2 starts with '*', which YAML reads as markup"),
    ("title: {Draft} Russia", 2, "the value on line 2 starts with '{', which YAML reads as markup"),
    ("title: - x", 2, "the value on line 2 starts with '-', which YAML reads as markup"),
    ("title: > more", 2, "the value on line 2 starts with '>', which YAML reads as markup"),
    # A registry's entries are indented: a second ': ' there was told to remove the indent, which broke the file.
    (
        "authors:\n  - name: Ada\n    title: Senior Fellow: Synthetic Initiative",
        4,
        "line 4 has a second ': ' inside its value: put the whole value in quotes, such as "
        'title: "Senior Fellow: Synthetic Initiative"',
    ),
    # An anchor is valid YAML that drops the word it names: the title 'on interests' was published without a word.
    (
        "title: &Focus on interests",
        2,
        "the value on line 2 starts with '&', which YAML reads as markup, not text: put the whole value in quotes, "
        'such as "&Focus on interests"',
    ),
    ("authors:\n  - &Emma Ashford", 3, "the value on line 3 starts with '&', which YAML reads as markup"),
    ("title: !Focus on", 2, "the value on line 2 starts with '!', which YAML reads as markup"),
    ("authors:\n  - !Emma", 3, "the value on line 3 starts with '!', which YAML reads as markup"),
]


@pytest.mark.parametrize(("yaml_lines", "line", "said"), YAML_MISTAKES)
def test_yaml_mistakes_name_the_line_where_they_start(yaml_lines, line, said):
    with pytest.raises(FrontMatterError) as caught:
        read_front_matter(f"---\n{yaml_lines}\n---\nBody.\n", "x.md")
    problem = caught.value.problem
    assert problem.line == line
    assert problem.message.startswith(said)
    assert "(YAML parser: " in problem.message  # the parser's own words come second


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "title: x\n---\n",
            1,
            "add a line '---' above line 1: front matter starts with '---' (got 'title: x')",
        ),
        (
            "\u2014\ntitle: x\n---\n",
            1,
            "the front matter must open with a line of exactly three hyphens '---' at the start of the line "
            "(got '\u2014')",
        ),
        ("---\ntitle: x\n", 1, "front matter opened with '---' is never closed by a '---' line"),
        (
            "---\ntitle: x\n----\nBody.\n",
            3,
            "this line looks like the '---' that closes the front matter, but is not: write exactly three hyphens "
            "(got '----')",
        ),
        (
            "---\ntitle: x\n\u2014\nBody.\n",
            3,
            "this line looks like the '---' that closes the front matter, but is not: write exactly three hyphens "
            "(got '\u2014')",
        ),
        (
            "---\ntitle: x\nauthors: [a]\nTitle: y\n---\n",
            4,
            "'Title' is already given on line 2: keep one of the two",
        ),
    ],
)
def test_what_to_change_when_the_fences_are_wrong(text, line, message):
    with pytest.raises(FrontMatterError) as caught:
        read_front_matter(text, "x.md")
    assert (caught.value.problem.line, caught.value.problem.message) == (line, message)


def test_unsafe_html_is_found_in_the_rendered_body_and_located_in_the_source():
    body = (
        "Intro.\n"  # line 10
        "\n"
        "```html\n"
        "<script>alert('shown as code')</script>\n"
        "```\n"
        "\n"
        "<p>Safe</p>\n"
        '<img src="x.png" onerror="alert(1)">\n'  # line 17
        "`<script>` in a code span is shown, not run\n"
        "<script>alert(2)</script>\n"  # line 19
        '<a href="&#106;avascript:alert(3)">encoded</a>\n'  # line 20
    )
    rendered = (
        "<p>Intro.</p><pre><code>&lt;script&gt;</code></pre><p>Safe</p>"
        '<img src="x.png" onerror="alert(1)"><p><code>&lt;script&gt;</code> in a code span</p>'
        '<script>alert(2)</script><a href="&#106;avascript:alert(3)">encoded</a>'
    )
    problems = unsafe_html(rendered, body, 10, "x.md")
    assert [(p.line, p.message.split(" would ")[0].split(" uses ")[0]) for p in problems] == [
        (17, "the 'onerror' attribute of <img>"),
        (19, "<script>"),
        (20, "link to 'javascript:alert(3)'"),
    ]


@pytest.mark.parametrize(
    "html",
    [
        '<a href="javascript:alert(1)">',
        '<a href="JaVaScRiPt:alert(1)">',
        '<a href="vbscript:msgbox">',
        '<img src="data:image/png;base64,AAAA">',
        '<a href="java\tscr\nipt:alert(1)">',
        '<a href="java&Tab;scr&NewLine;ipt:alert(1)">',  # entities browsers decode inside the attribute
        '<a href="&#106;avascript:alert(1)">',
        '<a href="javascript&colon;alert(1)">',
    ],
)
def test_every_spelling_of_a_forbidden_scheme_is_suspect(html):
    assert suspect_scheme(html)


@pytest.mark.parametrize(
    "html",
    [
        '<a href="tel:+15550100">',
        '<a href="ftp://example.org/annex.pdf">',
        '<a href="file:///etc/passwd">',
        "<a title='x'href=tel:1>",  # no space before the attribute, no quotes around its value
        '<a href=="javascript:alert(1)">',  # Python's HTMLParser reads past a doubled "="
        '<video poster="javascript:alert(1)">',
    ],
)
def test_every_other_scheme_in_an_address_attribute_is_suspect(html):
    assert suspect_scheme(html)


@pytest.mark.parametrize(
    "html",
    [
        '<p>Set x="<a href="javascript:alert(1)">click</a></p>',
        "<p>Set x=' then <a href=\"javascript:alert(1)\">click</a>, it's done.</p>",
        "<p>Use <code>a='</code> then <a href=\"tel:+15550100\">call</a> and don't.</p>",
        "<p>x=y<a/href=javascript:alert(1)>",
    ],
)
def test_an_equals_sign_in_the_text_before_a_link_does_not_hide_it(html):
    """A value read from an "=" in prose runs to the next quote, over a real attribute: the cheap test used to
    skip that attribute, and the brief was published with its link (found by a review, each input from a body)."""
    assert suspect_scheme(html)
    assert [problem.code for problem in unsafe_html(html, html, 1, "x.md")] == ["unsafe-url-scheme"]


def test_the_cheap_test_never_misses_what_the_parser_finds():
    """Bodies put together from pieces that confuse a reading of attributes (quotes, "=" in text, tags, entities):
    whenever the parser finds a link the site does not allow, the cheap test must have let it parse."""
    import random

    from reality_check.plugins.brief_registry.safety import _SUSPECT_TAG_OR_ATTRIBUTE, _Finder

    pieces = [
        "x=", ' y="', " z='", "'", '"', "==", " = ", "<p>", "</p>", "<a ", "<a/", "<img ", ">", "/>", "text ",
        "it's ", "a=b ", 'href="', "href='", "href=", "HREF = ", "src=", "poster=", "title='t'", "javascript:go()",
        "java&Tab;script:x", "&#106;avascript:x", "tel:1", "https://example.org/", "mailto:a@b", "#top", "\n",
        "style=", " STYLE='", "<td ", "text-align: left;",
    ]  # fmt: skip
    chance = random.Random(20261130)
    missed = []
    for _ in range(4000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randint(2, 14)))
        finder = _Finder()
        finder.feed(text)
        finder.close()
        suspect = suspect_scheme(text) or _SUSPECT_TAG_OR_ATTRIBUTE.search(text)
        if finder.found and not suspect:
            missed.append(text)
    assert not missed, missed[:5]


@pytest.mark.parametrize(
    "html",
    [
        "<p>Plain prose: with colons, times 10:30 and a link.</p>",
        '<p><a href="https://example.org/a:b">AT&amp;T&rsquo;s page</a></p>',
        '<p><a href="mailto:editor@example.org">e-mail</a> <a href="../annex/#a:b">relative</a></p>',
        "<p>No colon at all</p>",
        "<p>The transcript: and the metadata: as text, and javascript: named in prose</p>",
        '<p><code>href="javascript:alert(1)"</code> shown as code</p>',
    ],
)
def test_bodies_linking_only_to_allowed_addresses_are_not_suspect(html):
    assert not suspect_scheme(html)


@pytest.mark.parametrize(
    ("link", "scheme", "why"),
    [
        ('<a href="tel:+15550100">call</a>', "tel:", "which the site does not link to"),
        ('<a href="javascript:go()">go</a>', "javascript:", "which runs code instead of going to a page"),
        ('<a href="data:text/html,x">x</a>', "data:", "which embeds data instead of going to a page"),
    ],
)
def test_a_link_the_summary_card_would_drop_is_refused_with_the_allowed_schemes_named(link, scheme, why):
    """One rule for the check of the body and the card's sanitiser (plugin_support/link_schemes.py): a `tel:`
    link used to pass `make check` and lose its address in the card."""
    body = f"Intro.\n\n{link}\n"
    (problem,) = unsafe_html(body, body, 3, "x.md")
    assert (problem.line, problem.code) == (5, "unsafe-url-scheme")
    assert (
        f"uses the '{scheme}' scheme, {why}: use an http://, https:// or mailto: address" in problem.message
    )


def test_a_scheme_spelt_with_named_entities_in_raw_html_is_refused():
    """`javascr&Tab;ipt:` is `javascript:` to a browser; the cheap test before parsing used to miss it, and the
    brief was published with the link."""
    body = '<a href="javascr&Tab;ipt:alert(1)">spelt with an entity</a>\n'
    (problem,) = unsafe_html(body, body, 7, "x.md")
    assert (problem.line, problem.code) == (7, "unsafe-url-scheme")
    assert "uses the 'javascript:' scheme" in problem.message


def test_a_registry_saved_with_a_bom_and_crlf_loads_with_the_editors_line_numbers(tmp_path):
    authors = (
        "# People\n- name: Ada Example\n  slug: ada-example\n  bio: Writes.\n- name: No Bio\n  slug: no-bio\n"
    )
    (tmp_path / "authors.yml").write_bytes(b"\xef\xbb\xbf" + authors.replace("\n", "\r\n").encode())
    (tmp_path / "topics.yml").write_bytes(b"\xef\xbb\xbf- name: Testing\r\n  slug: testing\r\n")
    (tmp_path / "regions.yml").write_bytes("- name: Caf\u00e9\n  slug: cafe\n".encode("cp1252"))

    with pytest.raises(RegistryError) as caught:
        load_registry(tmp_path)

    assert [(Path(p.path).name, p.line, p.message) for p in caught.value.problems] == [
        ("authors.yml", 5, "author entry is missing bio"),
        (
            "regions.yml",
            1,
            "the file is not UTF-8 text (byte 0xe9 in column 12, '\u00e9' in Windows-1252); "
            "save it again choosing the UTF-8 encoding",
        ),
    ]


@pytest.mark.parametrize(
    ("yaml_lines", "line", "message"),
    [
        (
            "title: Reality Check #4 on Russia",
            2,
            "'#' after a space starts a YAML comment, so this value would end before '#4 on Russia': put the whole "
            'value in quotes ("Reality Check #4 on Russia")',
        ),
        (
            "authors:\n  - Emma #1",
            3,
            "'#' after a space starts a YAML comment, so this value would end before '#1': put the whole value in "
            'quotes ("Emma #1")',
        ),
        # The whole value glued to a '#': it said the field was missing, at the opening fence.
        (
            "title: A\nseries_number: #5",
            3,
            "'#' after a space starts a YAML comment, so this value would be empty and '#5' ignored: write it "
            "without the '#', or in quotes (\"#5\") if the '#' is part of it",
        ),
        (
            "authors:\n  - #Emma",
            3,
            "'#' after a space starts a YAML comment, so this value would be empty and '#Emma' ignored: write it "
            "without the '#', or in quotes (\"#Emma\") if the '#' is part of it",
        ),
    ],
)
def test_a_number_sign_that_would_cut_a_value_short_is_named(yaml_lines, line, message):
    with pytest.raises(FrontMatterError) as caught:
        read_front_matter(f"---\n{yaml_lines}\n---\n", "x.md")
    assert (caught.value.problem.line, caught.value.problem.message) == (line, message)


@pytest.mark.parametrize(
    ("yaml_lines", "data"),
    [
        ("topics: []  # none yet", {"topics": []}),
        ("title: A title  # a note for editors", {"title": "A title"}),
        ('title: "Reality Check #4"', {"title": "Reality Check #4"}),
        ("series_number: 4 #4", {"series_number": 4}),
        ("title: # to be written", {"title": None}),  # said as a missing title
        ("title: Politics & Diplomacy", {"title": "Politics & Diplomacy"}),  # '&' inside a value is text
    ],
)
def test_comments_meant_as_comments_are_left_alone(yaml_lines, data):
    assert read_front_matter(f"---\n{yaml_lines}\n---\n", "x.md").data == data


@pytest.mark.parametrize(
    ("rendered", "found"),
    [
        ('<a href="da\tta:text/html,x">x</a>', "link to 'da ta:text/html,x' uses the 'data:' scheme"),
        ('<a href="java\nscript:x()">x</a>', "link to 'java script:x()' uses the 'javascript:' scheme"),
        ('<a href="javascript&colon;x()">x</a>', "link to 'javascript:x()' uses the 'javascript:' scheme"),
        ('<img src="x.png"/onerror="x()">', "the 'onerror' attribute of <img>"),
        ("<IFRAME src='https://example.org/'></IFRAME>", "<iframe> would embed another page"),
        ('<meta http-equiv="refresh" content="0;url=https://example.org/">', "<meta> would send readers"),
        ('<link rel="stylesheet" href="https://example.org/x.css">', "<link> would load a stylesheet"),
        (
            '<svg><a><animate attributeName="href" values="javascript:alert(4)"/></a></svg>',
            "'values' of <animate> to 'javascript:alert(4)' uses the 'javascript:' scheme",
        ),
        ('<svg><set attributeName="href" to="javascript:x()"/></svg>', "'to' of <set> to 'javascript:x()'"),
        ('<FORM action="https://example.org/collect">', "<form> would ask readers to fill in a form"),
        ("<p>Type here: <input name=q></p>", "<input> is a form's field"),
        ("<p>Press the <button> below.</p>", "<button> is a form's field"),
        ("<textarea></textarea>", "<textarea> is a form's field"),
        ("<select><option>A</option></select>", "<select> is a form's field"),
        ("<p>The meta data, a link to come, from 1 to 2 values=4</p>", None),
        ("<p>A form of words, an input, a button, a select few: <code>&lt;form&gt;</code></p>", None),
        ("<p>Focus on interests; data: none; a script: none</p>", None),
        ("<p>Plain prose, on and on.</p>", None),
    ],
)
def test_every_disguise_is_found_and_prose_is_not(rendered, found):
    problems = unsafe_html(rendered, "x", 1, "x.md")
    assert [p.message.startswith(found) for p in problems] == ([True] if found else [])


@pytest.mark.parametrize(
    ("img", "codes"),
    [
        ('<img src="ftp://example.org/chart.png" alt="A chart">', []),  # on another site: images.py says so
        ('<img src="tel:+15550100" alt="A chart">', []),  # not in the images folder: images.py says so
        ('<img src="data:image/png;base64,AAAA" alt="A chart">', []),  # written as data: images.py says so
        ('<img src="javascript:alert(1)" alt="A chart">', ["unsafe-url-scheme"]),
    ],
)
def test_an_image_address_is_refused_here_only_when_it_runs_code(img, codes):
    """What is wrong with any other image address is the image check's to say, once."""
    assert [problem.code for problem in unsafe_html(img, img, 1, "x.md")] == codes


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b"])
def test_characters_editors_show_inside_a_line_do_not_move_the_lines_named(separator):
    """Python's splitlines, and YAML, broke lines at these (pasted from a PDF or a word processor): every message
    after one named the line below the editor's, and a title holding one was read as two lines."""
    text = f"---\ntitle: Synthetic{separator}brief\nseries_number: 4\nauthors: [Ada\n---\nBody\n"
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter(text, "x.md")
    assert raised.value.problems[0].line == 4
    body = f"Some synthetic{separator}paragraph.\n\n<script>x()</script>\n"
    (problem,) = unsafe_html(body, body, 10, "x.md")
    assert problem.line == 12


def test_a_title_holding_a_line_separator_is_one_line():
    front = read_front_matter("---\ntitle: Synthetic\u2028brief\n---\nBody\n", "x.md")
    assert front.data["title"] == "Synthetic brief"
    assert front.body == "Body"


def test_spaces_that_look_like_spaces_are_read_as_spaces():
    """A no-break space (Option-Space on a Mac) after `title:` was a YAML error on the wrong line, one in an
    indent another, and one inside a name, or a zero-width space, an unknown author that looked like a listed one
    ("did you mean 'Emma Ashford'?" for 'Emma Ashford')."""
    text = "---\ntitle:\u00a0Synthetic\u202fbrief\nauthors:\n\u00a0\u00a0- Ada\u00a0Example\n  - Bo\u200bIpsum\u2060\n---\nBody\n"
    assert read_front_matter(text, "x.md").data == {
        "title": "Synthetic brief",
        "authors": ["Ada Example", "BoIpsum"],
    }
    assert parse_yaml("- name: Ada\u00a0Example\n  slug: ada\n")[1] == [
        {"name": "Ada Example", "slug": "ada"}
    ]


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ("---\ntitle: x\n---\n".encode("utf-16-le"), "the file is UTF-16 text, not UTF-8"),
        ("---\ntitle: x\n---\n".encode("utf-16-be"), "the file is UTF-16 text, not UTF-8"),
        (b"PK\x03\x04synthetic", "the file is a Word document (or another zipped file), not plain text"),
        (
            b"{\\rtf1\\ansi synthetic}",
            "the file is RTF (the format TextEdit and WordPad save in), not plain text",
        ),
    ],
    ids=["utf-16-le without a byte order mark", "utf-16-be without one", "docx", "rtf"],
)
def test_a_file_saved_in_another_format_is_told_what_it_is(raw, said):
    """UTF-16 without a byte order mark was read as text and refused for its front matter ('-\\x00-\\x00-\\x00');
    a Word document was 'not UTF-8 (byte 0x80 …, '€' in Windows-1252)', and RTF an unknown topic '{\\rtf1\\ansi'."""
    with pytest.raises(EncodingError) as raised:
        decode_text(raw, "x.md")
    (problem,) = raised.value.problems
    assert (problem.line, problem.message.split(";")[0].split(":")[0]) == (1, said)


def test_a_style_attribute_is_said_at_its_line_and_markdowns_table_alignment_is_not():
    """`<div style="color:red">` passed the check, and the live site (style-src 'self') showed it plain: the
    preview showed what readers did not see. A column aligned in the Markdown is written as a class instead."""
    body = (
        "Intro.\n\n| Year | Budget |\n|:--|--:|\n| 2020 | 10 |\n\n"
        '<div style="color:red; font-weight:bold">Important</div>\n\nMore with <span STYLE="x">a span</span>.\n'
    )
    rendered = brief_markdown(site_markdown()).convert(body)
    assert 'style="text-align: right;"' in rendered
    problems = unsafe_html(rendered, body, 10, "x.md")
    assert [(p.line, p.code, p.message) for p in problems] == [
        (
            16,
            SafetyCode.STYLE_ATTRIBUTE,
            "the 'style' attribute of <div> is not applied on the live site (its security policy lets only the "
            "site's stylesheet style a page), so the preview shows what readers will not see: remove it (for "
            "emphasis, write **bold** or *italic*)",
        ),
        (18, SafetyCode.STYLE_ATTRIBUTE, problems[1].message),
    ]
    assert problems[1].message.startswith("the 'style' attribute of <span> ")
    assert unsafe_html('<table><tr><td style="text-align: left;">1</td></tr></table>', "", 1, "x.md") == ()
    assert unsafe_html('<p style="text-align: left;">1</p>', "", 1, "x.md") != ()


def test_a_tables_column_alignment_is_written_as_a_class():
    rendered = brief_markdown(site_markdown()).convert("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n")
    assert table_alignment_as_classes(rendered) == rendered.replace(
        ' style="text-align: left;"', ' class="align-left"'
    ).replace(' style="text-align: center;"', ' class="align-center"').replace(
        ' style="text-align: right;"', ' class="align-right"'
    )
    assert "style=" not in table_alignment_as_classes(rendered)
    assert table_alignment_as_classes("<p>No table</p>") == "<p>No table</p>"


def test_each_table_scrolls_in_a_focusable_region_named_in_the_pages_language():
    rendered = brief_markdown(site_markdown()).convert("| a | b |\n|--|--|\n| 1 | 2 |\n")
    region = '<div class="table-scroll" role="region" tabindex="0" aria-label="Tableau">'
    assert scrolling_tables(f"<p>Before</p>\n{rendered}\n<p>After</p>", "Tableau") == (
        f"<p>Before</p>\n{region}{rendered}</div>\n<p>After</p>"
    )
    assert scrolling_tables("<p>No table</p>", "Table") == "<p>No table</p>"


def test_several_tables_are_numbered_and_a_table_inside_another_is_not_wrapped_again():
    inner = "<table><tr><td>inner</td></tr></table>"
    outer = f'<TABLE class="x"><tr><td>{inner}</td></tr></TABLE>'
    wrapped = scrolling_tables(f"{outer}<p>and</p><table></table>", 'Table "A" & B')
    assert wrapped == (
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Table &quot;A&quot; &amp; B 1">'
        f"{outer}</div><p>and</p>"
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Table &quot;A&quot; &amp; B 2">'
        "<table></table></div>"
    )
    # A table typed as HTML and never closed is left as it is: no region closes in the middle of it.
    assert scrolling_tables("<table><tr><td>1", "Table") == "<table><tr><td>1"


def test_a_table_named_in_an_html_comment_does_not_keep_the_real_table_from_its_region():
    """A comment mentioning <table> (an editor's note) opened a table that never closed: the real table after it was
    left unwrapped, and on a phone it widened the page."""
    body = "<!-- the old <table> was here -->\n<table><tr><td>1</td></tr></table>"
    assert scrolling_tables(body, "Table") == (
        "<!-- the old <table> was here -->\n"
        '<div class="table-scroll" role="region" tabindex="0" aria-label="Table">'
        "<table><tr><td>1</td></tr></table></div>"
    )
    # A table commented out is not counted either: the one left is "Table", not "Table 2".
    body = "<!-- <table><tr><td>old</td></tr></table> -->\n<table></table>"
    assert 'aria-label="Table">' in scrolling_tables(body, "Table")


@pytest.mark.parametrize("body", ['Text <a href="\n', "Text <a href='javascript:go()\n", '<img src="x.png\n'])
def test_an_attribute_whose_quote_is_never_closed_is_read_not_a_traceback(body):
    """`<a href="` left open at the end of a body (a brief saved mid-edit) stopped make check and the build with an
    AttributeError from the cheap test."""
    rendered = brief_markdown(site_markdown()).convert(body)
    assert unsafe_html(rendered, body, 5, "x.md") == ()  # nothing runs: a tag left open is text, or no link


def test_an_editors_note_in_a_comment_is_left_out_of_the_published_html_and_one_left_open_is_named():
    """A closed comment went into the page's source and every feed; one never closed showed on the page as typed."""
    from reality_check.editor.settings import EditorSettings
    from reality_check.plugins.brief_registry.body import unclosed_comments
    from reality_check.plugins.brief_registry.rendering import without_comments

    settings = EditorSettings()
    closed = "Text.\n\n<!-- SYNTHETIC note: check the figures -->\n\nMore, with `<!-- code -->`.\n"
    published = settings.render(closed)  # as the build's reader renders it (BriefMarkdown.published)
    assert "SYNTHETIC" not in published
    assert " ".join(published.split()) == "<p>Text.</p> <p>More, with <code>&lt;!-- code --&gt;</code>.</p>"
    assert without_comments("<p>A</p>\n<!-- b -->\n<p>C</p>") == "<p>A</p>\n<p>C</p>"
    body = "Text.\n\n```\n<!-- in a fence, never closed\n```\n\n<!-- a -->\n\n<!-- SYNTHETIC note\n\nMore.\n"
    problems = unclosed_comments(settings.render(body), body, 6, "x.md")
    assert [(p.line, p.code) for p in problems] == [(6 + 8, SafetyCode.COMMENT_NOT_CLOSED)]
    assert unclosed_comments(settings.render(closed), closed, 6, "x.md") == ()


@pytest.mark.parametrize(
    ("body", "line", "mark"),
    [
        ("Intro.\n\n1. **Resist sanctions. **In recent years.\n", 7, "**"),  # a space before the closing
        ("Intro.\n\n1. ** Adopt realism.** The rest.\n", 7, "**"),  # a space after the opening
        ("A ** B and C ** D.\n", 5, "**"),
        ("__Lead. __Rest.\n", 5, "__"),
    ],
)
def test_bold_shown_as_typed_is_named_at_its_line(body, line, mark):
    """The card's title read '**Resist further sanctions.' and the page showed the asterisks: the check said
    nothing."""
    from reality_check.plugins.brief_registry.body import unclosed_emphasis

    front = read_front_matter(f"---\ntitle: X\n---\n\n{body}", "x.md")
    problems = unclosed_emphasis(site_rendering(front.body), front.body, front.body_line, "x.md")
    assert [(p.line, p.code) for p in problems] == [(line, SafetyCode.EMPHASIS_NOT_CLOSED)]
    assert problems[0].message.startswith(
        f"the '{mark}' on this line shows on the page as typed, not as bold"
    )


@pytest.mark.parametrize(
    "body",
    [
        "**Lead.** Rest, **more**. A (**note**) and “**no**”.\n",
        "**Resist further sanctions.**In recent years.\n",  # glued: bold in both renderings
        "Code: `a**b` and `__init__`, snake__case.\n",
        "```\n**not closed\n```\n",
    ],
)
def test_bold_that_renders_as_bold_or_sits_in_code_is_left_alone(body):
    from reality_check.plugins.brief_registry.body import unclosed_emphasis

    front = read_front_matter(f"---\ntitle: X\n---\n\n{body}", "x.md")
    assert unclosed_emphasis(site_rendering(front.body), front.body, front.body_line, "x.md") == ()


def site_rendering(body: str) -> str:
    """`body` as the site renders it."""
    return brief_markdown(site_markdown()).convert(body)


@pytest.mark.parametrize(
    ("markdown", "code", "said"),
    [
        (
            "See [the column](“https://example.org/x”).",
            "link-address-quoted",
            "the link's address “https://example.org/x” is in quotation marks, so it leads nowhere: remove them, as "
            "in [text](https://example.org/x)",
        ),
        (
            "See [the column](www.example.org/2020/x.html).",
            "link-address-without-scheme",
            "the link's address 'www.example.org/2020/x.html' has no https:// before it, so browsers read it as a "
            "page of this site, which does not exist: write https://www.example.org/2020/x.html",
        ),
        ("See [it](example.com).", "link-address-without-scheme", "the link's address 'example.com' has no"),
        (
            "See [brief four](http://127.0.0.1:8000/briefs/focus-on-interests/#recommendation-2).",
            "link-to-this-computer",
            "the link's address 'http://127.0.0.1:8000/briefs/focus-on-interests/#…' is the preview on "
            "this computer, which readers cannot open: write the page's address on the site, "
            "'/briefs/focus-on-interests/#recommendation-2'",
        ),
        (
            "See [home](http://localhost:8000).",
            "link-to-this-computer",
            "the link's address 'http://localhost:8000'",
        ),
        (
            "See [the column] (https://example.org/x).",
            "link-not-joined",
            "'] (https://example.org/x)' is not a link: Markdown makes one only with no space between ']' and '(': "
            "write [text](address)",
        ),
    ],
)
def test_a_link_that_leads_nowhere_as_written_is_named_at_its_line(markdown, code, said):
    """Each was published as written: a dead link, or the brackets and the address shown as text."""
    from reality_check.plugins.brief_registry.link_addresses import link_address_problems

    body = f"Intro.\n\n{markdown}\n"
    (problem,) = link_address_problems(site_rendering(body), body, 5, "x.md")
    assert (problem.line, str(problem.code)) == (7, code)
    assert problem.message.startswith(said)


@pytest.mark.parametrize(
    "markdown",
    [
        "[About]({filename}/pages/naei.md), [a page](/about/), [#1](#recommendation-1), [mail](mailto:a@example.org)",
        "[the report](report.pdf), [a brief](reality-check-4.md) and [NAEI](https://example.org/naei)",
        "Code shows `[a] (https://example.org)` and `[b](www.example.org)` as typed.",
        "[a host named like one](https://localhost.example.org/x) and [another](https://127.example.org/)",
    ],
)
def test_links_written_right_are_left_alone(markdown):
    from reality_check.plugins.brief_registry.link_addresses import link_address_problems

    assert link_address_problems(site_rendering(markdown), markdown, 5, "x.md") == ()


@pytest.mark.parametrize(
    ("body", "line", "spaces"),
    [
        (
            "Intro.\n\n- A point:\n  - a detail\n  - another\n- Next point.\n",
            14,
            "2 spaces",
        ),  # VS Code's indent
        ("1. **Act.** Because:\n - one reason\n2. **Wait.**\n", 12, "1 space"),
        ("1. First item,\n   running on.\n   - a detail at 3\n", 13, "3 spaces"),
    ],
)
def test_a_sub_list_indented_by_fewer_than_4_spaces_is_named_at_its_line(body, line, spaces):
    """Markdown nests a list only at 4 spaces: at 2 its items became key points of their own, or text run into the
    recommendation above ('Because: - one - two'), with no word from the checks."""
    from reality_check.plugins.brief_registry.body import shallow_sub_lists

    (problem,) = shallow_sub_lists(body, 11, "x.md")
    assert (problem.line, problem.code) == (line, SafetyCode.SUB_LIST_NOT_NESTED)
    assert problem.message.startswith(f"this list item is indented by {spaces} under the item above")
    assert "indent it by 4 spaces" in problem.message


@pytest.mark.parametrize(
    "body",
    [
        "- A point:\n    - a detail nested as Markdown reads it\n- Next.\n",
        "  - A list indented as a whole\n  - stays one list\n",
        "```\n- code\n  - in a fence\n```\n",
        "- A point.\n\nA paragraph at the margin.\n  - then a list\n",
        "1. One\n2. Two\n10. Ten\n",
    ],
)
def test_lists_markdown_reads_as_written_are_not_named(body):
    from reality_check.plugins.brief_registry.body import shallow_sub_lists

    assert shallow_sub_lists(body, 1, "x.md") == ()


def test_a_footnote_mark_without_its_note_and_a_note_without_its_mark_are_named_at_their_lines():
    """'…testing.[^1]' with no '[^1]:' line showed '[^1]' on the page; a note marked nowhere was printed under the
    brief with a link back to nothing. Neither was said."""
    from reality_check.plugins.brief_registry.body import unmatched_footnotes

    body = (
        "Intro.\n\nText.[^1] More[^ok].\n\n`code [^x]`\n\n[^2]: A stray note.\n[^ok]: A note in its place.\n"
    )
    found = unmatched_footnotes(site_rendering(body), body, 11, "x.md")
    assert [(p.line, str(p.code)) for p in found] == [
        (13, "footnote-without-note"),
        (17, "footnote-note-without-mark"),
    ]
    assert found[0].message == (
        "the footnote mark '[^1]' has no note, so the page shows it as typed: add the note on a line of its own, "
        "'[^1]: The note's text.', or remove the mark"
    )
    assert found[1].message.startswith("the note '[^2]:' is marked nowhere in the text")
    matched = "Text.[^1]\n\n[^1]: Its note.\n"
    assert unmatched_footnotes(site_rendering(matched), matched, 11, "x.md") == ()
