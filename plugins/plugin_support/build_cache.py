"""Results worked out from each brief, kept from one build to the next in a file of CACHE_PATH.

A result is looked up by a key that hashes everything it depends on (the brief's text or HTML, the settings that
matter, the code that works it out: :mod:`.code_digest`), so a changed input or changed code is never answered
with an old result, and nothing is ever invalidated by hand. The cache follows Pelican's content-cache switches
(CACHE_CONTENT to write it, LOAD_CONTENT_CACHE to read it), and each build keeps only the entries it used, so the
file never grows stale. A file that cannot be read (cut off by a killed build, written by other code) is no cache.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Generic, Self, TypeVar

from .files import read_pickle, write_atomically
from .memo import ProcessMemo

V = TypeVar("V")


class BuildCache(Generic[V]):
    """The results of the previous build (read from `path` when `load`), and the ones this build used; with a
    `memo`, also those this process worked out earlier (`make html`'s checks, before its build)."""

    def __init__(self, path: Path | None, load: bool, memo: ProcessMemo[str, V] | None = None) -> None:
        self.path = path
        self._memo = memo
        self._old: dict[str, V] = {}
        self._used: dict[str, V] = {}
        if path is not None and load:
            loaded = read_pickle(path)
            self._old = loaded if isinstance(loaded, dict) else {}  # missing or unreadable: no cache

    @classmethod
    def for_settings(
        cls, settings: Mapping[str, Any], filename: str, memo: ProcessMemo[str, V] | None = None
    ) -> Self:
        """The cache file `filename` in the site's CACHE_PATH, as Pelican's content-cache settings ask."""
        if not settings.get("CACHE_CONTENT"):
            return cls(None, load=False, memo=memo)
        path = Path(settings.get("CACHE_PATH", "cache")) / filename
        return cls(path, bool(settings.get("LOAD_CONTENT_CACHE")), memo=memo)

    def get(self, key: str) -> V | None:
        found = self._used.get(key)
        if found is None:
            found = self._old.get(key)
        if found is None and self._memo is not None:
            found = self._memo.get(key)
        if found is not None:
            self._used[key] = found
        return found

    def put(self, key: str, value: V) -> None:
        self._used[key] = value
        if self._memo is not None:
            self._memo.put(key, value)

    def get_or_make(self, key: str, make: Callable[[], V]) -> V:
        """The result kept under `key`, else `make()`'s, kept."""
        found = self.get(key)
        if found is None:
            found = make()
            self.put(key, found)
        return found

    def save(self) -> None:
        """Write the entries this build used, atomically (a killed build leaves the old file)."""
        if self.path is None:
            return
        write_atomically(self.path, pickle.dumps(self._used, protocol=pickle.HIGHEST_PROTOCOL))
