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

# The published site always has every brief's PDF edition (drawn once, then reused from the cache).
PDF_EDITION = True

# The live site is always built from the sources alone, never from a cache a previous build left.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
