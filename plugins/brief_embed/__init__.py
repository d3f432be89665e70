"""Embeddable cards: /briefs/<slug>/card/ for an iframe on a partner's page, and its oEmbed document."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .embed import Embed, build_embed, frame_height, oembed_document
from .settings import DEFAULTS

register = register_from_handlers(__name__)

__all__ = ["DEFAULTS", "Embed", "build_embed", "frame_height", "oembed_document", "register"]
