"""Share images drawn in worker processes beside the build are the same files as those drawn inline."""

from __future__ import annotations

import hashlib
import logging

from conftest import build_site

from reality_check.bench.corpus import write_corpus


def digests(output) -> dict[str, str]:
    folder = output / "images" / "share"
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.png"))}


def test_images_drawn_by_workers_match_images_drawn_inline(tmp_path, caplog):
    project, _ = write_corpus(12, tmp_path / "corpus")  # enough missing images to start workers
    with caplog.at_level(logging.INFO, logger="reality_check.plugins"):
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


def test_images_that_cannot_be_written_are_an_error_and_the_rest_of_the_build_still_ends(
    tmp_path, caplog, monkeypatch
):
    """The images are waited for at the end of the build (``finalized``), beside the search index: a failure there
    is an error naming what failed, and the index is still finished."""
    import reality_check.plugins.share_image.handlers as handlers

    def refused(source, destination):
        raise PermissionError(f"[Errno 13] Permission denied: '{destination}'")

    monkeypatch.setattr(handlers, "link_or_copy", refused)
    project, _ = write_corpus(3, tmp_path / "corpus")
    with caplog.at_level(logging.INFO):
        output = build_site(
            project, tmp_path / "out", CACHE_PATH=str(tmp_path / "cache"), PAGEFIND_ENABLED=True
        )
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    assert errors[0].startswith("share_image: the share images were not all written: PermissionError: ")
    assert not list(output.glob("images/share/*.png"))
    assert any(r.getMessage().startswith("Pagefind indexed 3 pages") for r in caplog.records)
    assert (output / "pagefind" / "pagefind-entry.json").is_file()
