"""Level 2: real Pelican runs over small fixture folders: what the build logs about a brief (a missing section, an
unknown name, a reused number), naming the file and line, and that the real content logs nothing.
(tests/test_card_problems.py compares every card problem's wording with `make check`'s.)"""

from __future__ import annotations

import logging
import shutil

from bs4 import BeautifulSoup
from conftest import FIXTURES, build_site, build_site_logged, copy_content

NO_KEY_POINTS = FIXTURES / "briefs" / "synthetic-no-key-points.md"


def test_brief_without_key_points_warns_naming_file_and_heading(tmp_path, caplog):
    content = tmp_path / "content"
    (content / "briefs").mkdir(parents=True)
    shutil.copy(NO_KEY_POINTS, content / "briefs")

    with caplog.at_level(logging.WARNING, logger="reality_check.plugins.summary_card"):
        build_site(content, tmp_path / "output")

    # A warning: the preview builds, and `make publish` (Pelican's --fatal warnings) stops on it, as
    # tests/test_publish.py shows through the real command.
    messages = [
        (r.levelno, r.getMessage())
        for r in caplog.records
        if r.name.startswith("reality_check.plugins.summary_card")
    ]
    assert messages == [
        (
            logging.WARNING,
            "content/briefs/synthetic-no-key-points.md:12: no key points: add a heading '## Key points' followed "
            "by a bulleted list ('- …')",
        )
    ]
    # The brief is still published; its card shows what there is (the recommendation) and no empty list.
    page = BeautifulSoup(
        (
            tmp_path / "output" / "briefs" / "synthetic-test-brief-without-key-points" / "index.html"
        ).read_text(),
        "html.parser",
    )
    card = page.find("section", class_="summary-card")
    assert card.find("ul", class_="key-points") is None
    assert [li.strong.get_text() for li in card.select("ol.recommendations > li")] == [
        "Write a key points section."
    ]


def test_a_logged_build_keeps_its_warnings_even_when_an_earlier_build_logged_them(tmp_path):
    """`site.logged` is not empty by construction: the same helper keeps a build's warnings, repeats included."""
    content = tmp_path / "content"
    (content / "briefs").mkdir(parents=True)
    shutil.copy(NO_KEY_POINTS, content / "briefs")
    first = build_site_logged(content, tmp_path / "one")
    again = build_site_logged(content, tmp_path / "two")
    assert any("synthetic-no-key-points.md:12: no key points" in message for message in first.logged)
    assert again.logged == first.logged


def test_real_content_builds_without_warnings(site):
    """The session's build of the real content logged no warning and no error, so `--fatal warnings` (which
    `make publish` uses) passes on it; the shared build is asked rather than a build of its own."""
    assert site.logged == ()


def test_unknown_names_and_reused_number_are_errors_naming_file_and_line(tmp_path, caplog):
    content = copy_content(tmp_path / "content", FIXTURES / "briefs" / "synthetic-unknown-author.md")
    with caplog.at_level(logging.ERROR, logger="reality_check.plugins.brief_registry"):
        build_site(content, tmp_path / "output")
    # Errors: `--fatal errors` (make html's Pelican options) stops on each, as tests/test_build_up_to_date.py shows
    # through the real command (a registry error, the checks skipped).
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [
        "content/briefs/synthetic-unknown-author.md:7: unknown author 'Jane Placeholder' (not listed in authors.yml)",
        "content/briefs/synthetic-unknown-author.md:11: unknown region 'Atlantis' (not listed in regions.yml)",
        "content/briefs/reality-check-4.md:3: series number 4 is also used by "
        "content/briefs/synthetic-unknown-author.md:3 (the next free number is 5)",
        "content/briefs/synthetic-unknown-author.md:3: series number 4 is also used by "
        "content/briefs/reality-check-4.md:3 (the next free number is 5)",
    ]
