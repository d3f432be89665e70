"""Level 1: results kept from one build to the next, by key, in a file of CACHE_PATH."""

from __future__ import annotations

import pytest

from reality_check.plugins.plugin_support.build_cache import BuildCache
from reality_check.plugins.plugin_support.memo import ProcessMemo


def settings(tmp_path, cache: bool = True, load: bool = True) -> dict:
    return {"CACHE_CONTENT": cache, "LOAD_CONTENT_CACHE": load, "CACHE_PATH": str(tmp_path)}


def test_a_build_finds_what_the_last_one_used_and_keeps_only_what_it_uses(tmp_path):
    first: BuildCache[str] = BuildCache.for_settings(settings(tmp_path), "synthetic.pickle")
    assert first.get_or_make("a", lambda: "made a") == "made a"
    assert first.get_or_make("b", lambda: "made b") == "made b"
    first.save()

    second: BuildCache[str] = BuildCache.for_settings(settings(tmp_path), "synthetic.pickle")
    assert second.get_or_make("a", lambda: pytest.fail("made again")) == "made a"
    second.save()  # "b" was not used by this build: gone

    third: BuildCache[str] = BuildCache.for_settings(settings(tmp_path), "synthetic.pickle")
    assert third.get("a") == "made a"
    assert third.get("b") is None


@pytest.mark.parametrize("held", [b"", b"not a pickle", b"\x80\x05\x95", b"\x80\x05K\x07."])
def test_a_file_that_cannot_be_read_is_no_cache(tmp_path, held):
    (tmp_path / "synthetic.pickle").write_bytes(held)
    cache: BuildCache[str] = BuildCache.for_settings(settings(tmp_path), "synthetic.pickle")
    assert cache.get_or_make("a", lambda: "made") == "made"


def test_pelicans_content_cache_settings_decide_reading_and_writing(tmp_path):
    kept: BuildCache[str] = BuildCache.for_settings(settings(tmp_path), "synthetic.pickle")
    kept.put("a", "kept")
    kept.save()
    not_loaded: BuildCache[str] = BuildCache.for_settings(settings(tmp_path, load=False), "synthetic.pickle")
    assert not_loaded.get("a") is None
    off: BuildCache[str] = BuildCache.for_settings(
        settings(tmp_path / "off", cache=False), "synthetic.pickle"
    )
    off.put("a", "not kept")
    off.save()
    assert not (tmp_path / "off").exists()


def test_a_memo_shares_results_with_the_rest_of_the_process(tmp_path):
    memo: ProcessMemo[str, str] = ProcessMemo()
    checks: BuildCache[str] = BuildCache(None, load=False, memo=memo)
    checks.get_or_make("a", lambda: "made by the checks")
    build: BuildCache[str] = BuildCache.for_settings(settings(tmp_path), "synthetic.pickle", memo=memo)
    assert build.get_or_make("a", lambda: pytest.fail("made again")) == "made by the checks"
