"""Registries of authors, topics and regions, and the rules briefs must follow against them.

The pure parts (``registry``, ``frontmatter``, ``rules``) are shared with the editors' checker;
``handlers`` wires them into the Pelican build.
"""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .frontmatter import FrontMatter, read_brief, read_front_matter
from .problems import (
    BodyError,
    BriefFileError,
    EncodingError,
    FrontMatterError,
    Problem,
    RegistryError,
    display_path,
)
from .registry import Person, Registry, Term, load_registry
from .rules import Numbered, check_references, check_series_numbers

__all__ = [
    "BodyError",
    "BriefFileError",
    "EncodingError",
    "FrontMatter",
    "FrontMatterError",
    "Numbered",
    "Person",
    "Problem",
    "Registry",
    "RegistryError",
    "Term",
    "check_references",
    "check_series_numbers",
    "display_path",
    "load_registry",
    "read_brief",
    "read_front_matter",
    "register",
]

register = register_from_handlers(__name__)
