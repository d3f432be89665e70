"""Level 1: the folders no command may build the site into or remove (arguments.py), one rule for make html,
devserver, cms, clean and publish."""

from __future__ import annotations

from pathlib import Path

import pytest

from reality_check.plugins.brief_registry.arguments import (
    CLEANS,
    MisplacedOutputError,
    builds,
    foreign_entries,
    is_or_holds,
    misplaced_output,
    refuse_misplaced_output,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with its content folder, the content folder's real home elsewhere behind a link too."""
    (tmp_path / "project" / "content" / "briefs").mkdir(parents=True)
    (tmp_path / "elsewhere" / "briefs").mkdir(parents=True)
    (tmp_path / "project" / "linked-content").symlink_to(tmp_path / "elsewhere" / "briefs")
    (tmp_path / "project" / "site-link").symlink_to(tmp_path / "project" / "content")
    (tmp_path / "notes.txt").write_text("An editor's notes, not a folder.\n")
    return tmp_path / "project"


@pytest.mark.parametrize(
    ("output", "content", "problem"),
    [
        ("output", "content", None),
        ("new/site", "content", None),
        ("../beside", "content", None),
        ("content-site", "content", None),  # a name that starts like the content folder's is another folder
        ("output", "linked-content", None),
        (".", "content", "is the project's folder"),
        ("", "content", "is the project's folder"),  # OUTPUTDIR= left empty
        ("..", "content", "is the project's folder or holds it"),
        ("content", "content", "is the content folder"),
        ("content/", "content", "is the content folder"),
        ("output/../content", "content", "is the content folder"),
        ("content/site", "content", "is inside the content folder"),
        ("content/briefs", "content", "is inside the content folder"),
        ("site-link", "content", "is the content folder"),  # a link to the content folder
        ("linked-content", "linked-content", "is the content folder"),
        ("../elsewhere/briefs", "linked-content", "is the content folder"),  # where the link points
        ("../elsewhere", "linked-content", "is the content folder or holds it"),
        ("../elsewhere/briefs/site", "linked-content", "is inside the content folder"),
        # A publish moved the file aside, put the site in its place, and said the file was left as it was.
        ("../notes.txt", "content", "is a file, not a folder"),
    ],
)
def test_an_output_folder_is_refused_when_it_is_or_holds_the_project_or_the_content(
    project, monkeypatch, output, content, problem
):
    monkeypatch.chdir(project)
    found = misplaced_output(Path(output), Path(content), project)
    assert found == (None if problem is None else f"{Path(output)} {problem}")


def test_the_refusal_says_what_to_give_instead_and_that_nothing_was_done(project, monkeypatch):
    monkeypatch.chdir(project)
    with pytest.raises(MisplacedOutputError) as built:
        refuse_misplaced_output(Path("content"), Path("content"), project, builds("make html"))
    assert str(built.value) == (
        "content is the content folder, and make html writes the site into the folder OUTPUTDIR names: give "
        "OUTPUTDIR a folder of its own, such as the default OUTPUTDIR=output; nothing was built"
    )
    with pytest.raises(MisplacedOutputError) as cleaned:
        refuse_misplaced_output(Path(".."), Path("content"), project, CLEANS)
    assert str(cleaned.value) == (
        ".. is the project's folder or holds it, and make clean deletes the folder OUTPUTDIR names: give "
        "OUTPUTDIR the folder the site is built into, such as the default OUTPUTDIR=output; nothing was removed"
    )
    refuse_misplaced_output(Path("output"), Path("content"), project, CLEANS)  # the default: no refusal


def test_make_clean_deletes_only_a_folder_this_project_built(project, monkeypatch):
    """`make clean OUTPUTDIR=theme` (or a home folder) would delete whatever the folder holds: make clean, which
    deletes the whole folder as make publish replaces it, takes only an empty folder or a site this project built."""
    monkeypatch.chdir(project)
    (project / "theme" / "templates").mkdir(parents=True)
    (project / "built" / "theme").mkdir(parents=True)
    (project / "empty").mkdir()
    with pytest.raises(MisplacedOutputError) as cleaned:
        refuse_misplaced_output(Path("theme"), Path("content"), project, CLEANS)
    assert str(cleaned.value).startswith(
        "theme holds files this project did not build (templates), and make clean deletes the folder OUTPUTDIR "
        "names:"
    )
    for output in ("built", "empty", "not-there-yet"):
        refuse_misplaced_output(Path(output), Path("content"), project, CLEANS)
    refuse_misplaced_output(
        Path("theme"), Path("content"), project, builds("make html")
    )  # writes, deletes nothing


@pytest.mark.parametrize(
    ("names", "foreign"),
    [
        ((), ""),
        (("theme", "index.html"), ""),
        (("photos",), "photos"),
        (("a", "b", "c", "d", "e"), "a, b, c, d, e"),
        (("f", "e", "d", "c", "b", "a"), "a, b, c, d, e, …"),
    ],
)
def test_a_folder_without_the_mark_shows_its_first_entries(tmp_path, names, foreign):
    """make clean's and make publish's refusal of a folder of other files, and make rsync_upload's, show these."""
    for name in names:
        (tmp_path / name).touch()
    assert foreign_entries(tmp_path, "theme") == foreign


@pytest.mark.parametrize(
    ("folder", "other", "holds"),
    [("a", "a", True), ("a", "a/b/c", True), ("a/b", "a", False), ("a/b", "a/c", False)],
)
def test_a_folder_is_or_holds_another(folder, other, holds):
    assert is_or_holds(Path("/x") / folder, Path("/x") / other) is holds
