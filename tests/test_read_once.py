"""One build reads the registries once: brief_registry loads them and hands them to the plugins that need them."""

from __future__ import annotations

from conftest import CONTENT, Site, build_site

from reality_check.plugins.brief_registry import handlers, load_registry, registry


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
