"""How many cores this process may run work on, and how its worker processes start."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal


def available_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def leave_ctrl_c_to_the_parent() -> None:
    """A worker process's initializer: Ctrl-C reaches every process of the terminal's group, and a worker that
    died of it mid-job left its pool's parent waiting for an answer forever (make publish hung). The parent stops
    the pool, and the workers with it; a parent killed outright takes its workers with it (Linux), instead of
    leaving them waiting for work."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(AttributeError, OSError):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
