"""Decap CMS's configuration (``/admin/config.yml``), generated from the project's own sources.

Nothing here is a second copy of the project's sources: the registries' names come from ``content/*.yml``, a new brief's body
from ``make brief``'s template (``brief_registry/new_brief.py``), the next series number from the briefs themselves, and
the card's section headings from summary_card's settings. The form's fields are those of ``brief_registry.rules``
(``REQUIRED_FIELDS``, ``OPTIONAL_FIELDS``), in their order, each with the widget Decap shows for it; a test keeps
the two in step. A registry entry's fields, the required ones and the order they are saved in are the registry's
(``brief_registry.registry.REGISTRY_FILES``); only how the form shows each is here (``REGISTRY_WIDGETS``). Pure:
settings and sources in, a mapping out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import yaml

from reality_check.plugins.brief_registry import Registry
from reality_check.plugins.brief_registry.arguments import DEFAULT_CONTENT
from reality_check.plugins.brief_registry.briefs import BRIEFS_DIR, PAGES_DIR, file_stem
from reality_check.plugins.brief_registry.dates import DATE_PATTERN
from reality_check.plugins.brief_registry.images import IMAGES_FOLDER, PUBLIC_PREFIX
from reality_check.plugins.brief_registry.registry import REGISTRY_FILES, SLUG_PATTERN, RegistryFile
from reality_check.plugins.summary_card.card import (
    DEFAULT_KEY_POINTS_HEADINGS,
    DEFAULT_RECOMMENDATIONS_HEADINGS,
)

from .settings import DEFAULTS

# Where "View" links lead: a page per brief source file that forwards to the brief's real address (the address
# comes from the title, which Decap cannot slugify the way Pelican does).
ADMIN_DIR = "admin"  # where the editor is: /admin/
PREVIEW_PATH = ADMIN_DIR + "/preview/{filename}/"
DATE_FORMAT = "YYYY-MM-DD"  # Decap's (dayjs) spelling of the YYYY-MM-DD `make check` requires


class DecapConfigError(Exception):
    """The settings cannot make a working Decap configuration."""


@dataclass(frozen=True)
class DecapSettings:
    """The ``DECAP_*`` settings the configuration depends on (their defaults: ``DEFAULTS``)."""

    backend: Mapping[str, Any] = field(default_factory=lambda: dict(DEFAULTS["DECAP_BACKEND"]))
    publish_mode: str = DEFAULTS["DECAP_PUBLISH_MODE"]
    local_backend: str = DEFAULTS["DECAP_LOCAL_BACKEND"]
    site_url: str = DEFAULTS["DECAP_SITE_URL"]
    series: str = ""  # SERIES_NAME (or SITENAME): what the Briefs collection says it holds
    # These three follow the content folder's name (PATH), not a setting.
    content_folder: str = DEFAULT_CONTENT
    media_folder: str = f"{DEFAULT_CONTENT}/{IMAGES_FOLDER}"  # where uploads are saved

    public_folder: str = PUBLIC_PREFIX.rstrip("/")


@dataclass(frozen=True)
class BriefSources:
    """What the Briefs collection is generated from; the headings are the site's first choices for the card's
    sections (summary_card's settings), named in the editor's hints."""

    registry: Registry
    next_number: int
    template: str
    key_points_heading: str = DEFAULT_KEY_POINTS_HEADINGS[0]
    recommendations_heading: str = DEFAULT_RECOMMENDATIONS_HEADINGS[0]


def _names(entries) -> list[str]:
    return [entry.name for entry in entries]


def _choice(name: str, label: str, options: list[str], hint: str, required: bool) -> dict[str, Any]:
    widget: dict[str, Any] = {"label": label, "name": name, "widget": "select", "multiple": True}
    widget["options"] = options
    if required:
        widget["min"] = 1
    else:
        widget["required"] = False
    widget["hint"] = hint
    return widget


def pattern_message(rule: str) -> str:
    """A field's format message as Decap shows it ("Date didn't match the pattern: write the date as …."): Decap
    puts the field's label and a colon before it and a full stop after it."""
    return rule.rstrip(".")


def slug_message(example: str) -> str:
    return pattern_message(f"use lower-case letters, digits and hyphens only, such as {example}")


def _series_number_field(next_number: int) -> dict[str, Any]:
    return {
        "label": "Series number",
        "name": "series_number",
        "widget": "number",
        "value_type": "int",
        "min": 1,
        "step": 1,
        "default": next_number,
        "hint": (
            "Each brief has a number of its own, and a translation keeps its original's. For a new brief, "
            f"{next_number} was the next free number when the editor was opened (if a brief saved since took it, "
            "the new brief's View Live page says so); a brief already numbered keeps its number."
        ),
    }


def _date_field() -> dict[str, Any]:
    return {
        "label": "Date",
        "name": "date",
        "widget": "datetime",
        "format": DATE_FORMAT,
        "date_format": DATE_FORMAT,
        "time_format": False,
        "default": "{{now}}",
        "pattern": [DATE_PATTERN, pattern_message("write the date as YYYY-MM-DD, such as 2021-03-05")],
    }


def _registry_choices(registry: Registry) -> list[dict[str, Any]]:
    """The authors, topics and regions a brief names, each picked from its registry's names."""
    return [
        _choice(
            "authors",
            "Authors",
            _names(registry.authors),
            "As listed under Registries › Authors; add a new author there first.",
            required=True,
        ),
        _choice(
            "topics",
            "Topics",
            _names(registry.topics),
            "As listed under Registries › Topics.",
            required=False,
        ),
        _choice(
            "regions",
            "Regions",
            _names(registry.regions),
            "As listed under Registries › Regions.",
            required=False,
        ),
    ]


def _card_fields(sources: BriefSources) -> list[dict[str, Any]]:
    """The card's sections written in the front matter, left empty as a rule (the card reads the body's lists)."""
    return [
        {
            "label": "Key points",
            "name": "key_points",
            "widget": "list",
            "required": False,
            "collapsed": True,
            "field": {"label": "Key point", "name": "key_point", "widget": "text"},
            "hint": f"Leave empty to take them from the body’s “{sources.key_points_heading}” list (the usual way).",
        },
        {
            "label": "Recommendations",
            "name": "recommendations",
            "widget": "list",
            "required": False,
            "collapsed": True,
            "summary": "{{fields.title}}",
            "fields": [
                {"label": "Title", "name": "title", "widget": "string"},
                {"label": "Text", "name": "text", "widget": "text", "required": False},
            ],
            "hint": (
                f"Leave empty to take them from the body’s “{sources.recommendations_heading}” list (the usual way)."
            ),
        },
    ]


_RESPONSES_FIELD: dict[str, Any] = {
    "label": "Responses",
    "name": "responses",
    "widget": "list",
    "required": False,
    "field": {"label": "Series number", "name": "number", "widget": "number", "value_type": "int"},
    "hint": "Series numbers of later briefs that answer this one.",
}


def _body_field(sources: BriefSources) -> dict[str, Any]:
    return {
        "label": "Body",
        "name": "body",
        "widget": "markdown",
        "modes": ["raw"],
        "default": sources.template,
        "hint": (
            f"Keep the “{sources.key_points_heading}” list and the numbered list under "
            f"“{sources.recommendations_heading}”: the summary card is made from them."
        ),
    }


# A brief's `slug:`: left empty, the address comes from the title (Decap saves an emptied field as `slug: ''`,
# which the site reads as no slug). Filled in before a published brief's title changes, it keeps the address.
_ADDRESS_FIELD: dict[str, Any] = {
    "label": "Web address",  # Decap adds "(optional)"
    "name": "slug",
    "widget": "string",
    "required": False,
    "pattern": [SLUG_PATTERN, slug_message("focus-on-interests")],
    "hint": (
        "Leave empty: the brief's address comes from its title. Before changing the title of a published "
        "brief, copy the last part of its address (after /briefs/) here, so links to it keep working."
    ),
}


def brief_fields(sources: BriefSources) -> list[dict[str, Any]]:
    """The Briefs form: the front matter in the order briefs are written, then the Markdown body."""
    return [
        {"label": "Title", "name": "title", "widget": "string"},
        _series_number_field(sources.next_number),
        _date_field(),
        *_registry_choices(sources.registry),
        _ADDRESS_FIELD,
        *_card_fields(sources),
        _RESPONSES_FIELD,
        _body_field(sources),
    ]


# An example of a slug for each registry's form and for pages': the rule is the same, the example the reader's.
SLUG_EXAMPLES = {
    "authors": "emma-ashford",
    "topics": "security-defense",
    "regions": "russia",
    "pages": "about",
}
# How the form shows each field a registry entry may have (`Person`'s and `Term`'s): its label, its widget, and
# for the slug the rule `make check` applies (with the registry's example). The registry says which fields an
# entry has, which of them are required, and the order the browser editor saves them in (`RegistryFile`).
REGISTRY_WIDGETS: dict[str, dict[str, Any]] = {
    "name": {"label": "Name", "widget": "string"},
    "slug": {"label": "Web address", "widget": "string"},
    "title": {"label": "Job title", "widget": "string"},
    "affiliation": {"label": "Affiliation", "widget": "string"},
    "bio": {"label": "Bio", "widget": "text"},
    "description": {"label": "Description", "widget": "text"},  # without one, a page shows its briefs alone
}


def _registry_fields(key: str, registry: RegistryFile) -> list[dict[str, Any]]:
    """The form's fields for one registry entry, in the order the registry's files are written."""
    fields = []
    for name in registry.written_order:
        shown = REGISTRY_WIDGETS[name]
        field = {"label": shown["label"], "name": name, "widget": shown["widget"]}
        if name == "slug":
            field["pattern"] = [SLUG_PATTERN, slug_message(SLUG_EXAMPLES[key])]
        if name not in registry.required:
            field["required"] = False
        fields.append(field)
    return fields


def _registry_collection(content: str) -> dict[str, Any]:
    files = []
    for key, registry in REGISTRY_FILES.items():
        label = key.capitalize()
        files.append(
            {
                "label": label,
                "name": key,
                "file": str(PurePosixPath(content) / registry.filename),
                "fields": [
                    {
                        "label": label,
                        "name": key,
                        "widget": "list",
                        "summary": "{{fields.name}}",
                        "fields": _registry_fields(key, registry),
                    }
                ],
            }
        )
    return {
        "name": "registries",
        "label": "Registries",
        "delete": False,
        "editor": {"preview": False},
        "files": files,
    }


# The extension of the files Decap lists, opens and writes (one per collection; the build reads others too).
DECAP_EXTENSION = "md"
# The branch Decap's github backend commits to when DECAP_BACKEND names none (DECAP_GITHUB_BRANCH for the live site).
GITHUB_BRANCH = "main"
# A GitHub repository as Decap's github backend names it: owner/name, nothing around it.
# (An owner may hold an underscore: GitHub Enterprise's managed users are named owner_shortcode.)
_GITHUB_REPO = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+")


def _owner_and_name(repo: str) -> str:
    """owner/name from what was given instead (an address to copy from the browser, a clone URL)."""
    path, found = re.subn(
        r"^(?:[a-z+]+://)?(?:[^@/]+@)?(?:www\.)?github\.com[:/]", "", repo.strip(), flags=re.I
    )
    parts = [p for p in path.removesuffix("/").removesuffix(".git").split("/") if p]
    if found and len(parts) >= 2:
        return "/".join(parts[:2])
    if not found and len(parts) == 2 and not re.search(r"[.:@]", parts[0]):  # "owner/name/", " owner/name\n"
        return "/".join(parts)
    return "OWNER/NAME"


def _backend(settings: DecapSettings) -> dict[str, Any]:
    """Decap's `backend:`, checked; a GitHub backend that names no branch gets GITHUB_BRANCH (Decap's own default,
    "master", is a branch few repositories still have)."""
    backend = dict(settings.backend)
    if not backend.get("name"):
        raise DecapConfigError("DECAP_BACKEND must name a Decap backend, such as {'name': 'github'}")
    if backend["name"] != "github":
        return backend
    repo = str(backend.get("repo") or "")
    if not repo and not settings.local_backend:
        raise DecapConfigError(
            "DECAP_BACKEND has no 'repo': set it to the GitHub repository, such as "
            f"{{'name': 'github', 'repo': 'owner/reality-check', 'branch': '{GITHUB_BRANCH}'}} (got {backend!r})"
        )
    if repo and not _GITHUB_REPO.fullmatch(repo):
        raise DecapConfigError(
            f"DECAP_BACKEND's 'repo' must name the GitHub repository as owner/name (got {repo!r}); "
            f"set DECAP_GITHUB_REPO={_owner_and_name(repo)}"
        )
    return {**backend, "branch": backend.get("branch") or GITHUB_BRANCH}


def _briefs_collection(sources: BriefSources, content: str, series: str) -> dict[str, Any]:
    return {
        "name": "briefs",
        "label": "Briefs",
        "label_singular": "Brief",
        "description": f"{series or 'The'} briefs, one Markdown file each in {content}/{BRIEFS_DIR}/.",
        "folder": str(PurePosixPath(content) / BRIEFS_DIR),
        "extension": DECAP_EXTENSION,
        "format": "yaml-frontmatter",
        "create": True,
        "delete": False,
        # A new brief's file is named by its number, as the seed's (reality-check-4.md) and as its downloads are
        # (file_stem: reality-check-4.pdf): a name made from the title came out empty for a title in Cyrillic
        # (Decap refused to save: "slug is not allowed to be empty") and too long for a file name for a long one.
        # The web address still comes from the title (or a slug: line).
        "slug": file_stem(series, "{{fields.series_number}}"),
        "identifier_field": "title",
        "summary": "#{{series_number}} · {{title}}",
        "sortable_fields": ["series_number", "date", "title"],
        "preview_path": PREVIEW_PATH.replace("{filename}", "{{filename}}"),
        "editor": {"preview": False},
        "fields": brief_fields(sources),
    }


def _pages_collection(content: str) -> dict[str, Any]:
    return {
        "name": "pages",
        "label": "Pages",
        "label_singular": "Page",
        "folder": str(PurePosixPath(content) / PAGES_DIR),
        "extension": DECAP_EXTENSION,
        "format": "yaml-frontmatter",
        "create": True,
        "delete": False,
        "slug": "{{slug}}",
        "editor": {"preview": False},
        "fields": [
            {"label": "Title", "name": "title", "widget": "string"},
            {
                "label": "Web address",
                "name": "slug",
                "widget": "string",
                "pattern": [SLUG_PATTERN, slug_message(SLUG_EXAMPLES["pages"])],
            },
            {"label": "Menu title", "name": "nav_title", "widget": "string", "required": False},
            {"label": "Summary", "name": "summary", "widget": "text", "required": False},
            {"label": "Body", "name": "body", "widget": "markdown", "modes": ["raw"]},
        ],
    }


def build_config(sources: BriefSources, settings: DecapSettings) -> dict[str, Any]:
    """Decap's configuration as a mapping, ready to be written as YAML."""
    config: dict[str, Any] = {"backend": _backend(settings)}
    if settings.publish_mode:
        config["publish_mode"] = settings.publish_mode
    if settings.local_backend:
        config["local_backend"] = {"url": settings.local_backend}
    if settings.site_url:
        config["site_url"] = config["display_url"] = settings.site_url.rstrip("/")
    content = settings.content_folder
    return {
        **config,
        "media_folder": settings.media_folder,
        "public_folder": settings.public_folder,
        "editor": {"preview": False},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            _briefs_collection(sources, content, settings.series),
            _registry_collection(content),
            _pages_collection(content),
        ],
    }


def render_config(config: Mapping[str, Any]) -> str:
    """The configuration as YAML, headed by a note that it is generated."""
    header = (
        "# Generated by plugins/decap_admin at every build: do not edit. The names come from content/*.yml,\n"
        "# a new brief's body from plugins/brief_registry/new_brief.py, the backend from the DECAP_* settings.\n"
    )
    return header + yaml.safe_dump(dict(config), sort_keys=False, allow_unicode=True, width=100)
