"""Summary-card plugin: each brief's key points and recommendations, extracted for the card."""

from .card import BriefCard, CardSettings, Extraction, KeyPoint, Recommendation, extract_card
from .handlers import attach_cards, register

__all__ = [
    "BriefCard",
    "CardSettings",
    "Extraction",
    "KeyPoint",
    "Recommendation",
    "attach_cards",
    "extract_card",
    "register",
]
