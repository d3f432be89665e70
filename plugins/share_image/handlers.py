"""Pelican wiring for share images: name each brief's image early, draw (or reuse) it beside the build."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator

from reality_check.plugins.brief_registry.briefs import briefs_with_pages, series_name
from reality_check.plugins.drawn_files import DrawingPool, Job, cache_folder, worker_count
from reality_check.plugins.plugin_support.files import link_or_copy, write_atomically
from reality_check.plugins.plugin_support.unfinished import Unfinished
from reality_check.plugins.summary_card.signals import cards_attached

from .fonts import Fonts
from .image import SIZE, ShareImageContent, cache_key, draw_share_image, unreadable_font, whole_png
from .settings import fonts_for, set_defaults, setting

logger = logging.getLogger(__name__)


def cache_dir_for(settings: dict) -> Path:
    """The folder where drawn images wait for the next build."""
    return cache_folder(settings, str(setting(settings, "SHARE_IMAGE_CACHE_PATH")), "share_image")


def content_for(article, settings: dict) -> ShareImageContent:
    """What a brief's share image shows."""
    card = getattr(article, "summary_card", None)
    number = getattr(article, "series_number", None)
    return ShareImageContent(
        series=series_name(settings),
        number=f"#{number}" if number is not None else "",
        title=" ".join(str(article.title).split()),
        key_point=card.first_key_point if card else "",
        date=str(getattr(article, "locale_date", "")),
    )


@dataclass(frozen=True)
class BriefImage:
    """A brief given a share image: the brief (an article, its translations too), what its image shows, and the
    image's file in the cache."""

    brief: Any
    content: ShareImageContent
    cached: Path


@dataclass(eq=False)
class ShareImageDrawing:
    """One build's share images: the briefs given one, and the workers drawing those missing from the cache.

    Made with the build's articles generator; started when the cards are known, so the images are drawn beside
    Pelican while it writes every page (no page needs an image file, only its address); finished at the build's
    end (``finalized``), where Pelican's process draws whatever no worker has started and every brief's image is
    copied into the output.
    """

    settings: dict
    output_path: Path
    pool: DrawingPool
    # Every brief given a share image (translations included).
    images: list[BriefImage] = field(default_factory=list)

    def start(self, briefs: list) -> None:
        """Start drawing the images of `briefs` missing from the cache."""
        fonts = fonts_for(self.settings)
        cache_dir = cache_dir_for(self.settings)
        self.images = []
        missing: dict[Path, Job] = {}
        for article in briefs:
            if article.share_image and hasattr(article, "summary_card"):
                content = content_for(article, self.settings)
                path = cache_dir / f"{cache_key(content, fonts)}.png"
                self.images.append(BriefImage(article, content, path))
                if not whole_png(path):
                    missing[path] = Job(draw_into_cache, (content, fonts))
        self.pool.start(missing)

    def place_every_image(self, fonts: Fonts) -> int:
        """Wait for the workers, draw what they did not, and put each brief's image into the output; how many
        images were drawn in this build."""
        drawn = self.pool.finish()
        for image in self.images:
            if not whole_png(image.cached):  # no worker drew it, or the cache lost (or cut) it since
                draw_into_cache(image.cached, image.content, fonts)
                drawn += 1
                logger.info("share_image: drew %s", image.brief.share_image)
            link_or_copy(image.cached, self.output_path / image.brief.share_image)
        return drawn


# Each build's drawing, from the making of its articles generator to ``finalized``; one a failed build left is
# stopped by the next build. A one-brief preview (editor/preview_session.py) works on a copy of a generator, never
# made, so it gives its brief the image's address and draws nothing (the full build that follows does).
DRAWINGS: Unfinished[ShareImageDrawing] = Unfinished(lambda drawing: drawing.pool.stop())


def begin_drawing(generator) -> None:
    """At ``article_generator_init``: a build starts reading its briefs. Its drawing is listed (SHARE_IMAGE_WORKERS
    is checked here, before anything is read)."""
    DRAWINGS.abandon()
    workers = worker_count(setting(generator.settings, "SHARE_IMAGE_WORKERS"), "SHARE_IMAGE_WORKERS")
    pool = DrawingPool("share_image", workers, log=logger)
    DRAWINGS.track(ShareImageDrawing(generator.settings, Path(generator.output_path), pool))


def assign_share_images(generators: Iterable) -> None:
    """Give each brief with a page (hidden ones and translations included) ``share_image`` (its image's path from
    the site root) and ``share_image_size`` (width, height: for the pages' og:image tags and the oEmbed answer's
    thumbnail), and start drawing the images missing from the cache.

    Runs when summary_card has attached the cards (its ``cards_attached`` signal, at ``all_generators_finalized``).
    """
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if articles is None:
        return
    settings = articles.settings
    save_as = str(setting(settings, "SHARE_IMAGE_SAVE_AS"))
    briefs = briefs_with_pages(articles)
    for article in briefs:
        article.share_image = save_as.format(slug=article.slug) if save_as else ""
        article.share_image_size = SIZE
    drawing = DRAWINGS.get(lambda drawing: drawing.settings is settings)
    if drawing is not None:
        drawing.start(briefs)


def draw_into_cache(path: Path, content: ShareImageContent, fonts: Fonts) -> Path:
    """Draw one image into the cache (in a worker process, or in Pelican's own)."""
    write_atomically(path, draw_share_image(content, fonts))
    return path


def finish_drawing(pelican) -> None:
    """At ``finalized``: this build's images all drawn, and copied into the output.

    A failure is logged as an error, not raised: `make html` (``--fatal errors``) and `make publish` (``--fatal
    warnings``) stop there; a build without either flag goes on to the other plugins' work at ``finalized``."""
    drawing = DRAWINGS.take(lambda drawing: drawing.settings is pelican.settings)
    if drawing is None:
        return
    fonts = fonts_for(drawing.settings)
    for name, path in (("SHARE_IMAGE_FONT", fonts.regular), ("SHARE_IMAGE_BOLD_FONT", fonts.bold)):
        if path and not Path(path).is_file():
            logger.warning(
                "share_image: font %s not found (install Debian's fonts-dejavu-core or set "
                "SHARE_IMAGE_FONT / SHARE_IMAGE_BOLD_FONT); using Pillow's built-in font",
                path,
            )
        elif path and (problem := unreadable_font(path)):
            drawing.pool.stop()
            logger.error(
                "share_image: %s is %s, which is not a font Pillow can read (%s): set it to a .ttf or .otf "
                "file, or leave it out for DejaVu Sans; no share image was written",
                name,
                path,
                problem,
            )
            return
    try:
        drawn = drawing.place_every_image(fonts)
    except Exception as error:  # a drawing or a copy that failed, in a worker or here
        logger.error(
            "share_image: the share images were not all written: %s: %s (the pages link to them: fix the "
            "cause and build again; `make clean` empties a damaged cache)",
            type(error).__name__,
            error,
        )
        return
    logger.info(
        "share_image: %d of %d share images drawn, the rest reused from %s",
        drawn,
        len(drawing.images),
        cache_dir_for(drawing.settings),
    )


def register() -> None:
    """Connect the share-image handlers."""
    signals.initialized.connect(set_defaults)
    signals.article_generator_init.connect(begin_drawing)
    cards_attached.connect(assign_share_images)
    signals.finalized.connect(finish_drawing)
