"""Command-line arguments the project's commands share (``python -m reality_check.editor``,
``reality_check.editor.build``, ``reality_check.deploy.publish``), the folders they default to, which the
browser editor's configuration names too (plugins/decap_admin), and the folders they may not build into or remove.

It imports nothing but the standard library: ``make clean`` runs this file with the system's python3
(``python3 -I plugins/brief_registry/arguments.py``), which works before ``.venv`` exists and after it is gone.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

# What every command takes by default, as the Makefile does (its INPUTDIR, OUTPUTDIR and CONFFILE).
DEFAULT_CONTENT = "content"
DEFAULT_OUTPUT = "output"
DEFAULT_SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"  # what make publish and the deploy targets build with


def content_folder(value: str) -> Path:
    """An argparse type: the content folder, which must exist.

    Without it a mistyped ``INPUTDIR`` got a traceback from Pelican's settings ("You need to specify a path
    containing the content") or, from the checks, a report that every registry is missing."""
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(
            f"there is no folder {value} to read briefs from; give the content folder (make: INPUTDIR=path)"
        )
    return path


def is_or_holds(folder: Path, other: Path) -> bool:
    """Whether `folder` is `other` or a folder holding it (both as the system finds them, resolved)."""
    return folder == other or folder in other.parents


def foreign_entries(folder: Path, mark: str) -> str:
    """The first entries of `folder` ("a, b, …") when it holds some and none is named `mark`, else "": what a
    folder holds that the command about to empty or replace it did not put there (a site this project built holds
    its theme folder, a folder make rsync_upload filled the site's _headers). `make clean`, `make publish` and
    `make rsync_upload` refuse such a folder."""
    held = sorted(entry.name for entry in folder.iterdir())
    if not held or mark in held:
        return ""
    return ", ".join(held[:5]) + (", …" if len(held) > 5 else "")


def misplaced_output(output: Path, content: Path, project: Path) -> str | None:
    """Why `output` cannot be the folder a command builds the site into or removes (None: it can): the project's
    folder, the content folder, a folder holding either, or a folder inside the content folder. A build into the
    content folder left its pages among the briefs (and the next build failed on them); ``make clean`` removed
    every brief. Folders are compared as the system finds them, through symbolic links."""
    where, content, project = output.resolve(), content.resolve(), project.resolve()
    if where.exists() and not where.is_dir():  # a publish moved the file aside and put the site in its place
        return f"{output} is a file, not a folder"
    if is_or_holds(where, project):
        return f"{output} is the project's folder{'' if where == project else ' or holds it'}"
    if is_or_holds(where, content):
        return f"{output} is the content folder{'' if where == content else ' or holds it'}"
    if content in where.parents:
        return f"{output} is inside the content folder"
    return None


# What a folder this project built holds (Pelican copies the theme's files into THEME_STATIC_DIR, "theme").
BUILT_MARK = "theme"


def replaced_output_problem(output: Path, content: Path, project: Path) -> str | None:
    """Why `output` may not be replaced or deleted whole (None: it may), as `make publish` replaces it and `make
    clean` deletes it: it must be a folder every command may build into (`misplaced_output`), and an existing
    folder other than the project's own output/ must be empty or a site this project built (``OUTPUTDIR=/srv/www``
    for ``/srv/www/reality-check`` would otherwise take every site beside it, and ``OUTPUTDIR=theme`` the theme)."""
    problem = misplaced_output(output, content, project)
    where = output.resolve()
    if problem or where == project.resolve() / DEFAULT_OUTPUT or not where.is_dir():
        return problem
    foreign = foreign_entries(where, BUILT_MARK)
    return f"{output} holds files this project did not build ({foreign})" if foreign else None


@dataclass(frozen=True)
class OutputUse:
    """What a command does with its output folder, in the words of its refusal."""

    command: str  # make html
    does: str  # writes the site into
    wanted: str  # what OUTPUTDIR should name instead
    outcome: str  # nothing was built
    whole: bool = False  # it deletes or replaces the whole folder: a folder of other files is refused too


def builds(command: str) -> OutputUse:
    """What `command` (make html, make devserver, make cms) does with its output folder: it builds the site there."""
    return OutputUse(command, "writes the site into", "a folder of its own", "nothing was built")


CLEANS = OutputUse(
    "make clean", "deletes", "the folder the site is built into", "nothing was removed", whole=True
)


class MisplacedOutputError(Exception):
    """The output folder is the project's or the content folder, holds one of them, or is inside the content
    folder; the command did nothing."""


def refuse_misplaced_output(output: Path, content: Path, project: Path, use: OutputUse) -> None:
    """Raise MisplacedOutputError, its message saying what to give instead, when `output` is `misplaced_output`
    (or, for a command that deletes or replaces the whole folder, `replaced_output_problem`)."""
    problem = (replaced_output_problem if use.whole else misplaced_output)(output, content, project)
    if problem:
        raise MisplacedOutputError(
            f"{problem}, and {use.command} {use.does} the folder OUTPUTDIR names: give OUTPUTDIR {use.wanted}, "
            f"such as the default OUTPUTDIR={DEFAULT_OUTPUT}; {use.outcome}"
        )


def main(argv: list[str] | None = None) -> int:
    """``make clean``'s guard: exit status 2, and why, when the output folder is one it must not delete."""
    parser = argparse.ArgumentParser(
        prog="python3 -I plugins/brief_registry/arguments.py",
        description="Refuse an output folder make clean must not delete (the project's, the content folder…).",
    )
    parser.add_argument("--output", type=Path, default=Path(DEFAULT_OUTPUT))
    parser.add_argument("--content", type=Path, default=Path(DEFAULT_CONTENT))
    args = parser.parse_args(argv)
    try:
        refuse_misplaced_output(args.output, args.content, Path.cwd(), CLEANS)
    except MisplacedOutputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
