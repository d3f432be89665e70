"""Level 1: the digest every cache between builds keys its results by."""

from __future__ import annotations

from reality_check.plugins.plugin_support.code_digest import code_digest, library_version


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
