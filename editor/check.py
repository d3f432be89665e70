"""Validate every brief without building the site, reporting every problem as ``path:line: message``."""

from __future__ import annotations

from pathlib import Path

from brief_registry import (
    FrontMatterError,
    Numbered,
    Problem,
    Registry,
    RegistryError,
    check_references,
    check_series_numbers,
    display_path,
    load_registry,
    read_front_matter,
)
from summary_card.card import card_from_front_matter

BRIEFS_DIR = "briefs"
REQUIRED_FIELDS = ("title", "series_number", "date", "authors")


def check_content(content: Path) -> list[Problem]:
    """Every problem with the registries and the briefs under `content`, in file and line order."""
    content = Path(content)
    shown = str(content)
    problems: list[Problem] = []
    try:
        registry = load_registry(content)
    except RegistryError as error:
        problems.extend(Problem(display_path(p.path, shown), p.line, p.message) for p in error.problems)
        registry = Registry()

    numbered = []
    for path in sorted((content / BRIEFS_DIR).rglob("*.md")):
        name = display_path(str(path), shown)
        raw = path.read_bytes()
        if not raw.strip():
            problems.append(
                Problem(name, 1, "the file is empty (expected front matter and the brief's text)")
            )
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            problems.append(Problem(name, line, f"the file is not UTF-8 text (byte {raw[error.start]:#04x})"))
            continue
        try:
            front = read_front_matter(text, name)
        except FrontMatterError as error:
            problems.append(error.problem)
            continue
        for field in REQUIRED_FIELDS:
            if front.data.get(field) in (None, "", []):
                problems.append(
                    Problem(name, front.line_of(field), f"required field '{field}' is missing or empty")
                )
        problems.extend(check_references(name, front, registry))
        _given, card_problems = card_from_front_matter(front.data)  # key_points: / recommendations: shape
        problems.extend(Problem(name, front.line_of(p.field, p.index), p.message) for p in card_problems)
        if front.data.get("series_number") is not None:
            numbered.append(Numbered(name, front.line_of("series_number"), front.data["series_number"]))
    problems.extend(check_series_numbers(numbered))
    return sorted(problems)
