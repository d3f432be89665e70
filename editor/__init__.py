"""Tools for the people who write briefs: check them, start a new one, import one from plain text, add an author,
and preview the site while editing.

Run as ``python -m editor <command>`` (``check``, ``new``, ``import``, ``add-author``, ``serve``, ``preview``); the
Makefile wraps them as ``make check``, ``make brief``, ``make import``, ``make author``, ``make devserver`` and
``make serve``.
"""
