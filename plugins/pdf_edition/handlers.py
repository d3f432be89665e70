"""Pelican wiring for the PDF edition: name each brief's PDF, draw the missing ones beside the build, place them.

Once ``summary_card`` has attached the cards (its ``cards_attached`` signal; ``brief_metadata`` puts the PDF in
the JSON-LD later, as each page is written) every original brief with a page, hidden ones included, gets
``pdf_edition`` (a translation gets none: ``originals_with_pages``): its address at once, its size and page count
when asked (asking waits for that one PDF, drawing it in Pelican's own process if no worker has started it).
PDFs missing from the cache are drawn in worker processes while Pelican writes the site; ``generate_output``
places every one into the output.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from feedgenerator import Enclosure
from jinja2 import TemplateNotFound, meta
from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

from reality_check.plugins.brief_registry.addresses import absolute_url
from reality_check.plugins.brief_registry.briefs import (
    article_for,
    feed_articles,
    index_by_url,
    originals_with_pages,
)
from reality_check.plugins.drawn_files import DrawingPool, Job, cache_folder, worker_count
from reality_check.plugins.plugin_support.digests import digest, font_identity
from reality_check.plugins.plugin_support.files import link_or_copy
from reality_check.plugins.summary_card.signals import cards_attached

from .drawing import draw_into_cache, engine_version, read_pages
from .edition import (
    DrawingInputs,
    PdfEditionSettingError,
    cache_key,
    page_size,
    pages_label,
    pdf_location,
    printed_brief,
    size_label,
    static_files_of,
)
from .settings import DEFAULTS, set_defaults, setting

logger = logging.getLogger(__name__)

MIME_TYPE = "application/pdf"


@dataclass(frozen=True)
class PdfFacts:
    """What the download link tells a reader before they click: the file's size and its page count."""

    size: int
    pages: int

    @property
    def size_label(self) -> str:
        return size_label(self.size)

    @property
    def pages_label(self) -> str:
        return pages_label(self.pages)


class PdfEditionLink:
    """A brief's PDF edition: its address from the start, its facts once it is drawn.

    ``url`` is relative to the site root, like an article's; ``facts`` waits for this one PDF (and draws it
    here if no worker has started it), so a template may ask for it while the other PDFs are still drawing.
    """

    def __init__(
        self, url: str, save_as: str, cached: Path, pool: DrawingPool, pages: int | None = None
    ) -> None:
        self.url = url
        self.save_as = save_as
        self.cached = cached
        self._pool = pool
        self._pages = pages  # known already when the cache had this PDF

    @cached_property
    def facts(self) -> PdfFacts:
        pages = self._pages
        if pages is None:
            self._pool.wait_for(self.cached)
            pages = read_pages(self.cached)
        if pages is None:
            raise FileNotFoundError(
                f"pdf_edition: the PDF edition of {self.url} was not drawn ({self.cached}): see the error logged "
                "before this one"
            )
        return PdfFacts(size=self.cached.stat().st_size, pages=pages)

    def __repr__(self) -> str:
        return f"PdfEditionLink({self.url!r})"


def cache_dir_for(settings: dict) -> Path:
    return cache_folder(settings, setting(settings, "PDF_EDITION_CACHE_PATH"), "pdf_edition")


def _template_sources(env, name: str) -> str:
    """A digest of template `name` and of every template it extends, includes or imports."""
    parts: list[str] = []
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        source, _, _ = env.loader.get_source(env, current)
        parts += [current, source]
        todo.extend(sorted(t for t in meta.find_referenced_templates(env.parse(source)) if t))
    return digest(*parts)


