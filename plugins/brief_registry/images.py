"""Images in a brief's body: which ones the site can show, and the address each is published at.

A brief shows an image kept in the content folder's ``images/`` folder (the browser editor's image button saves
there), written ``![what it shows](/images/chart.png)``. The build publishes that folder as it is (Pelican's
``STATIC_PATHS``) and turns each such address into Pelican's ``{static}`` link, so the page, the feeds and the
PDF edition find the image wherever the site is published, a ``SITEURL`` with a path included. Anything else is a
problem, worded the same by the build and ``make check``: an image that is not there, one outside that folder, one
on another site (the pages' security policy shows only the site's own images), one without a description.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from enum import StrEnum
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .markdown_source import content_lines, line_holding
from .nearmiss import did_you_mean
from .problems import Problem, display_path

# The folder of the content folder that holds briefs' images, and the address the site publishes it at.
IMAGES_FOLDER = "images"
PUBLIC_PREFIX = f"/{IMAGES_FOLDER}/"
STATIC_LINK = "{static}"
# An image's address in the rendered body, when it is one of the site's images: turned into a {static} link.
_SITE_IMAGE_SRC = re.compile(r"(<img\b[^>]*?\ssrc\s*=\s*)([\"'])" + re.escape(PUBLIC_PREFIX), re.I)
_DESCRIBE = "![what it shows]"


class ImageCode(StrEnum):
    """Every kind of image in a brief's body that the build refuses to publish."""

    IMAGE_NOT_FOUND = "image-not-found"  # /images/chart.png, with no content/images/chart.png
    IMAGE_OUTSIDE_FOLDER = "image-outside-images-folder"  # chart.png, /static/chart.png, ../chart.png
    IMAGE_ON_ANOTHER_SITE = "image-on-another-site"  # https://example.org/chart.png
    IMAGE_WITHOUT_DESCRIPTION = "image-without-description"  # ![](/images/chart.png)


@dataclass(frozen=True)
class BodyImage:
    """An ``<img>`` of a rendered body: its address as written, and its description (alt text)."""

    src: str
    alt: str


class _ImageFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[BodyImage] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = dict(attrs)
            self.found.append(BodyImage((values.get("src") or "").strip(), values.get("alt") or ""))

    handle_startendtag = handle_starttag


def body_images(rendered: str) -> tuple[BodyImage, ...]:
    """Every image of `rendered` (a body's HTML), in the order they appear."""
    if "<img" not in rendered.lower():
        return ()
    finder = _ImageFinder()
    finder.feed(rendered)
    finder.close()
    return tuple(finder.found)


def image_file(src: str, source: Path, content: Path) -> Path | None:
    """The file in `content`'s images folder that `src` names (in the brief `source`), or None when `src` names
    no place in that folder. The file may not exist."""
    if on_another_site(src):
        return None
    path = unquote(urlsplit(src).path)
    if path.startswith(STATIC_LINK):
        rest = path.removeprefix(STATIC_LINK)
        target = content / rest.lstrip("/") if rest.startswith("/") else source.parent / rest
    elif path.startswith(PUBLIC_PREFIX):
        target = content / path.lstrip("/")
    else:
        return None
    folder = Path(os.path.normpath(content / IMAGES_FOLDER))
    target = Path(os.path.normpath(target))
    return target if folder in target.parents else None


def on_another_site(src: str) -> bool:
    """Whether `src` is an address on another site (``https://…``, ``//host/…``)."""
    parts = urlsplit(src)
    return bool(parts.netloc) or parts.scheme.lower() in ("http", "https")


def image_problems(
    rendered: str, body: str, first_line: int, path: str, source: Path, content: Path
) -> tuple[Problem, ...]:
    """Every image of `rendered` (the HTML of `body`, the brief `source` whose first body line is `first_line`,
    shown as `path`) that the site cannot show as it is, at the line it is written on."""
    images = body_images(rendered)
    if not images:
        return ()
    folder = content / IMAGES_FOLDER
    shown_folder = display_path(str(folder), str(content))
    lines = [(number, unquote(text)) for number, text in content_lines(body, first_line)]
    problems = []
    line = 0
    for image in images:
        if image.src.lower().startswith("data:"):
            continue  # the safety check words those (unsafe-url-scheme)
        line = line_holding((unquote(image.src), "<img", "!["), lines, line) or first_line
        name = Path(unquote(urlsplit(image.src).path)).name or "picture.png"
        target = image_file(image.src, source, content)
        address = image.src if target is not None else PUBLIC_PREFIX + name  # as the brief should write it
        if on_another_site(image.src):
            problems.append(
                Problem(
                    path,
                    line,
                    f"image '{image.src}' is on another site, and the site's pages show only their own images "
                    f"(its security policy): save the file into {shown_folder} and write {_DESCRIBE}({address})",
                    code=ImageCode.IMAGE_ON_ANOTHER_SITE,
                )
            )
        elif target is None:
            problems.append(
                Problem(
                    path,
                    line,
                    f"image '{image.src}' is not in {shown_folder}, the folder the site publishes images from: "
                    f"put the file there and write {_DESCRIBE}({address})",
                    code=ImageCode.IMAGE_OUTSIDE_FOLDER,
                )
            )
        elif not target.is_file():
            problems.append(
                Problem(
                    path,
                    line,
                    f"image '{image.src}' is missing: there is no {display_path(str(target), str(content))}; "
                    f"add the file there, or correct the name{_near_miss(target, folder)}",
                    code=ImageCode.IMAGE_NOT_FOUND,
                )
            )
        if not image.alt.strip():
            problems.append(
                Problem(
                    path,
                    line,
                    f"image '{image.src}' has no description: write what it shows between the brackets, as in "
                    f"![Defence budgets, 2010 to 2020]({address}), for readers who cannot see it (screen "
                    "readers read it out, and it shows where the image does not load)",
                    code=ImageCode.IMAGE_WITHOUT_DESCRIPTION,
                )
            )
    return tuple(problems)


def _near_miss(target: Path, folder: Path) -> str:
    """`` (did you mean '/images/Chart.png'?)`` when the images folder has a file named much like `target`."""
    if not folder.is_dir():
        return ""
    known = [
        PUBLIC_PREFIX + p.relative_to(folder).as_posix()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    ]
    hint = did_you_mean(PUBLIC_PREFIX + target.relative_to(folder).as_posix(), known)
    return f" ({hint})" if hint else ""


def link_site_images(rendered: str) -> str:
    """`rendered` with each ``/images/…`` image address written as Pelican's ``{static}/images/…`` link, which
    Pelican resolves against SITEURL (and copies the file for) when it writes the page."""
    if PUBLIC_PREFIX not in rendered:
        return rendered
    return _SITE_IMAGE_SRC.sub(rf"\1\2{STATIC_LINK}{PUBLIC_PREFIX}", rendered)
