"""Publish the live site without ever leaving a half-built one in place.

``python -m reality_check.deploy.publish`` (what ``make publish`` runs) does, in order:

1. checks every brief with the editors' checker, then
2. builds the site with ``publishconf.py`` and ``--fatal warnings`` into a fresh folder beside ``output/``, in one
   process (``editor/build.py``, as ``make html`` builds);
3. copies the hosts' header file (``deploy/_headers``) in and writes ``.gz`` and ``.br`` copies of text files;
4. verifies the result (every page's stylesheet, script and icon exist, every compressed copy matches);
5. only then swaps the new folder into place as ``output/`` with renames, and removes the old one.

Any failure, or a ``kill -9`` at any moment, leaves the previous ``output/`` exactly as it was. Two runs from
the same commit give byte-identical folders: every date in the site is a brief's own (pages, feeds, sitemap, PDFs),
hashing, the locale and the time zone are fixed (``REPRODUCIBLE_ENV``), and the compressed copies carry no
timestamp.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import fcntl
import gzip
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import SplitResult, urlsplit

import brotli
from bs4 import BeautifulSoup
from pelican.plugins import precompress

from reality_check.editor.build import PelicanOptionsError, one_extra_settings, pelican_settings
from reality_check.plugins.brief_registry.arguments import (
    DEFAULT_CONTENT,
    DEFAULT_OUTPUT,
    PUBLISH_SETTINGS,
    content_folder,
    replaced_output_problem,
)
from reality_check.plugins.plugin_support.files import link_or_copy, write_atomically

logger = logging.getLogger(__name__)

DEPLOY_DIR = Path(__file__).resolve().parent
HEADERS_FILE = DEPLOY_DIR / "_headers"

# Text files that get .gz and .br copies: pelican-precompress's list, plus the SVG favicon.
COMPRESSED_EXTENSIONS = frozenset(precompress.DEFAULT_TEXT_EXTENSIONS | {".svg"})
COMPRESSED_SUFFIXES = {".gz": gzip.decompress, ".br": brotli.decompress}
# Below this size a compressed copy can come out larger than the file, and pelican-precompress skips it.
ALWAYS_COMPRESSED_FROM = 512

# Static hosts that build the site themselves and serve the result (their build sets the variable): a build there
# for the placeholder address would go live.
HOSTED_BUILDS = {"NETLIFY": "Netlify", "CF_PAGES": "Cloudflare Pages", "VERCEL": "Vercel", "RENDER": "Render"}

# Environment of the Pelican run: what makes two builds of one commit identical.
REPRODUCIBLE_ENV = {"PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8", "TZ": "UTC"}


class PublishError(Exception):
    """A step of the publish failed; the previous output was left as it was."""


class AddressError(PublishError):
    """SITEURL is not an address the site can be published at; nothing was built."""


class OutputError(PublishError):
    """The output folder is not one a publish may replace; nothing was built."""


@dataclass(frozen=True)
class Workspace:
    """Where one publish works: the live folder and the temporary folders beside it."""

    output: Path

    @property
    def parent(self) -> Path:
        return self.output.parent

    @property
    def prefix(self) -> str:
        """Temporary folders beside the output share this prefix (git-ignored as ``/.publish-*``)."""
        return f".publish-{self.output.name}-"

    @property
    def lock(self) -> Path:
        return self.parent / f"{self.prefix}lock"

    @property
    def compressors_record(self) -> Path:
        """What compressed the live site's .gz and .br copies (`compressors()`), kept beside it by each publish."""
        return self.parent / f"{self.prefix}compressors.json"

    def leftovers(self, kind: str) -> list[Path]:
        return sorted(p for p in self.parent.glob(f"{self.prefix}{kind}-*") if p.is_dir())


# ---------------------------------------------------------------------------------------------------------
# The address the site is built for


@dataclass(frozen=True)
class SiteAddress:
    """SITEURL as the settings compute it, and the placeholder it falls back to when SITEURL is not set."""

    siteurl: str
    placeholder: str = ""

    @property
    def is_placeholder(self) -> bool:
        return bool(self.placeholder) and self.siteurl.rstrip("/") == self.placeholder.rstrip("/")


