"""Validate every brief without building the site, reporting every problem as ``path:line: message``.

The checks are the ones the build relies on (front matter, registries, series numbers, the summary card's two
sections) plus what only an editor's draft gets wrong (template placeholders, broken ``{filename}`` links,
two briefs at one address). Each message names the line to edit.
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from brief_registry import (
    BriefFileError,
    FrontMatter,
    Numbered,
    Problem,
    Registry,
    RegistryError,
    check_references,
    check_series_numbers,
    display_path,
    load_registry,
    read_brief,
    read_front_matter,
)
from brief_registry.nearmiss import closest
from brief_registry.safety import unsafe_html
from brief_registry.textfile import decode_text
from summary_card import extract_card
from summary_card.card import card_from_front_matter
from summary_card.source import SourceHeading, find_heading, headings

from .settings import EditorSettings, load_settings
from .source import PLACEHOLDER, filename_links, placeholders
from .tempfiles import is_editor_temporary

BRIEFS_DIR = "briefs"
REQUIRED_FIELDS = ("title", "series_number", "date", "authors")
OPTIONAL_FIELDS = ("topics", "regions", "slug", "summary", "modified", "status", "lang")


@dataclass(frozen=True)
class Address:
    """Where a brief will be published: its slug, and the front-matter line it comes from."""

    path: str
    line: int
    slug: str


@dataclass(frozen=True)
class BriefReport:
    """What checking one brief found, and what the series-wide checks need from it."""

    problems: tuple[Problem, ...] = ()
    number: Numbered | None = None
    address: Address | None = None


def check_content(content: Path, settings: EditorSettings | None = None) -> list[Problem]:
    """Every problem with the registries and the briefs under `content`, in file and line order."""
    content = Path(content)
    settings = settings or load_settings()
    shown = str(content)
    problems: list[Problem] = []
    registry: Registry | None
    try:
        registry = load_registry(content)
    except RegistryError as error:
        problems.extend(Problem(display_path(p.path, shown), p.line, p.message) for p in error.problems)
        registry = None  # names cannot be checked against a registry that does not load

    reports = [
        check_brief(path, display_path(str(path), shown), content, registry, settings)
        for path in sorted((content / BRIEFS_DIR).rglob("*.md"))
        if not is_editor_temporary(path)
    ]
    for report in reports:
        problems.extend(report.problems)
    problems.extend(
        check_series_numbers(
            (r.number for r in reports if r.number is not None), settings.default_lang, settings.languages
        )
    )
    problems.extend(check_slugs(r.address for r in reports if r.address is not None))
    return sorted(problems)


def check_brief(
    path: Path, shown: str, content: Path, registry: Registry | None, settings: EditorSettings
) -> BriefReport:
    """Check one brief on its own; `shown` is the path printed in messages."""
    raw = path.read_bytes()
    if not raw.strip():
        return BriefReport(
            (Problem(shown, 1, "the file is empty (expected front matter and the brief's text)"),)
        )
    try:
        text = decode_text(raw, shown)
        front = read_front_matter(text, shown)
    except BriefFileError as error:
        return BriefReport(error.problems)

    problems = [*check_required(shown, front), *check_date(shown, front)]
    if registry is not None:
        problems.extend(check_references(shown, front, registry))
    rendered = settings.render(front.body)
    problems.extend(unsafe_html(rendered, front.body, front.body_line, shown))
    problems.extend(check_card(shown, front, rendered, settings))
    problems.extend(check_links(shown, front, path, content, settings))
    problems.extend(
        Problem(
            shown, line, f"text from the template is still to be written (replace the '{PLACEHOLDER}: …]')"
        )
        for line in placeholders(text)
    )
    number = None
    if front.data.get("series_number") is not None:
        number = Numbered(
            shown,
            front.line_of("series_number"),
            front.data["series_number"],
            front.data.get("lang"),
            front.line_of("lang") if "lang" in front.data else 0,
        )
    return BriefReport(tuple(problems), number, brief_address(shown, front, path, settings))


def check_required(path: str, front: FrontMatter) -> list[Problem]:
    """Required fields must be present and not empty; a near-miss key (``author:``) is named."""
    problems = []
    known = (*REQUIRED_FIELDS, *OPTIONAL_FIELDS)
    for field in REQUIRED_FIELDS:
        if front.data.get(field) not in (None, "", []):
            continue
        message = f"required field '{field}' is missing or empty"
        line = front.line_of(field)
        if field not in front.data:
            strays = [k for k in front.data if k not in known]
            near = difflib.get_close_matches(field, strays, n=1, cutoff=0.75)
            if near:
                line = front.line_of(near[0])
                message += f" (this line says '{near[0]}': did you mean '{field}'?)"
        problems.append(Problem(path, line, message))
    return problems


def check_date(path: str, front: FrontMatter) -> list[Problem]:
    """The date must be a real calendar date, written YYYY-MM-DD (a time may follow)."""
    value = front.data.get("date")
    if value in (None, "") or isinstance(value, datetime.date):
        return []  # missing is reported as a required field; YAML already parsed real dates
    if isinstance(value, str):
        try:
            datetime.datetime.fromisoformat(value.strip())
            return []
        except ValueError:
            pass
    return [
        Problem(
            path,
            front.line_of("date"),
            f"date must be a real date written YYYY-MM-DD, such as 2021-03-05 (got {value!r})",
        )
    ]


def check_card(path: str, front: FrontMatter, rendered: str, settings: EditorSettings) -> list[Problem]:
    """The card needs key points and recommendations: from front matter (well formed) or from the body.

    `rendered` is the body as HTML.
    """
    given, shape_problems = card_from_front_matter(front.data)  # key_points: / recommendations:
    card_settings = settings.card_for(front.data.get("lang"))
    extraction = extract_card(rendered, card_settings, given)
    card = extraction.card
    found = headings(front.body, front.body_line, settings.render)
    problems = [Problem(path, front.line_of(p.field, p.index), p.message) for p in shape_problems]

    key_heading = find_heading(found, card_settings.key_points_headings)
    key_name = card_settings.key_points_headings[0]
    if given.key_points:
        pass  # the front matter gives them
    elif key_heading is None:
        problems.append(
            Problem(
                path,
                front.body_line,
                f"no key points: add a heading '## {key_name}' followed by a bulleted list ('- …')",
            )
        )
    elif not card.key_points:
        problems.append(
            Problem(
                path,
                key_heading.line,
                f"no key points: the heading '{key_heading.text}' must be followed by a bulleted list "
                "with at least one point",
            )
        )

    rec_heading = find_heading(found, card_settings.recommendations_headings)
    rec_name = card_settings.recommendations_headings[0]
    example = "'1. **Lead sentence.** Details…'"
    if given.recommendations:
        pass  # the front matter gives them
    elif rec_heading is None:
        problems.append(
            Problem(
                path,
                _last_line(front, found),
                f"no recommendations: add a heading '## {rec_name}' followed by a numbered list such as {example}",
            )
        )
    elif not card.recommendations:
        problems.append(
            Problem(
                path,
                rec_heading.line,
                f"no recommendations: the heading '{rec_heading.text}' must be followed by a numbered list "
                f"such as {example}",
            )
        )
    # What else the extractor noticed about a section (twice, empty item, number reused), at its heading.
    for problem in extraction.problems:
        if problem.heading and not problem.message.startswith("no "):
            heading = find_heading(found, (problem.heading,))
            problems.append(Problem(path, heading.line if heading else front.body_line, problem.message))
    return problems


def _last_line(front: FrontMatter, found: tuple[SourceHeading, ...]) -> int:
    """Where a missing closing section belongs: after the last heading, or where the body starts."""
    return found[-1].line if found else front.body_line


def check_links(
    path: str, front: FrontMatter, source: Path, content: Path, settings: EditorSettings | None = None
) -> list[Problem]:
    """Every ``{filename}`` link must point at a file in the content folder, as Pelican resolves it.

    A link to no file names the closest files there are; one that gives a brief's web address names its file.
    """
    problems = []
    for link in filename_links(front.body, front.body_line):
        target = unquote(urlsplit(link.target).path)
        if not target:
            continue
        resolved = content / target.lstrip("/") if target.startswith("/") else source.parent / target
        if not resolved.is_file():
            looked = display_path(os.path.normpath(resolved), str(content))
            message = f"link to '{{filename}}{link.target}' points to no file ({looked} does not exist)"
            hint = _link_hint(target, source, content, settings or load_settings())
            problems.append(Problem(path, link.line, f"{message}: {hint}" if hint else message))
    return problems


def _link_hint(target: str, source: Path, content: Path, settings: EditorSettings) -> str:
    """ "did you mean '{filename}…'?" naming the file(s) a broken link most likely means, written the same way."""
    files = sorted(
        f for f in content.rglob("*") if f.is_file() and not f.name.startswith(".") and f != source
    )
    name = target.rstrip("/").rsplit("/", 1)[-1]
    stem = name.removesuffix(".html").removesuffix(".md")
    addresses = _brief_addresses(files, content, settings)
    by_file = "A link names the brief's file (such as {example}), not its web address"

    def said(meant: list[Path]) -> str:
        written = [
            "{filename}/" + f.relative_to(content).as_posix()
            if target.startswith("/")
            else "{filename}" + Path(os.path.relpath(f, source.parent)).as_posix()
            for f in meant
        ]
        return "did you mean " + " or ".join(f"'{w}'" for w in written) + "?"

    if stem in addresses:
        return f"{said([addresses[stem]])} {by_file.format(example=addresses[stem].name)}"
    near_names = closest(name, [f.name for f in files], n=3)
    if near_names:
        return said([f for f in files if f.name in near_names])
    near_briefs = [addresses[slug] for slug in closest(stem, list(addresses), n=3)]
    if near_briefs:
        return f"{said(near_briefs)} {by_file.format(example=near_briefs[0].name)}"
    if target.endswith("/") or "." not in name:
        example = next(iter(addresses.values()), Path("reality-check-4.md")).name
        return by_file.format(example=example)
    return ""


def _brief_addresses(files: list[Path], content: Path, settings: EditorSettings) -> dict[str, Path]:
    """Each brief's web address (its slug) and its file: what an editor may have copied from the browser."""
    found = {}
    for file in files:
        if file.suffix == ".md" and file.relative_to(content).parts[0] == BRIEFS_DIR:
            with contextlib.suppress(BriefFileError, OSError):
                address = brief_address(str(file), read_brief(file, str(file)), file, settings)
                if address is not None:
                    found[address.slug] = file
    return found


def brief_address(path: str, front: FrontMatter, source: Path, settings: EditorSettings) -> Address | None:
    """The slug the build will give the brief: its ``slug:`` field, or one made from its title."""
    if front.data.get("slug"):
        return Address(path, front.line_of("slug"), str(front.data["slug"]).strip())
    if settings.slugify_source == "basename":
        return Address(path, 1, settings.slug(source.stem))
    title = front.data.get("title")
    if title in (None, ""):
        return None
    return Address(path, front.line_of("title"), settings.slug(str(title)))


def check_slugs(addresses) -> list[Problem]:
    """Two briefs with one slug would be written to the same address: report it at each of them."""
    by_slug: dict[str, list[Address]] = {}
    for address in addresses:
        by_slug.setdefault(address.slug, []).append(address)
    problems = []
    for slug, group in by_slug.items():
        for address in group if len(group) > 1 else ():
            others = ", ".join(f"{o.path}:{o.line}" for o in group if o is not address)
            problems.append(
                Problem(
                    address.path,
                    address.line,
                    f"slug '{slug}' is also used by {others} (give one of them another title or a 'slug:' field)",
                )
            )
    return problems
