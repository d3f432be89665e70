"""Pelican settings for the live site: everything in pelicanconf.py, plus absolute URLs and feeds."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *

# Without SITEURL the site is built for this address, for a rehearsal: `make publish` says so, and the deploy
# targets (rsync_upload, github) refuse to ship it.
PLACEHOLDER_SITEURL = "https://reality-check.example.org"
SITEURL = (os.environ.get("SITEURL", "").strip() or PLACEHOLDER_SITEURL).rstrip("/")
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"

DELETE_OUTPUT_DIRECTORY = True
TAXONOMY_TOPIC_FEED_ATOM = "feeds/topics/{slug}.atom.xml"

# The live site is always built from the sources alone, never from a cache a previous build left.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
