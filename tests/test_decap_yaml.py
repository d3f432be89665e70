"""The browser editor's first save changes nothing: our files are already in the form Decap CMS writes.

Decap's serializer (the `yaml` and `gray-matter` packages decap-cms-core depends on, from node_modules) re-saves
each file in `tests/decap/resave.js`; the text must come back byte for byte. The same holds for what `make brief`,
`make import` and `make author` write, and for tricky titles (quotes, colons, long lines) written by
`editor.decap_yaml`.
"""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT, SEED

from reality_check.editor import decap_yaml
from reality_check.editor.authors import appended, new_person
from reality_check.editor.importer import parse_seed
from reality_check.editor.scaffold import BriefRequest, brief_text
from reality_check.editor.settings import load_settings
from reality_check.plugins.brief_registry import load_registry
from reality_check.plugins.brief_registry.registry import REGISTRY_FILES
from reality_check.plugins.summary_card.card import CardSettings

RESAVE = ROOT / "tests" / "decap" / "resave.js"
BRIEF_KEYS = (
    "title", "series_number", "date", "authors", "topics", "regions",
    "key_points", "recommendations", "responses",
)  # fmt: skip
PAGE_KEYS = ("title", "slug", "nav_title", "summary")


@pytest.fixture(scope="module")
def resave():
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "decap-cms-core").is_dir():
        from quality.tools import MissingTool, require

        require(
            MissingTool(
                "Node.js with node_modules/decap-cms-core", "apt-get install nodejs npm; make node-tools"
            )
        )

    def run(keys: tuple[str, ...], *files: Path) -> dict[Path, str]:
        done = subprocess.run(
            [node, str(RESAVE), ",".join(keys), *map(str, files)], capture_output=True, text=True, check=True
        )
        return {Path(name): text for name, text in json.loads(done.stdout).items()}

    return run


def test_reality_check_4_is_already_in_decap_form(resave):
    brief = CONTENT / "briefs" / "reality-check-4.md"
    assert resave(BRIEF_KEYS, brief)[brief] == brief.read_text(encoding="utf-8")


def test_pages_are_already_in_decap_form(resave):
    pages = sorted((CONTENT / "pages").glob("*.md"))
    saved = resave(PAGE_KEYS, *pages)
    for page in pages:
        assert saved[page] == page.read_text(encoding="utf-8"), page


def test_registries_are_already_in_decap_form(resave):
    files = [CONTENT / registry.filename for registry in REGISTRY_FILES.values()]
    saved = resave((), *files)
    for path in files:
        assert saved[path] == path.read_text(encoding="utf-8"), path


def test_make_brief_writes_decap_form(resave, tmp_path):
    request = BriefRequest(
        "Synthetic: talk to “Moscow” about arms control, sanctions and what Europe's allies expect of it",
        ("Emma Ashford", "Mathew Burrows"),
        regions=("Russia",),
    )
    brief = tmp_path / "new.md"
    brief.write_text(brief_text(request, 12, datetime.date(2099, 1, 7), CardSettings()), encoding="utf-8")
    assert resave(BRIEF_KEYS, brief)[brief] == brief.read_text(encoding="utf-8")


def test_make_import_writes_decap_form_identical_to_the_published_brief(resave, tmp_path):
    settings = load_settings(ROOT / "pelicanconf.py")
    imported = parse_seed(SEED.read_text(encoding="utf-8"), str(SEED), load_registry(CONTENT), settings)
    brief = tmp_path / "imported.md"
    brief.write_text(imported.markdown(), encoding="utf-8")
    assert resave(BRIEF_KEYS, brief)[brief] == brief.read_text(encoding="utf-8")


def test_make_author_keeps_the_registry_in_decap_form(resave, tmp_path):
    registry = tmp_path / "authors.yml"
    text = (CONTENT / "authors.yml").read_text(encoding="utf-8")
    person = new_person(
        "Quentin Sample", "An invented author whose bio is long enough to be folded. " * 3, "q"
    )
    registry.write_text(appended(text, person), encoding="utf-8")
    assert resave((), registry)[registry] == registry.read_text(encoding="utf-8")
    assert yaml.safe_load(registry.read_text(encoding="utf-8"))["authors"][-1]["name"] == "Quentin Sample"


TRICKY = [
    "Plain",
    "Talk to Moscow: about arms control",
    'Quote "this" and: that',
    "It's 'quoted' \"both\" ways",
    "Europe’s ‘new’ order — and “curly” quotes",
    "A very long title that goes on and on about arms control, sanctions and the future of Europe's order",
    "A title with a colon: and then a long continuation that needs folding somewhere around the end here",
    'A "double" quoted title that is long enough to need folding at the eightieth column of the line, too',
    "x" * 120,
    "true",
    "42",
    "1e5",
    "null",
    "- dash first",
    "# hash first",
    "ends with a colon:",
    "What? A question",
    "ünïcödé words " * 8,
]


def test_tricky_strings_are_written_as_decap_writes_them(resave, tmp_path):
    files = []
    for number, text in enumerate(TRICKY, start=1):
        front = {
            "title": text,
            "series_number": number,
            "date": "2099-01-07",
            "authors": ["Emma Ashford", text],
            "topics": [],
            "key_points": [text, "Short."],
            "recommendations": [{"title": text, "text": f"{text} and more"}],
        }
        path = tmp_path / f"{number}.md"
        path.write_text(decap_yaml.front_matter(front) + "\nBody.\n", encoding="utf-8")
        read = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        assert read == {**front, "date": datetime.date(2099, 1, 7)}  # PyYAML, like Pelican, reads the date
        files.append(path)
    saved = resave(BRIEF_KEYS, *files)
    for path in files:
        assert saved[path] == path.read_text(encoding="utf-8"), path.read_text(encoding="utf-8")
