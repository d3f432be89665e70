"""Pelican settings for the live site: everything in pelicanconf.py, plus absolute URLs and feeds."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *

SITEURL = os.environ.get("SITEURL", "https://reality-check.example.org").rstrip("/")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"

DELETE_OUTPUT_DIRECTORY = True
TAXONOMY_TOPIC_FEED_ATOM = "feeds/topics/{slug}.atom.xml"

# The live site is always built from the sources alone, never from a cache a previous build left.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# The browser editor on the live site (docs/cms.md, "Going live"): off unless the build's environment names the
# GitHub repository the editor commits to (DECAP_GITHUB_REPO=owner/name). Drafts become pull requests.
DECAP_ADMIN = bool(os.environ.get("DECAP_GITHUB_REPO"))
DECAP_BACKEND = {
    "name": "github",
    "repo": os.environ.get("DECAP_GITHUB_REPO", ""),
    "branch": os.environ.get("DECAP_GITHUB_BRANCH", "main"),
}
if os.environ.get("DECAP_AUTH_BASE_URL"):  # an OAuth provider of your own (Cloudflare Pages, own server)
    DECAP_BACKEND["base_url"] = os.environ["DECAP_AUTH_BASE_URL"]
