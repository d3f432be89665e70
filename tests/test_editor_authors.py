"""`make author` on the authors registry as editors and tools leave it: refused before anything is written when
there is none (why editor/authors.py's add_author only ever appends to a file that exists), and lined up with
items another tool wrote at the margin."""

from __future__ import annotations

import yaml
from editor_helpers import content_copy, run

from reality_check.plugins.brief_registry import load_registry


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


def test_make_author_lines_the_new_entry_up_with_items_written_at_the_margin(tmp_path, capsys, monkeypatch):
    """PyYAML writes a key's items at the margin ('authors:', then '- name: …'): make author refused such a valid
    registry, saying the entry it would add 'does not fit the lines above it', at a line the file did not have."""
    content = content_copy(tmp_path / "content")
    registry = content / "authors.yml"
    people = yaml.safe_load(registry.read_text(encoding="utf-8"))["authors"]
    registry.write_text(yaml.safe_dump({"authors": people}, sort_keys=False, width=60), encoding="utf-8")
    before = registry.read_text(encoding="utf-8")
    assert "\n- name: Emma Ashford\n" in before  # the margin form

    code, _, err = run(
        ["add-author", "--content", str(content), "--name", "Zed Synthetic", "--bio", "An invented analyst."],
        capsys,
        monkeypatch,
        tmp_path,
    )

    assert (code, err) == (0, "")
    after = registry.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert (
        after[len(before) :] == "- name: Zed Synthetic\n  slug: zed-synthetic\n  bio: An invented analyst.\n"
    )
    assert [person.name for person in load_registry(content).authors] == [
        *(person["name"] for person in people),
        "Zed Synthetic",
    ]
