"""What every plugin's wiring shares: its entry point, and its own settings (the plugin names their defaults, the
site's configuration overrides them)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def register_from_handlers(package: str) -> Callable[[], None]:
    """A plugin's ``register`` (``register = register_from_handlers(__name__)`` in its ``__init__``): when Pelican
    loads the plugin, it imports the plugin's ``handlers`` module and calls its ``register()``.

    Importing ``handlers`` only then keeps the plugin's pure modules (``summary_card.card``,
    ``brief_registry.rules``…) free of Pelican's wiring for whoever imports them: the editors' tools, other
    plugins' pure code, the tests.
    """

    def register() -> None:
        importlib.import_module(f"{package}.handlers").register()

    register.__doc__ = f"Connect the handlers of {package} to Pelican's signals ({package}.handlers)."
    return register


def settings_reader(
    defaults: Mapping[str, Any], *, none_is_default: bool = False
) -> Callable[[Mapping[str, Any], str], Any]:
    """A plugin's ``setting(settings, name)``: the site's value of one of the plugin's own settings, else its default
    from ``defaults`` (for code that may run before ``initialized`` gave the defaults, or on settings of its own).
    With ``none_is_default``, a setting the site gives as ``None`` gets the default too."""

    def setting(settings: Mapping[str, Any], name: str) -> Any:
        value = settings.get(name, defaults[name])
        return defaults[name] if value is None and none_is_default else value

    return setting


def defaults_setter(defaults: Mapping[str, Any]) -> Callable[[Any], None]:
    """An ``initialized`` handler giving every setting in ``defaults`` the site leaves out its default value.

    Bind the result to a module-level name and connect that: signals hold their receivers weakly, and
    connecting the same function again (each build calls ``register()``) is then a no-op.
    """

    def set_defaults(pelican) -> None:
        for name, value in defaults.items():
            pelican.settings.setdefault(name, value)

    return set_defaults


class SettingError(ValueError):
    """A setting has a value a plugin cannot use. The message is the whole story (the setting, what it must be,
    where to set it): ``make html`` shows it without the traceback Pelican logs with an error that stops it."""


def whole_number(name: str, value: object, *, minimum: int, default: object) -> int:
    """A setting that counts something (a width, workers, briefs a minute): `value` as a whole number of at least
    `minimum` (a string of digits too, as ``-e NAME=…`` may give it); otherwise a SettingError naming the setting,
    what it must be, where to set it and its default."""
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value)
    if number is None or number < minimum:
        raise SettingError(
            f"{name} must be a whole number, at least {minimum}, not {value!r} "
            f"(set it in pelicanconf.py; the default is {default})"
        )
    return number


def text_list(name: str, value: object, *, example: str) -> tuple[str, ...]:
    """A setting that lists texts (headings): `value` as a tuple of strings (one string is a list of one); otherwise
    a SettingError naming the setting, what it must be, an example and where to set it."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise SettingError(
        f"{name} must be a list of texts, such as {example}, not {value!r} (set it in pelicanconf.py)"
    )
