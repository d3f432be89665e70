"""Files a build writes itself: unchanged content is not written again."""

from __future__ import annotations

import os

from brief_registry.textfile import write_if_changed


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
