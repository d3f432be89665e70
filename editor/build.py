"""``make html``: check the briefs, then build the site, unless the output is already what a build would write.

A build is a function of its inputs: the content folder, the theme, the plugins' code, the settings Pelican will
run with (its options and the environment included, since the settings read both), the installed packages and
today's date. After a successful build, the hash of those inputs is kept beside the hash of what the build left in
the output folder (every file's path, size and modification time). The next ``make html`` builds again only when
either differs: an edit, a new brief, a changed template or setting, an upgraded package, another day, or an output
folder someone else changed (``make devserver`` or ``make publish`` writing into it, a deleted file).

It first runs ``make check``'s checks (the same function, the same messages) and stops on a problem, as ``make check``
does; Pelican then runs in the same process, so the two share one start-up and one import of everything, and the
build uses every body and card the checks worked out. ``make publish`` builds the same way, into a fresh folder
(``--fresh``).

The state lives in the build's CACHE_PATH (``cache/build-state.json``); ``make clean`` removes it, and
``--force`` builds whatever it says. A build that fails or is interrupted removes it first, so a broken output is
never taken for an up-to-date one.
"""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reality_check.editor import PROJECT_FOLDER
from reality_check.plugins.brief_registry.arguments import (
    DEFAULT_CONTENT,
    DEFAULT_OUTPUT,
    DEFAULT_SETTINGS,
    PUBLISH_SETTINGS,
    MisplacedOutputError,
    builds,
    content_folder,
    refuse_misplaced_output,
)
from reality_check.plugins.incremental_output.fingerprint import (
    input_fingerprint,
    installed_packages,
    output_fingerprint,
)
from reality_check.plugins.plugin_support.files import write_atomically
from reality_check.plugins.plugin_support.plugin_settings import SettingError

if TYPE_CHECKING:  # imported when a check runs: a build that skips them loads less
    from reality_check.editor.settings import EditorSettings

ROOT = PROJECT_FOLDER
STATE_FILE = "build-state.json"
# What a build reads besides the content: the templates and static files, the plugins' code, the settings files and
# the pinned packages (Decap CMS and the like come from package-lock.json).
PROJECT_SOURCES = (
    "theme",
    "plugins",
    DEFAULT_SETTINGS,
    PUBLISH_SETTINGS,
    "requirements.txt",
    "package-lock.json",
)


@dataclass(frozen=True)
class BuildState:
    """What a build was made from (``inputs``) and what it left in the output folder (``output``)."""

    inputs: str
    output: str


