"""Pelican settings for the live site: everything in pelicanconf.py, plus absolute URLs and feeds."""

import os
from pathlib import Path

from pelican.settings import get_settings_from_file

# Pelican loads a settings file by its path, not as an importable module, so this one reads its neighbour the
# same way rather than `from pelicanconf import *` (which would need the project folder on sys.path).
globals().update(get_settings_from_file(str(Path(__file__).with_name("pelicanconf.py"))))

# Without SITEURL the site is built for this address, for a rehearsal: `make publish` says so, and the deploy
# targets (rsync_upload, github) refuse to ship it.
PLACEHOLDER_SITEURL = "https://reality-check.example.org"
SITEURL = (os.environ.get("SITEURL", "").strip() or PLACEHOLDER_SITEURL).rstrip("/")

FEED_DOMAIN = SITEURL
# The site feed lists the briefs (in DEFAULT_LANG); each language of translations has its own feed.
FEED_ATOM = "feeds/all.atom.xml"
TAXONOMY_TOPIC_FEED_ATOM = "feeds/topics/{slug}.atom.xml"
TAXONOMY_REGION_FEED_ATOM = "feeds/regions/{slug}.atom.xml"
BRIEF_TRANSLATIONS_FEED_ATOM = "feeds/{lang}.atom.xml"

DELETE_OUTPUT_DIRECTORY = True

# The published site always has every brief's PDF edition (drawn once, then reused from the cache).
PDF_EDITION = True

# The live site's pages are always made from the sources alone (no content, card, reading-time or template cache a
# previous build left), and every page of it is written (plugins/incremental_output skips none). Only drawn files
# are reused (PDF editions, share images: named in the cache by a hash of everything they show, so a changed brief
# gets a new one).
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
INCREMENTAL_OUTPUT = False
# Its search index is indexed whole, in as few parts as Pagefind's memory allows: the plugin's own defaults
# (plugins/pagefind_search), in place of the development preview's small parts kept between builds.
for _preview_only in ("PAGEFIND_PAGES_PER_INDEX", "PAGEFIND_MAX_PARTS", "PAGEFIND_KEEP_UNCHANGED_PARTS"):
    del globals()[_preview_only]

# The browser editor on the live site (docs/cms.md, "Going live"): off unless the build's environment names the
# GitHub repository the editor commits to (DECAP_GITHUB_REPO=owner/name). Drafts become pull requests.
DECAP_ADMIN = bool(os.environ.get("DECAP_GITHUB_REPO"))
# Without DECAP_GITHUB_BRANCH, the editor commits to the plugin's default branch, main (plugins/decap_admin).
DECAP_BACKEND = {"name": "github", "repo": os.environ.get("DECAP_GITHUB_REPO", "")}
if os.environ.get("DECAP_GITHUB_BRANCH"):
    DECAP_BACKEND["branch"] = os.environ["DECAP_GITHUB_BRANCH"]
if os.environ.get("DECAP_AUTH_BASE_URL"):  # an OAuth provider of your own (Cloudflare Pages, own server)
    DECAP_BACKEND["base_url"] = os.environ["DECAP_AUTH_BASE_URL"]
