"""Render a fragment shown on many pages (a brief's teaser) once per build."""

from .handlers import register
from .memo import rendered_once

__all__ = ["register", "rendered_once"]
