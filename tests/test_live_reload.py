"""The devserver's dev-only page additions and live reload: served pages carry the script, built files never do.

Level 1: where an addition goes. Level 3: a real preview server on a free port, and the devserver in Chromium,
where an open tab shows a saved edit without anyone reloading it.
"""

from __future__ import annotations

import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL
from editor_helpers import save
from playwright import sync_api
from quality.served import SHUTDOWN_POLL
from test_devserver import devserver, main_text, wait_for  # noqa: F401 - the fixture is used below

from reality_check.editor import live_reload
from reality_check.editor.live_reload import GONE, SCRIPT_URL, VERSION_URL, page_version, script_tag
from reality_check.editor.preview_server import PreviewHandler, open_server, with_additions


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
    """A preview server on the folder `tmp_path`, serving one built page, with a banner-like addition before live
    reload's: `notes[url]` is put on that page."""
    (tmp_path / "briefs" / "x").mkdir(parents=True)
    built = b"<!doctype html><html><body><main>Brief</main></body></html>"
    (tmp_path / "briefs" / "x" / "index.html").write_bytes(built)
    (tmp_path / "style.css").write_bytes(b"body{}")
    server = open_server(tmp_path, "127.0.0.1", 0, "devserver", handler=PreviewHandler)
    notes: dict[str, str] = {}
    server.page_additions.append(lambda url, page: notes.get(url, ""))
    live_reload.install(server)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL}, daemon=True
    ).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", notes, tmp_path, built
    server.shutdown()
    server.server_close()


def test_a_connection_left_idle_does_not_stop_the_preview(preview):
    """A browser opens connections before it has a request for them: one left idle must not keep the server
    from answering anyone else (Pelican's own server waited on it, and every page stalled)."""
    base = preview[0]
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    with socket.create_connection((host, port)), socket.create_connection((host, port)):
        assert _get(f"{base}/briefs/x/")[1].startswith(b"<!doctype html>")
        assert _version(base, "/briefs/x/index.html") != GONE


