"""Add a person to the authors registry (``content/authors.yml``) without disturbing what is already there."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import yaml

from reality_check.plugins.brief_registry import Person, Registry, RegistryError, load_registry
from reality_check.plugins.brief_registry.arguments import DEFAULT_CONTENT
from reality_check.plugins.brief_registry.registry import AUTHORS_FILE, REGISTRY_FILES
from reality_check.plugins.brief_registry.textfile import decode_text, encoded_like
from reality_check.plugins.plugin_support.files import write_atomically
from reality_check.plugins.plugin_support.plain_text import markdown_in, markup_in

from . import decap_yaml


class AuthorError(Exception):
    """The author cannot be added as asked; the registry was left as it was."""


# What may follow a name after a comma: a generation, part of the name ("John Roe, Jr.", which a brief's authors
# and make brief's AUTHORS= name whole), or a degree ("PhD"), which is not.
_GENERATION = re.compile(r"(?:Jr|Sr|II|III|IV)\.?", re.IGNORECASE)
_DEGREE = re.compile(
    r"(?:Ph\.?\s?D|M\.?D|M\.?A|M\.?B\.?A|J\.?D|LL\.?M|D\.?Phil|Esq|OBE|CBE|KBE|MBE)\.?", re.IGNORECASE
)


def new_person(name: str, bio: str, slug: str, title: str = "", affiliation: str = "") -> Person:
    """A registry entry from what an editor typed, with white space tidied."""
    name, bio = " ".join(name.split()), " ".join(bio.split())
    if not name:
        raise AuthorError('the author\'s name is empty: run make author NAME="…" BIO="…"')
    if "," in name and not _GENERATION.fullmatch(
        name.rpartition(",")[2].strip()
    ):  # "John Roe, Jr." is a name
        given, _, after = name.partition(",")
        given, after = given.strip(), after.strip()
        if _DEGREE.fullmatch(after):  # "Jane Doe, PhD": a degree, not the name
            raise AuthorError(
                f"{name!r} ends with a degree, which bylines would print as part of the name: write "
                f'NAME="{given}", and the degree, if it is to be shown, in AUTHOR_TITLE="…"'
            )
        raise AuthorError(  # "Doe, Jane": a catalogue's order
            f"{name!r} holds a comma, as a name written family name first does: write the name as bylines print "
            f'it, such as NAME="{" ".join([after, given]).strip()}"'
        )
    if not bio:
        raise AuthorError(
            f"a one-line bio is needed for {name} (it is shown on their page): "
            f'run make author NAME="{name}" BIO="One sentence about {name}."'
        )
    if not slug:
        raise AuthorError(
            f"the name {name!r} gives an empty web address for the author's page: write the name in letters"
        )
    for given, value in (("BIO", bio), ("AUTHOR_TITLE", title), ("AFFILIATION", affiliation)):
        found = markup_in(value) or markdown_in(value)
        if found:
            raise AuthorError(
                f"{given} is plain text: the author's page, search and feeds would show '{found}' as typed; write "
                "it without the markup"
            )
    return Person(name, slug, bio, " ".join(title.split()), " ".join(affiliation.split()))


def _entry(person: Person) -> dict[str, str]:
    """`person` in the order the registry's fields are written, optional fields only when given."""
    authors = REGISTRY_FILES["authors"]
    return {
        name: getattr(person, name)
        for name in authors.written_order
        if name in authors.required or getattr(person, name)
    }


def entry_yaml(person: Person) -> str:
    """The YAML block for `person` under `authors:`, written as the browser editor writes it (so its next
    save of the registry changes nothing)."""
    return decap_yaml.list_item(_entry(person))


def appended(old: str, person: Person) -> str:
    """The registry's text with `person` added at the end of its list."""
    try:
        data = yaml.safe_load(old) if old.strip() else None
    except yaml.YAMLError:
        data = None  # load_registry reports the syntax error; add_author restores the file
    if isinstance(data, list):  # the older form, a bare list: keep it (its items at the left margin)
        separator = "" if old.endswith("\n\n") else ("\n" if old.endswith("\n") else "\n\n")
        return old + separator + textwrap.dedent(entry_yaml(person))
    if isinstance(data, dict) and data.get("authors") in (None, []) and "authors:" in old:
        # `authors:`, `authors: []` or `authors: null` (the browser editor writes an emptied list as []): the list
        # starts on the key's own line
        head = re.sub(r"(?m)^authors:.*$", "authors:", old, count=1)
        return head + ("" if head.endswith("\n") else "\n") + entry_yaml(person)
    if not old.strip() or data is None:
        head = old if "authors:" in old else old + "authors:\n"
        return head + ("" if head.endswith("\n") else "\n") + entry_yaml(person)
    return old + ("" if old.endswith("\n") else "\n") + _lined_up(entry_yaml(person), old)


def _lined_up(entry: str, old: str) -> str:
    """`entry` indented as the list's last item is: PyYAML and some editors write a key's items at the margin
    (``authors:`` then ``- name: …``), where an item indented by 2 would not fit the lines above it."""
    items = _LIST_ITEM.findall(old)
    if not items or items[-1] == " " * (len(entry) - len(entry.lstrip(" "))):
        return entry
    return textwrap.indent(textwrap.dedent(entry), items[-1])


_LIST_ITEM = re.compile(r"(?m)^( *)- ")


def add_author(content: Path, person: Person, registry: Registry) -> Path:
    """Append `person` to the authors registry `registry` was loaded from; refuse a name or slug already there.

    The file is replaced in one step, its bytes kept and the entry added with the file's own line end
    (:func:`encoded_like`), and re-read before it is kept, so a failure leaves it byte for byte as it was. The
    registry exists: loading it refuses a content folder without one.
    """
    path = Path(content) / AUTHORS_FILE
    for existing in registry.authors:
        if existing.name == person.name:
            raise AuthorError(f"{person.name} is already listed in {path}")
        if existing.slug == person.slug:
            raise AuthorError(
                f"did you mean '{existing.name}'? {existing.name} is already listed in {path}: "
                f'write AUTHORS="{existing.name}" for a brief; nothing to add. '
                f"A different person whose name gives the same address '{person.slug}' needs a fuller name "
                "(a middle initial, say)"
            )
    raw = path.read_bytes()
    new = appended(decode_text(raw, str(path)), person)
    write_atomically(path, encoded_like(new, raw))
    try:
        load_registry(Path(content))
    except RegistryError as error:
        write_atomically(path, raw)
        raise AuthorError(f"adding {person.name} would break {path}: {error}") from None
    return path


def make_author_command(content: Path, name: str, bio: str) -> str:
    """The `make author` command that adds `name` to `content`'s authors (INPUTDIR= when it is not content/)."""
    folder = "" if Path(content) == Path(DEFAULT_CONTENT) else f" INPUTDIR={content}"
    return f'make author NAME="{name}" BIO="{bio}"{folder}'
