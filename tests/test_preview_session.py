"""Level 3: the devserver's single-brief preview writes exactly the page the full build then writes.

The real content plus briefs #3, #5 and #6 of the series fixtures (so the edited brief has neighbours, related
briefs and replies), built in-process by the devserver's PreviewSession with the development settings.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, FIXTURES, ROOT, add_to_registry, folder_bytes
from editor_helpers import SETTINGS, content_copy

from reality_check.editor.preview_session import PreviewSession

SERIES = FIXTURES / "series"


@pytest.fixture
def session(tmp_path) -> tuple[PreviewSession, Path, Path]:
    content = content_copy(tmp_path / "content", *sorted((SERIES / "briefs").glob("*.md")))
    shutil.copytree(SERIES / "images", content / "images", dirs_exist_ok=True)  # the chart #5 shows
    add_to_registry(content / "authors.yml", (SERIES / "authors.yml").read_text(encoding="utf-8"))
    output = tmp_path / "output"
    args = [str(content), "-o", str(output), "-s", SETTINGS, "-e", f'CACHE_PATH="{tmp_path / "cache"}"']
    session = PreviewSession(args)
    assert session.build()
    return session, content, output


def _page(output: Path, url: str) -> bytes:
    return (output / url / "index.html").read_bytes()


def _links_to_people_and_subjects(page: bytes) -> list[str]:
    """The brief's links to its authors', topics' and regions' pages."""
    soup = BeautifulSoup(page, "html.parser")
    return [
        a["href"]
        for a in soup.select("main a[href^='/authors/'], main a[href^='/topics/'], main a[href^='/regions/']")
    ]


def _links_to_other_briefs(page: bytes) -> list[str]:
    """Where the series navigation and the related briefs point."""
    soup = BeautifulSoup(page, "html.parser")
    return [a["href"] for a in soup.select(".series-nav a[href], .related-briefs a[href]")]


def test_an_edited_briefs_preview_is_the_page_the_full_build_writes(session):
    session, content, output = session
    links = _links_to_other_briefs(_page(output, BRIEF_4_URL))
    assert len(links) >= 2  # #3 before it, #5 after it, and related briefs
    people = _links_to_people_and_subjects(_page(output, BRIEF_4_URL))
    assert len(people) >= 4  # both authors, a topic, a region: the registries loaded
    brief = content / "briefs" / "reality-check-4.md"
    brief.write_text(
        brief.read_text(encoding="utf-8").replace(
            "On January 17, just", "On January 17 (synthetic edit), just"
        ),
        encoding="utf-8",
    )
    caches = folder_bytes(output.parent / "cache")
    written = session.preview([brief])
    assert written == [BRIEF_4_URL + "index.html"]
    assert (
        folder_bytes(output.parent / "cache") == caches
    )  # the full build's caches are neither read nor cut down
    preview = _page(output, BRIEF_4_URL)
    assert b"(synthetic edit)" in preview
    # Neighbours and related briefs come from the last full build: the page links to them as before.
    assert _links_to_other_briefs(preview) == links
    assert _links_to_people_and_subjects(preview) == people  # from the registries, as in a full build
    assert session.build()
    assert _page(output, BRIEF_4_URL) == preview


def test_a_brief_that_cannot_be_read_keeps_its_last_good_page(session):
    session, content, output = session
    before = _page(output, BRIEF_4_URL)
    brief = content / "briefs" / "reality-check-4.md"
    brief.write_text("---\n# SYNTHETIC TEST FIXTURE\ntitle: [unclosed\n---\n", encoding="utf-8")
    assert session.preview([brief]) == []
    assert _page(output, BRIEF_4_URL) == before


@pytest.mark.parametrize(
    "address",
    [
        "/images/synthetic-new-chart.png",
        "{static}/images/synthetic-new-chart.png",
        "|static|/images/synthetic-new-chart.png",  # the older spelling Pelican still reads
        "{static}../images/synthetic-new-chart.png",  # from the brief's folder
    ],
)
def test_a_brief_showing_a_picture_saved_since_the_last_build_is_left_to_the_full_build(session, address):
    """The one-brief preview wrote the page with the picture's address unresolved (Pelican: "Unable to find"),
    broken until the full build; the full build copies the picture and resolves it, however the address is
    written."""
    session, content, output = session
    shutil.copy(SERIES / "images" / "synthetic-chart.png", content / "images" / "synthetic-new-chart.png")
    brief = content / "briefs" / "reality-check-4.md"
    text = brief.read_text(encoding="utf-8")
    brief.write_text(
        text.replace(
            "## What’s the issue?\n",
            f"## What’s the issue?\n\n![A synthetic chart]({address})\n\n",
            1,
        ),
        encoding="utf-8",
    )

    assert session.preview([brief]) == []
    assert session.build()
    (image,) = BeautifulSoup(_page(output, BRIEF_4_URL), "html.parser").select("main .brief-body img")
    assert image["src"] == "/images/synthetic-new-chart.png"
    assert (output / "images" / "synthetic-new-chart.png").is_file()
    # Once the full build has it, the next save of the brief is previewed alone again.
    brief.write_text(
        brief.read_text(encoding="utf-8").replace("A synthetic chart", "A synthetic chart, renamed")
    )
    assert session.preview([brief]) == [BRIEF_4_URL.strip("/") + "/index.html"]


def test_a_new_brief_is_left_to_the_full_build(session, tmp_path):
    session, content, _ = session
    new = content / "briefs" / "synthetic-new.md"
    shutil.copy(ROOT / "tests" / "fixtures" / "editor" / "synthetic-good.md", new)
    assert session.preview([new]) == []
    assert session.preview([content / "authors.yml"]) == []


def test_a_setting_a_plugin_refuses_is_logged_and_the_preview_goes_on(tmp_path, caplog):
    """The plugins check their settings as Pelican starts: that was outside the build's guard, so a wrong
    DEFAULT_LANG stopped `make devserver` with a traceback instead of showing the message."""
    args = [str(ROOT / "content"), "-o", str(tmp_path / "out"), "-s", SETTINGS, "-e", 'DEFAULT_LANG="xx"']
    session = PreviewSession(args)

    assert session.build() is False
    (record,) = [r for r in caplog.records if r.levelname == "CRITICAL"]
    assert record.getMessage().startswith("SettingError: DEFAULT_LANG must name languages by their codes")
    assert not record.exc_info  # no traceback
