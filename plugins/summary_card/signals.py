"""The signal this plugin sends, for the plugins that read the cards it attaches (as Pelican defines its own)."""

from blinker import signal

# Sent at ``all_generators_finalized`` once every article has its ``summary_card``, with the same sender (the
# list of generators). A plugin that reads the cards connects here, so it runs after them whatever the order of
# PLUGINS: ``cards_attached.connect(handler)``.
cards_attached = signal("summary_card.cards_attached")
