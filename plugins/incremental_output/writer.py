"""A Pelican writer that leaves a page alone when the page it would write is the one already there.

Each page gets a key, a hash of
- the site's key: settings, theme, code, packages, today's date, every content file that is not a brief or page
  (the registries), and where every brief and page is in the site (``fingerprint.HEADLINE``: title, address, date,
  authors, topics...), which any page's menus, links and counts may show;
- what the page is given: its file name, template and pagination, the *summary* of every brief or page it is given
  or that those refer to (neighbours, related briefs, translations): all each has but its body, card and reading
  time included; and the body of the brief or page it shows.

After a build, the keys and the size and modification time of each file written are kept in the build's
CACHE_PATH. The next build renders and writes a page again only when its key changed or its file is not the one
written last time (a devserver preview, an edit, a deletion). Editing a sentence of a brief rewrites its page, the
listings that show its card and reading time, and its neighbours' and related briefs' pages; the feeds are always
written. A change to anything site-wide changes every key: every page is written, as in a full build.

A build that stops half-way saves no record, so the next build writes every page.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Content, Static

from reality_check.plugins.brief_registry.images import IMAGES_FOLDER
from reality_check.plugins.plugin_support.code_digest import loaded_code_digest
from reality_check.plugins.plugin_support.digests import digest, file_stamp, files_under
from reality_check.plugins.plugin_support.files import write_atomically
from reality_check.plugins.plugin_support.unfinished import Unfinished
from reality_check.plugins.plugin_support.writer import WholeFileWriter

from .fingerprint import (
    content_summary,
    files_digest,
    headline,
    installed_packages,
    page_contents,
    stable_text,
)
from .fingerprint import (
    neighbours as find_neighbours,
)

logger = logging.getLogger(__name__)

STATE_FILE = "incremental-output.json"
# The writers of the builds running in this process, for the handler that saves their records at ``finalized``; a
# writer whose build failed is dropped by the next build, its record never saved.
RUNNING: Unfinished[IncrementalWriter] = Unfinished()


@dataclass(frozen=True)
class WrittenPage:
    """One ``write_file`` call's key and the files it wrote: (path in the output, size, modification time)."""

    key: str
    files: tuple[tuple[str, int, int], ...]

    def still_on_disk(self, output: Path) -> bool:
        """Whether every file is still the one written (same size and modification time)."""
        try:
            return all(file_stamp(output / name) == (size, mtime) for name, size, mtime in self.files)
        except OSError:
            return False


