"""A template is compiled once per source and environment options, in this process and, given a folder, the next."""

from __future__ import annotations

import pytest
from jinja2 import Environment, FileSystemLoader

from fragment_cache import compiled
from fragment_cache.compiled import CompiledTemplates


class CountingEnvironment(Environment):
    """Jinja's environment, counting the templates it compiles from source."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.compiled: list[str] = []

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        self.compiled.append(name)
        return super().compile(source, name, filename, raw, defer_init)


@pytest.fixture(autouse=True)
def fresh_process():
    """Each test starts as a new process does: nothing compiled in memory yet."""
    compiled._IN_MEMORY.clear()
    yield
    compiled._IN_MEMORY.clear()


def environment(theme, folder=None, **options) -> CountingEnvironment:
    """An environment as Pelican makes one per generator, with the plugin's cache installed."""
    made = CountingEnvironment(loader=FileSystemLoader(str(theme)), **options)
    made.bytecode_cache = CompiledTemplates(made, folder)
    return made


@pytest.fixture
def theme(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "brief.html").write_text("<h1>{{ title }}</h1>\n", encoding="utf-8")
    return tmp_path / "theme"


def test_every_environment_of_the_process_gets_the_code_compiled_first(theme):
    first, second = environment(theme), environment(theme)
    assert first.get_template("brief.html").render(title="A SYNTHETIC brief") == "<h1>A SYNTHETIC brief</h1>"
    assert second.get_template("brief.html").render(title="Another") == "<h1>Another</h1>"
    assert (first.compiled, second.compiled) == (["brief.html"], [])


def test_an_edited_template_is_compiled_again(theme):
    environment(theme).get_template("brief.html")
    (theme / "brief.html").write_text("<h2>{{ title }}</h2>\n", encoding="utf-8")
    again = environment(theme)
    assert again.get_template("brief.html").render(title="Edited") == "<h2>Edited</h2>"
    assert again.compiled == ["brief.html"]


def test_an_environment_with_other_options_compiles_its_own(theme):
    (theme / "list.html").write_text(
        "<ul>\n  {% for x in xs %}\n<li>{{ x }}</li>\n  {% endfor %}\n</ul>", "utf-8"
    )
    plain = environment(theme)
    trimmed = environment(theme, trim_blocks=True, lstrip_blocks=True)
    assert plain.get_template("list.html").render(xs=[1]) == "<ul>\n  \n<li>1</li>\n  \n</ul>"
    assert trimmed.get_template("list.html").render(xs=[1]) == "<ul>\n<li>1</li>\n</ul>"
    assert (plain.compiled, trimmed.compiled) == (["list.html"], ["list.html"])


def test_a_folder_keeps_the_code_for_the_next_process(theme, tmp_path):
    folder = tmp_path / "cache" / compiled.FOLDER
    environment(theme, folder).get_template("brief.html")
    assert len(list(folder.iterdir())) == 1

    compiled._IN_MEMORY.clear()  # the next `make html`
    later = environment(theme, folder)
    assert later.get_template("brief.html").render(title="Kept") == "<h1>Kept</h1>"
    assert later.compiled == []

    compiled._IN_MEMORY.clear()
    for kept in folder.iterdir():
        kept.write_bytes(kept.read_bytes()[:20])  # cut off: compiled again, never an error
    cut = environment(theme, folder)
    assert cut.get_template("brief.html").render(title="Again") == "<h1>Again</h1>"
    assert cut.compiled == ["brief.html"]


def test_without_a_folder_nothing_is_written(theme, tmp_path):
    environment(theme).get_template("brief.html")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["theme"]
