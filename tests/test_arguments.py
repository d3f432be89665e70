"""A content folder that is not there is named, with the fix, by every command that reads one
(brief_registry/arguments.py);
it was a traceback from Pelican's settings, or a report that every registry was missing."""

from __future__ import annotations

import pytest

from reality_check.deploy import publish
from reality_check.editor import build, cli


@pytest.mark.parametrize(
    ("main", "argv"),
    [
        (cli.main, ["check", "{missing}"]),
        (cli.main, ["new", "--content", "{missing}", "--title", "T", "--authors", "A"]),
        (build.main, ["--content", "{missing}"]),
        (publish.main, ["--content", "{missing}"]),
        (cli.main, ["digest", "--content", "{missing}", "--since", "2021-01-01"]),
    ],
    ids=["make check", "make brief", "make html", "make publish", "make digest"],
)
def test_a_missing_content_folder_is_named_with_the_fix(main, argv, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where each command's default output folder would be
    missing = tmp_path / "contnet"
    with pytest.raises(SystemExit) as stop:
        main([arg.format(missing=missing) for arg in argv])
    assert stop.value.code == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.endswith(
        f": there is no folder {missing} to read briefs from; give the content folder (make: INPUTDIR=path)"
    ), last
    assert not (tmp_path / "output").exists()
