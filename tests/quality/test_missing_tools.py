"""A missing system tool: a one-line skip naming the package that `.ci/run` installs (under CI=true a failure:
tests/test_ci_policy.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from . import tools
from .tools import PROBES, ROOT, MissingTool, require

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
    try:
        require(None, None)
    except pytest.skip.Exception as skipped:  # reported as a skip, it would hide the fault it stands for
        pytest.fail(f"require skipped with nothing missing: {skipped}")


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


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A machine with none of the tools: an empty PATH, and files looked for where there are none."""
    monkeypatch.setattr(tools, "CHROMIUM", tmp_path / "chromium")
    monkeypatch.setattr(tools, "VNU_JAR", tmp_path / "vnu.jar")
    monkeypatch.setattr(tools, "ROOT", tmp_path)
    monkeypatch.setattr(tools, "SBIN", str(tmp_path))
    monkeypatch.setattr(tools, "NGINX_BROTLI_MODULE", tmp_path / "brotli.so")
    monkeypatch.setenv("PATH", str(tmp_path))


def ci_run_packages() -> set[str]:
    """The Debian packages `.ci/run` installs (its `apt-get ... install` commands, continuation lines joined)."""
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ")
    packages = set()
    for line in script.splitlines():
        if "apt" in line.lower() and " install " in line:
            words = line.split(" install ", 1)[1].split(">", 1)[0].split()
            packages.update(word for word in words if not word.startswith("-"))
    return packages


@pytest.mark.usefixtures("nothing_installed")
@pytest.mark.parametrize("probe", PROBES, ids=lambda probe: probe.__name__)
def test_ci_run_installs_what_each_missing_tool_message_asks_for(probe) -> None:
    missing = probe()
    assert missing is not None, f"{probe.__name__} found its tool on a machine that has none"
    asked = re.search(r"`apt-get install ([^`]+)`", missing.install)
    assert asked, f"{missing} does not say which Debian package to install"
    assert set(asked.group(1).split()) <= ci_run_packages(), (
        f".ci/run does not install what {missing} asks for"
    )


def test_ci_run_packages_are_read_from_its_apt_lines() -> None:
    assert {"chromium", "default-jre-headless", "nginx-light", "rsync", "git", "make", "nodejs", "npm"} <= (
        ci_run_packages()
    )


def test_ci_run_installs_the_pdf_editions_commands() -> None:
    """The PDF edition's tests keep their own list of commands (plugins/pdf_edition/tests/pdftools.py)."""
    from reality_check.plugins.pdf_edition.tests.pdftools import COMMANDS

    assert set(COMMANDS.values()) <= ci_run_packages()
