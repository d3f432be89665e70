"""Write only the pages a change touches: a page whose inputs are those of the last build is left as it is."""

from .fingerprint import content_summary, input_fingerprint, output_fingerprint, stable_text
from .handlers import register
from .writer import IncrementalWriter, WholeFileWriter, WrittenPage

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
