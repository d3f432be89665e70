"""`make cms`'s pieces that need no browser: decap-server's settings, the preview's options, a busy port."""

from __future__ import annotations

import logging
import re
import socket
import sys
from pathlib import Path

import pytest
from local_servers import has_ipv6_loopback
from pelican import parse_arguments

from reality_check.editor.build import pelican_arguments
from reality_check.editor.cms import (
    CmsError,
    api_url,
    decap_server_env,
    ensure_free,
    preview_overrides,
    with_settings,
)


def test_decap_server_writes_under_the_project_folder_and_listens_on_loopback(tmp_path):
    env = decap_server_env(tmp_path, "127.0.0.1", 8081, base={"PATH": "/usr/bin"})
    assert env["GIT_REPO_DIRECTORY"] == str(tmp_path.resolve())
    assert (env["PORT"], env["BIND_HOST"], env["MODE"]) == ("8081", "127.0.0.1", "fs")
    assert env["PATH"] == "/usr/bin"


def test_the_preview_is_built_with_admin_pointed_at_decap_server():
    overrides = preview_overrides("127.0.0.1", 8000, 8081)
    assert overrides == {
        "DECAP_ADMIN": True,
        "DECAP_LOCAL_BACKEND": "http://127.0.0.1:8081/api/v1",
        "DECAP_SITE_URL": "http://127.0.0.1:8000",
    }
    assert api_url("127.0.0.1", 8081) == overrides["DECAP_LOCAL_BACKEND"]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ([], {"A": True, "B": "x"}),
        (["-D"], {"A": True, "B": "x"}),
        # Pelican keeps only its last -e: the editor's own settings and ours reach it together
        (["-e", 'CACHE_PATH="/c"', "-D"], {"A": True, "B": "x", "CACHE_PATH": "/c"}),
    ],
)
def test_settings_join_the_editors_own_pelican_options(extra, expected):
    argv = pelican_arguments(
        Path("content"), Path("out"), Path("pelicanconf.py"), with_settings(extra, {"A": True, "B": "x"})
    )
    arguments = parse_arguments(argv)
    assert arguments.overrides == expected
    assert (arguments.verbosity == logging.DEBUG) is ("-D" in extra)


