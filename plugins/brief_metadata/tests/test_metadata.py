"""Level 1: citations and JSON-LD from a hand-made record."""

from __future__ import annotations

import datetime
import json

import pytest

from reality_check.plugins.brief_metadata import (
    BriefRecord,
    Contributor,
    bibtex,
    chicago_citation,
    headline_case,
    json_ld,
    ris,
    split_name,
)

URL = "https://example.org/briefs/x/"


def record(*names: str, title: str = "Focus on interests, not on human rights with Russia") -> BriefRecord:
    return BriefRecord(
        title=title,
        number=4,
        date=datetime.date(2021, 3, 5),
        authors=tuple(Contributor(n, f"https://example.org/authors/{n.split()[-1].lower()}/") for n in names),
        url=URL,
        series="Reality Check",
        series_url="https://example.org/",
        publisher="New American Engagement Initiative",
        description="First key point.",
        keywords=("Politics & Diplomacy", "Russia"),
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Focus on interests, not on human rights with Russia",
            "Focus on Interests, Not on Human Rights with Russia",
        ),
        ("the case for a US exit", "The Case for a US Exit"),
        ("what to do: a plan of action", "What to Do: A Plan of Action"),
        ("a post-war order to live with", "A Post-War Order to Live With"),
        ("a state-of-the-art navy", "A State-of-the-Art Navy"),  # CMOS 8.161
        ("an up-to-date plan for NATO", "An Up-to-Date Plan for NATO"),
        (
            "security beyond the alliance",
            "Security beyond the Alliance",
        ),  # a preposition of any length: 8.159
        ("sanctions within reason", "Sanctions within Reason"),
        ("what lies within", "What Lies Within"),  # last word
    ],
)
def test_headline_case(title, expected):
    assert headline_case(title) == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (("Emma Ashford",), "Ashford, Emma."),
        (("Emma Ashford", "Mathew Burrows"), "Ashford, Emma, and Mathew Burrows."),
        (("Ada Lorem", "Ben Ipsum", "Cy Dolor"), "Lorem, Ada, Ben Ipsum, and Cy Dolor."),
        ((), ""),
    ],
)
def test_chicago_authors(names, expected):
    citation = chicago_citation(record(*names))
    assert citation.startswith(expected + (" " if expected else "") + "“Focus on Interests")
    assert citation.endswith(
        f"Reality Check, no.\u00a04. New American Engagement Initiative, March 5, 2021. {URL}."
    )


def test_chicago_keeps_a_question_mark():
    assert "“Is Deterrence Enough?” Reality Check" in chicago_citation(
        record("A B", title="Is deterrence enough?")
    )


def test_split_name():
    assert split_name("Emma Ashford") == ("Ashford", "Emma")
    assert split_name("Mary Ann Evans") == ("Evans", "Mary Ann")
    assert split_name("Plato") == ("Plato", "")


def test_bibtex_escapes_specials_and_keeps_title_case():
    entry = bibtex(record("Emma Ashford", "Mathew Burrows", title="Tariffs & 100% {braces}_x"))
    assert entry.startswith("@techreport{realitycheck4_2021,\n")
    assert r"  title = {{Tariffs \& 100\% \{braces\}\_x}}," in entry
    assert "  author = {Ashford, Emma and Burrows, Mathew}," in entry
    assert "  institution = {New American Engagement Initiative}," in entry
    assert entry.endswith("  month = mar\n}\n")
    assert entry.count("{") == entry.count("}")


def test_ris_lines_and_crlf():
    text = ris(record("Emma Ashford"))
    lines = text.split("\r\n")
    assert lines[0] == "TY  - RPRT"
    assert "AU  - Ashford, Emma" in lines
    assert "KW  - Politics & Diplomacy" in lines
    assert text.endswith("ER  - \r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_json_ld_is_a_report_and_cannot_close_its_script_element():
    text = json_ld(record("Emma Ashford", title="</script><b>x</b>"))
    assert "<" not in text
    assert ">" not in text
    data = json.loads(text)
    assert data["@type"] == "Report"
    assert data["headline"] == "</script><b>x</b>"
    assert data["author"] == [
        {"@type": "Person", "name": "Emma Ashford", "url": "https://example.org/authors/ashford/"}
    ]
    assert data["isPartOf"]["@type"] == "CreativeWorkSeries"
    assert data["datePublished"] == "2021-03-05"


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        ('Why "restraint" is not a dirty word', "“Why ‘Restraint’ Is Not a Dirty Word.”"),
        ("The “America First” doctrine, revisited", "“The ‘America First’ Doctrine, Revisited.”"),
        ('Beyond "maximum pressure"', "“Beyond ‘Maximum Pressure.’”"),
        ('Is "strategic patience" enough?', "“Is ‘Strategic Patience’ Enough?”"),
        ("Russia's neighbours (and ours)", "“Russia's Neighbours (and Ours).”"),
    ],
)
def test_chicago_nests_a_quotation_in_the_title_in_single_quotes(title, quoted):
    citation = chicago_citation(record("Emma Ashford", title=title))
    assert citation == (
        f"Ashford, Emma. {quoted} Reality Check, no.\u00a04. New American Engagement Initiative, March 5, 2021. {URL}."
    )
    assert citation.count('"') == 0
