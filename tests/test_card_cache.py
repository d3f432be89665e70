"""Level 2: real Pelican builds reuse what they worked out from unchanged briefs (each card's extraction, each
reading time) and redo only what changed."""

from __future__ import annotations

import shutil

import pytest
from conftest import build_site

import reality_check.plugins.reading_time.handlers as reading_time_handlers
import reality_check.plugins.summary_card.cache as cache_module
from reality_check.bench.corpus import write_corpus
from reality_check.plugins.reading_time.minutes import reading_time
from reality_check.plugins.summary_card.cache import extraction_cache, extraction_key
from reality_check.plugins.summary_card.card import CardSettings, GivenCard, extract_card


@pytest.fixture
def counted(monkeypatch):
    calls = []

    def counting(html, settings, given):
        calls.append(html)
        return extract_card(html, settings, given)

    monkeypatch.setattr(cache_module, "extract_card", counting)
    return calls


@pytest.fixture
def timed(monkeypatch):
    calls = []

    def counting(html, words_per_minute):
        calls.append(html)
        return reading_time(html, words_per_minute)

    monkeypatch.setattr(reading_time_handlers, "reading_time", counting)
    return calls


def test_unchanged_briefs_are_not_parsed_again(tmp_path, counted, timed):

    project, _ = write_corpus(4, tmp_path / "corpus")
    options = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path / "cache")}
    first = build_site(project, tmp_path / "one", **options)
    assert len(counted) == len(timed) == 4

    build_site(project, tmp_path / "two", **options)
    assert len(counted) == len(timed) == 4  # nothing parsed again
    page = "briefs/{}/index.html"
    for brief in (first / "briefs").iterdir():
        assert (tmp_path / "two" / page.format(brief.name)).read_bytes() == (
            first / page.format(brief.name)
        ).read_bytes()

    edited = sorted((project / "briefs").glob("*.md"))[0]
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("## Key points\n\n- ", "## Key points\n\n- Edited. ")
    )
    build_site(project, tmp_path / "three", **options)
    assert len(counted) == len(timed) == 5  # only the edited brief
    assert "Edited." in counted[-1]
    assert "Edited." in timed[-1]


def test_cache_is_off_without_pelicans_content_cache(tmp_path):
    cache = extraction_cache({"CACHE_CONTENT": False, "CACHE_PATH": str(tmp_path)})
    cache.put("k", extract_card("<h2>Key points</h2><ul><li>A.</li></ul>"))
    cache.save()
    assert list(tmp_path.iterdir()) == []


def test_key_depends_on_html_settings_and_given_card():
    settings, given = CardSettings(), GivenCard()
    key = extraction_key("<p>x</p>", settings, given)
    assert key == extraction_key("<p>x</p>", CardSettings(), GivenCard())
    assert key != extraction_key("<p>y</p>", settings, given)
    assert key != extraction_key("<p>x</p>", CardSettings(key_points_headings=("Summary",)), given)
    assert key != extraction_key("<p>x</p>", settings, GivenCard(key_points=()))


# Each is a file the loader cannot use: not a pickle, cut off, one whose opcode argument is wrong (ValueError: it
# stopped the build before the cache files shared one reader), a pickle of something else than the cache.
@pytest.mark.parametrize("held", [b"not a pickle", b"\x80\x05\x95", b"I1x\n.", b"\x80\x05K\x07."])
def test_unreadable_cache_is_ignored(tmp_path, held):
    (tmp_path / "summary_card.pickle").write_bytes(held)
    cache = extraction_cache({"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(tmp_path)})
    assert cache.get("anything") is None
    shutil.rmtree(tmp_path)
