"""Shared fixtures: real Pelican builds of the site, parsed pages of the result, and Debian's Chromium with a
fresh, watched page for each test that looks at one (`browse`)."""

from __future__ import annotations

import datetime
import fcntl
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from local_servers import refusing_port
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings
from playwright.sync_api import Browser, BrowserContext, Page
from quality.gates import BrowserLog, watch

from reality_check.deploy.publish import add_host_files

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "seed" / "reality-check-4.txt"  # the original text of Reality Check #4, as received
BRIEF_4_URL = "briefs/focus-on-interests-not-on-human-rights-with-russia/"


CACHE_VARIABLE = "REALITY_CHECK_CACHE"  # pelicanconf.py's CACHE_PATH, when set
_CACHE_BEFORE = pytest.StashKey[str | None]()  # its value when the test run started
# Read from the environment by publishconf.py (and every DECAP_* name), or by the Makefile (its `?=` variables
# and the editors' arguments, which a test's `make` would otherwise take from the developer's shell).
SETTINGS_FROM_ENVIRONMENT = frozenset(
    {
        "SITEURL",
        *("PY", "HOST", "PORT", "PELICANOPTS", "PDF", "FORCE", "CMS_PORT", "TEST_WORKERS", "LIGHTHOUSE_PAGE"),
        *(
            "RSYNC_TARGET",
            "RSYNC_OPTS",
            "GITHUB_REMOTE",
            "GITHUB_BRANCH",
            "INPUTDIR",
            "OUTPUTDIR",
            "ANOTHER_PERSON",
        ),
        *(
            "TITLE",
            "AUTHORS",
            "TOPICS",
            "REGIONS",
            "DATE",
            "SRC",
            "NAME",
            "BIO",
            "AUTHOR_TITLE",
            "AFFILIATION",
        ),
        *("SINCE", "INTRO"),
    }
)
# Read by the console library Pelican logs through (rich): colour codes in captured output (a CI's FORCE_COLOR) or
# another line width, where the tests read Pelican's lines as plain text.
OUTPUT_FROM_ENVIRONMENT = frozenset(
    {"FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "CLICOLOR_FORCE", "COLUMNS", "LINES"}
)
# Every request a test makes goes to this machine: never through a proxy the environment names.
LOOPBACK_HOSTS = "127.0.0.1,localhost"
_ENV_BEFORE = pytest.StashKey[dict[str, str]]()


def pytest_configure(config: pytest.Config) -> None:
    """Give this test process a cache folder of its own before anything reads the settings (some modules do on
    import): every build a test runs, in this process or another (`make`, `python -m reality_check.editor`, `reality_check.deploy.publish`),
    keeps its caches there, never in the checkout's cache/, which another test process or the developer's own
    `make html` may be writing."""
    config.stash[_CACHE_BEFORE] = os.environ.get(CACHE_VARIABLE)
    os.environ[CACHE_VARIABLE] = tempfile.mkdtemp(prefix="reality-check-test-cache-")
    # What a deployer's or a platform's environment may hold that the settings files or the Makefile read
    # (publishconf.py's SITEURL and DECAP_*, make's PORT or PDF): the suite runs without them, so it tests the
    # same site on every machine, and gives them back at the end.
    config.stash[_ENV_BEFORE] = {name: os.environ.pop(name) for name in list(os.environ) if _leaks_in(name)}
    # Git as a fresh machine has it: the developer's own settings (commit.gpgsign, hooks, a default branch) would
    # change what the deploy tests' commits do; each test repository sets the identity it commits with.
    for name, value in (("GIT_CONFIG_GLOBAL", os.devnull), ("GIT_CONFIG_NOSYSTEM", "1")):
        config.stash[_ENV_BEFORE].setdefault(name, os.environ.get(name, ""))
        os.environ[name] = value
    # A proxy for the package registries (http_proxy) must not carry a test's requests to 127.0.0.1: urllib,
    # LinkChecker's requests and Node honour no_proxy.
    for name in ("no_proxy", "NO_PROXY"):
        before = os.environ.get(name, "")
        config.stash[_ENV_BEFORE].setdefault(name, before)
        os.environ[name] = ",".join(filter(None, (before, LOOPBACK_HOSTS)))


def _leaks_in(name: str) -> bool:
    return name in SETTINGS_FROM_ENVIRONMENT or name in OUTPUT_FROM_ENVIRONMENT or name.startswith("DECAP_")


def pytest_unconfigure(config: pytest.Config) -> None:
    for name, value in config.stash.get(_ENV_BEFORE, {}).items():
        if value:
            os.environ[name] = value
        else:
            os.environ.pop(name, None)
    shutil.rmtree(os.environ[CACHE_VARIABLE], ignore_errors=True)
    before = config.stash.get(_CACHE_BEFORE, None)
    if before is None:
        os.environ.pop(CACHE_VARIABLE, None)
    else:
        os.environ[CACHE_VARIABLE] = before


@pytest.fixture(scope="session")
def private_cache() -> Path:
    """This test process's cache folder (see `pytest_configure`)."""
    return Path(os.environ[CACHE_VARIABLE])


def clear_of_midnight(margin: float = 120) -> None:
    """Wait out the last `margin` seconds of the day, for a test whose builds must all fall on one day: a build's
    up-to-date state (editor.build, incremental_output) includes today's date, since a brief dated later is
    published on its day, so a midnight between two builds would rightly build or write everything again."""
    now = datetime.datetime.now()
    left = (
        datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time()) - now
    ).total_seconds()
    if left < margin:
        time.sleep(left + 1)


