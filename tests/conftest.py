"""Shared fixtures: real Pelican builds of the site, and parsed pages of the result."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "seed" / "reality-check-4.txt"  # the original text of Reality Check #4, as received
BRIEF_4_URL = "briefs/focus-on-interests-not-on-human-rights-with-russia/"


def build_site(content: Path, output: Path, conf: str = "pelicanconf.py", **overrides) -> Path:
    """Run a real Pelican build of `content` into `output` with the project's settings.

    Its caches (share images, cards) go beside `output`, not into the checkout's cache/: a test never finds what an
    earlier run, or a `make html` of the same checkout, left there.
    """
    settings = read_settings(
        str(ROOT / conf),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_CONTENT": False,
            "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
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
    """A built site: parse its pages by URL path."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, url: str) -> Path:
        target = self.root / url.lstrip("/")
        return target / "index.html" if url.endswith("/") or url == "" else target

    def page(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")


def text_of(node) -> str:
    """Visible text with white space folded, as a reader would copy it."""
    return " ".join(node.get_text().split())


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The real site, built once per test session with the development settings."""
    return Site(build_site(CONTENT, tmp_path_factory.mktemp("site") / "output"))


@pytest.fixture
def site_with(tmp_path: Path) -> Callable[..., Site]:
    """Build the real content plus the given synthetic briefs into a fresh folder."""

    def make(*extra_briefs: Path, **overrides) -> Site:
        content = copy_content(tmp_path / "content", *extra_briefs)
        return Site(build_site(content, tmp_path / "output", **overrides))

    return make


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as `make publish` leaves it (built for publishing.SITEURL), published once per session."""
    from publishing import run_publish

    output = tmp_path_factory.mktemp("published") / "output"
    result = run_publish(CONTENT, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


# --- A site of several briefs: the real content plus synthetic series fixtures (issue 4). ---
SERIES_FIXTURES = FIXTURES / "series"
SITEURL = "https://reality-check.example.org"


def copy_series_content(destination: Path) -> Path:
    """The real content plus synthetic briefs #3, #5 and #6 and their invented authors."""
    content = copy_content(destination, *sorted((SERIES_FIXTURES / "briefs").glob("*.md")))
    add_to_registry(content / "authors.yml", (SERIES_FIXTURES / "authors.yml").read_text(encoding="utf-8"))
    return content


def add_to_registry(registry: Path, entries: str) -> None:
    """Append the entries of a YAML list (text) to a registry file, whichever of its two forms it has."""
    from editor.decap_yaml import front_matter

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
    return Site(build_site(content, root / "output", "publishconf.py", SITEURL=SITEURL, DEFAULT_PAGINATION=2))


@pytest.fixture(scope="session")
def series_dev_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The same four briefs with the development settings (root-relative links), for a local browser."""
    root = tmp_path_factory.mktemp("series-dev")
    content = copy_series_content(root / "content")
    return Site(build_site(content, root / "output", DEFAULT_PAGINATION=2))
