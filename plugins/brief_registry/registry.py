"""The series' registries: who writes briefs, and the topics and regions briefs are filed under.

They are YAML files beside the content (``authors.yml``, ``topics.yml``, ``regions.yml``), each a list of
entries under one key named like the file (``authors:``, ``topics:``, ``regions:``; the form the browser editor
saves), or, as older files have it, a bare list. Loading is pure and strict: a malformed entry is a RegistryError naming the file and line.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

import yaml

from reality_check.plugins.plugin_support.plain_text import markdown_in, markup_in

from .frontmatter import FrontMatterCode, cut_by_a_comment, key_given_twice, parse_yaml
from .problems import EncodingError, Problem, RegistryError, as_given
from .textfile import lines_of, read_text_file
from .yamlerrors import yaml_problem

AUTHORS_FILE = "authors.yml"
TOPICS_FILE = "topics.yml"
REGIONS_FILE = "regions.yml"


class RegistryCode(StrEnum):
    """Every way a registry file can fail to load (a YAML syntax error is a ``YamlCode``)."""

    MISSING = "registry-missing"
    NOT_A_LIST = "registry-not-a-list"
    ENTRY_NOT_A_MAPPING = "registry-entry-not-a-mapping"
    ENTRY_MISSING_FIELD = "registry-entry-missing-field"
    ENTRY_UNKNOWN_FIELD = "registry-entry-unknown-field"
    ENTRY_NOT_TEXT = "registry-entry-not-text"  # bio: [a, list], or 'key: value' lines under a field
    ENTRY_MARKUP = "registry-entry-markup"  # bio: Writes **briefs** <b>daily</b> (shown as typed)
    NAME_REUSED = "registry-name-reused"
    SLUG_REUSED = "registry-slug-reused"
    SLUG_NOT_AN_ADDRESS = "registry-slug-not-an-address"  # not lower-case letters, digits and hyphens


# A slug is the entry's web address (/authors/<slug>/): lower-case letters, digits and hyphens. Also the browser
# editor's check of the slug it lets an editor type (decap_admin), so the form and `make check` agree.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def paragraphs(text: str) -> tuple[str, ...]:
    """A registry's text as paragraphs: a blank line (a YAML ``|`` block's, or two in a quoted value) parts them, and
    the lines within one run together, as Markdown reads them."""
    return tuple(" ".join(part.split()) for part in _BLANK_LINE.split(text) if part.strip())


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True)
class Person:
    """An author as their page and bylines present them."""

    name: str
    slug: str
    bio: str
    title: str = ""
    affiliation: str = ""

    @property
    def bio_paragraphs(self) -> tuple[str, ...]:
        """The bio's paragraphs, as its author page shows them (see `paragraphs`)."""
        return paragraphs(self.bio)


@dataclass(frozen=True)
class Term:
    """One topic or region."""

    name: str
    slug: str
    description: str = ""

    @property
    def description_paragraphs(self) -> tuple[str, ...]:
        """The description's paragraphs, as its topic or region page shows them (see `paragraphs`)."""
        return paragraphs(self.description)


@dataclass(frozen=True)
class Registry:
    """Everything a brief's front matter may refer to by name."""

    authors: tuple[Person, ...] = ()
    topics: tuple[Term, ...] = ()
    regions: tuple[Term, ...] = ()

    def entries(self, field: str) -> tuple[Person, ...] | tuple[Term, ...]:
        """One registry's entries, by its field ("authors", "topics" or "regions": `REGISTRY_FILES`' keys)."""
        return getattr(self, field)

    def named(self, field: str, name: str) -> Person | Term | None:
        """The entry of one registry (by its field) with this name, or None."""
        return self._by_name[field].get(name)

    @cached_property
    def _by_name(self) -> dict[str, dict[str, Person | Term]]:
        # Looked up for every name of every brief: an index, made once per registry.
        return {field: {entry.name: entry for entry in self.entries(field)} for field in REGISTRY_FILES}

    def author(self, name: str) -> Person | None:
        return self.named("authors", name)

    def topic(self, name: str) -> Term | None:
        return self.named("topics", name)

    def region(self, name: str) -> Term | None:
        return self.named("regions", name)


