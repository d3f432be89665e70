"""The bibliographic facts of one brief, as every citation format and the JSON-LD need them."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Contributor:
    """An author of a brief; `url` is their page on the site."""

    name: str
    url: str = ""
    job_title: str = ""
    affiliation: str = ""


@dataclass(frozen=True)
class BriefRecord:
    """A brief as a library catalogue would describe it."""

    title: str
    number: int
    date: datetime.date
    authors: tuple[Contributor, ...]
    url: str
    series: str
    series_url: str
    publisher: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    language: str = "en"
    pdf_url: str = ""  # the brief's PDF edition (plugins/pdf_edition), when the build writes one


def split_name(name: str) -> tuple[str, str]:
    """(family, given) of a name written "Given Family"; a one-word name is all family name."""
    parts = name.split()
    if not parts:
        return "", ""
    return parts[-1], " ".join(parts[:-1])


def file_stem(series: str, number: int) -> str:
    """The name shared by a brief's downloadable files: "reality-check-4" (.bib, .ris, .pdf)."""
    return f"{re.sub(r'[^a-z0-9]+', '-', series.lower()).strip('-')}-{number}"
