"""``python -m reality_check.editor``: see :mod:`reality_check.editor.cli`."""

from .cli import exit_with, main
from .devserver import end_within_deadline

if __name__ == "__main__":
    status = main()
    end_within_deadline()  # the process's own exit too (pools joined, a preview's threads): never held for good
    exit_with(status)
