"""Pelican's content cache (``CACHE_CONTENT``), made safe to interrupt and to share between builds.

Pelican 4.12's ``pelican.cache.FileDataCacher`` rewrites its cache file in place, and reading a cut-off file
raises ``EOFError``, which it does not catch. A ``make html`` stopped with Ctrl-C while saving, or a
``make html`` run while ``make devserver`` saves, then leaves a file on which every later build stops with a
traceback, until ``make clean``. Pelican has no setting or signal for either, so :func:`install` replaces the two
methods (pinned: ``pelican==4.12.0`` in requirements.txt): the file is replaced whole, and a file that cannot be
read is an empty cache, as a missing one is.
"""

from __future__ import annotations

import gzip
import logging
import pickle
from typing import Any

from pelican.cache import FileDataCacher

from .textfile import write_atomically

logger = logging.getLogger(__name__)

# What unpickling a cut-off or foreign file raises, beyond the OSError and PickleError Pelican already catches.
UNREADABLE = (EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError)

_pelicans_init = FileDataCacher.__init__


def _load_or_start_empty(
    self: FileDataCacher, settings: Any, cache_name: str, caching_policy: bool, load_policy: bool
) -> None:
    try:
        _pelicans_init(self, settings, cache_name, caching_policy, load_policy)
    except UNREADABLE as error:
        logger.debug(
            "Cannot read the content cache %s (%s); starting with an empty one", self._cache_path, error
        )
        self._cache = {}


def _save_whole(self: FileDataCacher) -> None:
    if not self._cache_data_policy:
        return
    try:
        data = pickle.dumps(self._cache)
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        logger.warning("Could not save the content cache %s: %s", self._cache_path, error)
        return
    if self._cache_open is gzip.open:
        data = gzip.compress(data, mtime=0)
    try:
        write_atomically(self._cache_path, data)
    except OSError as error:
        logger.warning("Could not save the content cache %s: %s", self._cache_path, error)


def install() -> None:
    """Make every content cache Pelican opens from now on load tolerantly and save atomically (idempotent)."""
    FileDataCacher.__init__ = _load_or_start_empty
    FileDataCacher.save_cache = _save_whole
