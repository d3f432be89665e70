"""The writer of every development build: Pelican's own, each file replaced whole.

A module of its own, beside ``files.py`` rather than in it: it is a Pelican writer, and importing any of Pelican's
modules loads Pelican's generators, which the pure modules using ``files.py`` (the editors' tools among them) must
not load.
"""

from __future__ import annotations

import logging

from pelican.writers import Writer

from .files import replaced_whole

logger = logging.getLogger(__name__)


class WholeFileWriter(Writer):
    """Pelican's writer, replacing each file whole: the writer of every development build (incremental_output's,
    and the devserver's page of a saved brief)."""

    def _open_w(self, filename, encoding, override=False):
        """Pelican's ``_open_w``, except that a page is replaced whole (:func:`replaced_whole`): a preview server
        serving it during a rebuild gives the last page or the new one, never the start of the new one.

        Pelican 4.12 (pinned) opens the file itself once its checks pass, so its checks' outcome is recorded here
        as Pelican records it; a write it refuses, or skips (to ``os.devnull``), is still Pelican's.
        """
        refused = filename in self._written_files and not override
        if refused or filename in self._overridden_files:
            return super()._open_w(filename, encoding, override)
        if filename in self._written_files:
            logger.info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return replaced_whole(filename, "w", encoding)
