"""A template is compiled once per process for its source and everything else its compiled code depends on."""

from __future__ import annotations

import functools

import pytest
from jinja2 import Environment, FileSystemLoader

from reality_check.plugins.fragment_cache import compiled
from reality_check.plugins.fragment_cache.compiled import CompiledTemplates
from reality_check.plugins.fragment_cache.handlers import compiled_templates_folder


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
    """Each test starts as a new process does: nothing compiled yet."""
    compiled._IN_MEMORY.clear()
    yield
    compiled._IN_MEMORY.clear()


def enabled(name: str, plugin_list: list[str]) -> bool:
    """A test made per build from the settings, as Pelican's own ``plugin_enabled`` is."""
    return name in plugin_list


def environment(theme, plugins=("search",), folder=None, **options) -> CountingEnvironment:
    """An environment as Pelican makes one per generator (its filters and tests added), with the plugin's cache
    (kept in `folder` too, given one)."""
    made = CountingEnvironment(loader=FileSystemLoader(str(theme)), **options)
    made.tests["plugin_enabled"] = functools.partial(enabled, plugin_list=list(plugins))
    made.bytecode_cache = CompiledTemplates(made, folder)
    return made


def new_process() -> None:
    """What a new build's process starts with: nothing compiled in memory (the folder on disk is as it was)."""
    compiled._IN_MEMORY.clear()


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


def test_a_test_jinja_works_out_while_compiling_is_never_shared_across_settings(theme):
    """Jinja evaluates `"search" is plugin_enabled` when it compiles the template: a build whose settings lack the
    plugin must not get the code of one that has it."""
    (theme / "search.html").write_text(
        '{% if "search" is plugin_enabled %}ON{% else %}OFF{% endif %}', "utf-8"
    )
    with_search = environment(theme, plugins=("search",))
    again_with_search = environment(theme, plugins=("search",))
    without = environment(theme, plugins=())
    assert with_search.get_template("search.html").render() == "ON"
    assert again_with_search.get_template("search.html").render() == "ON"
    assert without.get_template("search.html").render() == "OFF"
    assert (with_search.compiled, again_with_search.compiled, without.compiled) == (
        ["search.html"],
        [],
        ["search.html"],
    )


def test_a_filter_made_in_a_function_keeps_its_environments_templates_to_itself(theme):
    (theme / "shout.html").write_text('{{ "a"|shout }}', "utf-8")
    environments = []
    for mark in ("!", "?"):
        made = environment(theme)
        made.filters["shout"] = lambda text, mark=mark: text.upper() + mark
        environments.append(made)
    assert [made.get_template("shout.html").render() for made in environments] == ["A!", "A?"]
    assert [made.compiled for made in environments] == [["shout.html"], ["shout.html"]]


def test_a_new_process_gets_the_code_an_earlier_build_kept_on_disk(theme, tmp_path):
    folder = tmp_path / "cache" / "compiled_templates"
    first = environment(theme, folder=folder)
    assert first.get_template("brief.html").render(title="A SYNTHETIC brief") == "<h1>A SYNTHETIC brief</h1>"
    assert len(list(folder.glob("*.jinja"))) == 1
    new_process()
    later = environment(theme, folder=folder)
    assert later.get_template("brief.html").render(title="Another") == "<h1>Another</h1>"
    assert (first.compiled, later.compiled) == (["brief.html"], [])


def test_without_a_folder_nothing_is_written_and_a_new_process_compiles_again(theme, tmp_path):
    environment(theme).get_template("brief.html")
    new_process()
    again = environment(theme)
    again.get_template("brief.html")
    assert again.compiled == ["brief.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["theme"]


def test_a_template_edited_between_builds_is_compiled_again(theme, tmp_path):
    folder = tmp_path / "compiled"
    environment(theme, folder=folder).get_template("brief.html")
    (theme / "brief.html").write_text("<h2>{{ title }}</h2>\n", encoding="utf-8")
    new_process()
    again = environment(theme, folder=folder)
    assert again.get_template("brief.html").render(title="Edited") == "<h2>Edited</h2>"
    assert again.compiled == ["brief.html"]


def test_code_kept_on_disk_is_not_used_once_the_projects_code_has_changed(theme, tmp_path, monkeypatch):
    """A filter's or test's code can decide what Jinja compiles (it works some out while compiling): code on disk
    is filed under the digest of the project's loaded code, so a changed plugin compiles anew."""
    folder = tmp_path / "compiled"
    monkeypatch.setattr(compiled, "loaded_code_digest", lambda: "the code of one build")
    environment(theme, folder=folder).get_template("brief.html")
    new_process()
    monkeypatch.setattr(compiled, "loaded_code_digest", lambda: "the code after an edit to a plugin")
    changed = environment(theme, folder=folder)
    changed.get_template("brief.html")
    assert changed.compiled == ["brief.html"]


def test_an_environment_with_a_filter_known_to_this_process_only_keeps_nothing_on_disk(theme, tmp_path):
    (theme / "shout.html").write_text('{{ "a"|shout }}', "utf-8")
    made = environment(theme, folder=tmp_path / "compiled")
    made.filters["shout"] = lambda text: text.upper() + "!"
    assert made.get_template("shout.html").render() == "A!"
    assert not (tmp_path / "compiled").exists()


def test_a_damaged_file_on_disk_is_compiled_again(theme, tmp_path):
    folder = tmp_path / "compiled"
    environment(theme, folder=folder).get_template("brief.html")
    (kept,) = folder.glob("*.jinja")
    kept.write_bytes(b"not compiled code")
    new_process()
    again = environment(theme, folder=folder)
    assert again.get_template("brief.html").render(title="Whole") == "<h1>Whole</h1>"
    assert again.compiled == ["brief.html"]


@pytest.mark.parametrize(
    ("cache_content", "load_content_cache", "kept"),
    [(True, True, True), (True, False, False), (False, True, False), (False, False, False)],
)
def test_compiled_templates_are_kept_only_by_builds_that_keep_and_reuse_their_cache(
    cache_content, load_content_cache, kept, tmp_path
):
    settings = {
        "CACHE_CONTENT": cache_content,
        "LOAD_CONTENT_CACHE": load_content_cache,
        "CACHE_PATH": str(tmp_path),
    }
    expected = tmp_path / "compiled_templates" if kept else None
    assert compiled_templates_folder(settings) == expected
