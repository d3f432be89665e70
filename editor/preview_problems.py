"""The preview shows each brief's problems on its own page (``make devserver`` and ``make cms`` only).

After every check the devserver hands the problems here; every page it then serves for a brief with problems
gets a banner listing them, ``path:line: message``, exactly as ``make check`` prints them. The banner is a
dev-only page addition (editor/preview_server.py), like the live-reload script: it is added to the page as it is
served, never written into the built files, so the published site cannot carry it. A small script from the
preview's own files moves it to the top of the page's main content, where an editor looks first.

A brief is found by its page's address (its slug, as the build makes it) and, for the browser editor's "View Live"
links, by ``/admin/preview/<file name>/``, which also works for a brief the site could not build at all.
"""

from __future__ import annotations

import html
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from reality_check.plugins.brief_registry import BriefFileError, Problem, read_brief
from reality_check.plugins.brief_registry.addresses import url_of
from reality_check.plugins.brief_registry.briefs import BRIEFS_DIR, MARKDOWN_EXTENSIONS
from reality_check.plugins.brief_registry.problems import shown_file
from reality_check.plugins.decap_admin.config import PREVIEW_PATH

from .check import brief_address
from .preview_server import PREVIEW_PREFIX
from .settings import EditorSettings

STYLE_URL = PREVIEW_PREFIX + "problems.css"
SCRIPT_URL = PREVIEW_PREFIX + "problems.js"
# plugins/decap_admin's "View Live" page of a brief file, /admin/preview/<stem>/
EDITOR_VIEW = "/" + PREVIEW_PATH

STYLE = """\
.preview-problems {
  margin: 0 0 1.5rem;
  padding: 1rem 1.25rem;
  border: 3px solid #b3261e;
  border-left-width: 10px;
  background: #fff;
  color: #1b1f24;
}
.preview-problems h2 { margin: 0 0 0.5rem; font-size: 1.1rem; }
.preview-problems ul { margin: 0 0 0.5rem; padding-left: 1.25rem; }
.preview-problems code { overflow-wrap: anywhere; white-space: pre-wrap; color: inherit; background: none; }
.preview-problems p { margin: 0; color: #4a5360; font-size: 0.9rem; }
"""

SCRIPT = """\
(function () {
  "use strict";
  var banner = document.querySelector(".preview-problems");
  var main = document.querySelector("main") || document.body;
  if (banner) { main.insertBefore(banner, main.firstChild); }
})();
"""


def moved_html(old: str, new: str) -> str:
    """The notice on a page a brief left when its address changed (`old` and `new`: "/briefs/x/")."""
    old_slug = old.rstrip("/").rsplit("/", 1)[-1]
    return (
        f'<link rel="stylesheet" href="{STYLE_URL}">'
        '<section class="preview-problems" role="status" aria-labelledby="preview-problems-title" '
        'data-pagefind-ignore="all">'
        '<h2 id="preview-problems-title">This brief has moved</h2>'
        f'<p>Its title (or its <code>slug:</code>) changed, so its page is now at <a href="{html.escape(new)}">'
        f"{html.escape(new)}</a>; this one is left from an earlier build of the preview. Once published, links and "
        f"citations to this address will find nothing: to keep the address, add <code>slug: "
        f"{html.escape(old_slug)}</code> to the brief's front matter (in the browser editor: its Web address "
        "field).</p>"
        "</section>"
        f'<script src="{SCRIPT_URL}" defer></script>'
    )


def removed_html(name: str) -> str:
    """The notice on the page of a brief whose file (`name`) was deleted since the preview built it."""
    return (
        f'<link rel="stylesheet" href="{STYLE_URL}">'
        '<section class="preview-problems" role="status" aria-labelledby="preview-problems-title" '
        'data-pagefind-ignore="all">'
        '<h2 id="preview-problems-title">This brief was deleted</h2>'
        f"<p>Its file, <code>{html.escape(name)}</code>, is gone, so this page is left from an earlier build of the "
        "preview. The published site will not have it: links and citations to this address will find nothing.</p>"
        "</section>"
        f'<script src="{SCRIPT_URL}" defer></script>'
    )


# The address ("/briefs/x/") of the page the last build wrote for a brief's file, or None.
LastBuilt = Callable[[Path], str | None]


