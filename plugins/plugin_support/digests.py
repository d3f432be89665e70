"""Hashes the build's caches share: of several parts kept apart, of a file's stamp, of the files in folders, and
how a font file is named in a key.

Every key of a result kept between builds is a `digest` of its parts (code_digest's, of source files joined with
NUL, which source text never holds, stands beside it): incremental_output's (what a build read
and wrote), pagefind_search's (what each part of the index was made from), the card extractions', reading
times', share images', PDF editions', compiled templates', `make check`'s reports' and brief_registry's content
cache.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

# Inside the folders a build reads, what no build reads.
NOT_READ = frozenset({"__pycache__", "tests", "test_data"})


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


def digest(*parts: str | bytes) -> str:
    """One hash of several parts (kept apart, so that ``("ab", "c")`` and ``("a", "bc")`` differ)."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


def file_stamp(path: Path) -> tuple[int, int]:
    """What shows a file was changed since it was written: its size and modification time."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def font_identity(path: str | None) -> tuple[str, int | None]:
    """A font file as a drawn file's cache key names it (share images', PDF editions', `make check`'s reports of
    what a share image cannot draw): its name and size (None: not there); no file given is the drawing library's
    built-in font."""
    if path is None:
        return "built-in", None
    file = Path(path)
    return file.name, file.stat().st_size if file.is_file() else None


def folder_stamp(folder: Path, paths: Iterable[Path] | None = None) -> str:
    """What shows something in `folder` was changed, added or removed since: each file's path in it, size and
    modification time, for every file under `paths` (default: the whole folder); "" when there is no folder."""
    if not folder.is_dir():
        return ""
    return digest(
        *(
            f"{path.relative_to(folder).as_posix()}\0{file_stamp(path)}"
            for path in files_under([folder] if paths is None else paths)
        )
    )
