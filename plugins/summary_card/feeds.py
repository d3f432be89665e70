"""Feeds: every entry opens with its brief's card, followed by the body below the card.

Only the feed object Pelican is about to write is changed; the articles stay as they are, so a second
run (``--autoreload``) starts from the same state and never adds a card twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from reality_check.plugins.brief_registry.briefs import article_for, index_by_url


def with_cards(feed, articles: Iterable) -> None:
    """Put each article's card at the start of its feed entry (Atom ``content``, RSS ``description``)."""
    by_url = index_by_url(a for a in articles if getattr(a, "feed_card_html", ""))
    for item in feed.items:
        article = article_for(item.get("link", ""), by_url)
        if article is None:
            continue
        body = getattr(article, "body_below_card", None) or article.content
        entry = Markup(article.feed_card_html) + Markup(body)
        if item.get("content") is not None:
            item["content"] = str(entry)
            card = article.summary_card
            if card and card.first_key_point:
                item["description"] = card.first_key_point
        else:
            item["description"] = str(entry)