def _get(url: str) -> tuple[str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.headers["Content-Type"], answer.read()


def _tag(body: bytes):
    [script] = BeautifulSoup(body, "html.parser").find_all("script")
    return script


def _version(base: str, page: str) -> str:
    return _get(f"{base}{VERSION_URL}?{urlencode({'page': page})}")[1].decode()


def test_served_pages_carry_the_script_and_the_built_files_do_not(preview):
    base, _, root, built = preview
    kind, body = _get(base + "/briefs/x/")
    assert kind.startswith("text/html")
    script = _tag(body)
    assert (script["src"], script["data-page"], script.has_attr("defer")) == (
        SCRIPT_URL,
        "/briefs/x/index.html",
        True,
    )
    assert script["data-version"] == page_version(built)
    assert (root / "briefs" / "x" / "index.html").read_bytes() == built
    assert _get(base + "/style.css")[1] == b"body{}"  # only pages get additions


def test_the_version_is_the_pages_as_served_and_changes_only_with_it(preview):
    base, notes, root, built = preview
    file = root / "briefs" / "x" / "index.html"
    served = _tag(_get(base + "/briefs/x/")[1])["data-version"]
    assert _version(base, "/briefs/x/index.html") == served

    replacement = root / "briefs" / "x" / "new.html"  # the full rebuild writing the same bytes again
    replacement.write_bytes(built)
    replacement.replace(file)
    assert _version(base, "/briefs/x/index.html") == served

    file.write_bytes(built.replace(b"Brief", b"Brief, edited"))
    edited = _version(base, "/briefs/x/index.html")
    assert edited not in (served, GONE)
    assert _tag(_get(base + "/briefs/x/")[1])["data-version"] == edited

    notes["/briefs/x/index.html"] = "<p>a problem on this page</p>"  # an addition before live reload's
    with_problem = _version(base, "/briefs/x/index.html")
    assert with_problem not in (served, edited)
    assert _tag(_get(base + "/briefs/x/")[1])["data-version"] == with_problem

    file.unlink()
    assert _version(base, "/briefs/x/index.html") == GONE


@pytest.mark.parametrize(
    "page",
    [
        "",
        "/style.css",
        "/briefs/x/",
        "/../outside.html",
        "/briefs/../../outside.html",
        "/%00.html",  # not a file name at all
        "/" + "x" * 300 + ".html",  # too long for one
    ],
)
def test_anything_but_a_built_page_inside_the_site_has_no_version(preview, page):
    base, _, root, _ = preview
    (root.parent / "outside.html").write_text("<p>not the site's</p>")
    assert _version(base, page) == GONE


def test_a_page_served_through_a_link_has_the_version_it_is_served_with(preview):
    """The server follows a link out of the folder; the version must too, or the tab would reload forever."""
    base, _, root, _ = preview
    elsewhere = root.parent / "elsewhere.html"
    elsewhere.write_bytes(b"<html><body><main>Linked</main></body></html>")
    (root / "linked.html").symlink_to(elsewhere)
    script = _tag(_get(base + "/linked.html")[1])
    assert script["data-version"] == _version(base, script["data-page"]) != GONE


def test_a_tab_on_the_404_page_waits_for_the_page_it_asked_for(preview):
    base, _, root, _ = preview
    (root / "404.html").write_bytes(b"<html><body><main>Not here</main></body></html>")
    with pytest.raises(urllib.error.HTTPError) as answer:
        _get(base + "/briefs/new/")
    assert answer.value.code == 404
    script = _tag(answer.value.read())
    assert (script["data-page"], script["data-version"]) == ("/briefs/new/index.html", GONE)
    assert _version(base, "/briefs/new/index.html") == GONE  # the tab stays on the 404 page meanwhile

    (root / "briefs" / "new").mkdir()
    (root / "briefs" / "new" / "index.html").write_bytes(b"<html><body><main>New</main></body></html>")
    assert _version(base, "/briefs/new/index.html") not in (GONE, script["data-version"])  # so it reloads


def test_the_script_is_javascript_asking_for_its_pages_version(preview):
    base, _, _, _ = preview
    kind, script = _get(base + SCRIPT_URL)
    assert kind.startswith("text/javascript")
    assert VERSION_URL.encode() + b"?page=" in script
    assert b"data-page" in script
    assert b"data-version" in script
    assert b"location.reload" in script


def test_the_open_tab_shows_a_saved_edit_by_itself_reloading_once(devserver, browse):  # noqa: F811 - fixture
    content, url, log = devserver
    page, _ = browse()
    wait_for(lambda: _loads(page, url + BRIEF_4_URL), "the first build")
    loads: list[str] = []
    page.on("load", lambda loaded: loads.append(loaded.url))
    builds = log.read_text().count(BUILT)
    brief: Path = content / "briefs" / "reality-check-4.md"
    save(
        brief,
        brief.read_text(encoding="utf-8").replace("On January 17, just", "On January 17 (live edit), just"),
    )
    # Waits through a reload whose page has not got its <main> yet (a locator, not a script that would fail on it).
    sync_api.expect(page.locator("main")).to_contain_text("(live edit)", timeout=60_000)
    # The reloaded page's text shows before its "load" event fires (that waits for its images and fonts), and
    # Playwright hands events over only while it is called: wait for the event through Playwright, not a sleep.
    wait_for(lambda: loads or page.wait_for_timeout(50), "the reloaded page's load event")
    wait_for(lambda: log.read_text().count(BUILT) > builds, "the full rebuild after the save")

    # The full rebuild wrote the brief's page again with the same bytes: the tab's page is the version served
    # now, so it will not reload again; it reloaded once, for the saved brief's own page.
    tag = page.locator(f'script[src="{SCRIPT_URL}"]')
    served = _version(url.rstrip("/"), tag.get_attribute("data-page"))
    assert tag.get_attribute("data-version") == served
    assert loads == [url + BRIEF_4_URL], log.read_text()[-4000:]


BUILT = "\nDone: Processed"  # the line Pelican ends each whole build with


def _loads(page, url: str) -> bool:
    try:
        return page.goto(url).ok and "On January 17, just" in page.inner_text("main")
    except sync_api.Error:
        return False


@pytest.mark.parametrize("path", ["/admin/", "/admin/index.html", "/admin/?x=1"])
def test_the_browser_editor_is_never_reloaded(path):
    assert script_tag(path, "v") == ""  # it would lose what the editor is typing


def test_the_editors_view_pages_do_reload():
    assert SCRIPT_URL in script_tag("/admin/preview/reality-check-4/index.html", "v")
