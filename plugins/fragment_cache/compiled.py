"""Jinja templates compiled once: kept in memory for the rest of the process, and on disk for the next build.

Pelican gives every generator a Jinja environment of its own, and each compiles every template it uses again: about
fifty compilations per build, on every build. Jinja's bytecode cache hands an environment the compiled code of a
template whose source it has compiled before. The code is kept for the process (a devserver's rebuilds, a test
session's builds) and, where the settings keep a content cache (``CACHE_CONTENT`` and ``LOAD_CONTENT_CACHE``), in
``CACHE_PATH/templates`` for the next ``make html``.

Jinja checks each template's source against the code it gets (a checksum), and the code is filed under the
environment's options too (delimiters, white-space rules, extensions, auto-escaping): an edited template, or an
environment set up differently, is compiled again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from brief_registry.textfile import write_atomically

FOLDER = "templates"

# Compiled code by cache key, for every environment of this process.
_IN_MEMORY: dict[str, bytes] = {}


def environment_options(environment: Environment) -> str:
    """What, besides a template's source, decides the code Jinja compiles it to."""
    options = (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.is_async,
        getattr(environment.autoescape, "__qualname__", environment.autoescape),
        getattr(environment.finalize, "__qualname__", environment.finalize),
        sorted(environment.extensions),
    )
    return repr(options)


class CompiledTemplates(BytecodeCache):
    """Jinja's bytecode cache for one environment: in memory, and in `folder` when one is given."""

    def __init__(self, environment: Environment, folder: Path | None) -> None:
        self.options = environment_options(environment)
        self.folder = folder

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha256(f"{self.options}\0{name}\0{filename}".encode()).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        code = _IN_MEMORY.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = (self.folder / bucket.key).read_bytes()
            except OSError:
                return
        if code is None:
            return
        try:
            bucket.bytecode_from_string(code)  # Jinja drops it if the template's source has changed since
        except Exception:  # a cut-off file (Jinja lets its unpickling error out): compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        _IN_MEMORY[bucket.key] = code
        if self.folder is not None:
            write_atomically(self.folder / bucket.key, code)

    def clear(self) -> None:
        _IN_MEMORY.clear()
