"""Pelican's content cache: a cut-off file is an empty cache, and a save replaces the file whole."""

from __future__ import annotations

import gzip
import logging
import pickle
import sys
import types

import pytest
from pelican.cache import FileDataCacher, FileStampDataCacher

from reality_check.plugins.brief_registry import content_cache


@pytest.fixture(autouse=True)
def safe_cache():
    content_cache.install()


def cacher(tmp_path, gzipped: bool = False, load: bool = True) -> FileDataCacher:
    settings = {"CACHE_PATH": str(tmp_path), "GZIP_CACHE": gzipped}
    return FileDataCacher(settings, "ArticlesGenerator-Readers", True, load)


# An empty file (a save stopped right after opening it) and a gzipped one cut anywhere raise EOFError, which
# Pelican lets out; half a plain file raises UnpicklingError, which Pelican already reads as an empty cache.
@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("cut", ["empty", "half"])
def test_a_cut_off_cache_file_is_an_empty_cache(tmp_path, gzipped, cut):
    whole = cacher(tmp_path, gzipped, load=False)
    for number in range(200):
        whole.cache_data(f"briefs/synthetic-{number}.md", {"title": f"A SYNTHETIC brief {number}"})
    whole.save_cache()
    saved = tmp_path / "ArticlesGenerator-Readers"
    data = saved.read_bytes()
    assert cacher(tmp_path, gzipped).get_cached_data("briefs/synthetic-7.md") == {
        "title": "A SYNTHETIC brief 7"
    }

    saved.write_bytes(b"" if cut == "empty" else data[: len(data) // 2])
    with pytest.raises((EOFError, pickle.UnpicklingError)):  # what Pelican's own loader meets
        pickle.loads(gzip.decompress(saved.read_bytes()) if gzipped else saved.read_bytes())

    reopened = cacher(tmp_path, gzipped)
    assert reopened.get_cached_data("briefs/synthetic-7.md", "missing") == "missing"
    reopened.cache_data("briefs/synthetic-7.md", {"title": "read again"})
    reopened.save_cache()
    assert cacher(tmp_path, gzipped).get_cached_data("briefs/synthetic-7.md") == {"title": "read again"}


def test_a_save_replaces_the_file_whole(tmp_path):
    """A build reading the cache while another saves it gets the old file or the new, never a part."""
    first = cacher(tmp_path, load=False)
    first.cache_data("briefs/synthetic-old.md", "x" * 100_000)
    first.save_cache()
    saved = tmp_path / "ArticlesGenerator-Readers"
    with saved.open("rb") as reader:  # opened before the second build saves
        start = reader.read(10)
        second = cacher(tmp_path, load=False)
        second.cache_data("briefs/synthetic-new.md", "y")
        second.save_cache()
        assert pickle.loads(start + reader.read()) == {"briefs/synthetic-old.md": "x" * 100_000}
    assert pickle.loads(saved.read_bytes()) == {"briefs/synthetic-new.md": "y"}
    assert [path.name for path in tmp_path.iterdir()] == [
        "ArticlesGenerator-Readers"
    ]  # no temporary file left


def test_the_gzipped_cache_is_what_pelican_reads(tmp_path):
    saved = cacher(tmp_path, gzipped=True, load=False)
    saved.cache_data("briefs/synthetic.md", "A SYNTHETIC body")
    saved.save_cache()
    with gzip.open(tmp_path / "ArticlesGenerator-Readers", "rb") as stream:
        assert pickle.load(stream) == {"briefs/synthetic.md": "A SYNTHETIC body"}


def test_what_other_code_read_is_read_again(tmp_path, monkeypatch):
    """An unchanged brief is taken from the cache only while the code that read it is the code running."""
    brief = tmp_path / "synthetic.md"
    brief.write_text("A SYNTHETIC brief")
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "GZIP_CACHE": False, "CHECK_MODIFIED_METHOD": "mtime"}
    first = FileStampDataCacher(settings, "ArticlesGenerator-Readers", True, False)
    first.cache_data(str(brief), {"title": "No"})
    first.save_cache()
    again = FileStampDataCacher(settings, "ArticlesGenerator-Readers", True, True)
    assert again.get_cached_data(str(brief), "read again") == {"title": "No"}

    monkeypatch.setattr(content_cache, "reading_code", lambda: "the plugins' code after an upgrade")
    upgraded = FileStampDataCacher(settings, "ArticlesGenerator-Readers", True, True)
    assert upgraded.get_cached_data(str(brief), "read again") == "read again"


def test_the_code_that_reads_briefs_is_the_plugins_without_their_tests():
    """Editing a test does not make every brief be read again; editing a plugin's module does."""
    modules = {path.relative_to(content_cache.PLUGINS).as_posix() for path in content_cache.reading_modules()}

    assert {"summary_card/card.py", "brief_registry/reader.py", "brief_registry/content_cache.py"} <= modules
    assert not [module for module in modules if "/tests/" in module or "/test_data/" in module]
    assert all(module.endswith(".py") for module in modules)


def test_a_cache_written_by_earlier_code_is_read_again_without_a_warning(tmp_path, monkeypatch, caplog):
    """After an upgrade the cache holds classes under the names they had (the packages were top-level before they
    moved under reality_check): every file is read again, said once at INFO, and a fatal-warnings build goes on."""
    earlier = types.ModuleType("synthetic_earlier_plugin")
    earlier.Card = type("Card", (), {"__module__": "synthetic_earlier_plugin"})
    monkeypatch.setitem(sys.modules, "synthetic_earlier_plugin", earlier)
    old = cacher(tmp_path, load=False)
    old.cache_data("briefs/synthetic-7.md", {"card": earlier.Card()})
    old.save_cache()
    monkeypatch.delitem(sys.modules, "synthetic_earlier_plugin")  # the upgrade

    with caplog.at_level(logging.DEBUG, logger=content_cache.__name__):
        reopened = cacher(tmp_path)
    assert reopened.get_cached_data("briefs/synthetic-7.md", "missing") == "missing"
    assert [(r.levelno, r.getMessage().split(" (")[0]) for r in caplog.records] == [
        (
            logging.INFO,
            f"The content cache {tmp_path / 'ArticlesGenerator-Readers'} was written by an earlier version"
            " of the project's code",
        )
    ]
