"""What the project's plugins share and that belongs to none of them: how a plugin registers and reads its own
settings (``plugin_settings``), files written whole and caches read back (``files``), results kept from one build to the next
(``build_cache``), the digests the caches between builds are keyed by (``digests``,
``code_digest``), the memos a process keeps between `make html`'s checks and its build (``memo``), the work a build started
and has not finished (``unfinished``), the cores a process may use (``cores``), where HTML text breaks between
words (``html_words``), the address schemes a link may use (``link_schemes``) and how a plugin keeps its tool
pages out of the sitemap (``sitemap``).

Not a Pelican plugin (never in PLUGINS), and it imports nothing else of the project: every plugin may depend on it.
"""