def _entries(path: Path, label: str) -> list[tuple[int, dict, dict[str, int]]]:
    """The file's list entries, each with the line it starts on."""
    shown = str(path)
    try:
        text = read_text_file(path, shown)
    except FileNotFoundError:
        beside = sorted(
            other.name
            for other in path.parent.glob(f"{path.stem}.*")
            if other.suffix.lower() in (".yml", ".yaml") and other.name != path.name
        )
        hint = (
            f": there is {beside[0]}, which the site does not read; rename it {path.name}" if beside else ""
        )
        raise RegistryError(
            [Problem(shown, 1, f"the {label} registry is missing{hint}", code=RegistryCode.MISSING)]
        ) from None
    except EncodingError as error:
        raise RegistryError(list(error.problems)) from None
    try:
        node, data = parse_yaml(text)
    except yaml.YAMLError as error:
        raise RegistryError([yaml_problem(error, shown, text)]) from None
    if data is None:
        return []
    key = f"{label}s"
    if isinstance(data, dict) and isinstance(node, yaml.MappingNode) and list(data) == [key]:
        second = _key_written_twice(node, key)
        if second is not None:  # YAML keeps the last list only, so the first one's entries would be lost
            raise RegistryError(
                [
                    Problem(
                        shown,
                        second,
                        f"'{key}:' is already given on line {node.value[0][0].start_mark.line + 1}: the file "
                        f"keeps one list, so move the entries below this line under the first '{key}:' and "
                        "delete this line",
                        code=FrontMatterCode.KEY_GIVEN_TWICE,
                    )
                ]
            )
        data = data[key] or []
        node = node.value[0][1]
        if not data:
            return []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise RegistryError(
            [
                Problem(
                    shown,
                    node.start_mark.line + 1 if node is not None else 1,
                    _not_a_list(label, key, data),
                    code=RegistryCode.NOT_A_LIST,
                )
            ]
        )
    lines = lines_of(text)
    for item in node.value:  # each entry is read as strictly as a brief's front matter
        twice, cut = key_given_twice(item), cut_by_a_comment(item, lines)
        if twice is not None:
            raise RegistryError([Problem(shown, *twice, code=FrontMatterCode.KEY_GIVEN_TWICE)])
        if cut is not None:
            raise RegistryError([Problem(shown, *cut, code=FrontMatterCode.VALUE_CUT_BY_COMMENT)])
    return [
        (item.start_mark.line + 1, entry, _key_lines(item))
        for item, entry in zip(node.value, data, strict=True)
    ]


def _key_lines(item: yaml.Node) -> dict[str, int]:
    """The line of each field of an entry, where a problem with that field is said."""
    if not isinstance(item, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _value in item.value}


def _not_a_list(label: str, key: str, data: object) -> str:
    """What a registry holds instead of a list of entries, and what to write: the file's list, each entry opening
    with '- name:' (optionally under '<key>:')."""
    example = f"'- name: …' lines (the file may open with '{key}:')"
    if isinstance(data, dict):
        names = ", ".join(map(str, list(data)[:3]))
        return f"expected a list of {label} entries, each opening with {example}; got 'key: value' lines ({names})"
    return f"expected a list of {label} entries, each opening with {example}; got {as_given(data)}"


def _key_written_twice(node: yaml.MappingNode, key: str) -> int | None:
    """The line of the second `key:` of a registry's top level, if the key is written twice."""
    lines = [name.start_mark.line + 1 for name, _value in node.value if name.value == key]
    return lines[1] if len(lines) > 1 else None


@dataclass(frozen=True)
class RegistryFile:
    """One registry: its file in the content folder, what an entry is called, its type, its required fields, and
    the order its fields are written in (as the browser editor's form saves them, and `make author` appends)."""

    filename: str
    label: str  # "author": the messages' word for an entry, and ("authors") the key the list may sit under
    kind: type[Person] | type[Term]
    required: tuple[str, ...]
    written_order: tuple[str, ...]


REGISTRY_FILES = {  # by the Registry field each one fills
    "authors": RegistryFile(
        AUTHORS_FILE,
        "author",
        Person,
        ("name", "slug", "bio"),
        ("name", "slug", "title", "affiliation", "bio"),
    ),
    "topics": RegistryFile(TOPICS_FILE, "topic", Term, ("name", "slug"), ("name", "slug", "description")),
    "regions": RegistryFile(REGIONS_FILE, "region", Term, ("name", "slug"), ("name", "slug", "description")),
}


def _build(path: Path, registry: RegistryFile) -> tuple[Person, ...] | tuple[Term, ...]:
    """The registry's entries, or a RegistryError naming every problem at its line."""
    entries = _entries(path, registry.label)
    slugs = {
        str(entry.get("slug")) for _, entry, _ in entries if isinstance(entry, dict)
    }  # a fix must not clash
    seen: dict[tuple[str, str], int] = {}
    problems: list[Problem] = []
    built = []
    for line, entry, key_lines in entries:
        shape = _shape_problems(str(path), line, entry, registry, key_lines)
        if shape:
            problems.extend(shape)
            continue
        problems.extend(_reuse_problems(str(path), key_lines, entry, registry.label, seen, slugs))
        # A field left empty ('title:') is absent: str(None) published "None" on the author's page.
        built.append(
            registry.kind(**{k: " ".join(str(v).split()) for k, v in entry.items() if v is not None})
        )
    if problems:
        raise RegistryError(problems)
    return tuple(built)


