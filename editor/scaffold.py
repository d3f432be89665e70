"""Write a new brief: complete front matter, the next free series number, and the section skeleton.

Every place the editor still has to write is marked ``[FILL IN: …]``; ``make check`` lists the ones left.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reality_check.plugins.brief_registry import Registry
from reality_check.plugins.brief_registry.briefs import BRIEFS_DIR, file_stem
from reality_check.plugins.brief_registry.dates import DateError, read_date
from reality_check.plugins.brief_registry.nearmiss import did_you_mean
from reality_check.plugins.brief_registry.new_brief import existing_briefs, skeleton
from reality_check.plugins.brief_registry.registry import AUTHORS_FILE, REGISTRY_FILES
from reality_check.plugins.brief_registry.rules import MAX_SLUG_LENGTH, SlugFault, slug_fault, unknown_name
from reality_check.plugins.summary_card.card import CardSettings

from . import decap_yaml
from .check import brief_address, title_label
from .settings import EditorSettings


class ScaffoldError(Exception):
    """The brief cannot be written as asked; nothing was written."""


@dataclass(frozen=True)
class BriefRequest:
    """What the editor asked for on the command line."""

    title: str
    authors: tuple[str, ...]
    topics: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    date: datetime.date | None = None


def split_names(text: str | None, listed: Iterable[str] = ()) -> tuple[str, ...]:
    """Names given as one comma- or semicolon-separated string, tidied, in order, without repeats; a name the
    registry lists with a comma in it (`listed`: 'John Smith, Jr.') stays whole."""
    parts = [" ".join(part.split()) for part in re.split(r"([,;])", text or "")]
    whole = {name.casefold() for name in listed if "," in name or ";" in name}
    names: list[str] = []
    index = 0
    while index < len(parts):
        joined = "".join(parts[index : index + 3]).replace(",", ", ").replace(";", "; ")
        if index + 2 < len(parts) and " ".join(joined.split()).casefold() in whole:
            names.append(" ".join(joined.split()))
            index += 4  # the name's two parts, its comma, and the separator after it
            continue
        if parts[index] not in (",", ";"):
            names.append(parts[index])
        index += 1
    return tuple(dict.fromkeys(name for name in names if name))


def parse_date(text: str | None) -> datetime.date | None:
    """The date DATE names, in any form editors write one (`read_date`), or None when not given."""
    if not text or not text.strip():
        return None
    try:
        return read_date(text, "DATE")
    except DateError as error:
        raise ScaffoldError(str(error)) from None


def unknown_names(request: BriefRequest, registry: Registry) -> list[str]:
    """A sentence for each topic or region the registries do not list, naming the ones they do."""
    return [
        unknown_name(
            REGISTRY_FILES[field].label,
            name,
            REGISTRY_FILES[field].filename,
            [term.name for term in registry.entries(field)],
            offer_choices=True,
        )
        for field, names in (("topics", request.topics), ("regions", request.regions))
        for name in names
        if registry.named(field, name) is None
    ]


def unknown_authors(request: BriefRequest, registry: Registry) -> list[str]:
    return [name for name in request.authors if registry.author(name) is None]


def misspelt_authors(names: list[str] | tuple[str, ...], registry: Registry) -> list[str]:
    """A sentence for each name that is not listed but is close to one that is ("emma ashford")."""
    found = []
    listed = [person.name for person in registry.authors]
    for name in names:
        if did_you_mean(name, listed):
            found.append(unknown_name("author", name, AUTHORS_FILE, listed))
    return found


def brief_text(request: BriefRequest, number: int, date: datetime.date, card: CardSettings) -> str:
    """The new brief's Markdown: front matter, then the skeleton, its card's sections headed as the site's `card`
    settings head them."""
    return (
        front_matter(request, number, date)
        + "\n"
        + skeleton(card.key_points_heading, card.recommendations_heading)
    )


def front_matter(request: BriefRequest, number: int, date: datetime.date) -> str:
    """A brief's complete front matter, between its two '---' lines, in the form the browser editor saves.

    Written as Decap CMS writes it (``decap_yaml``), so a brief started here and then saved unchanged in
    ``make cms`` keeps every byte. Empty topics and regions are written ``[]``: fill them in, or leave them.
    """
    return decap_yaml.front_matter(
        {
            "title": request.title,
            "series_number": number,
            "date": date.isoformat(),
            "authors": list(request.authors),
            "topics": list(request.topics),
            "regions": list(request.regions),
        }
    )


@dataclass(frozen=True)
class PlannedBrief:
    """Where a new brief will be written, and the web address (slug) its title gives it."""

    path: Path
    slug: str


def plan_brief(
    content: Path, request: BriefRequest, registry: Registry, settings: EditorSettings, number: int
) -> PlannedBrief:
    """Where the brief numbered `number` will be written, named as the browser editor names it and as its
    downloads are (``reality-check-5.md``: `file_stem`), so a title changed later leaves no stale file name; raise
    ScaffoldError for anything that stops it (authors aside)."""
    title = " ".join(request.title.split())
    if not title:
        raise ScaffoldError(
            'TITLE is empty: give the brief a title, e.g. TITLE="Talk to Moscow about arms control"'
        )
    labelled = title_label(title, settings.series)
    if labelled:
        raise ScaffoldError(f'{labelled.said}, TITLE="{labelled.rest}"')
    if not request.authors:
        raise ScaffoldError(
            'AUTHORS is empty: name at least one author, e.g. AUTHORS="Emma Ashford, Mathew Burrows"'
        )
    problems = unknown_names(request, registry)
    if problems:
        raise ScaffoldError("; ".join(problems))
    slug = settings.slug(title)
    fault = slug_fault(slug, written=False)  # the file's rule, worded for the TITLE given to make brief
    if fault is SlugFault.EMPTY:
        raise ScaffoldError(
            f"the title {title!r} gives an empty web address: use some letters or digits in it"
        )
    if fault is SlugFault.TOO_LONG:
        raise ScaffoldError(
            f"the title gives a web address of {len(slug)} characters, more than the {MAX_SLUG_LENGTH} the site's "
            "file names allow: shorten the title (the brief's text can say the rest)"
        )
    target = Path(content) / BRIEFS_DIR / f"{file_stem(settings.series, number)}.md"
    if target.exists():
        raise ScaffoldError(_file_taken(target, number))
    for path, front in existing_briefs(content):
        address = brief_address(str(path), front, path, settings)
        if address is not None and address.slug == slug:
            raise ScaffoldError(
                f"{path}:{address.line} already uses the web address '{slug}': choose another title"
            )
    return PlannedBrief(target, slug)


def write_brief(target: Path, text: str) -> Path:
    """Write a new brief; never overwrite a file, even one that appeared since the checks."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{target} was written meanwhile by someone else: run this again") from None
    return target


def _file_taken(target: Path, number: int) -> str:
    """Why a free series number's file name is taken: a brief renumbered without being renamed."""
    return (
        f"{target} already exists, although no brief has series number {number}: that file holds a brief "
        f"numbered otherwise; rename it after its own number, then run this again"
    )


@dataclass(frozen=True)
class NumberUser:
    """The brief that has a series number already: its file, the line of its ``series_number:``, its title."""

    path: Path
    line: int
    title: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def series_number_user(content: Path, number: int) -> NumberUser | None:
    """The brief that already has series number `number`, if any."""
    for path, front in existing_briefs(content):
        if front.data.get("series_number") == number:
            return NumberUser(path, front.line_of("series_number"), str(front.data.get("title")))
    return None
