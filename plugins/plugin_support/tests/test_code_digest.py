"""Level 1: the digest every cache between builds keys its results by."""

from __future__ import annotations

import importlib
import sys

from reality_check.plugins.plugin_support.code_digest import code_digest, library_version, loaded_code_digest


def test_the_digest_changes_with_a_modules_bytes_its_path_or_a_library(tmp_path):
    (tmp_path / "pkg").mkdir()
    module = tmp_path / "pkg" / "reader.py"
    module.write_text("ANSWER = 1\n")
    before = code_digest(tmp_path, [module], ["pyyaml"])
    assert (
        code_digest(tmp_path, [module], ["pyyaml"]) == before
    )  # the same code and libraries: the same digest

    module.write_text("ANSWER = 2\n")
    assert code_digest(tmp_path, [module], ["pyyaml"]) != before
    module.write_text("ANSWER = 1\n")
    moved = tmp_path / "pkg" / "writer.py"
    module.rename(moved)
    assert code_digest(tmp_path, [moved], ["pyyaml"]) != before  # the same bytes in another module
    moved.rename(module)
    assert code_digest(tmp_path, [module], ["pyyaml", "pelican"]) != before
    assert code_digest(tmp_path, [module], ["pyyaml"]) == before


def test_a_library_is_named_with_its_version_or_as_missing():
    assert library_version("pyyaml").startswith("pyyaml==6.")
    assert library_version("no-such-distribution-here") == "no-such-distribution-here missing"


def test_the_loaded_code_digest_follows_what_is_loaded_and_each_files_change(tmp_path, monkeypatch, request):
    before = loaded_code_digest()
    assert loaded_code_digest() == before  # nothing loaded or changed since: the same answer

    module = tmp_path / "synthetic_plugin_for_the_digest.py"
    module.write_text("ANSWER = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    request.addfinalizer(lambda: sys.modules.pop(module.stem, None))  # unloaded again after the test
    importlib.import_module(module.stem)
    loaded = loaded_code_digest()
    assert loaded != before  # one more module's code

    module.write_text("ANSWER = 22\n")  # edited in place, as the devserver's editor would
    assert loaded_code_digest() != loaded
