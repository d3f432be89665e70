"""Images in a brief's body: which ones the site can show, and the address each is published at.

A brief shows an image kept in the content folder's ``images/`` folder (the browser editor's Media upload saves
there), written ``![what it shows](/images/chart.png)``. The build publishes that folder as it is (Pelican's
``STATIC_PATHS``) and turns each such address (an image's, or a link's to the full-size file) into Pelican's
``{static}`` link, so the page, the feeds and the PDF edition find the image wherever the site is published, a
``SITEURL`` with a path included. Anything else is a problem, worded the same by the build and ``make check``: an
image that is not there, not a picture browsers show, outside that folder, on another site (the pages' security
policy shows only the site's own images), or without a description.

The body's HTML is read with one parser (:func:`site_references`), which also gives where each address is written,
so the build's rewriting and the PDF edition's (:func:`rewrite_addresses`) change exactly the addresses it found.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from reality_check.plugins.plugin_support.link_schemes import address_as_read
from reality_check.plugins.plugin_support.quoting import shortened

from .briefs import ignored_name
from .links import linked_file, site_link
from .markdown_source import content_lines, line_holding
from .nearmiss import closest
from .problems import Problem, display_path
from .registry import as_slug

# The folder of the content folder that holds briefs' images, and the address the site publishes it at.
IMAGES_FOLDER = "images"
PUBLIC_PREFIX = f"/{IMAGES_FOLDER}/"
STATIC_LINK = "{static}"
# What browsers show in an <img>, as Pillow names the raster formats; SVG is told by its text.
PICTURE_FORMATS = frozenset({"PNG", "JPEG", "GIF", "WEBP"})
_DESCRIBE = "![what it shows]"
_IMG_TAG = re.compile(r"<img\b", re.I)
# An attribute's value inside one start tag, quoted or not (HTML's rules for an unquoted value).
_ATTRIBUTE = r"""(?:^|\s){name}\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))"""
_SVG_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)?<svg[\s>]",
    re.S | re.I,
)


class ImageCode(StrEnum):
    """Every kind of image in a brief's body that the build refuses to publish."""

    IMAGE_NOT_FOUND = "image-not-found"  # /images/chart.png, with no content/images/chart.png
    IMAGE_NOT_A_PICTURE = "image-not-a-picture"  # a HEIC photo, a damaged upload, a PDF renamed .png
    IMAGE_OUTSIDE_FOLDER = "image-outside-images-folder"  # chart.png, /static/chart.png, data:…
    IMAGE_ON_ANOTHER_SITE = "image-on-another-site"  # https://example.org/chart.png
    IMAGE_WITHOUT_DESCRIPTION = "image-without-description"  # ![](/images/chart.png)
    IMAGE_RUNS_CODE = "image-runs-code"  # an SVG drawing with a <script>, an onload=, a javascript: link
    IMAGE_NAME_UNUSABLE = "image-name-unusable"  # my chart ü.png: a name the build cannot link to
    # srcset=, <picture>, <video>: files the build never sees
    IMAGE_MARKUP_UNSUPPORTED = "image-markup-unsupported"


# What in an SVG file runs code when a browser opens it at the site's address (as a link's target, or wherever no
# Content-Security-Policy is sent): a script, embedded HTML or another document, an event attribute, a
# javascript: address anywhere in a value (an <animate values="…;javascript:…"> list too). Elements and attributes
# are matched by their local name, in any namespace prefix, and values as the browser reads them (entities and
# character references resolved, spaces and control characters dropped), so `<s:script>` and `javascript&#58;`
# are found too.
_SVG_CODE_ELEMENTS = frozenset({"script", "foreignobject", "handler", "iframe", "embed", "object"})
_SVG_JAVASCRIPT = re.compile(r"javascript:", re.I)
# A file XML cannot read (a multi-byte encoding it lacks, an entity it cannot resolve) is searched as text instead,
# with character references resolved: a browser may still show it.
_SVG_CODE_TEXT = re.compile(
    r"<(?:[\w.-]+:)?(?:script|foreignobject|handler|iframe|embed|object)\b|\son[a-z]+\s*=", re.I
)


