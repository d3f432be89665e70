"""The external tools the quality gates drive, and what to do when one is missing.

On a laptop without Chromium, Java or Node the gates skip with one line naming the tool and how to install
it. Under CI (`CI=true`) every skip is a failure (the project's conftest.py): a gate that skips in CI is no gate.
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
)
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


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


def require(*missing: MissingTool | None) -> None:
    """Skip the calling test when any of the tools is missing (under CI=true the skip fails the run)."""
    absent = [str(tool) for tool in missing if tool is not None]
    if absent:
        pytest.skip("; ".join(absent))
