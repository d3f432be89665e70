"""Reading time of each brief, shown on its page and on every listing of it."""

from .handlers import register
from .minutes import ReadingTime, reading_time

__all__ = ["ReadingTime", "reading_time", "register"]