def read_state(path: Path) -> BuildState | None:
    """The last successful build's state, or None (none recorded, or unreadable: build)."""
    try:
        return BuildState(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


EXTRA_SETTINGS = ("-e", "--extra-settings")


def one_extra_settings(options: list[str]) -> list[str]:
    """`options` with every ``-e NAME=value …`` joined into one ``-e`` at the end, in the order given (a later
    value of a name wins). Pelican keeps only the last ``-e`` it is given, so ``make html PDF=1
    PELICANOPTS="-e …"`` would otherwise build without the PDFs, and say nothing."""
    kept: list[str] = []
    pairs: list[str] = []
    at = 0
    while at < len(options):
        option = options[at]
        at += 1
        if option.startswith("--extra-settings="):
            pairs.append(option.partition("=")[2])
        elif option in EXTRA_SETTINGS:
            while at < len(options) and not options[at].startswith("-"):
                pairs.append(options[at])
                at += 1
        else:
            kept.append(option)
    return [*kept, "-e", *pairs] if pairs else kept


def pelican_arguments(content: Path, output: Path, settings_file: Path, options: list[str]) -> list[str]:
    """Pelican's command line for building `content` into `output` (``make html``, the devserver's builds), with
    every ``-e`` of `options` joined into one (:func:`one_extra_settings`)."""
    return [str(content), "-o", str(output), "-s", str(settings_file), *one_extra_settings(options)]


def emptied_if_published(output: Path) -> list[str]:
    """Pelican's option to empty `output` first when ``make publish`` built it (it alone writes ``_headers``), so
    a preview never mixes with the live site's compressed copies and feeds; the editor is told."""
    if not (output / "_headers").is_file():
        return []
    print(f"note: {output} held the site make publish built; emptying it for the preview", flush=True)
    return ["--delete-output-directory"]


class PelicanOptionsError(ValueError):
    """Pelican's options (``PELICANOPTS``) cannot be read: Pelican's own words, and how to write them."""


def pelican_settings(pelican_argv: list[str]) -> dict[str, Any]:
    """The settings Pelican will build with, given its command line: read exactly as ``pelican`` reads them.

    An ``-e`` Pelican cannot read (``-e BROKEN``, ``-e NAME=text`` without JSON quotes) is a PelicanOptionsError
    in Pelican's words, instead of the traceback of its argument parser."""
    from pelican import get_config, parse_arguments
    from pelican.settings import read_settings

    try:
        args = parse_arguments(pelican_argv)
    except ValueError as error:
        raise PelicanOptionsError(
            f"PELICANOPTS: {error} (each -e is NAME=value, the value in JSON: PELICANOPTS='-e DEFAULT_PAGINATION=5')"
        ) from None
    return read_settings(args.settings, override=get_config(args))


def checks_settings(pelican_argv: list[str]) -> EditorSettings:
    """The settings the editors' checks run with before a build: the build's own, its options included (so
    ``-e CACHE_PATH=…`` moves the checks' cache too, and ``-e`` card headings check the cards the build reads)."""
    from reality_check.editor.settings import settings_from

    return settings_from(pelican_settings(pelican_argv))


# What Pelican's --fatal raises from its logger (pelican/log.py, FatalLogger; Pelican is pinned), once the message
# that stops the build has been logged.
FATAL_LOG_STOP = "Warning or error encountered"


class _KnownStopsWithoutTraceback(logging.Filter):
    """Pelican logs the error that stops it with its traceback. Two stops say all an editor needs without it: a
    setting given a value a plugin cannot use (the message says what to change), and ``--fatal`` stopping at a
    warning or error logged just above (the traceback, through Pelican's logger, would bury that message)."""

    def filter(self, record: logging.LogRecord) -> bool:
        stop = record.exc_info[1] if record.exc_info else None
        if isinstance(stop, SettingError):
            record.exc_info = record.exc_text = None
        elif isinstance(stop, RuntimeError) and str(stop) == FATAL_LOG_STOP:
            record.exc_info = record.exc_text = None
            record.msg, record.args = (
                "the build stopped at the message above (this build treats it as fatal)",
                (),
            )
        return True


def run_pelican(pelican_argv: list[str]) -> int:
    """Pelican's own command line, in this process (its modules are loaded already); its exit status."""
    from pelican import main as pelican_main

    from reality_check.plugins.drawn_files import stop_every_pool

    quiet = _KnownStopsWithoutTraceback()
    logging.getLogger("pelican").addFilter(quiet)
    try:
        pelican_main(pelican_argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 1
    except RuntimeError as error:
        # Pelican logs a Ctrl-C as a warning, which --fatal warnings turns into this error: a Ctrl-C still
        if isinstance(error.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise
    finally:
        logging.getLogger("pelican").removeFilter(quiet)
        stop_every_pool()  # a build that ended early leaves nothing drawing
    return 0


def build(
    content: Path,
    output: Path,
    settings_file: Path,
    options: list[str],
    force: bool = False,
    check: bool = True,
    fresh: bool = False,
) -> int:
    """``make check``, then Pelican unless the output is up to date; the exit status (0 when nothing was needed).

    `fresh`: a build into a new folder (``make publish``'s): no state is read or kept, so the up-to-date state of
    the preview in the same CACHE_PATH stays its own. An output folder no build may write into (the project's, the
    content folder…) is refused first, MisplacedOutputError."""
    refuse_misplaced_output(output, content, Path.cwd(), builds("make html"))
    options = [*options, *emptied_if_published(output)]
    pelican_argv = pelican_arguments(content, output, settings_file, options)
    settings = pelican_settings(pelican_argv)
    if check:
        from reality_check.editor.check import run_check
        from reality_check.editor.settings import settings_from

        status = run_check(content, settings_from(settings))  # as checks_settings(pelican_argv), read once
        if status:
            return status
    if fresh:
        return run_pelican(pelican_argv)
    state_path = Path(settings["CACHE_PATH"]) / STATE_FILE
    # The theme the settings name, too (`-e THEME=…`): edits to another theme than the project's must build.
    theme = Path(settings["THEME"]).resolve()
    sources = list(dict.fromkeys([content.resolve(), theme, *(ROOT / name for name in PROJECT_SOURCES)]))
    inputs = input_fingerprint(sources, settings, options, installed_packages(), datetime.date.today())
    last = None if force else read_state(state_path)
    # The output is hashed only when the inputs are the last build's (an edit means a build anyway).
    if last is not None and last.inputs == inputs and last.output == output_fingerprint(output):
        print(
            f"{output}/ is up to date: nothing it is built from changed since the last build "
            "(make html FORCE=1 builds anyway)"
        )
        return 0
    state_path.unlink(missing_ok=True)
    status = run_pelican(pelican_argv)
    if status == 0:
        state = BuildState(inputs, output_fingerprint(output))
        write_atomically(state_path, (json.dumps(asdict(state), indent=2) + "\n").encode("utf-8"))
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reality_check.editor.build",
        description="Build the site, unless its output is already up to date.",
    )
    parser.add_argument(
        "--content",
        default=DEFAULT_CONTENT,
        type=content_folder,
        help=f"the content folder (default: {DEFAULT_CONTENT})",
    )
    parser.add_argument(
        "--output", default=DEFAULT_OUTPUT, type=Path, help=f"where to build (default: {DEFAULT_OUTPUT})"
    )
    parser.add_argument(
        "--settings", default=DEFAULT_SETTINGS, type=Path, help=f"default: {DEFAULT_SETTINGS}"
    )
    parser.add_argument("--force", action="store_true", help="build even when the output is up to date")
    parser.add_argument(
        "--no-check", dest="check", action="store_false", help="build without running `make check` first"
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="build into a new folder, keeping no up-to-date state (what make publish does)",
    )
    parser.add_argument(
        "pelican_options", nargs=argparse.REMAINDER, help="more options for pelican, after --"
    )
    args = parser.parse_args(argv)
    options = [option for option in args.pelican_options if option != "--"]
    try:
        return build(args.content, args.output, args.settings, options, args.force, args.check, args.fresh)
    except (PelicanOptionsError, SettingError) as error:
        print(f"error: {error}; nothing was built", file=sys.stderr)
        return 2
    except MisplacedOutputError as error:  # its message says nothing was built
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (
        KeyboardInterrupt
    ):  # Ctrl-C: said once, by whoever runs the build (make publish says what was kept)
        print("stopped (Ctrl-C) before the build finished", file=sys.stderr)
        return 130


if __name__ == "__main__":
    from reality_check.editor.cli import exit_with

    exit_with(main())
