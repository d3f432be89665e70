"""Which briefs a reader of one brief should see next. Pure functions over small frozen facts."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from brief_registry import FrontMatter, Problem

DEFAULT_LIMIT = 3


@dataclass(frozen=True)
class BriefFacts:
    """What relating briefs needs to know about one brief."""

    key: str
    number: int
    topics: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()

    @cached_property
    def terms(self) -> frozenset:
        """Topics and regions as one set (a region is tagged, so a topic and a region never collide)."""
        return frozenset(self.topics) | {("region", r) for r in self.regions}


def related_briefs(
    target: BriefFacts,
    others: Iterable[BriefFacts],
    limit: int = DEFAULT_LIMIT,
    exclude: Iterable[str] = (),
) -> tuple[str, ...]:
    """Keys of up to `limit` briefs sharing a topic or region with `target`.

    Most shared terms first; among equals the brief closest in the series, then the newer one.
    Briefs in `exclude` (already linked as responses) and `target` itself are left out.
    """
    skip = {target.key, *exclude}
    terms = target.terms
    scored = []
    for other in others:
        shared = len(terms & other.terms)
        if shared and other.key not in skip:
            scored.append((-shared, abs(other.number - target.number), -other.number, other.key))
    return tuple(key for *_, key in heapq.nsmallest(max(limit, 0), scored))


def parse_responses(
    path: str, front: FrontMatter, by_number: Mapping[int, str], own_number: object = None
) -> tuple[tuple[str, ...], list[Problem]]:
    """The keys of the briefs that `responses:` names by series number, and a Problem for each bad entry."""
    value = front.data.get("responses")
    if value is None:
        return (), []
    items = value if isinstance(value, list) else [value]
    keys: list[str] = []
    problems = []
    for index, item in enumerate(items):
        line = front.line_of("responses", index if isinstance(value, list) else None)
        if isinstance(item, bool) or not isinstance(item, int):
            problems.append(Problem(path, line, f"responses: expected a series number (got {item!r})"))
        elif item == own_number:
            problems.append(Problem(path, line, f"responses: a brief cannot respond to itself (got {item})"))
        elif item not in by_number:
            problems.append(Problem(path, line, f"responses: no brief has series number {item}"))
        elif by_number[item] not in keys:
            keys.append(by_number[item])
    return tuple(keys), problems
