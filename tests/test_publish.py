"""`make publish`: atomic swap, failure and kill -9 leave the old site, reproducible, precompressed, fingerprinted."""

from __future__ import annotations

import errno
import gzip
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup
from conftest import CONTENT, FIXTURES, ROOT, copy_content
from publishing import SITEURL, publish_env, run_make, run_publish, snapshot

from reality_check.deploy import publish
from reality_check.plugins.brief_registry.arguments import replaced_output_problem

# --- Level 1: the pipeline's pure parts -----------------------------------------------------------------


def test_a_site_unfit_to_publish_is_told_page_by_page_with_where_to_look():
    message = publish.unfit_to_publish(
        ["index.html: loads /x.css, which is not in the site", "_headers: missing"]
    )
    lines = message.splitlines()
    assert lines[0] == "the built site has 2 problem(s), so it was not put in place:"
    assert lines[1:3] == ["  index.html: loads /x.css, which is not in the site", "  _headers: missing"]
    assert "make html" in lines[3]  # what to do: look at the page in the preview


def write_minimal_site(site: Path, stylesheet: str = "/theme/assets/site.0123abcd.css") -> None:
    (site / "theme" / "assets").mkdir(parents=True)
    (site / "theme" / "assets" / "site.0123abcd.css").write_text("body { color: black; }\n")
    (site / "_headers").write_text("/*\n  X-Content-Type-Options: nosniff\n")
    (site / "index.html").write_text(
        f'<!doctype html><title>t</title><link rel="stylesheet" href="{SITEURL}{stylesheet}">\n'
    )


def test_verify_accepts_a_complete_site(tmp_path):
    write_minimal_site(tmp_path)
    publish.precompress_site(tmp_path)
    assert publish.verify_site(tmp_path, SITEURL) == []


def test_verify_reports_a_missing_stylesheet(tmp_path):
    write_minimal_site(tmp_path, stylesheet="/theme/assets/site.ffffffff.css")
    assert publish.verify_site(tmp_path, SITEURL) == [
        f"index.html: loads {SITEURL}/theme/assets/site.ffffffff.css, which is not in the site"
    ]


def test_verify_reports_a_stale_compressed_copy_and_a_missing_one(tmp_path):
    write_minimal_site(tmp_path)
    (tmp_path / "index.html.gz").write_bytes(gzip.compress(b"an older page", mtime=0))
    (tmp_path / "feed.xml").write_text("<feed>" + "<entry/>" * 200 + "</feed>")
    assert publish.verify_site(tmp_path, SITEURL) == [
        "feed.xml: no .gz copy",
        "feed.xml: no .br copy",
        "index.html.gz: does not match index.html",
    ]


