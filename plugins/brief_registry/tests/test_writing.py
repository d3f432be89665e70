"""Files the project writes: a build's unchanged content is not written again, and a file an editor saved keeps its
form when a command adds to it."""

from __future__ import annotations

import os

import pytest

from reality_check.plugins.brief_registry.textfile import decode_text, encoded_like
from reality_check.plugins.plugin_support.files import write_if_changed


def test_a_file_is_written_only_when_its_content_changes(tmp_path):
    target = tmp_path / "oembed" / "synthetic.json"
    assert write_if_changed(target, b'{"title": "A SYNTHETIC brief"}\n') is True
    os.utime(target, ns=(1_000_000_000, 1_000_000_000))

    assert write_if_changed(target, b'{"title": "A SYNTHETIC brief"}\n') is False
    assert target.stat().st_mtime_ns == 1_000_000_000

    assert write_if_changed(target, b'{"title": "A SYNTHETIC brief, retitled"}\n') is True
    assert target.read_bytes() == b'{"title": "A SYNTHETIC brief, retitled"}\n'
    same_size = b'{"title": "A SYNTHETIC brief, RETITLED"}\n'  # as long as the file, other bytes
    assert write_if_changed(target, same_size) is True
    assert target.read_bytes() == same_size


def test_a_changed_file_is_replaced_whole_never_rewritten_in_place(tmp_path):
    """A preview server reading the file while a rebuild changes it gets the old file or the new, never a part."""
    target = tmp_path / "admin" / "config.yml"
    write_if_changed(target, b"backend: synthetic-old\n" * 1000)
    with target.open("rb") as reader:  # opened before the rebuild writes
        first = reader.read(10)
        assert write_if_changed(target, b"backend: synthetic-new\n") is True
        assert first + reader.read() == b"backend: synthetic-old\n" * 1000  # still the whole old file
    assert target.read_bytes() == b"backend: synthetic-new\n"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["config.yml"]  # no temporary file left behind


def test_a_file_with_the_longest_name_a_file_system_allows_is_written_whole(tmp_path):
    """A brief with a very long title has an oEmbed document named after its slug: the temporary file beside it
    must not need a longer name than the file itself."""
    target = tmp_path / "oembed" / ("synthetic-" + "very-long-title-" * 15)[:250]
    target = target.with_name(target.name + ".json")
    write_if_changed(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


@pytest.mark.parametrize(
    ("saved", "added"),
    [
        (b"\xef\xbb\xbfa: 1\r\nb: 2\r\n", b"c: 3\r\n"),  # Notepad: a byte order mark, CR LF
        (b"a: 1\nb: 2\r\nc: 9\n", b"c: 3\n"),  # mixed: mostly LF, one line CR LF (kept as it is)
        (b"a: 1\rb: 2\r", b"c: 3\r"),  # old Mac line ends
    ],
    ids=["bom-crlf", "mixed", "cr"],
)
def test_an_addition_keeps_every_byte_of_the_file_and_its_own_line_end(saved, added):
    text = decode_text(saved, "x.yml") + "c: 3\n"

    assert encoded_like(text, saved) == saved + added


def test_a_rewritten_file_keeps_its_byte_order_mark_and_line_end():
    assert (
        encoded_like("other: 1\nmore: 2\n", b"\xef\xbb\xbfa: 1\r\n") == b"\xef\xbb\xbfother: 1\r\nmore: 2\r\n"
    )
    assert encoded_like("new: 1\n", b"") == b"new: 1\n"


def test_an_addition_after_a_last_line_ending_in_cr_keeps_its_blank_line():
    """A lone CR then LF would read as one CR LF line end: the blank line the addition starts with was lost."""
    saved = b"a: 1\nb: 2\r"
    text = decode_text(saved, "x.yml") + "\nc: 3\n"

    written = encoded_like(text, saved)

    assert written.startswith(saved)
    assert decode_text(written, "x.yml") == text
