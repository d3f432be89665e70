"""Pelican wiring: every generator's templates can call ``rendered_once`` and ``rendered_once_for_site``, and are
compiled once."""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from .compiled import CompiledTemplates
from .memo import SiteFragments, rendered_every_time, rendered_every_time_for_site, rendered_once
from .settings import set_defaults, setting


def install(generator) -> None:
    """Give the generator's Jinja environment the ``rendered_once`` and ``rendered_once_for_site`` call blocks (memo
    off: rendered every time), and the templates this process, or an earlier build's, has compiled already."""
    on = setting(generator.settings, "FRAGMENT_CACHE")
    generator.env.globals["rendered_once"] = rendered_once if on else rendered_every_time
    generator.env.globals["rendered_once_for_site"] = SiteFragments() if on else rendered_every_time_for_site
    generator.env.bytecode_cache = CompiledTemplates(
        generator.env, compiled_templates_folder(generator.settings)
    )


def compiled_templates_folder(settings: dict) -> Path | None:
    """Where compiled templates are kept between builds: in CACHE_PATH, when the build both keeps and reuses what
    earlier builds worked out (CACHE_CONTENT and LOAD_CONTENT_CACHE, as `make html`; the live site's build does
    neither)."""
    if settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE"):
        return Path(settings["CACHE_PATH"]) / "compiled_templates"
    return None


def register() -> None:
    """Connect the defaults and the installer."""
    signals.initialized.connect(set_defaults)
    signals.generator_init.connect(install)
