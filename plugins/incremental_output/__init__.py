"""Write only the pages a change touches: a page whose inputs are those of the last build is left as it is."""

from brief_registry.plugin_settings import register_from_handlers

from .fingerprint import content_summary, input_fingerprint, output_fingerprint, stable_text
from .writer import IncrementalWriter, WholeFileWriter, WrittenPage

register = register_from_handlers(__name__)

__all__ = [
    "IncrementalWriter",
    "WholeFileWriter",
    "WrittenPage",
    "content_summary",
    "input_fingerprint",
    "output_fingerprint",
    "register",
    "stable_text",
]
