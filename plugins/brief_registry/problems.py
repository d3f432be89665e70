"""The one shape every problem with a brief or a registry takes: ``path:line: message``, and a code.

Each problem's ``code`` is a member of the enum beside the rule that finds it (docs/development.md lists them
all): programs and tests match on the code, editors read the message, and the build and ``make check`` give both.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

# The attribute of a build log record that holds the Problems its message words (see `log_extra`).
LOG_RECORD_ATTRIBUTE = "problems"


@dataclass(frozen=True, order=True)
class Problem:
    """Something an editor must fix, located where they will fix it; ``code`` says which problem it is."""

    path: str
    line: int
    message: str
    code: StrEnum = field(kw_only=True)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def as_warning(self) -> str:
        """``path:line: warning: message``, as compilers word what does not stop them (``make check``'s warnings)."""
        return f"{self.path}:{self.line}: warning: {self.message}"


def log_extra(*problems: Problem) -> dict[str, tuple[Problem, ...]]:
    """``extra=`` for a build log record wording `problems`, so a program reading the log finds their codes."""
    return {LOG_RECORD_ATTRIBUTE: problems}


class RegistryError(Exception):
    """A registry file (authors, topics, regions) cannot be used as it is."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class BriefFileError(Exception):
    """A brief cannot be built as it is; ``problems`` say where and what to change."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def problem(self) -> Problem:
        """The first problem (a file that cannot be read or parsed has exactly one)."""
        return self.problems[0]


class EncodingError(BriefFileError):
    """A brief or registry file is not UTF-8 text."""


class FrontMatterError(BriefFileError):
    """A brief's YAML front matter is missing or does not parse."""


class BodyError(BriefFileError):
    """A brief's body holds what the build will not publish: HTML that would run code in a reader's browser, or
    an image the site cannot show."""


def as_given(value: object) -> str:
    """A front-matter value as a message quotes it back to an editor, in YAML's words, not Python's: text in
    quotes, ``true``, ``2021-03-05``, "a list", "a group of 'key: value' lines", "nothing"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of 'key: value' lines"
    if value is None:
        return "nothing"
    isoformat = getattr(value, "isoformat", None)  # a date, or a date and time
    return isoformat() if callable(isoformat) else str(value)


def display_path(path: str, content_root: str) -> str:
    """A source path as an editor knows it: relative to the project folder (the content folder's parent)."""
    base = project_folder(content_root)
    try:
        return os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive on Windows
        return path


def with_display_paths(problems: Iterable[Problem], content_root: str) -> list[Problem]:
    """`problems` found in files the build and `make check` name by their full path (the registries, the theme's
    catalogs), each with its path as an editor knows it (:func:`display_path`)."""
    return [replace(problem, path=display_path(problem.path, content_root)) for problem in problems]


def project_folder(content_root: str | os.PathLike[str]) -> str:
    """The folder editors' paths are relative to: the content folder's parent, as the path names it (a content
    folder that is a link to a folder elsewhere keeps the project's name for it, as Pelican does)."""
    return os.path.dirname(os.path.abspath(content_root))


def shown_file(shown: str, content_root: str | os.PathLike[str]) -> str:
    """The absolute path of a file named as :func:`display_path` shows it (its inverse)."""
    return os.path.normpath(os.path.join(project_folder(content_root), shown))
