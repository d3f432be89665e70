"""Share images drawn in worker processes beside the build are the same files as those drawn inline."""

from __future__ import annotations

import hashlib
import logging

from conftest import build_site

from bench.corpus import write_corpus


def digests(output) -> dict[str, str]:
    folder = output / "images" / "share"
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.png"))}


def test_images_drawn_by_workers_match_images_drawn_inline(tmp_path, caplog):
    project, _ = write_corpus(12, tmp_path / "corpus")  # enough missing images to start workers
    with caplog.at_level(logging.INFO, logger="share_image"):
        parallel = build_site(
            project, tmp_path / "parallel", CACHE_PATH=str(tmp_path / "cache-a"), SHARE_IMAGE_WORKERS=1
        )
    assert any("beside the build" in r.getMessage() for r in caplog.records)
    inline = build_site(
        project, tmp_path / "inline", CACHE_PATH=str(tmp_path / "cache-b"), SHARE_IMAGE_WORKERS=0
    )

    drawn = digests(parallel)
    assert len(drawn) == 12
    assert drawn == digests(inline)