def test_swap_replaces_the_output_and_removes_the_old_one(tmp_path):
    workspace = publish.Workspace(tmp_path / "output")
    (workspace.output).mkdir()
    (workspace.output / "old.html").write_text("old")
    new = tmp_path / ".publish-output-build-1"
    new.mkdir()
    (new / "new.html").write_text("new")
    publish.swap_into_place(new, workspace)
    assert snapshot(workspace.output).keys() == {"new.html"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_an_output_lost_between_two_renames_is_restored(tmp_path):
    workspace = publish.Workspace(tmp_path / "output")
    previous = tmp_path / ".publish-output-previous-1"
    previous.mkdir()
    (previous / "index.html").write_text("the live site")
    publish.restore_interrupted_swap(workspace)
    assert (workspace.output / "index.html").read_text() == "the live site"


# --- Level 3: the real pipeline on the real content ------------------------------------------------------


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_publish_builds_for_siteurl_with_headers_and_feed(published):
    home = BeautifulSoup((published / "index.html").read_text(), "html.parser")
    stylesheet = home.find("link", rel="stylesheet")["href"]
    assert stylesheet.startswith(f"{SITEURL}/theme/assets/site.")
    assert (published / "_headers").read_bytes() == (ROOT / "deploy" / "_headers").read_bytes()
    assert (published / "feeds" / "all.atom.xml").is_file()
    assert not list(published.parent.glob(".publish-*build-*")), "the temporary build folder was left behind"


def test_the_stylesheet_name_carries_a_hash_of_its_content(published):
    (css,) = (published / "theme" / "assets").glob("*.css")
    digest = css.name.removeprefix("site.").removesuffix(".css")
    assert hashlib.md5(css.read_bytes()).hexdigest().startswith(digest)
    assert len(digest) == 8
    assert css.read_bytes() == (ROOT / "theme" / "static" / "css" / "site.css").read_bytes()
    for page in pages(published):
        link = BeautifulSoup(page.read_text(), "html.parser").find("link", rel="stylesheet")
        assert link["href"] == f"{SITEURL}/theme/assets/{css.name}", page


def test_text_files_have_gzip_and_brotli_copies_without_timestamps(published):
    compressible = [
        p
        for p in published.rglob("*")
        if p.suffix in {".html", ".css", ".xml", ".svg", ".js", ".json"} and p.stat().st_size >= 512
    ]
    assert {p.suffix for p in compressible} >= {".html", ".css", ".xml"}
    for path in compressible:
        gz = path.with_name(path.name + ".gz").read_bytes()
        assert gzip.decompress(gz) == path.read_bytes()
        assert gz[4:8] == b"\0\0\0\0", f"{path}: the gzip header carries a modification time"
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == path.read_bytes()
        assert len(gz) < path.stat().st_size


@pytest.fixture
def live_site(published, tmp_path) -> Path:
    """A copy of the published site, standing in for the output/ a failed publish must not touch."""
    output = tmp_path / "site" / "output"
    shutil.copytree(published, output)
    return output


@pytest.mark.parametrize(
    ("brief", "options", "caught_by"),
    [
        ("synthetic-unknown-author.md", (), "the editors' checker"),
        ("synthetic-no-key-points.md", ("--skip-check",), "Pelican's --fatal warnings"),
    ],
)
def test_a_broken_brief_fails_the_publish_and_keeps_the_old_site(
    live_site, tmp_path, brief, options, caught_by
):
    content = copy_content(tmp_path / "content", FIXTURES / "briefs" / brief)
    before = snapshot(live_site)

    result = run_publish(content, live_site, *options)

    assert result.returncode != 0, f"{caught_by} let a broken brief through"
    assert brief in " ".join((result.stdout + result.stderr).split())
    assert "was left as it was" in result.stderr
    assert snapshot(live_site) == before
    assert sorted(p.name for p in live_site.parent.iterdir() if p.is_dir()) == ["output"]


def test_a_publish_killed_mid_build_leaves_the_old_site(live_site, tmp_path):
    before = snapshot(live_site)
    process = subprocess.Popen(
        [sys.executable, "-m", "reality_check.deploy.publish", "--output", str(live_site)],
        cwd=ROOT,
        env=publish_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    try:
        while not any(p.is_file() for p in live_site.parent.glob(".publish-output-build-*/**/*")):
            assert process.poll() is None, "the publish ended before it wrote anything"
            assert time.monotonic() < deadline
            time.sleep(0.002)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the publish and the Pelican it started
        process.wait()

    assert process.returncode == -signal.SIGKILL
    assert list(live_site.parent.glob(".publish-output-build-*")), "killed too late: nothing was mid-build"
    assert snapshot(live_site) == before

    # The next publish cleans up what the killed one left. It reuses the live site's compressed copies of the
    # files it writes again unchanged (all of them here: the same inodes, linked), and gives the site a cold
    # publish gives.
    (live_site.parent / ".publish-output-compressors.json").write_text(publish.compressors())
    copies = {p: p.stat().st_ino for p in live_site.rglob("*") if p.suffix in (".gz", ".br")}
    result = run_publish(CONTENT, live_site, "--skip-check")
    assert result.returncode == 0, result.stderr
    assert not list(live_site.parent.glob(".publish-output-build-*"))
    assert snapshot(live_site) == before
    assert {p: p.stat().st_ino for p in copies} == copies


def test_ctrl_c_mid_build_is_said_once_and_leaves_the_old_site(live_site):
    """Ctrl-C (SIGINT to the terminal's process group) printed two KeyboardInterrupt tracebacks and no word about
    the live site."""
    before = snapshot(live_site)
    process = subprocess.Popen(
        [sys.executable, "-m", "reality_check.deploy.publish", "--output", str(live_site)],
        cwd=ROOT,
        env=publish_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # As from a terminal, whatever this process does on Ctrl-C: a CI job started in the background ignores it,
        # and its children with it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    try:
        while not any(p.is_file() for p in live_site.parent.glob(".publish-output-build-*/**/*")):
            assert process.poll() is None, "the publish ended before it wrote anything"
            assert time.monotonic() < deadline
            time.sleep(0.002)
    finally:
        os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C reaches the publish and its build
    _, errors = process.communicate(timeout=60)

    assert process.returncode == 130
    assert "Traceback" not in errors, errors
    assert errors.splitlines()[-1] == f"publish: stopped (Ctrl-C); {live_site} was left as it was."
    assert snapshot(live_site) == before
    assert not list(live_site.parent.glob(".publish-output-build-*"))


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (
            errno.ENOSPC,
            "no space left on the disk holding /srv/.publish-site-lock: free some, then run make publish",
        ),
        (
            errno.EROFS,
            "cannot write /srv/.publish-site-lock (Read-only file system): make publish builds beside",
        ),
        (
            errno.EACCES,
            "cannot write /srv/.publish-site-lock (Permission denied): make publish builds beside",
        ),
    ],
)
def test_a_disk_that_cannot_be_written_is_named_with_what_to_do(code, said):
    error = OSError(code, os.strerror(code), "/srv/.publish-site-lock")
    assert publish.os_problem(error, Path("/srv/site")).startswith(said)


def test_copies_made_by_other_compressors_are_not_reused_and_a_second_publish_is_byte_identical(
    published, live_site, tmp_path
):
    """Only the versions that made the live site's copies may have them reused (zlib is the system's, brotli and
    pelican-precompress the commit's): without that record, or with another, every copy is made again.

    That publish, run at another moment by another process and remaking every file, gives the very bytes of the
    first: nothing may depend on the clock or on hash seeds."""
    record = live_site.parent / ".publish-output-compressors.json"
    record.write_text(publish.compressors().replace('"brotli": "', '"brotli": "0.'))
    copies = {p: p.stat().st_ino for p in live_site.rglob("*") if p.suffix in (".gz", ".br")}
    result = run_publish(CONTENT, live_site, "--skip-check")
    assert result.returncode == 0, result.stderr
    assert not {p for p in copies if p.stat().st_ino == copies[p]}
    assert record.read_text() == publish.compressors()  # what made the copies now live
    first, second = snapshot(published), snapshot(live_site)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


# --- What a publish says ----------------------------------------------------------------------------------


def test_without_siteurl_a_publish_is_a_quiet_rehearsal_never_called_live(tmp_path):
    output = tmp_path / "output"
    result = run_publish(CONTENT, output, SITEURL="")

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "publish: checking the briefs, then building "
        + str(CONTENT)
        + " with publishconf.py (warnings are fatal)",
        "All briefs in " + str(CONTENT) + " passed the checks.",
    ]
    assert lines[2].startswith("Done: Processed 1 article")
    assert lines[3:] == [
        "publish: adding _headers and compressed copies",
        f"publish: {output} is a rehearsal, built for the placeholder address https://reality-check.example.org: "
        "not fit to go live (links, feeds and the sitemap point there). To publish, give the site's address: "
        "make publish SITEURL=https://your-site.example",
    ]
    home = BeautifulSoup((output / "index.html").read_text(), "html.parser")
    assert home.find("link", rel="canonical")["href"] == "https://reality-check.example.org/"


