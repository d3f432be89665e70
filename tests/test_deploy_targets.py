"""Deploy targets against local stand-ins: rsync to a folder, ghp-import to a bare git repo, Netlify files."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tomllib

import pytest
from conftest import FIXTURES, ROOT, add_to_registry, copy_content
from publishing import (
    SITEURL,
    csp_directives,
    headers_for,
    parse_headers_file,
    run_make,
    snapshot,
)
from quality.tools import missing_git, missing_make, missing_rsync, require

from reality_check.deploy import github, rsync


@pytest.fixture
def workdir(tmp_path):
    """A content folder, an output folder and a deploy target of our own, outside the project."""
    require(missing_make())
    content = copy_content(tmp_path / "content")
    return content, tmp_path / "site" / "output"


def make_args(content, output, *more: str) -> list[str]:
    return [f"INPUTDIR={content}", f"OUTPUTDIR={output}", *more]


# --- rsync ---------------------------------------------------------------------------------------------


def test_rsync_upload_mirrors_the_published_site_deleting_what_is_gone(workdir, tmp_path, published):
    """The publish step is taken as done (`make -o publish`) on a copy of the session's publish of the same
    content: that rsync_upload publishes first, and sends nothing when the publish fails, is the next test's."""
    require(missing_rsync())
    content, output = workdir
    shutil.copytree(published, output)
    target = tmp_path / "server" / "my site"  # a space in RSYNC_TARGET: one folder, not two arguments
    target.mkdir(parents=True)
    (target / "_headers").write_text("an earlier publish")
    (target / "removed-brief.html").write_text("a page the site no longer has")

    result = run_make("rsync_upload", "-o", "publish", *make_args(content, output, f"RSYNC_TARGET={target}"))

    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(target) == snapshot(output)
    assert (target / "index.html.gz").is_file()
    assert not (target / "removed-brief.html").exists()


def test_rsync_upload_sends_nothing_when_the_publish_fails(workdir, tmp_path):
    require(missing_rsync())
    content, output = workdir
    shutil.copy(FIXTURES / "briefs" / "synthetic-unknown-author.md", content / "briefs")
    target = tmp_path / "server" / "www"
    target.mkdir(parents=True)
    (target / "_headers").write_text("the live site's")
    (target / "index.html").write_text("the live site")

    result = run_make("rsync_upload", *make_args(content, output, f"RSYNC_TARGET={target}"))

    assert result.returncode != 0
    assert "synthetic-unknown-author.md:7: unknown author 'Jane Placeholder'" in result.stdout
    assert sorted(snapshot(target)) == ["_headers", "index.html"]
    assert (target / "index.html").read_text() == "the live site"


def test_rsync_upload_without_a_target_says_how_to_set_one(workdir):
    content, output = workdir
    result = run_make("rsync_upload", *make_args(content, output, "RSYNC_TARGET="))
    assert result.returncode != 0
    assert "error: set RSYNC_TARGET" in result.stdout + result.stderr
    assert not output.exists(), "it published before finding out it had nowhere to send the site"


def test_rsync_upload_refuses_a_target_it_would_empty_of_other_files_before_publishing(workdir, tmp_path):
    """`RSYNC_TARGET=/srv/www` for `/srv/www/reality-check`: --delete-after would have removed every other site."""
    content, output = workdir
    target = tmp_path / "srv" / "www"
    (target / "another-site").mkdir(parents=True)
    (target / "index.html").write_text("another site's home page")
    before = snapshot(target)

    result = run_make("rsync_upload", *make_args(content, output, f"RSYNC_TARGET={target}"))

    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        f"error: RSYNC_TARGET={target} holds files make rsync_upload did not send there (another-site, index.html), "
        "which rsync would delete: name an empty folder, or the one an earlier make rsync_upload filled. Nothing "
        "was sent."
    )
    assert snapshot(target) == before
    assert not output.exists(), "it published before finding out where it could not send the site"


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("deploy@example.org:/srv/reality-check/site", None),
        ("example.org:site", None),
        ("deploy@example.org:", "names no folder on deploy@example.org"),
        ("example.org:~/", "names no folder on example.org"),
        ("theme", "is inside the project's folder"),
        (str(ROOT), "is the project's folder"),
        ("", "set RSYNC_TARGET, the site's folder on the server"),
    ],
)
def test_an_rsync_target_is_the_sites_own_folder(target, problem):
    found = rsync.target_problem(target, ROOT)
    assert (found is None) if problem is None else (problem in found), found


