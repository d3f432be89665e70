"""`make cms`'s pieces that need no browser: decap-server's settings, the preview's options, a busy port."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest
from pelican import parse_arguments

from editor.build import pelican_arguments
from editor.cms import CmsError, api_url, decap_server_env, ensure_free, preview_overrides, with_settings


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


def test_a_busy_port_is_refused_with_a_way_out():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CmsError, match=f"port {port} on 127.0.0.1 is already in use.*CMS_PORT="):
            ensure_free("127.0.0.1", port)


def test_missing_decap_server_says_how_to_install_it(tmp_path):
    from editor.cms import decap_server_command

    with pytest.raises(CmsError, match="make node-tools"):
        decap_server_command(Path(tmp_path))