def publish_here(monkeypatch, capsys, content: Path, output: Path, **env: str) -> tuple[int, str, str]:
    """`make publish`'s command (python -m reality_check.deploy.publish), in this process, from the project folder:
    its exit code, stdout and stderr."""
    for name, value in publish_env(**env).items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(ROOT)
    capsys.readouterr()
    code = publish.main(
        ["--content", str(content), "--output", str(output), "--settings", "publishconf.py", "--"]
    )
    out, err = capsys.readouterr()
    return code, out, err


def test_a_siteurl_without_a_scheme_gets_one_message_and_no_build(tmp_path, monkeypatch, capsys):
    output = tmp_path / "output"
    code, out, err = publish_here(monkeypatch, capsys, CONTENT, output, SITEURL="briefs.example.org")
    assert code == 1  # which make reports as 2
    assert err.splitlines()[0] == (
        "error: SITEURL must be the site's full address, starting with https:// (got 'briefs.example.org'); "
        "run: make publish SITEURL=https://briefs.example.org"
    )
    assert "which is not in the site" not in out + err
    assert not output.exists()


@pytest.mark.parametrize(
    ("siteurl", "problem"),
    [
        ("https://briefs.example.org", None),
        ("http://127.0.0.1:8000", None),
        ("https://owner.github.io/site", None),
        ("briefs.example.org", "run: make publish SITEURL=https://briefs.example.org"),
        ("//briefs.example.org", "run: make publish SITEURL=https://briefs.example.org"),
        ("ftp://briefs.example.org", "run: make publish SITEURL=https://briefs.example.org"),
        ("https://", "run: make publish SITEURL=https://briefs.example.org"),
        # Mistyped schemes: the suggestion keeps the address and drops the typo.
        ("https//briefs.example.org", "run: make publish SITEURL=https://briefs.example.org"),
        ("https:/briefs.example.org", "run: make publish SITEURL=https://briefs.example.org"),
        ("htps://briefs.example.org", "run: make publish SITEURL=https://briefs.example.org"),
        ("https:// briefs.example.org", "run: make publish SITEURL=https://briefs.example.org"),
        ("localhost:8000", "run: make publish SITEURL=https://localhost:8000"),
        ("www.example.org/rc", "run: make publish SITEURL=https://www.example.org/rc"),
        ("https:briefs.example.org", "run: make publish SITEURL=https://briefs.example.org"),
        ("https:://briefs.example.org", "run: make publish SITEURL=https://briefs.example.org"),
        (
            "briefs.example.org/our briefs",
            "run: make publish SITEURL=https://briefs.example.org/our%20briefs",
        ),
        ("www.example.org//rc", "run: make publish SITEURL=https://www.example.org//rc"),  # the host is kept
        ("example.org:/rc", "run: make publish SITEURL=https://example.org:/rc"),
        # A full address, but not of a folder: every link of the site would carry what follows the folder.
        ("https://briefs.example.org/index.html", "run: make publish SITEURL=https://briefs.example.org"),
        ("https://briefs.example.org/rc/home.php", "run: make publish SITEURL=https://briefs.example.org/rc"),
        (
            "https://briefs.example.org/rc?utm_source=x",
            "run: make publish SITEURL=https://briefs.example.org/rc",
        ),
        ("https://briefs.example.org#top", "run: make publish SITEURL=https://briefs.example.org"),
        (
            "https://user:secret@briefs.example.org/rc",
            "run: make publish SITEURL=https://briefs.example.org/rc",
        ),
        ("https://briefs.example.org/v1.2", None),  # a dot in a folder's name
        # Two addresses: every link started with both, and the verify step passed it.
        (
            "https://a.example.org,https://www.a.example.org",
            "run: make publish SITEURL=https://a.example.org",
        ),
    ],
)
def test_siteurl_must_be_a_full_web_address(siteurl, problem):
    found = publish.siteurl_problem(siteurl)
    if problem is None:
        assert found is None
    else:
        assert found.startswith("SITEURL ")
        assert f"(got {siteurl!r})" in found
        assert found.endswith(problem)


