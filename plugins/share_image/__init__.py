"""Share-image plugin: a 1200×630 PNG per brief for link previews (og:image, twitter:image)."""

from .handlers import ShareImageGenerator, assign_share_images, register
from .image import SIZE, Fonts, ShareImageContent, cache_key, draw_share_image

__all__ = [
    "SIZE",
    "Fonts",
    "ShareImageContent",
    "ShareImageGenerator",
    "assign_share_images",
    "cache_key",
    "draw_share_image",
    "register",
]