def build_site(content: Path, output: Path, conf: str = "pelicanconf.py", **overrides) -> Path:
    """Run a real Pelican build of `content` into `output` with the project's settings.

    Its caches (share images, cards) go beside `output`, not into the checkout's cache/: a test never finds what an
    earlier run, or a `make html` of the same checkout, left there. Pagefind indexes the site only where search is
    under test (`PAGEFIND_ENABLED=True`): the index costs every other build a second and tells it nothing.
    """
    settings = read_settings(
        str(ROOT / conf),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_CONTENT": False,
            "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
            "PAGEFIND_ENABLED": False,
            **overrides,
        },
    )
    Pelican(settings).run()
    return output


def copy_content(destination: Path, *extra_briefs: Path) -> Path:
    """The real content folder, plus synthetic briefs copied into its briefs/ folder."""
    shutil.copytree(CONTENT, destination)
    for brief in extra_briefs:
        shutil.copy(brief, destination / "briefs" / brief.name)
    return destination


class Site:
    """A built site: parse its pages by URL path; `records` holds the warnings and errors its build logged, and
    `logged` their messages."""

    def __init__(self, root: Path, records: tuple[logging.LogRecord, ...] = ()) -> None:
        self.root = root
        self.records = records
        self.logged = tuple(record.getMessage() for record in records)

    def path(self, url: str) -> Path:
        target = self.root / url.lstrip("/")
        return target / "index.html" if url.endswith("/") or url == "" else target

    def page(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its path relative to it, with its bytes: two folders compared exactly, or one
    before and after a command that must leave it as it was."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def text_of(node) -> str:
    """Visible text with white space folded, as a reader would copy it."""
    return " ".join(node.get_text().split())


class _Collected(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_site_logged(content: Path, output: Path, conf: str = "pelicanconf.py", **overrides) -> Site:
    """`build_site`, keeping the records the build logged at WARNING or above (Pelican's memory of earlier runs'
    messages cleared first, so none is held back)."""
    LimitFilter._raised_messages.clear()  # Pelican 4.12 (pinned) keeps them on the class, with no public reset
    LimitFilter._group_count.clear()
    collected = _Collected()
    logging.getLogger().addHandler(collected)
    try:
        root = build_site(content, output, conf, **overrides)
    finally:
        logging.getLogger().removeHandler(collected)
    return Site(root, tuple(collected.records))


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real site, built once per test session with the development settings (`site.logged`: what it logged)."""
    return build_site_logged(CONTENT, tmp_path_factory.mktemp("site") / "output")


def run_wide_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder shared by every worker of this test run (pytest-xdist gives each worker a folder of its
    own inside it), or the session's own folder when the run has no workers."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as `make publish` leaves it (built for publishing.SITEURL), published once per test run: the
    first worker to need it publishes while the other waits, and every test only reads it or copies it."""
    from publishing import run_publish

    folder = run_wide_folder(tmp_path_factory) / "published"
    folder.mkdir(exist_ok=True)
    output, done = folder / "output", folder / "published"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            result = run_publish(CONTENT, output)
            assert result.returncode == 0, result.stdout + result.stderr
            done.touch()
    return output


# --- A site of several briefs: the real content plus synthetic series fixtures (issue 4). ---
SERIES_FIXTURES = FIXTURES / "series"
SITEURL = "https://reality-check.example.org"
# `make` as the tests run it: in the project folder, taking the .venv as it is (-o: its bootstrap stamps count as
# up to date), so a test never reinstalls the packages half-way through a run, after a pull made
# requirements.txt or pyproject.toml newer than the stamps (`make test` refreshes them before the suite starts).
MAKE = (
    "make",
    "--no-print-directory",
    "-C",
    str(ROOT),
    "-o",
    ".venv/.installed",
    "-o",
    ".venv/.installed-dev",
)


def copy_series_content(destination: Path) -> Path:
    """The real content plus synthetic briefs #3, #5 and #6, their invented authors, and #5's synthetic chart
    (content/images/synthetic-chart.png)."""
    content = copy_content(destination, *sorted((SERIES_FIXTURES / "briefs").glob("*.md")))
    shutil.copytree(SERIES_FIXTURES / "images", content / "images", dirs_exist_ok=True)
    add_to_registry(content / "authors.yml", (SERIES_FIXTURES / "authors.yml").read_text(encoding="utf-8"))
    return content


def add_to_registry(registry: Path, entries: str) -> None:
    """Append the entries of a YAML list (text) to a registry file, whichever of its two forms it has."""
    from reality_check.editor.decap_yaml import front_matter

    key = registry.stem
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    existing = data[key] if isinstance(data, dict) else (data or [])
    combined = [*existing, *yaml.safe_load(entries)]
    registry.write_text(
        front_matter({key: combined}).removeprefix("---\n").removesuffix("---\n"), encoding="utf-8"
    )


@pytest.fixture(scope="session")
def series_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Four briefs built for publication (absolute URLs, feeds), two briefs per archive page."""
    root = tmp_path_factory.mktemp("series")
    content = copy_series_content(root / "content")
    return Site(
        build_site(
            content,
            root / "output",
            "publishconf.py",
            SITEURL=SITEURL,
            DEFAULT_PAGINATION=2,
            PAGEFIND_ENABLED=True,
            PDF_EDITION=False,  # its tests read pages, feeds and the index (PDFs: tests/test_pdf_edition.py)
        )
    )


@pytest.fixture(scope="session")
def quality_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once for all gates: real content plus the synthetic series briefs and their synthetic
    translations, development settings.

    Several briefs give the gates previous/next links, author, topic and region pages listing more than one
    brief, and related briefs to check.

    The hosts' `_headers` file is added as `make publish` adds it, so pages are served under the site's real
    Content-Security-Policy and a violation shows up as a console error.
    """
    base = tmp_path_factory.mktemp("quality")
    site = build_site(copy_translated_content(base / "content"), base / "output", PAGEFIND_ENABLED=True)
    add_host_files(site)
    return site


# --- The newsletter digest (issue 16): one issue of the four-brief series, built for publication. ---
DIGEST_DATE = "2021-04-05"
DIGEST_INTRO = (
    "Three new briefs this month.\n\nA second paragraph, with <b>markup</b> typed as text.\n\n"
    # An address with no place to break, which pushed the message wider than a phone's screen and 600 px.
    "The invented report: https://reports.example.org/2021/Mar/AN_INVENTED_ANNUAL_REPORT_ON_NOTHING_IN_PARTICULAR.PDF"
)
NEWSLETTER_SIGNUP_URL = (
    "https://lists.example.org/reality-check/subscribe"  # a mailing tool's form (never fetched)
)


@pytest.fixture(scope="session")
def digest_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The series site with a digest issue recorded by `python -m reality_check.editor digest` (as `make digest`
    does), and a sign-up address for the newsletter."""
    from reality_check.editor.cli import main as editor

    root = tmp_path_factory.mktemp("digest")
    content = copy_series_content(root / "content")
    digest = [
        "--content",
        str(content),
        "--since",
        "2021-03-01",
        "--date",
        DIGEST_DATE,
        "--intro",
        DIGEST_INTRO,
    ]
    status = editor(["digest", *digest])
    assert status == 0
    return Site(
        build_site(
            content,
            root / "output",
            "publishconf.py",
            SITEURL=SITEURL,
            PDF_EDITION=False,
            NEWSLETTER_SIGNUP_URL=NEWSLETTER_SIGNUP_URL,
        )
    )


# --- Translations (issue 16): the series plus synthetic translations of #3 (uk) and #5 (fr, ru). ---
TRANSLATION_FIXTURES = FIXTURES / "translations"


def copy_translated_content(destination: Path) -> Path:
    """The four-brief series content plus the synthetic translated briefs."""
    content = copy_series_content(destination)
    for brief in sorted((TRANSLATION_FIXTURES / "briefs").glob("*.md")):
        shutil.copy(brief, content / "briefs" / brief.name)
    return content


@pytest.fixture(scope="session")
def translated_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The series with its translations, built for publication (absolute URLs, feeds)."""
    root = tmp_path_factory.mktemp("translated")
    content = copy_translated_content(root / "content")
    return Site(
        build_site(
            content,
            root / "output",
            "publishconf.py",
            SITEURL=SITEURL,
            PAGEFIND_ENABLED=True,
            PDF_EDITION=False,
        )
    )


UNLISTED_FIXTURES = FIXTURES / "unlisted"
HIDDEN_6 = "briefs/synthetic-brief-on-the-fictional-teacup-tariff/"  # #6, hidden in unlisted_site
HIDDEN_6_FR = "fr/briefs/note-synthetique-sur-le-tarif-imaginaire-des-theieres/"


@pytest.fixture(scope="session")
def unlisted_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The series with its translations, where #6 is hidden (`status: hidden`, with a hidden French translation)
    and #7 is a draft: pages Pelican writes but lists nowhere, and a brief it writes no page for. Development
    settings with the browser editor's pages (DECAP_ADMIN), so each brief's "View Live" page is built too."""
    root = tmp_path_factory.mktemp("unlisted")
    content = copy_translated_content(root / "content")
    six = content / "briefs" / "synthetic-series-6.md"
    six.write_text(
        six.read_text(encoding="utf-8").replace("series_number: 6\n", "series_number: 6\nstatus: hidden\n", 1)
    )
    for brief in sorted((UNLISTED_FIXTURES / "briefs").glob("*.md")):
        shutil.copy(brief, content / "briefs" / brief.name)
    local = "http://127.0.0.1:8081/api/v1"  # decap-server's address: written into the editor's config, never called
    return Site(build_site(content, root / "output", DECAP_ADMIN=True, DECAP_LOCAL_BACKEND=local))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, started once per test process and shared by every test module (each test
    opens its own context or page). One for the session, not one per module: Playwright's sync API runs one
    instance per thread, and each start costs about a second of processor time.

    Its proxy is a port of 127.0.0.1 that refuses every connection: Chromium sends loopback requests directly and
    anything else to the proxy, so a request to another host fails in the browser and never leaves the machine
    (`watch` records it as foreign). Blocking them with a Playwright route instead sent every request of every
    page through this process and switched the browser's cache off, which cost a tenth of the browser tests."""
    from playwright.sync_api import sync_playwright
    from quality.tools import CHROMIUM, CHROMIUM_ARGS, missing_chromium, require

    require(missing_chromium())
    with refusing_port() as nowhere, sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, f"--proxy-server=http://127.0.0.1:{nowhere}"]
        )
        yield chromium
        chromium.close()


