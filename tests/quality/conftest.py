"""Fixtures for the quality gates: the site (`quality_site`, in tests/conftest.py) served on 127.0.0.1 (Chromium and
its pages: the `browser`, `reader_context` and `browse` fixtures of tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .served import StaticSiteServer
from .tools import ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / "test-artifacts" / "quality"


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
