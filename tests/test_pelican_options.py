"""The options the editors' commands hand Pelican (editor/build.py's `pelican_arguments`): every ``-e`` joined
into one, since Pelican keeps only the last ``-e`` it is given. Read back with Pelican's own argument parser."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest
from conftest import MAKE, ROOT
from pelican import parse_arguments

from editor.build import checks_settings, one_extra_settings, pelican_arguments
from editor.cms import with_settings


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
    (line,) = [line for line in recipe.replace("\\\n", " ").splitlines() if " -m editor.build " in line]
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
