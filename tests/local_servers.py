"""What a test needs around a server it starts on 127.0.0.1: a free port, a bounded wait, a forgiving fetch."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def free_port() -> int:
    """A port nothing listens on right now (the test's server takes it next)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], T], what: str, timeout: float = 60) -> T:
    """``condition()``'s first true result, polled every 50 ms; fails naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def fetch(url: str) -> str | None:
    """The page at ``url`` as text, or None while the server is not answering (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def answer(url: str) -> str:
    """What ``url`` answers, on one line, for a failure message: its status and size, or why there was none."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return f"{url}: {response.status}, {len(response.read())} bytes"
    except urllib.error.HTTPError as error:
        return f"{url}: {error.code}"
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return f"{url}: no answer ({error})"


def has_ipv6_loopback() -> bool:
    """Whether this machine can listen on ::1 (``socket.has_ipv6`` says only that Python was built with IPv6; a
    container may have it switched off)."""
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True
