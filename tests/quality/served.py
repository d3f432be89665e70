"""A built site served over HTTP on 127.0.0.1, the way a static host serves it, for the browser and link gates."""

from __future__ import annotations

import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from publishing import HeaderRule, parse_headers_file

# How often the serving thread looks for a request to stop (socketserver's default, 0.5 s, is what each stop
# would wait: a server per test adds up).
SHUTDOWN_POLL = 0.02


def headers_for(rules: tuple[HeaderRule, ...], path: str) -> dict[str, str]:
    """The headers every matching rule sets, as written, in file order (a later rule's value for a name wins).

    What the test server sends; tests/publishing.py's `headers_for` is the stricter view of the same rules
    that the publishing tests compare hosts with."""
    headers: dict[str, str] = {}
    for rule in rules:
        if rule.matches(path):
            headers.update(rule.headers)
    return headers


class _StaticSiteHandler(SimpleHTTPRequestHandler):
    """Serve files from the site folder; a missing path gets the site's own 404.html, as the hosting does.

    When the site ships a `_headers` file (Content-Security-Policy and the like), its headers are sent too, so the
    browser gates see what a reader's browser enforces.
    """

    def __init__(self, *args: object, header_rules: tuple[HeaderRule, ...] = (), **kwargs: object) -> None:
        self.header_rules = header_rules
        super().__init__(*args, **kwargs)

    def end_headers(self) -> None:
        # A site that answers with a "LinkChecker" header tells LinkChecker it may skip its politeness pause
        # (0.1-0.6 s between requests to a host): this server is ours, on loopback, and only serves tests.
        self.send_header("LinkChecker", "unthrottled")
        for name, value in headers_for(self.header_rules, self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the tests report what matters."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found_page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found_page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class StaticSiteServer:
    """Serve `root` on a free port of 127.0.0.1 in a background thread; use it as a context manager."""

    def __init__(self, root: Path, header_rules: tuple[HeaderRule, ...] | None = None) -> None:
        """`header_rules`: the headers to send, parsed from a `_headers` file; by default the site's own."""
        self.root = root
        headers_file = root / "_headers"
        if header_rules is None and headers_file.is_file():
            header_rules = parse_headers_file(headers_file.read_text(encoding="utf-8"))
        handler = functools.partial(_StaticSiteHandler, directory=str(root), header_rules=header_rules or ())
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": SHUTDOWN_POLL},
            name="static-site",
            daemon=True,
        )

    @property
    def base_url(self) -> str:
        """The address of the site's home page, ending in a slash."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def url(self, path: str) -> str:
        """The absolute address of a path on the site (`/briefs/x/` or `briefs/x/`)."""
        return self.base_url + path.lstrip("/")

    def __enter__(self) -> StaticSiteServer:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
