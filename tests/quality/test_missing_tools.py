"""A missing Chromium, Java or Nu HTML Checker: a one-line skip (under CI=true a failure: tests/test_ci_policy.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import tools
from .tools import MissingTool, require

CHROMIUM_MISSING = MissingTool("Chromium (/nowhere/chromium)", "install it with `apt-get install chromium`")


def test_a_missing_tool_skips_with_one_line_naming_it_and_how_to_install() -> None:
    with pytest.raises(pytest.skip.Exception) as skipped:
        require(None, CHROMIUM_MISSING)
    reason = str(skipped.value)
    assert reason == "Chromium (/nowhere/chromium) not found: install it with `apt-get install chromium`"
    assert "\n" not in reason


def test_several_missing_tools_are_named_on_one_line() -> None:
    java = MissingTool("Java (java)", "install it with `apt-get install default-jre-headless`")
    with pytest.raises(pytest.skip.Exception) as skipped:
        require(CHROMIUM_MISSING, None, java)
    assert str(skipped.value) == f"{CHROMIUM_MISSING}; {java}"


def test_tools_that_are_there_do_not_skip() -> None:
    require(None, None)


def test_each_probe_names_its_tool_and_the_install_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tools, "CHROMIUM", tmp_path / "chromium")
    monkeypatch.setattr(tools, "VNU_JAR", tmp_path / "vnu.jar")
    monkeypatch.setattr(tools, "ROOT", tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))  # no java, no npm
    assert "apt-get install chromium" in str(tools.missing_chromium())
    assert "apt-get install default-jre-headless" in str(tools.missing_java())
    assert "apt-get install nodejs npm" in str(tools.missing_vnu())
