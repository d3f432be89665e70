"""Level 1: each plugin is a package Pelican loads by its `register`, and importing it loads none of its wiring."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

PLUGINS = sorted(p.parent.name for p in (ROOT / "plugins").glob("*/handlers.py"))
# A package whose own modules are Pelican components, and so import Pelican: the writer Pelican is handed.
PELICAN_COMPONENTS = {"incremental_output": "IncrementalWriter is a pelican.writers.Writer"}


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
        "import sys, summary_card\n"
        "from summary_card import signals\n"
        "summary_card.register()\n"
        "from pelican import signals as pelican_signals\n"
        "from summary_card.handlers import attach_cards\n"
        "print('summary_card.handlers' in sys.modules, attach_cards in list(pelican_signals.all_generators_finalized.receivers_for(None)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]