def test_make_html_after_make_publish_leaves_only_the_preview(live_site, tmp_path):
    """The live site's compressed copies, feeds and _headers must not be served beside preview pages.

    `live_site` is a copy of the session's publish of the real content (`published`, which asserts the publish
    succeeded), so this test runs only the two previews it is about.
    """
    content = copy_content(tmp_path / "content")
    mixed, fresh = live_site, tmp_path / "fresh" / "output"
    assert (mixed / "_headers").is_file()
    assert [p for p in mixed.rglob("*") if p.suffix in {".gz", ".br"}], (
        "the publish left no compressed copies"
    )
    assert (mixed / "feeds" / "all.atom.xml").is_file()

    preview = run_make("html", f"INPUTDIR={content}", f"OUTPUTDIR={mixed}")
    assert preview.returncode == 0, preview.stdout + preview.stderr
    assert f"note: {mixed} held the site make publish built; emptying it for the preview" in preview.stdout
    assert run_make("html", f"INPUTDIR={content}", f"OUTPUTDIR={fresh}").returncode == 0

    assert sorted(snapshot(mixed)) == sorted(snapshot(fresh))
    assert not [f for f in snapshot(mixed) if f.endswith((".gz", ".br"))]
    home = BeautifulSoup((mixed / "index.html").read_text(), "html.parser")
    assert not home.find("link", rel="stylesheet")["href"].startswith("https://")


