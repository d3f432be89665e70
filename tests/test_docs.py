"""The README and the guides stay true to the tree: every `make` target they name exists in the Makefile, every
repository path they name exists, and every link between them lands on a file and a heading that exist."""

from __future__ import annotations

import argparse
import functools
import os
import re
from pathlib import Path

import pytest
from conftest import ROOT

DOCS = sorted(
    [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "plugins").glob("*/README.md")],
    key=lambda p: p.relative_to(ROOT).as_posix(),
)
# Places the docs name that a build or a tool creates, not the repository: checked by the tests of what makes them.
GENERATED = (
    "output/",
    "cache/",
    "test-artifacts/",
    "node_modules/",
    ".venv/",
    ".publish-",
    "theme/assets/",
    "admin/",
)
WRITTEN_BY_THE_BUILD = {
    "cards.json",
    "robots.txt",
    "config.yml",
    "decap-cms.js",
    "newsletter/",
}  # config.yml and decap-cms.js: /admin/ (decap_admin); newsletter/: the newsletter's archive (newsletter_digest)
# The file `make brief` writes in the editors' guide's walk-through.
EXAMPLES = {"content/briefs/talk-to-moscow-about-arms-control.md", "content/briefs/reality-check-5.md"}
# A file (by its extension) or a folder (written with its trailing slash), in lower case: `CACHE_PATH/x` is a
# setting's value and `application/pdf` a media type, not paths.
FILE_NAME = re.compile(
    r"^[a-z0-9_.\-/]+\.(?:md|py|yml|yaml|toml|txt|json|html|css|js|conf|cfg|rc|sh)$|^[a-z0-9_.\-/]+/$"
)
MEDIA_TYPES = ("application/", "text/", "image/", "font/")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
SPAN = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")
MAKE = re.compile(r"\bmake ([a-z][a-z_-]*)")


def doc_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def code_of(text: str) -> list[str]:
    """The fenced blocks and the `code spans` of a Markdown text: where commands and paths are written."""
    blocks = [m.group(0) for m in FENCE.finditer(text)]
    prose = FENCE.sub("", text)
    return blocks + SPAN.findall(prose)


def makefile_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z_-]*):", makefile, re.MULTILINE))


def heading_anchors(path: Path) -> set[str]:
    """The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens."""
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    anchors = set()
    for heading in re.findall(r"^#+ (.+)$", text, re.MULTILINE):
        anchors.add(re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-"))
    return anchors


def named_paths(doc: Path) -> list[str]:
    names = []
    for code in code_of(doc.read_text(encoding="utf-8")):
        for token in code.split():
            token = token.strip("'\",;:()")
            if (
                FILE_NAME.match(token)
                and not token.startswith(("/", "http", *MEDIA_TYPES))
                and "//" not in token
            ):
                names.append(token)
    return names


@functools.cache
def repository_names() -> frozenset[str]:
    """The name of every file and folder in the repository (not in what is git-ignored)."""
    ignored = {".git", ".venv", "node_modules", "output", "cache", "test-artifacts", "__pycache__"}
    names = set()
    for _folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in ignored and not d.startswith(".publish-")]
        names.update(f"{d}/" for d in subfolders)
        names.update(files)
    return frozenset(names)


def exists_for(doc: Path, name: str, names: frozenset[str] | None = None) -> bool:
    """A path with a folder in it is named from the repository root or from the document's folder (a template or
    a stylesheet, as the theme names it, from its templates or static folder); a bare file name (`card.py`, in a sentence about its plugin) must
    be the name of something in the repository."""
    if name.startswith(GENERATED) or name in EXAMPLES:
        return True
    if "/" not in name.rstrip("/"):
        return name in WRITTEN_BY_THE_BUILD or name in (names if names is not None else repository_names())
    return any(
        base.joinpath(name).exists()
        for base in (ROOT, doc.parent, ROOT / "theme" / "templates", ROOT / "theme" / "static")
    )


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_every_make_target_named_exists(doc):
    targets = makefile_targets()
    named = {t for code in code_of(doc.read_text(encoding="utf-8")) for t in MAKE.findall(code)}
    assert named - targets == set(), f"{doc_id(doc)} names make targets the Makefile lacks"


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_every_path_named_exists(doc):
    names = repository_names()
    missing = sorted({name for name in named_paths(doc) if not exists_for(doc, name, names)})
    assert missing == [], f"{doc_id(doc)} names paths that do not exist"


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_every_link_lands(doc):
    problems = []
    for target in LINK.findall(SPAN.sub("", FENCE.sub("", doc.read_text(encoding="utf-8")))):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file_part, _, anchor = target.partition("#")
        linked = (doc.parent / file_part).resolve() if file_part else doc
        if not linked.exists():
            problems.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in heading_anchors(linked):
            problems.append(f"{target}: no heading with that anchor")
    assert problems == [], doc_id(doc)


def test_the_checks_see_what_they_check():
    """The checks above are not vacuous: they find the README's commands, paths and links."""
    readme = ROOT / "README.md"
    named = {t for code in code_of(readme.read_text(encoding="utf-8")) for t in MAKE.findall(code)}
    assert {"serve", "test", "check", "publish"} <= named
    assert "pelicanconf.py" in named_paths(readme)
    assert "docs/editing.md" in LINK.findall(readme.read_text(encoding="utf-8"))
    assert not exists_for(readme, "plugins/no_such_plugin/")
    assert not exists_for(readme, "no_such_module.py")
    assert "add-a-new-brief" in heading_anchors(ROOT / "docs" / "editing.md")


def test_the_editors_commands_are_named_as_the_program_knows_them():
    """The README's map and the editor package's docstring list the subcommands of `python -m
    reality_check.editor`, each with the `make` target that runs it, in the same order."""
    from reality_check import editor
    from reality_check.editor.cli import _parser

    (commands,) = (action for action in _parser()._actions if isinstance(action, argparse._SubParsersAction))
    known = set(commands.choices)
    readme = re.search(r"`python -m reality_check\.editor` ([a-z, -]+) \(", (ROOT / "README.md").read_text())
    docstring = re.search(r"<command>`` \(([^)]*)\)", editor.__doc__)
    assert readme, "README.md's map names the editor's commands"
    assert docstring, "editor/__init__.py's docstring names its commands"
    in_readme = readme.group(1).split(", ")
    in_docstring = re.findall(r"``([a-z-]+)``", docstring.group(1))
    assert sorted(in_readme) == sorted(known)
    assert in_docstring == in_readme
