"""``make cms``: the browser editor on this machine: decap-server and the preview, started and stopped together.

decap-server (Decap CMS's local backend, from ``node_modules``) reads and writes the files under the project
folder; the preview (``make devserver``) serves the site with ``/admin/`` turned on and pointed at it. Ctrl-C
stops both.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

from reality_check.plugins.brief_registry.arguments import builds, refuse_misplaced_output
from reality_check.plugins.brief_registry.problems import project_folder

from .devserver import serve
from .preview_server import (
    DEFAULT_CMS_PORT,
    DEFAULT_PORT,
    PortBusyError,
    http_address,
    refusal,
    try_to_bind,
)

DECAP_SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"
START_TIMEOUT = 30.0


class CmsError(Exception):
    """The editor cannot be started; the message says what to install or change."""


def api_url(host: str, port: int) -> str:
    """decap-server's API address, as Decap's `local_backend.url` names it."""
    return f"{http_address(host, port)}/api/v1"


def decap_server_command(root: Path) -> list[str]:
    """How to run decap-server from the project's node_modules (needs Node.js)."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise CmsError("Node.js is needed for the editor (Debian: apt-get install nodejs npm)")
    script = root / DECAP_SERVER
    if not script.is_file():
        raise CmsError(
            f"{script} is missing: run `make node-tools` to install decap-server from package-lock.json"
        )
    return [node, str(script)]


def decap_server_env(repository: Path, host: str, port: int, base: Mapping[str, str] | None = None) -> dict:
    """decap-server's settings: the folder it may write in, where it listens; file-system mode (no git)."""
    env = dict(os.environ if base is None else base)
    env.update(
        {
            "PORT": str(port),
            "BIND_HOST": host,
            "MODE": "fs",
            "GIT_REPO_DIRECTORY": str(repository),
            "LOG_LEVEL": env.get("LOG_LEVEL", "warn"),
        }
    )
    return env


def start_decap_server(root: Path, repository: Path, host: str, port: int) -> subprocess.Popen:
    """Start decap-server and wait until it answers; raise CmsError if it does not, or if another decap-server
    answers there instead."""
    # Absolute (links kept): decap-server names the folder it edits by the last part of this path.
    repository = Path(os.path.abspath(repository))
    ensure_free(host, port)
    process = subprocess.Popen(
        decap_server_command(root),
        cwd=repository,
        env=decap_server_env(repository, host, port),
        start_new_session=True,
    )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise CmsError(
                f"decap-server stopped at start (exit status {process.returncode}); "
                f"is port {port} already in use? Choose another with CMS_PORT=…"
            )
        served = served_folder(api_url(host, port))
        if served is not None:
            if served != repository.name or process.poll() is not None:
                # Another program took the port between the check and decap-server's start, and answers for
                # some other folder: edits would go there.
                stop(process)
                raise CmsError(
                    f"port {port} is answered by another decap-server (editing a folder named {served!r}); "
                    "stop it, or choose another port with CMS_PORT=…"
                )
            return process
        time.sleep(0.2)
    stop(process)
    raise CmsError(f"decap-server did not answer on {api_url(host, port)} within {START_TIMEOUT:.0f} s")


def ensure_free(host: str, port: int) -> None:
    """Refuse a port something else listens on (another decap-server would answer for the wrong folder)."""
    try:
        try_to_bind(host, port)
    except (OSError, OverflowError) as error:
        raise CmsError(refusal(error, host, port, "cms", "CMS_PORT")) from None


# decap-server listens on this machine: asked directly, never through a proxy the environment names (http_proxy).
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def served_folder(url: str) -> str | None:
    """The name of the folder the decap-server at `url` edits, from its answer to Decap's own first question
    ("info"); None while no decap-server answers there."""
    request = urllib.request.Request(
        url, data=json.dumps({"action": "info"}).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with _DIRECT.open(request, timeout=2) as response:
            info = json.load(response)
    except (OSError, ValueError, urllib.error.URLError):
        return None
    return str(info.get("repo", "")) if isinstance(info, dict) and "publish_modes" in info else None


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM ignored for the block: `make` hands its own on to this process, so a second one often
    arrives while the first is being handled, and would cut the cleanup short."""
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def stop_whatever_comes(process: subprocess.Popen) -> None:
    """:func:`stop`, which a second Ctrl-C or SIGTERM does not interrupt: decap-server runs in a session of its
    own, so a stop cut short would leave it holding its port for the next `make cms`."""
    with signals_held():
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stop decap-server (started in a session of its own); force it after ten seconds."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def preview_overrides(host: str, port: int, cms_port: int) -> dict[str, object]:
    """The settings the preview is built with while the editor runs: /admin/, pointed at decap-server."""
    return {
        "DECAP_ADMIN": True,
        "DECAP_LOCAL_BACKEND": api_url(host, cms_port),
        "DECAP_SITE_URL": http_address(host, port),
    }


def with_settings(extra: list[str], overrides: Mapping[str, object]) -> list[str]:
    """Pelican's options with ``-e NAME=json …`` for `overrides` put before the editor's own: the preview's
    command line joins every ``-e`` into one (:func:`editor.build.one_extra_settings`), so an editor's own
    value of one of these settings wins."""
    return ["-e", *(f"{name}={json.dumps(value)}" for name, value in overrides.items()), *extra]


def run_cms(
    content: Path,
    output: Path,
    settings_file: Path,
    host: str,
    port: int,
    cms_port: int,
    extra: list[str],
) -> int:
    """Run decap-server and the preview until Ctrl-C; stop both. An output folder no build may write into is
    refused (MisplacedOutputError) before decap-server is started."""
    if 0 in (port, cms_port):
        raise CmsError(
            "make cms needs its two ports named (the editor's configuration holds both addresses), not 0: "
            f"e.g. make cms PORT={DEFAULT_PORT} CMS_PORT={DEFAULT_CMS_PORT}"
        )
    refuse_misplaced_output(output, content, Path.cwd(), builds("make cms"))
    try:  # the preview's port first: a busy one is said at once, before decap-server is started and waited for
        try_to_bind(host, port)
    except (OSError, OverflowError) as error:
        raise PortBusyError(refusal(error, host, port, "cms")) from None
    root = Path.cwd()
    overrides = preview_overrides(host, port, cms_port)
    # As the check names files: a linked content folder keeps its name.
    repository = Path(project_folder(content))
    server = start_decap_server(root, repository, host, cms_port)
    print(f"decap-server is saving into {repository} (API {api_url(host, cms_port)}).")
    print(f"Editor at {http_address(host, port)}/admin/ once the preview is built.", flush=True)
    try:
        return serve(content, output, settings_file, host, port, with_settings(extra, overrides), "make cms")
    finally:
        stop_whatever_comes(server)
