"""Which briefs a reader of one brief should see next. Pure functions over small frozen facts."""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from reality_check.plugins.brief_registry import FrontMatter, Problem
from reality_check.plugins.brief_registry.problems import as_given

DEFAULT_LIMIT = 3


class ResponsesCode(StrEnum):
    """Every way an entry of a brief's ``responses:`` list can fail to name another brief."""

    NOT_A_NUMBER = "response-not-a-number"
    TO_ITSELF = "response-to-itself"
    TO_NO_BRIEF = "response-to-no-brief"  # no brief has that series number


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


@dataclass(frozen=True)
class Relations:
    """How one brief relates to the others, by their keys: the briefs that answer it (its `responses:`), the
    briefs it answers (those whose `responses:` name it), and the related briefs suggested beside them (never one of
    the first two)."""

    responses: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()
    related: tuple[str, ...] = ()


def relate(
    briefs: Iterable[BriefFacts], responses: Mapping[str, tuple[str, ...]], limit: int = DEFAULT_LIMIT
) -> dict[str, Relations]:
    """Every brief's Relations, by its key: `responses` gives the keys of the briefs that answer each brief (its
    `responses:`, in its order); the briefs each one answers are the reverse, in the order of `briefs`; up to
    `limit` related briefs share a topic or region."""
    briefs = list(briefs)
    answered: dict[str, list[str]] = {}  # brief -> the briefs whose responses list it
    for brief in briefs:
        for response in responses.get(brief.key, ()):
            answered.setdefault(response, []).append(brief.key)
    index = RelatedIndex(briefs)
    relations = {}
    for brief in briefs:
        own, answers = tuple(responses.get(brief.key, ())), tuple(answered.get(brief.key, ()))
        relations[brief.key] = Relations(own, answers, index.related(brief, limit, exclude=(*own, *answers)))
    return relations


class ListedResponse(NamedTuple):
    """One entry of a brief's `responses:` as written (a series number, or whatever else was typed), and its line."""

    line: int
    entry: object


class Responses(NamedTuple):
    """What a brief's `responses:` names: the keys of the briefs found, and a Problem for each bad entry."""

    keys: tuple[str, ...]
    problems: list[Problem]


def listed_responses(front: FrontMatter) -> tuple[ListedResponse, ...]:
    """Each entry of the brief's `responses:` with its line: all the series-wide check needs of a brief."""
    value = front.data.get("responses")
    if value is None:
        return ()
    if not isinstance(value, list):
        return (ListedResponse(front.line_of("responses"), value),)
    return tuple(ListedResponse(front.line_of("responses", index), item) for index, item in enumerate(value))


def parse_responses(
    path: str, front: FrontMatter, by_number: Mapping[int, str], own_number: object = None
) -> Responses:
    """The keys of the briefs that `responses:` names by series number, and a Problem for each bad entry."""
    return resolve_responses(path, listed_responses(front), by_number, own_number)


def resolve_responses(
    path: str, listed: Iterable[ListedResponse], by_number: Mapping[int, str], own_number: object = None
) -> Responses:
    """The keys of the briefs `listed` (see listed_responses) names, and a Problem for each bad entry.

    The build and `make check` both call this, so they word and place these problems alike.
    """
    keys: list[str] = []
    problems = []
    for line, item in listed:
        if isinstance(item, bool) or not isinstance(item, int):
            problems.append(
                Problem(
                    path,
                    line,
                    f"responses: expected a series number (got {as_given(item)})",
                    code=ResponsesCode.NOT_A_NUMBER,
                )
            )
        elif item == own_number:
            problems.append(
                Problem(
                    path,
                    line,
                    f"responses: a brief cannot respond to itself (got {item})",
                    code=ResponsesCode.TO_ITSELF,
                )
            )
        elif item not in by_number:
            problems.append(
                Problem(
                    path,
                    line,
                    f"responses: no brief has series number {item}",
                    code=ResponsesCode.TO_NO_BRIEF,
                )
            )
        elif by_number[item] not in keys:
            keys.append(by_number[item])
    return Responses(tuple(keys), problems)
