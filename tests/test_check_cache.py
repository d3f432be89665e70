"""Level 2: `make check` reuses a brief's report only while checking it again would say the same."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from editor_helpers import GOOD_BRIEF, content_copy

import reality_check.editor.check as check
from reality_check.editor.settings import load_settings

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


def test_a_broken_links_hint_follows_the_other_briefs_titles(checked):
    """A broken link's "did you mean" names the brief whose address the link wrote; retitling that brief changes
    the hint, but not the cache's key: such a report is checked again on every run, never reused stale."""
    content, run = checked
    linking = content / "briefs" / "synthetic-good.md"
    linking.write_text(
        linking.read_text(encoding="utf-8") + "\nSee [the other brief]({filename}/briefs/talk-to-moscow/).\n",
        encoding="utf-8",
    )
    other = content / "briefs" / "reality-check-4.md"
    original = other.read_text(encoding="utf-8")
    other.write_text(
        original.replace("slug:", "old_slug:", 1) if "slug:" in original else original, encoding="utf-8"
    )
    title = next(line for line in other.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
    other.write_text(
        other.read_text(encoding="utf-8").replace(title, "title: Talk to Moscow", 1), encoding="utf-8"
    )

    def hint(review) -> str:
        (problem,) = [p for p in review.problems if "points to no file" in str(p)]
        return str(problem)

    first, _ = run()
    assert "did you mean '{filename}/briefs/reality-check-4.md'?" in hint(first)
    other.write_text(
        other.read_text(encoding="utf-8").replace("title: Talk to Moscow", title, 1), encoding="utf-8"
    )
    second, checked_now = run()
    assert "synthetic-good.md" in checked_now  # its report was not kept
    assert "did you mean" not in hint(second)  # no brief has that address any more
    assert hint(second) == hint(run()[0])  # and a run with nothing changed says the same


def test_a_link_to_a_draft_is_named_and_a_cached_report_does_not_hide_that_it_was_published(checked):
    """Pelican gave a link to a draft the draft's address, which the site never writes: the live page linked to
    nothing, and `make check` said nothing. The linking brief's report is cached; the draft's status is not in it."""
    content, run = checked
    linking = content / "briefs" / "synthetic-good.md"
    text = linking.read_text(encoding="utf-8")
    linking.write_text(text.replace("An invented recommendation.", "See [#4]({filename}reality-check-4.md)."))
    line = 1 + next(i for i, row in enumerate(linking.read_text().splitlines()) if "See [#4]" in row)
    draft = content / "briefs" / "reality-check-4.md"
    published = draft.read_text(encoding="utf-8")

    def linked(review) -> list[tuple[str, int, str]]:
        return [
            (p.path, p.line, str(p.code))
            for p in review.problems
            if p.code == check.CheckCode.LINK_TO_UNPUBLISHED
        ]

    assert linked(run()[0]) == []
    for status in ("draft", "Skip"):
        draft.write_text(published.replace("\ndate:", f"\nstatus: {status}\ndate:", 1), encoding="utf-8")
        review, checked_now = run()
        assert checked_now == ["reality-check-4.md"]  # the linking brief's report came from the cache
        assert linked(review) == [("content/briefs/synthetic-good.md", line, "link-to-unpublished")]
        message = next(str(p) for p in review.problems if p.code == check.CheckCode.LINK_TO_UNPUBLISHED)
        assert f"status is '{status.lower()}', which the site does not publish" in message
    draft.write_text(published, encoding="utf-8")
    assert linked(run()[0]) == []
    # A draft may link to a draft: neither is published.
    linking.write_text(linking.read_text().replace("\ndate:", "\nstatus: draft\ndate:", 1), encoding="utf-8")
    draft.write_text(published.replace("\ndate:", "\nstatus: draft\ndate:", 1), encoding="utf-8")
    assert linked(run()[0]) == []
