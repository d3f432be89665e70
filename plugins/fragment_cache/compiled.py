"""Jinja templates compiled once per process, however many environments and builds use them.

Pelican gives every generator a Jinja environment of its own, and each compiles every template it uses again: about
fifty compilations per build, on every build. Jinja's bytecode cache hands an environment the compiled code of a
template it has compiled before. The code is kept in memory for the rest of the process (a devserver's rebuilds, a
test worker's builds) and, given a folder, on disk for the next build's process (`make html` after an edit: about
0.1 s of a rebuild at 300 briefs). Code on disk is filed under the code this process has loaded as well
(`loaded_code_digest`), so it never outlives the Python code it was compiled against.

Jinja checks each template's source against the code it gets (a checksum). Compiled code also depends on the
environment: its delimiters, white-space rules, extensions and auto-escaping, and its filters and tests, since Jinja
works out a filter or test with constant arguments while compiling (``{% if "x" is plugin_enabled %}``) and fixes
how each is called. So code is filed under all of those too. A filter made inside a function (a closure, whose
captured values cannot be compared) files the environment's templates under that environment alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from reality_check.plugins.plugin_support.code_digest import loaded_code_digest
from reality_check.plugins.plugin_support.digests import digest
from reality_check.plugins.plugin_support.memo import ProcessMemo

# Compiled code by cache key, for every environment of this process (bounded, for a devserver that runs for days).
_IN_MEMORY: ProcessMemo[str, bytes] = ProcessMemo(limit=2000)


def callable_identity(function: Any) -> str:
    """What a filter, test or hook is, in words that two builds' copies of it share: its module and name, and a
    partial's arguments. A closure or lambda gets its object's id: its captured values are not visible."""
    if isinstance(function, functools.partial):
        keywords = sorted(function.keywords.items())
        return f"partial({callable_identity(function.func)}, {function.args!r}, {keywords!r})"
    if not callable(function):
        return repr(function)
    name = f"{getattr(function, '__module__', '?')}.{getattr(function, '__qualname__', type(function).__qualname__)}"
    if "<locals>" in name or "<lambda>" in name:
        return f"{name}{_THIS_PROCESS_ONLY}{id(function)}"
    return f"{name}:{getattr(function, 'jinja_pass_arg', None)}"


# Marks an identity that holds only in this process (an object's id): code filed under it is never put on disk.
_THIS_PROCESS_ONLY = "@id:"


def _named(functions: Mapping[str, Callable[..., Any]]) -> list[tuple[str, str]]:
    return sorted((name, callable_identity(function)) for name, function in functions.items())


def environment_options(environment: Environment) -> str:
    """What, besides a template's source, decides the code Jinja compiles it to."""
    options = (
        jinja2.__version__,
        type(environment).__qualname__,
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
        getattr(environment, "newstyle_gettext", None),
        callable_identity(environment.autoescape),
        callable_identity(environment.finalize),
        sorted(environment.extensions),
        _named(environment.filters),
        _named(environment.tests),
    )
    return repr(options)


class CompiledTemplates(BytecodeCache):
    """Jinja's bytecode cache for one environment, sharing this process's compiled code with every environment
    set up the same way, and, given `folder`, with later processes. The environment's options are read when its
    first template loads, after every plugin has added its filters."""

    def __init__(self, environment: Environment, folder: Path | None = None) -> None:
        self.environment = environment
        self.folder = folder

    @functools.cached_property
    def on_disk(self) -> FileSystemBytecodeCache | None:
        """Jinja's own file cache in `folder` (it writes each file whole), unless there is no folder or a filter or
        test of this environment is known only to this process."""
        if self.folder is None or _THIS_PROCESS_ONLY in self.options:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        return FileSystemBytecodeCache(str(self.folder), "%s.jinja")

    @functools.cached_property
    def options(self) -> str:
        return environment_options(self.environment)

    @functools.cached_property
    def code(self) -> str:
        """The code compiled templates can depend on besides Jinja's (filters and tests it works out while compiling),
        for the keys of code kept on disk."""
        return loaded_code_digest() if self.folder is not None else ""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return digest(str(self.options), self.code, name, str(filename))

    def load_bytecode(self, bucket: Bucket) -> None:
        code = _IN_MEMORY.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it if the template's source has changed since
        elif self.on_disk is not None:
            # The same check; a file unreadable or from another Python is dropped.
            self.on_disk.load_bytecode(bucket)
            if bucket.code is not None:
                _IN_MEMORY.put(bucket.key, bucket.bytecode_to_string())

    def dump_bytecode(self, bucket: Bucket) -> None:
        _IN_MEMORY.put(bucket.key, bucket.bytecode_to_string())
        if self.on_disk is not None:
            self.on_disk.dump_bytecode(bucket)

    def clear(self) -> None:
        _IN_MEMORY.clear()
        if self.on_disk is not None:
            self.on_disk.clear()
