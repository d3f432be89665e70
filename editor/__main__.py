"""``python -m reality_check.editor``: see :mod:`reality_check.editor.cli`."""

from .cli import exit_with, main

if __name__ == "__main__":
    exit_with(main())
