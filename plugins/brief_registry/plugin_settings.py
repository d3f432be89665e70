"""Each plugin's own settings: the plugin names their defaults, the site's configuration overrides them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def defaults_setter(defaults: Mapping[str, Any]) -> Callable[[Any], None]:
    """An ``initialized`` handler giving every setting in ``defaults`` the site leaves out its default value.

    Bind the result to a module-level name and connect that: signals hold their receivers weakly, and
    connecting the same function again (each build calls ``register()``) is then a no-op.
    """

    def set_defaults(pelican) -> None:
        for name, value in defaults.items():
            pelican.settings.setdefault(name, value)

    return set_defaults
