"""This plugin's own Pelican settings: their defaults (given at ``initialized`` to a site that leaves one out) and how
they are read (the README's settings table says what each means)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reality_check.plugins.plugin_support.plugin_settings import defaults_setter, settings_reader

DEFAULTS: dict[str, Any] = {
    "DECAP_ADMIN": False,  # write /admin/ (the editor, its configuration and Decap's code) into the site
    "DECAP_BACKEND": {"name": "github"},  # Decap's `backend:`; going live adds `repo` (`branch`: main)
    "DECAP_PUBLISH_MODE": "editorial_workflow",  # drafts as pull requests ("" or "simple": commit directly)
    "DECAP_LOCAL_BACKEND": "",  # decap-server's API address; `make cms` sets it, so edits go to content/
    "DECAP_SITE_URL": "",  # where "View" links lead (default: SITEURL)
    "DECAP_DIST": "",  # Decap's built files (default: PROJECT_DECAP_DIST)
}

# Where `make node-tools` installs Decap (npm, from package-lock.json): node_modules/ of the project's folder, the
# one that holds plugins/.
PROJECT_DECAP_DIST = Path(__file__).resolve().parents[2] / "node_modules" / "decap-cms" / "dist"

setting = settings_reader(DEFAULTS)

# Runs at ``initialized``: a setting of this plugin the site leaves out gets its default.
set_defaults = defaults_setter(DEFAULTS)
