"""Level 3: the site built with and without /admin/."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, ROOT, Site, build_site, copy_content, text_of
from editor_helpers import BAD_BRIEFS, GOOD_BRIEF, content_copy

from reality_check.plugins.brief_registry import load_registry
from reality_check.plugins.brief_registry.new_brief import next_free_number

LOCAL_API = "http://127.0.0.1:9/api/v1"  # never contacted: the build only writes the address into the config
ADMIN_ON = {"DECAP_ADMIN": True, "DECAP_LOCAL_BACKEND": LOCAL_API, "DECAP_SITE_URL": "http://127.0.0.1:8000"}


@pytest.fixture(scope="module")
def admin_site(tmp_path_factory) -> Site:
    """The real content, built the way `make cms` builds it, with a brief that has problems and one that
    cannot be read at all (both synthetic)."""
    base = tmp_path_factory.mktemp("admin")
    content = content_copy(base / "content", BAD_BRIEFS / "placeholder-left.md", BAD_BRIEFS / "yaml-error.md")
    # Emacs's lock link, as it leaves one beside the brief it edits.
    (content / "briefs" / ".#reality-check-4.md").symlink_to("editor@host.1234")
    # A brief in a subfolder with the name of one in briefs/: Decap lists briefs/ alone; two view pages of one name
    # stopped the build (Pelican refuses to overwrite a file it wrote).
    (content / "briefs" / "2099").mkdir()
    nested = GOOD_BRIEF.read_text(encoding="utf-8").replace("series_number: 940", "series_number: 7")
    (content / "briefs" / "2099" / "reality-check-4.md").write_text(nested, encoding="utf-8")
    return Site(build_site(content, base / "output", PAGEFIND_ENABLED=True, **ADMIN_ON))


def test_default_build_has_no_admin(site):
    assert not (site.root / "admin").exists()


def test_admin_page_loads_decap_from_the_site_itself(admin_site):
    page = admin_site.page("/admin/")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert [s["src"] for s in page.find_all("script")] == ["/admin/decap-cms.js"]
    assert page.find("link", rel="cms-config-url")["href"] == "/admin/config.yml"
    assert page.find("link", rel="icon").attrs == admin_site.page("/").find("link", rel="icon").attrs
    admin = admin_site.root / "admin"
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    chunks = {p.name for p in (ROOT / "node_modules" / "decap-cms" / "dist").glob("*.decap-cms.js")}
    assert chunks
    assert chunks <= {p.name for p in admin.iterdir()}


def test_config_is_generated_from_the_content(admin_site):
    config = yaml.safe_load((admin_site.root / "admin" / "config.yml").read_text(encoding="utf-8"))
    registry = load_registry(ROOT / "content")
    briefs = next(c for c in config["collections"] if c["name"] == "briefs")
    options = {f["name"]: f.get("options") for f in briefs["fields"]}
    assert options["topics"] == [t.name for t in registry.topics]
    assert options["regions"] == [r.name for r in registry.regions]
    assert "Quentin Sample" in options["authors"]  # the copy's registry, not the repository's
    assert config["local_backend"] == {"url": LOCAL_API}
    numbers = {f["name"]: f.get("default") for f in briefs["fields"]}
    assert numbers["series_number"] == 930  # one more than the highest in use (929, the synthetic brief)


def test_view_page_forwards_to_the_brief(admin_site):
    page = admin_site.page("/admin/preview/reality-check-4/")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == f"0; url=/{BRIEF_4_URL}"
    assert page.find("a", string="Open the brief’s page")["href"] == f"/{BRIEF_4_URL}"


def test_an_editors_lock_file_beside_a_brief_gets_no_view_page(admin_site):
    views = sorted(p.parent.name for p in (admin_site.root / "admin" / "preview").glob("*/index.html"))
    assert views == ["placeholder-left", "reality-check-4", "yaml-error"]


def test_view_page_of_an_unreadable_brief_says_it_has_no_page(admin_site):
    page = admin_site.page("/admin/preview/yaml-error/")
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert "This brief has no page yet" in text_of(page.find("main"))


def test_built_pages_never_carry_the_problem_banner(admin_site):
    """The banner is the devserver's page addition (editor/preview_problems.py), never part of the files."""
    for path in admin_site.root.rglob("*.html"):
        assert "preview-problems" not in path.read_text(encoding="utf-8"), path


