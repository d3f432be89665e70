"""Read a brief or registry file as editors' machines save it, and write any file the project keeps atomically.

`read_text_file` is the one function every reader of briefs and registries uses; `replaced_whole` the one every
writer of a file that must never be seen half-written uses (the authors registry, the build's caches, the pages a
development build writes), directly or through `write_atomically`.

Windows editors may start a UTF-8 file with a byte order mark and end lines with CR LF (old Mac editors with CR
alone). Both are accepted, and the text comes back with neither, so line numbers are the ones the editor shows.
A file in another encoding (Windows-1252, what Word and Notepad used to write, or UTF-16) is refused with the line
of the first byte that is not UTF-8, since guessing would publish wrong characters without a word.
"""

from __future__ import annotations

import itertools
import os
import pickle
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from .problems import EncodingError, Problem

BOM = "\ufeff"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class EncodingCode(StrEnum):
    """Why a brief or registry file is not text the project reads."""

    NOT_UTF8 = "file-not-utf8"  # a byte that is not UTF-8 (Windows-1252, Latin-1, …)
    UTF16 = "file-utf16"  # UTF-16 text (its byte order mark says so)
    UNREADABLE = "file-unreadable"  # a link to a file that is gone, a file this user may not read


def decode_text(raw: bytes, shown: str) -> str:
    """`raw` as text with "\\n" line ends and no byte order mark; EncodingError naming the line otherwise."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EncodingError(_not_utf8(raw, error.start, shown)) from None
    return text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: str | Path, shown: str | None = None) -> str:
    """Read `path` with :func:`decode_text`; messages name it as `shown` (the path as the editor knows it)."""
    return decode_text(Path(path).read_bytes(), str(path) if shown is None else shown)


def encoded_like(text: str, original: bytes) -> bytes:
    """`text`, read from `original` with :func:`decode_text` and changed, as UTF-8 bytes saved the way `original`
    was, so a file an editor's machine saved changes only where it was edited: when `text` only adds to what was
    read, `original`'s bytes are kept as they are and the addition follows with the file's own line end (its most
    common: CR LF, CR or LF); otherwise the whole text is written with that line end, and the byte order mark
    kept."""
    read = decode_text(original, "") if original else ""
    ending = _line_end(original)
    if original and text.startswith(read):
        added = text[len(read) :].replace("\n", ending)
        if original.endswith(b"\r") and added.startswith(
            "\n"
        ):  # not to be read as one CR LF with the last line's
            added = "\r" + added[1:]
        return original + added.encode("utf-8")
    bom = BOM if original.startswith(BOM.encode("utf-8")) else ""
    return (bom + text.replace("\n", ending)).encode("utf-8")


def _line_end(raw: bytes) -> str:
    """The line end most of `raw`'s lines have ("\\n" for a file with none, or a tie)."""
    crlf = raw.count(b"\r\n")
    counts = {"\n": raw.count(b"\n") - crlf, "\r\n": crlf, "\r": raw.count(b"\r") - crlf}
    return max(counts, key=lambda ending: (counts[ending], ending == "\n"))


def unreadable_file(shown: str, error: OSError) -> Problem:
    """The problem of a file that is listed but cannot be opened (a link to a file that is gone, no permission)."""
    return Problem(
        shown,
        1,
        f"cannot read the file ({error.strerror or error}): check that it is there and readable (a link must "
        "lead to a file that exists)",
        code=EncodingCode.UNREADABLE,
    )


def _not_utf8(raw: bytes, start: int, shown: str) -> Problem:
    fix = "save it again choosing the UTF-8 encoding"
    if raw.startswith(_UTF16_BOMS):
        return Problem(shown, 1, f"the file is UTF-16 text, not UTF-8; {fix}", code=EncodingCode.UTF16)
    line_start = raw.rfind(b"\n", 0, start) + 1
    line = raw[:start].count(b"\n") + 1
    column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    as_1252 = raw[start : start + 1].decode("cp1252", errors="ignore")
    seen = f", '{as_1252}' in Windows-1252" if as_1252.isprintable() and as_1252.strip() else ""
    return Problem(
        shown,
        line,
        f"the file is not UTF-8 text (byte {raw[start]:#04x} in column {column}{seen}); {fix}",
        code=EncodingCode.NOT_UTF8,
    )


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
