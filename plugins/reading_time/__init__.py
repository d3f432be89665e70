"""Reading time of each brief, shown on its page and on every listing of it."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .minutes import ReadingTime, reading_time

register = register_from_handlers(__name__)

__all__ = ["ReadingTime", "reading_time", "register"]
