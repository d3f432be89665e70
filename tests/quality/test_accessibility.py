"""Accessibility: axe-core (bundled by axe-playwright-python) in Chromium, WCAG 2.1 A and AA rules, 0 violations.

Every page type is audited in the light and the dark colour scheme (contrast differs), each at a phone's and a
desktop's width, and every other page of the built site in the light one at a desktop's width.

A page type's page is loaded once, in one tab kept for the module, and audited in each colour scheme and width by
switching the tab's emulated media and viewport: the audit, not the page load, is the cost, and a fresh browser
context per audit doubled the module's time. `test_axe_sees_a_switch_of_colour_scheme_and_width` proves that
a problem only one scheme or width has is found after such a switch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import DESKTOP, PHONE, BrowseFactory
from playwright.sync_api import Browser, Page

from .gates import AxeViolation, audit_accessibility, watch
from .page_types import PAGE_TYPES, PageType, html_pages
from .served import StaticSiteServer

VIEWPORTS = (PHONE, DESKTOP)


def example_of(page_type: PageType, site: Path) -> str:
    url = page_type.example(site)
    assert url is not None, f"the quality site has no {page_type.name} page: the build is broken"
    return url


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Callable[[str], Page]]:
    """`tab(url)`: the module's one watched page, showing `url` (loaded only when the page shows another).

    One page, not one per address: each new page started a renderer process of its own, which compiled axe-core
    again, and the audits in a warm one took half the time (tests/conftest.py, `reader_context`)."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    watch(context)
    page = context.new_page()
    shown: list[str] = []

    def show(url: str) -> Page:
        if shown != [url]:
            page.goto(url)
            shown[:] = [url]
        return page

    yield show
    context.close()


def audit_as(page: Page, viewport: dict[str, int], color_scheme: str) -> tuple[AxeViolation, ...]:
    """Audit `page` as a reader with this window size and colour-scheme preference sees it."""
    page.emulate_media(color_scheme=color_scheme)
    page.set_viewport_size(viewport)
    assert page.evaluate("scheme => matchMedia(`(prefers-color-scheme: ${scheme})`).matches", color_scheme)
    assert page.evaluate("() => innerWidth") == viewport["width"]
    return audit_accessibility(page)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_type_has_no_axe_violations(
    page_type: PageType,
    color_scheme: str,
    quality_site: Path,
    server: StaticSiteServer,
    tab: Callable[[str], Page],
) -> None:
    page = tab(server.url(example_of(page_type, quality_site)))
    for viewport in VIEWPORTS:
        violations = audit_as(page, viewport, color_scheme)
        assert not violations, f"{page_type} page at {viewport['width']}px, {color_scheme}:\n" + "\n".join(
            map(str, violations)
        )


def test_every_page_has_no_axe_violations(
    quality_site: Path, server: StaticSiteServer, tab: Callable[[str], Page]
) -> None:
    """Every other page, light, at a desktop's width. The page-type examples are audited above in this scheme
    and width (and three more): auditing them again here repeated 11 of 31 audits."""
    violations = []
    examples = {example_of(page_type, quality_site) for page_type in PAGE_TYPES}
    urls = [url for url in html_pages(quality_site) if url not in examples]
    for url in urls:
        violations.extend(audit_as(tab(server.url(url)), DESKTOP, "light"))
    assert len(urls) >= 15, urls  # two more briefs and their cards, people, subjects, two more languages
    assert len(examples) == len(PAGE_TYPES)
    assert not violations, "\n".join(map(str, violations))


def test_axe_catches_an_image_without_alt(broken_server: StaticSiteServer, browse: BrowseFactory) -> None:
    page, _ = browse()
    page.goto(broken_server.url("image-without-alt.html"))
    violations = audit_accessibility(page)
    assert [violation.rule for violation in violations] == ["image-alt"]
    assert violations[0].targets == ("img",)
    assert violations[0].impact == "critical"


@pytest.mark.parametrize("order", ["light first", "dark first"])
def test_axe_sees_a_switch_of_colour_scheme_and_width(
    order: str, broken_server: StaticSiteServer, tab: Callable[[str], Page]
) -> None:
    """A page whose text is too faint only in the dark scheme, and other text only at a phone's width: each
    switch of the kept tab shows exactly the problems of the scheme and width switched to, in either order."""
    page = tab(broken_server.url("low-contrast-dark-or-narrow.html"))
    expected = {
        ("light", DESKTOP["width"]): set(),
        ("dark", DESKTOP["width"]): {".dark-only"},
        ("light", PHONE["width"]): {".narrow-only"},
        ("dark", PHONE["width"]): {".dark-only", ".narrow-only"},
    }
    schemes = ["light", "dark"] if order == "light first" else ["dark", "light"]
    for color_scheme in schemes:
        for viewport in VIEWPORTS:
            violations = audit_as(page, viewport, color_scheme)
            assert {violation.rule for violation in violations} <= {"color-contrast"}, violations
            found = {target for violation in violations for target in violation.targets}
            assert found == expected[color_scheme, viewport["width"]], (color_scheme, viewport, violations)
