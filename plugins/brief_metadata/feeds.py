"""Atom feeds that say which feed they are, and entries that name every author of a brief, not only the first.

Pelican gives every feed the site's address as its ``<id>`` and its page: the site feed, each topic's and each
language's were one feed to a reader that tells feeds apart by id (RFC 4287 asks each to have its own). At
``feed_generated`` each gets its own address as its id, the listing page it is the feed of as its page, and its
language (``xml:lang``).

Pelican's feed writer gives ``feedgenerator`` one author per item. At ``feed_generated`` (before the
feed is written) each entry's item gets the brief's whole author list, and the feed object becomes an
instance of a subclass of its own class that writes one ``<author>`` element per person. Composing with
the feed's current class, rather than replacing it, keeps other plugins' feed subclasses working.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from feedgenerator import Atom1Feed

from reality_check.plugins.brief_registry.briefs import article_for, index_by_url

from .record import Contributor

AUTHORS_KEY = "brief_authors"


def identify_feed(feed, *, page: str, lang: str | None) -> None:
    """Give `feed` its own address as its id, `page` (the full address of the listing it is the feed of) as its
    page, and `lang` as its language."""
    feed.feed["id"] = feed.feed["feed_url"]
    feed.feed["link"] = page
    feed.feed["language"] = lang


class AllAuthorsMixin:
    """Writes every ``(name, uri)`` of an item's ``brief_authors`` as its own ``<author>``."""

    def add_item_elements(self, handler, item) -> None:
        for author in item.get(AUTHORS_KEY, ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", author.name)
            if author.url:
                handler.addQuickElement("uri", author.url)
            handler.endElement("author")
        super().add_item_elements(handler, item)


@functools.cache
def all_authors_class(feed_class: type) -> type:
    """``feed_class`` extended with :class:`AllAuthorsMixin` (one class per feed class, made once)."""
    if issubclass(feed_class, AllAuthorsMixin):
        return feed_class
    return type(f"AllAuthors{feed_class.__name__}", (AllAuthorsMixin, feed_class), {})


def name_every_author(feed, authors_by_article: Iterable[tuple[object, tuple[Contributor, ...]]]) -> None:
    """Give each Atom entry of `feed` every author of its brief; other feed types are left alone.

    `authors_by_article` pairs each article with its authors in byline order. Entries of briefs with
    no known authors keep whatever Pelican wrote.
    """
    if not isinstance(feed, Atom1Feed):
        return  # RSS 2.0 has room for one author's e-mail address per item, which briefs do not have
    pairs = list(authors_by_article)
    by_url = index_by_url(article for article, _ in pairs)
    authors_of = {id(article): authors for article, authors in pairs}
    changed = False
    for item in feed.items:
        article = article_for(item.get("link", ""), by_url)
        authors = authors_of.get(id(article)) if article is not None else None
        if not authors:
            continue
        item[AUTHORS_KEY] = authors
        item["author_name"] = item["author_email"] = item["author_link"] = None
        changed = True
    if changed:  # feedgenerator (2.2.1, pinned) writes one author per item and has no hook for more
        feed.__class__ = all_authors_class(type(feed))
