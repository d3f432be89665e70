"""The options the editors' commands hand Pelican (editor/build.py's `pelican_arguments`): every ``-e`` joined
into one, since Pelican keeps only the last ``-e`` it is given. Read back with Pelican's own argument parser."""

from __future__ import annotations

import json
import logging
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MAKE, ROOT
from pelican import parse_arguments
from pelican.log import FatalLogger, LimitFilter

from reality_check.editor import build
from reality_check.editor.build import checks_settings, one_extra_settings, pelican_arguments
from reality_check.editor.cms import with_settings

BUILD = (sys.executable, "-m", "reality_check.editor.build", "--content", str(ROOT / "content"))


@pytest.fixture
def build_here(monkeypatch, capsys):
    """`python -m reality_check.editor.build ARGS`, in this process, from the project folder: its exit code and
    what it wrote to the terminal (stdout, stderr). Pelican's main sets how fatal a log record is on its logger
    class, for the whole process: put back after the test."""
    monkeypatch.setattr(FatalLogger, "fatal_lvl", FatalLogger.fatal_lvl)
    if hasattr(FatalLogger, "warnings_fatal"):
        monkeypatch.setattr(FatalLogger, "warnings_fatal", FatalLogger.warnings_fatal)
    monkeypatch.setattr(LimitFilter, "LOGS_DEDUP_MIN_LEVEL", LimitFilter.LOGS_DEDUP_MIN_LEVEL)
    monkeypatch.chdir(ROOT)

    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = build.main(["--content", str(ROOT / "content"), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def overrides_of(options: list[str]) -> dict:
    """The extra settings Pelican reads from the command line the editors' commands build with `options`."""
    return parse_arguments(
        pelican_arguments(Path("content"), Path("out"), Path("pelicanconf.py"), options)
    ).overrides


def test_pelican_itself_keeps_only_the_last_e():
    """Why the options are joined: without it the first group is lost."""
    argv = ["content", "-e", "PDF_EDITION=true", "-e", "DEFAULT_PAGINATION=5"]
    assert parse_arguments(argv).overrides == {"DEFAULT_PAGINATION": 5}


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], {}),
        (["--fatal", "errors"], {}),
        (["-e", "A=1"], {"A": 1}),
        (
            ["--fatal", "errors", "-e", "PDF_EDITION=true", "-e", "DEFAULT_PAGINATION=5"],
            {"PDF_EDITION": True, "DEFAULT_PAGINATION": 5},
        ),
        (
            ["-e", "A=1", "B=2", "-D", "--extra-settings", "C=3", "--extra-settings=D=4"],
            {"A": 1, "B": 2, "C": 3, "D": 4},
        ),
        (["-e", "A=1", "-e", "A=2"], {"A": 2}),  # a later value of a name wins, as it would in one -e
    ],
    ids=["none", "no -e", "one -e", "two groups", "every spelling", "later wins"],
)
def test_every_extra_setting_reaches_pelican(options, expected):
    assert overrides_of(options) == expected


def test_other_options_keep_their_values_and_order():
    assert one_extra_settings(["--fatal", "errors", "-e", "A=1", "-D", "--ignore-cache"]) == [
        "--fatal",
        "errors",
        "-D",
        "--ignore-cache",
        "-e",
        "A=1",
    ]
    assert (
        parse_arguments(["content", *one_extra_settings(["-e", "A=1", "--fatal", "errors"])]).fatal
        == "errors"
    )


def test_the_browser_editors_settings_give_way_to_the_editors_own():
    options = with_settings(
        ["-e", 'CACHE_PATH="/c"', 'DECAP_SITE_URL="http://mine"', "-D"], {"A": True, "DECAP_SITE_URL": "x"}
    )
    assert overrides_of(options) == {"A": True, "DECAP_SITE_URL": "http://mine", "CACHE_PATH": "/c"}


def test_make_html_pdf_1_keeps_the_pdfs_beside_pelicanopts():
    """`make html PDF=1 PELICANOPTS="-e …"` built without the PDFs, silently, when the two -e reached Pelican."""
    command = [
        *MAKE,
        "-n",
        "html",
        "PDF=1",
        "PELICANOPTS=-e DEFAULT_PAGINATION=5",
    ]
    recipe = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout
    (line,) = [
        line for line in recipe.replace("\\\n", " ").splitlines() if " -m reality_check.editor.build " in line
    ]
    options = shlex.split(line.partition(" -- ")[2])
    assert overrides_of(options) == {"PDF_EDITION": True, "DEFAULT_PAGINATION": 5}


def test_the_checks_run_with_the_builds_own_settings_options_included():
    """`make devserver PELICANOPTS="-e …"` checked the cards with pelicanconf.py's headings while it built them with
    the option's: problems the build did not have."""
    argv = pelican_arguments(
        ROOT / "content",
        Path("out"),
        ROOT / "pelicanconf.py",
        ["-e", 'SUMMARY_CARD_KEY_POINTS_HEADINGS=["At a glance"]'],
    )
    assert checks_settings(argv).card.key_points_headings == ("At a glance",)
    plain = pelican_arguments(ROOT / "content", Path("out"), ROOT / "pelicanconf.py", [])
    assert "At a glance" not in checks_settings(plain).card.key_points_headings