# --- Pages in Chromium: one context for the session's tests, a fresh watched page each ----------------------------

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}


BrowseFactory = Callable[..., tuple[Page, BrowserLog]]


@dataclass
class ReaderContext:
    """The browser context `browse` opens its pages in, one per test process, with each page's log, and the log of
    what no page can be named for (a service worker's request, a new window's first one)."""

    context: BrowserContext
    logs: dict[Page, BrowserLog] = field(default_factory=dict)
    unattributed: BrowserLog = field(default_factory=BrowserLog)
    keeper: Page | None = None  # a page kept open for the session: see `reader_context`

    def log_of(self, page: Page) -> BrowserLog:
        """A page's log; a page opened by another (a link to a new window) shares its opener's."""
        if page not in self.logs:
            opener = page.opener()
            self.logs[page] = self.logs.get(opener, BrowserLog()) if opener else BrowserLog()
        return self.logs[page]


KEEPER_URL = "http://127.0.0.1/keeper"  # never requested: the page's route answers it


def keep_a_local_page_open(context: BrowserContext) -> Page:
    """Open a page of the site every test server is (127.0.0.1), kept open so that its renderer process, which
    the context's later pages of that site share, is not torn down between them (see `reader_context`)."""
    keeper = context.new_page()
    keeper.route(
        KEEPER_URL,
        lambda route: route.fulfill(body="<!doctype html><title>keeper</title>", content_type="text/html"),
    )
    keeper.goto(KEEPER_URL)
    return keeper


