"""Pelican settings for the Reality Check site (development build).

`publishconf.py` starts from everything here and overrides what differs for the live site. Each setting is
assigned once, in the group it serves. A project plugin's own settings carry its prefix; their defaults live in
the plugin (see plugins/<name>/README.md), so only values that differ from them appear here.
"""

import os
from pathlib import Path

from pelican.plugins.webassets.vendor.webassets.cache import MemoryCache
from pelican.settings import DEFAULT_CONFIG

from reality_check.plugins.brief_registry.briefs import BRIEFS_DIR, IGNORED_NAMES, PAGES_DIR, newest_first
from reality_check.plugins.brief_registry.images import IMAGES_FOLDER
from reality_check.plugins.brief_registry.rendering import site_markdown

ROOT = Path(__file__).resolve().parent

# --- The publication ---
AUTHOR = "New American Engagement Initiative"  # the publisher, wherever one is named (brief_metadata)
SITENAME = "Reality Check"  # also the series' name (SERIES_NAME, which a site may set apart)
SITE_TAGLINE = "Succinct memos on US foreign policy for busy professionals"
SITEURL = ""
RELATIVE_URLS = False
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%B %-d, %Y"
# "March 5, 2021" on any machine: Pelican sets the process's locale from this, and %B names the month in it (a
# machine set to German wrote "März"). Translations' dates are Babel's, in their own language (brief_translations).
LOCALE = ("C.UTF-8", "C")

# --- Sources and how they are read ---
PATH = "content"
ARTICLE_PATHS = [BRIEFS_DIR]
PAGE_PATHS = [PAGES_DIR]
# Images a brief shows (content/images, where the browser editor saves uploads), published at /images/ as they are;
# a brief writes ![what it shows](/images/chart.png) (plugins/brief_registry/images.py).
STATIC_PATHS = [IMAGES_FOLDER]
# Hidden files and Word's lock files (brief_registry.briefs.IGNORED_NAMES says why each); `make check` reads this
# setting to leave out the same files (its test compares its list with Pelican's own search).
IGNORE_FILES = list(IGNORED_NAMES)
# Briefs and pages are Markdown only: Pelican's readers of web pages and reStructuredText are off, so a page Word
# saved into content/briefs/ is left out, and named by `make check` with what to do, instead of stopping the build.
READERS = {"html": None, "htm": None, "rst": None}
# Python-Markdown with extra, toc (stable heading anchors) and sane_lists (a list keeps its first number): the
# setting brief_registry's fast renderer reproduces byte for byte (rendering.SITE_EXTENSIONS says why each).
MARKDOWN = site_markdown()
# The series is ordered by its numbers, newest (highest) first, everywhere Pelican lists briefs (a function, so
# a brief whose number is not a number is reported instead of stopping the sort).
ARTICLE_ORDER_BY = newest_first

# --- Plugins ---
# The project's own plugins are packages installed into .venv (pyproject.toml), so Pelican imports them by name.
# pelican-seo and pelican-readtime are deliberately not used (docs/development.md says why): the templates
# (macros/head_meta.html), brief_metadata, robots.html and reading_time do their part.
PLUGINS = [
    # brief_registry reads the briefs (YAML front matter, with pelican-yaml-metadata's conversion of values),
    # and checks every brief against the authors, topics and regions it lists.
    "reality_check.plugins.brief_registry",
    "reality_check.plugins.summary_card",  # key points and recommendations of each brief; cards.json
    "reality_check.plugins.share_image",  # a share image per brief (reads the summary card)
    "reality_check.plugins.pdf_edition",  # the PDF edition of each brief (reads the summary card)
    "pelican.plugins.neighbors",  # prev_article / next_article in series order
    "pelican.plugins.sitemap",  # sitemap.xml
    "reality_check.plugins.sitemap_dates",  # listing pages dated by the newest brief (reproducible sitemap.xml); each page listed once
    "reality_check.plugins.reading_time",
    "reality_check.plugins.brief_relations",
    "reality_check.plugins.brief_metadata",  # citations and structured data (reads the summary card)
    "reality_check.plugins.taxonomy_pages",  # author, topic and region pages
    "reality_check.plugins.pagefind_search",  # the search index, made beside the build once the brief pages are written
    "reality_check.plugins.brief_embed",  # /briefs/<slug>/card/ (the card alone, for partners' iframes) and /oembed/<slug>.json
    "reality_check.plugins.newsletter_digest",  # output/digest/<date>/: each issue recorded in content/digests/ (make digest)
    "reality_check.plugins.brief_translations",  # translations: /<lang>/ listings, language switcher, interface strings (Babel)
    "pelican.plugins.webassets",  # the fingerprinted stylesheet
    "reality_check.plugins.decap_admin",  # /admin/, the browser editor (Decap CMS), when DECAP_ADMIN is on
    "reality_check.plugins.incremental_output",  # a rebuild writes only the pages whose inputs changed (publishconf.py: off)
    "reality_check.plugins.fragment_cache",  # each brief's teaser rendered once per build; each template compiled once
]

