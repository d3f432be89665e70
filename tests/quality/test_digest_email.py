"""The newsletter digest in Debian's Chromium, at the width of a mail client's reading pane and of a phone.

The message is opened at its own address on the site; Chromium's requests to the site are answered from the
build folder (a file it does not hold, with a 404 that fails the test), and any other request is refused and fails
the test (mail must load nothing from elsewhere).
"""

from __future__ import annotations

import mimetypes

import pytest
from conftest import DIGEST_DATE, SITEURL

from .gates import audit_accessibility

DIGEST_URL = f"{SITEURL}/digest/{DIGEST_DATE}/"
ICON = f"{SITEURL}/theme/favicon.svg"  # the site's icon, which a browser asks for once the page has loaded
WIDTHS = {"mail-pane": {"width": 760, "height": 900}, "phone": {"width": 360, "height": 740}}


@pytest.fixture
def open_digest(browser, digest_site):
    contexts = []

    def open_at(viewport, url=DIGEST_URL, color_scheme="light"):
        context = browser.new_context(viewport=viewport, service_workers="block", color_scheme=color_scheme)
        contexts.append(context)
        requests: list[str] = []
        remote: list[str] = []
        missing: list[str] = []

        def route(route):
            url = route.request.url
            requests.append(url)
            if not url.startswith(SITEURL + "/"):
                remote.append(url)
                route.abort("blockedbyclient")
                return
            file = digest_site.path(url.removeprefix(SITEURL).split("#")[0].split("?")[0])
            if not file.is_file():
                missing.append(url)
                route.fulfill(status=404, body="missing")
                return
            route.fulfill(
                body=file.read_bytes(), content_type=mimetypes.guess_type(file.name)[0] or "text/html"
            )

        context.route("**/*", route)
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("load")
        return page, requests, remote, missing

    yield open_at
    for context in contexts:
        context.close()


@pytest.mark.parametrize("name", list(WIDTHS))
def test_the_digest_reads_well_at_each_width(open_digest, name, artifacts):
    viewport = WIDTHS[name]
    page, requests, remote, missing = open_digest(viewport)
    page.screenshot(path=str(artifacts / f"digest-{name}.png"), full_page=True)
    assert remote == []
    assert missing == []
    assert requests[0] == DIGEST_URL
    # The message loads no image, font or stylesheet; in a browser, the page asks for the site's icon too.
    assert set(requests) <= {DIGEST_URL, ICON}, requests
    container = page.locator("table.container").bounding_box()
    assert container["width"] <= 600
    if viewport["width"] >= 600:
        assert container["width"] == 600
    else:
        assert container["width"] == viewport["width"]  # reflowed to the phone's width
    assert (
        page.evaluate("document.scrollingElement.scrollWidth") <= viewport["width"]
    )  # no sideways scrolling
    assert page.locator(".preheader").is_hidden()
    assert page.locator("td.brief").count() == 3
    assert page.locator("td.brief ul.key-points > li").first.is_visible()


def test_the_digest_has_no_axe_violations(open_digest):
    page, _, _, _ = open_digest(WIDTHS["phone"])
    assert [str(v) for v in audit_accessibility(page)] == []


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_newsletter_archive_has_no_axe_violations_and_loads_only_the_sites_files(
    open_digest, color_scheme, artifacts
):
    """The archive of issues (/newsletter/) is a page of the site: its stylesheet and icon, nothing else."""
    page, requests, remote, missing = open_digest(WIDTHS["phone"], f"{SITEURL}/newsletter/", color_scheme)
    assert (remote, missing) == ([], [])
    assert any(url.endswith(".css") for url in requests), requests  # styled, not bare
    assert page.evaluate("document.scrollingElement.scrollWidth") <= WIDTHS["phone"]["width"]
    page.screenshot(path=str(artifacts / f"newsletter-archive-{color_scheme}.png"), full_page=True)
    assert [str(v) for v in audit_accessibility(page)] == []
