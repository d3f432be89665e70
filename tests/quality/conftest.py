"""Fixtures for the quality gates: the site built once and served on 127.0.0.1 (Chromium and its pages: the
`browser`, `reader_context` and `browse` fixtures of tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import build_site, copy_translated_content

from reality_check.deploy.publish import add_host_files

from .served import StaticSiteServer
from .tools import ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts" / "quality"


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


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (git-ignored), kept after the run for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
