"""The editors' checker run as a program on whole content folders (`python -m reality_check.editor check`): its
exit status, its output on stdout and stderr, JSON. tests/test_editor_check.py holds the checks themselves, one
bad synthetic brief at a time."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import CONTENT, ROOT


def run_check(content) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reality_check.editor", "check", str(content)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_real_content_passes():
    result = run_check(CONTENT)
    assert result.returncode == 0, result.stdout
    assert "passed" in result.stdout


def test_every_problem_is_reported_in_one_run(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    briefs = content / "briefs"
    (briefs / "empty.md").write_text("\n", encoding="utf-8")
    (briefs / "latin1.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    (briefs / "broken-yaml.md").write_text("---\ntitle: x\nauthors: [Emma Ashford\n---\n", encoding="utf-8")
    (briefs / "incomplete.md").write_text(
        "---\ntitle: Synthetic\nseries_number: 4\nauthors:\n  - Emma Ashford\n  - Jane Placeholder\n---\n",
        encoding="utf-8",
    )

    result = run_check(content)

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "content/briefs/broken-yaml.md:3: the '[' opened on line 3 is never closed: end the list with ']' "
        "(YAML parser: while parsing a flow sequence on line 3; expected ',' or ']', but got '<stream end>' on line 3)",
        "content/briefs/empty.md:1: the file is empty (expected front matter and the brief's text)",
        "content/briefs/incomplete.md:1: required field 'date' is missing or empty",
        "content/briefs/incomplete.md:3: series number 4 is also used by content/briefs/reality-check-4.md:3 (the next free number is 5)",
        "content/briefs/incomplete.md:6: unknown author 'Jane Placeholder' (not listed in authors.yml)",
        "content/briefs/incomplete.md:8: no key points: add a heading '## Key points' followed by a bulleted "
        "list ('- …')",
        "content/briefs/incomplete.md:8: no recommendations: add a heading '## What is the solution?' followed by "
        "a numbered list such as '1. **Lead sentence.** Details…'",
        "content/briefs/latin1.md:2: the file is not UTF-8 text (byte 0xe9 in column 11, 'é' in Windows-1252); "
        "save it again choosing the UTF-8 "
        "encoding",
        "content/briefs/reality-check-4.md:3: series number 4 is also used by content/briefs/incomplete.md:3 (the next free number is 5)",
    ]
    # How to add the unknown author, after the count, as the command to run (the build's log only lists problems),
    # for the content folder that was checked.
    assert result.stderr.splitlines()[-2:] == [
        "9 problem(s) found; fix them and run `make check` again.",
        'An unknown author who is new to the series is added with: make author NAME="Their Name" BIO="One '
        f'sentence about them." INPUTDIR={content}',
    ]