def _local(name: str) -> str:
    """``script`` for ``{http://www.w3.org/2000/svg}script`` or ``script``."""
    return name.rpartition("}")[2].lower()


def _runs_javascript(value: str) -> bool:
    return bool(_SVG_JAVASCRIPT.search(address_as_read(value)))


def svg_runs_code(data: bytes) -> bool:
    """Whether the SVG drawing `data` holds something that runs code when a browser opens it on its own."""
    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, ValueError, LookupError):  # LookupError, ValueError: an encoding it lacks
        text = html.unescape(data.decode("latin-1"))  # the markup's ASCII is itself in every encoding met
        return bool(_SVG_CODE_TEXT.search(text)) or _runs_javascript(text)
    for element in root.iter():
        if not isinstance(element.tag, str):  # a comment or processing instruction
            continue
        if _local(element.tag) in _SVG_CODE_ELEMENTS:
            return True
        for name, value in element.attrib.items():
            if _local(name).startswith("on") or _runs_javascript(value):
                return True
    return False


# HTML that names files a page loads by other means than an image's `src` or a link's `href`. The build finds,
# checks and links (for a SITEURL with a path, the feeds and the PDF) only those two; a file named here would be
# published unchecked, and break where the site is not at the host's root.
_OTHER_MEDIA = {
    "srcset": "an image's srcset= names other files for it, which the build neither checks nor links for the "
    "site's address: remove srcset=… and keep one file, written ![what it shows](/images/chart.png), which is "
    "scaled to every screen",
    "picture": "<picture> names other files for an image, which the build neither checks nor links for the site's "
    "address: keep one picture, written ![what it shows](/images/chart.png)",
    "source": "<source> names another file to load, which the build neither checks nor links for the site's "
    "address: keep one picture, written ![what it shows](/images/chart.png)",
    "video": "<video> is not something a brief can show (the build checks, links and prints images only): "
    "link to the video where it is hosted, as [Watch the briefing](https://…), or show a still as "
    "![what it shows](/images/still.png)",
    "audio": "<audio> is not something a brief can show (the build checks, links and prints images only): "
    "link to the recording where it is hosted, as [Listen to the briefing](https://…)",
    "track": "<track> belongs to a <video> or an <audio>, which a brief cannot show: remove it",
    "input": '<input type="image"> is a form\'s button, not an image: remove it, and show a picture as '
    "![what it shows](/images/chart.png)",
}
_OTHER_MEDIA_HINT = re.compile(r"<(?:picture|source|video|audio|track|input)\b|\ssrcset\s*=", re.I)

# A file name every address can carry as it is: Pelican's `{static}` links find a file by its name written in the
# address, decoding only "%20".
_USABLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Reference:
    """An address in a body's HTML: an ``<img src>``, or an ``<a href>`` into the site's images. ``start`` and
    ``end`` are where its value is written in the HTML (quotes excluded); ``alt`` is an image's description."""

    tag: str
    value: str
    start: int
    end: int
    alt: str = ""

    @property
    def is_image(self) -> bool:
        return self.tag == "img"


class _ReferenceFinder(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Reference] = []
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("img", "a"):
            return
        name = "src" if tag == "img" else "href"
        raw = self.get_starttag_text() or ""
        match = re.search(_ATTRIBUTE.format(name=name), raw, re.I)
        if match is None:
            return
        group = next(g for g in ("dq", "sq", "bare") if match.group(g) is not None)
        value = html.unescape(match.group(group)).strip()
        if tag == "a" and not _names_site_image(value):
            return
        line, column = self.getpos()
        at = self._line_starts[line - 1] + column
        alt = dict(attrs).get("alt") or ""
        self.found.append(Reference(tag, value, at + match.start(group), at + match.end(group), alt))

    handle_startendtag = handle_starttag