# --- Theme and pages ---
THEME = str(ROOT / "theme")
# Autoescaping on: only HTML that Pelican or our plugins produced is marked safe.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": ["jinja2.ext.i18n"],  # {{ _("…") }}: interface strings in the page's language
    # Pelican makes a new environment for each generator of each build, so an edited template is read by the next
    # build; within one, Jinja need not check every template's file again each time a page uses it.
    "auto_reload": False,
}
# Briefs live at /briefs/<slug>/, pages at /<slug>/. A title's slug is Pelican's, with an underscore read as a
# space between words ("issue_now" gives issue-now): the lower-case letters, digits and hyphens a `slug:` line
# written by hand must use (brief_registry.rules.SLUG_PATTERN).
SLUG_REGEX_SUBSTITUTIONS = [
    *DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"],
    (r"_", "-"),
    (r"-{2,}", "-"),
    (r"\A-+|-+\Z", ""),
]
ARTICLE_URL = "briefs/{slug}/"
ARTICLE_SAVE_AS = "briefs/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# Pages written from a theme template alone: the archive (home page), the search page, the 404 page and
# robots.txt. Author, topic and region pages come from plugins/taxonomy_pages (URLs: its README).
DIRECT_TEMPLATES = ["index", "search", "404", "robots"]
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
ROBOTS_SAVE_AS = "robots.txt"
# Listings this theme does not offer are not written at all, so no page falls back to a template the theme
# does not provide.
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
# The archive is paginated as /, /page/2/, /page/3/ ...; so are the author, topic and region pages.
DEFAULT_PAGINATION = 10
INDEX_URL = ""
PAGINATED_TEMPLATES = {"index": None, "author": None, "term": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
# Fingerprinted stylesheet: base.html links theme/assets/site.<hash>.css, whose name changes with its content,
# so hosts can let browsers keep it for a year (deploy/_headers, deploy/nginx.conf). The hash of each bundle is
# remembered in memory for one build, not in a cache folder inside the output; pelican-webassets offers no
# setting for that, hence its vendored cache class (pelican-webassets 2.1.0, pinned in requirements.txt).
WEBASSETS_CONFIG = [("cache", MemoryCache(100)), ("manifest", "cache")]
WEBASSETS_DEBUG = False  # the same file name in every build, whatever the log level

# --- Translations (docs/translations.md) ---
# A translation is a brief with `lang:` and its original's series_number: Pelican groups briefs by number and
# publishes the one in DEFAULT_LANG as the brief, the others as its translations at /<lang>/briefs/<slug>/.
# plugins/brief_translations adds the /<lang>/ listings and feeds, hreflang links, the language switcher and
# the interface strings and dates in the page's language (Babel).
# translation_group: "brief-000000004" for every version of #4 (a brief without a usable number gets one of its
# own, from its file), set by brief_registry at content_object_init.
ARTICLE_TRANSLATION_ID = "translation_group"
ARTICLE_LANG_URL = "{lang}/briefs/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/briefs/{slug}/index.html"

# --- Feeds and the sitemap ---
# Feeds are generated by publishconf.py only (they need an absolute SITEURL).
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
# The site's own pages only: the plugins leave out what they write for tools (pagefind_search the search page,
# brief_translations each language's, decap_admin the browser editor), sitemap_dates the card pages written with a brief; the digest's pages are
# not written through Pelican, so never listed.
SITEMAP = {
    "format": "xml",
    "exclude": [r"^404\.html$", r"^robots\.txt$"],
}

# --- Editing in the browser (plugins/decap_admin, docs/cms.md) ---
# /admin/ (Decap CMS) is written only when DECAP_ADMIN is on: `make cms` turns it on for this machine and points
# it at decap-server (DECAP_LOCAL_BACKEND), so edits go straight into content/; publishconf.py turns it on for the
# live site when the build's environment names the GitHub repository (DECAP_GITHUB_REPO).

# --- The PDF edition ---
# plugins/pdf_edition draws every brief's PDF only when PDF_EDITION is true: publishconf.py sets it, `make html
# PDF=1` asks for it in a development build. Its page size is US Letter; PDF_EDITION_PAGE_SIZE = "a4" for A4.

# --- Rebuilds ---
# make html and make devserver reuse what did not change: Pelican's reader cache, and the card extractions, share
# images and compiled templates our plugins cache, all in cache/ (git-ignored; `make clean` empties it). REALITY_CHECK_CACHE names
# another folder: the test suite gives each of its processes one, so running the tests never touches cache/.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = os.environ.get("REALITY_CHECK_CACHE") or str(ROOT / "cache")
# Pelican rewrites its whole reader cache after every build: gzipping it cost 0.7 s of a 6 s edit-one rebuild at
# 1000 briefs (bench/results.md), for a file on the editor's own disk.
GZIP_CACHE = False
# The search index in parts of 100 brief pages (at most ten parts: past 1000 briefs they grow), each kept when none
# of its pages changed: an edit to a brief reindexes its part, not the archive (bench/results.md; a brief added or
# removed moves the parts' boundaries, and every part is indexed again). The search page merges the parts;
# publishconf.py builds the live site's index from scratch, in parts of up to 3000 pages.
PAGEFIND_PAGES_PER_INDEX = 100
PAGEFIND_MAX_PARTS = 10
PAGEFIND_KEEP_UNCHANGED_PARTS = True
