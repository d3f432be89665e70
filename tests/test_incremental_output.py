"""Incremental output (plugins/incremental_output): a rebuild that writes only the pages an edit touches leaves the
output folder byte for byte as a full build of the same sources does, and really does skip the others."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, add_to_registry, build_site, clear_of_midnight, copy_series_content, folder_bytes
from PIL import Image

from reality_check.plugins.incremental_output.writer import STATE_FILE, PageByPage

EDITED = "briefs/synthetic-series-5.md"
LISTINGS = {
    "DEFAULT_PAGINATION": 1
}  # one brief per listing page: the archive is four pages, #5 on the second


def stamps(output: Path) -> dict[str, int]:
    return {p.relative_to(output).as_posix(): p.stat().st_mtime_ns for p in output.rglob("*.html")}


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_body(content: Path) -> None:
    replace_in(
        content / EDITED, "## What’s the issue?\n", "## What’s the issue?\n\nA SYNTHETIC SENTENCE ADDED.\n"
    )


def edit_key_point(content: Path) -> None:
    replace_in(content / EDITED, "\n- ", "\n- A SYNTHETIC KEY POINT REWORDED. ")


def edit_title(content: Path) -> None:
    replace_in(content / EDITED, "title: ", "title: Retitled ")


def edit_registry(content: Path) -> None:
    add_to_registry(
        content / "topics.yml",
        "- name: Synthetic Topic\n  slug: synthetic-topic\n  description: A SYNTHETIC TOPIC nobody uses.\n",
    )


def replace_picture(content: Path) -> None:
    """#5's chart saved again under the same name, with other pixels."""
    Image.new("RGB", (800, 400), (200, 90, 40)).save(content / "images" / "synthetic-chart.png")


