"""`make author` on a content folder without an authors registry: refused before anything is written, which is
why editor/authors.py's add_author only ever appends to a file that exists."""

from __future__ import annotations

from editor_helpers import content_copy, run


def test_make_author_refuses_a_content_folder_without_an_authors_registry(tmp_path, capsys, monkeypatch):
    content = content_copy(tmp_path / "content")
    (content / "authors.yml").unlink()

    code, _, err = run(
        ["add-author", "--content", str(content), "--name", "Zed Synthetic", "--bio", "An invented analyst."],
        capsys,
        monkeypatch,
        tmp_path,
    )

    assert code == 1
    assert f"{content / 'authors.yml'}:1: the author registry is missing" in err.splitlines()
    assert "Nothing was written." in err.splitlines()
    assert not (content / "authors.yml").exists()
