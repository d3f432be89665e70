"""Read a brief or registry file as editors' machines save it, and write one back in the bytes it came in.

`read_text_file` is the one function every reader of briefs and registries uses (writing any file whole is
plugin_support.files's).

Windows editors may start a UTF-8 file with a byte order mark and end lines with CR LF (old Mac editors with CR
alone). Both are accepted, and the text comes back with neither, so line numbers are the ones the editor shows.
A file in another encoding (Windows-1252, what Word and Notepad used to write, or UTF-16) is refused with the line
of the first byte that is not UTF-8, since guessing would publish wrong characters without a word.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from .problems import EncodingError, Problem

BOM = "\ufeff"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class EncodingCode(StrEnum):
    """Why a brief or registry file is not text the project reads."""

    NOT_UTF8 = "file-not-utf8"  # a byte that is not UTF-8 (Windows-1252, Latin-1, …)
    UTF16 = "file-utf16"  # UTF-16 text (its byte order mark says so)
    UNREADABLE = "file-unreadable"  # a link to a file that is gone, a file this user may not read
    NOT_PLAIN_TEXT = "file-not-plain-text"  # a Word document, RTF (TextEdit's and WordPad's own format)
    CONTROL_CHARACTER = "file-control-character"  # an invisible character a page cannot show nor a feed carry


_LINE_END = re.compile(r"\r\n|\r|\n")


def lines_of(text: str) -> list[str]:
    """`text`'s lines as editors and Markdown count them: broken at "\n", "\r\n" and "\r" only. (`str.splitlines`
    also breaks at characters editors show inside a line, U+2028, a form feed, U+0085…, and so named the wrong
    line after one.)"""
    # Read files end their lines with "\n".
    lines = _LINE_END.split(text) if "\r" in text else text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


# A word processor's own formats, by how their files start: saved as such, a brief is not plain text.
_DOCUMENT_FORMATS = (
    (b"PK\x03\x04", "a Word document (or another zipped file)"),
    (b"\xd0\xcf\x11\xe0", "a Word 97-2003 document"),
    (b"{\\rtf", "RTF (the format TextEdit and WordPad save in)"),
    (b"%PDF", "a PDF document"),
)


def decode_text(raw: bytes, shown: str) -> str:
    """`raw` as text with "\\n" line ends and no byte order mark; EncodingError naming the line otherwise."""
    document = next((kind for start, kind in _DOCUMENT_FORMATS if raw.startswith(start)), None)
    if document:
        message = f"the file is {document}, not plain text: save it again as plain text, choosing the UTF-8 encoding"
        raise EncodingError(Problem(shown, 1, message, code=EncodingCode.NOT_PLAIN_TEXT))
    if b"\x00" in raw[:1000] and _looks_like_utf16(raw):
        raise EncodingError(_utf16(shown))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EncodingError(_not_utf8(raw, error.start, shown)) from None
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    if any(brk in text for brk in _BREAKS):  # str.translate reads every character: a millisecond a brief
        text = text.translate(_BREAKS_AS_SPACES)
    control = _CONTROL.search(text)
    if control:
        raise EncodingError(_control_character(text, control.start(), shown))
    if NBSP in text:
        text = _MARK_THEN_NBSP.sub(lambda mark: mark[1] + " " * len(mark[2]), text)
    if any(invisible in text for invisible in _ZERO_WIDTH):
        text = _ZERO_WIDTH_AT_LINE_START.sub("", text)
    return text


# A zero-width character at the start of a line, pasted with the text: nothing on screen, but '\u200b---' was not
# the front matter's closing line ('never closed', it said, at line 1) and '\u200b## Key points' not a heading.
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", BOM)
_ZERO_WIDTH_AT_LINE_START = re.compile(r"(?m)^[\u200b\u200c\u200d\u2060\ufeff]+")


# A heading's, list item's or quote's mark with a non-breaking space after it: Option with the space bar on a Mac
# (where Option+3 types '#'), or a word processor's paste. Markdown reads the mark only before an ordinary space
# ("##\u00a0Why now?" was a paragraph showing its '##'), so the space after a mark is read as one.
NBSP = "\u00a0"
_MARK_THEN_NBSP = re.compile(r"(?m)^([ \t]*(?:#{1,6}|[-*+>]|\d{1,9}[.)]))(\u00a0[\u00a0 ]*)")


# Word writes a line break typed with Shift+Enter as a vertical tab, and a page break as a form feed; U+0085 is a
# line end of old IBM text. Each is read as a space, as a page shows it (a feed may not carry any of them).
_BREAKS_AS_SPACES = {0x0B: " ", 0x0C: " ", 0x85: " "}
_BREAKS = tuple(map(chr, _BREAKS_AS_SPACES))
# What is left of the C0 and C1 control characters but the tab: no page shows them, an XML feed may not hold them
# (its readers refuse the whole feed), and a NUL ends the text for some programs.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_character(text: str, start: int, shown: str) -> Problem:
    line_start = text.rfind("\n", 0, start) + 1
    line, column, code = text.count("\n", 0, start) + 1, start - line_start + 1, ord(text[start])
    meant = bytes([code]).decode("cp1252", errors="ignore") if 0x80 <= code <= 0x9F else ""
    origin = (
        f" (a Windows-1252 '{meant}' mistaken for Latin-1 on its way here: type '{meant}' in its place)"
        if meant
        else " (text copied from a PDF or another program can bring one): delete it"
    )
    return Problem(
        shown,
        line,
        f"line {line} holds an invisible control character, U+{code:04X}, in column {column}, which a page cannot "
        f"show and a feed may not carry{origin}",
        code=EncodingCode.CONTROL_CHARACTER,
    )


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


def _looks_like_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte order mark: in text of Latin letters every other byte is zero."""
    head = raw[:200]
    return head.count(0) * 3 >= len(head) and (
        head[1::2].count(0) * 2 >= len(head[1::2]) or head[0::2].count(0) * 2 >= len(head[0::2])
    )


def _utf16(shown: str) -> Problem:
    return Problem(
        shown,
        1,
        "the file is UTF-16 text, not UTF-8; save it again choosing the UTF-8 encoding",
        code=EncodingCode.UTF16,
    )


def _not_utf8(raw: bytes, start: int, shown: str) -> Problem:
    fix = "save it again choosing the UTF-8 encoding"
    if raw.startswith(_UTF16_BOMS):
        return _utf16(shown)
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
