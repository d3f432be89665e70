"""``make rsync_upload``: mirror the published folder to RSYNC_TARGET, a folder here or ``host:/path``.

``python -m reality_check.deploy.rsync`` checks the target before ``make publish`` builds (``--only-check``), then
runs rsync with the target as one argument, whatever it holds (a space in a Makefile variable split it in two:
rsync then mirrored the site into a folder of the project). rsync deletes from the target what the site no longer
has (``--delete-after``), so a target that is not the site's own folder is refused: the project, a folder holding
other files, or a remote's home folder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from reality_check.plugins.brief_registry.arguments import DEFAULT_OUTPUT, foreign_entries, is_or_holds

from .publish import HEADERS_FILE

# rsync's options: permissions a web server reads, files replaced only once all have arrived (--delay-updates), and
# what the site no longer has removed from the target after the transfer.
RSYNC_OPTIONS = ("-rlzc", "--delete-after", "--delay-updates", "--chmod=D755,F644")
EXAMPLE = "RSYNC_TARGET=deploy@example.org:/srv/reality-check/site"


def remote_folder(target: str) -> tuple[str, str] | None:
    """(host, folder) for a remote target ``host:folder`` as rsync reads it (a colon before any slash), else None."""
    head, colon, folder = target.partition(":")
    if not colon or "/" in head:
        return None
    return head, folder


def target_problem(target: str, project: Path) -> str | None:
    """Why rsync may not mirror the site to `target` (None: it may)."""
    if not target.strip():
        return f"set RSYNC_TARGET, the site's folder on the server, e.g. make rsync_upload {EXAMPLE}"
    remote = remote_folder(target)
    if remote is not None:
        host, folder = remote
        if folder.strip().rstrip("/") in ("", "~", "."):
            return (
                f"RSYNC_TARGET={target} names no folder on {host}, so rsync would mirror the site into the home "
                f"folder there and delete what it holds: name the site's own folder, e.g. {EXAMPLE}"
            )
        return None
    folder, project = Path(target).resolve(), project.resolve()
    if is_or_holds(folder, project) or is_or_holds(project, folder):
        return (
            f"RSYNC_TARGET={target} is {'inside ' if project in folder.parents else ''}the project's folder, which "
            f"rsync would fill with the site and empty of the rest: name the folder the web server serves, e.g. "
            f"RSYNC_TARGET=/srv/reality-check/site"
        )
    foreign = foreign_entries(folder, HEADERS_FILE.name) if folder.is_dir() else ""
    if foreign:
        return (
            f"RSYNC_TARGET={target} holds files make rsync_upload did not send there ({foreign}), which rsync would "
            "delete: name an empty folder, or the one an earlier make rsync_upload filled"
        )
    return None


def missing_rsync() -> str | None:
    """Why rsync cannot be run here (None: it can): checked before the publish, which it followed with a traceback."""
    if shutil.which("rsync"):
        return None
    return "rsync is not installed on this machine (on Debian and Ubuntu: sudo apt-get install rsync)"


def rsync_command(output: Path, target: str, options: Sequence[str]) -> list[str]:
    """rsync mirroring the contents of `output` (its trailing "/") to `target`, one argument each."""
    return ["rsync", *RSYNC_OPTIONS, *options, f"{output}/", target]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reality_check.deploy.rsync", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--target", default="", help="RSYNC_TARGET: a folder here, or host:/path")
    parser.add_argument("--output", type=Path, default=Path(DEFAULT_OUTPUT), help="the published folder")
    parser.add_argument("--only-check", action="store_true", help="check the target, send nothing")
    parser.add_argument("rsync_options", nargs="*", help="more rsync options (RSYNC_OPTS), after --")
    args = parser.parse_args(argv)
    problem = target_problem(args.target, Path.cwd()) or missing_rsync()
    if problem:
        print(f"error: {problem}. Nothing was sent.", file=sys.stderr)
        return 2
    if args.only_check:
        return 0
    command = rsync_command(args.output, args.target, args.rsync_options)
    print(" ".join(command), flush=True)
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
