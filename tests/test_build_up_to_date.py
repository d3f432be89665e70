"""`make html` builds only when something it is built from, or the output itself, changed (editor/build.py)."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, ROOT, clear_of_midnight, copy_content
from pelican.log import FatalLogger, LimitFilter

from reality_check.editor import build
from reality_check.editor.build import STATE_FILE
from reality_check.editor.check_cache import CACHE_FILE as CHECK_CACHE_FILE


@dataclass(frozen=True)
class Result:
    """What `make html` (`python -m reality_check.editor.build`) ended with and wrote to the terminal."""

    returncode: int
    stdout: str
    stderr: str


def logging_state() -> tuple:
    loggers = [logging.getLogger(), logging.getLogger("pelican")]
    return tuple((tuple(logger.handlers), tuple(logger.filters), logger.level) for logger in loggers)


@pytest.fixture
def make_html(monkeypatch, capsys):
    """`make html`'s build, in this process, as the Makefile runs it (from the project folder, ``--fatal errors``).

    Pelican's main sets how fatal a log record is on its logger class, for the whole process: put back after the
    test, as are the logging handlers and levels, so no later test in this process builds with them."""
    monkeypatch.setattr(FatalLogger, "fatal_lvl", FatalLogger.fatal_lvl)
    if hasattr(FatalLogger, "warnings_fatal"):
        monkeypatch.setattr(FatalLogger, "warnings_fatal", FatalLogger.warnings_fatal)
    monkeypatch.setattr(LimitFilter, "LOGS_DEDUP_MIN_LEVEL", LimitFilter.LOGS_DEDUP_MIN_LEVEL)
    monkeypatch.chdir(ROOT)
    before = logging_state()

    def run(content: Path, output: Path, cache: Path, *extra: str, settings: tuple[str, ...] = ()) -> Result:
        capsys.readouterr()
        code = build.main(
            [
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
                *settings,
            ]
        )
        out, err = capsys.readouterr()
        return Result(code, out, err)

    yield run
    assert logging_state() == before  # nothing of Pelican's logging set-up is left for the next test


def main_text(output: Path) -> str:
    page = output / BRIEF_4_URL / "index.html"
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").main.get_text(" ", strip=True)


def test_make_html_builds_only_when_something_changed(tmp_path, make_html):
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


def test_an_edit_to_a_theme_named_in_the_settings_builds_again(tmp_path, make_html):
    """A theme of one's own (`-e THEME=…`, outside the project's theme/): editing one of its templates is a reason
    to build, as an edit to theme/ is."""
    content, output, cache = copy_content(tmp_path / "content"), tmp_path / "output", tmp_path / "cache"
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    own_theme = (f'THEME="{theme}"',)
    clear_of_midnight()
    assert make_html(content, output, cache, settings=own_theme).returncode == 0
    assert "is up to date" in make_html(content, output, cache, settings=own_theme).stdout

    footer = theme / "templates" / "base.html"
    footer.write_text(
        footer.read_text(encoding="utf-8").replace("</footer>", "SYNTHETIC THEME EDIT</footer>", 1)
    )
    edited = make_html(content, output, cache, settings=own_theme)

    assert "Done: Processed" in edited.stdout, edited.stdout + edited.stderr
    assert "SYNTHETIC THEME EDIT" in (output / "index.html").read_text(encoding="utf-8")
