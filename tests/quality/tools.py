"""The system tools the tests drive, and what to do when one is missing.

On a laptop without Chromium, Java, Node, nginx, rsync or git the tests that need it skip with one line naming the
tool and how to install it; `.ci/run` installs them all (test_missing_tools.py holds it to that). Under CI
(`CI=true`) every skip is a failure (the project's conftest.py): a gate that skips in CI is no gate.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Debian's Chromium, headless, with nothing that phones home (the machine has no network but the registries).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # One renderer process for all pages of a site in a context (every test server is the site 127.0.0.1):
    # a new page then starts in a warm process instead of a new one (tests/conftest.py, `reader_context`).
    "--process-per-site",
)
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SBIN = "/usr/sbin:/usr/local/sbin"  # where Debian puts nginx, often not on a user's PATH
NGINX_BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


@dataclass(frozen=True)
class MissingTool:
    """A tool a gate needs, not found: its name and how to get it."""

    tool: str
    install: str

    def __str__(self) -> str:
        return f"{self.tool} not found: {self.install}"


def missing_chromium() -> MissingTool | None:
    if not CHROMIUM.is_file():
        return MissingTool(f"Chromium ({CHROMIUM})", "install it with `apt-get install chromium`")
    return None


def missing_java() -> MissingTool | None:
    if shutil.which("java") is None:
        return MissingTool("Java (java)", "install it with `apt-get install default-jre-headless`")
    return None


def missing_vnu() -> MissingTool | None:
    if not VNU_JAR.is_file():
        how = (
            "run `make node-tools`"
            if shutil.which("npm")
            else "install Node with `apt-get install nodejs npm`"
        )
        return MissingTool(f"the Nu HTML Checker ({VNU_JAR.relative_to(ROOT)})", f"{how}, then `make test`")
    return None


def missing_command(command: str, packages: str, also_in: str = "") -> MissingTool | None:
    """`command` is neither on PATH nor in `also_in` (a PATH-like string): Debian's `packages` provide it."""
    if shutil.which(command) or (also_in and shutil.which(command, path=also_in)):
        return None
    return MissingTool(command, f"install it with `apt-get install {packages}`")


def missing_nginx() -> MissingTool | None:
    return missing_command("nginx", "nginx-light libnginx-mod-http-brotli-static", also_in=SBIN)


def missing_nginx_brotli() -> MissingTool | None:
    if not NGINX_BROTLI_MODULE.is_file():
        return MissingTool(
            f"nginx's brotli module ({NGINX_BROTLI_MODULE})",
            "install it with `apt-get install libnginx-mod-http-brotli-static`",
        )
    return None


def missing_rsync() -> MissingTool | None:
    return missing_command("rsync", "rsync")


def missing_git() -> MissingTool | None:
    return missing_command("git", "git")


def missing_make() -> MissingTool | None:
    return missing_command("make", "make")


# Every probe, for the test that `.ci/run` installs what each one asks for.
PROBES = (
    missing_chromium,
    missing_java,
    missing_vnu,
    missing_nginx,
    missing_nginx_brotli,
    missing_rsync,
    missing_git,
    missing_make,
)


def require(*missing: MissingTool | None) -> None:
    """Skip the calling test when any of the tools is missing (under CI=true the skip fails the run)."""
    absent = [str(tool) for tool in missing if tool is not None]
    if absent:
        pytest.skip("; ".join(absent))
