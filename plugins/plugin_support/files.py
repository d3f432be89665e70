"""Files written whole, and caches read back: what every plugin and tool that keeps a file uses.

`replaced_whole` is the one way a file that must never be seen half-written is written (the authors registry, the
build's caches, the pages a development build writes, a publish's compressed copies), directly or through
`write_atomically` and `write_if_changed`; `link_or_copy` puts a file that is never modified in place into the
output; `read_pickle` reads a cache back, or nothing.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

# Numbers the temporary files of this process: with the process id, a name no other writer is using.
_TEMPORARY_NUMBERS = itertools.count()


@contextmanager
def replaced_whole(path: str | Path, mode: str = "wb", encoding: str | None = None) -> Iterator[IO[Any]]:
    """A file to write `path` through: written beside it and moved over it once complete, so that no reader
    (nor a killed build or a full disk) ever sees half a file. Left by an error, it leaves `path` as it was.

    The file is readable by all (0644), as the output's and the content's other files are. A development build
    writes thousands of pages through it, so the temporary file is a plain one, created new (never one a killed
    process left), named by the process and a number: ``.<start of the name>.<pid>.<n>.tmp``, hidden, short enough
    for any file name, and ending in ``.tmp``, which nothing that reads the content or the output takes for its own.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        temporary = path.parent / f".{path.name[:64]}.{os.getpid()}.{next(_TEMPORARY_NUMBERS)}.tmp"
        try:
            handle = open(temporary, mode.replace("w", "x"), encoding=encoding)  # noqa: SIM115 - closed below
        except FileExistsError:  # left by a killed process that had this one's id
            continue
        break
    try:
        with handle:
            yield handle
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write `path` whole (:func:`replaced_whole`)."""
    with replaced_whole(path) as handle:
        handle.write(data)


def write_if_changed(path: str | Path, data: bytes) -> bool:
    """Write `path` unless it already holds exactly `data`; whether it wrote. A rebuild then leaves the files it
    would write unchanged as they were (no write, and the same modification time), and replaces the others whole
    (:func:`write_atomically`): a preview server never serves half of one."""
    path = Path(path)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomically(path, data)
    return True


# What reading a cut-off, foreign or unreadable pickled cache raises (Pelican's own loader catches OSError,
# UnicodeDecodeError and PickleError, not EOFError and the rest).
UNREADABLE = (
    OSError,
    pickle.PickleError,
    EOFError,
    AttributeError,
    ImportError,
    IndexError,
    TypeError,
    ValueError,
)


def link_or_copy(source: str | Path, destination: str | Path) -> None:
    """Put `source` at `destination` (replacing what is there): a hard link where the file system allows it, else
    a copy keeping its modification time, as the link does. For files never modified in place (a cached drawing,
    a compressed copy a publish keeps): a changed file gets a new name, so sharing one is safe."""
    destination = Path(destination)
    with contextlib.suppress(OSError):
        if os.path.samefile(source, destination):
            return  # linked there by an earlier build: an unchanged brief's image, PDF or compressed copy
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.unlink(missing_ok=True)
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def read_pickle(path: Path) -> Any | None:
    """What the cache file `path` holds; None when there is none or it cannot be read (cut off by a killed
    build, written by another version): a cache that cannot be read is no cache."""
    try:
        return pickle.loads(path.read_bytes())
    except UNREADABLE:
        return None
