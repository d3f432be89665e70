"""What a test needs around a server it starts on 127.0.0.1: a free port, a bounded wait, a forgiving fetch."""

from __future__ import annotations

import os
import signal
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def free_port() -> int:
    """A port nothing listens on right now (the test's server takes it next)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def refusing_port() -> Iterator[int]:
    """A port of 127.0.0.1 held bound and never listened on while the block runs: a connection to it is refused at
    once, and no other program can take the port meanwhile."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        yield holder.getsockname()[1]


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


def kill_processes_with_env(name: str, value: str) -> list[int]:
    """SIGKILL every process of this machine whose environment sets `name` to `value`, and return their ids: the
    last resort of a fixture whose server started a process in a session of its own (decap-server, under
    `make cms`), which a signal to the server's process group does not reach."""
    wanted = f"{name}={value}".encode()
    killed = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if wanted in (entry / "environ").read_bytes().split(b"\0"):
                os.kill(int(entry.name), signal.SIGKILL)
                killed.append(int(entry.name))
        except (OSError, ValueError):  # gone meanwhile, or not ours to read
            continue
    return killed
