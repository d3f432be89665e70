"""Rules every brief's front matter must satisfy against the registries and the rest of the series.

Pure functions returning Problems; the build plugin logs them and the editors' checker prints them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum

from .frontmatter import FrontMatter
from .nearmiss import closest, did_you_mean
from .problems import Problem, as_given
from .registry import REGISTRY_FILES, SLUG_PATTERN, Registry, as_slug

# The languages a brief may be translated into (`lang:`), besides DEFAULT_LANG; setting
# BRIEF_TRANSLATION_LANGUAGES replaces them.
DEFAULT_TRANSLATION_LANGUAGES = ("ru", "uk", "fr", "de")
LANGUAGES_SETTING = "BRIEF_TRANSLATION_LANGUAGES"


def translation_languages(settings) -> tuple[str, ...]:
    """The languages translations may be in, from Pelican's (or the editors') settings."""
    return tuple(settings.get(LANGUAGES_SETTING) or DEFAULT_TRANSLATION_LANGUAGES)


REQUIRED_FIELDS = ("title", "series_number", "date", "authors")
# Every other key a brief may have, and who reads it: topics and regions (brief_registry), Pelican's own slug,
# modified and status, the card's key_points and recommendations (summary_card) and responses (brief_relations),
# and lang, which makes the brief a translation (docs/translations.md). A key outside both lists that resembles a
# missing required one is named as a near miss. (A page's summary: is its description; a brief's is its key points.)
OPTIONAL_FIELDS = (
    "topics",
    "regions",
    "slug",
    "modified",
    "status",
    "key_points",
    "recommendations",
    "responses",
    "lang",
)


def missing_field(field: str, front: FrontMatter) -> tuple[int, str]:
    """Where and how to say that the required `field` is missing or empty: at a near-miss key's line, naming it
    (``author:`` for ``authors``), else at the field's own line (the first line when it is absent)."""
    message = f"required field '{field}' is missing or empty"
    if field not in front.data:
        strays = [key for key in front.data if key not in (*REQUIRED_FIELDS, *OPTIONAL_FIELDS)]
        near = closest(field, strays)
        if near:
            return front.line_of(near[0]), f"{message} (this line says '{near[0]}': did you mean '{field}'?)"
    return front.line_of(field), message


def is_series_number(value: object) -> bool:
    """Whether `value` can number a brief: a positive integer (YAML's true and false are not numbers)."""
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def next_series_number(numbers: Iterable[object]) -> int:
    """One more than the highest series number in use (1 for the first brief); values that are not positive
    integers (a brief's number still to be fixed) are left out."""
    return max((n for n in numbers if is_series_number(n)), default=0) + 1


# The statuses Pelican keeps out of the published series (it lowercases them; `skip`: not even read). A brief with
# one is not published: no response or digest issue can name it.
UNPUBLISHED_STATUSES = ("draft", "hidden", "skip")


# Every status Pelican knows: any other stops the build ("Unknown status").
KNOWN_STATUSES = ("published", *UNPUBLISHED_STATUSES)

# Pelican's own keys that decide where or how a page is written: a brief's address and layout are the site's.
NOT_A_BRIEF_FIELD = {
    "save_as": "the site gives each {kind} its address (to choose the address, use 'slug:')",
    "url": "the site gives each {kind} its address (to choose the address, use 'slug:')",
    "template": "every {kind} is laid out by the site's {kind} template",
}

# Keys other site tools use to hold a page back, which this site does with `status:` (read as Pelican reads it).
STATUS_HABITS = ("draft", "published", "publish", "hidden", "unlisted", "private")


