"""The preview's problem banner (editor/preview_problems.py): which page gets which problems, and how."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, ROOT, copy_translated_content, text_of
from editor_helpers import BAD_BRIEFS, content_copy

from reality_check.editor.check import check_content
from reality_check.editor.preview_problems import STYLE_URL, ProblemsBanner, banner_html
from reality_check.editor.settings import load_settings
from reality_check.plugins.brief_registry import Problem
from reality_check.plugins.brief_registry.rules import RuleCode

SETTINGS = load_settings(ROOT / "pelicanconf.py")
RU_5 = "ru/briefs/sinteticheskii-otvet-o-vymyshlennykh-pravilakh-kvoruma/"  # a synthetic translation's page


def test_banner_lists_each_problem_escaped():
    html = banner_html(
        [Problem("content/briefs/x.md", 3, "unknown author '<b>Jane</b>'", code=RuleCode.UNKNOWN_AUTHOR)]
    )
    page = BeautifulSoup(html, "html.parser")
    banner = page.select_one("section.preview-problems")
    assert banner["role"] == "alert"
    assert banner["data-pagefind-ignore"] == "all"
    assert [text_of(li) for li in banner.select("li")] == [
        "content/briefs/x.md:3: unknown author '<b>Jane</b>'"
    ]
    assert page.find("b") is None  # the editor's text stays text
    assert text_of(banner.find("h2")) == "1 problem to fix before this brief can be published"
    assert page.find("link")["href"] == STYLE_URL


def test_a_content_folder_that_is_a_link_elsewhere_still_gets_its_banners(tmp_path):
    """The check names files from the content folder as the project names it; the banner looked them up from
    where the link leads (another folder's name), found none, and showed nothing."""
    real = content_copy(tmp_path / "shared-drive" / "briefs-content", BAD_BRIEFS / "placeholder-left.md")
    project = tmp_path / "project"
    project.mkdir()
    (project / "content").symlink_to(real)
    banner = ProblemsBanner(project / "content", SETTINGS)

    banner.update(check_content(project / "content", SETTINGS))

    page = BeautifulSoup(banner.addition("/briefs/synthetic-brief-placeholder-left/"), "html.parser")
    first = page.select_one("li")
    assert first is not None
    assert text_of(first).startswith("content/briefs/placeholder-left.md:16:")


def test_a_brief_saved_with_another_markdown_extension_gets_its_banner(tmp_path):
    """The build reads .markdown files as briefs, and the check checks them: the banner showed them nothing."""
    content = content_copy(tmp_path / "content")
    (content / "briefs" / "placeholder-left.markdown").write_bytes(
        (BAD_BRIEFS / "placeholder-left.md").read_bytes()
    )
    banner = ProblemsBanner(content, SETTINGS)

    banner.update(check_content(content, SETTINGS))

    assert "content/briefs/placeholder-left.markdown:16:" in banner.addition(
        "/briefs/synthetic-brief-placeholder-left/"
    )


def test_no_problems_no_banner():
    assert banner_html([]) == ""


def test_each_brief_page_gets_its_own_problems(tmp_path):
    content = content_copy(
        tmp_path / "content", BAD_BRIEFS / "placeholder-left.md", BAD_BRIEFS / "yaml-error.md"
    )
    banner = ProblemsBanner(content, SETTINGS)
    banner.update(check_content(content, SETTINGS))

    page = BeautifulSoup(banner.addition("/briefs/synthetic-brief-placeholder-left/"), "html.parser")
    lines = [text_of(li) for li in page.select("li")]
    assert lines
    assert all(line.startswith("content/briefs/placeholder-left.md:") for line in lines)
    # the browser editor's "View Live" page of the same file, and of a file the build cannot read
    assert banner.addition("/admin/preview/placeholder-left/") == banner.addition(
        "/briefs/synthetic-brief-placeholder-left/index.html"
    )
    assert "content/briefs/yaml-error.md:" in banner.addition("/admin/preview/yaml-error/")
    assert banner.addition(f"/{BRIEF_4_URL}") == ""  # #4 has no problem

    banner.update([])  # fixed: the next check finds nothing
    assert banner.addition("/admin/preview/yaml-error/") == ""


def test_a_translations_page_gets_its_problems_too(tmp_path):
    """A translation is served at ARTICLE_LANG_URL (/ru/briefs/<slug>/): the banner was looked up at ARTICLE_URL's
    address, which no page has, so a translation's problems never showed."""
    content = copy_translated_content(tmp_path / "content")
    russian = content / "briefs" / "synthetic-series-5-ru.md"
    russian.write_text(
        russian.read_text(encoding="utf-8") + "\n[FILL IN: a last paragraph]\n", encoding="utf-8"
    )
    banner = ProblemsBanner(content, SETTINGS)
    banner.update(check_content(content, SETTINGS))

    page = BeautifulSoup(banner.addition(f"/{RU_5}"), "html.parser")
    lines = [text_of(li) for li in page.select("li")]
    assert lines
    assert all(line.startswith("content/briefs/synthetic-series-5-ru.md:") for line in lines)
    assert SETTINGS.page_url("x", "ru") == "ru/briefs/x/"
    assert SETTINGS.page_url("x", "en") == SETTINGS.page_url("x") == "briefs/x/"


def test_a_brief_whose_front_matter_cannot_be_read_gets_its_banner_on_the_page_last_built_for_it(tmp_path):
    """A quote left open in the title: the terminal said so, but the page the editor had open showed nothing (its
    address comes from the front matter, which could not be read)."""
    content = content_copy(tmp_path / "content")
    brief = content / "briefs" / "reality-check-4.md"
    brief.write_text(
        brief.read_text(encoding="utf-8").replace("title: Focus", 'title: "Focus', 1), encoding="utf-8"
    )
    built = {brief.resolve(): f"/{BRIEF_4_URL}"}
    banner = ProblemsBanner(content, SETTINGS, lambda source: built.get(source.resolve()))

    banner.update(check_content(content, SETTINGS))

    lines = [
        text_of(li) for li in BeautifulSoup(banner.addition(f"/{BRIEF_4_URL}"), "html.parser").select("li")
    ]
    assert len(lines) == 1
    assert lines[0].startswith("content/briefs/reality-check-4.md:2: ")
    assert banner.addition("/admin/preview/reality-check-4/") == banner.addition(f"/{BRIEF_4_URL}")
    assert ProblemsBanner(content, SETTINGS).addition(f"/{BRIEF_4_URL}") == ""  # no build to ask: nothing


def test_a_page_a_brief_moved_from_says_where_it_is_now(tmp_path):
    """A title changed: the tab on the old address reloaded onto the old page, left from an earlier build, with
    nothing saying the brief had moved, nor that links to the old address would break once published."""
    banner = ProblemsBanner(tmp_path, SETTINGS)
    first = {"/c/a.md": "/briefs/old-title/", "/c/b.md": "/briefs/b/"}
    second = {"/c/a.md": "/briefs/new-title/", "/c/b.md": "/briefs/b/"}
    banner.record_moves(first, second)

    notice = BeautifulSoup(banner.addition("/briefs/old-title/index.html"), "html.parser")
    assert text_of(notice.find("h2")) == "This brief has moved"
    assert notice.find("a")["href"] == "/briefs/new-title/"
    assert "add slug: old-title to the brief's front matter" in text_of(notice)
    assert banner.addition("/briefs/new-title/") == banner.addition("/briefs/b/") == ""

    banner.record_moves(second, {"/c/a.md": "/briefs/newer-title/", "/c/b.md": "/briefs/b/"})
    assert BeautifulSoup(banner.addition("/briefs/old-title/"), "html.parser").find("a")["href"] == (
        "/briefs/newer-title/"
    )
    banner.record_moves({"/c/a.md": "/briefs/newer-title/"}, first)  # back to the first title
    assert banner.addition("/briefs/old-title/") == ""
    assert "/briefs/old-title/" in banner.addition("/briefs/newer-title/")


def test_the_page_of_a_deleted_brief_says_it_was_deleted(tmp_path):
    """A brief file deleted while the preview ran: its page was still served as a current brief, with nothing
    saying the published site would not have it (a retitled brief's old page already said where it went)."""
    kept = tmp_path / "briefs" / "kept.md"
    kept.parent.mkdir()
    kept.write_text("kept")
    deleted = str(tmp_path / "briefs" / "synthetic-deleted.md")  # not on disk: deleted since the last build
    banner = ProblemsBanner(tmp_path, SETTINGS)
    banner.record_moves(
        {deleted: "/briefs/deleted/", str(kept): "/briefs/kept/"}, {str(kept): "/briefs/kept/"}
    )

    notice = BeautifulSoup(banner.addition("/briefs/deleted/index.html"), "html.parser")
    assert text_of(notice.find("h2")) == "This brief was deleted"
    assert "synthetic-deleted.md, is gone" in text_of(notice)
    assert banner.addition("/briefs/kept/") == ""

    banner.record_moves(
        {str(kept): "/briefs/kept/"}, {str(kept): "/briefs/kept/", "/c/new.md": "/briefs/deleted/"}
    )
    assert banner.addition("/briefs/deleted/") == ""  # a new brief took the address
