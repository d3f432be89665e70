"""Pelican's content cache (``CACHE_CONTENT``), made safe to interrupt and to share between builds.

Pelican 4.12's ``pelican.cache.FileDataCacher`` rewrites its cache file in place, and reading a cut-off file
raises ``EOFError``, which it does not catch. A ``make html`` stopped with Ctrl-C while saving, or a
``make html`` run while ``make devserver`` saves, then leaves a file on which every later build stops with a
traceback, until ``make clean``. Pelican has no setting or signal for either, so :func:`install` replaces the two
methods (pinned: ``pelican==4.12.0`` in requirements.txt): the file is replaced whole, and a file that cannot be
read is an empty cache, as a missing one is.

Pelican also keeps what a reader made of a file for as long as the file is unchanged, whatever the code that read
it: after an upgrade of the plugins (a brief titled No once read as False), an unchanged brief kept what the old
code made of it until ``make clean``. Each file's stamp now includes a digest of the plugins' code and of the
libraries that read Markdown and YAML (:func:`reading_code`).
"""

from __future__ import annotations

import functools
import gzip
import logging
import pickle
from pathlib import Path
from typing import Any

from pelican.cache import FileDataCacher, FileStampDataCacher

from reality_check.plugins.plugin_support.code_digest import code_digest
from reality_check.plugins.plugin_support.digests import files_under
from reality_check.plugins.plugin_support.files import UNREADABLE, replaced_whole

logger = logging.getLogger(__name__)

_pelicans_init = FileDataCacher.__init__


def _load_or_start_empty(
    self: FileDataCacher, settings: Any, cache_name: str, caching_policy: bool, load_policy: bool
) -> None:
    """Pelican's set-up without its loading, then the loading: a file that cannot be read is an empty cache."""
    _pelicans_init(self, settings, cache_name, caching_policy, False)
    if not load_policy:
        return
    try:
        with self._cache_open(self._cache_path, "rb") as stream:
            self._cache = pickle.load(stream)
    except FileNotFoundError:
        logger.debug("No content cache %s yet (normal on a first build)", self._cache_path)
    except (
        ImportError,
        AttributeError,
    ) as error:  # a class it holds has moved since: normal after an upgrade
        logger.info(
            "The content cache %s was written by an earlier version of the project's code (%s); every file is "
            "read again",
            self._cache_path,
            error,
        )
    except UNREADABLE as error:
        logger.warning(
            "Cannot read the content cache %s (%s: %s); every file is read again",
            self._cache_path,
            type(error).__name__,
            error,
        )


def _save_whole(self: FileDataCacher) -> None:
    """Pickle the cache straight into a file that replaces the old one whole: never the whole pickle in memory (at
    10,000 briefs, hundreds of MB, twice over when compressed, at the build's busiest moment)."""
    if not self._cache_data_policy:
        return
    try:
        with replaced_whole(self._cache_path) as handle:
            if self._cache_open is gzip.open:
                # No file name or time in the header: the same cache gives the same bytes.
                with gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0) as stream:
                    pickle.dump(self._cache, stream)
            else:
                pickle.dump(self._cache, handle)
    except (pickle.PicklingError, TypeError, AttributeError, OSError) as error:
        logger.warning("Could not save the content cache %s: %s", self._cache_path, error)


PLUGINS = Path(__file__).resolve().parents[1]
# The libraries whose output a reader caches, besides the plugins' own code.
READING_LIBRARIES = ("markdown", "markdown-it-py", "pyyaml", "pelican")


def reading_modules() -> list[Path]:
    """Every plugin's Python code that a build runs (the plugins' tests left out, as :func:`plugin_support.digests.files_under`
    leaves them out)."""
    return [path for path in files_under([PLUGINS]) if path.suffix == ".py"]


@functools.cache
def reading_code() -> str:
    """A digest of every plugin's Python code and of the reading libraries' versions, once per process."""
    return code_digest(PLUGINS, reading_modules(), READING_LIBRARIES)


_pelicans_stamp = FileStampDataCacher._get_file_stamp


def _stamp_with_code(self: FileStampDataCacher, filename: str) -> object:
    """Pelican's stamp of the file (its modification time or hash), with the code that reads it."""
    return (reading_code(), _pelicans_stamp(self, filename))


def install() -> None:
    """Make every content cache Pelican opens from now on load tolerantly, save atomically and hold only what the
    code now running made (idempotent)."""
    FileDataCacher.__init__ = _load_or_start_empty
    FileDataCacher.save_cache = _save_whole
    FileStampDataCacher._get_file_stamp = _stamp_with_code