def unknown_field(key: str) -> str | None:
    """What to say of a brief's front-matter key the site does not read, or None for one it reads: such a key was
    left out without a word, so 'topic:' published a brief with no topic and 'draft: true' published a draft."""
    name = key.lower()
    if name in (*REQUIRED_FIELDS, *OPTIONAL_FIELDS, *NOT_A_BRIEF_FIELD):
        return None
    if name == "summary":
        return (
            "'summary:' is shown nowhere for a brief: its key points are its summary (on the card, in search "
            "results, in feeds and as the page's description), so make that sentence a key point, or remove the line"
        )
    if name in STATUS_HABITS:
        return (
            f"'{key}:' is not a field the site reads, so the brief would be published as it is: to keep it off "
            "the site write 'status: draft' instead (or 'status: hidden' to publish it without listing it)"
        )
    near = closest(name, [*REQUIRED_FIELDS, *OPTIONAL_FIELDS])
    if near:
        return f"'{key}:' is not a field the site reads: did you mean '{near[0]}:'?"
    return (
        f"'{key}:' is not a field the site reads (a brief's fields are {', '.join([*REQUIRED_FIELDS, *OPTIONAL_FIELDS])}): "
        "rename it or remove the line"
    )


# A brief's folder, its share image and its oEmbed file are named by its slug, and a file name holds 255 bytes.
MAX_SLUG_LENGTH = 200


def address_line(front: FrontMatter, slugify_source: str | None) -> int:
    """The line a brief's web address comes from, where every message about it points: its ``slug:`` line when it
    has one, else line 1 when addresses are made from file names (SLUGIFY_SOURCE = "basename"), else its title's."""
    if front.data.get("slug"):
        return front.line_of("slug")
    return 1 if slugify_source == "basename" else front.line_of("title")


def address_problem(path: str, slug: str, written: bool, line: int) -> Problem | None:
    """The problem, at `line` of the brief `path`, with the web address `slug` (see :func:`slug_problem`): `make
    check` reports it, and the build leaves the brief out (a file name too long stopped the whole build)."""
    problem = slug_problem(slug, written)
    return Problem(path, line, problem, code=RuleCode.SLUG_UNUSABLE) if problem else None


class SlugFault(Enum):
    """Why a slug cannot be a brief's web address (each tool words it for what its user can change)."""

    NOT_AN_ADDRESS = "not-an-address"  # a written slug that is not lower-case letters, digits and hyphens
    EMPTY = "empty"  # a title with no letter or digit to make one from
    TOO_LONG = "too-long"  # longer than a file name may be


def slug_fault(slug: str, written: bool) -> SlugFault | None:
    """What keeps `slug` from being a brief's web address, or None: written in a ``slug:`` line (`written`), it must
    be lower-case letters, digits and hyphens; made from the title, it must not come out empty; and no longer than
    MAX_SLUG_LENGTH."""
    if written and not re.fullmatch(SLUG_PATTERN, slug):
        return SlugFault.NOT_AN_ADDRESS
    if not slug:
        return SlugFault.EMPTY
    if len(slug.encode("utf-8")) > MAX_SLUG_LENGTH:
        return SlugFault.TOO_LONG
    return None


def slug_problem(slug: str, written: bool) -> str | None:
    """:func:`slug_fault` in the words of a brief's file: what to write in it."""
    fault = slug_fault(slug, written)
    if fault is SlugFault.NOT_AN_ADDRESS:
        last = slug.strip().strip("/").rsplit("/", 1)[-1]  # an address pasted from the browser: its last part
        such_as = as_slug(last) or "my-brief"
        return (
            f"slug '{slug}' is not a web address the site can use: write lower-case letters, digits and hyphens, "
            f"such as slug: {such_as[:60]}"
        )
    if fault is SlugFault.EMPTY:
        return (
            "the title has no letters or digits to make a web address from: add a line such as "
            "'slug: reality-check-12' below it"
        )
    if fault is SlugFault.TOO_LONG:
        shorter = slug[:60].rsplit("-", 1)[0]
        what = "the slug" if written else "the web address the title gives"
        fix = "shorten it" if written else "add a shorter one in a 'slug:' line"
        return (
            f"{what} is {len(slug)} characters long, more than the {MAX_SLUG_LENGTH} the site's file names allow: "
            f"{fix}, such as slug: {shorter}"
        )
    return None


