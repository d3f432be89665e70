"""Pelican wiring: hand Pelican the incremental writer when INCREMENTAL_OUTPUT is on, save its record at the end."""

from __future__ import annotations

import os
from pathlib import Path

from pelican import signals

from .settings import set_defaults, setting
from .writer import RUNNING, IncrementalWriter


def get_writer(pelican) -> type[IncrementalWriter] | None:
    """The writer for this build: ours when the settings ask for incremental output, else Pelican's own."""
    return IncrementalWriter if setting(pelican.settings, "INCREMENTAL_OUTPUT") else None


def save_record(pelican) -> None:
    """The build completed: keep what each page was written from, for the next build into the same folder."""
    output = Path(os.path.abspath(pelican.output_path))
    writer = RUNNING.take(lambda writer: writer.output == output)
    if writer is not None:
        writer.save()


def register() -> None:
    """Connect the writer and the record."""
    signals.initialized.connect(set_defaults)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(save_record)