def banner_html(problems: Iterable[Problem]) -> str:
    """The banner for one brief's problems (escaped: the messages quote the editor's own text)."""
    found = list(problems)
    if not found:
        return ""
    items = "".join(f"<li><code>{html.escape(str(problem))}</code></li>" for problem in found)
    count = f"{len(found)} problem{'s' if len(found) != 1 else ''}"
    return (
        f'<link rel="stylesheet" href="{STYLE_URL}">'
        '<section class="preview-problems" role="alert" aria-labelledby="preview-problems-title" '
        'data-pagefind-ignore="all">'
        f'<h2 id="preview-problems-title">{count} to fix before this brief can be published</h2>'
        f"<ul>{items}</ul>"
        "<p>Shown by the preview only, never on the published site: each line is "
        "<code>file:line: what is wrong</code>, as <code>make check</code> prints it.</p>"
        "</section>"
        f'<script src="{SCRIPT_URL}" defer></script>'
    )


def page_urls(
    source: Path, shown: str, settings: EditorSettings, last_built: LastBuilt = lambda _source: None
) -> list[str]:
    """The addresses the preview serves a brief file at: its page and its "View Live" page. The page is found
    from the front matter; when that cannot be read (a quote left open), it is the page the last build wrote
    for the file (`last_built`), the one the editor has open."""
    urls = [EDITOR_VIEW.format(filename=source.stem)]
    try:
        front = read_brief(source, shown)
    except (BriefFileError, OSError):
        page = last_built(source)
        return [*urls, page] if page else urls
    address = brief_address(shown, front, source, settings)
    if address is not None:
        urls.append("/" + settings.page_url(address.slug, front.data.get("lang")))
    return urls


class ProblemsBanner:
    """The latest check's problems by page address, and the page addition that shows them."""

    def __init__(
        self, content: Path, settings: EditorSettings, last_built: LastBuilt = lambda _source: None
    ) -> None:
        self.content = Path(content)
        self.settings = settings
        self.last_built = last_built
        self._by_url: dict[str, str] = {}
        self._moved: dict[str, str] = {}  # a page left from an earlier build -> where its brief is now
        self._removed: dict[str, str] = {}  # a page whose brief's file was deleted -> the file's name
        self._lock = threading.Lock()

    def update(self, problems: Iterable[Problem]) -> None:
        """Take the problems of a new check (paths as `make check` shows them)."""
        try:
            by_url = self._pages(problems)
        except Exception as error:  # a bug here must not stop the preview; the terminal still lists them
            print(f"the preview cannot show the problems on the pages: {error!r}", flush=True)
            by_url = {}
        with self._lock:
            self._by_url = by_url

    def _pages(self, problems: Iterable[Problem]) -> dict[str, str]:
        briefs = Path(os.path.abspath(self.content)) / BRIEFS_DIR
        by_file: dict[str, list[Problem]] = {}
        for problem in problems:
            by_file.setdefault(problem.path, []).append(problem)
        by_url = {}
        for shown, found in by_file.items():
            source = Path(shown_file(shown, self.content))
            if source.suffix.lstrip(".") not in MARKDOWN_EXTENSIONS or not source.is_relative_to(briefs):
                continue
            for url in page_urls(source, shown, self.settings, self.last_built):
                by_url[url] = banner_html(found)
        return by_url

    def record_moves(self, before: dict[str, str], after: dict[str, str]) -> None:
        """After a build (`before` and `after`: each brief's page address by its file): a brief whose address
        changed (its title, or its slug:) left its old page in the preview's folder, which a tab showed as if
        current; that page now says where the brief is, and that links to it will break once published. A brief
        whose file was deleted left its page too: it says so."""
        with self._lock:
            moved = {old: after[source] for source, old in before.items() if after.get(source, old) != old}
            self._moved = {old: moved.get(new, new) for old, new in self._moved.items()} | moved
            gone = {
                old: Path(source).name
                for source, old in before.items()
                if source not in after and not os.path.exists(source)
            }
            self._removed = self._removed | gone
            for current in after.values():
                self._moved.pop(current, None)
                self._removed.pop(current, None)

    def addition(self, url: str, _page: bytes = b"") -> str:
        """The banner for the page at `url` (its path), or nothing (a page addition: the page itself is not read)."""
        with self._lock:
            page = url_of(url)
            problems = self._by_url.get(page, "")
            if problems or page in self._moved:
                return problems or moved_html(page, self._moved[page])
            return removed_html(self._removed[page]) if page in self._removed else ""

    def install(self, server) -> None:
        """Register the page addition and its two files on the devserver's web server."""
        server.page_additions.append(self.addition)
        server.preview_routes[STYLE_URL] = lambda query: ("text/css; charset=utf-8", STYLE.encode())
        server.preview_routes[SCRIPT_URL] = lambda query: ("text/javascript; charset=utf-8", SCRIPT.encode())
