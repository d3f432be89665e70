"""Share-image plugin: a 1200×630 PNG per brief for link previews (og:image, twitter:image)."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .fonts import Fonts
from .image import SIZE, ShareImageContent, cache_key, draw_share_image

register = register_from_handlers(__name__)

__all__ = [
    "SIZE",
    "Fonts",
    "ShareImageContent",
    "cache_key",
    "draw_share_image",
    "register",
]