def test_admin_is_left_out_of_the_sitemap(admin_site):
    sitemap = ElementTree.parse(admin_site.root / "sitemap.xml")
    locations = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations
    assert not [loc for loc in locations if "/admin/" in loc]


def test_admin_is_left_out_of_the_search_index(admin_site):
    entry = json.loads((admin_site.root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    brief_pages = len(list(admin_site.root.glob("briefs/*/index.html")))
    assert sum(language["page_count"] for language in entry["languages"].values()) == brief_pages
    fragments = list((admin_site.root / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert len(fragments) == brief_pages


def test_published_site_carries_admin_only_when_asked(tmp_path):
    content = copy_content(tmp_path / "content")
    site = Site(
        build_site(content, tmp_path / "output", conf="publishconf.py", SITEURL="", PDF_EDITION=False)
    )
    assert not (site.root / "admin").exists()


def test_published_site_with_admin_uses_the_github_backend(tmp_path):
    backend = {"name": "github", "repo": "example/reality-check", "branch": "main"}
    content = copy_content(tmp_path / "content")
    site = build_site(
        content,
        tmp_path / "output",
        conf="publishconf.py",
        SITEURL="",
        DECAP_ADMIN=True,
        DECAP_BACKEND=backend,
        PDF_EDITION=False,  # the admin's files are under test, not the PDF edition
    )
    config = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == backend
    assert config["publish_mode"] == "editorial_workflow"
    assert "local_backend" not in config
    assert BeautifulSoup((site / "admin" / "index.html").read_text(encoding="utf-8"), "html.parser").title


def test_the_browser_editor_offers_the_number_make_brief_gives(tmp_path):
    """A brief Pelican skips (`status: skip`) still holds its number for `make check`: the form must not offer it."""
    content = content_copy(tmp_path / "content")
    skipped = GOOD_BRIEF.read_text(encoding="utf-8").replace(
        "series_number: 940", "series_number: 950\nstatus: skip"
    )
    (content / "briefs" / "synthetic-skipped.md").write_text(skipped, encoding="utf-8")
    site = build_site(content, tmp_path / "output", **ADMIN_ON)
    config = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    briefs = next(c for c in config["collections"] if c["name"] == "briefs")
    offered = next(f["default"] for f in briefs["fields"] if f["name"] == "series_number")
    assert offered == next_free_number(content) == 951


def test_the_editors_hints_follow_the_sites_card_headings(tmp_path):
    output = build_site(
        copy_content(tmp_path / "content"),
        tmp_path / "output",
        SUMMARY_CARD_KEY_POINTS_HEADINGS=["At a glance", "Key points"],
        **ADMIN_ON,
    )
    config = yaml.safe_load((output / "admin" / "config.yml").read_text(encoding="utf-8"))
    briefs = next(c for c in config["collections"] if c["name"] == "briefs")
    hints = {field["name"]: field.get("hint", "") for field in briefs["fields"]}

    assert "“At a glance”" in hints["key_points"]
    assert "“At a glance”" in hints["body"]
    assert "“What is the solution?”" in hints["recommendations"]
    body = next(field for field in briefs["fields"] if field["name"] == "body")["default"]
    assert "\n## At a glance\n" in f"\n{body}"  # the new brief's body has the list the hints name
    assert "## Key points" not in body


@pytest.mark.parametrize(
    ("environment", "backend"),
    [
        (
            {"DECAP_GITHUB_REPO": "think-tank/reality-check"},
            {"name": "github", "repo": "think-tank/reality-check"},
        ),
        (
            {"DECAP_GITHUB_REPO": "think-tank/reality-check", "DECAP_GITHUB_BRANCH": "live"},
            {"name": "github", "repo": "think-tank/reality-check", "branch": "live"},
        ),
    ],
    ids=["repository", "repository and branch"],
)
def test_the_live_sites_editor_is_set_from_the_environment(monkeypatch, environment, backend):
    """publishconf.py passes on the branch it is told, and none otherwise: the plugin's default (main) then holds,
    in one place (plugins/decap_admin/config.py's GITHUB_BRANCH)."""
    from pelican.settings import read_settings

    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings = read_settings(str(ROOT / "publishconf.py"))
    assert settings["DECAP_ADMIN"] is True
    assert settings["DECAP_BACKEND"] == backend
