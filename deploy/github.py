"""``make github``: commit the published site to the gh-pages branch and push it, to a remote chosen on purpose.

``python -m reality_check.deploy.github`` (run by ``make github`` after ``make publish``):

1. picks the remote: the one named by ``GITHUB_REMOTE``, else the only remote whose address is on GitHub. It
   never falls back to ``origin`` as such: in a clone, ``origin`` is wherever the clone came from;
2. copies from the published folder only what GitHub Pages serves: not the ``.gz``/``.br`` copies nor
   ``_headers`` (Pages compresses by itself and ignores the file), plus ``.nojekyll`` and, for a custom domain,
   ``CNAME`` (without it, each push would remove the domain set in the repository's settings);
3. commits that with ghp-import onto the local branch (``gh-pages``), first brought up to date with the
   remote's, and pushes it. The message names the commit the site was built from, and says so when the
   content had changes not committed to git, which is also printed as a warning.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import ghp_import

from reality_check.editor.build import PROJECT_SOURCES
from reality_check.plugins.brief_registry.arguments import DEFAULT_OUTPUT, PUBLISH_SETTINGS

from .publish import COMPRESSED_SUFFIXES, site_address

# What GitHub Pages would publish but never uses: compressed copies, and the headers file of Netlify/Cloudflare.
NOT_FOR_PAGES_SUFFIXES = tuple(COMPRESSED_SUFFIXES)
NOT_FOR_PAGES_NAMES = ("_headers",)
GITHUB_HOSTS = ("github.com", "ssh.github.com")
# How many changed files the commit message and the warning list by name.
LISTED_CHANGES = 5


class GithubError(Exception):
    """`make github` stopped before pushing; the message says what to do."""


@dataclass(frozen=True)
class Remote:
    """A git remote and the address it pushes to."""

    name: str
    url: str


def git(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run git in the current folder (GIT_DIR and GIT_WORK_TREE from the environment are honoured)."""
    return subprocess.run(["git", *args], capture_output=True, text=True, check=check)


def list_remotes() -> tuple[Remote, ...]:
    result = git("remote", "-v", check=False)
    if result.returncode != 0:
        raise GithubError(
            f"this is not a git repository ({result.stderr.strip()}); make github needs a clone"
        )
    remotes = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[2] == "(push)":
            remotes[parts[0]] = parts[1]
    return tuple(Remote(name, url) for name, url in remotes.items())


def is_on_github(url: str) -> bool:
    """True for https://github.com/…, ssh://git@github.com/… and the scp-like git@github.com:owner/repo.git."""
    if "://" in url:
        host = urlsplit(url).hostname or ""
    elif ":" in url and not url.startswith(("/", ".")):
        host = url.split(":", 1)[0].rsplit("@", 1)[-1]
    else:
        return False
    return host.lower() in GITHUB_HOSTS


def choose_remote(remotes: Sequence[Remote], requested: str) -> Remote:
    """The remote to push to: `requested` if given, else the only one on GitHub; GithubError otherwise."""
    listed = ", ".join(f"{r.name} ({r.url})" for r in remotes) or "none"
    if requested:
        for remote in remotes:
            if remote.name == requested:
                return remote
        raise GithubError(
            f"GITHUB_REMOTE={requested} names no remote of this repository (its remotes: {listed}); "
            f"add it: git remote add {requested} git@github.com:OWNER/REPOSITORY.git"
        )
    on_github = [r for r in remotes if is_on_github(r.url)]
    if len(on_github) == 1:
        return on_github[0]
    if not on_github:
        raise GithubError(
            f"no remote of this repository is on GitHub (its remotes: {listed}); add the GitHub repository the "
            "site is served from: git remote add github git@github.com:OWNER/REPOSITORY.git, then run "
            "make github GITHUB_REMOTE=github (or GITHUB_REMOTE=<name> for a remote on a GitHub Enterprise host)"
        )
    several = ", ".join(f"{r.name} ({r.url})" for r in on_github)
    raise GithubError(
        f"several remotes are on GitHub: {several}; say which one to push the site to: make github "
        f"GITHUB_REMOTE={on_github[0].name} (make github never pushes to a remote it was not told about)"
    )


