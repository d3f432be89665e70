"""How the devserver's builds speak: Pelican's messages one line each, minus what `make check` already said.

The devserver prints `make check`'s ``path:line: message`` for every problem before each build. Pelican then
meets the same problems and says them its own way: a YAML error as a hundred-line traceback followed by
"could not find information about 'title'", an unknown author a second time. The devserver's builds (run in
its own process, editor/preview_session.py) log through :class:`PreviewLog`, which drops what concerns a file
the check already reported (``known``) and prints anything else as one line; only a crash, which is a bug,
keeps its traceback.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
from collections.abc import Iterator, Sequence


class PreviewLog(logging.Handler):
    """Pelican's warnings and errors, one line each, minus those about files `make check` reported."""

    def __init__(self, known: Sequence[str]) -> None:
        super().__init__(logging.WARNING)
        self.known = tuple(filter(None, known))

    @contextlib.contextmanager
    def also_known(self, paths: Sequence[str]) -> Iterator[None]:
        """Drop what concerns `paths` too, for the time of the block (a saved brief, which the check sees next)."""
        before = self.known
        self.known = (*before, *filter(None, paths))
        try:
            yield
        finally:
            self.known = before

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except (TypeError, ValueError):
            text = str(record.msg)
        if any(path in text for path in self.known):
            return
        text = " ".join(line.strip() for line in text.splitlines() if line.strip())
        if record.exc_info and record.exc_info[1] is not None:
            if record.levelno >= logging.CRITICAL:
                text += "\n" + "".join(traceback.format_exception(*record.exc_info)).rstrip()
            else:
                text += f" ({summary_of(record.exc_info[1])})"
        print(f"{record.levelname.lower()}: {text}", file=sys.stderr, flush=True)


def summary_of(error: BaseException) -> str:
    """An exception on one line: its type and the first line of what it says."""
    first = next((line.strip() for line in str(error).splitlines() if line.strip()), "")
    return f"{type(error).__name__}: {first}" if first else type(error).__name__