def test_a_machine_without_rsync_is_told_before_anything_is_published(monkeypatch, capsys, tmp_path):
    """make rsync_upload published the site, then failed with a traceback: FileNotFoundError: 'rsync'."""
    monkeypatch.setenv("PATH", str(tmp_path))  # a folder holding no rsync
    assert rsync.main(["--target", str(tmp_path / "site"), "--only-check"]) == 2
    assert capsys.readouterr().err == (
        "error: rsync is not installed on this machine (on Debian and Ubuntu: sudo apt-get install rsync). "
        "Nothing was sent.\n"
    )


# --- GitHub Pages (ghp-import) -------------------------------------------------------------------------


def git(*args: str, **kwargs) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True, **kwargs).stdout


@pytest.fixture
def repository(tmp_path):
    """A scratch clone holding the content, committed, whose remote `pages` is a local bare repository standing
    in for GitHub. GIT_DIR and GIT_WORK_TREE point git (and so make github) at it: the project's own repository
    is not touched."""
    require(missing_git())
    require(missing_make())
    remote = tmp_path / "github.git"
    git("init", "--quiet", "--bare", str(remote))
    clone = tmp_path / "clone"
    git("init", "--quiet", str(clone))
    copy_content(clone / "content")
    for key, value in (("user.name", "Synthetic Publisher"), ("user.email", "publisher@example.test")):
        git("-C", str(clone), "config", key, value)
    git("-C", str(clone), "add", "content")
    git("-C", str(clone), "commit", "--quiet", "-m", "Synthetic source")
    git("-C", str(clone), "remote", "add", "pages", str(remote))
    env = {"GIT_DIR": str(clone / ".git"), "GIT_WORK_TREE": str(clone)}
    return clone, remote, env


def make_github(clone, env, *more: str, **extra_env: str):
    return run_make(
        "github", *make_args(clone / "content", clone.parent / "site" / "output", *more), **env, **extra_env
    )


def branch_files(remote) -> list[str]:
    return sorted(git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages").split())


def test_github_pushes_what_pages_serves_to_the_named_remote(repository):
    clone, remote, env = repository
    output = clone.parent / "site" / "output"

    result = make_github(clone, env, "GITHUB_REMOTE=pages")

    assert result.returncode == 0, result.stdout + result.stderr
    served = [f for f in snapshot(output) if not f.endswith((".gz", ".br")) and f != "_headers"]
    assert any(f.endswith(".gz") for f in snapshot(output)), (
        "the published folder keeps its compressed copies"
    )
    assert branch_files(remote) == sorted([*served, ".nojekyll", "CNAME"])
    assert git("--git-dir", str(remote), "show", "gh-pages:CNAME").strip() == "briefs.example.test"
    page = git("--git-dir", str(remote), "show", "gh-pages:index.html")
    assert page == (output / "index.html").read_text()
    assert SITEURL in page
    head = git("-C", str(clone), "rev-parse", "--short", "HEAD").strip()
    assert git("--git-dir", str(remote), "log", "--format=%B", "gh-pages").strip() == (
        f"Publish the site from commit {head}"
    )
    assert "warning" not in result.stderr
    assert result.stdout.splitlines()[-1] == (
        f"github: pushed the site to pages ({remote}), branch gh-pages; the local branch gh-pages holds the same commit"
    )
    local = git("-C", str(clone), "rev-parse", "refs/heads/gh-pages").strip()
    assert local == git("--git-dir", str(remote), "rev-parse", "gh-pages").strip()

    # Again with nothing changed (the same published folder: `make -o publish`): each push redeploys GitHub Pages,
    # and a commit of the same files was pushed every time.
    again = make_github(clone, env, "GITHUB_REMOTE=pages", "-o", "publish")
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.splitlines()[-1] == (
        f"github: pages ({remote}), branch gh-pages, already serves this very site: nothing was committed or pushed"
    )
    assert git("--git-dir", str(remote), "rev-parse", "gh-pages").strip() == local
    assert git("-C", str(clone), "rev-parse", "refs/heads/gh-pages").strip() == local


def test_github_refuses_a_remote_it_was_not_told_about_before_building(repository):
    clone, remote, env = repository
    git("-C", str(clone), "remote", "rename", "pages", "origin")  # a clone's origin: where it came from

    result = make_github(clone, env, "GITHUB_REMOTE=")

    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: no remote of this repository is on GitHub (its remotes: origin ({remote})); add the GitHub "
        "repository the site is served from: git remote add github git@github.com:OWNER/REPOSITORY.git, then "
        "run make github GITHUB_REMOTE=github (or GITHUB_REMOTE=<name> for a remote on a GitHub Enterprise host)"
    ]
    assert git("--git-dir", str(remote), "for-each-ref").strip() == ""
    assert not (clone.parent / "site" / "output").exists(), "it published before finding nowhere to push"