def built_from(content_and_settings: Iterable[str]) -> tuple[str, ...]:
    """Every file and folder a published site is made from: the content folder and settings files named (a make
    variable may name others), and the project's own sources as the build's up-to-date check lists them (theme,
    plugins, settings, pinned packages), relative to the project folder ``make`` runs in."""
    return tuple(dict.fromkeys((*content_and_settings, *PROJECT_SOURCES)))


def uncommitted_changes(paths: Iterable[str]) -> tuple[str, ...]:
    """Files under `paths` (those inside this repository) that differ from the last commit, untracked included."""
    top = git("rev-parse", "--show-toplevel", check=False).stdout.strip()
    if not top:
        return ()
    inside = [str(Path(p).resolve()) for p in paths if Path(p).resolve().is_relative_to(Path(top).resolve())]
    if not inside:
        return ()
    result = git("status", "--porcelain", "--untracked-files=all", "-z", "--", *inside, check=False)
    entries = [entry for entry in result.stdout.split("\0") if entry]
    return tuple(entry[3:] for entry in entries if len(entry) > 3 and entry[2] == " ")


def source_commit() -> str:
    result = git("rev-parse", "--short", "HEAD", check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


def commit_message(commit: str, changes: Sequence[str]) -> str:
    """The gh-pages commit's message: where the site came from, uncommitted changes included."""
    source = f"commit {commit}" if commit else "a working copy with no commit"
    message = f"Publish the site from {source}"
    if not changes:
        return message
    named = ", ".join(changes[:LISTED_CHANGES])
    more = f" and {len(changes) - LISTED_CHANGES} more" if len(changes) > LISTED_CHANGES else ""
    return f"{message}, plus {len(changes)} uncommitted change(s)\n\nNot committed to git: {named}{more}"


def custom_domain(siteurl: str) -> str:
    """The host GitHub Pages must be told about in CNAME: '' for a <owner>.github.io address, and for a site in a
    folder of its host (https://example.org/rc/, a project site under its owner's domain, which GitHub serves there
    without one: a CNAME of example.org would claim the whole domain for this site)."""
    parts = urlsplit(siteurl)
    host = parts.hostname or ""
    if not host or host.endswith(".github.io") or parts.path.strip("/"):
        return ""
    return host


def branch_problem(branch: str) -> str | None:
    """Why `branch` may not receive the built site (None: it may). make github makes the built site the whole of
    the branch, so it must not be the branch checked out here, nor any branch (local or a remote's) whose history
    holds this checkout's commit: that is the site's sources."""
    if git("rev-parse", "--verify", "--quiet", "HEAD", check=False).returncode != 0:
        return None  # no commit yet: nothing a push could overwrite
    checked_out = git("symbolic-ref", "--short", "--quiet", "HEAD", check=False).stdout.strip()
    refs = git(
        "for-each-ref",
        "--format=%(refname:short)",
        f"refs/heads/{branch}",
        f"refs/remotes/*/{branch}",
        check=False,
    ).stdout.split()
    holding = [
        ref for ref in refs if git("merge-base", "--is-ancestor", "HEAD", ref, check=False).returncode == 0
    ]
    if branch != checked_out and not holding:
        return None
    why = (
        "is the branch checked out here"
        if branch == checked_out
        else f"holds this checkout's commits ({holding[0]})"
    )
    return (
        f"GITHUB_BRANCH={branch} {why}, where the site's sources are, and make github replaces the whole branch with "
        "the built site: publish to a branch of its own, such as GITHUB_BRANCH=gh-pages (the default), and set "
        "GitHub Pages to deploy from it"
    )


def copy_for_pages(site: Path, destination: Path) -> list[str]:
    """Copy what GitHub Pages serves from `site` into `destination`; the relative paths copied, sorted."""
    copied = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        if path.is_dir() or path.suffix in NOT_FOR_PAGES_SUFFIXES or path.name in NOT_FOR_PAGES_NAMES:
            continue
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        copied.append(str(relative))
    return copied


def tree_of(revision: str) -> str | None:
    """The hash of the files `revision` holds, or None when there is no such commit."""
    found = git("rev-parse", "--verify", "--quiet", f"{revision}^{{tree}}", check=False)
    return found.stdout.strip() or None


def push_site(site: Path, remote: Remote, branch: str, message: str, cname: str) -> bool:
    """Commit `site` as the whole of `branch` (local branch included) and push it to `remote`; False when the
    remote's branch already holds exactly those files (each push redeploys GitHub Pages: nothing is committed or
    pushed then)."""
    pushed = f"refs/remotes/{remote.name}/{branch}"
    git("fetch", "--quiet", remote.name, f"+refs/heads/{branch}:{pushed}", check=False)
    with tempfile.TemporaryDirectory(prefix="gh-pages-") as stage:
        copy_for_pages(site, Path(stage))
        try:
            ghp_import.ghp_import(  # onto the remote's branch (ghp-import brings the local one up to date first)
                stage, nojekyll=True, remote=remote.name, branch=branch, mesg=message, cname=cname or None
            )
        except ghp_import.GhpError as error:
            raise GithubError(f"git could not publish: {error.message}") from None
    if tree_of(pushed) is not None and tree_of(pushed) == tree_of(f"refs/heads/{branch}"):
        git("update-ref", f"refs/heads/{branch}", pushed)  # the commit that would change nothing, dropped
        return False
    try:  # git's own messages reach the terminal, as ghp-import's push left them
        subprocess.run(["git", "push", remote.name, branch], check=True)
    except subprocess.CalledProcessError as error:
        raise GithubError(
            f"git push to {remote.name} failed (exit status {error.returncode}): see git's message above, check "
            f"that this machine can push to {remote.name}, then run make github again"
        ) from None
    return True


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reality_check.deploy.github", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(DEFAULT_OUTPUT),
        help=f"the published site (default: {DEFAULT_OUTPUT})",
    )
    parser.add_argument("--remote", default="", help="the git remote (default: the only one on GitHub)")
    parser.add_argument("--branch", default="gh-pages", help="default: gh-pages")
    parser.add_argument(
        "--settings",
        type=Path,
        default=Path(PUBLISH_SETTINGS),
        help="the settings it was published with (CNAME)",
    )
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        help="the content folder or a settings file the site is built from (repeatable; the theme, plugins and "
        "pinned packages are always looked at)",
    )
    parser.add_argument(
        "--only-check-remote",
        action="store_true",
        help="stop after choosing the remote and checking the branch (before publishing)",
    )
    return parser


