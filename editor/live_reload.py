"""The preview tab reloads itself after each rebuild (``make devserver`` only; the built files never change).

The devserver adds a small script to every page it serves (a dev-only page addition, editor/preview_server.py).
The script asks ``/__preview__/version`` four times a second and reloads the page when the number differs from
the one the page was served with; the devserver raises the number each time it has written pages. A script
file from the site itself, not inline code, so it runs under the published site's Content-Security-Policy too.
"""

from __future__ import annotations

import threading

from decap_admin.config import ADMIN_DIR

from .preview_server import PREVIEW_PREFIX

VERSION_URL = PREVIEW_PREFIX + "version"
SCRIPT_URL = PREVIEW_PREFIX + "live-reload.js"

SCRIPT = """\
(function () {
  "use strict";
  var served = document.currentScript.getAttribute("data-version");
  function ask() {
    fetch("VERSION_URL", { cache: "no-store" })
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


class LiveReload:
    """The number of the latest rebuild, the script that watches it, and the tag each served page gets."""

    def __init__(self) -> None:
        self._version = 0
        self._lock = threading.Lock()

    @property
    def version(self) -> int:
        return self._version

    def rebuilt(self) -> None:
        """Pages were written: every open tab reloads."""
        with self._lock:
            self._version += 1

    def script_tag(self, url: str) -> str:
        """The page addition: the script, told which rebuild the page comes from (none on the browser editor)."""
        if url.split("?", 1)[0] in EDITOR_PAGES:
            return ""
        return f'<script src="{SCRIPT_URL}" data-version="{self._version}" defer></script>'

    def install(self, server) -> None:
        """Register the page addition and the two files on the devserver's web server."""
        server.page_additions.append(self.script_tag)
        server.preview_routes[VERSION_URL] = lambda: (
            "text/plain; charset=utf-8",
            str(self._version).encode(),
        )
        server.preview_routes[SCRIPT_URL] = lambda: ("text/javascript; charset=utf-8", SCRIPT.encode())
