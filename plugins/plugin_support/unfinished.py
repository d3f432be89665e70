"""Work a build started and has not finished, in this process.

Some of a build's work outlives the signal that starts it: worker processes drawing share images or PDFs, Pagefind
indexing in its own process, the incremental writer's record, saved at ``finalized``. Under `make devserver` Pelican
runs one build after another in one process, and a build that stops with an error never reaches the signal that
finishes its work. The next build finds that work still listed here and abandons it before starting its own, so two
builds never write the same files side by side and no worker process outlives the build after its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

W = TypeVar("W")


def _every(work: object) -> bool:
    return True


class Unfinished(Generic[W]):
    """The unfinished work of one kind in this process; `abandon` is how an unfinished one is given up."""

    def __init__(self, abandon: Callable[[W], object] | None = None) -> None:
        self._abandon = abandon
        self._work: list[W] = []

    def track(self, work: W) -> W:
        """List `work` as started: it stays listed until :meth:`take` hands it to the build finishing it."""
        self._work.append(work)
        return work

    def abandon(self, which: Callable[[W], bool] = _every) -> int:
        """Give up the listed work `which` picks (all of it by default), as a build that failed left it; how many."""
        given_up = [work for work in self._work if which(work)]
        for work in given_up:
            self._remove(work)
            if self._abandon is not None:
                self._abandon(work)
        return len(given_up)

    def get(self, which: Callable[[W], bool]) -> W | None:
        """The first listed work `which` picks, still listed; None when there is none."""
        return next((work for work in self._work if which(work)), None)

    def take(self, which: Callable[[W], bool]) -> W | None:
        """The first listed work `which` picks, no longer listed (the caller finishes it); None when there is none."""
        work = self.get(which)
        if work is not None:
            self._remove(work)
        return work

    def _remove(self, work: W) -> None:
        """Unlist `work` itself (not an equal one: two builds' work may compare equal)."""
        self._work = [listed for listed in self._work if listed is not work]

    def __contains__(self, work: object) -> bool:
        return any(listed is work for listed in self._work)

    def __len__(self) -> int:
        return len(self._work)
