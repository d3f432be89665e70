"""Read PDFs as an outside checker would: Debian's poppler-utils and qpdf, and pikepdf for the structure.

A test that needs a missing command skips, saying how to install it (under CI=true the root conftest.py turns
that skip into a failure).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

COMMANDS = {
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdfimages": "poppler-utils",
    "qpdf": "qpdf",
}


def require_pdf_tools() -> None:
    """Skip (a failure under CI) unless every command the PDF tests run is installed."""
    missing = [
        f"{command} not found: install it with `apt-get install {package}`"
        for command, package in COMMANDS.items()
        if shutil.which(command) is None
    ]
    if missing:
        pytest.skip("; ".join(missing))


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


def text(pdf: Path, first: int | None = None, last: int | None = None, raw: bool = False) -> str:
    """The PDF's text (pdftotext), of pages `first` to `last` when given.

    ``raw`` keeps the order the text is drawn in (WeasyPrint draws in reading order), and keeps a hyphen that
    ends a line: without it pdftotext "dehyphenates", turning "with-" + "russia" into "withrussia".
    """
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return _run("pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else []), *pages, str(pdf), "-")


def info(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields (Title, Author, Subject, Keywords, Pages, Page size, Tagged ...)."""
    fields = {}
    for line in _run("pdfinfo", "-enc", "UTF-8", "-isodates", str(pdf)).splitlines():
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip()] = value.strip()
    return fields


@dataclass(frozen=True)
class Font:
    name: str
    type: str
    embedded: bool
    subset: bool
    unicode: bool


def fonts(pdf: Path) -> list[Font]:
    """pdffonts' table: every font the PDF uses, and whether it is embedded."""
    lines = _run("pdffonts", str(pdf)).splitlines()[2:]  # after the header and its rule
    found = []
    for line in lines:
        # name, type (may contain spaces), encoding, emb, sub, uni, object number, generation
        parts = line.split()
        emb, sub, uni = parts[-5:-2]
        found.append(Font(parts[0], " ".join(parts[1:-6]), emb == "yes", sub == "yes", uni == "yes"))
    return found


@dataclass(frozen=True)
class DrawnImage:
    """An image as pdfimages lists it: its page, its size in pixels, and how large it is drawn (pixels per inch)."""

    page: int
    width: int
    height: int
    x_ppi: float
    y_ppi: float

    @property
    def size(self) -> tuple[int, int]:
        return (self.width, self.height)

    @property
    def drawn_height_inches(self) -> float:
        return self.height / self.y_ppi


def images(pdf: Path) -> list[DrawnImage]:
    """Every image the PDF draws, in page order (pdfimages -list)."""
    lines = _run("pdfimages", "-list", str(pdf)).splitlines()[2:]  # after the header and its rule
    found = []
    for line in lines:
        # page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        parts = line.split()
        if parts:
            found.append(
                DrawnImage(int(parts[0]), int(parts[3]), int(parts[4]), float(parts[12]), float(parts[13]))
            )
    return found


def figure_descriptions(pdf: Path) -> list[str]:
    """The alternative text (/Alt) of every Figure in the tagged PDF's structure tree, depth first."""
    return [alt for role, alt in _structure(pdf) if role == "Figure"]


def check(pdf: Path) -> subprocess.CompletedProcess:
    """qpdf --check: the file's syntax, cross-reference table and streams."""
    return subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True, timeout=120)


def picture(pdf: Path, target: Path, page: int = 1, dpi: int = 80) -> Path:
    """Page `page` as a PNG (pdftoppm), written to `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    stem = target.with_suffix("")
    _run(
        "pdftoppm",
        "-png",
        "-r",
        str(dpi),
        "-f",
        str(page),
        "-l",
        str(page),
        "-singlefile",
        str(pdf),
        str(stem),
    )
    return target


def outline(pdf: Path) -> list[tuple[int, str]]:
    """The bookmarks as (depth, title), in order."""
    with pikepdf.open(pdf) as document, document.open_outline() as tree:
        items: list[tuple[int, str]] = []

        def walk(nodes, depth: int) -> None:
            for node in nodes:
                items.append((depth, str(node.title)))
                walk(node.children, depth + 1)

        walk(tree.root, 0)
        return items


def structure_roles(pdf: Path) -> list[str]:
    """Every structure element's role in the tagged PDF's structure tree, depth first."""
    return [role for role, _ in _structure(pdf)]


def _structure(pdf: Path) -> list[tuple[str, str]]:
    """(role, alternative text) of every element of the tagged PDF's structure tree, depth first."""
    with pikepdf.open(pdf) as document:
        found: list[tuple[str, str]] = []

        def walk(element) -> None:
            if "/S" in element:
                found.append((str(element.S).lstrip("/"), str(element.get("/Alt", ""))))
            kids = element.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [kids]
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary):
                    walk(kid)

        walk(document.Root.StructTreeRoot)
        return found


def link_targets(pdf: Path, page: int = 1) -> list[str]:
    """Where each link on page `page` goes: a named destination inside the PDF, or a URI."""
    with pikepdf.open(pdf) as document:
        targets = []
        for annot in document.pages[page - 1].get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annot:
                targets.append(f"#{annot.Dest}")
            elif "/A" in annot and "/URI" in annot.A:
                targets.append(str(annot.A.URI))
        return targets


def named_destinations(pdf: Path) -> dict[str, int]:
    """Named destinations (the HTML ids) and the page each is on, from 1."""
    with pikepdf.open(pdf) as document:
        pages = {page.objgen: number for number, page in enumerate(document.pages, start=1)}
        found = {}
        tree = pikepdf.NameTree(document.Root.Names.Dests)
        for name, dest in tree.items():
            array = dest.D if isinstance(dest, pikepdf.Dictionary) else dest
            found[str(name)] = pages.get(array[0].objgen, 0)
        return found