def is_published(data: Mapping[str, object]) -> bool:
    """Whether a brief with this front matter is part of the published series (no status: published)."""
    return brief_status(data) not in UNPUBLISHED_STATUSES


def is_published_original(data: Mapping[str, object], default_lang: str) -> bool:
    """Whether a brief with this front matter is a published original (not a draft, hidden or skipped, and not a
    translation): the briefs with a place in the series that responses and digests may name (a translation
    stands beside its original)."""
    return is_published(data) and str(data.get("lang") or default_lang) == default_lang


def brief_status(data: Mapping[str, object]) -> str:
    """The brief's ``status:`` as Pelican reads it ("published" when not given)."""
    return str(data.get("status") or "published").strip().lower()


class RuleCode(StrEnum):
    """Every rule a brief's front matter can break against the registries and the rest of the series."""

    UNKNOWN_AUTHOR = "unknown-author"  # not in authors.yml
    UNKNOWN_TOPIC = "unknown-topic"  # not in topics.yml
    UNKNOWN_REGION = "unknown-region"  # not in regions.yml
    LANG_NOT_A_CODE = "lang-not-a-code"  # lang: is not text
    LANG_NOT_OFFERED = "lang-not-offered"  # lang: is not one of the site's languages
    SERIES_NUMBER_MISSING = "series-number-missing"  # no series_number: (or an empty one)
    SERIES_NUMBER_NOT_POSITIVE = "series-number-not-positive"  # 0, -3, 4.5, "four": not a positive integer
    SERIES_NUMBER_QUOTED = "series-number-quoted"  # series_number: "4", which YAML reads as text
    SERIES_NUMBER_REUSED = "series-number-reused"  # two originals with one number
    TRANSLATION_WITHOUT_ORIGINAL = "translation-without-original"
    TRANSLATION_REPEATED = "translation-repeated"  # two translations of a brief into one language
    # A published or hidden translation whose status no original of its number has: Pelican pairs a translation
    # with its original among the briefs of one status only, and the build leaves it out (a draft is never shown).
    TRANSLATION_STATUS_DIFFERS = "translation-status-differs"
    NAMES_ON_ONE_LINE = "names-on-one-line"  # authors: A, B (each listed): one name, not a list of two
    NAME_REPEATED = "name-repeated"  # authors: [Emma Ashford, Emma Ashford]
    SLUG_UNUSABLE = "slug-unusable"  # empty (a title of emoji), not letters, digits and hyphens, or too long
    NAME_NOT_TEXT = (
        "name-not-text"  # authors: given 'key: value' lines (a registry entry pasted in), not names
    )


# A name each registry does not list, by the front-matter field (also the Registry field) that gives it.
UNKNOWN_NAME_CODES = {
    "authors": RuleCode.UNKNOWN_AUTHOR,
    "topics": RuleCode.UNKNOWN_TOPIC,
    "regions": RuleCode.UNKNOWN_REGION,
}


