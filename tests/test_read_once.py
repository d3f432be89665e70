"""One build reads the registries once: brief_registry loads them and hands them to the plugins that need them."""

from __future__ import annotations

from pathlib import Path

from conftest import CONTENT, Site, build_site, copy_series_content

from reality_check.plugins.brief_registry import frontmatter, handlers, load_registry, reader, registry


def test_one_build_loads_the_registries_once(tmp_path, monkeypatch):
    loads = []

    def counting_load(content):
        loads.append(content)
        return load_registry(content)

    for module in (
        handlers,
        registry,
    ):  # the build's load, and build_registry's
        monkeypatch.setattr(module, "load_registry", counting_load)
    site = Site(build_site(CONTENT, tmp_path / "output", SHARE_IMAGE_WORKERS=0))
    assert len(loads) == 1
    # ... and the pages made from them are all there: every registered author has a page.
    authors = load_registry(CONTENT).authors
    assert authors
    for person in authors:
        assert site.path(f"/authors/{person.slug}/").is_file(), person.slug


def test_a_rebuild_reads_only_the_changed_briefs_files(tmp_path, monkeypatch):
    """Pelican's content cache keeps what the reader read, the parsed front matter included: a rebuild after an
    edit to one brief reads that brief's file, and no other brief's, for its front matter."""
    content = copy_series_content(tmp_path / "content")
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "SHARE_IMAGE_WORKERS": 0}
    build_site(content, tmp_path / "output", **cached)
    edited = content / "briefs" / "synthetic-series-5.md"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(
        text.replace("## What’s the issue?\n", "## What’s the issue?\n\nA synthetic edit.\n", 1)
    )

    read = []
    noting = _noting(read, frontmatter.read_brief)
    for module in (frontmatter, reader, handlers):  # where a brief's file is read for its front matter
        monkeypatch.setattr(module, "read_brief", noting)
    site = Site(build_site(content, tmp_path / "output", **cached))

    assert [Path(path).name for path in read] == [edited.name]
    assert (
        "A synthetic edit." in site.path("/briefs/synthetic-reply-about-invented-quorum-rules/").read_text()
    )


def _noting(read: list, function):
    def noted(path, *args, **kwargs):
        read.append(path)
        return function(path, *args, **kwargs)

    return noted
