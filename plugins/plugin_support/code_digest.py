"""What made a cached result: a digest of the code that computed it and of the libraries it called.

The caches of what was read or worked out from each brief (Pelican's content cache, the card extractions,
`make check`'s reports) put this digest in their keys, so changed code or an upgraded library is never answered
with a result the old one made. (The drawn files key by their own DRAWING_VERSION; incremental_output's pages and
fragment_cache's compiled templates by every module the build has loaded, `loaded_code_digest`.)
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .digests import digest


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
    installed packages (those are named by version instead): the project's plugins and whatever they import."""
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
    return digest(*(f"{file}\0".encode() + Path(file).read_bytes() for file in files if os.path.isfile(file)))