def uncommitted_warning(changes: Sequence[str]) -> str:
    listed = ", ".join(changes[:LISTED_CHANGES]) + (" …" if len(changes) > LISTED_CHANGES else "")
    return (
        f"warning: the site includes {len(changes)} change(s) not committed to git ({listed}); the gh-pages "
        "commit says so. Commit them so every published version can be traced to a commit."
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        remote = choose_remote(list_remotes(), args.remote)
        refused = branch_problem(args.branch)
        if refused:
            raise GithubError(refused)
        if args.only_check_remote:
            return 0
        if not (args.output / "index.html").is_file():
            raise GithubError(f"{args.output} holds no published site; run make github (it publishes first)")
        changes = uncommitted_changes(built_from(args.source))
        if changes:
            print(uncommitted_warning(changes), file=sys.stderr)
        message = commit_message(source_commit(), changes)
        siteurl = site_address(args.settings).siteurl
        pushed = push_site(args.output, remote, args.branch, message, custom_domain(siteurl))
    except GithubError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if not pushed:
        print(
            f"github: {remote.name} ({remote.url}), branch {args.branch}, already serves this very site: nothing "
            "was committed or pushed"
        )
        return 0
    print(
        f"github: pushed the site to {remote.name} ({remote.url}), branch {args.branch}; "
        f"the local branch {args.branch} holds the same commit"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