@pytest.mark.parametrize(
    ("option", "pelicans_words"),
    [
        ("BROKEN", "Extra settings must be specified as KEY=VALUE pairs but you specified BROKEN"),
        ("SHARE_IMAGE_WORKERS=two", "Invalid JSON value: two."),
    ],
)
def test_an_option_pelican_cannot_read_is_one_message_naming_pelicanopts(
    option, pelicans_words, tmp_path, build_here
):
    """It was the traceback of Pelican's argument parser, from `make html`, `make devserver` and `make publish`."""
    code, _, stderr = build_here("--output", str(tmp_path / "out"), "--", "-e", option)

    assert code == 2
    assert stderr.startswith(f"error: PELICANOPTS: {pelicans_words}")
    assert "PELICANOPTS='-e DEFAULT_PAGINATION=5'" in stderr
    assert "Traceback" not in stderr
    assert not (tmp_path / "out").exists()


SETTING_ERRORS = {
    "SHARE_IMAGE_WORKERS=-3": (
        "SHARE_IMAGE_WORKERS must be a whole number, at least 0, not -3 (set it in pelicanconf.py"
    ),
    'DEFAULT_LANG="xx"': (  # was Babel's UnknownLocaleError, half-way through the build
        "DEFAULT_LANG must name languages by their codes, such as 'en', 'fr' or 'pt-BR' ('xx' is not one)"
    ),
    'BRIEF_TRANSLATION_LANGUAGES=["ru", "russian"]': (
        "BRIEF_TRANSLATION_LANGUAGES must name languages by their codes, such as 'en', 'fr' or 'pt-BR' "
        "('russian' is not one)"
    ),
}


def test_a_setting_a_plugin_cannot_use_is_its_message_without_a_traceback_in_the_terminal(tmp_path):
    """The whole command, in its own process, so what reaches the terminal is what Pelican's log handler wrote."""
    option = 'DEFAULT_LANG="xx"'
    result = subprocess.run(
        [*BUILD, "--no-check", "--output", str(tmp_path / "out"), "--", "-e", option],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "400"},
    )
    said = " ".join((result.stdout + result.stderr).split())

    assert result.returncode == 1
    assert SETTING_ERRORS[option] in said
    assert "Traceback" not in said


@pytest.mark.parametrize("option", [option for option in SETTING_ERRORS if option != 'DEFAULT_LANG="xx"'])
def test_a_setting_a_plugin_cannot_use_is_its_message_without_a_traceback(
    tmp_path, option, build_here, caplog
):
    """In this process the log records reach pytest's handlers, not the terminal: the message is logged, and no
    record carries a traceback for Pelican's handler to print (the subprocess test above shows the terminal)."""
    code, out, err = build_here("--no-check", "--output", str(tmp_path / "out"), "--", "-e", option)
    said = " ".join(" ".join([out, err, *caplog.messages]).split())

    assert code == 1
    assert SETTING_ERRORS[option] in said
    assert "Traceback" not in said
    assert not [record for record in caplog.records if record.exc_info or record.exc_text]


def test_a_language_code_written_with_a_region_builds(tmp_path, build_here):
    """The check of DEFAULT_LANG first refused 'en-US' (Pelican lower-cases it: 'en-us'), which builds."""
    code, out, err = build_here(
        "--no-check", "--output", str(tmp_path / "out"), "--", "-e", 'DEFAULT_LANG="en-US"'
    )

    assert code == 0, out + err
    assert '<html lang="en-us"' in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_a_build_stopped_by_a_fatal_warning_says_so_after_it_without_a_traceback(
    tmp_path, build_here, caplog
):
    """`--fatal warnings` (make publish) stopped at a warning with some 30 lines of traceback through Pelican's
    logger, and "RuntimeError: Warning or error encountered": the warning, then one line saying it stopped."""
    missing = json.dumps([str(tmp_path / "synthetic-missing-font.ttf")])
    code, _, _ = build_here(
        "--no-check", "--output", str(tmp_path / "out"), "--settings", "publishconf.py", "--",
        "--fatal", "warnings", "-e", "PDF_EDITION=true", f"PDF_EDITION_FONTS={missing}",
    )  # fmt: skip

    assert code == 1
    stops = [record for record in caplog.records if record.levelno >= logging.CRITICAL]
    assert [record.getMessage() for record in stops] == [
        "the build stopped at the message above (this build treats it as fatal)"
    ]
    assert not [record for record in caplog.records if record.exc_info or record.exc_text]
    assert any("synthetic-missing-font.ttf not found" in message for message in caplog.messages)
