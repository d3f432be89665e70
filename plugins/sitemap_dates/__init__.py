"""Give listing pages in sitemap.xml a meaningful, reproducible ``lastmod``.

pelican-sitemap dates a page without an article or page of its own (the archive, author, topic and region
pages) with the moment the plugin was imported, so every build writes a different sitemap.xml. A listing
changes when a brief is published or modified, so its lastmod is the newest such date in the series:
true for readers and crawlers, and the same in every build of the same content.
"""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

register = register_from_handlers(__name__)

__all__ = ["register"]
