"""Teasers rendered once per build (plugins/fragment_cache) give the site a build rendering each one every time
gives: every file byte for byte, on a site with listings in several languages. And nothing fragment_cache keeps
(the stylesheet link, compiled templates) carries one build's theme into the next build in the same process."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from conftest import BRIEF_4_URL, CONTENT, ROOT, Site, build_site, copy_translated_content, folder_bytes


def test_the_site_is_the_same_with_and_without_the_memo(tmp_path: Path) -> None:
    content = copy_translated_content(tmp_path / "content")
    with_memo = folder_bytes(build_site(content, tmp_path / "memo" / "output"))
    without = folder_bytes(build_site(content, tmp_path / "plain" / "output", FRAGMENT_CACHE=False))

    assert sorted(with_memo) == sorted(without)
    differing = [name for name in without if with_memo[name] != without[name]]
    assert differing == []
    teasers = with_memo["index.html"].count(b'class="brief-teaser"')
    assert teasers >= 4, "the archive lists the series' briefs as teasers"


def test_a_template_or_stylesheet_edited_between_two_builds_in_one_process_shows_in_the_second(
    tmp_path: Path,
):
    """What a devserver does: builds again in the same process. Jinja does not check template files within a
    build, the stylesheet link is worked out once per environment and templates are compiled once per process: none
    of it may carry the first build's theme into the second."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    output = tmp_path / "output"

    def stylesheet_and_footer() -> tuple[str, str]:
        page = Site(build_site(CONTENT, output, THEME=str(theme))).page(BRIEF_4_URL)
        return page.select_one('link[rel="stylesheet"]')["href"], page.select_one("footer").get_text(
            " ", strip=True
        )

    first_link, first_footer = stylesheet_and_footer()
    base = theme / "templates" / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace("</footer>", "<p>Edited between builds.</p></footer>", 1)
    )
    css = theme / "static" / "css" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n.edited-between-builds { color: inherit; }\n")
    second_link, second_footer = stylesheet_and_footer()

    assert "Edited between builds." not in first_footer
    assert "Edited between builds." in second_footer
    assert second_link != first_link  # the new stylesheet's fingerprint
    stylesheet = output / urlsplit(second_link).path.lstrip("/")
    assert stylesheet.read_text(encoding="utf-8").count("edited-between-builds") == 1
