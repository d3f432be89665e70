"""What `make check` found about each brief last time, reused while nothing it depends on has changed.

Checking a brief renders its Markdown and extracts its card: at a thousand briefs that is seconds, repeated by every
`make html` and every save in `make devserver` although one brief (or none) changed. A brief's report depends only
on its own bytes and on what is the same for every brief of a run: the checker's code, the settings, the
registries, the files a ``{filename}`` link may point to, and today's date (a brief dated later is a warning). The
cache keys each report by all of them, so a report is reused only when checking again would give the same. A report
with a broken link is not kept: its "did you mean" names the brief a link most likely means, by every brief's title
and slug, which the key does not cover (and such a report is one an editor is about to fix).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from reality_check.editor import PROJECT_FOLDER
from reality_check.editor.settings import EditorSettings
from reality_check.plugins.plugin_support.build_cache import BuildCache
from reality_check.plugins.plugin_support.code_digest import code_digest
from reality_check.plugins.plugin_support.digests import digest, font_identity

logger = logging.getLogger(__name__)

R = TypeVar("R")

CACHE_FILE = "check/reports.pickle"
# The libraries whose output a report holds (rendered Markdown, parsed HTML, parsed YAML).
LIBRARIES = ("Markdown", "markdown-it-py", "beautifulsoup4", "nh3", "PyYAML", "pelican", "fonttools")
# The code a report depends on: the checker, and the plugins' modules it calls (rendering, card, registries, the
# share image's glyphs).
PROJECT = PROJECT_FOLDER
CODE = (
    Path(__file__).parent,
    *(
        PROJECT_FOLDER / "plugins" / p
        for p in ("brief_registry", "brief_relations", "plugin_support", "share_image", "summary_card")
    ),
)


def run_fingerprint(content: Path, settings: EditorSettings, today: datetime.date) -> str:
    """A hash of everything every brief's report depends on besides the brief itself."""
    modules = [module for folder in CODE for module in sorted(folder.glob("*.py"))]
    files = sorted(p for p in content.rglob("*") if p.is_file())
    fonts = settings.share_image_fonts
    return digest(
        code_digest(PROJECT, modules, LIBRARIES),
        repr(settings),
        # The font files themselves, as the share images' own cache knows them: a font updated in place may draw
        # characters it could not before.
        *(repr(font_identity(path)) for path in (fonts.regular, fonts.bold)),
        today.isoformat(),
        *(str(path.relative_to(content)) for path in files),  # link targets: which files exist
        *(path.read_bytes() for path in files if path.suffix in (".yml", ".yaml")),  # the registries
    )


class CheckCache:
    """Brief reports by (run fingerprint, path, bytes), kept in a :class:`BuildCache` under the build's CACHE_PATH
    (no folder: nothing is kept)."""

    def __init__(self, folder: Path | None, fingerprint: str) -> None:
        self._kept: BuildCache[Any] = BuildCache(folder / CACHE_FILE if folder else None, load=True)
        self.fingerprint = fingerprint

    def reports(
        self,
        paths: Sequence[Path],
        check: Callable[[list[Path]], list[R]],
        keep: Callable[[R], bool] = lambda report: True,
    ) -> list[R]:
        """The report of each brief in `paths`, in order: the cached one, or, for the others, what
        ``check(those paths)`` gives (called once, with every path not cached); remembered for next time when
        `keep` says so (a report that depends on more than the fingerprint covers is checked again every run)."""
        if self._kept.path is None:
            return check(list(paths))
        keys = [self._key(path) for path in paths]
        cached = [self._kept.get(key) if key is not None else None for key in keys]
        fresh = iter(check([path for path, report in zip(paths, cached, strict=True) if report is None]))
        found = []
        for key, report in zip(keys, cached, strict=True):
            if report is None:
                report = next(fresh)
                if key is not None and keep(report):
                    self._kept.put(key, report)
            found.append(report)
        return found

    def _key(self, path: Path) -> str | None:
        """The key of `path`'s report; None for a file that cannot be read (checked every run, and reported)."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return digest(self.fingerprint, str(path), data)

    def save(self) -> None:
        """Keep this run's reports (only those: a deleted or changed brief's old report goes)."""
        self._kept.save()
