"""Accessibility: axe-core (bundled by axe-playwright-python) in Chromium, WCAG 2.1 A and AA rules, 0 violations.

Every page type is audited in the light and the dark colour scheme (contrast differs), and every page of the
built site in the light one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import DESKTOP, PHONE, BrowseFactory
from .gates import audit_accessibility
from .page_types import PAGE_TYPES, PageType, html_pages
from .served import StaticSiteServer


def example_of(page_type: PageType, site: Path) -> str:
    url = page_type.example(site)
    assert url is not None, f"the quality site has no {page_type.name} page: the build is broken"
    return url


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_type_has_no_axe_violations(
    page_type: PageType,
    color_scheme: str,
    quality_site: Path,
    server: StaticSiteServer,
    browse: BrowseFactory,
) -> None:
    url = example_of(page_type, quality_site)
    for viewport in (PHONE, DESKTOP):
        page, _ = browse(viewport=viewport, color_scheme=color_scheme)
        page.goto(server.url(url))
        violations = audit_accessibility(page)
        assert not violations, f"{page_type} page at {viewport['width']}px, {color_scheme}:\n" + "\n".join(
            map(str, violations)
        )


def test_every_page_has_no_axe_violations(
    quality_site: Path, server: StaticSiteServer, browse: BrowseFactory
) -> None:
    page, _ = browse()
    violations = []
    urls = html_pages(quality_site)
    for url in urls:
        page.goto(server.url(url))
        violations.extend(audit_accessibility(page))
    assert len(urls) >= 5, urls  # home, NAEI, three briefs at least
    assert not violations, "\n".join(map(str, violations))


def test_axe_catches_an_image_without_alt(broken_server: StaticSiteServer, browse: BrowseFactory) -> None:
    page, _ = browse()
    page.goto(broken_server.url("image-without-alt.html"))
    violations = audit_accessibility(page)
    assert [violation.rule for violation in violations] == ["image-alt"]
    assert violations[0].targets == ("img",)
    assert violations[0].impact == "critical"
