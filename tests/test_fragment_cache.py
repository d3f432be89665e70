"""Teasers rendered once per build (plugins/fragment_cache) give the site a build rendering each one every time
gives: every file byte for byte, on a site with listings in several languages."""

from __future__ import annotations

from pathlib import Path

from conftest import build_site, copy_translated_content


def files(output: Path) -> dict[str, bytes]:
    return {
        p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()
    }


def test_the_site_is_the_same_with_and_without_the_memo(tmp_path: Path) -> None:
    content = copy_translated_content(tmp_path / "content")
    with_memo = files(build_site(content, tmp_path / "memo" / "output"))
    without = files(build_site(content, tmp_path / "plain" / "output", FRAGMENT_CACHE=False))

    assert sorted(with_memo) == sorted(without)
    differing = [name for name in without if with_memo[name] != without[name]]
    assert differing == []
    teasers = with_memo["index.html"].count(b'class="brief-teaser"')
    assert teasers >= 4, "the archive lists the series' briefs as teasers"
