"""Under CI=true every skip is a failure; elsewhere a skip stays a skip. Checked on a small synthetic suite."""

from __future__ import annotations

import pytest
from conftest import ROOT

SUITE = {
    "test_skips": """
        import pytest

        def test_passes():
            pass

        def test_skips_in_its_body():
            pytest.skip("Frobnicator not found: install it with `apt-get install frobnicator`")

        @pytest.mark.skipif(True, reason="not on this machine")
        def test_skipped_by_a_mark():
            pass

        @pytest.fixture
        def tool():
            pytest.skip("no tool for the fixture")

        def test_skipped_by_its_fixture(tool):
            pass

        @pytest.mark.xfail(reason="a known bug", strict=True)
        def test_expected_to_fail():
            assert False
    """,
    "test_module_skip": """
        import pytest

        pytest.skip("this whole module needs a browser", allow_module_level=True)

        def test_never_collected():
            pass
    """,
}


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    """The synthetic suite with a copy of the project's conftest.py, run in this process (runpytest_inprocess):
    the conftest reads CI when each report is made, so monkeypatch.setenv is seen, and a run costs 0.05 s where a
    fresh Python in a subprocess cost over a second."""
    pytester.makeconftest((ROOT / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(**SUITE)
    return pytester


@pytest.mark.parametrize("ci", ["true", "TRUE", "1", "yes"])
def test_under_ci_every_kind_of_skip_fails_with_its_reason(
    ci: str, suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", ci)
    result = suite.runpytest_inprocess("-p", "no:cacheprovider", "-rA", "test_skips.py")
    result.assert_outcomes(
        passed=1, failed=1, errors=2, xfailed=1, skipped=0
    )  # skips before the body: errors
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = result.stdout.str()
    for reason in (
        "Frobnicator not found: install it with `apt-get install frobnicator`",
        "not on this machine",
        "no tool for the fixture",
    ):
        assert f"CI=true, where a skip is a failure: {reason}" in output


def test_under_ci_a_module_that_skips_is_a_collection_error(
    suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    result = suite.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    assert result.ret == pytest.ExitCode.INTERRUPTED  # pytest stops before running anything: loud, not silent
    assert "CI=true, where a skip is a failure: this whole module needs a browser" in result.stdout.str()


@pytest.mark.parametrize("ci", ["", "false", "0"])
def test_outside_ci_a_skip_stays_a_skip(
    ci: str, suite: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", ci)
    result = suite.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, skipped=4, xfailed=1)
    assert result.ret == pytest.ExitCode.OK
