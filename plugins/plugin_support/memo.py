"""Results worked out once per process and reused: a body's HTML, a brief's card.

`make html` checks every brief, then builds the site in the same process, and the build asks for the very bodies
and cards the checks worked out. When the checks run in worker processes (editor/parallel.py), each worker sends
back what it :meth:`ProcessMemo.recording` saw added, and the building process :meth:`ProcessMemo.update`\\ s its
own memo with it. A memo is bounded (the oldest entries go first), for a devserver that runs for days.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator, Mapping
from contextlib import contextmanager
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

DEFAULT_LIMIT = 20_000


class ProcessMemo(Generic[K, V]):
    """Values by key for the rest of this process, at most `limit` of them."""

    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self.limit = limit
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._recordings: list[dict[K, V]] = []

    def get(self, key: K) -> V | None:
        return self._entries.get(key)

    def put(self, key: K, value: V) -> None:
        self._entries[key] = value
        for recording in self._recordings:
            recording[key] = value
        while len(self._entries) > self.limit:
            self._entries.popitem(last=False)

    def update(self, entries: Mapping[K, V]) -> None:
        """Take in the entries another process worked out (what its :meth:`recording` gave)."""
        for key, value in entries.items():
            self.put(key, value)

    @contextmanager
    def recording(self) -> Iterator[dict[K, V]]:
        """Every entry put while the block runs, in a dictionary filled as they come."""
        recording: dict[K, V] = {}
        self._recordings.append(recording)
        try:
            yield recording
        finally:
            self._recordings.remove(recording)

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[K]:
        return iter(list(self._entries))
