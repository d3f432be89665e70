"""Level 1: each plugin is a package Pelican loads by its `register`, and importing it loads none of its wiring."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PLUGINS = sorted(f"reality_check.plugins.{p.parent.name}" for p in (ROOT / "plugins").glob("*/handlers.py"))
# A package whose own modules are Pelican components, and so import Pelican: the writer Pelican is handed.
PELICAN_COMPONENTS = {
    "reality_check.plugins.incremental_output": "IncrementalWriter is a pelican.writers.Writer"
}


def loaded_after_importing(names: list[str]) -> list[str]:
    """The handlers modules and Pelican's generators a fresh interpreter has loaded after importing `names` (each
    must offer Pelican a callable `register`): nothing the suite imported counts."""
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    assert callable(importlib.import_module(name).register), name\n"
        "print(' '.join(sorted(m for m in sys.modules if m.endswith('.handlers') or m == 'pelican.generators')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_importing_a_plugin_loads_none_of_its_wiring():
    """The editors' tools and other plugins' pure code import these packages: each `handlers` module (and Pelican's
    generators with it) loads only when Pelican calls `register`."""
    assert len(PLUGINS) >= 15
    assert loaded_after_importing([name for name in PLUGINS if name not in PELICAN_COMPONENTS]) == []
    assert loaded_after_importing(PLUGINS) == ["pelican.generators"]  # the writer's, not a handlers module


def test_register_connects_the_handlers_it_imports():
    code = (
        "import sys\n"
        "from reality_check.plugins import summary_card\n"
        "summary_card.register()\n"
        "from pelican import signals as pelican_signals\n"
        "from reality_check.plugins.summary_card.handlers import attach_cards\n"
        "print('reality_check.plugins.summary_card.handlers' in sys.modules, attach_cards in list(pelican_signals.all_generators_finalized.receivers_for(None)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]


def test_every_package_imports_from_any_folder_under_the_projects_namespace_only(tmp_path):
    """The bootstrap installs the project (pyproject.toml): from a folder that is not the project's, with no
    PYTHONPATH, a fresh interpreter imports every plugin and tool under `reality_check`, runs the editors' command,
    and finds none of them under a generic top-level name of its own (`editor`, `deploy`, `summary_card`...)."""
    folders = sorted(p.name for p in (ROOT / "plugins").iterdir() if (p / "__init__.py").is_file())
    tools = ["editor", "deploy", "bench"]
    packages = [f"reality_check.plugins.{name}" for name in folders] + [f"reality_check.{t}" for t in tools]
    code = (
        "import importlib, importlib.util, pathlib\n"
        f"for name in {packages!r}:\n"
        "    print(name, pathlib.Path(importlib.import_module(name).__file__).parent)\n"
        f"print('top-level:', [n for n in {folders + tools!r} if importlib.util.find_spec(n)])\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    *found, top_level = result.stdout.splitlines()
    where = {ROOT / "plugins" / name for name in folders} | {ROOT / t for t in tools}
    assert {Path(line.split()[1]) for line in found} == where
    assert [line.split()[0] for line in found] == packages
    assert top_level == "top-level: []"

    command = subprocess.run(
        [sys.executable, "-m", "reality_check.editor", "--help"],
        capture_output=True, text=True, check=False, timeout=60, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert command.returncode == 0, command.stderr
    assert command.stdout.startswith("usage: python -m reality_check.editor")


def test_plugin_support_imports_nothing_else_of_the_project():
    """Every plugin depends on plugin_support, so it depends on no plugin (no cycle, and no plugin's code in
    another's registration)."""
    support = ROOT / "plugins" / "plugin_support"
    imported = set()
    for module in support.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
    assert {"hashlib", "importlib"} <= imported  # the walk sees the imports
    assert sorted(m for m in imported if m.startswith("reality_check")) == []


def loaded_modules(name: str, under: tuple[str, ...]) -> list[str]:
    """The modules under the packages `under` that a fresh interpreter has loaded after importing `name`."""
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({name!r})\n"
        f"print(' '.join(sorted(m for m in sys.modules if m.startswith({under!r}))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("module", "not_loaded"),
    [
        # What names a font in a cache key is shared, not the drawing workers' pool (a module with its own state).
        ("reality_check.plugins.share_image.image", "reality_check.plugins.drawn_files"),
        ("reality_check.editor.check_cache", "reality_check.plugins.drawn_files"),
        # The devserver writes a saved brief's page with the shared whole-file writer, not an optional plugin's.
        ("reality_check.editor.preview_session", "reality_check.plugins.incremental_output"),
    ],
)
def test_a_pure_module_or_an_editors_tool_loads_no_plugins_machinery(module, not_loaded):
    assert loaded_modules(module, (not_loaded,)) == []
