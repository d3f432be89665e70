"""Rules for the whole test run (tests/ and plugins/*/tests): the project must be installed in the virtualenv,
under CI=true every skip is a failure, and no test depends on the warnings an earlier test logged.

A check that skips can never fail. On a laptop a skip stays a skip, listed with its one-line reason at the end of
the run (pytest -ra); under CI, which installs every tool the suite needs (.ci/run), it fails the run instead.
xfail is not a skip and keeps its meaning (xfail_strict is on in pyproject.toml).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from pelican.log import LimitFilter

pytest_plugins = ("pytester",)  # tests/test_ci_policy.py runs pytest on small synthetic suites


def in_ci() -> bool:
    """True when running under CI (CI=true, 1 or yes), where every check must run."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _fail_if_skipped_in_ci(report: pytest.TestReport | pytest.CollectReport) -> None:
    if not (report.skipped and in_ci()) or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = f"CI=true, where a skip is a failure: {reason.removeprefix('Skipped: ')}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport:
    report = yield
    _fail_if_skipped_in_ci(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> pytest.CollectReport:
    report = yield
    _fail_if_skipped_in_ci(report)
    return report


@pytest.fixture(autouse=True)
def _pelican_forgets_the_warnings_it_logged() -> None:
    """Every test sees each warning its own builds log, whatever ran before it.

    Pelican's LimitFilter drops a warning already logged once in this process (its memory is class-level), so a
    test building a brief that an earlier test built saw no warning: pass or fail depended on test order.
    """
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


@pytest.fixture(autouse=True)
def _each_test_renders_and_extracts_afresh() -> None:
    """No test finds a body rendered or a card extracted by an earlier test in the same process (`make html`
    remembers them between its checks and its build): counts of parsing and rendering do not depend on order."""
    from reality_check.plugins.brief_registry.rendering import forget_rendered
    from reality_check.plugins.summary_card.cache import forget_extractions

    forget_rendered()
    forget_extractions()


def pytest_configure(config: pytest.Config) -> None:
    """Stop at once, saying how to fix it, when this virtualenv lacks the project's packages (pyproject.toml).

    The Makefile's bootstrap installs them; a .venv made before they were packages, or whose pyproject.toml
    changed since, would otherwise fail in every Pelican build with "Cannot load plugin".
    """
    here = Path(__file__).resolve().parent / "plugins" / "summary_card"
    if not here.is_dir():
        return  # this file copied into another suite (tests/test_ci_policy.py): nothing of ours to find
    spec = importlib.util.find_spec("reality_check.plugins.summary_card")
    if spec is None or spec.origin is None or Path(spec.origin).resolve().parent != here:
        pytest.exit(
            "the project's packages are not installed in this virtualenv (or point at another checkout): "
            "run `make venv` (it installs pyproject.toml's packages in editable mode), then run the tests again",
            returncode=4,
        )
