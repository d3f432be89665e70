"""Embeddable cards: /briefs/<slug>/card/ for an iframe on a partner's page, and its oEmbed document."""

from .embed import DEFAULTS, Embed, build_embed, frame_height, oembed_document
from .handlers import register

__all__ = ["DEFAULTS", "Embed", "build_embed", "frame_height", "oembed_document", "register"]
