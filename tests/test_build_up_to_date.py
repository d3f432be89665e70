"""`make html` builds only when something it is built from, or the output itself, changed (editor/build.py)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, ROOT, copy_content

from editor.build import STATE_FILE, input_fingerprint, output_fingerprint, stable_text

TODAY = datetime.date(2026, 11, 28)


def fingerprint(sources, settings=None, options=(), packages=("Pelican==4.12.0",), today=TODAY) -> str:
    return input_fingerprint(sources, settings or {"SITENAME": "x"}, list(options), packages, today)


@pytest.fixture
def sources(tmp_path: Path) -> list[Path]:
    (tmp_path / "content" / "briefs").mkdir(parents=True)
    (tmp_path / "content" / "briefs" / "one.md").write_text("# SYNTHETIC\n", encoding="utf-8")
    (tmp_path / "theme" / "__pycache__").mkdir(parents=True)
    (tmp_path / "theme" / "base.html").write_text("<main></main>\n", encoding="utf-8")
    (tmp_path / "pelicanconf.py").write_text("SITENAME = 'x'\n", encoding="utf-8")
    return [tmp_path / "content", tmp_path / "theme", tmp_path / "pelicanconf.py"]


def test_the_same_inputs_give_the_same_fingerprint(sources):
    assert fingerprint(sources) == fingerprint(sources)


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "content" / "briefs" / "one.md").write_text(
            "# SYNTHETIC, edited\n", encoding="utf-8"
        ),
        lambda root: (root / "content" / "briefs" / "two.md").write_text("# SYNTHETIC\n", encoding="utf-8"),
        lambda root: (root / "content" / "briefs" / "one.md").unlink(),
        lambda root: (root / "theme" / "base.html").write_text("<main> </main>\n", encoding="utf-8"),
        lambda root: (root / "pelicanconf.py").write_text("SITENAME = 'y'\n", encoding="utf-8"),
    ],
    ids=["brief edited", "brief added", "brief deleted", "template edited", "settings file edited"],
)
def test_any_change_to_a_source_changes_the_fingerprint(sources, change):
    before = fingerprint(sources)
    change(sources[0].parent)
    assert fingerprint(sources) != before


def test_settings_options_packages_and_the_day_count(sources):
    before = fingerprint(sources)
    assert fingerprint(sources, settings={"SITENAME": "y"}) != before
    assert fingerprint(sources, options=["-e", "PDF_EDITION=true"]) != before
    assert fingerprint(sources, packages=("Pelican==4.12.1",)) != before
    assert fingerprint(sources, today=TODAY + datetime.timedelta(days=1)) != before


def test_what_no_build_reads_does_not_count(sources):
    before = fingerprint(sources)
    (sources[1] / "__pycache__" / "base.cpython-311.pyc").write_bytes(b"\0")
    assert fingerprint(sources) == before


def test_settings_text_is_stable_and_keeps_every_value():
    class Cache:  # an object whose repr would hold its address
        pass

    settings = {"B": {3, 1, 2}, "A": [Path("x"), None, (1, "y")], "C": Cache()}
    assert stable_text(settings) == stable_text(dict(reversed(settings.items())))
    assert stable_text(settings) == stable_text({**settings, "C": Cache()})
    assert stable_text({"B": {1, 2}}) != stable_text({"B": {1, 3}})


def test_the_output_fingerprint_sees_a_file_changed_added_or_removed(tmp_path):
    output = tmp_path / "output"
    (output / "briefs").mkdir(parents=True)
    page = output / "briefs" / "index.html"
    page.write_text("<p>one</p>", encoding="utf-8")
    first = output_fingerprint(output)
    assert first == output_fingerprint(output)
    page.write_text("<p>two</p>", encoding="utf-8")
    second = output_fingerprint(output)
    assert second != first
    (output / "extra.html").write_text("", encoding="utf-8")
    assert output_fingerprint(output) != second
    assert output_fingerprint(tmp_path / "missing") == ""


# --- `python -m editor.build` for real, as `make html` runs it ---------------------------------------------------


def make_html(content: Path, output: Path, cache: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "editor.build",
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

    first = make_html(content, output, cache)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Done: Processed" in first.stdout
    assert (cache / STATE_FILE).is_file()
    written = {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}

    again = make_html(content, output, cache)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "is up to date" in again.stdout
    assert "Done: Processed" not in again.stdout
    assert {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()} == written

    brief = content / "briefs" / "reality-check-4.md"
    brief.write_text(
        brief.read_text(encoding="utf-8").replace("## What", "A SYNTHETIC EDIT.\n\n## What", 1),
        encoding="utf-8",
    )
    edited = make_html(content, output, cache)
    assert "Done: Processed" in edited.stdout, edited.stdout + edited.stderr
    assert "A SYNTHETIC EDIT." in main_text(output)

    (output / BRIEF_4_URL / "index.html").unlink()  # someone else touched the output
    restored = make_html(content, output, cache)
    assert "Done: Processed" in restored.stdout, restored.stdout + restored.stderr
    assert "A SYNTHETIC EDIT." in main_text(output)

    forced = make_html(content, output, cache, "--force")
    assert "Done: Processed" in forced.stdout, forced.stdout + forced.stderr

    # A failed build is never taken for an up-to-date one.
    registry = content / "authors.yml"
    good = registry.read_text(encoding="utf-8")
    registry.write_text("authors: [\n", encoding="utf-8")  # broken YAML: the build stops with an error
    failed = make_html(content, output, cache)
    assert failed.returncode != 0
    assert not (cache / STATE_FILE).exists()
    registry.write_text(good, encoding="utf-8")  # as it was: the inputs match the last good build's again...
    rebuilt = make_html(content, output, cache)
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert "Done: Processed" in rebuilt.stdout  # ...but the failed build may have written half: build again
