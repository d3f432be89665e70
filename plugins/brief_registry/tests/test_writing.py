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
