"""The quality gates as plain functions: each takes a site (files, a URL or a browser page) and returns its problems.

The tests call the same functions on the real site (expecting nothing) and on deliberately broken pages
(expecting each gate to object), so a gate that stops seeing problems is noticed.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Error, Page, Request

from .tools import VNU_JAR

HERE = Path(__file__).resolve().parent
LINKCHECKER_CONFIG = HERE / "linkcheckerrc"
# axe-core rule tags for WCAG 2.1 levels A and AA (2.0 rules are tagged wcag2a/wcag2aa and still apply).
WCAG_21_AA_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
LOCAL_HOSTS = frozenset({"127.0.0.1"})


# --- Valid HTML: the Nu HTML Checker -------------------------------------------------------------------------


@dataclass(frozen=True)
class HtmlProblem:
    """One error the Nu HTML Checker found, where it found it."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line or '?'}: {self.message}"

    def relative_to(self, root: Path) -> HtmlProblem:
        """The same problem with its path relative to `root` (unchanged when the file is not under `root`)."""
        path = Path(self.path)
        return (
            replace(self, path=str(path.relative_to(root.resolve())))
            if path.is_relative_to(root.resolve())
            else self
        )


# A run checks a few dozen files: Java's quick compiler alone (C1) halves the checker's processor time against the
# default two compilers, and its schema needs a thread stack of at least 512k (vnu.jar says so when it overflows).
VNU_JAVA_OPTIONS = ("-Xss2m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def validate_html(files: Sequence[Path], *, java: str = "java") -> tuple[HtmlProblem, ...]:
    """Run vnu.jar over `files` (HTML, and CSS or SVG too); return its errors, each with its file's full path
    (`problems_in` picks one test's files out of a run and shortens their paths).

    Warnings and info messages are not errors and do not count. Stylesheets get a run of their own: with
    `--also-check-css` vnu 26.9 reports HTML errors one line too early.
    """
    if not files:
        raise ValueError("validate_html needs at least one file (got none)")
    stylesheets = [file for file in files if file.suffix == ".css"]
    documents = [file for file in files if file.suffix != ".css"]
    messages = [
        *(_run_vnu(java, ["--also-check-svg"], documents) if documents else []),
        *(_run_vnu(java, ["--css"], stylesheets) if stylesheets else []),
    ]
    problems = []
    for message in messages:
        if message.get("type") == "info":
            continue  # "info" includes warnings (subType "warning"); only errors fail the gate
        path = unquote(urlsplit(message.get("url", "")).path)
        problems.append(HtmlProblem(path, message.get("lastLine"), message.get("message", "")))
    return tuple(problems)


def problems_in(
    problems: Iterable[HtmlProblem], files: Iterable[Path], root: Path
) -> tuple[HtmlProblem, ...]:
    """The problems of one `validate_html` run that are in `files`, each path made relative to `root`: one Java
    start checks the files of several tests, and each test reads its own share."""
    wanted = {str(file.resolve()) for file in files}
    return tuple(problem.relative_to(root) for problem in problems if problem.path in wanted)


def _run_vnu(java: str, options: list[str], files: Sequence[Path]) -> list[dict]:
    """vnu.jar's JSON messages for `files`."""
    result = subprocess.run(
        [
            java,
            *VNU_JAVA_OPTIONS,
            "-jar",
            str(VNU_JAR),
            *options,
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
        ]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    try:
        return json.loads(result.stdout).get("messages", [])
    except json.JSONDecodeError as error:
        raise RuntimeError(
            f"the Nu HTML Checker printed no JSON report ({error}); stderr: {result.stderr}"
        ) from error


# --- No broken links: LinkChecker ------------------------------------------------------------------------------


def _csv_records(output: str) -> list[str]:
    """LinkChecker's CSV from its header on, without its "# ..." comment lines (a URL "#top" is not a comment)."""
    lines = output.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith("urlname;")), len(lines))
    return [line for line in lines[start:] if not line.startswith("# ")]


@dataclass(frozen=True)
class LinkReport:
    """What LinkChecker did: every URL it checked, and the ones that are broken (anchors: see anchors.py)."""

    checked: frozenset[str]
    problems: tuple[str, ...]