def read_record(path: Path, output: Path) -> dict[str, WrittenPage]:
    """The pages the last complete build into ``output`` wrote, or nothing (none recorded, another folder)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("output") != str(output):
            return {}
        return {
            name: WrittenPage(page["key"], tuple(tuple(f) for f in page["files"]))
            for name, page in data["pages"].items()
        }
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def bodies(values: Any) -> list[str]:
    """The bodies of the briefs and pages a page is given (``article=``, ``page=``): what only that page shows."""
    return [
        f"{v.source_path}\0{v._content}\0{getattr(v, 'body_below_card', '')}"
        for v in values
        if isinstance(v, Content)
    ]


def site_contents(context: dict[str, Any]) -> list[Content]:
    """Every brief and page of the build (published, hidden, drafts, and their translations), once each; not the
    static files Pelican copies (the pictures briefs show), which no page lists."""
    found: dict[int, Content] = {}
    for value in context.values():
        if isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, Content) and not isinstance(item, Static):
                    found[id(item)] = item
                    for translation in getattr(item, "translations", ()):
                        found[id(translation)] = translation
    return sorted(found.values(), key=lambda c: (str(c.source_path), str(getattr(c, "lang", ""))))


def build_key(settings: dict[str, Any]) -> str:
    """What every page depends on besides the content: settings, theme, code, packages, Python and the day."""
    return digest(
        stable_text(settings),
        files_digest([Path(settings["THEME"])]),
        loaded_code_digest(),
        "\0".join(sorted(installed_packages())),
        sys.version,
        datetime.date.today().isoformat(),
    )


class IncrementalWriter(WholeFileWriter):
    """Pelican's writer, skipping each page whose key and file are those of the last build."""

    def __init__(self, output_path, settings=None) -> None:
        super().__init__(output_path, settings=settings)
        self.record_path = Path(self.settings["CACHE_PATH"]) / STATE_FILE
        self.output = Path(os.path.abspath(output_path))
        self.previous = read_record(self.record_path, self.output)
        self.record_path.unlink(missing_ok=True)  # written again only when this build completes
        self.build_key = build_key(self.settings)
        self.pages: dict[str, WrittenPage] = {}
        self.skipped = 0
        self._site_key = ""
        # Each brief's summary (hashed) and neighbours, worked out once per build (when its first page is written).
        self._summaries: dict[int, str] = {}
        self._neighbours: dict[int, dict[int, Content]] = {}
        self._opened: list[str] | None = None
        RUNNING.abandon()  # builds run one after another: a writer still listed is one whose build failed
        RUNNING.track(self)

    def _open_w(self, filename, encoding, override=False):
        if self._opened is not None:
            self._opened.append(filename)
        return super()._open_w(filename, encoding, override)

    def site_key(self, context: dict[str, Any]) -> str:
        """The key of everything site-wide (code, settings, registries, where each brief and page is), made when
        the build writes its first page (all is read by then)."""
        if not self._site_key:
            contents = site_contents(context)
            sources = {os.path.abspath(c.source_path) for c in contents}
            # The pictures briefs show are copied by Pelican as they are; a page holds a picture's address, which
            # its brief's own key covers: a picture added or replaced is no reason to render every page again.
            pictures = Path(self.settings["PATH"]) / IMAGES_FOLDER
            other_files = [
                p
                for p in files_under([Path(self.settings["PATH"])])
                if str(p) not in sources and pictures not in p.parents
            ]
            self._site_key = digest(
                self.build_key, files_digest(other_files), *(headline(c) for c in contents)
            )
        return self._site_key

    def summary(self, content: Content) -> str:
        """A hash of ``content_summary``, once per brief and build: keys are hashes of the summaries, so the
        summary itself (about 27 KB a brief, 0.27 GB at 10,000) is not kept."""
        if id(content) not in self._summaries:
            self._summaries[id(content)] = digest(content_summary(content))
        return self._summaries[id(content)]

    def neighbours(self, content: Content) -> dict[int, Content]:
        """``fingerprint.neighbours``, once per brief and build."""
        if id(content) not in self._neighbours:
            self._neighbours[id(content)] = find_neighbours(content)
        return self._neighbours[id(content)]

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        # Pelican's own arguments, handed on to its write_file as they came.
        pelicans = {
            "context": context,
            "relative_urls": relative_urls,
            "paginated": paginated,
            "template_name": template_name,
            "override_output": override_output,
            "url": url,
        }
        # An overriding page decides what later ones write, so it is always written (and never recorded).
        if not name or override_output:
            return self._write(None, name, template, **pelicans, **kwargs)
        frame = [
            self.site_key(context),
            name,
            getattr(template, "name", "") or "",
            stable_text([relative_urls, paginated, template_name, url]),
            stable_text(kwargs),
        ]
        # What Pelican paginates: `paginated`, or else the `articles` and `dates` it is given (as Pelican decides).
        lists = (
            paginated
            if paginated is not None
            else {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        )
        if lists and template_name in self.settings.get("PAGINATED_TEMPLATES", {}):
            # A listing in pages: each page is keyed by the briefs it shows (the others are in it by their place
            # and count only: `frame`), and only a page whose key changed is rendered again.
            listing = PageByPage(template, self, digest(*frame), [f"{key}_page" for key in lists])
            return self._write(listing, name, listing, **pelicans, **kwargs)
        key = digest(
            *frame,
            *(self.summary(c) for c in page_contents([paginated, kwargs], self.neighbours)),
            *bodies(kwargs.values()),
        )
        if self._kept(name, key, {**context, **kwargs}):
            return None
        return self._write(key, name, template, **pelicans, **kwargs)

    def _kept(self, name: str, key: str, context: dict[str, Any]) -> bool:
        """Whether the last build wrote `name` from the same `key`, its files untouched since: then they are kept,
        and what listens for written pages (pelican-sitemap lists them) hears of them as if written again."""
        last = self.previous.get(name)
        if last is None or last.key != key or not last.still_on_disk(self.output):
            return False
        self.pages[name] = last
        self.skipped += 1
        for file_name, _, _ in last.files:
            signals.content_written.send(str(self.output / file_name), context=context)
        return True

    def _write(self, key: str | PageByPage | None, name, template, **kwargs) -> None:
        """Pelican's ``write_file``, then the record of what it wrote: under ``name`` with ``key``, or page by page
        with the keys a ``PageByPage`` gave them (None: no record)."""
        self._opened = []
        try:
            super().write_file(name, template, **kwargs)
            written = [Path(os.path.relpath(path, self.output)).as_posix() for path in self._opened]
        finally:
            self._opened = None
        if isinstance(key, PageByPage):
            for page in written:
                self.pages[page] = WrittenPage(key.keys[page], ((page, *file_stamp(self.output / page)),))
        elif key is not None:
            self.pages[name] = WrittenPage(
                key, tuple((page, *file_stamp(self.output / page)) for page in written)
            )

    def save(self) -> None:
        """Keep this build's keys for the next one (called once the build has completed)."""
        data = {
            "output": str(self.output),
            "pages": {
                name: {"key": p.key, "files": [list(f) for f in p.files]} for name, p in self.pages.items()
            },
        }
        write_atomically(self.record_path, json.dumps(data, separators=(",", ":")).encode("utf-8"))
        if self.skipped:
            logger.info("incremental_output: %d pages unchanged, not written again", self.skipped)


class PageByPage:
    """A paginated listing's template that renders a page only when the page's key changed; otherwise it gives the
    text of the file the last build wrote (Pelican writes it again, unchanged).

    A page's key is the listing's (``frame``: its place, the identities and order of all its briefs, what else the
    template is given) and the summaries of the briefs on that page: a listing's template shows in full only the
    briefs of its page, and of any other brief only what the site's key holds (its title, address, place).
    """

    def __init__(self, template, writer: IncrementalWriter, frame: str, page_names: list[str]) -> None:
        self.template = template
        self.name = getattr(template, "name", None)
        self.writer = writer
        self.frame = frame
        self.page_names = page_names
        self.keys: dict[str, str] = {}

    def render(self, localcontext: dict[str, Any]) -> str:
        output_file = localcontext["output_file"]
        shown = [getattr(localcontext.get(name), "object_list", ()) for name in self.page_names]
        writer = self.writer
        key = digest(
            self.frame, output_file, *(writer.summary(c) for c in page_contents(shown, no_neighbours))
        )
        self.keys[output_file] = key
        last = writer.previous.get(output_file)
        if last is not None and last.key == key and last.still_on_disk(writer.output):
            writer.skipped += 1
            with open(writer.output / output_file, encoding="utf-8", newline="") as written:
                return written.read()
        return self.template.render(localcontext)


def no_neighbours(content: Content) -> dict[int, Content]:
    """A listing shows a brief's teaser, which holds nothing of its neighbours but what the site's key does."""
    return {}
