"""The published site served by a real nginx with deploy/nginx.conf: status codes, headers, 404, .gz and .br."""

from __future__ import annotations

import http.client
import json
import re
import shutil
import socket
import subprocess
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BRIEF_4_URL, ROOT
from local_servers import free_port
from publishing import csp_directives, headers_for, parse_headers_file
from quality.tools import missing_nginx, missing_nginx_brotli, require

SAMPLE = ROOT / "deploy" / "nginx.conf"
HTML_CACHE = "public, max-age=0, must-revalidate"
ASSET_CACHE = "public, max-age=31536000, immutable"
SECURITY_HEADERS = (
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "permissions-policy",
    "x-frame-options",
    "cross-origin-opener-policy",
)


def nginx_binary() -> str:
    require(missing_nginx())
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def substitute(config: str, pattern: str, replacement: str) -> str:
    """Replace the one directive `pattern` matches; the sample must keep it (exactly once)."""
    new, count = re.subn(pattern, replacement, config, flags=re.MULTILINE)
    assert count == 1, f"deploy/nginx.conf: expected one match for {pattern!r}, found {count}"
    return new


def nginx_config(sample: str, root: Path, port: int, scratch: Path, brotli: bool) -> str:
    """deploy/nginx.conf with only the machine-specific parts changed: address, root, logs, temp folders."""
    config = substitute(sample, r"^(\s*)listen 80;$", rf"\1listen 127.0.0.1:{port};")
    config = substitute(config, r"^(\s*)root \S+;$", rf"\1root {root};")
    config = substitute(config, r"^(\s*)access_log \S+;$", rf"\1access_log {scratch}/access.log;")
    temp_paths = "".join(
        f"    {kind}_temp_path {scratch}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    config = substitute(config, r"^http \{\n", "http {\n" + temp_paths)
    if not brotli:
        config = substitute(config, r"^load_module \S+brotli\S+;\n", "")
        config = substitute(config, r"^\s*brotli_static on;\n", "")
    return config


@dataclass(frozen=True)
class Server:
    port: int
    root: Path
    brotli: bool

    def get(self, path: str, **headers: str) -> tuple[http.client.HTTPResponse, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()})
            response = connection.getresponse()
            return response, response.read()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def nginx(published, tmp_path_factory) -> Server:
    binary = nginx_binary()
    brotli = missing_nginx_brotli() is None
    scratch = tmp_path_factory.mktemp("nginx")
    for attempt in range(5):  # another test suite may take the port between probing and binding
        port = free_port()
        conf = scratch / "nginx.conf"
        conf.write_text(nginx_config(SAMPLE.read_text(), published, port, scratch, brotli))
        check = subprocess.run(
            [binary, "-t", "-c", str(conf), "-g", f"pid {scratch}/nginx.pid;"], capture_output=True
        )
        assert check.returncode == 0, check.stderr.decode()
        process = subprocess.Popen(
            [binary, "-c", str(conf), "-g", f"daemon off; master_process off; pid {scratch}/nginx.pid;"],
            stdout=subprocess.DEVNULL,
            stderr=(scratch / f"stderr-{attempt}.log").open("wb"),
        )
        deadline = time.monotonic() + 10
        while process.poll() is None and time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.02)
        if process.poll() is None:
            break
    else:
        pytest.fail(f"nginx did not start: {(scratch / 'stderr-4.log').read_text()}")
    yield Server(port, published, brotli)
    process.terminate()
    process.wait(timeout=10)


def brief_css(root: Path) -> str:
    (css,) = (root / "theme" / "assets").glob("*.css")
    return f"/theme/assets/{css.name}"


def test_pages_feed_and_assets_are_served(nginx):
    for path, content_type in [
        ("/", "text/html; charset=utf-8"),
        (f"/{BRIEF_4_URL}", "text/html; charset=utf-8"),
        ("/naei/", "text/html; charset=utf-8"),
        ("/feeds/all.atom.xml", "application/atom+xml; charset=utf-8"),
        ("/sitemap.xml", "text/xml; charset=utf-8"),
        (f"/{BRIEF_4_URL}reality-check-4.bib", "application/x-bibtex; charset=utf-8"),
        (f"/{BRIEF_4_URL}reality-check-4.ris", "application/x-research-info-systems; charset=utf-8"),
        (brief_css(nginx.root), "text/css; charset=utf-8"),
    ]:
        response, body = nginx.get(path)
        assert response.status == 200, path
        assert response.getheader("Content-Type") == content_type, path
        assert (
            body
            == nginx.root.joinpath(
                path.lstrip("/") + ("index.html" if path.endswith("/") else "")
            ).read_bytes()
        )
    page = BeautifulSoup(nginx.get(f"/{BRIEF_4_URL}")[1], "html.parser")
    assert page.find("section", class_="summary-card") is not None


def test_a_folder_without_its_slash_is_redirected_by_a_path_not_an_absolute_address(nginx):
    """nginx wrote `Location: http://127.0.0.1:<port>/search/`: behind a proxy that ends TLS, readers were sent to
    http://. The redirect is a path, on whatever scheme and host the reader used."""
    response, _ = nginx.get("/search")
    assert response.status == 301
    assert response.getheader("Location") == "/search/"


def test_security_headers_match_the_headers_file_on_every_kind_of_answer(nginx):
    rules = parse_headers_file((nginx.root / "_headers").read_text())
    for path in ["/", f"/{BRIEF_4_URL}", "/feeds/all.atom.xml", brief_css(nginx.root), "/no-such-page/"]:
        response, _ = nginx.get(path)
        expected = headers_for(rules, path)
        for name in SECURITY_HEADERS:
            assert response.getheader(name) == expected[name], f"{path}: {name}"


def test_html_is_revalidated_and_fingerprinted_css_is_kept_for_a_year(nginx):
    assert nginx.get("/")[0].getheader("Cache-Control") == HTML_CACHE
    assert nginx.get(f"/{BRIEF_4_URL}")[0].getheader("Cache-Control") == HTML_CACHE
    assert nginx.get(brief_css(nginx.root))[0].getheader("Cache-Control") == ASSET_CACHE
    response, _ = nginx.get("/")
    revalidated, body = nginx.get("/", If_None_Match=response.getheader("ETag"))
    assert (revalidated.status, body) == (304, b"")


def test_a_missing_page_gets_the_404_page_with_status_404(nginx):
    not_found = nginx.root / "404.html"
    assert not_found.is_file(), "the published site has no 404.html"
    response, body = nginx.get("/briefs/no-such-brief/")
    assert response.status == 404
    assert body == not_found.read_bytes()
    assert response.getheader("Cache-Control") == HTML_CACHE


def test_host_files_are_not_served(nginx):
    assert nginx.get("/_headers")[0].status == 404


def test_a_client_that_accepts_gzip_gets_the_precompressed_copy(nginx):
    response, body = nginx.get("/", Accept_Encoding="gzip")
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in response.getheader("Vary", "")
    assert body == (nginx.root / "index.html.gz").read_bytes()  # the file itself, not nginx's own gzip

    plain, plain_body = nginx.get("/")
    assert plain.getheader("Content-Encoding") is None
    assert plain_body == (nginx.root / "index.html").read_bytes()


def test_a_client_that_accepts_brotli_gets_the_br_copy(nginx):
    if not nginx.brotli:
        require(missing_nginx_brotli())
    css = brief_css(nginx.root)
    response, body = nginx.get(css, Accept_Encoding="br, gzip")
    assert response.getheader("Content-Encoding") == "br"
    assert body == nginx.root.joinpath(css.lstrip("/") + ".br").read_bytes()


def test_only_the_embeddable_card_may_be_framed_by_other_sites(nginx):
    rules = parse_headers_file((nginx.root / "_headers").read_text())
    card = f"/{BRIEF_4_URL}card/"
    for path in [card, f"{card}index.html", f"/{BRIEF_4_URL}", "/", "/no-such-page/", "/briefs/x/card/"]:
        response, _ = nginx.get(path)
        policy = csp_directives(response.getheader("Content-Security-Policy"))
        framable = path.startswith(card)
        assert policy["frame-ancestors"] == (["*"] if framable else ["'none'"]), path
        assert (
            response.getheader("Content-Security-Policy")
            == headers_for(rules, path)["content-security-policy"]
            or path == "/briefs/x/card/"
        ), path  # a missing card's address is answered by the 404 page
    response, body = nginx.get(f"/oembed/{BRIEF_4_URL.split('/')[1]}.json")
    assert response.status == 200
    assert response.getheader("Content-Type") == "application/json; charset=utf-8"
    assert json.loads(body)["type"] == "rich"


@pytest.fixture
def admin_stand_ins(nginx):
    """SYNTHETIC TEST FIXTURE: stand-ins for what DECAP_ADMIN writes (the published build here has no editor),
    removed afterwards: the published site is shared by the whole session, and other tests read all of it."""
    admin = nginx.root / "admin"
    assert not admin.exists(), "the shared published site already has an /admin/"
    for file in ("index.html", "config.yml", "preview/reality-check-4/index.html"):
        (admin / file).parent.mkdir(parents=True, exist_ok=True)
        (admin / file).write_text("<!doctype html><title>stand-in</title>\n", encoding="utf-8")
    yield
    shutil.rmtree(admin)


@pytest.mark.usefixtures("admin_stand_ins")
def test_admin_gets_its_own_policy_on_both_hosts_and_the_site_keeps_its_own(nginx):
    rules = parse_headers_file((nginx.root / "_headers").read_text())
    for path in ["/admin/", "/admin/config.yml", "/admin/preview/reality-check-4/"]:
        response, _ = nginx.get(path)
        assert response.status == 200, path
        expected = headers_for(rules, path)
        for name in ("Content-Security-Policy", "Cross-Origin-Opener-Policy", "X-Robots-Tag"):
            assert response.getheader(name) == expected[name.lower()], (path, name)
        assert "'unsafe-eval'" in csp_directives(response.getheader("Content-Security-Policy"))["script-src"]
    response, _ = nginx.get(f"/{BRIEF_4_URL}")
    assert response.getheader("X-Robots-Tag") is None
    assert response.getheader("Cross-Origin-Opener-Policy") == "same-origin"
    assert "'unsafe-eval'" not in response.getheader("Content-Security-Policy")


def test_netlify_reads_every_header_from_the_headers_file_alone():
    """The policies are written once, in deploy/_headers: netlify.toml sets no header of its own. Netlify gives a
    path the value of the last matching rule for each header (its headers-parser), so the /admin/* rule of
    _headers replaces the site's policy there without a second copy; its `! Name` lines are Cloudflare's."""
    netlify = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    assert "headers" not in netlify
    rules = parse_headers_file((ROOT / "deploy" / "_headers").read_text(encoding="utf-8"))
    (admin,) = [rule for rule in rules if rule.pattern == "/admin/*"]
    assert rules.index(admin) > [rule.pattern for rule in rules].index("/*")  # later, so it wins on Netlify
    assert set(admin.detached) == {"Content-Security-Policy", "Cross-Origin-Opener-Policy"}
