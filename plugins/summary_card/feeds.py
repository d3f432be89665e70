"""Feeds: every entry opens with its brief's card, followed by the body below the card.

Only the feed object Pelican is about to write is changed; the articles stay as they are, so a second
run (``--autoreload``) starts from the same state and never adds a card twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from markupsafe import Markup


def article_for(link: str, by_url: dict[str, object]) -> object | None:
    """The article whose URL `link` (a feed entry's absolute link) ends with, if any."""
    path = urlsplit(link).path
    return next((article for url, article in by_url.items() if path.endswith("/" + url)), None)


def with_cards(feed, articles: Iterable) -> None:
    """Put each article's card at the start of its feed entry (Atom ``content``, RSS ``description``)."""
    by_url = {str(a.url): a for a in articles if getattr(a, "feed_card_html", "")}
    for item in feed.items:
        article = article_for(item.get("link", ""), by_url)
        if article is None:
            continue
        body = getattr(article, "body_below_card", None) or article.content
        entry = Markup(article.feed_card_html) + Markup(body)
        if item.get("content") is not None:
            item["content"] = str(entry)
            card = article.summary_card
            if card and card.key_points:
                item["description"] = card.key_points[0].text
        else:
            item["description"] = str(entry)
