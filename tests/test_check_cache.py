"""Level 2: `make check` reuses a brief's report only while checking it again would say the same."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from editor_helpers import GOOD_BRIEF, content_copy

import editor.check as check
from editor.settings import load_settings

TODAY = datetime.date(2026, 11, 28)


@pytest.fixture
def checked(tmp_path, monkeypatch):
    """Run the checker over a content copy with a cache; count the briefs it really checks each run."""
    content = content_copy(tmp_path / "content", GOOD_BRIEF)
    settings = load_settings(Path(__file__).resolve().parents[1] / "pelicanconf.py")
    settings = dataclasses.replace(settings, cache_path=tmp_path / "cache")
    calls: list[str] = []
    real = check.check_brief

    def counting(path, *args, **kwargs):
        calls.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(check, "check_brief", counting)

    def run(today: datetime.date = TODAY):
        calls.clear()
        review = check.review_content(content, settings, today)
        return review, sorted(calls)

    return content, run


def test_an_unchanged_content_folder_is_not_checked_again(checked):
    _, run = checked
    first, checked_first = run()
    second, checked_second = run()
    assert checked_first == ["reality-check-4.md", "synthetic-good.md"]
    assert checked_second == []
    assert second == first


def test_an_edited_brief_alone_is_checked_again_and_its_new_problem_reported(checked):
    content, run = checked
    run()
    brief = content / "briefs" / "synthetic-good.md"
    brief.write_text(
        brief.read_text(encoding="utf-8").replace("authors:", "authors_typo:", 1), encoding="utf-8"
    )
    review, checked_now = run()
    assert checked_now == ["synthetic-good.md"]
    assert any("synthetic-good.md" in str(p) and "authors" in str(p) for p in review.problems)


@pytest.mark.parametrize(
    "change",
    [
        lambda content: (content / "authors.yml").write_text(
            (content / "authors.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
        ),
        lambda content: (content / "pages" / "naei.md").rename(content / "pages" / "moved.md"),
    ],
    ids=["a registry changed", "a link target moved"],
)
def test_what_every_brief_depends_on_checks_them_all_again(checked, change):
    content, run = checked
    before, _ = run()
    change(content)
    after, checked_now = run()
    assert checked_now == ["reality-check-4.md", "synthetic-good.md"]
    if not (content / "pages" / "naei.md").exists():  # #4 links to it: now a problem, found at once
        assert any("points to no file" in str(p) for p in after.problems)
        assert after != before


def test_another_day_checks_again(checked):
    _, run = checked
    run()
    _, checked_now = run(TODAY + datetime.timedelta(days=1))
    assert checked_now == ["reality-check-4.md", "synthetic-good.md"]
