"""The development writers replace a page whole, and keep Pelican's rules about writing a file twice."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import FileOverwriteFailedError

from reality_check.plugins.incremental_output.handlers import save_record
from reality_check.plugins.incremental_output.writer import RUNNING, IncrementalWriter
from reality_check.plugins.plugin_support.writer import WholeFileWriter

# make html's and the devserver's full builds, and the devserver's page of a saved brief
WRITERS = pytest.mark.parametrize(
    "kind", [IncrementalWriter, WholeFileWriter], ids=lambda kind: kind.__name__
)


class Template:
    """What Pelican's writer needs of a template: a name, and text rendered from the page's context."""

    name = "synthetic.html"

    def __init__(self, text: str) -> None:
        self.text = text

    def render(self, context: dict) -> str:
        return self.text


def writer(tmp_path, kind: type[WholeFileWriter]) -> WholeFileWriter:
    settings = {**DEFAULT_CONFIG, "CACHE_PATH": str(tmp_path / "cache"), "PATH": str(tmp_path / "content")}
    (tmp_path / "content").mkdir(parents=True, exist_ok=True)
    return kind(str(tmp_path / "output"), settings=settings)


@WRITERS
def test_a_page_written_again_is_replaced_whole(tmp_path, kind):
    """A preview server sending the page while a rebuild writes it sends the old page or the new, never a part."""
    old = "<main>A SYNTHETIC page, as the last build wrote it.</main>\n" * 2000
    writer(tmp_path, kind).write_file("briefs/synthetic/index.html", Template(old), {})
    page = tmp_path / "output" / "briefs" / "synthetic" / "index.html"

    with page.open(encoding="utf-8") as served:  # opened before the rebuild writes the page
        start = served.read(10)
        writer(tmp_path, kind).write_file(
            "briefs/synthetic/index.html", Template("<main>Rebuilt.</main>\n"), {}
        )
        assert start + served.read() == old
    assert page.read_text(encoding="utf-8") == "<main>Rebuilt.</main>\n"
    assert page.stat().st_mode & 0o777 == 0o644
    assert [path.name for path in page.parent.iterdir()] == ["index.html"]  # no temporary file left behind


@WRITERS
def test_an_overriding_write_replaces_the_page_whole_too(tmp_path, kind):
    build = writer(tmp_path, kind)
    old = "<main>A SYNTHETIC page, written first in this build.</main>\n" * 2000
    build.write_file("index.html", Template(old), {})
    page = tmp_path / "output" / "index.html"
    with page.open(encoding="utf-8") as served:
        start = served.read(10)
        build.write_file("index.html", Template("<main>Overriding.</main>\n"), {}, override_output=True)
        assert start + served.read() == old
    assert page.read_text(encoding="utf-8") == "<main>Overriding.</main>\n"


@WRITERS
def test_pelicans_rules_on_writing_a_file_twice_still_hold(tmp_path, kind):
    build = writer(tmp_path, kind)
    build.write_file("index.html", Template("first"), {})
    with pytest.raises(FileOverwriteFailedError):
        build.write_file("index.html", Template("second"), {})
    build.write_file("index.html", Template("overriding"), {}, override_output=True)
    build.write_file("index.html", Template("skipped"), {})  # an overridden file is not written again
    assert (tmp_path / "output" / "index.html").read_text(encoding="utf-8") == "overriding"


def test_only_the_writer_of_the_build_that_completed_saves_its_record(tmp_path):
    """A build that failed never reaches ``finalized``: its writer's record (of pages it may not have written) is
    never saved, and the next build drops that writer."""
    failed = writer(tmp_path / "failed", IncrementalWriter)
    following = writer(tmp_path, IncrementalWriter)
    assert failed not in RUNNING
    assert following in RUNNING
    save_record(SimpleNamespace(output_path=str(tmp_path / "failed/output")))
    assert not failed.record_path.exists()
    assert following in RUNNING  # another folder's build: left alone
    save_record(SimpleNamespace(output_path=str(tmp_path / "output")))
    assert following not in RUNNING
    assert following.record_path.is_file()