def test_github_refuses_a_build_for_the_placeholder_address(repository):
    clone, remote, env = repository

    result = make_github(clone, env, "GITHUB_REMOTE=pages", SITEURL="")

    assert result.returncode != 0
    assert (
        "error: SITEURL is not set: make github would ship a site built for the placeholder address "
        "https://reality-check.example.org (every link, feed and the sitemap would point there); say where the "
        "site is served: make github SITEURL=https://your-site.example"
    ) in result.stderr.splitlines()
    assert git("--git-dir", str(remote), "for-each-ref").strip() == ""
    assert not (clone.parent / "site" / "output").exists()


@pytest.mark.parametrize("which", ["checked out", "holding the sources"])
def test_github_refuses_the_sources_branch_before_building(repository, which):
    """GITHUB_BRANCH=main ("deploy from main" is a common Pages setting) made the built site the whole of main,
    here and on the remote: the sources' history was replaced by one commit of pages."""
    clone, remote, env = repository
    checked_out = git("-C", str(clone), "symbolic-ref", "--short", "HEAD").strip()
    head = git("-C", str(clone), "rev-parse", "HEAD").strip()
    branch = checked_out
    if which == "holding the sources":
        branch = "sources-copy"
        git("-C", str(clone), "branch", branch)

    result = make_github(clone, env, "GITHUB_REMOTE=pages", f"GITHUB_BRANCH={branch}")

    assert result.returncode != 0
    why = (
        "is the branch checked out here"
        if which == "checked out"
        else f"holds this checkout's commits ({branch})"
    )
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        f"error: GITHUB_BRANCH={branch} {why}, where the site's sources are, and make github replaces the whole "
        "branch with the built site: publish to a branch of its own, such as GITHUB_BRANCH=gh-pages (the "
        "default), and set GitHub Pages to deploy from it"
    ]
    assert git("-C", str(clone), "rev-parse", branch).strip() == head
    assert git("--git-dir", str(remote), "for-each-ref").strip() == ""
    assert not (clone.parent / "site" / "output").exists(), "it published before finding the branch refused"


def test_github_says_when_the_content_has_uncommitted_briefs(repository, published):
    """What is committed is worked out from the content's git state, not from the site: the publish step is taken
    as done (`make -o publish`, GNU make's "this target is up to date") and a published copy is pushed."""
    clone, remote, env = repository
    shutil.copy(FIXTURES / "editor" / "synthetic-good.md", clone / "content" / "briefs")
    add_to_registry(  # the synthetic brief's invented author
        clone / "content" / "authors.yml",
        "- name: Quentin Sample\n  slug: quentin-sample\n  bio: An invented author.\n",
    )
    shutil.copytree(published, clone.parent / "site" / "output")

    result = make_github(clone, env, "GITHUB_REMOTE=pages", "-o", "publish")

    assert result.returncode == 0, result.stdout + result.stderr
    changed = "content/authors.yml, content/briefs/synthetic-good.md"
    assert (
        f"warning: the site includes 2 change(s) not committed to git ({changed}); the gh-pages commit says so. "
        "Commit them so every published version can be traced to a commit."
    ) in result.stderr.splitlines()
    head = git("-C", str(clone), "rev-parse", "--short", "HEAD").strip()
    assert git("--git-dir", str(remote), "log", "--format=%B", "gh-pages").strip() == (
        f"Publish the site from commit {head}, plus 2 uncommitted change(s)\n\nNot committed to git: {changed}"
    )