def test_compressed_copies_of_unchanged_files_are_reused_and_damaged_ones_written_again(tmp_path):
    live, build = tmp_path / "output", tmp_path / "build"
    for folder, changed in ((live, "Old text."), (build, "New text.")):
        (folder / "briefs").mkdir(parents=True)
        (folder / "same.html").write_text("<p>The same page in both.</p>" * 40)
        (folder / "briefs" / "changed.html").write_text(f"<p>{changed}</p>" * 40)
        (folder / "damaged.css").write_text("body { color: black }\n" * 40)
        (folder / "image.png").write_bytes(b"\x89PNG not text")
    publish.precompress_site(live)
    (live / "damaged.css.br").write_bytes(b"not brotli")

    assert publish.reuse_compressed_copies(build, live) == 2

    for suffix in (".gz", ".br"):  # the unchanged page's copies are the live ones, linked
        assert (build / f"same.html{suffix}").stat().st_ino == (live / f"same.html{suffix}").stat().st_ino
        assert not (build / "briefs" / f"changed.html{suffix}").exists()
    # The stylesheet's sound copy is reused, its damaged one is not.
    assert (build / "damaged.css.gz").stat().st_ino == (live / "damaged.css.gz").stat().st_ino
    assert not (build / "damaged.css.br").exists()
    publish.precompress_site(build)  # writes what was not reused
    for name in ("same.html", "briefs/changed.html", "damaged.css"):
        text = (build / name).read_bytes()
        assert gzip.decompress((build / f"{name}.gz").read_bytes()) == text
        assert brotli.decompress((build / f"{name}.br").read_bytes()) == text
    assert not (build / "image.png.gz").exists()


# --- The folder a publish replaces, and the address it builds for ----------------------------------------


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """A project folder (the current folder, as under make) with its content, and folders beside it."""
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    (tmp_path / "www" / "another-site").mkdir(parents=True)
    (tmp_path / "www" / "index.html").write_text("another site's home page", encoding="utf-8")
    (tmp_path / "earlier" / "theme").mkdir(parents=True)
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(project)
    return tmp_path


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        ("project/output", None),  # the project's own, whatever it holds (a preview a failed build left)
        ("new/site", None),
        ("empty", None),
        ("earlier", None),  # a site an earlier publish made
        ("project", "is the project's folder"),
        (".", "is the project's folder or holds it"),
        ("project/content", "is the content folder"),
        ("project/content/site", "is inside the content folder"),
        ("www", "holds files this project did not build (another-site, index.html)"),
        ("project/..", "is the project's folder or holds it"),
    ],
)
def test_a_publish_replaces_only_a_folder_of_its_own(folders, output, problem):
    """`OUTPUTDIR=.` replaced the whole project, .git included, and said it was "ready to go live"."""
    found = replaced_output_problem(folders / output, folders / "project" / "content", folders / "project")
    assert (found is None) if problem is None else found.endswith(problem), found


def test_a_folder_holding_other_files_is_refused_before_anything_is_built(tmp_path, monkeypatch, capsys):
    www = tmp_path / "srv" / "www"
    (www / "another-site").mkdir(parents=True)
    (www / "index.html").write_text("another site's home page", encoding="utf-8")
    before = snapshot(www)

    code, out, err = publish_here(monkeypatch, capsys, CONTENT, www)

    assert code == 1
    assert err.splitlines() == [
        f"error: {www} holds files this project did not build (another-site, index.html), and make publish "
        "replaces the whole folder it is given: give OUTPUTDIR a folder of its own (new, empty, or the site's "
        "folder from an earlier publish), such as OUTPUTDIR=/srv/reality-check/site"
    ]
    assert out == ""
    assert snapshot(www) == before


