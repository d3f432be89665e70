"""Tools for the people who write briefs: check them, start a new one, import one from plain text, add an author,
record the next newsletter issue, preview the site while editing, and edit in the browser.

Run as ``python -m reality_check.editor <command>`` (``check``, ``new``, ``import``, ``add-author``, ``digest``,
``devserver``, ``serve``, ``cms``); the Makefile wraps them as ``make check``, ``make brief``, ``make import``,
``make author``, ``make digest``, ``make devserver``, ``make serve`` and ``make cms``.
"""

from pathlib import Path

# The project's folder (the one holding the Makefile, the theme and the plugins): the build's sources and the
# checks' code are named from it.
PROJECT_FOLDER = Path(__file__).resolve().parents[1]
