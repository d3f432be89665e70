"""Tools for the people who write briefs: check them (and, later, scaffold and import them).

Run as ``python -m editor check``; the Makefile wraps it as ``make check``.
"""
