"""Plain Pelican for comparison: Pelican as a user gets it, with no plugins and its built-in theme.

Its Markdown runs Python-Markdown with `extra` and `toc`; the site also turns on `sane_lists`, which the
baseline leaves out on purpose (issue #12 keeps the baseline as it was first measured).
"""

SITENAME = "Plain Pelican (benchmark baseline)"
SITEURL = "https://bench.example.org"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
ARTICLE_PATHS = ["briefs"]
PAGE_PATHS = ["pages"]
PLUGINS: list[str] = []
FEED_DOMAIN = SITEURL
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}
