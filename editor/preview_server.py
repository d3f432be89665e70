"""The preview's web server (``make serve``, ``make devserver``): Pelican's, bound before anything else runs.

``pelican --listen`` reports a port in use as "Could not listen" and then exits 0, after the build has run and
"Preview at …" has been printed. Binding the port first, in this process, makes a busy port the first and only
thing an editor sees, with the way out: ``PORT=`` picks another.
"""

from __future__ import annotations

import errno
import io
import logging
import os
import socket
import socketserver
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import parse_qs, unquote

from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer

# Where `make serve`, `make devserver` and `make cms` serve unless told otherwise (the Makefile's PORT, CMS_PORT).
DEFAULT_HOST = "127.0.0.1"  # this computer only (the Makefile's HOST)
DEFAULT_PORT = 8000
DEFAULT_CMS_PORT = 8081
# How far above a busy port to look for a free one to suggest.
SUGGESTION_RANGE = 20


class PortBusyError(Exception):
    """The preview's port is already taken by another program."""


class QuietHandler(ComplexHTTPRequestHandler):
    """Pelican's request handler, quiet (the terminal is for the briefs' problems), answering a missing page
    with the site's 404 page as a host would (Pelican's closes the connection without an answer), and a folder
    without an index.html the same way (http.server listed its files, "Directory listing for /theme/", where the
    live site answers 404)."""

    def log_message(self, msg_format: str, *args: object) -> None:
        pass

    def get_path_that_exists(self, original_path: str) -> str | None:
        found = super().get_path_that_exists(original_path)
        if found is None:
            self._answer_missing(original_path)
        return found

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self._answer_missing(self.path.split("?", 1)[0])
        return None

    def _answer_missing(self, original_path: str) -> None:
        page = Path(self.base_path) / "404.html"
        if page.is_file():
            body = self.missing_page(original_path, page.read_bytes())
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def missing_page(self, original_path: str, body: bytes) -> bytes:
        """What to answer for a page the site does not have: the site's 404 page, as built."""
        return body


# Development only: what the devserver adds to the pages it serves (never to the files it builds, so the published
# site keeps its Content-Security-Policy and its script-free brief pages).
PREVIEW_PREFIX = "/__preview__/"
# (the URL path of a page's file, e.g. /briefs/x/index.html; the page with the earlier additions) -> HTML put just
# before its </body>
PageAddition = Callable[[str, bytes], str]
# (the request's query parameters) -> (content type, body) of a file under PREVIEW_PREFIX
PreviewRoute = Callable[[dict[str, str]], tuple[str, bytes]]


class PreviewHandler(QuietHandler):
    """The devserver's handler: serves the site with each page's dev-only additions, and the previews' own files.

    The additions and routes live on the server (``server.page_additions``, ``server.preview_routes``), so the
    devserver's features register there: the live-reload script (editor/live_reload.py) is one of them.
    """

    def do_GET(self) -> None:  # noqa: N802 - the standard library names it
        path, _, query = self.path.partition("?")
        route = getattr(self.server, "preview_routes", {}).get(path)
        if route is None:
            super().do_GET()
            return
        content_type, body = route({name: values[0] for name, values in parse_qs(query).items()})
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def missing_page(self, original_path: str, body: bytes) -> bytes:
        """The site's 404 page with the additions of the page asked for (so a tab on it reloads once that page
        is built: a new brief, or a page a rebuild is writing again)."""
        return with_all(body, served_file(original_path), getattr(self.server, "page_additions", ()))

    def send_head(self):
        additions = getattr(self.server, "page_additions", ())
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not additions or not path.endswith(".html") or not os.path.isfile(path):
            return super().send_head()
        body = with_all(Path(path).read_bytes(), self.path.split("?", 1)[0], additions)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)


def with_all(page: bytes, url: str, additions: Iterable[PageAddition]) -> bytes:
    """`page` (served at `url`) with each addition in turn; each is given the page with the ones before it."""
    for add in additions:
        page = with_additions(page, add(url, page))
    return page


def served_file(path: str) -> str:
    """The URL path of the file a page address names, as the server looks for it (/briefs/x/ -> /briefs/x/index.html)."""
    path = path.split("?", 1)[0]
    if path.endswith(".html"):
        return path
    return path + "index.html" if path.endswith("/") else path + "/index.html"


def page_file(root: Path, url: str) -> Path | None:
    """The built page at `url` (a URL path as the handler resolves it, e.g. /briefs/x/index.html) in the folder
    `root`, mapped as Pelican's server maps it ("." and ".." dropped, links followed as when serving it); None if
    there is no such page, or `url` cannot name a file."""
    try:
        words = [word for word in unquote(url.split("?", 1)[0]).split("/") if word not in ("", ".", "..")]
        file = Path(root).joinpath(*words)
        return file if file.suffix == ".html" and file.is_file() else None
    except (OSError, ValueError):  # a name too long, or holding a NUL byte
        return None


