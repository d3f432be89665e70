"""The benchmark's synthetic archive: deterministic, shaped like #4, and valid for the editors' checker."""

from __future__ import annotations

import filecmp

from reality_check.bench.corpus import write_corpus
from reality_check.editor.check import check_content


def test_corpus_is_deterministic_valid_and_brief_sized(tmp_path):
    project, plain = write_corpus(12, tmp_path / "a")
    again, _ = write_corpus(12, tmp_path / "b")

    briefs = sorted((project / "briefs").glob("*.md"))
    assert len(briefs) == 12
    assert len(list((plain / "briefs").glob("*.md"))) == 12
    match, mismatch, errors = filecmp.cmpfiles(
        project / "briefs", again / "briefs", [p.name for p in briefs], shallow=False
    )
    assert (len(match), mismatch, errors) == (12, [], [])
    sizes = [p.stat().st_size for p in briefs]
    assert 10_000 < sum(sizes) / len(sizes) < 15_000  # #4 is about 12 KB
    assert check_content(project) == []


def test_different_seed_gives_different_text(tmp_path):
    one, _ = write_corpus(2, tmp_path / "a", seed=1)
    two, _ = write_corpus(2, tmp_path / "b", seed=2)
    name = "briefs/synthetic-00001.md"
    assert (one / name).read_text() != (two / name).read_text()