def check_links(start_urls: Iterable[str]) -> LinkReport:
    """Crawl from `start_urls` with LinkChecker (external links not fetched; anchors are anchors.py's job)."""
    command = [
        sys.executable,
        "-m",
        "linkcheck",
        "--config",
        str(LINKCHECKER_CONFIG),
        "--no-status",
        "--verbose",
        "--output",
        "csv",
        "--recursion-level",
        "-1",
        *start_urls,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    rows = csv.DictReader(_csv_records(result.stdout), delimiter=";")
    checked, problems = set(), []
    for row in rows:
        checked.add(row["url"])
        if row["valid"] != "True" or row["warningstring"]:
            where = f"{row['parentname']}:{row['line']}" if row["parentname"] else "(start URL)"
            detail = "; ".join(filter(None, (row["result"], row["warningstring"])))
            problems.append(f"{where}: link to {row['urlname']!r}: {detail}")
    if result.returncode not in (0, 1) or not checked:
        raise RuntimeError(f"LinkChecker failed (exit {result.returncode}): {result.stderr.strip()}")
    return LinkReport(frozenset(checked), tuple(problems))


# --- Accessibility: axe-core -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AxeViolation:
    """One axe-core rule a page breaks, with the elements that break it."""

    url: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.url}: {self.rule} ({self.impact}): {self.help} at {', '.join(self.targets)}"


def audit_accessibility(page: Page) -> tuple[AxeViolation, ...]:
    """Run axe-core's WCAG 2.1 A/AA rules on the page as it is now (its current viewport and colour scheme).

    axe is injected once per loaded document: a page audited again (in another viewport or colour scheme) reuses
    it, which halves the cost of each further audit.
    """
    from axe_playwright_python.base import AXE_SCRIPT  # imported late: it loads axe.min.js from disk

    if not page.evaluate("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        page.evaluate(AXE_SCRIPT)
    response = page.evaluate(
        "options => axe.run(document, options)",
        # Only violations come back in full: passes and the rest would be serialised node by node for nothing.
        {"runOnly": {"type": "tag", "values": list(WCAG_21_AA_TAGS)}, "resultTypes": ["violations"]},
    )
    path = urlsplit(page.url).path
    return tuple(
        AxeViolation(
            path,
            violation["id"],
            violation.get("impact") or "?",
            violation["help"],
            tuple(" ".join(map(str, node["target"])) for node in violation["nodes"]),
        )
        for violation in response["violations"]
    )


# --- What the browser saw: console errors and requests ---------------------------------------------------------


@dataclass
class BrowserLog:
    """Everything a browser context asked for and complained about while a test used it."""

    requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """What a reader could notice or a privacy policy forbids: errors, and requests leaving 127.0.0.1."""
        return [
            *(f"console error: {text}" for text in self.console_errors),
            *(f"uncaught exception: {text}" for text in self.page_errors),
            *(f"request to a host other than 127.0.0.1 (blocked): {url}" for url in self.foreign_requests),
        ]


def leaves_the_machine(url: str) -> bool:
    """Whether a request for `url` goes to a host other than 127.0.0.1: a ``data:`` URL goes nowhere, and a
    ``blob:`` URL names memory of the page whose origin it carries (``blob:http://127.0.0.1:8000/…``)."""
    scheme, _, rest = url.partition(":")
    if scheme == "data":
        return False
    return urlsplit(rest if scheme == "blob" else url).hostname not in LOCAL_HOSTS


def watch(context: BrowserContext, log_of: Callable[[Page], BrowserLog] | None = None) -> BrowserLog:
    """Record every request and error of `context`; a request to another host is recorded as foreign (the test
    browser's proxy refuses it, so it is never sent: tests/conftest.py, `browser`).

    Everything goes to the log returned, or, given `log_of`, to the log `log_of(page)` names for the page it came
    from (a context shared by tests gives each test's pages a log of their own)."""
    log = BrowserLog()
    find = log_of or (lambda page: log)

    def log_of_request(request: Request) -> BrowserLog:
        try:
            return find(request.frame.page)
        except Error:  # a request of no page (a worker's): the context's own log
            return log

    def on_request(request: Request) -> None:
        url = request.url
        target = log_of_request(request)
        target.requests.append(url)
        if leaves_the_machine(url):
            target.foreign_requests.append(url)

    def on_page(page: Page) -> None:
        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                where = message.location.get("url", "")
                find(page).console_errors.append(f"{message.text} ({where})" if where else message.text)

        page.on("console", on_console)
        page.on("pageerror", lambda error: find(page).page_errors.append(str(error)))

    context.on("request", on_request)
    context.on("page", on_page)
    return log
