"""Rules every brief's front matter must satisfy against the registries and the rest of the series.

Pure functions returning Problems; the build plugin logs them and the editors' checker prints them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .frontmatter import FrontMatter
from .nearmiss import did_you_mean
from .problems import Problem
from .registry import AUTHORS_FILE, REGIONS_FILE, TOPICS_FILE, Registry

REFERENCE_FIELDS = (
    ("authors", "author", AUTHORS_FILE),
    ("topics", "topic", TOPICS_FILE),
    ("regions", "region", REGIONS_FILE),
)


def as_list(value: object) -> list[str]:
    """A front-matter field that may be one name or a list of names, as a list of strings."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if v is not None]
    return [str(value).strip()]


def check_references(path: str, front: FrontMatter, registry: Registry) -> list[Problem]:
    """Every author, topic and region a brief names must be in its registry."""
    lookups = {"authors": registry.author, "topics": registry.topic, "regions": registry.region}
    known = {"authors": registry.authors, "topics": registry.topics, "regions": registry.regions}
    problems = []
    for key, label, filename in REFERENCE_FIELDS:
        for index, name in enumerate(as_list(front.data.get(key))):
            if lookups[key](name) is None:
                message = f"unknown {label} '{name}' (not listed in {filename})"
                suggestion = did_you_mean(name, (entry.name for entry in known[key]))
                problems.append(
                    Problem(
                        path, front.line_of(key, index), f"{message}: {suggestion}" if suggestion else message
                    )
                )
    return problems


@dataclass(frozen=True)
class Numbered:
    """Where a brief states its series number."""

    path: str
    line: int
    number: object


def check_series_numbers(briefs: Iterable[Numbered]) -> list[Problem]:
    """Series numbers must be positive integers, each used by one brief only.

    A number used twice is reported at every brief that uses it, each message naming the others.
    """
    problems = []
    by_number: dict[int, list[Numbered]] = {}
    for brief in briefs:
        number = brief.number
        if isinstance(number, bool) or not isinstance(number, int) or number < 1:
            problems.append(
                Problem(brief.path, brief.line, f"series number must be a positive integer (got {number!r})")
            )
        else:
            by_number.setdefault(number, []).append(brief)
    for number, group in by_number.items():
        for brief in group if len(group) > 1 else ():
            others = ", ".join(f"{o.path}:{o.line}" for o in group if o is not brief)
            problems.append(
                Problem(brief.path, brief.line, f"series number {number} is also used by {others}")
            )
    return sorted(problems)
