"""Command-line arguments the project's commands share (``python -m reality_check.editor``,
``reality_check.editor.build``, ``reality_check.deploy.publish``), and the folders they default to, which the
browser editor's configuration names too (plugins/decap_admin)."""

from __future__ import annotations

import argparse
from pathlib import Path

# What every command takes by default, as the Makefile does (its INPUTDIR, OUTPUTDIR and CONFFILE).
DEFAULT_CONTENT = "content"
DEFAULT_OUTPUT = "output"
DEFAULT_SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"  # what make publish and the deploy targets build with


def content_folder(value: str) -> Path:
    """An argparse type: the content folder, which must exist.

    Without it a mistyped ``INPUTDIR`` got a traceback from Pelican's settings ("You need to specify a path
    containing the content") or, from the checks, a report that every registry is missing."""
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(
            f"there is no folder {value} to read briefs from; give the content folder (make: INPUTDIR=path)"
        )
    return path
