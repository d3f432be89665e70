"""Helpers for the publishing tests: run the publish pipeline, fingerprint folders, read `_headers` files."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import MAKE, ROOT

SITEURL = "https://briefs.example.test"  # the address the test publishes are built for


def publish_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "SITEURL": SITEURL, "COLUMNS": "300", **extra}


def run_publish(content: Path, output: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`python -m reality_check.deploy.publish`, as `make publish` runs it, on any content and output folder."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "reality_check.deploy.publish",
            "--content",
            str(content),
            "--output",
            str(output),
            *args,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=publish_env(**env),
    )


def run_make(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MAKE, *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=publish_env(**env),
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path -> SHA-256 of its bytes), to compare folders exactly."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@dataclass(frozen=True)
class HeaderRule:
    """One block of a Netlify / Cloudflare Pages `_headers` file."""

    pattern: str
    headers: tuple[tuple[str, str], ...]
    detached: tuple[str, ...] = ()  # `! Name` lines: Cloudflare Pages drops what earlier rules attached

    def matches(self, url_path: str) -> bool:
        """`*` matches anything (at the end), `:name` one path segment, as both hosts document."""
        parts = re.split(r"(\*|:[A-Za-z_]\w*)", self.pattern)
        regex = "".join(
            ".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part) for part in parts
        )
        return re.fullmatch(regex, url_path) is not None


def parse_headers_file(text: str) -> tuple[HeaderRule, ...]:
    """Parse `_headers` the way both hosts document it: a path line, then indented `Name: value` lines."""
    rules: list[HeaderRule] = []
    pattern: str | None = None
    headers: list[tuple[str, str]] = []
    detached: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            if pattern is not None:
                rules.append(HeaderRule(pattern, tuple(headers), tuple(detached)))
            assert line.startswith("/"), f"_headers:{number}: a rule must start with a path (got {line!r})"
            pattern, headers, detached = line.strip(), [], []
        elif line.strip().startswith("!"):  # Cloudflare's detach line; Netlify skips a line without a colon
            name = line.strip().removeprefix("!").strip()
            assert re.fullmatch(r"[A-Za-z0-9-]+", name), f"_headers:{number}: not '! Name' ({line!r})"
            assert not headers, f"_headers:{number}: '! {name}' must come before the rule's own headers"
            detached.append(name)
        else:
            name, sep, value = line.strip().partition(":")
            assert pattern is not None, f"_headers:{number}: a header before any path"
            assert all((sep, name.strip(), value.strip())), f"_headers:{number}: not 'Name: value' ({line!r})"
            headers.append((name.strip(), value.strip()))
    if pattern is not None:
        rules.append(HeaderRule(pattern, tuple(headers), tuple(detached)))
    return tuple(rules)


def headers_for(rules: tuple[HeaderRule, ...], url_path: str) -> dict[str, str]:
    """The headers both hosts send for `url_path`.

    A header set by two matching rules is an error here unless the later rule first detaches it (`! Name`):
    Netlify sends the later value and ignores that line, Cloudflare Pages joins the two values without it
    (two policies, both enforced), so only a detached header means the same on both."""
    found: dict[str, str] = {}
    for rule in rules:
        if rule.matches(url_path):
            for name in rule.detached:
                found.pop(name.lower(), None)
            for name, value in rule.headers:
                assert name.lower() not in found, (
                    f"{name} set by two rules matching {url_path} without '! {name}' in the later one"
                )
                found[name.lower()] = value
    return found


def csp_directives(policy: str) -> dict[str, list[str]]:
    """A Content-Security-Policy as {directive: [sources]}."""
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        if part.strip():
            name, *sources = part.split()
            directives[name.lower()] = sources
    return directives
