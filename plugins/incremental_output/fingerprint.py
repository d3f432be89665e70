"""Hashes of what a build reads and of what it wrote: pure functions, shared by the page writer and ``make html``.

``stable_text`` turns settings and the attributes plugins attach to a brief into text that is the same in every run
(sets sorted, no memory addresses, other briefs named by their address rather than walked into), so a hash of it
changes exactly when the value does.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from reality_check.plugins.plugin_support.digests import digest, files_under, folder_stamp

# A brief's attributes that hold its body (shown on its own page and in feeds only), or the whole site's context
# and settings (hashed once for the whole site).
NOT_SUMMARY = frozenset({"_content", "body_below_card", "front_matter", "_context", "settings"})
# What a page anywhere on the site may show of any brief or page without being given it (menus, counts, links):
# its place in the site. Everything else a page shows of a brief, it is given (``article=``, a listing's briefs).
HEADLINE = (
    "source_path", "lang", "status", "title", "slug", "url", "save_as", "date", "series_number", "template",
    "in_default_lang", "authors", "topics", "regions", "translations",
)  # fmt: skip
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


# Types whose ``repr`` is already stable, looked up by exact type before any isinstance test: a brief's summary is
# some 350 values, most of them strings, and ``stable_text`` runs on every brief of every build.
_REPR_EXACTLY = frozenset({str, int, float, bool, type(None)})


def stable_text(value: Any) -> str:
    """``value`` as text that is the same in every run and differs when the value does."""
    kind = type(value)
    if kind in _REPR_EXACTLY:
        return repr(value)
    if kind is list or kind is tuple:
        return "[" + ", ".join([stable_text(v) for v in value]) + "]"
    if kind is dict:
        items = sorted([(stable_text(k), stable_text(v)) for k, v in value.items()])
        return "{" + ", ".join([f"{k}: {v}" for k, v in items]) + "}"
    if isinstance(value, Content):  # another brief or page: its own summary is hashed on its own
        return f"<{type(value).__name__} {value.source_path} {getattr(value, 'lang', '')}>"
    if isinstance(value, URLWrapper):  # an author, category or tag
        return f"<{type(value).__name__} {value.name} {value.url}>"
    if isinstance(value, str | int | float | bool | Path | datetime.date | datetime.time) or value is None:
        return repr(value)
    if isinstance(value, Mapping):
        items = sorted((stable_text(k), stable_text(v)) for k, v in value.items())
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(stable_text(v) for v in value) + "]"
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(stable_text(v) for v in value)) + "}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return type(value).__qualname__ + stable_text(fields)
    if callable(value):  # a function or class from the settings: its code is hashed with the project's
        return (
            f"<{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}>"
        )
    return _ADDRESS.sub("", repr(value))


def content_summary(content: Content) -> str:
    """Everything about a brief or page that any page but its own may show: all it has but its body.

    Its card, reading time, title, authors, dates, address, relations and whatever else the plugins attached are
    in; the body (which only its own page and the feeds show) is not.
    """
    attributes = {k: v for k, v in vars(content).items() if k not in NOT_SUMMARY}
    return stable_text(attributes)


def headline(content: Content) -> str:
    """A brief's or page's place in the site (``HEADLINE``): what any page may show of it."""
    return stable_text({name: getattr(content, name, None) for name in HEADLINE})


def referenced_contents(value: Any, found: dict[int, Content] | None = None) -> dict[int, Content]:
    """The briefs and pages ``value`` holds (in lists, mappings, dataclasses), without looking inside them."""
    found = {} if found is None else found
    if type(value) in _REPR_EXACTLY:  # most values: nothing inside
        return found
    if isinstance(value, Content):
        found[id(value)] = value
    elif isinstance(value, Mapping):
        for item in value.values():
            referenced_contents(item, found)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            referenced_contents(item, found)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            referenced_contents(getattr(value, field.name), found)
    return found


def neighbours(content: Content) -> dict[int, Content]:
    """The briefs and pages ``content`` refers to (neighbours, related briefs, translations)."""
    return referenced_contents({k: v for k, v in vars(content).items() if k not in NOT_SUMMARY})


def page_contents(given: Any, neighbours_of=neighbours) -> list[Content]:
    """What a page may show all of: the briefs and pages it is given, and those these refer to (neighbours,
    related briefs, translations), in a stable order. ``neighbours_of`` may remember what it found."""
    direct = referenced_contents(given)
    found = dict(direct)
    for content in direct.values():
        found.update(neighbours_of(content))
    return sorted(found.values(), key=lambda c: (str(c.source_path), str(getattr(c, "lang", ""))))


def files_digest(paths: Iterable[Path]) -> str:
    """A hash of the files in ``paths``: each one's path and bytes."""
    return digest(*(f"{path}\0".encode() + path.read_bytes() for path in files_under(paths)))


def input_fingerprint(
    sources: Sequence[Path],
    settings: Mapping[str, Any],
    options: Sequence[str],
    packages: Iterable[str],
    today: datetime.date,
) -> str:
    """A hash of everything a build's output depends on: its source files, settings, options, packages and day."""
    return digest(
        files_digest(sources),
        stable_text(dict(settings)),
        "\0".join(options),
        "\0".join(sorted(packages)),
        sys.version,
        today.isoformat(),
    )


def output_fingerprint(output: Path) -> str:
    """A hash of what is in the output folder: every file's path, size and modification time."""
    return folder_stamp(output)


@functools.cache
def installed_packages() -> tuple[str, ...]:
    """``name==version`` of every package installed in this Python, as this process started with them (read once:
    the code a devserver runs stays the version it imported)."""
    from importlib.metadata import distributions

    return tuple(f"{d.metadata['Name']}=={d.version}" for d in distributions())