class PdfEditionGenerator(Generator):
    """Writes each brief's PDF edition, drawn only when what it shows (or what draws it) has changed."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pool = DrawingPool(
            "pdf_edition",
            worker_count(setting(self.settings, "PDF_EDITION_WORKERS"), "PDF_EDITION_WORKERS"),
            log=logger,
        )
        self._links: list[PdfEditionLink] = []

    @property
    def enabled(self) -> bool:
        return bool(setting(self.settings, "PDF_EDITION"))

    def template_name(self) -> str:
        return str(setting(self.settings, "PDF_EDITION_TEMPLATE"))

    def stylesheets(self) -> tuple[str, ...]:
        """The theme's stylesheets as text, then the page size the settings ask for."""
        static = Path(self.settings["THEME"]) / "static"
        texts = []
        for name in setting(self.settings, "PDF_EDITION_STYLESHEETS"):
            try:
                texts.append((static / name).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as error:
                raise PdfEditionSettingError(
                    f"PDF_EDITION_STYLESHEETS names {name!r}, which cannot be read from {static} (the theme's "
                    f"static folder: {getattr(error, 'strerror', None) or error}); name stylesheets in that folder "
                    f"(set it in pelicanconf.py; the default is {list(DEFAULTS['PDF_EDITION_STYLESHEETS'])})"
                ) from None
        size = page_size(setting(self.settings, "PDF_EDITION_PAGE_SIZE"))
        return (*texts, f"@page {{ size: {size}; }}\n")

    def drawing_inputs(self) -> DrawingInputs:
        name = self.template_name()
        try:
            templates = _template_sources(self.env, f"{name}.html")
        except TemplateNotFound as error:
            raise PdfEditionSettingError(
                f"PDF_EDITION_TEMPLATE is {name!r}, but the theme has no template {error.name!r} "
                f"(set it in pelicanconf.py to a template of the theme's templates folder, without .html; the "
                f"default is {DEFAULTS['PDF_EDITION_TEMPLATE']!r})"
            ) from None
        return DrawingInputs(
            page_size=page_size(setting(self.settings, "PDF_EDITION_PAGE_SIZE")),
            templates=templates,
            stylesheets=self.stylesheets(),
            fonts=tuple(font_identity(p) for p in setting(self.settings, "PDF_EDITION_FONTS")),
            engine=engine_version(),
        )

    def prepare(self, articles: Iterable) -> None:
        """Give every brief its ``pdf_edition``; start drawing the PDFs the cache does not have."""
        inputs = self.drawing_inputs()
        cache_dir = cache_dir_for(self.settings)
        template = self.get_template(self.template_name())
        missing: dict[Path, Job] = {}
        self._links = []
        static_files = static_files_of(self.context)
        for article in articles:  # each has a series number: brief_registry left out any without one
            brief = printed_brief(article, self.settings, static_files)
            key = cache_key(brief, inputs)
            url, save_as = pdf_location(article, brief.series, brief.series_number)
            cached = cache_dir / f"{key}.pdf"
            pages = read_pages(cached) if cached.is_file() else None
            link = PdfEditionLink(url, save_as, cached, self._pool, pages)
            article.pdf_edition = link
            self._links.append(link)
            if pages is not None or cached in missing:
                continue
            html = template.render({**self.context, "brief": brief, "DEFAULT_LANG": brief.lang})
            images = {image.src: image.path for image in brief.images}
            missing[cached] = Job(draw_into_cache, (html, inputs.stylesheets, key, images))
        self._pool.start(missing)

    def generate_output(self, writer) -> None:
        if not self.enabled:
            return
        for path in setting(self.settings, "PDF_EDITION_FONTS"):
            if not Path(path).is_file():
                logger.warning(
                    "pdf_edition: font %s not found (install Debian's fonts-sil-charis or set "
                    "PDF_EDITION_FONTS); the PDFs fall back to another font",
                    path,
                )
        drawn = self._pool.finish()
        output = Path(self.output_path)
        for link in self._links:
            link_or_copy(link.cached, output / link.save_as)
        logger.info(
            "pdf_edition: %d of %d PDFs drawn, the rest reused from %s",
            drawn,
            len(self._links),
            cache_dir_for(self.settings),
        )


def attach_pdf_editions(generators: Iterable) -> None:
    """Give each original brief with a page (hidden ones included, translations not: ``originals_with_pages``)
    ``pdf_edition`` and start drawing, when the settings ask for PDFs.

    Runs on summary_card's ``cards_attached`` signal: the PDF prints the card.
    """
    generators = list(generators)
    articles = [a for g in generators if isinstance(g, ArticlesGenerator) for a in originals_with_pages(g)]
    for generator in generators:
        if isinstance(generator, PdfEditionGenerator) and generator.enabled:
            try:
                generator.prepare(articles)
            except PdfEditionSettingError as error:
                logger.error("pdf_edition: %s; no PDF was drawn or linked", error)


def add_pdf_to_feed(context: dict, feed) -> None:
    """Link each feed entry's PDF edition as an Atom enclosure (with its length, as Atom readers show it)."""
    siteurl = str(context.get("SITEURL", ""))
    by_url = index_by_url(a for a in feed_articles(context) if getattr(a, "pdf_edition", None))
    for item in feed.items:
        article = article_for(item.get("link", ""), by_url)
        if article is None:
            continue
        link = article.pdf_edition
        item["enclosures"] = [Enclosure(absolute_url(siteurl, link.url), str(link.facts.size), MIME_TYPE)]


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican the PDF-edition generator."""
    return PdfEditionGenerator


def register() -> None:
    """Connect the PDF-edition handlers."""
    signals.initialized.connect(set_defaults)
    cards_attached.connect(attach_pdf_editions)
    signals.feed_generated.connect(add_pdf_to_feed)
    signals.get_generators.connect(get_generators)
