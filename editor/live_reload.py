"""The preview tab reloads itself when its page changes (``make devserver`` only; the built files never change).

The devserver adds a small script to every page it serves (a dev-only page addition, editor/preview_server.py),
telling it the page's file and version: a digest of the page as served (the built file and the additions before
this one, such as the problems banner). The script asks ``/__preview__/version?page=<file>`` four times a second
and reloads the page when the answer differs. So a tab reloads when, and only when, what it shows has changed: once
when a saved brief's page is rewritten, not again when the full rebuild behind it writes the same bytes, and when a
problem appears on or leaves the page. A tab showing the site's 404 page for a page not built yet reloads when
that page is written. Nothing else needs telling: a page is compared as it is served, whoever wrote it.

Files that are not pages reload no tab. The stylesheet's name changes with its content, so the pages using a
changed one change too; a script such as search.js does not (reload the search page by hand). The script is a
file from the site itself, not inline code, so it runs under the published site's Content-Security-Policy too.
"""

from __future__ import annotations

import hashlib
from html import escape

from reality_check.plugins.decap_admin.config import ADMIN_DIR

from .preview_server import PREVIEW_PREFIX, PageAddition, page_file, served_page

VERSION_URL = PREVIEW_PREFIX + "version"
SCRIPT_URL = PREVIEW_PREFIX + "live-reload.js"
GONE = "gone"  # the version of a page no longer built: the tab reloads, and shows the site's 404 page

SCRIPT = """\
(function () {
  "use strict";
  var tag = document.currentScript;
  var served = tag.getAttribute("data-version");
  var asked = "VERSION_URL?page=" + encodeURIComponent(tag.getAttribute("data-page"));
  function ask() {
    fetch(asked, { cache: "no-store" })
      .then(function (answer) { return answer.text(); })
      .then(function (version) {
        if (version !== served) { window.location.reload(); } else { window.setTimeout(ask, 250); }
      })
      .catch(function () { window.setTimeout(ask, 1000); });
  }
  window.setTimeout(ask, 250);
})();
""".replace("VERSION_URL", VERSION_URL)


# The browser editor (Decap CMS, `make cms`) is never reloaded: it keeps what the editor is typing in the tab, and
# its own save starts a rebuild. Its "View Live" pages (admin/preview/…) do reload.
EDITOR_PAGES = frozenset({f"/{ADMIN_DIR}/", f"/{ADMIN_DIR}/index.html"})


def page_version(page: bytes | None) -> str:
    """The version of a page as served (None: not built)."""
    return GONE if page is None else hashlib.blake2b(page, digest_size=8).hexdigest()


def script_tag(url: str, version: str) -> str:
    """The script, told the page's file and version (none on the browser editor)."""
    if url.split("?", 1)[0] in EDITOR_PAGES:
        return ""
    return f'<script src="{SCRIPT_URL}" data-page="{escape(url)}" data-version="{escape(version)}" defer></script>'


def install(server) -> None:
    """Register the page addition, the script and the version on the devserver's web server. Install it after
    the additions whose changes should reload the tab: its version covers the additions before it."""

    def addition(url: str, page: bytes) -> str:
        # The site's 404 page, served for a page not built (yet): the tab waits for that page.
        built = page_file(server.root, url) is not None
        return script_tag(url, page_version(page) if built else GONE)

    def version(query: dict[str, str]) -> tuple[str, bytes]:
        additions: list[PageAddition] = server.page_additions
        before = additions[: additions.index(addition)]
        page = served_page(server.root, query.get("page", ""), before)
        return "text/plain; charset=utf-8", page_version(page).encode()

    server.page_additions.append(addition)

    server.preview_routes[VERSION_URL] = version
    server.preview_routes[SCRIPT_URL] = lambda query: ("text/javascript; charset=utf-8", SCRIPT.encode())
