"""Deploy targets against local stand-ins: rsync to a folder, ghp-import to a bare git repo, Netlify files."""

from __future__ import annotations

import shutil
import subprocess
import tomllib

import pytest
from conftest import FIXTURES, ROOT, copy_content
from publishing import (
    SITEURL,
    csp_directives,
    headers_for,
    parse_headers_file,
    run_make,
    snapshot,
)

NEEDS = {tool: shutil.which(tool) for tool in ("rsync", "git", "make")}


def require(tool: str) -> None:
    if NEEDS[tool] is None:
        pytest.skip(f"{tool} is not installed (apt-get install {tool})")


@pytest.fixture
def workdir(tmp_path):
    """A content folder, an output folder and a deploy target of our own, outside the project."""
    require("make")
    content = copy_content(tmp_path / "content")
    return content, tmp_path / "site" / "output"


def make_args(content, output, *more: str) -> list[str]:
    return [f"INPUTDIR={content}", f"OUTPUTDIR={output}", *more]


# --- rsync ---------------------------------------------------------------------------------------------


def test_rsync_upload_mirrors_the_published_site_deleting_what_is_gone(workdir, tmp_path):
    require("rsync")
    content, output = workdir
    target = tmp_path / "server" / "www"
    target.mkdir(parents=True)
    (target / "removed-brief.html").write_text("a page the site no longer has")

    result = run_make("rsync_upload", *make_args(content, output, f"RSYNC_TARGET={target}"))

    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(target) == snapshot(output)
    assert (target / "index.html.gz").is_file()
    assert not (target / "removed-brief.html").exists()


def test_rsync_upload_sends_nothing_when_the_publish_fails(workdir, tmp_path):
    require("rsync")
    content, output = workdir
    shutil.copy(FIXTURES / "briefs" / "synthetic-unknown-author.md", content / "briefs")
    target = tmp_path / "server" / "www"
    target.mkdir(parents=True)
    (target / "index.html").write_text("the live site")

    result = run_make("rsync_upload", *make_args(content, output, f"RSYNC_TARGET={target}"))

    assert result.returncode != 0
    assert "synthetic-unknown-author.md:7: unknown author 'Jane Placeholder'" in result.stdout
    assert sorted(snapshot(target)) == ["index.html"]
    assert (target / "index.html").read_text() == "the live site"


def test_rsync_upload_without_a_target_says_how_to_set_one(workdir):
    content, output = workdir
    result = run_make("rsync_upload", *make_args(content, output, "RSYNC_TARGET="))
    assert result.returncode != 0
    assert "error: set RSYNC_TARGET" in result.stdout + result.stderr
    assert not output.exists(), "it published before finding out it had nowhere to send the site"


# --- GitHub Pages (ghp-import) -------------------------------------------------------------------------


def git(*args: str, **kwargs) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True, **kwargs).stdout


def test_github_pushes_the_site_to_the_gh_pages_branch_of_the_remote(workdir, tmp_path):
    """`make github` run from a clone whose `origin` is a local bare repository standing in for GitHub.

    GIT_DIR points git (and so ghp-import) at that scratch clone: the project's own repository is not touched.
    """
    require("git")
    content, output = workdir
    remote = tmp_path / "github.git"
    git("init", "--quiet", "--bare", str(remote))
    clone = tmp_path / "clone"
    git("init", "--quiet", str(clone))
    git("-C", str(clone), "remote", "add", "origin", str(remote))
    env = {
        "GIT_DIR": str(clone / ".git"),
        "GIT_COMMITTER_NAME": "Synthetic Publisher",
        "GIT_COMMITTER_EMAIL": "publisher@example.test",
        "SOURCE_DATE_EPOCH": "1614902400",
    }

    result = run_make("github", *make_args(content, output), **env)

    assert result.returncode == 0, result.stdout + result.stderr
    tree = git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert sorted(tree) == sorted([*snapshot(output), ".nojekyll"])
    page = git("--git-dir", str(remote), "show", "gh-pages:index.html")
    assert page == (output / "index.html").read_text()
    assert SITEURL in page
    assert git("--git-dir", str(remote), "log", "--format=%s", "gh-pages").startswith("Publish the site from")


# --- Netlify and Cloudflare Pages ------------------------------------------------------------------------


def test_netlify_toml_publishes_output_with_make_publish_for_each_deploy_context():
    config = tomllib.loads((ROOT / "netlify.toml").read_text())
    assert config["build"]["publish"] == "output"
    assert config["build"]["command"] == 'SITEURL="$URL" make publish'
    for context in ("deploy-preview", "branch-deploy"):
        assert config["context"][context]["command"] == 'SITEURL="$DEPLOY_PRIME_URL" make publish'
    assert config["build"]["environment"]["PYTHON_VERSION"] == "3.11"


@pytest.fixture(scope="module")
def host_rules(published):
    return parse_headers_file((published / "_headers").read_text())


@pytest.mark.parametrize(
    "url", ["/", "/briefs/some-brief/", "/feeds/all.atom.xml", "/theme/assets/site.x.css"]
)
def test_headers_file_sends_the_security_headers_everywhere(host_rules, url):
    headers = headers_for(host_rules, url)
    csp = csp_directives(headers["content-security-policy"])
    assert "'unsafe-inline'" not in headers["content-security-policy"]
    assert "'unsafe-eval'" not in headers["content-security-policy"]
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    features = dict(item.strip().split("=") for item in headers["permissions-policy"].split(","))
    assert {"camera", "microphone", "geolocation", "payment"} <= features.keys()
    assert set(features.values()) == {"()"}


def test_headers_file_caches_fingerprinted_assets_for_a_year_and_nothing_else(host_rules, published):
    (css,) = (published / "theme" / "assets").glob("*.css")
    assert headers_for(host_rules, f"/theme/assets/{css.name}")["cache-control"] == (
        "public, max-age=31536000, immutable"
    )
    for url in ("/", "/briefs/some-brief/", "/theme/css/site.css", "/feeds/all.atom.xml"):
        assert "cache-control" not in headers_for(host_rules, url), url
    assert [p.name for p in (published / "theme" / "assets").iterdir() if p.suffix == ".css"] == [css.name]
