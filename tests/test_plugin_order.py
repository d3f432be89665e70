"""Plugins that read the summary card run after it because they connect to its `cards_attached` signal, not
because of where PLUGINS lists them (Pelican calls the receivers of one signal in the order they connected)."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import BRIEF_4_URL, CONTENT, ROOT, Site
from pelican import signals
from pelican.settings import read_settings

from reality_check.plugins.brief_metadata.handlers import attach_metadata
from reality_check.plugins.pdf_edition.handlers import attach_pdf_editions
from reality_check.plugins.share_image.handlers import assign_share_images
from reality_check.plugins.summary_card.signals import cards_attached

READERS_OF_THE_CARD = tuple(
    f"reality_check.plugins.{name}"
    for name in ("share_image", "pdf_edition", "brief_metadata", "brief_embed")
)


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
    """A fresh process (receivers connect in the order of its PLUGINS) listing the card's readers first."""
    order = card_readers_first()
    assert order.index("reality_check.plugins.share_image") < order.index(
        "reality_check.plugins.summary_card"
    )
    output = tmp_path / "output"
    settings = tmp_path / "reordered.py"
    settings.write_text(
        "from pelican.settings import get_settings_from_file\n"
        f"globals().update(get_settings_from_file({str(ROOT / 'pelicanconf.py')!r}))\n"
        f"PLUGINS = {order!r}\n"
        "PAGEFIND_ENABLED = False\n"
        f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "pelican", str(CONTENT), "-o", str(output), "-s", str(settings)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    reordered = Site(output)
    fed = what_the_card_feeds(reordered)
    assert fed["description"], "JSON-LD lost the card's first key point"
    assert fed == what_the_card_feeds(site)
    assert reordered.path(fed["og:image"]).is_file()  # a root-relative address in a development build


def test_readers_of_the_card_wait_for_it(site):
    """After a build has registered the plugins, the card's readers hang on its signal, not on Pelican's."""
    readers = {assign_share_images, attach_metadata, attach_pdf_editions}
    sender = object()
    assert readers <= set(cards_attached.receivers_for(sender))
    assert not readers & set(signals.all_generators_finalized.receivers_for(sender))
