"""Plain Pelican for comparison: same Pelican, same Markdown extensions, no plugins, the built-in theme."""

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
