"""`make devserver` for real: serve on a free port, rebuild on save, report a broken brief and keep serving."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, ROOT, text_of
from editor_helpers import SETTINGS, content_copy

TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], object], what: str, timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@pytest.fixture
def devserver(tmp_path):
    content = content_copy(tmp_path / "content")
    port = free_port()
    log = tmp_path / "devserver.log"
    with log.open("w") as stream:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "editor",
                "serve",
                "--content",
                str(content),
                "--output",
                str(tmp_path / "output"),
                "--settings",
                SETTINGS,
                "--port",
                str(port),
            ],
            cwd=ROOT,
            stdout=stream,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "COLUMNS": "200"},
        )
    try:
        yield content, f"http://127.0.0.1:{port}/", log
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        assert fetch(f"http://127.0.0.1:{port}/") is None, "the server outlived make devserver"


def main_text(html: str | None) -> str:
    return text_of(BeautifulSoup(html, "html.parser").find("main")) if html else ""


def test_rebuilds_on_save_and_keeps_serving_through_an_error(devserver):
    content, url, log = devserver
    page = url + BRIEF_4_URL
    wait_for(lambda: "On January 17, just" in main_text(fetch(page)), "the first build")

    brief = content / "briefs" / "reality-check-4.md"
    brief.write_text(brief.read_text().replace("On January 17, just", "On January 17 (synthetic edit), just"))
    wait_for(lambda: "(synthetic edit)" in main_text(fetch(page)), "the edit to show on reload")

    (content / "briefs" / "synthetic-broken.md").write_text(
        "---\n# SYNTHETIC TEST FIXTURE\ntitle: [unclosed\n---\n", encoding="utf-8"
    )
    wait_for(
        lambda: (
            "content/briefs/synthetic-broken.md:3: the '[' opened on line 3 is never closed"
            in log.read_text()
        ),
        "the error in the terminal",
    )
    assert fetch(page) is not None

    brief.write_text(brief.read_text().replace("(synthetic edit)", "(second synthetic edit)"))
    try:
        wait_for(lambda: "(second synthetic edit)" in main_text(fetch(page)), "a rebuild after the error")
    except AssertionError:
        print(log.read_text()[-6000:])
        raise
