"""Feeds: every entry opens with its brief's card, followed by the body below the card.

Only the feed object Pelican is about to write is changed; the articles stay as they are, so a second
run (``--autoreload``) starts from the same state and never adds a card twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from markupsafe import Markup

from reality_check.plugins.brief_registry.briefs import originals_with_pages_in, with_translations


def index_by_url(articles: Iterable) -> dict[str, object]:
    """The articles by their site-relative ``url`` (``briefs/<slug>/``), built once per feed."""
    return {str(article.url): article for article in articles}


def article_for(link: str, by_url: Mapping[str, object]) -> object | None:
    """The article a feed entry links to, whatever the feed domain's own path (``https://x.org/sub/``).

    Pelican writes ``FEED_DOMAIN`` joined with the article's url, perhaps with ``?ref=feed``: each
    tail of the link's path, longest first, is looked up, so a lookup costs the path's depth, not the
    number of articles.
    """
    segments = urlsplit(link).path.lstrip("/").split("/")
    for start in range(len(segments)):
        article = by_url.get("/".join(segments[start:]))
        if article is not None:
            return article
    return None


def feed_articles(context: Mapping) -> list:
    """Every article a feed Pelican writes may list: the published briefs, hidden ones, and their translations."""
    return with_translations(originals_with_pages_in(context))


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