def site_address(settings: Path, pelican_args: Sequence[str] = ()) -> SiteAddress:
    """The address `settings` builds for (publishconf.py reads SITEURL from the environment), with Pelican's
    options `pelican_args` as the build reads them (``-e SITEURL=…`` in PELICANOPTS included)."""
    try:
        values = pelican_settings(["-s", str(settings), *one_extra_settings(list(pelican_args))])
    except PelicanOptionsError as error:
        raise AddressError(str(error)) from None
    return SiteAddress(values["SITEURL"], values.get("PLACEHOLDER_SITEURL", ""))


# The last part of an address that names a page rather than a folder ("index.html", "home.php").
_PAGE_FILE = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.I)
# What was typed for the scheme, however mistyped ("htps://", "https//", "https:/", "https:", "https;//", "ftp://"):
# never a host name with its port or path after it ("localhost:8000", "www.example.org/rc").
_SCHEME_TYPED = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+-]*(?::+(?!\d)/*|;/+|/{2,3})")


def siteurl_problem(siteurl: str, command: str = "make publish") -> str | None:
    """Why `siteurl` cannot be a published site's address (None: it can), and the command that fixes it."""
    parts = urlsplit(siteurl)
    if parts.scheme in ("http", "https") and parts.netloc and " " not in siteurl:
        return _folder_problem(parts, siteurl, command)
    host, slash, path = _SCHEME_TYPED.sub("", siteurl).strip().lstrip("/").partition("/")
    rest = "".join(host.split()) + slash + path.replace(" ", "%20") if host.strip() else "briefs.example.org"
    return (
        f"SITEURL must be the site's full address, starting with https:// (got {siteurl!r}); "
        f"run: {command} SITEURL=https://{rest}"
    )


def _folder_problem(parts: SplitResult, siteurl: str, command: str) -> str | None:
    """Why a web address is not one a site's folder can be published at (None: it is): every page writes it in
    front of its links, so a user name and password, a ?query, a #fragment or a page's file name would be in
    every link of the site."""
    host = parts.netloc.rpartition("@")[2]
    folder, _, last = parts.path.rpartition("/")
    page = last if _PAGE_FILE.search(last) else ""
    fixed = f"{parts.scheme}://{host}{folder if page else parts.path}"
    if "," in siteurl:  # 'https://a.org,https://www.a.org': every link started with both
        fixed = siteurl.split(",")[0].strip()
    wrong = [
        *([f"a second address ('{siteurl.partition(',')[2].strip()}')"] if "," in siteurl else []),
        *(["a user name or password"] if "@" in parts.netloc else []),
        *([f"a query ('?{parts.query}')"] if parts.query or siteurl.endswith("?") else []),
        *([f"a fragment ('#{parts.fragment}')"] if parts.fragment or siteurl.endswith("#") else []),
        *([f"a page's file name ('{page}')"] if page else []),
    ]
    if not wrong:
        return None
    return (
        f"SITEURL is the address of the site's folder, which every link of the site starts with: it cannot hold "
        f"{' or '.join(wrong)} (got {siteurl!r}); run: {command} SITEURL={fixed}"
    )


def placeholder_refusal(address: SiteAddress, target: str) -> str:
    """Why a deploy target refuses to ship a build for the placeholder address."""
    return (
        f"SITEURL is not set: make {target} would ship a site built for the placeholder address "
        f"{address.placeholder} (every link, feed and the sitemap would point there); say where the site is "
        f"served: make {target} SITEURL=https://your-site.example"
    )


# ---------------------------------------------------------------------------------------------------------
# The folder the site replaces


def refused_output(problem: str) -> str:
    return (
        f"{problem}, and make publish replaces the whole folder it is given: give OUTPUTDIR a folder of its own "
        "(new, empty, or the site's folder from an earlier publish), such as OUTPUTDIR=/srv/reality-check/site"
    )


# ---------------------------------------------------------------------------------------------------------
# Post-processing


def add_host_files(site: Path) -> None:
    """Copy the files static hosts read from the published folder (``_headers``)."""
    shutil.copyfile(HEADERS_FILE, site / "_headers")


def precompress_site(site: Path) -> None:
    """Write .gz and .br copies of text files with pelican-precompress (gzip level 9 without a timestamp,
    brotli quality 11), after Pelican and its plugins (search index included) have written everything."""
    settings = {
        "OUTPUT_PATH": str(site),
        "PRECOMPRESS_GZIP": True,
        "PRECOMPRESS_BROTLI": True,
        "PRECOMPRESS_ZOPFLI": False,
        "PRECOMPRESS_ZSTANDARD": False,
        "PRECOMPRESS_OVERWRITE": False,
        "PRECOMPRESS_TEXT_EXTENSIONS": set(COMPRESSED_EXTENSIONS),
    }
    # pelican-precompress logs every file it leaves alone ("gzip compression caused … to become larger.
    # Skipping.") at INFO: normal behaviour, not news. Its warnings and errors still show.
    logging.getLogger(precompress.__name__).setLevel(logging.WARNING)
    # pelican-precompress (pinned in requirements.txt) has no API but its `finalized` handler, which reads only
    # `.settings` of what it is given; called here, after the whole build, its copies cover every file written.
    precompress.compress_files(SimpleNamespace(settings=settings))


def compressors() -> str:
    """What makes a compressed copy's bytes: the compressors' versions (zlib is the system's) and the files that
    get copies. A live site's copies are reused only when this is what made them."""
    return json.dumps(
        {
            "brotli": brotli.__version__,
            "zlib": zlib.ZLIB_RUNTIME_VERSION,
            "pelican-precompress": version("pelican-precompress"),
            "extensions": sorted(COMPRESSED_EXTENSIONS),
        },
        sort_keys=True,
    )


def reuse_compressed_copies(build: Path, live: Path) -> int:
    """Link into `build` the compressed copies the live site has of text files that are byte for byte the same
    in both; the number of files whose copies were reused.

    Brotli at its highest quality took most of a publish's time (16 s of processor time on each core for the
    2,300 text files of 300 briefs), and after an edit most files are what they were. The copies are what
    compressing the same bytes again would write (both compressors are deterministic, pinned by the commit);
    pelican-precompress leaves a copy that exists alone, and `verify_site` decompresses every copy and compares
    it with its file. The caller reuses them only when `compressors()` made them."""
    reused = 0
    for path in build.rglob("*"):
        if path.suffix not in COMPRESSED_EXTENSIONS or not path.is_file():
            continue
        old = live / path.relative_to(build)
        copies = _copies_of(path.read_bytes(), old)
        for copy in copies:
            # The live folder goes after the swap; the file stays.
            link_or_copy(copy, path.with_name(copy.name))
        reused += bool(copies)
    return reused


def _copies_of(data: bytes, old: Path) -> list[Path]:
    """The compressed copies of the live file `old` that can serve for `data`: none unless `old` holds `data`, and
    only those that decompress to it (a damaged copy is written again, not carried into every later publish; a
    copy pelican-precompress left out, larger than its file, is left out again)."""
    try:
        if old.read_bytes() != data:
            return []
    except OSError:
        return []
    copies = [old.with_name(old.name + suffix) for suffix in COMPRESSED_SUFFIXES]
    return [copy for copy in copies if copy.is_file() and decompresses_to(copy, data)]


def decompresses_to(copy: Path, data: bytes) -> bool:
    """Whether the compressed copy `copy` (.gz or .br) holds exactly `data`; a damaged one does not."""
    try:
        return COMPRESSED_SUFFIXES[copy.suffix](copy.read_bytes()) == data
    except (OSError, ValueError, EOFError, zlib.error, brotli.error):
        return False


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def local_references(page: Path, site: Path, siteurl: str) -> Iterator[tuple[str, Path]]:
    """The stylesheets, scripts and icons a page loads from this site, with the file each one needs."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    base = urlsplit(siteurl)
    for tag in soup.find_all(["link", "script"]):
        url = tag.get("src") if tag.name == "script" else tag.get("href")
        if not url or (tag.name == "link" and not {"stylesheet", "icon"} & set(tag.get("rel") or [])):
            continue
        parts = urlsplit(url)
        if parts.scheme and (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            continue  # another site: not ours to check (and the CSP would refuse it anyway)
        path = parts.path
        if not parts.scheme and not path.startswith("/"):
            target = (page.parent / path).resolve()
        else:
            prefix = base.path.rstrip("/") if parts.scheme else ""
            target = site / path[len(prefix) :].lstrip("/")
        yield url, target


def verify_site(site: Path, siteurl: str) -> list[str]:
    """Everything wrong with a built folder, one message per problem (empty: fit to publish)."""
    problems: list[str] = []
    if not (site / "index.html").is_file():
        problems.append("index.html: missing (the home page was not written)")
    if not (site / "_headers").is_file():
        problems.append("_headers: missing (hosts would serve the site without its security headers)")
    for page in sorted(site.rglob("*.html")):
        for url, target in local_references(page, site, siteurl):
            if not target.is_file():
                problems.append(f"{page.relative_to(site)}: loads {url}, which is not in the site")
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix in COMPRESSED_SUFFIXES:
            original = path.with_suffix("")
            if not original.is_file() or not decompresses_to(path, original.read_bytes()):
                problems.append(f"{path.relative_to(site)}: does not match {original.name}")
        elif path.suffix in COMPRESSED_EXTENSIONS and path.stat().st_size >= ALWAYS_COMPRESSED_FROM:
            for suffix in COMPRESSED_SUFFIXES:
                if not path.with_name(path.name + suffix).is_file():
                    problems.append(f"{path.relative_to(site)}: no {suffix} copy")
    if any(site.rglob(".webassets-cache")):
        problems.append(".webassets-cache: build cache left in the site")
    return problems


def unfit_to_publish(problems: list[str]) -> str:
    """What the deployer is told of a built folder `verify_site` found problems in (the folder is then removed, so
    each path is the page's address within the site, the one to open in the `make html` preview)."""
    listed = "".join(f"\n  {problem}" for problem in problems)
    return (
        f"the built site has {len(problems)} problem(s), so it was not put in place:{listed}\n"
        "A page that loads a file the site lacks comes from a template or a plugin: `make html` builds the same "
        "pages into output/, where the page named above shows which link it is"
    )


# ---------------------------------------------------------------------------------------------------------
# Swapping folders


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(a))


def readable_by_all(site: Path) -> None:
    """Let everyone read `site` (folders 755, files 644, as rsync_upload sends them): a build under a private umask
    (077) left every page unreadable to a web server serving the folder as another user."""
    os.chmod(site, 0o755)
    for top, folders, files in os.walk(site):
        for name in folders:
            os.chmod(os.path.join(top, name), 0o755)
        for name in files:
            path = os.path.join(top, name)
            if not os.path.islink(path):
                os.chmod(path, 0o644)


def swap_into_place(new: Path, workspace: Workspace) -> None:
    """Make `new` the live output. The old output stays whole until the new one is in place."""
    output = workspace.output
    if not output.exists():
        new.rename(output)
        return
    if _exchange(new, output):
        shutil.rmtree(new)  # `new` now holds the previous site
        return
    previous = Path(tempfile.mkdtemp(prefix=f"{workspace.prefix}previous-", dir=workspace.parent))
    previous.rmdir()
    output.rename(previous)  # a kill between these two renames is undone by restore_interrupted_swap
    new.rename(output)
    shutil.rmtree(previous)


def restore_interrupted_swap(workspace: Workspace) -> None:
    """If an earlier publish died between its two renames, put its previous output back."""
    previous = workspace.leftovers("previous")
    if not workspace.output.exists() and previous:
        newest = max(previous, key=lambda p: p.stat().st_mtime)
        logger.warning("restoring %s from an interrupted publish", workspace.output)
        newest.rename(workspace.output)


def remove_leftovers(workspace: Workspace) -> None:
    """Remove temporary folders of earlier publishes that were interrupted."""
    for leftover in workspace.leftovers("build") + workspace.leftovers("previous"):
        shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def exclusive(workspace: Workspace) -> Iterator[None]:
    """One publish at a time per output folder (the lock goes away with the process, even on kill -9)."""
    with workspace.lock.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError(
                f"another publish into {workspace.output} is running: wait for it to finish (or stop it), then run "
                "make publish again"
            ) from None
        yield


# ---------------------------------------------------------------------------------------------------------
# The pipeline


def run_step(what: str, command: Sequence[str], env: dict[str, str]) -> None:
    print(f"publish: {what}", flush=True)
    with subprocess.Popen(command, env=env) as process:
        try:
            status = process.wait()
        except (
            KeyboardInterrupt
        ):  # Ctrl-C reached the step too: it stops its workers, then ends; wait for that
            process.wait()
            raise
    if status != 0:
        raise PublishError(f"{what} failed (see the messages above)")


def build_command(
    content: Path, build: Path, settings: Path, check: bool, pelican_args: Sequence[str]
) -> list[str]:
    """``make html``'s build (editor/build.py) into the fresh folder `build`: the editors' checks, then Pelican
    with every warning fatal, in one process, so the build uses every body and card the checks worked out."""
    return [
        sys.executable, "-m", "reality_check.editor.build", "--fresh",
        "--content", str(content), "--output", str(build), "--settings", str(settings),
        *([] if check else ["--no-check"]),
        "--", "--fatal", "warnings", *pelican_args,
    ]  # fmt: skip


def checked_address(settings: Path, deploy_target: str = "", pelican_args: Sequence[str] = ()) -> SiteAddress:
    """The address `settings` (with Pelican's options `pelican_args`) builds the site for; AddressError if it is
    malformed, or if it is the placeholder and `deploy_target` (rsync_upload, github) would ship the build."""
    address = site_address(settings, pelican_args)
    problem = siteurl_problem(address.siteurl, f"make {deploy_target or 'publish'}")
    if problem:
        raise AddressError(problem)
    if deploy_target and address.is_placeholder:
        raise AddressError(placeholder_refusal(address, deploy_target))
    host = next((name for variable, name in HOSTED_BUILDS.items() if os.environ.get(variable)), None)
    if host and address.is_placeholder:
        raise AddressError(
            f"SITEURL is not set, and this build runs on {host}, which serves what it builds: the site would go "
            f"live built for the placeholder address {address.placeholder}; set SITEURL to the site's address in "
            f"{host}'s build settings (docs/publishing.md)"
        )
    note = siteurl_note(address.siteurl)
    if note and not address.is_placeholder:
        print(f"publish: note: {note}", file=sys.stderr, flush=True)
    return address


def siteurl_note(siteurl: str) -> str | None:
    """What is worth saying of a SITEURL that works: one of plain http (every link, feed and share address would
    tell browsers the site is not secure), or with capitals in its scheme or host (kept in every link)."""
    parts = urlsplit(siteurl)
    if parts.scheme.lower() == "http" and parts.hostname not in ("localhost", "127.0.0.1"):
        return (
            f"SITEURL starts with http://, so every link, the feeds and the share addresses do, and browsers mark "
            f"the site 'Not secure': if the host serves https (every static host does), publish with "
            f"SITEURL=https://{siteurl.split('://', 1)[1]}"
        )
    written = siteurl.split("://", 1)
    if len(written) == 2 and (written[0] != written[0].lower() or parts.netloc != parts.netloc.lower()):
        host = written[1].split("/", 1)
        fixed = f"{written[0].lower()}://{host[0].lower()}" + (f"/{host[1]}" if len(host) > 1 else "")
        return f"SITEURL is written with capitals, which every link keeps: SITEURL={fixed} is the usual form"
    return None


def ready_for_hosting(build: Path, workspace: Workspace, siteurl: str) -> str:
    """Add the hosts' files and the compressed copies to `build` (reusing the live site's copies of unchanged
    files when the same compressors made them), then verify it; return what made the copies (`compressors()`).
    PublishError if the site is unfit to publish."""
    print("publish: adding _headers and compressed copies", flush=True)
    add_host_files(build)
    made_by = compressors()
    if _read(workspace.compressors_record) == made_by:
        reuse_compressed_copies(build, workspace.output)
    precompress_site(build)
    problems = verify_site(build, siteurl)
    if problems:
        raise PublishError(unfit_to_publish(problems))
    return made_by


def published_message(output: Path, address: SiteAddress) -> str:
    if address.is_placeholder:
        return (
            f"publish: {output} is a rehearsal, built for the placeholder address {address.siteurl}: not fit to "
            f"go live (links, feeds and the sitemap point there). To publish, give the site's address: "
            f"make publish SITEURL=https://your-site.example"
        )
    return f"publish: {output} is ready to go live at {address.siteurl}"


def publish(
    content: Path,
    output: Path,
    settings: Path,
    *,
    check: bool = True,
    pelican_args: Sequence[str] = (),
    deploy_target: str = "",
) -> SiteAddress:
    """Build, check and swap in a new site; raise PublishError (old output untouched) on any problem.

    `deploy_target` names the make target that will ship the result (rsync_upload, github): a build for the
    placeholder address is then refused before anything is built.
    """
    address = checked_address(settings, deploy_target, pelican_args)
    problem = replaced_output_problem(output, content, Path.cwd())
    if problem:
        raise OutputError(refused_output(problem))
    workspace = Workspace(output.resolve())
    workspace.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **REPRODUCIBLE_ENV}

    with exclusive(workspace):
        restore_interrupted_swap(workspace)
        remove_leftovers(workspace)
        build = Path(tempfile.mkdtemp(prefix=f"{workspace.prefix}build-", dir=workspace.parent))
        try:
            run_step(
                f"{'checking the briefs, then ' if check else ''}building {content} with {settings.name} "
                "(warnings are fatal)",
                build_command(content, build, settings, check, pelican_args),
                env,
            )
            made_by = ready_for_hosting(build, workspace, address.siteurl)
            # mkdtemp (and a private umask) make it private; the web server must read it.
            readable_by_all(build)
            swap_into_place(build, workspace)
            with contextlib.suppress(OSError):  # without the record, the next publish compresses everything
                write_atomically(workspace.compressors_record, made_by.encode("utf-8"))
        finally:
            shutil.rmtree(build, ignore_errors=True)
    print(published_message(output, address), flush=True)
    return address


def os_problem(error: OSError, output: Path) -> str:
    """What an OSError during a publish means for whoever deploys, and what to do."""
    where = error.filename or output.parent
    if error.errno == errno.ENOSPC:
        return f"no space left on the disk holding {where}: free some, then run make publish again"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"cannot write {where} ({error.strerror}): make publish builds beside {output} and swaps the new site "
            f"in, so it needs to write in {output.resolve().parent}"
        )
    return f"{error.strerror or error} ({where})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reality_check.deploy.publish",
        description="Build the live site into a fresh folder, verify it, then swap it in as the output folder.",
    )
    parser.add_argument(
        "--content", type=content_folder, default=DEFAULT_CONTENT, help=f"default: {DEFAULT_CONTENT}"
    )
    parser.add_argument(
        "--output", type=Path, default=Path(DEFAULT_OUTPUT), help=f"default: {DEFAULT_OUTPUT}"
    )
    parser.add_argument(
        "--settings", type=Path, default=Path(PUBLISH_SETTINGS), help=f"default: {PUBLISH_SETTINGS}"
    )
    parser.add_argument("--skip-check", action="store_true", help="do not run the editors' checker first")
    parser.add_argument(
        "--deploy-target",
        default="",
        help="the make target that ships the result (rsync_upload, github): refuse the placeholder address",
    )
    parser.add_argument("pelican_args", nargs="*", help="extra Pelican options, after --")
    args = parser.parse_args(argv)
    logging.basicConfig(format="publish: %(message)s", level=logging.INFO)
    try:
        publish(
            args.content,
            args.output,
            args.settings,
            check=not args.skip_check,
            pelican_args=args.pelican_args,
            deploy_target=args.deploy_target,
        )
    except (AddressError, OutputError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except PublishError as error:
        print(f"publish: {error}; {args.output} was left as it was.", file=sys.stderr)
        return 1
    except OSError as error:  # the folder beside the output not writable, the disk full
        print(
            f"publish: {os_problem(error, args.output)}; {args.output} was left as it was.", file=sys.stderr
        )
        return 1
    except KeyboardInterrupt:
        print(f"publish: stopped (Ctrl-C); {args.output} was left as it was.", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