def as_list(value: object) -> list[str]:
    """A front-matter field that may be one name or a list of names, as a list of strings."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if v is not None]
    return [str(value).strip()]


def unknown_name(
    label: str, name: str, listed_in: str, known: Iterable[str], offer_choices: bool = False
) -> str:
    """How every tool says a name is not in a registry: ``unknown author 'X' (not listed in authors.yml)``, then
    ``: did you mean 'Y'?`` when a listed name is close; with `offer_choices`, when none is, every listed name
    (``make brief``, for a short registry of topics or regions)."""
    known = list(known)
    suggestion = did_you_mean(name, known)
    unknown = f"unknown {label} '{name}' (not listed in {listed_in}"
    if not known:  # an empty registry: every name of it is unknown, and the file is what to look at
        return f"{unknown}, which lists none yet: add it there)"
    if suggestion:
        return f"{unknown}): {suggestion}"
    if offer_choices:
        return f"{unknown}; choose from: {', '.join(known) or 'none yet'})"
    return f"{unknown})"


def names_of(value: object) -> tuple[str, ...]:
    """The names an article's metadata holds: nothing, one or a list, of text or of Pelican's objects with a
    ``name`` (its Author, Category and Tag)."""
    items = value if isinstance(value, list | tuple) else [] if value is None else [value]
    return tuple(str(getattr(item, "name", item)) for item in items)


def not_names(key: str, front: FrontMatter, label: str, filename: str) -> list[tuple[int, str]]:
    """Where `key` (``authors``, ``topics``, ``regions``) holds 'key: value' lines instead of names, and what to
    write: an entry copied from its registry (``- name: Emma Ashford``) is told the name alone."""
    value = front.data.get(key)
    if isinstance(value, dict):
        return [(front.line_of(key), _names_expected(key, value, label, filename))]
    items = value if isinstance(value, list) else []
    return [
        (front.line_of(key, index), _names_expected(key, item, label, filename))
        for index, item in enumerate(items)
        if isinstance(item, dict | list)
    ]


def _names_expected(key: str, given: object, label: str, filename: str) -> str:
    name = given.get("name") if isinstance(given, dict) else None
    if isinstance(name, str) and name.strip():
        return (
            f"'{key}:' lists names only: write '  - {name.strip()}' (the {label}'s other details belong in "
            f"{filename})"
        )
    kind = as_given(given) if isinstance(given, dict) else "a list inside the list"
    return f"'{key}:' lists names, one per line ('{key}:', then '  - Name'), not {kind}"


# A list mark that is not YAML's "- ": a word processor's bullet, or a hyphen with no space after it.
_BULLET = re.compile(r"\s*(?:[•·▪◦‣∙]|-(?=\S))\s*")

# Where one written name joins several: "A, B", "A, B, and C", "A; B", "A and B", "A & B".
_NAME_JOINS = re.compile(r"\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def names_joined(text: str) -> list[str]:
    """The names `text` joins ("Emma Ashford and Mathew Burrows", "A, B, and C", "A; B"), in order: a byline's
    authors, or what may be several names written as one."""
    return [part.strip() for part in _NAME_JOINS.split(text) if part.strip()]


def joined_names(key: str, name: str, registry: Registry) -> list[str] | None:
    """The listed names that `name` joins ("Emma Ashford and Mathew Burrows"), when it joins two or more and the
    registry of `key` lists every one of them; else None."""
    parts = names_joined(name)
    if len(parts) > 1 and all(registry.named(key, part) is not None for part in parts):
        return parts
    return None


def check_references(path: str, front: FrontMatter, registry: Registry) -> list[Problem]:
    """Every author, topic and region a brief names must be in its registry."""
    problems = []
    for key, code in UNKNOWN_NAME_CODES.items():
        registry_file = REGISTRY_FILES[key]
        grouped = not_names(key, front, registry_file.label, registry_file.filename)
        if grouped:
            problems.extend(
                Problem(path, line, message, code=RuleCode.NAME_NOT_TEXT) for line, message in grouped
            )
            continue
        names = as_list(front.data.get(key))
        for index, name in enumerate(names):
            if name in names[:index]:
                message = f"'{name}' is listed twice under '{key}:' (lines {front.line_of(key, names.index(name))} and {front.line_of(key, index)}): keep one"
                problems.append(
                    Problem(path, front.line_of(key, index), message, code=RuleCode.NAME_REPEATED)
                )
                continue
            if registry.named(key, name) is not None:
                continue
            where = front.line_of(key, index)
            parts = joined_names(key, name, registry)
            if parts:
                listed = ", ".join(f"'  - {part}'" for part in parts)
                message = f"'{name}' is one name, not {len(parts)}: put each on a line of its own ('{key}:', then {listed})"
                problems.append(Problem(path, where, message, code=RuleCode.NAMES_ON_ONE_LINE))
                continue
            # "  - A" over "    - B": the deeper dash continues the line above, so YAML reads one name "A - B".
            parts = [part.strip() for part in name.split(" - ")]
            if len(parts) > 1 and all(registry.named(key, part) is not None for part in parts):
                listed = ", then ".join(f"'  - {part}'" for part in parts)
                message = (
                    f"'{name}' is read as one name: the line of '- {parts[1]}' is indented further than the one "
                    f"above it, so YAML joins the two; start each line of the list at the same place ({listed})"
                )
                problems.append(Problem(path, where, message, code=RuleCode.NAMES_ON_ONE_LINE))
                continue
            # "  • Emma Ashford" (a word processor's bullet) or "-Emma Ashford": not a YAML list item, so the names
            # were read as one ("• Emma Ashford • Mathew Burrows"), or with the mark as part of the name.
            bullets = [part.strip() for part in _BULLET.split(name)]
            parts = [part for part in bullets if part]
            if _BULLET.match(name) and parts and all(registry.named(key, part) is not None for part in parts):
                listed = ", then ".join(f"'  - {part}'" for part in parts)
                message = (
                    f"'{name}': a list's lines start with '- ' (a hyphen, then a space), which YAML reads as a "
                    f"list, not with '{name.strip()[:1]}': write '{key}:', then {listed}"
                )
                problems.append(Problem(path, where, message, code=RuleCode.NAMES_ON_ONE_LINE))
                continue
            known = (entry.name for entry in registry.entries(key))
            message = unknown_name(registry_file.label, name, registry_file.filename, known)
            problems.append(Problem(path, where, message, code=code))
    return problems


@dataclass(frozen=True)
class Numbered:
    """Where a brief states its series number, and its language (`lang:`, None when not given)."""

    path: str
    line: int
    number: object
    lang: object = None
    lang_line: int = 0
    # for a brief without a number: what to say, naming a near-miss key (`line` is its line)
    missing: str = ""
    status: str = "published"  # as Pelican reads `status:` (published, hidden, draft)

    @classmethod
    def of(cls, path: str, front: FrontMatter) -> Numbered:
        """Where the brief read from `path` (shown as `path`) states its number and language."""
        number = front.data.get("series_number")
        line, missing = missing_field("series_number", front) if number in (None, "") else (0, "")
        return cls(
            path,
            line or front.line_of("series_number"),
            number,
            front.data.get("lang"),
            front.line_of("lang") if "lang" in front.data else 0,
            missing,
            brief_status(front.data),
        )


def check_series_numbers(
    briefs: Iterable[Numbered],
    default_lang: str = "en",
    languages: Iterable[str] | None = None,
    next_free: Callable[[], int] | None = None,
) -> list[Problem]:
    """Series numbers are positive integers, each used by one original brief; a translation shares its own.

    A translation is a brief whose `lang:` is not `default_lang`: its number must be an original's, its
    language one of `languages` (when given), and a brief has at most one translation per language. A number
    used twice is reported at every brief that uses it, each message naming the others and the next free
    number: `next_free()`, asked only then (the build and `make check` pass `new_brief.next_free_number` of the
    content folder, which counts every brief file, so they name the number `make brief` would pick), else one
    past every number in `briefs`.
    """
    known = None if languages is None else {default_lang, *languages}
    briefs = list(briefs)
    problems: list[Problem] = []
    originals: dict[int, list[Numbered]] = {}
    translations: dict[tuple[int, str], list[Numbered]] = {}
    for brief in briefs:
        lang = brief.lang or default_lang
        unknown_language = _language_problems(brief, lang, known)
        if unknown_language:  # not a language the site has: the brief cannot be placed in the series
            problems.extend(unknown_language)
            continue
        wrong_number = _number_problem(brief)
        if wrong_number is not None:
            problems.append(wrong_number)
        elif lang == default_lang:
            originals.setdefault(brief.number, []).append(brief)
        else:
            translations.setdefault((brief.number, lang), []).append(brief)
    free = next_free or (lambda: next_series_number(b.number for b in briefs))
    problems.extend(_reused_numbers(originals, free))
    problems.extend(_translation_problems(translations, originals, default_lang))
    return sorted(problems)


def _language_problems(brief: Numbered, lang: object, known: set[str] | None) -> list[Problem]:
    """`lang:` must be a language code, and one the site offers (when `known`)."""
    where = brief.lang_line or brief.line
    if not isinstance(lang, str):
        message, code = (
            f"lang must be a language code such as 'ru' (got {as_given(lang)})",
            RuleCode.LANG_NOT_A_CODE,
        )
    elif known is not None and lang not in known:
        near = next((code for code in sorted(known) if code.casefold() == lang.strip().casefold()), None)
        hint = f": did you mean '{near}'? (codes are written in lower case)" if near else ""
        message, code = (
            f"lang must be one of {', '.join(sorted(known))} (got {lang!r}){hint}",
            RuleCode.LANG_NOT_OFFERED,
        )
    else:
        return []
    return [Problem(brief.path, where, message, code=code)]


def _number_problem(brief: Numbered) -> Problem | None:
    """The brief's number must be given, and be a positive integer."""
    number = brief.number
    if number is None or number == "":
        message = brief.missing or "required field 'series_number' is missing or empty"
        code = RuleCode.SERIES_NUMBER_MISSING
    elif isinstance(number, str) and number.strip().isdigit():  # series_number: "4" or 010, which are text
        if number.strip().startswith("0") and int(number) > 0:
            message = (
                f"series number must be written without leading zeros: series_number: {int(number)} "
                f"(got {number!r})"
            )
        else:
            message = (
                f"series number must be written without quotes: series_number: {int(number)} (got {number!r})"
            )
        code = RuleCode.SERIES_NUMBER_QUOTED
    elif not is_series_number(number):
        message = f"series number must be a positive integer (got {as_given(number)})"
        code = RuleCode.SERIES_NUMBER_NOT_POSITIVE
    else:
        return None
    return Problem(brief.path, brief.line, message, code=code)


