"""What made a cached result: a digest of the code that computed it and of the libraries it called.

The caches of what was read or worked out from each brief (Pelican's content cache, the card extractions,
`make check`'s reports) put this digest in their keys, so changed code or an upgraded library is never answered
with a result the old one made. (The drawn files key by their own DRAWING_VERSION instead, bumped by hand when a
change alters what is drawn: a PDF edition takes a third of a second to draw, and a comment or a refactor of the
drawing code must not redraw a thousand. incremental_output's pages and fragment_cache's compiled templates key by
every module the build has loaded, `loaded_code_digest`.)
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .digests import digest, file_stamp


def library_version(name: str) -> str:
    """``name==version`` of an installed distribution, or ``name missing``."""
    try:
        return f"{name}=={version(name)}"
    except PackageNotFoundError:
        return f"{name} missing"


def code_digest(root: Path, modules: Iterable[Path], libraries: Iterable[str] = ()) -> str:
    """A hash of each module's path below `root` and bytes (in the order given), and of each library's version."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(
            Path(module).relative_to(root).as_posix().encode() + b"\0" + Path(module).read_bytes() + b"\0"
        )
    for name in libraries:
        digest.update(library_version(name).encode() + b"\0")
    return digest.hexdigest()


def loaded_code_digest() -> str:
    """A hash of the code of every module this process has loaded from outside the Python installation and its
    installed packages (those are named by version instead): the project's plugins and whatever they import.

    Worked out again only when a module was loaded since, or a loaded module's file changed (its size or time):
    every Jinja environment of a build asks (about a dozen, 14 ms each at 300 briefs), and the devserver's every
    build."""
    installed = (sys.base_prefix, sys.prefix, *(p for p in sys.path if p.endswith("site-packages")))
    files = sorted(
        {
            file
            for name, module in list(sys.modules.items())
            if name != "__main__"  # the program that started the build (pelican, make html's, a profiler's)
            and (file := getattr(module, "__file__", None))
            and not file.startswith(installed)
        }
    )
    global _last_loaded
    stamps = tuple((file, *file_stamp(Path(file))) for file in files if os.path.isfile(file))
    last = _last_loaded  # read once: another thread may replace it meanwhile
    if last[0] != stamps:
        last = (stamps, digest(*(f"{file}\0".encode() + Path(file).read_bytes() for file, _, _ in stamps)))
        _last_loaded = last
    return last[1]


# The last answer of loaded_code_digest, with the files and their stamps it was worked out from. A file edited in
# place keeping its size and modification time (to the nanosecond) would go unseen, as every stamp in the
# project's caches assumes.
_last_loaded: tuple[tuple | None, str] = (None, "")