@pytest.mark.parametrize(("family", "host"), [(socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")])
def test_a_busy_port_is_refused_with_a_way_out(family, host):
    """On IPv6 too (HOST=::1): the probe was IPv4 only, so decap-server then failed on its own, unexplained."""
    if not has_ipv6_loopback() and family == socket.AF_INET6:
        pytest.skip("this machine has no IPv6")
    with socket.socket(family) as taken:
        taken.bind((host, 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(
            CmsError, match=rf"port {port} on {re.escape(host)} is already in use.*make cms CMS_PORT=\d+"
        ):
            ensure_free(host, port)


def test_missing_decap_server_says_how_to_install_it(tmp_path):
    from reality_check.editor.cms import decap_server_command

    with pytest.raises(CmsError, match="make node-tools"):
        decap_server_command(Path(tmp_path))


def test_decap_server_is_asked_directly_whatever_proxy_the_environment_names(monkeypatch):
    """`make cms` waits for decap-server's answer on 127.0.0.1; a proxy for the package registries (http_proxy,
    here one that refuses every connection) must not stand between them."""
    import http.server
    import json
    import threading

    from reality_check.editor.cms import served_folder

    class Info(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            body = json.dumps({"repo": "synthetic", "publish_modes": ["simple"], "type": "local_fs"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    with socket.socket() as closed:  # a port nothing listens on, for the proxy
        closed.bind(("127.0.0.1", 0))
        dead_proxy = f"http://127.0.0.1:{closed.getsockname()[1]}"
    for name in ("http_proxy", "HTTP_PROXY"):
        monkeypatch.setenv(name, dead_proxy)
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Info)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        assert served_folder(f"http://127.0.0.1:{server.server_address[1]}/api/v1") == "synthetic"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("host", "port", "says"),
    [
        (
            "127.0.0.1",
            70000,
            "port 70000 does not exist: ports go from 1 to 65535; pick one above 1023 with CMS_PORT=",
        ),
        (
            "192.0.2.10",
            8081,
            "cannot serve at 192.0.2.10:8081 (",
        ),  # an address of no interface of this machine
    ],
)
def test_a_port_that_cannot_be_used_is_told_why_not_called_busy(host, port, says):
    with pytest.raises(CmsError) as refused:
        ensure_free(host, port)
    assert str(refused.value).startswith(says)
    assert "already in use" not in str(refused.value)


def test_addresses_of_an_ipv6_host_are_bracketed():
    assert api_url("::1", 8081) == "http://[::1]:8081/api/v1"
    assert preview_overrides("::1", 8000, 8081)["DECAP_SITE_URL"] == "http://[::1]:8000"
    assert api_url("127.0.0.1", 8081) == "http://127.0.0.1:8081/api/v1"


def test_the_editor_needs_its_ports_named_not_any_free_one(tmp_path):
    """PORT=0 serves `make serve` and `make devserver` on any free port; the editor's configuration must hold
    both addresses before anything starts, so `make cms` asks for them."""
    from reality_check.editor.cms import run_cms

    with pytest.raises(
        CmsError, match=r"make cms needs its two ports named .* e\.g\. make cms PORT=8000 CMS_PORT=8081"
    ):
        run_cms(tmp_path, tmp_path / "out", tmp_path / "pelicanconf.py", "127.0.0.1", 0, 8081, [])


def test_a_decap_server_for_another_folder_taking_the_port_is_refused(tmp_path, monkeypatch):
    """The port was free when `make cms` looked, and another program's decap-server took it before ours started:
    it answers for its own folder, where the editor's saves would go. `make cms` stops and says so."""
    import http.server
    import json
    import threading
    import time

    from reality_check.editor import cms

    class OtherFolder(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            body = json.dumps({"repo": "someone-elses-site", "publish_modes": ["simple"], "type": "local_fs"})
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body.encode())

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OtherFolder)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    monkeypatch.setattr(cms, "ensure_free", lambda host, port: None)  # free when looked at, taken since
    # Ours, still starting (it would fail to listen on the taken port a moment later).
    monkeypatch.setattr(
        cms, "decap_server_command", lambda root: [sys.executable, "-c", "import time; time.sleep(30)"]
    )
    (tmp_path / "site").mkdir()
    started = time.monotonic()
    try:
        with pytest.raises(cms.CmsError, match=r"another decap-server .*'someone-elses-site'.*CMS_PORT"):
            cms.start_decap_server(tmp_path, tmp_path / "site", "127.0.0.1", server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
    assert time.monotonic() - started < 10  # ours stopped at once, not waited for


def test_a_second_signal_does_not_cut_the_stop_of_decap_server_short():
    """Ctrl-C or SIGTERM reaches `make cms` twice (make hands its own on to it): the second, arriving while
    decap-server is being stopped, must not leave decap-server running in its own session, holding its port."""
    import os
    import signal
    import subprocess
    import threading
    import time

    from reality_check.editor import cms

    # A stand-in decap-server that takes half a second to stop.
    script = (
        "import signal, sys, time\n"
        "signal.signal(signal.SIGTERM, lambda *a: (time.sleep(0.5), sys.exit(0)))\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n"
    )
    server = subprocess.Popen(
        [sys.executable, "-c", script], start_new_session=True, stdout=subprocess.PIPE, text=True
    )
    assert server.stdout.readline() == "ready\n"

    def exit_on_signal(signum, frame):  # as the devserver's own handler does
        raise SystemExit(128 + signum)

    def second_signal() -> None:
        time.sleep(0.1)
        os.kill(os.getpid(), signal.SIGTERM)

    previous = signal.signal(signal.SIGTERM, exit_on_signal)
    threading.Thread(target=second_signal).start()
    try:
        cms.stop_whatever_comes(server)
        time.sleep(0.3)  # the second signal has come and gone
    finally:
        signal.signal(signal.SIGTERM, previous)
        if server.poll() is None:
            server.kill()
        server.stdout.close()
    assert server.returncode == 0  # stopped by its SIGTERM, waited for to the end


def test_the_fixtures_last_resort_stops_a_process_in_a_session_of_its_own(tmp_path):
    """tests/quality/test_cms_browser.py's fallback when `make cms` does not stop: decap-server, in a session of
    its own, is found by the folder in its environment (once, it outlived a run slowed down by strace)."""
    import os
    import subprocess
    from pathlib import Path

    from local_servers import kill_processes_with_env, wait_for

    marker = str(tmp_path / "synthetic-repository")
    env = {**os.environ, "GIT_REPO_DIRECTORY": marker}
    stray = subprocess.Popen(["sleep", "60"], env=env, start_new_session=True)
    bystander = subprocess.Popen(["sleep", "60"], start_new_session=True)
    try:
        # The fallback finds the process by its environment as /proc shows it: wait until it shows the one given.
        environ = Path(f"/proc/{stray.pid}/environ")
        wait_for(lambda: marker.encode() in environ.read_bytes(), "sleep to start with its environment", 10)
        killed = kill_processes_with_env("GIT_REPO_DIRECTORY", marker)
        # It failed once in a whole-suite run, without saying which fact: each says what it saw.
        assert killed == [stray.pid], (killed, stray.pid)
        assert stray.wait(timeout=10) == -9, stray.returncode
        assert bystander.poll() is None, bystander.returncode  # another process is left alone
    finally:
        for process in (stray, bystander):
            process.kill()
            process.wait()