def test_an_address_given_in_pelicanopts_is_the_one_checked(monkeypatch):
    """`PELICANOPTS="-e SITEURL=…"` was built with, but the checks read SITEURL from the environment only: the
    placeholder address went out under "ready to go live at https://briefs.example.org"."""
    monkeypatch.setenv("SITEURL", SITEURL)
    placeholder = ["-e", 'SITEURL="https://reality-check.example.org"']
    with pytest.raises(publish.AddressError, match=r"^SITEURL is not set: make rsync_upload would ship"):
        publish.checked_address(ROOT / "publishconf.py", "rsync_upload", placeholder)
    with pytest.raises(publish.AddressError, match="it cannot hold a page's file name"):
        publish.checked_address(
            ROOT / "publishconf.py", "", ["-e", 'SITEURL="https://x.example.org/index.html"']
        )
    assert publish.checked_address(ROOT / "publishconf.py").siteurl == SITEURL


@pytest.mark.parametrize(("variable", "host"), [("NETLIFY", "Netlify"), ("CF_PAGES", "Cloudflare Pages")])
def test_a_build_on_a_host_that_serves_it_needs_the_address(monkeypatch, variable, host):
    """On Netlify or Cloudflare Pages, what `make publish` builds goes live: the placeholder address is refused
    there, as the deploy targets refuse it (a rehearsal elsewhere is still allowed)."""
    monkeypatch.setenv("SITEURL", "")
    assert publish.checked_address(ROOT / "publishconf.py").is_placeholder
    monkeypatch.setenv(variable, "1")
    with pytest.raises(publish.AddressError) as refused:
        publish.checked_address(ROOT / "publishconf.py")
    assert str(refused.value) == (
        f"SITEURL is not set, and this build runs on {host}, which serves what it builds: the site would go live "
        "built for the placeholder address https://reality-check.example.org; set SITEURL to the site's address in "
        f"{host}'s build settings (docs/publishing.md)"
    )


def test_a_site_built_under_a_private_umask_is_readable_by_the_web_server(tmp_path):
    """Under `umask 077` the published pages were 600 and their folders 700: nginx, serving the folder as
    www-data, answered 403."""
    previous = os.umask(0o077)
    try:
        site = tmp_path / "site"
        (site / "briefs" / "x").mkdir(parents=True)
        (site / "briefs" / "x" / "index.html").write_text("page", encoding="utf-8")
        (site / "index.html").write_text("home", encoding="utf-8")
    finally:
        os.umask(previous)
    publish.readable_by_all(site)
    modes = {p.relative_to(site).as_posix(): oct(p.stat().st_mode & 0o777) for p in [site, *site.rglob("*")]}
    assert modes == {
        ".": "0o755",
        "briefs": "0o755",
        "briefs/x": "0o755",
        "briefs/x/index.html": "0o644",
        "index.html": "0o644",
    }


@pytest.mark.parametrize(
    ("siteurl", "note"),
    [
        (
            "http://briefs.example.org",
            "SITEURL starts with http://, so every link, the feeds and the share addresses do, and browsers mark the "
            "site 'Not secure': if the host serves https (every static host does), publish with "
            "SITEURL=https://briefs.example.org",
        ),
        (
            "HTTPS://Briefs.Example.org/rc",
            "SITEURL is written with capitals, which every link keeps: SITEURL=https://briefs.example.org/rc is the "
            "usual form",
        ),
        ("https://briefs.example.org/rc", None),
        ("http://127.0.0.1:8080", None),  # a local server, as the tests' nginx
    ],
)
def test_a_siteurl_that_works_but_is_unusual_is_noted(siteurl, note):
    """http:// and 'HTTPS://Example.org' were published without a word, and every link carried them."""
    assert publish.siteurl_note(siteurl) == note
