"""Pelican wiring: a generator that writes /admin/ (page, configuration, Decap's code) and the "View" pages."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from reality_check.plugins.brief_registry.addresses import save_as
from reality_check.plugins.brief_registry.briefs import (
    BRIEFS_DIR,
    markdown_files,
    originals_with_pages_in,
    series_name,
    with_translations,
)
from reality_check.plugins.brief_registry.images import IMAGES_FOLDER
from reality_check.plugins.brief_registry.new_brief import next_free_number, skeleton
from reality_check.plugins.brief_registry.registry import build_registry
from reality_check.plugins.plugin_support.files import write_if_changed
from reality_check.plugins.plugin_support.sitemap import address_pattern, leave_out_of_sitemap
from reality_check.plugins.summary_card.settings import card_settings

from .config import (
    ADMIN_DIR,
    DECAP_EXTENSION,
    PREVIEW_PATH,
    BriefSources,
    DecapConfigError,
    DecapSettings,
    build_config,
    render_config,
)
from .settings import PROJECT_DECAP_DIST, set_defaults, setting

logger = logging.getLogger(__name__)

# Decap's entry point, the chunks it loads from beside itself, its WebAssembly, and its licence notice.
DECAP_FILES = ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")


@dataclass(frozen=True)
class PreviewTarget:
    """Where a brief's "View" link forwards: its source file's stem, and its page (None: not built); a draft has
    no page by design (DRAFT_SAVE_AS is empty), which the preview says instead of "could not build"."""

    stem: str
    url: str | None
    is_draft: bool = False

    @property
    def save_as(self) -> str:
        return save_as(PREVIEW_PATH.format(filename=self.stem))


def decap_settings(settings: dict) -> DecapSettings:
    """The DECAP_* settings as the configuration builder takes them (defaults from settings.DEFAULTS)."""

    content = Path(settings["PATH"])
    return DecapSettings(
        backend=dict(setting(settings, "DECAP_BACKEND")),
        publish_mode=setting(settings, "DECAP_PUBLISH_MODE") or "",
        local_backend=setting(settings, "DECAP_LOCAL_BACKEND") or "",
        site_url=setting(settings, "DECAP_SITE_URL") or settings.get("SITEURL", ""),
        series=series_name(settings),
        content_folder=content.name,
        media_folder=f"{content.name}/{IMAGES_FOLDER}",
    )


def decap_dist(settings: dict) -> Path:
    """Where Decap's built files are: DECAP_DIST, or where `make node-tools` installs them."""
    configured = setting(settings, "DECAP_DIST")
    return Path(configured) if configured else PROJECT_DECAP_DIST


def copy_decap(dist: Path, destination: Path) -> int:
    """Copy Decap's built files into the site; unchanged files are left alone. The number copied."""
    if not (dist / "decap-cms.js").is_file():
        raise DecapConfigError(
            f"{dist}: Decap CMS is not installed (expected decap-cms.js there); run `make node-tools`"
        )
    destination.mkdir(parents=True, exist_ok=True)
    copied = 0
    for pattern in DECAP_FILES:
        for source in sorted(dist.glob(pattern)):
            target = destination / source.name
            stat = source.stat()
            if (
                target.exists()
                and target.stat().st_size == stat.st_size
                and target.stat().st_mtime == stat.st_mtime
            ):
                continue
            shutil.copy2(source, target)
            copied += 1
    return copied


class DecapAdminGenerator(Generator):
    """Writes /admin/ when DECAP_ADMIN is on; runs after the articles generator, so briefs are known."""

    def generate_context(self) -> None:
        self.admin_config = None
        if not setting(self.settings, "DECAP_ADMIN"):
            return
        content = Path(self.settings["PATH"])
        registry = build_registry(self.context, content)
        card = card_settings(self.settings)
        sources = BriefSources(
            registry,
            next_free_number(content),  # as `make brief` numbers one
            skeleton(card.key_points_heading, card.recommendations_heading),  # as `make brief` writes one
            key_points_heading=card.key_points_heading,
            recommendations_heading=card.recommendations_heading,
        )
        try:
            self.admin_config = render_config(build_config(sources, decap_settings(self.settings)))
        except DecapConfigError as error:
            logger.error("%s (in publishconf.py, or DECAP_GITHUB_REPO=owner/name for the live site)", error)
            return
        built = {
            Path(brief.source_path).resolve(): brief.url
            for brief in with_translations(originals_with_pages_in(self.context))
        }
        drafts = {
            Path(draft.source_path).resolve() for draft in with_translations(self.context.get("drafts", ()))
        }
        # A view page for each file the editor lists: the .md files of briefs/ itself (its collection is one
        # folder of one extension), so no two share a name; a brief in a subfolder is edited as a file.
        self.previews = tuple(
            PreviewTarget(path.stem, built.get(path.resolve()), path.resolve() in drafts)
            for path in markdown_files(content, ignored=self.settings["IGNORE_FILES"])
            if path.parent == content / BRIEFS_DIR and path.suffix == f".{DECAP_EXTENSION}"
        )

    def generate_output(self, writer) -> None:
        if self.admin_config is None:
            return
        output = Path(self.output_path)
        admin = output / ADMIN_DIR
        admin.mkdir(parents=True, exist_ok=True)
        # Decap reads it on every load of /admin/: rewritten only when it changes, and then whole.
        write_if_changed(admin / "config.yml", self.admin_config.encode("utf-8"))
        try:
            copy_decap(decap_dist(self.settings), admin)
        except DecapConfigError as error:
            logger.error("%s", error)
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        write(f"{ADMIN_DIR}/index.html", self.get_template("admin/index"), self.context, page_name=ADMIN_DIR)
        for target in self.previews:
            write(
                target.save_as,
                self.get_template("admin/preview"),
                self.context,
                preview=target,
                page_name=target.save_as.removesuffix("/index.html"),
            )


def keep_admin_out_of_the_sitemap(pelican) -> None:
    """At ``initialized``: the editor's pages (/admin/, its previews) are for editors, never in sitemap.xml."""
    leave_out_of_sitemap(pelican.settings, [address_pattern(ADMIN_DIR + "/")])


def get_generators(pelican) -> type[Generator]:
    return DecapAdminGenerator


def register() -> None:
    """Set the DECAP_* defaults, and connect the generator."""
    signals.initialized.connect(set_defaults)
    signals.initialized.connect(keep_admin_out_of_the_sitemap)
    signals.get_generators.connect(get_generators)
