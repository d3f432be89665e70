"""Pelican's reader for briefs: YAML front matter (read with libyaml) and the Markdown body (see render.py)."""

from __future__ import annotations

import copy

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE, YAMLMetadataReader
from pelican.utils import pelican_open

from brief_registry.frontmatter import LOADER

from .render import BriefMarkdown

# Setting: False renders every document with Python-Markdown alone (the reference the fast path is tested against).
ENABLED_SETTING = "FAST_MARKDOWN"
META_EXTENSION = "markdown.extensions.meta"


class BriefReader(YAMLMetadataReader):
    """pelican-yaml-metadata's reader, with the body rendered by :class:`BriefMarkdown` and libyaml's parser.

    Metadata handling (dates, authors, formatted fields such as ``summary``) is the parent's, unchanged.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Pelican's reader adds the ``meta`` extension to the setting; the YAML header is split off before the body
        # is rendered, so, like the parent, render without it.
        settings = copy.deepcopy(self.settings["MARKDOWN"])
        settings["extensions"] = [e for e in settings.get("extensions", ()) if e != META_EXTENSION]
        settings.get("extension_configs", {}).pop(META_EXTENSION, None)
        self._engine = BriefMarkdown(settings, fast=self.settings.get(ENABLED_SETTING, True))

    def read(self, source_path):
        with pelican_open(source_path) as text:
            match = HEADER_RE.fullmatch(text)
        if not match:
            return super().read(source_path)  # no YAML header: the parent falls back to Pelican's own reader
        metadata = self._load_yaml_metadata(match.group("metadata"), source_path)
        return self._engine.convert(match.group("content")), metadata

    def _load_yaml_metadata(self, text, source_path):
        try:
            metadata = yaml.load(text, Loader=LOADER)
        except Exception:
            return super()._load_yaml_metadata(text, source_path)
        if not isinstance(metadata, dict):
            return super()._load_yaml_metadata(text, source_path)
        return self._parse_yaml_metadata(metadata, source_path)


def add_reader(readers) -> None:
    """Read every Markdown extension with :class:`BriefReader`."""
    for extension in BriefReader.file_extensions:
        readers.reader_classes[extension] = BriefReader
