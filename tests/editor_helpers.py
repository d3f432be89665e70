"""Helpers for the editors' tools tests: a content folder with a synthetic author, and the CLI run in-process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import CONTENT, FIXTURES, ROOT, add_to_registry

from reality_check.editor.cli import main

EDITOR_FIXTURES = FIXTURES / "editor"
BAD_BRIEFS = EDITOR_FIXTURES / "bad"
GOOD_BRIEF = EDITOR_FIXTURES / "synthetic-good.md"
# SYNTHETIC TEST FIXTURE: an invented person, added to a copy of the registry only.
SYNTHETIC_AUTHOR = (
    "- name: Quentin Sample\n  slug: quentin-sample\n  bio: An invented author who exists only in tests.\n"
)
SETTINGS = str(ROOT / "pelicanconf.py")


def save(path: Path, text: str) -> None:
    """Save `text` to `path` whole, as most editors do: written beside it under a temporary name the devserver
    ignores, then renamed over it. `Path.write_text` empties the file before writing it, and a disk that stalls
    between the two shows the devserver an empty brief first: a second "Saved" and a problem the test did not make.
    """
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def content_copy(destination: Path, *briefs: Path) -> Path:
    """The real content folder plus the synthetic author and the given briefs."""
    shutil.copytree(CONTENT, destination)
    add_to_registry(destination / "authors.yml", SYNTHETIC_AUTHOR)
    for brief in briefs:
        shutil.copy(brief, destination / "briefs" / brief.name)
    return destination


def run(argv: list[str], capsys, monkeypatch, cwd: Path, ask=None) -> tuple[int, list[str], str]:
    """Run ``python -m reality_check.editor`` in-process from `cwd`: exit code, stdout lines, stderr."""
    monkeypatch.chdir(cwd)
    code = main([*argv, "--settings", SETTINGS], ask=ask)
    out, err = capsys.readouterr()
    return code, out.splitlines(), err
