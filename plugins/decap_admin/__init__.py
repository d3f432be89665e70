"""The editors' browser CMS at /admin/: Decap CMS, its generated configuration, and "View" pages per brief."""

from .config import DEFAULTS, BriefSources, DecapConfigError, DecapSettings, build_config, render_config
from .handlers import DecapAdminGenerator, register

__all__ = [
    "DEFAULTS",
    "BriefSources",
    "DecapAdminGenerator",
    "DecapConfigError",
    "DecapSettings",
    "build_config",
    "register",
    "render_config",
]
