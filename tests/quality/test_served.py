"""The test server: the static host's behaviour the gates rely on (404 page, `_headers`), on a free loopback port."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest
from publishing import parse_headers_file

from .served import StaticSiteServer, headers_for

HEADERS_FILE = """\
# comment
/*
  X-Frame-Options: DENY
  Content-Security-Policy: default-src 'self'

/search/*
  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'
"""


@pytest.mark.parametrize(
    ("path", "csp"),
    [
        ("/", "default-src 'self'"),
        ("/briefs/x/", "default-src 'self'"),
        ("/search/", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"),
    ],
)
def test_header_rules_apply_by_pattern_and_later_rules_win(path: str, csp: str) -> None:
    headers = headers_for(parse_headers_file(HEADERS_FILE), path)
    assert headers == {"X-Frame-Options": "DENY", "Content-Security-Policy": csp}


def test_serves_pages_the_404_page_and_headers_on_a_free_loopback_port(tmp_path: Path) -> None:
    (tmp_path / "briefs" / "x").mkdir(parents=True)
    (tmp_path / "briefs" / "x" / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<!doctype html><title>Not found</title>", encoding="utf-8")
    (tmp_path / "_headers").write_text(HEADERS_FILE, encoding="utf-8")
    with StaticSiteServer(tmp_path) as server:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert not server.base_url.endswith(":0/")
        with urllib.request.urlopen(server.url("/briefs/x/")) as response:
            assert response.headers["X-Frame-Options"] == "DENY"
            assert b"<title>x</title>" in response.read()
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(server.url("/nowhere/"))
        assert missing.value.code == 404
        assert b"<title>Not found</title>" in missing.value.read()
