"""``python -m editor.preview_build [--known PATH]... -- PELICAN ARGS``: one Pelican build for the devserver.

The devserver prints `make check`'s ``path:line: message`` for every problem before each build. Pelican then
meets the same problems and says them its own way: a YAML error as a hundred-line traceback followed by
"could not find information about 'title'", an unknown author a second time. This build runs Pelican with a
log handler that drops what concerns a file the check already reported (``--known``), and prints anything
else as one line; only a crash, which is a bug, keeps its traceback.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence


class PreviewLog(logging.Handler):
    """Pelican's warnings and errors, one line each, minus those about files `make check` reported."""

    def __init__(self, known: Sequence[str]) -> None:
        super().__init__(logging.WARNING)
        self.known = tuple(filter(None, known))

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


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    split = args.index("--") if "--" in args else len(args)
    ours, pelican_args = args[:split], args[split + 1 :]
    known = [ours[i + 1] for i, arg in enumerate(ours[:-1]) if arg == "--known"]
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(PreviewLog(known))  # Pelican's own logging set-up then leaves the root handlers alone

    from pelican import main as pelican_main

    try:
        pelican_main([*pelican_args, "--log-handler", "plain"])
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
