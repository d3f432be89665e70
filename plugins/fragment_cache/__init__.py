"""Render a fragment shown on many pages (a brief's teaser) once per build."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .memo import rendered_once

register = register_from_handlers(__name__)

__all__ = ["register", "rendered_once"]