def add_brief(content: Path) -> None:
    text = (content / EDITED).read_text(encoding="utf-8")
    (content / "briefs" / "synthetic-series-7.md").write_text(
        text.replace("series_number: 5", "series_number: 7").replace("title: ", "title: Seventh ", 1),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The series content built once with incremental output on, kept aside as the state every test starts from.

    Keys hold absolute paths (a moved project is built whole), so each test works in the same folder."""
    clear_of_midnight()  # the module's builds (this one and each test's, a few seconds in all) on one day
    root = tmp_path_factory.mktemp("incremental")
    content = copy_series_content(root / "site" / "content")
    build_site(content, root / "site" / "output", **LISTINGS)
    assert (root / "site" / "output-cache" / STATE_FILE).is_file()
    shutil.copytree(root / "site", root / "pristine", copy_function=shutil.copy2)  # modification times kept
    return root


@pytest.fixture
def site(workspace: Path) -> tuple[Path, Path]:
    """The content and output folders as the first build left them."""
    shutil.rmtree(workspace / "site")
    shutil.copytree(workspace / "pristine", workspace / "site", copy_function=shutil.copy2)
    return workspace / "site" / "content", workspace / "site" / "output"


@pytest.mark.parametrize(
    "edit",
    [edit_body, edit_key_point, edit_title, edit_registry, replace_picture, add_brief],
    ids=[
        "a sentence added",
        "a key point reworded",
        "a title changed",
        "a registry entry added",
        "a picture replaced",
        "a brief added",
    ],
)
def test_an_incremental_rebuild_writes_what_a_full_build_writes(
    site: tuple[Path, Path], tmp_path: Path, edit: Callable[[Path], None]
) -> None:
    content, output = site
    edit(content)
    build_site(content, output, **LISTINGS)
    incremental = folder_bytes(output)

    fresh = tmp_path / "fresh"
    build_site(content, fresh / "output", INCREMENTAL_OUTPUT=False, **LISTINGS)
    full = folder_bytes(fresh / "output")

    stale = set(incremental) - set(
        full
    )  # Pelican never removes a page it no longer writes (nor does a full build)
    if edit is edit_title:
        assert stale, "the retitled brief's old address should still be on disk"
        assert all("synthetic-reply-about-invented-quorum-rules" in name for name in stale), sorted(stale)
    else:
        assert stale == set()
    for name, data in full.items():
        assert incremental.get(name) == data, f"{name} differs from a full build's after {edit.__name__}"


def test_a_sentence_added_rewrites_the_pages_given_that_brief_only(site: tuple[Path, Path]) -> None:
    content, output = site
    before = stamps(output)
    edit_body(content)
    build_site(content, output, **LISTINGS)
    after = stamps(output)
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert "briefs/synthetic-reply-about-invented-quorum-rules/index.html" in rewritten
    assert "index.html" in rewritten  # a listing page: written again, from its file (see the next test)
    # Every page here is given brief 5 or a brief that refers to it (the four are neighbours), but for the page
    # about the program, which is given none.
    assert "naei/index.html" in after
    assert "naei/index.html" not in rewritten


def test_a_picture_added_renders_no_page_again_and_is_published(site: tuple[Path, Path], monkeypatch) -> None:
    content, output = site
    before = stamps(output)
    rendered = listing_pages_rendered(monkeypatch)
    Image.new("RGB", (40, 20)).save(content / "images" / "synthetic-unused.png")
    build_site(content, output, **LISTINGS)
    after = stamps(output)
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert rewritten == {
        name for name in after if is_listing_page(name)
    }  # from their files, as when nothing changed
    assert rendered == []
    assert (output / "images" / "synthetic-unused.png").is_file()


def test_nothing_changed_renders_no_page_again(site: tuple[Path, Path], monkeypatch) -> None:
    content, output = site
    before = stamps(output)
    rendered = listing_pages_rendered(monkeypatch)
    build_site(content, output, **LISTINGS)
    after = stamps(output)
    # A listing's pages are written by one call of Pelican's writer: each is written again, from its file.
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert rewritten == {name for name in after if is_listing_page(name)}
    assert rendered == []


def test_a_page_changed_on_disk_is_written_again(site: tuple[Path, Path]) -> None:
    content, output = site
    page = output / "404.html"
    written = page.read_bytes()
    page.write_text("<p>changed by hand</p>", encoding="utf-8")
    build_site(content, output, **LISTINGS)
    assert page.read_bytes() == written


def is_listing_page(name: str) -> bool:
    """The archive's and the author, topic and region pages (paginated listings); not the index of each kind
    (authors/index.html), a page of its own."""
    kinds = ("authors/", "topics/", "regions/")
    return (
        name == "index.html" or name.startswith("page/") or (name.startswith(kinds) and name.count("/") > 1)
    )


def listing_pages_rendered(monkeypatch) -> list[str]:
    """The listing pages a build renders (rather than taking them from the file the last build wrote)."""
    rendered: list[str] = []
    render = PageByPage.render

    def spy(listing: PageByPage, localcontext: dict) -> str:
        before = listing.writer.skipped
        text = render(listing, localcontext)
        if listing.writer.skipped == before:
            rendered.append(localcontext["output_file"])
        return text

    monkeypatch.setattr(PageByPage, "render", spy)
    return rendered


def test_a_sentence_added_renders_only_the_listing_pages_that_show_the_brief(
    site: tuple[Path, Path], monkeypatch
) -> None:
    content, output = site
    rendered = listing_pages_rendered(monkeypatch)
    edit_body(content)
    build_site(content, output, **LISTINGS)
    assert "page/2/index.html" in rendered  # the archive's page with #5 (its reading time changed)
    assert "index.html" not in rendered  # #6 alone
    assert "page/3/index.html" not in rendered
    assert "page/4/index.html" not in rendered


def test_the_live_site_is_always_written_whole() -> None:
    from pelican.settings import read_settings

    assert read_settings(str(ROOT / "publishconf.py"))["INCREMENTAL_OUTPUT"] is False
