"""`make html` builds only when something it is built from, or the output itself, changed (editor/build.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, ROOT, clear_of_midnight, copy_content

from reality_check.editor.build import STATE_FILE
from reality_check.editor.check_cache import CACHE_FILE as CHECK_CACHE_FILE


def make_html(content: Path, output: Path, cache: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "reality_check.editor.build",
            "--content",
            str(content),
            "--output",
            str(output),
            *extra,
            "--",
            "--fatal",
            "errors",
            "-e",
            f'CACHE_PATH="{cache}"',
            "PAGEFIND_ENABLED=false",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


def main_text(output: Path) -> str:
    page = output / BRIEF_4_URL / "index.html"
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").main.get_text(" ", strip=True)


def test_make_html_builds_only_when_something_changed(tmp_path):
    content, output, cache = copy_content(tmp_path / "content"), tmp_path / "output", tmp_path / "cache"
    clear_of_midnight()

    first = make_html(content, output, cache)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Done: Processed" in first.stdout
    assert (cache / STATE_FILE).is_file()
    assert (cache / CHECK_CACHE_FILE).is_file()  # the checks keep their reports where the build's -e says
    written = {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}

    # `make publish` builds with --fresh into a new folder: it builds whatever the state says, and leaves the
    # preview's state (in the same CACHE_PATH) as it was, so the preview is still up to date below.
    state = (cache / STATE_FILE).read_bytes()
    fresh = make_html(content, tmp_path / "fresh", cache, "--fresh")
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert "Done: Processed" in fresh.stdout
    assert main_text(tmp_path / "fresh") == main_text(output)
    assert (cache / STATE_FILE).read_bytes() == state

    again = make_html(content, output, cache)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "is up to date" in again.stdout
    assert "Done: Processed" not in again.stdout
    assert {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()} == written

    brief = content / "briefs" / "reality-check-4.md"
    brief.write_text(
        brief.read_text(encoding="utf-8").replace(
            "## What’s the issue?\n", "## What’s the issue?\n\nA SYNTHETIC EDIT.\n", 1
        ),
        encoding="utf-8",
    )
    # Emptied, as a build stopped while Pelican saved its content cache left it (EOFError, before content_cache)
    (cache / "ArticlesGenerator-Readers").write_bytes(b"")
    edited = make_html(content, output, cache)
    assert edited.returncode == 0, edited.stdout + edited.stderr  # the cut-off cache is read as an empty one
    assert "Done: Processed" in edited.stdout, edited.stdout + edited.stderr
    assert "A SYNTHETIC EDIT." in main_text(output)

    (output / BRIEF_4_URL / "index.html").unlink()  # someone else touched the output
    restored = make_html(content, output, cache)
    assert "Done: Processed" in restored.stdout, restored.stdout + restored.stderr
    assert "A SYNTHETIC EDIT." in main_text(output)

    forced = make_html(content, output, cache, "--force")
    assert "Done: Processed" in forced.stdout, forced.stdout + forced.stderr

    # A brief or registry that fails the checks stops make html before it builds anything...
    registry = content / "authors.yml"
    good = registry.read_text(encoding="utf-8")
    registry.write_text("authors: [\n", encoding="utf-8")  # broken YAML
    stopped = make_html(content, output, cache)
    assert stopped.returncode != 0
    assert "authors.yml:" in stopped.stdout + stopped.stderr
    assert "Done: Processed" not in stopped.stdout

    # ...and a build that fails (here Pelican's own, the checks skipped) is never taken for an up-to-date one.
    failed = make_html(content, output, cache, "--no-check")
    assert failed.returncode != 0
    assert not (cache / STATE_FILE).exists()
    registry.write_text(good, encoding="utf-8")  # as it was: the inputs match the last good build's again...
    rebuilt = make_html(content, output, cache)
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert "Done: Processed" in rebuilt.stdout  # ...but the failed build may have written half: build again
