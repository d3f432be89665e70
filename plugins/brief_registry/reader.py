"""The Pelican reader for briefs and pages: pelican-yaml-metadata's, reading files the way ``make check`` does.

pelican-yaml-metadata finds front matter with a pattern of its own, so a ``---`` line with a trailing space is not
front matter to it, and a YAML error becomes a traceback. This reader splits the file with ``read_brief`` (the
function ``make check`` uses: byte order mark, CR LF, the YAML messages that name the line) and refuses a body with
HTML that would run code or an image the site cannot show (``images``), writing the site's images as ``{static}``
links and a table column's alignment as a class the stylesheet aligns. The body is rendered by ``rendering.BriefMarkdown``: Python-Markdown's HTML, faster.
The plugin's own conversion of YAML values to Pelican metadata is kept (``_parse_yaml_metadata``,
pelican-yaml-metadata 2.2.0, pinned in requirements.txt: the plugin has no public interface for it).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from .body import body_problems
from .frontmatter import read_brief
from .images import link_site_images
from .problems import BodyError, BriefFileError, display_path, log_extra
from .rendering import (
    BriefMarkdown,
    brief_markdown,
    fast_markdown_enabled,
    table_alignment_as_classes,
)

logger = logging.getLogger(__name__)


# The metadata key under which the reader hands each brief's parsed front matter to the build.
FRONT_MATTER = "front_matter"


class BriefReader(YAMLMetadataReader):
    """Markdown with YAML front matter, read and checked as ``make check`` reads it."""

    @functools.cached_property
    def _body_markdown(self) -> BriefMarkdown:
        """Made on the first read: Pelican makes a reader for each of its dozen generators, and most read nothing."""
        return brief_markdown(self.settings["MARKDOWN"], fast=fast_markdown_enabled(self.settings))

    def read(self, source_path: str) -> tuple[str, dict]:
        shown = display_path(source_path, self.settings["PATH"])
        try:
            front = read_brief(source_path, shown)
            metadata = self._parse_yaml_metadata(front.data, source_path)
            self._md.Meta = {key: [str(v) for v in _as_list(value)] for key, value in metadata.items()}
            content = self._body_markdown.published(front.body)
            problems = body_problems(content, front, shown, Path(source_path), Path(self.settings["PATH"]))
            if problems:
                raise BodyError(*problems)
            content = link_site_images(table_alignment_as_classes(content))
            # Handed to the build with the metadata, the one channel Pelican's content cache keeps, so an
            # unchanged brief's file is not read again for it (brief_registry's handlers take it out at once).
            metadata[FRONT_MATTER] = front.without_body()
        except BriefFileError as error:
            # Pelican then logs "Could not process <file>" and leaves the file out: nothing of it is written.
            logger.error("%s", error, extra=log_extra(*error.problems))
            raise
        return content, metadata


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


def add_reader(readers) -> None:
    """Read Markdown files (every extension of :attr:`BriefReader.file_extensions`) with :class:`BriefReader`."""
    for extension in BriefReader.file_extensions:
        readers.reader_classes[extension] = BriefReader