@pytest.mark.parametrize(
    ("url", "on_github"),
    [
        ("https://github.com/owner/site.git", True),
        ("git@github.com:owner/site.git", True),
        ("ssh://git@ssh.github.com:443/owner/site.git", True),
        ("/srv/git/site.git", False),
        ("../site.git", False),
        ("https://gitlab.com/owner/site.git", False),
        ("git@example.org:owner/site.git", False),
    ],
)
def test_which_remotes_are_on_github(url, on_github):
    assert github.is_on_github(url) is on_github


def test_without_a_named_remote_the_only_one_on_github_is_chosen():
    remotes = [github.Remote("origin", "/srv/git/site.git"), github.Remote("gh", "git@github.com:o/site.git")]
    assert github.choose_remote(remotes, "").name == "gh"
    assert github.choose_remote(remotes, "origin").name == "origin"
    with pytest.raises(github.GithubError, match=r"several remotes are on GitHub: a \(.*\), b \("):
        github.choose_remote(
            [github.Remote("a", "https://github.com/o/a"), github.Remote("b", "https://github.com/o/b")], ""
        )
    with pytest.raises(github.GithubError, match="GITHUB_REMOTE=upstream names no remote"):
        github.choose_remote(remotes, "upstream")


def test_the_publishing_guide_quotes_each_refusal_of_a_remote_as_make_github_prints_it():
    """The guide's table of `make github`'s messages once quoted the several-remotes advice under the no-remote
    message: each quote (its "…" standing for what varies, `x` for the remote named) is what the code says."""
    guide = (ROOT / "docs" / "publishing.md").read_text(encoding="utf-8")
    quoted = re.findall(r"^\| `(error: [^`]*remote[^`]*)` \|", guide, re.MULTILINE)
    elsewhere = [github.Remote("origin", "/srv/git/site.git")]
    on_github = [github.Remote("a", "https://github.com/o/a"), github.Remote("b", "https://github.com/o/b")]
    printed = []
    for remotes, requested in ((elsewhere, ""), (on_github, ""), (elsewhere, "x")):
        with pytest.raises(github.GithubError) as refusal:
            github.choose_remote(remotes, requested)
        printed.append(f"error: {refusal.value}")

    def quotes(quote: str, message: str) -> bool:
        return re.fullmatch(".+".join(re.escape(part) for part in quote.split("…")), message) is not None

    assert len(quoted) == len(printed) == 3
    for message in printed:
        assert [quote for quote in quoted if quotes(quote, message)] != [], message


@pytest.mark.parametrize(
    ("siteurl", "cname"),
    [
        ("https://briefs.example.org", "briefs.example.org"),
        ("https://owner.github.io/site", ""),
        ("https://owner.github.io", ""),
        # A project site under its owner's domain: GitHub serves it there already, and a CNAME would claim the
        # whole domain for it.
        ("https://example.org/rc/", ""),
    ],
)
def test_a_custom_domain_gets_a_cname_file(siteurl, cname):
    assert github.custom_domain(siteurl) == cname


# --- Netlify and Cloudflare Pages ------------------------------------------------------------------------