@pytest.fixture(scope="session")
def reader_context(browser: Browser) -> Iterator[ReaderContext]:
    """One context for every test's pages: making a context costs Chromium about 0.45 s of processor time, a page
    in one 0.15 s. The site's pages keep nothing in the browser (no cookie, no storage, no service worker), and
    each server a test starts is an origin of its own, so a page cannot see what an earlier test's page did; each
    page has its own log. A window a page opens starts at the context's size and colour scheme.

    A page of 127.0.0.1 stays open all along (an empty one, answered by Playwright: no server is asked), so
    every test's page is shown by one renderer process, already started and with axe-core already compiled
    (Chromium runs with --process-per-site, and every server here is the same site, 127.0.0.1): a page opened,
    loaded and audited twice took 0.98 s with a new process each time against 0.58 s (this machine's Chromium,
    10 pages)."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    reader = ReaderContext(context, keeper=keep_a_local_page_open(context))
    reader.unattributed = watch(context, reader.log_of)
    yield reader
    context.close()


@pytest.fixture
def browse(reader_context: ReaderContext) -> Iterator[BrowseFactory]:
    """Open a fresh, watched page: `page, log = browse(viewport=PHONE, color_scheme="dark")`."""

    def open_watched(
        viewport: dict[str, int] = DESKTOP, color_scheme: str = "light"
    ) -> tuple[Page, BrowserLog]:
        page = reader_context.context.new_page()
        page.set_viewport_size(viewport)
        page.emulate_media(color_scheme=color_scheme)
        return page, reader_context.log_of(page)

    yield open_watched
    for page in reader_context.context.pages:  # the test's pages and any window they opened
        if page is not reader_context.keeper:
            page.close()
    reader_context.logs.clear()
    stray = reader_context.unattributed
    problems = stray.problems
    for kept in (stray.requests, stray.foreign_requests, stray.console_errors, stray.page_errors):
        kept.clear()
    assert not problems, "\n".join(problems)  # no page to name: the test that ran is the one to blame
