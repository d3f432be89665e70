"""``make html``: build the site, unless the output is already what building it again would write.

A build is a function of its inputs: the content folder, the theme, the plugins' code, the settings Pelican will
run with (its options and the environment included, since the settings read both), the installed packages and
today's date. After a successful build, the hash of those inputs is kept beside the hash of what the build left in
the output folder (every file's path, size and modification time). The next ``make html`` builds again only when
either differs: an edit, a new brief, a changed template or setting, an upgraded package, another day, or an output
folder someone else changed (``make devserver`` or ``make publish`` writing into it, a deleted file).

The state lives in the build's CACHE_PATH (``cache/build-state.json``); ``make clean`` removes it, and
``--force`` builds whatever it says. A build that fails or is interrupted removes it first, so a broken output is
never taken for an up-to-date one.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from importlib.metadata import distributions
from pathlib import Path
from typing import Any

from brief_registry.textfile import write_atomically

ROOT = Path(__file__).resolve().parents[1]
STATE_FILE = "build-state.json"
# What a build reads besides the content: the templates and static files, the plugins' code, the settings files and
# the pinned packages (Decap CMS and the like come from package-lock.json).
PROJECT_SOURCES = (
    "theme",
    "plugins",
    "pelicanconf.py",
    "publishconf.py",
    "requirements.txt",
    "package-lock.json",
)
# Inside those folders, what no build reads.
NOT_READ = frozenset({"__pycache__", "tests", "test_data"})


@dataclass(frozen=True)
class BuildState:
    """What a build was made from (``inputs``) and what it left in the output folder (``output``)."""

    inputs: str
    output: str


def files_under(paths: Iterable[Path]) -> list[Path]:
    """Every file in ``paths`` (files, or folders walked whole but for what no build reads), in a stable order."""
    found = []
    for path in paths:
        if path.is_file():
            found.append(path)
            continue
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if d not in NOT_READ)
            found.extend(Path(folder) / name for name in sorted(files))
    return found


def stable_text(value: Any) -> str:
    """A settings value as text that is the same in every run (no memory addresses; sets sorted)."""
    if isinstance(value, Mapping):
        return (
            "{"
            + ", ".join(f"{stable_text(k)}: {stable_text(v)}" for k, v in sorted(value.items(), key=str))
            + "}"
        )
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(stable_text(v) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(stable_text(v) for v in value)) + "}"
    if value is None or isinstance(value, (str, int, float, bool, Path, datetime.date)):
        return repr(value)
    return (
        f"<{type(value).__module__}.{type(value).__qualname__}>"  # a function or object: its code is hashed
    )


def input_fingerprint(
    sources: Sequence[Path],
    settings: Mapping[str, Any],
    options: Sequence[str],
    packages: Iterable[str],
    today: datetime.date,
) -> str:
    """A hash of everything a build's output depends on."""
    digest = hashlib.sha256()
    for path in files_under(sources):
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(stable_text(dict(settings)).encode() + b"\0")
    digest.update("\0".join(options).encode() + b"\0")
    digest.update("\0".join(sorted(packages)).encode() + b"\0")
    digest.update(f"{sys.version}\0{today.isoformat()}".encode())
    return digest.hexdigest()


def output_fingerprint(output: Path) -> str:
    """A hash of what is in the output folder: every file's path, size and modification time."""
    digest = hashlib.sha256()
    if not output.is_dir():
        return ""
    for path in files_under([output]):
        stat = path.stat()
        digest.update(f"{path.relative_to(output)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def read_state(path: Path) -> BuildState | None:
    """The last successful build's state, or None (none recorded, or unreadable: build)."""
    try:
        return BuildState(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def installed_packages() -> list[str]:
    """``name==version`` of every package in this Python's environment."""
    return [f"{d.metadata['Name']}=={d.version}" for d in distributions()]


def pelican_settings(pelican_argv: list[str]) -> dict[str, Any]:
    """The settings Pelican will build with, given its command line: read exactly as ``pelican`` reads them."""
    from pelican import get_config, parse_arguments
    from pelican.settings import read_settings

    args = parse_arguments(pelican_argv)
    return read_settings(args.settings, override=get_config(args))


def build(content: Path, output: Path, settings_file: Path, options: list[str], force: bool = False) -> int:
    """Run Pelican unless the output is up to date; the exit status of the build (0 when none was needed)."""
    pelican_argv = [str(content), "-o", str(output), "-s", str(settings_file), *options]
    settings = pelican_settings(pelican_argv)
    state_path = Path(settings["CACHE_PATH"]) / STATE_FILE
    sources = [content.resolve(), *(ROOT / name for name in PROJECT_SOURCES)]
    inputs = input_fingerprint(sources, settings, options, installed_packages(), datetime.date.today())
    if not force and read_state(state_path) == BuildState(inputs, output_fingerprint(output)):
        print(
            f"{output}/ is up to date: nothing it is built from changed since the last build "
            "(make html FORCE=1 builds anyway)"
        )
        return 0
    state_path.unlink(missing_ok=True)
    status = subprocess.call([sys.executable, "-m", "pelican", *pelican_argv])
    if status == 0:
        state = BuildState(inputs, output_fingerprint(output))
        write_atomically(state_path, (json.dumps(asdict(state), indent=2) + "\n").encode("utf-8"))
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m editor.build", description="Build the site, unless its output is already up to date."
    )
    parser.add_argument(
        "--content", default="content", type=Path, help="the content folder (default: content)"
    )
    parser.add_argument("--output", default="output", type=Path, help="where to build (default: output)")
    parser.add_argument("--settings", default="pelicanconf.py", type=Path, help="default: pelicanconf.py")
    parser.add_argument("--force", action="store_true", help="build even when the output is up to date")
    parser.add_argument(
        "pelican_options", nargs=argparse.REMAINDER, help="more options for pelican, after --"
    )
    args = parser.parse_args(argv)
    options = [option for option in args.pelican_options if option != "--"]
    return build(args.content, args.output, args.settings, options, args.force)


if __name__ == "__main__":
    sys.exit(main())
