"""The editors' browser CMS at /admin/: Decap CMS, its generated configuration, and "View" pages per brief."""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .config import BriefSources, DecapConfigError, DecapSettings, build_config, render_config
from .settings import DEFAULTS

register = register_from_handlers(__name__)

__all__ = [
    "DEFAULTS",
    "BriefSources",
    "DecapConfigError",
    "DecapSettings",
    "build_config",
    "register",
    "render_config",
]
