"""Write only the pages a change touches: a page whose inputs are those of the last build is left as it is.

The package holds the pure fingerprints (``fingerprint``), which ``make html`` reads before any build, and the
writers Pelican builds with (``writer``, loaded by whoever writes: its ``handlers`` and the one-brief preview).
"""

from reality_check.plugins.plugin_support.plugin_settings import register_from_handlers

from .fingerprint import content_summary, input_fingerprint, output_fingerprint, stable_text

register = register_from_handlers(__name__)

__all__ = [
    "content_summary",
    "input_fingerprint",
    "output_fingerprint",
    "register",
    "stable_text",
]
