"""The Makefile as a newcomer meets it: `make help` shows real values, and editing needs only the site's requirements."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from conftest import MAKE, ROOT

EDITING_TARGETS = ("brief", "import", "author", "check", "html", "serve", "devserver", "publish", "github")
DEV_TARGETS = ("test", "lint", "format", "venv")


def make(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*MAKE, *args], capture_output=True, text=True, timeout=60)


def test_help_shows_the_address_and_branch_not_variable_names():
    default = make("help")
    assert default.returncode == 0
    assert "$(" not in default.stdout
    lines = {line.split()[1]: line for line in default.stdout.splitlines()}
    assert lines["serve"].endswith("serve output/ at http://127.0.0.1:8000")
    assert "to the gh-pages branch" in lines["github"]

    chosen = make("help", "PORT=8123", "HOST=0.0.0.0", "GITHUB_BRANCH=site-pages")
    lines = {line.split()[1]: line for line in chosen.stdout.splitlines()}
    assert lines["serve"].endswith("serve output/ at http://0.0.0.0:8123")
    assert "to the site-pages branch" in lines["github"]


def installs(target: str, tmp_path: Path) -> list[str]:
    """The requirement files `make <target>` installs into a virtualenv that does not exist yet (dry run)."""
    result = make("-n", target, f"VENV={tmp_path / 'fresh-venv'}", "SRC=brief.txt")
    assert result.returncode == 0, result.stderr
    return list(
        dict.fromkeys(re.findall(r"pip install .*?-r (\S+)", result.stdout))
    )  # a sub-make repeats them


@pytest.mark.parametrize("target", EDITING_TARGETS)
def test_editing_building_and_publishing_install_only_the_sites_requirements(target, tmp_path):
    assert installs(target, tmp_path) == ["requirements.txt"]


@pytest.mark.parametrize("target", DEV_TARGETS)
def test_tests_and_tools_add_the_dev_requirements(target, tmp_path):
    assert installs(target, tmp_path) == ["requirements.txt", "requirements-dev.txt"]


def pinned(requirements: Path) -> set[str]:
    """Distribution names pinned in a requirements file (normalized), following `-r` includes."""
    names = set()
    for line in requirements.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            names |= pinned(requirements.parent / line[3:].strip())
        elif "==" in line:
            names.add(re.sub(r"[-_.]+", "-", line.split("==", 1)[0]).lower())
    return names


def third_party_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names)


def site_code() -> list[Path]:
    """What editing, building, serving and publishing run: settings, plugins, editor/ and deploy/, no tests."""
    roots = [
        ROOT / "pelicanconf.py",
        ROOT / "publishconf.py",
        ROOT / "editor",
        ROOT / "deploy",
        ROOT / "plugins",
    ]
    files = []
    for root in roots:
        candidates = [root] if root.is_file() else sorted(root.rglob("*.py"))
        files += [f for f in candidates if "tests" not in f.relative_to(ROOT).parts]
    return files


def test_the_site_code_imports_only_what_requirements_txt_pins():
    site = pinned(ROOT / "requirements.txt")
    own = {"reality_check", "pelicanconf"}  # the project's namespace (pyproject.toml), and its settings
    distributions = packages_distributions()
    missing = {}
    for path in site_code():
        for module in third_party_imports(path) - own:
            provided_by = {re.sub(r"[-_.]+", "-", d).lower() for d in distributions.get(module, [module])}
            if not provided_by & site:
                missing[f"{path.relative_to(ROOT)}: {module}"] = sorted(provided_by)
    assert missing == {}
