"""A missing Chromium, Java or Nu HTML Checker: one-line skip on a laptop, a failure under CI=true."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import tools
from .tools import MissingTool, require

CHROMIUM_MISSING = MissingTool("Chromium (/nowhere/chromium)", "install it with `apt-get install chromium`")


@pytest.mark.parametrize("ci", ["", "false", "0"])
def test_a_missing_tool_skips_with_one_line_naming_it_and_how_to_install(
    ci: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception) as skipped:
        require(None, CHROMIUM_MISSING)
    reason = str(skipped.value)
    assert reason == "Chromium (/nowhere/chromium) not found: install it with `apt-get install chromium`"
    assert "\n" not in reason


@pytest.mark.parametrize("ci", ["true", "TRUE", "1"])
def test_under_ci_a_missing_tool_is_a_failure(ci: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match=r"CI=true and Chromium \(/nowhere/chromium\) not found"):
        require(CHROMIUM_MISSING)


def test_tools_that_are_there_neither_skip_nor_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
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