def _reused_numbers(originals: dict[int, list[Numbered]], next_free: Callable[[], int]) -> Iterator[Problem]:
    """A number used by two originals, at each of them, naming the others and the number to give one of them
    instead (`next_free()`, worked out once, when a number is reused)."""
    free = None
    for number, group in originals.items():
        for brief in group if len(group) > 1 else ():
            free = free or next_free()
            others = ", ".join(f"{o.path}:{o.line}" for o in group if o is not brief)
            message = f"series number {number} is also used by {others} (the next free number is {free})"
            yield Problem(brief.path, brief.line, message, code=RuleCode.SERIES_NUMBER_REUSED)


def _translation_problems(
    translations: dict[tuple[int, str], list[Numbered]],
    originals: dict[int, list[Numbered]],
    default_lang: str,
) -> Iterator[Problem]:
    """A translation needs an original with its number, and (unless it is a draft) its status; a brief has one
    translation per language."""
    for (number, lang), group in translations.items():
        for brief in group:
            if number not in originals:
                yield Problem(
                    brief.path,
                    brief.line,
                    f"a translation (lang: {lang}) must have the series number of its original, "
                    f"but no brief in {default_lang} has number {number}",
                    code=RuleCode.TRANSLATION_WITHOUT_ORIGINAL,
                )
            elif brief.status != "draft" and all(o.status != brief.status for o in originals[number]):
                original = originals[number][0]
                yield Problem(
                    brief.path,
                    brief.lang_line or brief.line,
                    f"a translation is published with its original only when both have the same status: this "
                    f"one is {brief.status}, its original {original.path}:{original.line} is {original.status} "
                    f"(give both the same status:)",
                    code=RuleCode.TRANSLATION_STATUS_DIFFERS,
                )
            if len(group) > 1:
                others = ", ".join(f"{o.path}:{o.lang_line or o.line}" for o in group if o is not brief)
                yield Problem(
                    brief.path,
                    brief.lang_line or brief.line,
                    f"brief {number} has two translations in '{lang}': this one and {others}",
                    code=RuleCode.TRANSLATION_REPEATED,
                )
