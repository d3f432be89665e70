"""Fixtures for the quality gates: the site built once, served on 127.0.0.1, and Debian's Chromium to look at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import build_site, copy_translated_content
from playwright.sync_api import Browser, BrowserContext, Page

from deploy.publish import add_host_files

from .gates import BrowserLog, watch
from .served import StaticSiteServer
from .tools import ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts" / "quality"
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}


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


@pytest.fixture(scope="session")
def server(quality_site: Path) -> Iterator[StaticSiteServer]:
    """The built site over HTTP on a free port of 127.0.0.1, stopped at the end of the session."""
    with StaticSiteServer(quality_site) as running:
        yield running


@pytest.fixture(scope="session")
def broken_server() -> Iterator[StaticSiteServer]:
    """The deliberately broken pages, served the same way, to show that each gate objects to them."""
    with StaticSiteServer(FIXTURES / "broken") as running:
        yield running


BrowseFactory = Callable[..., tuple[Page, BrowserLog]]


@dataclass
class ReaderContext:
    """The browser context `browse` opens its pages in, one per test process, with each page's log, and the log of
    what no page can be named for (a service worker's request, a new window's first one)."""

    context: BrowserContext
    logs: dict[Page, BrowserLog] = field(default_factory=dict)
    unattributed: BrowserLog = field(default_factory=BrowserLog)
    keeper: Page | None = None  # a blank page kept open for the session: see `reader_context`

    def log_of(self, page: Page) -> BrowserLog:
        """A page's log; a page opened by another (a link to a new window) shares its opener's."""
        if page not in self.logs:
            opener = page.opener()
            self.logs[page] = self.logs.get(opener, BrowserLog()) if opener else BrowserLog()
        return self.logs[page]


@pytest.fixture(scope="session")
def reader_context(browser: Browser) -> Iterator[ReaderContext]:
    """One context for every test's pages: making a context costs Chromium about 0.45 s of processor time, a page
    in one 0.15 s. The site's pages keep nothing in the browser (no cookie, no storage, no service worker), and
    each server a test starts is an origin of its own, so a page cannot see what an earlier test's page did; each
    page has its own log. A window a page opens starts at the context's size and colour scheme.

    A blank page stays open all along: when a context's last page closes, Chromium tears down what the next
    page then has to set up again, and a new page with a brief loaded in it cost 0.57 s of processor time
    with no other page open against 0.35 s with a blank one (measured in this machine's Chromium, 12 pages)."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    reader = ReaderContext(context)
    reader.unattributed = watch(context, reader.log_of)
    reader.keeper = context.new_page()
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


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (git-ignored), kept after the run for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
