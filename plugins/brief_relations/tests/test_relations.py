"""Level 1: related briefs and responses on small, hand-made facts."""

from __future__ import annotations

import random

import pytest

from reality_check.plugins.brief_registry import read_front_matter
from reality_check.plugins.brief_relations import (
    BriefFacts,
    RelatedIndex,
    Relations,
    parse_responses,
    relate,
    related_briefs,
)
from reality_check.plugins.brief_relations.relations import ResponsesCode, listed_responses, resolve_responses

FOUR = BriefFacts("four", 4, ("politics",), ("russia",))


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        ([], ()),
        # Nothing shared: nothing related.
        ([BriefFacts("six", 6, ("economy",), ("china",))], ()),
        # A topic slug equal to a region slug is not a shared term.
        ([BriefFacts("odd", 9, ("russia",), ())], ()),
        # More shared terms first, then the closest number, then the newer brief.
        (
            [
                BriefFacts("three", 3, (), ("russia",)),
                BriefFacts("five", 5, ("politics",), ()),
                BriefFacts("nine", 9, ("politics",), ("russia",)),
                BriefFacts("one", 1, ("politics",), ()),
            ],
            ("nine", "five", "three"),
        ),
    ],
)
def test_related_ranks_by_shared_terms_then_nearness(others, expected):
    assert related_briefs(FOUR, [FOUR, *others]) == expected


def test_related_leaves_out_excluded_and_respects_limit():
    others = [BriefFacts(str(n), n, ("politics",)) for n in range(5, 10)]
    assert related_briefs(FOUR, others, limit=2, exclude=("5",)) == ("6", "7")


def front(text: str):
    return read_front_matter(text, "content/briefs/x.md")


def test_responses_are_resolved_by_series_number():
    keys, problems = parse_responses(
        "content/briefs/x.md",
        front("---\ntitle: X\nresponses:\n  - 4\n  - 5\n---\n"),
        {4: "four", 5: "five"},
        7,
    )
    assert (keys, problems) == (("four", "five"), [])


def test_bad_responses_name_file_and_line():
    text = "---\ntitle: X\nseries_number: 7\nresponses:\n  - 99\n  - four\n  - 7\n---\n"
    keys, problems = parse_responses("content/briefs/x.md", front(text), {4: "four", 7: "seven"}, 7)
    assert keys == ()
    assert [str(p) for p in problems] == [
        "content/briefs/x.md:5: responses: no brief has series number 99",
        "content/briefs/x.md:6: responses: expected a series number (got 'four')",
        "content/briefs/x.md:7: responses: a brief cannot respond to itself (got 7)",
    ]


def test_no_responses_field():
    assert parse_responses("x.md", front("---\ntitle: X\n---\n"), {}) == ((), [])


RESPONSE_CODES = [
    (ResponsesCode.NOT_A_NUMBER, "four"),
    (ResponsesCode.TO_ITSELF, 7),
    (ResponsesCode.TO_NO_BRIEF, 99),
]


@pytest.mark.parametrize(("code", "item"), RESPONSE_CODES)
def test_each_bad_response_gives_its_code(code, item):
    _keys, problems = resolve_responses("x.md", [(5, item)], {4: "four", 7: "seven"}, 7)
    assert [(p.line, p.code) for p in problems] == [(5, code)]


def test_every_response_code_has_a_case():
    assert {code for code, _ in RESPONSE_CODES} == set(ResponsesCode)


def test_listed_responses_keep_each_entry_line():
    assert listed_responses(front("---\ntitle: X\nresponses:\n  - 4\n  - five\n---\n")) == (
        (4, 4),
        (5, "five"),
    )
    assert listed_responses(front("---\nresponses: 4\n---\n")) == ((2, 4),)
    assert listed_responses(front("---\ntitle: X\n---\n")) == ()


def _brute_force(target, others, limit, exclude):
    """The definition, pair by pair: what RelatedIndex must agree with."""
    skip = {target.key, *exclude}
    scored = []
    for other in others:
        shared = len(target.terms & other.terms)
        if shared and other.key not in skip:
            scored.append((-shared, abs(other.number - target.number), -other.number, other.key))
    return tuple(key for *_, key in sorted(scored)[:limit])


@pytest.mark.parametrize("seed", range(5))
def test_index_agrees_with_comparing_every_pair(seed):
    rng = random.Random(seed)
    topics, regions = ("a", "b", "c", "d"), ("x", "y", "z")
    briefs = [
        BriefFacts(
            key=f"k{n}",
            number=n,
            topics=tuple(rng.sample(topics, rng.randint(0, 2))),
            regions=tuple(rng.sample(regions, rng.randint(0, 1))),
        )
        for n in rng.sample(range(1, 400), 150)
    ]
    index = RelatedIndex(briefs)
    for target in briefs:
        exclude = tuple(b.key for b in rng.sample(briefs, 2))
        for limit in (0, 1, 3):
            assert index.related(target, limit, exclude) == _brute_force(target, briefs, limit, exclude)


@pytest.mark.parametrize("number", [True, 0, -3, "4", None])
def test_a_brief_without_a_usable_series_number_is_numbered_zero(number):
    """brief_registry reports such a brief; relations must not rank it as #1 (YAML's `true` is an int in Python)."""
    from types import SimpleNamespace

    from reality_check.plugins.brief_relations.handlers import facts

    article = SimpleNamespace(
        source_path="briefs/x.md", series_number=number, topic_terms=(), region_terms=()
    )
    assert facts(article).number == 0


def test_relate_gives_each_brief_its_responses_the_briefs_it_answers_and_related_briefs_apart_from_both():
    """#4 and #5 answer #7 (its `responses:`), #4 answers #5. Related briefs share a topic and are never also a
    response or a brief answered."""
    briefs = [
        BriefFacts("4", 4, topics=("politics",)),
        BriefFacts("5", 5, topics=("politics",)),
        BriefFacts("6", 6, topics=("politics",)),
        BriefFacts("7", 7, topics=("politics",)),
        BriefFacts("8", 8, topics=("economy",)),
    ]
    relations = relate(briefs, {"7": ("4", "5"), "5": ("4",)}, limit=3)
    assert relations == {
        "4": Relations(responses=(), answers=("5", "7"), related=("6",)),
        "5": Relations(responses=("4",), answers=("7",), related=("6",)),
        "6": Relations(related=("7", "5", "4")),  # nearest in the series first; of two as near, the newer
        "7": Relations(responses=("4", "5"), answers=(), related=("6",)),
        "8": Relations(),
    }