def served_page(root: Path, url: str, additions: Iterable[PageAddition]) -> bytes | None:
    """The page at `url` (see :func:`page_file`) as served with `additions`; None if no such page is built."""
    file = page_file(root, url)
    try:
        return None if file is None else with_all(file.read_bytes(), url, additions)
    except OSError:  # removed since
        return None


def with_additions(page: bytes, html: str) -> bytes:
    """`page` with `html` inserted before its last ``</body>`` (at the end when it has none)."""
    if not html:
        return page
    at = page.rfind(b"</body>")
    at = len(page) if at < 0 else at
    return page[:at] + html.encode("utf-8") + page[at:]


class PreviewServer(socketserver.ThreadingMixIn, RootedHTTPServer):
    """Pelican's server, reusing a port just released, as ``pelican --listen`` sets on Pelican's own class (this
    subclass leaves Pelican's class alone), answering each connection in a thread of its own.

    Pelican's server answers one connection at a time, and waits without limit for a connection's request: a
    browser opens connections ahead of need (Chromium does for the live-reload script's questions and the
    browser editor), and one such connection left idle stopped every other page, the editor's included, until
    the browser dropped it.
    """

    allow_reuse_address = True
    daemon_threads = True  # Ctrl-C does not wait for a browser's idle connection
    # Set by open_server: the folder served, what each page gets before </body>, the previews' own files.
    root: Path
    page_additions: list[PageAddition]
    preview_routes: dict[str, PreviewRoute]


class PreviewServerIPv6(PreviewServer):
    """The same server on an IPv6 address (``HOST=::1``): a server's socket has one address family."""

    address_family = socket.AF_INET6


def open_server(
    output: Path, host: str, port: int, target: str, handler: type[QuietHandler] = QuietHandler
) -> RootedHTTPServer:
    """A server for `output` bound to host:port (not yet serving); PortBusyError says what to do if taken.

    `target` is the make target the editor ran, so the message gives the exact command to run instead.
    """
    # Pelican's handler logs each missing page as a warning; the 404 answer says it already.
    logging.getLogger("pelican.server").setLevel(logging.ERROR)
    try:
        # Pelican's server puts the folder on the handler class: a class of its own keeps it to this server.
        own_handler = type(handler.__name__, (handler,), {})
        server_class = PreviewServerIPv6 if _family(host) == socket.AF_INET6 else PreviewServer
        server = server_class(str(output), (host, port), own_handler)
        server.root, server.page_additions, server.preview_routes = Path(output), [], {}
        return server
    except (OSError, OverflowError) as error:  # OverflowError: a port past 65535, refused before any bind
        raise PortBusyError(refusal(error, host, port, target)) from None


def refusal(error: OSError | OverflowError, host: str, port: int, target: str, variable: str = "PORT") -> str:
    """Why nothing can listen at host:port, and the command that would (`variable`: the make variable that sets
    the port, PORT or CMS_PORT)."""
    example = f"make {target} {variable}={DEFAULT_CMS_PORT if variable == 'CMS_PORT' else DEFAULT_PORT}"
    if isinstance(error, OverflowError):
        return f"port {port} does not exist: ports go from 1 to 65535; pick one above 1023 with {variable}=, e.g. {example}"
    if error.errno == errno.EADDRINUSE:
        free = next_free_port(host, port)
        return (
            f"port {port} on {host} is already in use (another preview, or another program, is serving there); "
            f"stop it, or pick another port with {variable}=, e.g. make {target} {variable}="
            f"{free if free is not None else port + 1}"
        )
    if error.errno == errno.EACCES:
        return f"port {port} needs administrator rights on this machine; pick one above 1023 with {variable}=, e.g. {example}"
    return f"cannot serve at {host}:{port} ({error.strerror}); check HOST= and {variable}="


def next_free_port(host: str, port: int) -> int | None:
    """The first port above `port` that can be bound on `host`, or None."""
    return next(
        (c for c in range(port + 1, min(port + 1 + SUGGESTION_RANGE, 65536)) if port_is_free(host, c)), None
    )


def http_address(host: str, port: int) -> str:
    """``http://host:port``, with an IPv6 host in brackets (``http://[::1]:8000``), as browsers and URLs want it."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def port_is_free(host: str, port: int) -> bool:
    """Whether a server could listen at host:port now (an IPv6 host, such as ``::1``, too)."""
    try:
        try_to_bind(host, port)
    except (OSError, OverflowError):
        return False
    return True


def try_to_bind(host: str, port: int) -> None:
    """Bind a socket to host:port and let it go; raise the OSError (or OverflowError) a server would meet."""
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET
