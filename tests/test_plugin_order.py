"""Plugins that read the summary card run after it because they connect to its `cards_attached` signal, not
because of where PLUGINS lists them (blinker calls the receivers of one signal in no set order)."""

from __future__ import annotations

import json

from conftest import BRIEF_4_URL, CONTENT, ROOT, Site, build_site
from pelican import signals
from pelican.settings import read_settings

from brief_metadata.handlers import attach_metadata
from share_image.handlers import assign_share_images
from summary_card.signals import cards_attached

READERS_OF_THE_CARD = ("share_image", "brief_metadata", "brief_embed")


def card_readers_first() -> list[str]:
    plugins = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(CONTENT)})["PLUGINS"]
    readers = [p for p in plugins if p in READERS_OF_THE_CARD]
    assert readers, "the plugins that read the card are no longer in PLUGINS"
    return readers + [p for p in plugins if p not in READERS_OF_THE_CARD]


def what_the_card_feeds(site: Site) -> dict:
    page = site.page(BRIEF_4_URL)
    data = json.loads(page.find("script", type="application/ld+json").string)
    return {
        "og:image": page.find("meta", property="og:image")["content"],
        "description": data["description"],
        "citation": " ".join(page.find(class_="cite-brief__citation").get_text().split()),
    }


def test_plugins_reading_the_card_do_not_depend_on_plugins_order(site, tmp_path):
    cards_when_sent = []

    def probe(generators) -> None:
        articles = [a for g in generators for a in getattr(g, "articles", ())]
        cards_when_sent.append(bool(articles) and all(a.summary_card for a in articles))

    cards_attached.connect(probe)
    try:
        reordered = Site(
            build_site(
                CONTENT,
                tmp_path / "output",
                PLUGINS=card_readers_first(),
                PAGEFIND_ENABLED=False,
                SHARE_IMAGE_WORKERS=0,
                CACHE_PATH=str(tmp_path / "cache"),
            )
        )
    finally:
        cards_attached.disconnect(probe)
    assert cards_when_sent == [True]
    fed = what_the_card_feeds(reordered)
    assert fed["description"], "JSON-LD lost the card's first key point"
    assert fed == what_the_card_feeds(site)
    assert reordered.path(fed["og:image"]).is_file()  # a root-relative address in a development build


def test_readers_of_the_card_wait_for_it(site):
    """After a build has registered the plugins, the card's readers hang on its signal, not on Pelican's."""
    sender = object()
    listening = set(cards_attached.receivers_for(sender))
    assert {assign_share_images, attach_metadata} <= listening
    assert not {assign_share_images, attach_metadata} & set(
        signals.all_generators_finalized.receivers_for(sender)
    )
