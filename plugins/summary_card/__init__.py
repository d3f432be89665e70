"""Summary-card plugin: each brief's key points and recommendations, extracted for the card."""

from .card import (
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
from .handlers import attach_cards, register

__all__ = [
    "BriefCard",
    "CardProblem",
    "CardSettings",
    "Extraction",
    "GivenCard",
    "KeyPoint",
    "ProblemCode",
    "Recommendation",
    "attach_cards",
    "card_from_front_matter",
    "extract_card",
    "register",
]
