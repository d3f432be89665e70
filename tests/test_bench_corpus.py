"""The benchmark's synthetic archive: deterministic, shaped like #4, and valid for the editors' checker."""

from __future__ import annotations

import filecmp

import yaml

from reality_check.bench.corpus import write_corpus
from reality_check.editor import decap_yaml
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


def test_the_project_corpus_is_written_as_the_editors_tools_write_it(tmp_path):
    """So the benchmark reads what editors' files hold: front matter in the browser editor's form (a long title
    folded at 80 columns), and the authors registry under `authors:` as `make author` writes each entry."""
    project, _ = write_corpus(12, tmp_path)

    for brief in sorted((project / "briefs").glob("*.md")):
        front = brief.read_text(encoding="utf-8").split("---\n")[1]
        fields = {key: str(value) if key == "date" else value for key, value in yaml.safe_load(front).items()}
        assert decap_yaml.front_matter(fields) == f"---\n{front}---\n", brief.name
    registry = (project / "authors.yml").read_text(encoding="utf-8")
    comment, _, entries = registry.partition("\n")
    assert comment.startswith("# SYNTHETIC")
    authors = yaml.safe_load(entries)["authors"]
    assert entries == "authors:\n" + "".join(decap_yaml.list_item(author) for author in authors)
