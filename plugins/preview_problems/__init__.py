"""Development preview only: each brief's page lists what `make check` finds in it, at the top."""

from .handlers import attach_problems, problems_by_source, register

__all__ = ["attach_problems", "problems_by_source", "register"]