def test_netlify_toml_publishes_output_with_make_publish_for_each_deploy_context():
    config = tomllib.loads((ROOT / "netlify.toml").read_text())
    assert config["build"]["publish"] == "output"
    # with the browser editor on (DECAP_GITHUB_REPO), Decap is installed first (docs/cms.md)
    # a hosted build cannot install Charis SIL, without which make publish stops: the fallback face on purpose
    fonts = "PELICANOPTS='-e PDF_EDITION_FONTS=[]'"
    assert (
        config["build"]["command"]
        == f'SITEURL="$URL" make ${{DECAP_GITHUB_REPO:+node-tools}} publish {fonts}'
    )
    for context in ("deploy-preview", "branch-deploy"):
        assert (
            config["context"][context]["command"]
            == f'SITEURL="$DEPLOY_PRIME_URL" make ${{DECAP_GITHUB_REPO:+node-tools}} publish {fonts}'
        )
    assert config["build"]["environment"]["PYTHON_VERSION"] == "3.11"
    # As Netlify's shell runs it: the override reaches the publish's Pelican options.
    dry_run = config["build"]["command"].replace(" make ", " make -n ", 1)
    recipe = subprocess.run(
        ["sh", "-c", dry_run], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "URL": "https://example.org", "DECAP_GITHUB_REPO": ""},
    ).stdout.replace("\\\n", " ")  # fmt: skip
    (publish_line,) = [line for line in recipe.splitlines() if "reality_check.deploy.publish" in line]
    assert shlex.split(publish_line)[-2:] == ["-e", "PDF_EDITION_FONTS=[]"]


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


def test_a_header_set_again_must_be_detached_first_to_mean_the_same_on_both_hosts():
    """Cloudflare Pages joins two matching rules' values (two policies, both enforced); `! Name` first drops the
    earlier one there, and Netlify, which sends the later value, ignores the line."""
    joined = parse_headers_file("/*\n  Content-Security-Policy: a\n/card/*\n  Content-Security-Policy: b\n")
    with pytest.raises(AssertionError, match="without '! Content-Security-Policy'"):
        headers_for(joined, "/card/x")
    detached = parse_headers_file(
        "/*\n  Content-Security-Policy: a\n/card/*\n  ! Content-Security-Policy\n  Content-Security-Policy: b\n"
    )
    assert headers_for(detached, "/card/x") == {"content-security-policy": "b"}
    assert headers_for(detached, "/other") == {"content-security-policy": "a"}


def test_headers_file_caches_fingerprinted_assets_for_a_year_and_nothing_else(host_rules, published):
    (css,) = (published / "theme" / "assets").glob("*.css")
    assert headers_for(host_rules, f"/theme/assets/{css.name}")["cache-control"] == (
        "public, max-age=31536000, immutable"
    )
    for url in ("/", "/briefs/some-brief/", "/theme/css/site.css", "/feeds/all.atom.xml"):
        assert "cache-control" not in headers_for(host_rules, url), url
    assert [p.name for p in (published / "theme" / "assets").iterdir() if p.suffix == ".css"] == [css.name]


def test_rsync_upload_refuses_a_build_for_the_placeholder_address(workdir, tmp_path):
    require(missing_rsync())
    content, output = workdir
    target = tmp_path / "server" / "www"
    target.mkdir(parents=True)

    result = run_make("rsync_upload", *make_args(content, output, f"RSYNC_TARGET={target}"), SITEURL="")

    assert result.returncode != 0
    assert (
        "error: SITEURL is not set: make rsync_upload would ship a site built for the placeholder address "
        "https://reality-check.example.org (every link, feed and the sitemap would point there); say where the "
        "site is served: make rsync_upload SITEURL=https://your-site.example"
    ) in result.stderr.splitlines()
    assert list(target.iterdir()) == []
    assert not output.exists()


def test_github_looks_for_uncommitted_changes_in_everything_the_site_is_made_from():
    """The pinned packages included: a lockfile change (the Decap CMS the site serves) was published unremarked."""
    sources = github.built_from(["content", "pelicanconf.py", "publishconf.py"])

    assert sources[:3] == ("content", "pelicanconf.py", "publishconf.py")
    assert {"theme", "plugins", "requirements.txt", "package-lock.json"} <= set(sources)
    assert len(sources) == len(set(sources))