def _shape_problems(
    path: str, line: int, entry: object, registry: RegistryFile, key_lines: dict[str, int]
) -> list[Problem]:
    """What is wrong with one entry on its own: not a mapping, a required field missing, a field the entry cannot
    have, a slug that cannot be an address."""
    label, required = registry.label, registry.required
    if not isinstance(entry, dict):
        expected = f"expected an entry with {', '.join(required)} (got {as_given(entry)})"
        return [Problem(path, line, expected, code=RegistryCode.ENTRY_NOT_A_MAPPING)]
    allowed = set(registry.kind.__dataclass_fields__)
    missing = [key for key in required if not str(entry.get(key) or "").strip()]
    unknown = sorted(set(entry) - allowed)
    problems = []
    if missing:
        message = f"{label} entry is missing {', '.join(missing)}"
        problems.append(Problem(path, line, message, code=RegistryCode.ENTRY_MISSING_FIELD))
    if unknown:
        message = f"unknown field {', '.join(unknown)} (expected {', '.join(sorted(allowed))})"
        where = key_lines.get(str(unknown[0]), line)
        problems.append(Problem(path, where, message, code=RegistryCode.ENTRY_UNKNOWN_FIELD))
    problems.extend(
        Problem(
            path,
            key_lines.get(key, line),
            f"{label} field '{key}' must be text (got {as_given(value)})",
            code=RegistryCode.ENTRY_NOT_TEXT,
        )
        for key, value in entry.items()
        if key in allowed and isinstance(value, list | dict)
    )
    problems.extend(
        Problem(
            path, key_lines.get(key, line), _markup_said(label, key, found), code=RegistryCode.ENTRY_MARKUP
        )
        for key, value in entry.items()
        if key in allowed and isinstance(value, str) and (found := markup_in(value) or markdown_in(value))
    )
    if problems:
        return problems
    slug = str(entry["slug"])
    if not re.match(SLUG_PATTERN, slug):
        message = (
            f"slug {slug!r} is the address of the {label}'s page, so it must be lower-case letters, digits "
            f"and hyphens, such as '{as_slug(slug) or 'emma-ashford'}'"
        )
        return [Problem(path, key_lines.get("slug", line), message, code=RegistryCode.SLUG_NOT_AN_ADDRESS)]
    return []


def _markup_said(label: str, key: str, found: str) -> str:
    """Why a registry's text field may not hold `found`, markup every page showing it would show as typed."""
    if found.startswith("&"):
        fix = f"write the character itself ('{html.unescape(found)}')"
    elif found.startswith("<"):
        fix = "remove the tag"
    else:
        fix = "remove the asterisks and brackets (a page links the name itself)"
    return f"{label} field '{key}' is plain text: the {label}'s page, search and feeds show '{found}' as typed; {fix}"


def _reuse_problems(
    path: str,
    key_lines: dict[str, int],
    entry: dict,
    label: str,
    seen: dict[tuple[str, str], int],
    slugs: set[str],
) -> list[Problem]:
    """A name or slug an earlier entry already has (`seen`: each one's line so far, updated here). Names are
    compared in any capitals: 'emma ashford' beside 'Emma Ashford' gave one person two pages."""
    problems = []
    for key, reused in (("name", RegistryCode.NAME_REUSED), ("slug", RegistryCode.SLUG_REUSED)):
        value, line = str(entry[key]), key_lines[key]
        compared = (key, " ".join(value.split()).casefold())
        if compared in seen:
            message = f"{key} '{value}' is already used on line {seen[compared]}: " + _reuse_fix(
                key, value, label, slugs
            )
            problems.append(Problem(path, line, message, code=reused))
        seen[compared] = line
    return problems


def as_slug(text: str) -> str:
    """`text` as a slug: its letters and digits, accents dropped, lower-case, runs of anything else a hyphen (the
    one rule for the names the messages suggest: a registry's slug, a brief's, an image file's)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def _reuse_fix(key: str, value: str, label: str, slugs: set[str]) -> str:
    """What to do about a name or slug an earlier entry of the registry already has."""
    if key == "name":
        return f"list each {label} once (delete one of the two entries, keeping what both say)"
    free = next(f"{value}-{n}" for n in itertools.count(2) if f"{value}-{n}" not in slugs)
    slugs.add(free)  # the next clash of the same slug is offered another
    return f"the slug is the address of the {label}'s page, so give this entry its own, such as '{free}'"


def load_registry(content: Path) -> Registry:
    """Load the three registries from the content folder; raise RegistryError listing every problem."""
    problems: list[Problem] = []
    loaded = {}
    for field_name, registry in REGISTRY_FILES.items():
        try:
            loaded[field_name] = _build(Path(content) / registry.filename, registry)
        except RegistryError as error:
            problems.extend(error.problems)
    if problems:
        raise RegistryError(problems)
    return Registry(**loaded)


def build_registry(context: Mapping[str, object], content: str | Path) -> Registry:
    """The registries of this build: the ones brief_registry loaded (and reported the problems of), kept in
    Pelican's context as ``registry``; without brief_registry in PLUGINS, loaded here, and empty if they cannot
    be (a registry that does not load checks no names)."""
    registry = context.get("registry")
    if isinstance(registry, Registry):
        return registry
    try:
        return load_registry(Path(content))
    except RegistryError:
        return Registry()
