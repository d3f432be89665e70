"""The devserver's dev-only page additions and live reload: served pages carry the script, built files never do.

Level 1: where an addition goes. Level 3: a real preview server on a free port, and the devserver in Chromium,
where an open tab shows a saved edit without anyone reloading it.
"""

from __future__ import annotations

import threading
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL
from playwright import sync_api
from test_devserver import devserver, main_text, wait_for  # noqa: F401 - the fixture is used below

from editor.live_reload import SCRIPT_URL, VERSION_URL, LiveReload
from editor.preview_server import PreviewHandler, open_server, with_additions


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (b"<html><body><p>x</p></body></html>", b"<html><body><p>x</p><!--a--></body></html>"),
        (b"<p>no body tag</p>", b"<p>no body tag</p><!--a-->"),
    ],
)
def test_an_addition_goes_just_before_the_end_of_the_body(page, expected):
    assert with_additions(page, "<!--a-->") == expected


def test_no_addition_leaves_the_page_as_built():
    assert with_additions(b"<body></body>", "") == b"<body></body>"


@pytest.fixture
def preview(tmp_path):
    (tmp_path / "briefs" / "x").mkdir(parents=True)
    built = b"<!doctype html><html><body><main>Brief</main></body></html>"
    (tmp_path / "briefs" / "x" / "index.html").write_bytes(built)
    (tmp_path / "style.css").write_bytes(b"body{}")
    server = open_server(tmp_path, "127.0.0.1", 0, "devserver", handler=PreviewHandler)
    reload = LiveReload()
    reload.install(server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", reload, tmp_path, built
    server.shutdown()
    server.server_close()


def _get(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.headers["Content-Type"], answer.read()


def test_served_pages_carry_the_script_and_the_built_files_do_not(preview):
    base, _, root, built = preview
    kind, body = _get(base + "/briefs/x/")
    assert kind.startswith("text/html")
    scripts = BeautifulSoup(body, "html.parser").find_all("script")
    assert [(s["src"], s["data-version"], s.has_attr("defer")) for s in scripts] == [(SCRIPT_URL, "0", True)]
    assert (root / "briefs" / "x" / "index.html").read_bytes() == built
    assert _get(base + "/style.css")[1] == b"body{}"  # only pages get additions


def test_the_version_counts_rebuilds_and_the_script_is_javascript(preview):
    base, reload, _, _ = preview
    assert _get(base + VERSION_URL)[1] == b"0"
    reload.rebuilt()
    assert _get(base + VERSION_URL)[1] == b"1"
    kind, script = _get(base + SCRIPT_URL)
    assert kind.startswith("text/javascript")
    assert VERSION_URL.encode() in script
    assert b"location.reload" in script


def test_the_open_tab_shows_a_saved_edit_by_itself(devserver, browser):  # noqa: F811 - devserver is imported
    content, url, _ = devserver
    page = browser.new_page()
    wait_for(lambda: _loads(page, url + BRIEF_4_URL), "the first build")
    brief: Path = content / "briefs" / "reality-check-4.md"
    brief.write_text(brief.read_text().replace("On January 17, just", "On January 17 (live edit), just"))
    page.wait_for_function(
        "document.querySelector('main').innerText.includes('(live edit)')", timeout=60_000, polling=200
    )
    wait_for(lambda: _shows(page, "(live edit)"), "the reloaded tab's page to hold the edit")
    page.close()


def _shows(page, text: str) -> bool:
    """Whether the tab's page holds `text`; False while it reloads: the saved brief's own page comes first and the
    full rebuild follows, so the tab reloads twice (seen once in a fresh-clone CI run: 'the page is navigating')."""
    try:
        return text in main_text(page.content())
    except sync_api.Error:
        return False


def _loads(page, url: str) -> bool:
    try:
        return page.goto(url).ok and "On January 17, just" in page.inner_text("main")
    except sync_api.Error:
        return False


@pytest.mark.parametrize("path", ["/admin/", "/admin/index.html", "/admin/?x=1"])
def test_the_browser_editor_is_never_reloaded(path):
    assert LiveReload().script_tag(path) == ""  # it would lose what the editor is typing


def test_the_editors_view_pages_do_reload():
    assert SCRIPT_URL in LiveReload().script_tag("/admin/preview/reality-check-4/")
