"""Every command that writes into or deletes the output folder refuses, before doing anything, one that is the
project's folder, the content folder, holds one of them or is inside the content folder (the rule:
plugins/brief_registry/arguments.py, tested there; make publish's own wording: tests/test_publish.py).
`make html OUTPUTDIR=content` built the site among the briefs, and `make clean OUTPUTDIR=content` deleted them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from editor_helpers import SETTINGS, content_copy

BUILD = (sys.executable, "-m", "reality_check.editor.build")  # make html
EDITOR = (sys.executable, "-m", "reality_check.editor")  # make devserver, make cms
# SYNTHETIC TEST FIXTURE: a brief that must survive `make clean OUTPUTDIR=content`.
A_BRIEF = "---\n# SYNTHETIC TEST FIXTURE\ntitle: A synthetic brief\n---\n\nText.\n"


def everything_in(folder: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder (None) under `folder`: a command that wrote nothing leaves it equal."""
    return {
        path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


def test_make_html_refuses_to_build_into_the_content_folder(tmp_path):
    content = content_copy(tmp_path / "content")
    before = everything_in(content)

    result = subprocess.run(
        [*BUILD, "--content", "content", "--output", "content", "--settings", SETTINGS],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        "error: content is the content folder, and make html writes the site into the folder OUTPUTDIR names: "
        "give OUTPUTDIR a folder of its own, such as the default OUTPUTDIR=output; nothing was built"
    ]
    assert everything_in(content) == before


def test_make_devserver_refuses_at_once_without_serving(tmp_path):
    content = content_copy(tmp_path / "content")
    before = everything_in(content)

    devserver = ["devserver", "--content", "content", "--output", "content/site", "--port", "0"]

    result = subprocess.run(
        [*EDITOR, *devserver, "--settings", SETTINGS],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,  # a devserver that does not refuse serves until stopped: this raises TimeoutExpired
    )

    assert result.returncode == 2, result.stdout + result.stderr
    assert "Preview at" not in result.stdout
    assert result.stderr.splitlines() == [
        "error: content/site is inside the content folder, and make devserver writes the site into the folder "
        "OUTPUTDIR names: give OUTPUTDIR a folder of its own, such as the default OUTPUTDIR=output; nothing was "
        "built"
    ]
    assert everything_in(content) == before


def test_make_cms_refuses_before_starting_decap_server(tmp_path, monkeypatch):
    from reality_check.editor import cms
    from reality_check.plugins.brief_registry.arguments import MisplacedOutputError

    def started(*args, **kwargs):
        raise AssertionError("decap-server was started")

    monkeypatch.setattr(cms, "start_decap_server", started)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    with pytest.raises(
        MisplacedOutputError, match=r"^\. is the project's folder, and make cms writes the site"
    ):
        cms.run_cms(Path("content"), Path("."), Path(SETTINGS), "127.0.0.1", 8000, 8081, [])


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """What `make clean` needs of the project, without its .venv: the Makefile, the rule it runs, a content folder
    with a brief, and a built site and cache to remove."""
    copy = tmp_path / "project"
    (copy / "plugins" / "brief_registry").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", copy)
    shutil.copy(ROOT / "plugins" / "brief_registry" / "arguments.py", copy / "plugins" / "brief_registry")
    made = {
        "content/briefs": ("synthetic.md", A_BRIEF),
        "output": ("index.html", ""),
        "cache": ("state", "{}"),
    }
    for folder, (name, text) in made.items():
        (copy / folder).mkdir(parents=True)
        (copy / folder / name).write_text(text, encoding="utf-8")
    return copy


def make_clean(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`make clean` as an editor runs it, with the system's python3 (no .venv in the copy: clean needs none)."""
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    return subprocess.run(
        ["make", "--no-print-directory", "clean", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@pytest.mark.parametrize(
    ("outputdir", "problem"),
    [
        ("content", "content is the content folder"),
        ("content/briefs", "content/briefs is inside the content folder"),
        (".", ". is the project's folder"),
        ("..", ".. is the project's folder or holds it"),
    ],
)
def test_make_clean_refuses_to_delete_the_content_or_the_project(project_copy, outputdir, problem):
    before = everything_in(project_copy)

    result = make_clean(project_copy, f"OUTPUTDIR={outputdir}")

    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        f"error: {problem}, and make clean deletes the folder OUTPUTDIR names: give OUTPUTDIR the folder the site "
        "is built into, such as the default OUTPUTDIR=output; nothing was removed"
    )
    assert everything_in(project_copy) == before


def test_make_clean_still_removes_the_built_site_and_the_cache(project_copy):
    result = make_clean(project_copy)

    assert result.returncode == 0, result.stderr
    assert not (project_copy / "output").exists()
    assert not (project_copy / "cache").exists()
    assert (project_copy / "content" / "briefs" / "synthetic.md").read_text(encoding="utf-8") == A_BRIEF
