"""Which briefs a reader of one brief should see next. Pure functions over small frozen facts."""

from __future__ import annotations

import bisect
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


def _rank(target: BriefFacts, other: BriefFacts, shared: int) -> tuple:
    """Most shared terms first; among equals the brief closest in the series, then the newer one."""
    return (-shared, abs(other.number - target.number), -other.number, other.key)


class RelatedIndex:
    """Finds related briefs without comparing every pair, so an archive of thousands stays fast.

    Briefs are grouped by their exact set of topics and regions (an archive has few distinct sets), each
    group sorted by series number; for a target, each group's shared-term count is computed once and only
    the group's members nearest the target in the series can make the top of the list.
    """

    def __init__(self, briefs: Iterable[BriefFacts]) -> None:
        groups: dict[frozenset, list[BriefFacts]] = {}
        for brief in briefs:
            groups.setdefault(brief.terms, []).append(brief)
        self._groups = [
            (
                terms,
                sorted(members, key=lambda b: b.number),
                [b.number for b in sorted(members, key=lambda b: b.number)],
            )
            for terms, members in groups.items()
        ]

    def related(
        self, target: BriefFacts, limit: int = DEFAULT_LIMIT, exclude: Iterable[str] = ()
    ) -> tuple[str, ...]:
        """Keys of up to `limit` briefs sharing a topic or region with `target`, best first.

        Briefs in `exclude` (already linked as responses) and `target` itself are left out.
        """
        limit = max(limit, 0)
        skip = {target.key, *exclude}
        reach = limit + len(skip)  # enough neighbours on each side to survive the skipped ones
        candidates = []
        for terms, members, numbers in self._groups:
            shared = len(target.terms & terms)
            if not shared:
                continue
            at = bisect.bisect_left(numbers, target.number)
            for other in members[max(0, at - reach) : at + reach + 1]:
                if other.key not in skip:
                    candidates.append(_rank(target, other, shared))
        return tuple(key for *_, key in heapq.nsmallest(limit, candidates))


def related_briefs(
    target: BriefFacts,
    others: Iterable[BriefFacts],
    limit: int = DEFAULT_LIMIT,
    exclude: Iterable[str] = (),
) -> tuple[str, ...]:
    """Keys of up to `limit` briefs sharing a topic or region with `target` (see RelatedIndex)."""
    return RelatedIndex(others).related(target, limit, exclude)


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
