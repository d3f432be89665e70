"""Summary-card plugin: each brief's key points and recommendations, extracted for the card."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .card import (
    BodyEdit,
    BriefCard,
    CardProblem,
    CardSettings,
    Extraction,
    GivenCard,
    KeyPoint,
    ProblemCode,
    Recommendation,
    card_from_front_matter,
    extract_card,
)

register = register_from_handlers(__name__)

__all__ = [
    "BodyEdit",
    "BriefCard",
    "CardProblem",
    "CardSettings",
    "Extraction",
    "GivenCard",
    "KeyPoint",
    "ProblemCode",
    "Recommendation",
    "card_from_front_matter",
    "extract_card",
    "register",
]
