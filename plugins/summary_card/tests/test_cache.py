"""An extraction made once in a process (by make html's checks) is the one the build then uses; a change to the
extractor's code or libraries reads every brief afresh."""

import ast
import importlib
import inspect
import shutil
import sys
from pathlib import Path

import pytest

from reality_check.plugins.summary_card import cache
from reality_check.plugins.summary_card.cache import extract_card_once, extraction_cache, extraction_key
from reality_check.plugins.summary_card.card import CardSettings, GivenCard

HTML = (
    "<h2>Key points</h2>\n<ul>\n<li>A SYNTHETIC point.</li>\n</ul>\n"
    "<h2>What is the solution?</h2>\n<ol>\n<li><strong>Do a synthetic thing.</strong> Because.</li>\n</ol>"
)


def test_the_build_finds_the_extraction_the_checks_made():
    settings, given = CardSettings(), GivenCard()
    made = extract_card_once(HTML, settings, given)
    assert [point.text for point in made.card.key_points] == ["A SYNTHETIC point."]
    assert extract_card_once(HTML, settings, given) is made

    build_cache = extraction_cache({"CACHE_CONTENT": False})  # a build without Pelican's content cache
    assert build_cache.get(extraction_key(HTML, settings, given)) is made


def test_other_settings_extract_again():
    made = extract_card_once(HTML, CardSettings(), GivenCard())
    other = extract_card_once(HTML, CardSettings(key_points_headings=("Summary",)), GivenCard())
    assert other is not made
    assert other.card.key_points == ()


def _imports(module: Path) -> tuple[set[str], set[str]]:
    """The project's modules (by their path in the plugins' folder) and the third-party packages `module`
    imports."""
    own, others = set(), set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            package = ".".join([PLUGINS_PACKAGE.rstrip("."), *module.parent.parts[-node.level :]])
            own |= _project_modules(package, node)
        elif isinstance(node, ast.ImportFrom) and node.module.startswith(PLUGINS_PACKAGE):
            own |= _project_modules(node.module, node)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            others.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            others.update(alias.name.split(".")[0] for alias in node.names)
    return own, others - set(sys.stdlib_module_names) - {"__future__"}


PLUGINS_PACKAGE = "reality_check.plugins."


def _project_modules(package: str, node: ast.ImportFrom) -> set[str]:
    """The files (by their path in the plugins' folder) of what `from <package>.<module> import <names>` runs:
    the module, or each name that is itself a module (``from reality_check.plugins.x import y``)."""
    source = ".".join(filter(None, [package if node.level else "", node.module or ""])) or package
    imported = importlib.import_module(source)
    modules = [getattr(imported, alias.name) for alias in node.names]
    files = [m.__file__ for m in modules if inspect.ismodule(m)] or [imported.__file__]
    plugins = Path(cache.__file__).parent.parent
    return {Path(file).relative_to(plugins).as_posix() for file in files}


def test_the_key_covers_every_module_and_library_the_extractor_runs():
    plugins = Path(cache.__file__).parent.parent
    seen, third_party, todo = set(), set(), ["summary_card/card.py"]
    while todo:
        name = todo.pop()
        seen.add(name)
        own, others = _imports(plugins / name)
        todo.extend(own - seen)
        third_party |= others
    assert seen == set(cache.EXTRACTOR_MODULES)
    assert {DISTRIBUTIONS.get(name, name) for name in third_party} == set(cache.LIBRARIES)


DISTRIBUTIONS = {"bs4": "beautifulsoup4"}  # import name -> the distribution whose version is hashed


@pytest.mark.parametrize("module", cache.EXTRACTOR_MODULES)
def test_a_change_to_any_extractor_module_changes_every_key(tmp_path, module):
    plugins = Path(cache.__file__).parent.parent
    for name in cache.EXTRACTOR_MODULES:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(plugins / name, tmp_path / name)
    before = cache.extractor_digest(tmp_path)
    with (tmp_path / module).open("a", encoding="utf-8") as changed:
        changed.write("\n# changed\n")
    assert cache.extractor_digest(tmp_path) != before
    assert cache.extractor_digest(plugins) == cache._CODE