class _OtherMediaFinder(HTMLParser):
    _HOLDERS = ("picture", "video", "audio")  # a <source> or <track> inside one is said with it

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (the key of _OTHER_MEDIA, text to find its line by)
        self._open = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            if (dict(attrs).get("type") or "").strip().lower() == "image":
                self.found.append((tag, "<input"))
        elif tag in ("source", "track"):
            if not self._open:
                self.found.append((tag, f"<{tag}"))
        elif tag in self._HOLDERS:
            self.found.append((tag, f"<{tag}"))
            self._open += 1
        elif tag == "img" and any(name == "srcset" for name, _ in attrs):
            self.found.append(("srcset", "srcset"))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HOLDERS and self._open:
            self._open -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)


def other_media(rendered: str) -> tuple[tuple[str, str], ...]:
    """What in `rendered` (a body's HTML) names files to load other than an image's `src` and a link's `href`
    (srcset=, <picture>, <video>…): each as its key in `_OTHER_MEDIA` and text to find its line by."""
    if not _OTHER_MEDIA_HINT.search(rendered):
        return ()
    finder = _OtherMediaFinder()
    finder.feed(rendered)
    finder.close()
    return tuple(finder.found)


def site_references(rendered: str) -> tuple[Reference, ...]:
    """Every image of `rendered` (a body's HTML) and every link to one of the site's images, in order."""
    if PUBLIC_PREFIX not in rendered and not _IMG_TAG.search(
        rendered
    ):  # most bodies: no image, nothing to parse
        return ()
    finder = _ReferenceFinder(rendered)
    finder.feed(rendered)
    finder.close()
    return tuple(finder.found)


def body_images(rendered: str) -> tuple[Reference, ...]:
    """Every image of `rendered`, in the order they appear."""
    return tuple(r for r in site_references(rendered) if r.is_image)


def rewrite_addresses(rendered: str, new_address: Callable[[Reference], str | None]) -> str:
    """`rendered` with the value of each of its references replaced by `new_address(reference)`, where that gives
    one; the new value is written in double quotes, escaped."""
    pieces = []
    at = 0
    for reference in site_references(rendered):
        new = new_address(reference)
        if new is None:
            continue
        start, end = reference.start, reference.end
        quoted = start > 0 and rendered[start - 1] in "\"'" and rendered[end : end + 1] == rendered[start - 1]
        if quoted:
            start, end = start - 1, end + 1
        pieces += [rendered[at:start], '"', html.escape(new), '"']
        at = end
    return "".join(pieces) + rendered[at:] if pieces else rendered


def link_site_images(rendered: str) -> str:
    """`rendered` with each ``/images/…`` address (of an image, or of a link to one) written as Pelican's
    ``{static}/images/…`` link, which Pelican resolves against SITEURL (and copies the file for) when it writes
    the page and the feeds."""
    return rewrite_addresses(
        rendered, lambda r: STATIC_LINK + r.value if r.value.startswith(PUBLIC_PREFIX) else None
    )


def _names_site_image(value: str) -> bool:
    path = unquote(urlsplit(value).path)
    link = site_link(path)
    return (link.target if link and link.what == "static" else path).startswith(PUBLIC_PREFIX)


def images_folder(content: Path) -> Path:
    """The images folder of the content folder `content`, written plainly ("content/./images" is "content/images"):
    what the files an address names are compared with."""
    return Path(os.path.normpath(content / IMAGES_FOLDER))


def on_another_site(src: str) -> bool:
    """Whether `src` is an address on another site (``https://…``, ``//host/…``)."""
    parts = urlsplit(src)
    return bool(parts.netloc) or parts.scheme.lower() in ("http", "https")


def image_file(src: str, source: Path, content: Path) -> Path | None:
    """The file in `content`'s images folder that `src` names (in the brief `source`), or None when `src` names
    no place in that folder (a link in the folder to a file elsewhere included). The file may not exist."""
    target = _named_file(src, source, content)
    if target is None:
        return None
    folder = images_folder(content)
    if folder not in target.parents:
        return None
    return target if folder.resolve() in target.resolve().parents else None


def _named_file(src: str, source: Path, content: Path) -> Path | None:
    """The file `src` names, read as the build reads it (``/images/…`` and ``{static}`` links), or None."""
    if on_another_site(src):
        return None
    path = unquote(urlsplit(src).path)
    link = site_link(path)
    if link is not None and link.what == "static":
        return linked_file(link.target, source, content)
    if path.startswith(PUBLIC_PREFIX):
        return linked_file(path, source, content)
    return None


def picture_problem(path: Path) -> str:
    """What keeps the file `path` from being shown as a picture by browsers (and drawn in the PDF), or ""."""
    if path.suffix.lower() == ".svg":
        return (
            "" if _SVG_START.match(path.read_bytes()[:4096]) else "not an SVG drawing (its text is not <svg>)"
        )
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as picture:
            kind = picture.format or ""
            picture.verify()  # reads the whole file: a cut-off upload fails here
    except UnidentifiedImageError:
        return f"not a picture browsers show ({_kind_by_name(path)})"
    except (OSError, SyntaxError, ValueError):
        return "a damaged or cut-off picture file"
    if kind not in PICTURE_FORMATS:
        return f"a {kind} picture, which browsers do not show"
    return ""


def _kind_by_name(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    known = {"heic": "a HEIC photo, as phones save them", "heif": "a HEIF photo", "pdf": "a PDF document"}
    return known.get(suffix, "its bytes are not PNG, JPEG, GIF or WebP")


def image_problems(
    rendered: str, body: str, first_line: int, path: str, source: Path, content: Path
) -> tuple[Problem, ...]:
    """Every image of `rendered` (the HTML of `body`, the brief `source` whose first body line is `first_line`,
    shown as `path`) that the site cannot show as it is, every link to one of the site's images that names
    no file, and every other way of naming a file to load (srcset=, <video>…), at the line each is written on."""
    references = site_references(rendered)
    media = other_media(rendered)
    if not references and not media:
        return ()
    folder = content / IMAGES_FOLDER
    shown_folder = display_path(str(folder), str(content))
    lines = [(number, unquote(text)) for number, text in content_lines(body, first_line)]
    problems: list[Problem] = []
    line = 0
    for key, needle in media:
        line = line_holding((needle,), lines, line) or first_line
        problems.append(Problem(path, line, _OTHER_MEDIA[key], code=ImageCode.IMAGE_MARKUP_UNSUPPORTED))
    line = 0
    for reference in references:
        line = line_holding((unquote(reference.value)[:200], "<img", "!["), lines, line) or first_line

        def problem(message: str, code: ImageCode, at: int = line) -> None:
            problems.append(Problem(path, at, message, code=code))

        _check_reference(reference, source, content, shown_folder, problem)
    return tuple(problems)


def _check_reference(
    reference: Reference, source: Path, content: Path, shown_folder: str, problem: Callable[..., None]
) -> None:
    """Report through `problem` what keeps one reference from being shown."""
    src = reference.value
    what = f"image '{shortened(src, 80)}'" if reference.is_image else f"link to '{src}'"
    # The file's name, after the last "/" or "\\" (Windows writes `\\images\\Chart.png`).
    name = re.split(r"[\\/]", unquote(urlsplit(src).path))[-1] if not src.lower().startswith("data:") else ""
    target = image_file(src, source, content)
    # As the brief should write it.
    address = src if target is not None else PUBLIC_PREFIX + (name or "picture.png")
    misplaced = _placement_problem(reference, what, address, target, source, content, shown_folder)
    if misplaced:
        problem(*misplaced)
    if reference.is_image and not reference.alt.strip():
        problem(
            f"{what} has no description: write what it shows between the brackets, as in "
            f"![Defence budgets, 2010 to 2020]({address}), for readers who cannot see it (screen readers read "
            "it out, and it shows where the image does not load)",
            ImageCode.IMAGE_WITHOUT_DESCRIPTION,
        )


def _placement_problem(
    reference: Reference,
    what: str,
    address: str,
    target: Path | None,
    source: Path,
    content: Path,
    shown_folder: str,
) -> tuple[str, ImageCode] | None:
    """Why the file a reference names cannot be shown (its message and code), or None when it can: it names no
    file in the images folder (:func:`_outside_the_folder`), or the file there cannot be shown
    (:func:`_file_problem`)."""
    if target is None:
        return _outside_the_folder(reference.value, what, address, source, content, shown_folder)
    return _file_problem(reference, what, target, content, shown_folder)


def _outside_the_folder(
    src: str, what: str, address: str, source: Path, content: Path, shown_folder: str
) -> tuple[str, ImageCode]:
    """Why `src`, which names no file in the images folder, does not: written into the text, on another site,
    written with Windows' backslashes, a link leading out of the folder, the file's place in the project, or
    anywhere else."""
    if src.lower().startswith("data:"):
        return (
            f"{what} is written into the text as data: save the picture as a file in {shown_folder} and write "
            f"{_DESCRIBE}({address})",
            ImageCode.IMAGE_OUTSIDE_FOLDER,
        )
    if on_another_site(src):
        return (
            f"{what} is on another site, and the site's pages show only their own images (its security "
            f"policy): save the file into {shown_folder} and write {_DESCRIBE}({address})",
            ImageCode.IMAGE_ON_ANOTHER_SITE,
        )
    if "\\" in src:
        slashed = "/" + src.replace("\\", "/").lstrip("/")
        return (
            f"{what} is written with '\\', as Windows writes a file's place: a web address uses '/', so write "
            f"{_DESCRIBE}({slashed if slashed.startswith(PUBLIC_PREFIX) else address})",
            ImageCode.IMAGE_OUTSIDE_FOLDER,
        )
    named = _named_file(src, source, content)
    if named is not None and images_folder(content) in named.parents:
        return (
            f"{what} is a link to a file outside {shown_folder}: copy the picture itself into the folder",
            ImageCode.IMAGE_OUTSIDE_FOLDER,
        )
    if unquote(src).lstrip("/").startswith(f"{content.name}/{IMAGES_FOLDER}/"):
        return (
            f"{what} is written as the file's place in the project; the site shows it at {address}, so "
            f"write {_DESCRIBE}({address})",
            ImageCode.IMAGE_OUTSIDE_FOLDER,
        )
    return (
        f"{what} is not in {shown_folder}, the folder the site publishes images from: put the file "
        f"there and write {_DESCRIBE}({address})",
        ImageCode.IMAGE_OUTSIDE_FOLDER,
    )


def _file_problem(
    reference: Reference, what: str, target: Path, content: Path, shown_folder: str
) -> tuple[str, ImageCode] | None:
    """Why the file `target` in the images folder cannot be shown, or None: missing, named with characters an
    address cannot carry, an SVG drawing that runs code, or (for an image) not a picture browsers show."""
    if not target.is_file():
        return (
            f"{what} is missing: there is no {display_path(str(target), str(content))}; add the file there, "
            f"or correct the name{_near_miss(target, images_folder(content))}",
            ImageCode.IMAGE_NOT_FOUND,
        )
    if not _USABLE_NAME.fullmatch(target.name):
        renamed, shown = usable_name(target, content)
        return (
            f"{what} names the file '{target.name}', whose name holds spaces or characters other than letters, "
            f"digits, '-', '_' and '.', which the site's addresses cannot carry: rename the file '{renamed}' and "
            f"write {_DESCRIBE}({shown})",
            ImageCode.IMAGE_NAME_UNUSABLE,
        )
    if target.suffix.lower() == ".svg" and svg_runs_code(target.read_bytes()):
        return (
            f"{what} is an SVG drawing with code in it (a script, an event attribute or a javascript: address), "
            "which would run on the site's address when the file is opened: export it again without scripts, "
            "or as PNG",
            ImageCode.IMAGE_RUNS_CODE,
        )
    if reference.is_image and (wrong := picture_problem(target)):
        return (
            f"{what} is {wrong}: save it again as PNG or JPEG (a chart as PNG or SVG), put it in "
            f"{shown_folder} and write its new name",
            ImageCode.IMAGE_NOT_A_PICTURE,
        )
    return None


def usable_name(target: Path, content: Path) -> tuple[str, str]:
    """A name the site's addresses can carry for the image file `target` (``Chart One.png`` -> ``chart-one.png``),
    and the address a brief writes for it once renamed (``/images/chart-one.png``)."""
    renamed = (as_slug(target.stem) or "picture") + target.suffix.lower()
    return renamed, PUBLIC_PREFIX + (target.parent / renamed).relative_to(images_folder(content)).as_posix()


def _near_miss(target: Path, folder: Path) -> str:
    """`` (did you mean '/images/Chart.png'?)`` when the images folder has a file named much like `target`; when
    that file's own name cannot be an address (``Chart One.png``), the rename it needs as well."""
    if not folder.is_dir():
        return ""
    files = {PUBLIC_PREFIX + p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*"))}
    known = [address for address, p in files.items() if p.is_file() and not p.name.startswith(".")]
    near = closest(PUBLIC_PREFIX + target.relative_to(folder).as_posix(), known)
    if not near:
        return ""
    found = files[near[0]]
    if _USABLE_NAME.fullmatch(found.name):
        return f" (did you mean '{near[0]}'?)"
    renamed, shown = usable_name(found, folder.parent)
    return (
        f" (did you mean '{near[0]}'? Its name holds characters the site's addresses cannot carry: rename that "
        f"file '{renamed}' and write {_DESCRIBE}({shown}))"
    )


def links_out_of_folder(content: Path, ignored: Iterable[str]) -> tuple[Path, ...]:
    """The files and folders in `content`'s images folder that are links Pelican would follow to publish what it
    should not, in name order: a link to a place outside the folder (a private key, the home folder), a link in a
    loop of links, and a folder link to a folder that holds it (Pelican would copy it into itself, level after
    level). A link to a place inside the folder is kept, and what Pelican leaves out is not looked at: names
    matching `ignored` (the site's IGNORE_FILES, matched as Pelican matches them). A linked folder is named once,
    not file by file."""
    folder = images_folder(content)
    if not folder.is_dir():
        return ()
    inside = folder.resolve()
    patterns = tuple(ignored)
    found: list[Path] = []
    for root, folders, files in os.walk(folder):  # a linked folder is not walked into: it is named, or inside
        folders[:] = [name for name in folders if not ignored_name(name, patterns)]
        for name in (*folders, *files):
            path = Path(root, name)
            if path.is_symlink() and not ignored_name(name, patterns) and _link_trouble(path, inside):
                found.append(path)
    return tuple(sorted(found))


def _link_trouble(link: Path, folder: Path) -> str:
    """What is wrong with following `link` in the images `folder`: "outside", "loop" (a loop of links, or a folder
    link to a folder holding the link), or "" for a link Pelican can follow."""
    target = _target(link)
    if target is None:
        return "loop"
    if target != folder and folder not in target.parents:
        return "outside"
    parent = link.parent.resolve()
    if link.is_dir() and (target == parent or target in parent.parents):
        return "loop"
    return ""


def _target(link: Path) -> Path | None:
    """Where `link` leads; None for a loop of links."""
    try:
        return link.resolve(strict=False)
    except (RuntimeError, OSError):  # a loop of links: Python 3.11 raises RuntimeError
        return None


def link_out_of_folder_problem(link: Path, content: Path) -> Problem:
    """`make check`'s and the build's words for a link found by :func:`links_out_of_folder`."""
    shown_folder = display_path(str(content / IMAGES_FOLDER), str(content))
    kind = "this folder" if link.is_dir() else "this file"
    target = _target(link)
    trouble = _link_trouble(link, images_folder(content).resolve())
    if target is None:
        where = "is a link in a loop of links, which leads to no file"
    elif trouble == "loop":
        where = f"is a link to {target}, a folder that holds it, which the site would copy into itself without end"
    else:
        where = f"is a link to {target}, outside {shown_folder}, and the site would publish what it points to"
    return Problem(
        display_path(str(link), str(content)),
        1,
        f"{kind} {where}: the build leaves it out; copy the picture itself into the folder, or delete the link",
        code=ImageCode.IMAGE_OUTSIDE_FOLDER,
    )
