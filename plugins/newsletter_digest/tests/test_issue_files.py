"""Where an issue is written for its NEWSLETTER_DIGEST_URL: level 1 (the addresses), level 2 (the generator)."""

from __future__ import annotations

import copy
import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import Writer

from reality_check.plugins.newsletter_digest import DigestIssue, write_issue
from reality_check.plugins.newsletter_digest.handlers import DigestGenerator
from reality_check.plugins.newsletter_digest.settings import issue_files

DATE = datetime.date(2021, 4, 5)
SITEURL = "https://synthetic.example"


@pytest.mark.parametrize(
    ("pattern", "page", "text"),
    [
        (
            "digest/{date}/",
            ("digest/2021-04-05/", "digest/2021-04-05/index.html"),
            "digest/2021-04-05/digest.txt",
        ),
        ("digest/{date}.html", ("digest/2021-04-05.html",) * 2, "digest/2021-04-05.txt"),
        (
            "letters/{date}/index.html",
            ("letters/2021-04-05/index.html",) * 2,
            "letters/2021-04-05/digest.txt",
        ),
    ],
)
def test_an_issue_is_written_where_its_address_says_with_its_text_part_beside_it(pattern, page, text):
    files = issue_files(pattern, DATE)
    assert tuple(files.page) == page
    assert tuple(files.text) == (text, text)


@pytest.mark.parametrize(
    ("pattern", "page", "text"),
    [
        ("digest/{date}/", "digest/2021-04-05/index.html", "digest/2021-04-05/digest.txt"),
        # was written to digest/2021-04-05.html/index.html, while the e-mail's web link named .../2021-04-05.html
        ("digest/{date}.html", "digest/2021-04-05.html", "digest/2021-04-05.txt"),
    ],
)
def test_the_generator_writes_the_issue_at_the_address_its_web_link_names(tmp_path, pattern, page, text):
    content, theme, output = tmp_path / "content", tmp_path / "theme", tmp_path / "output"
    write_issue(content, DigestIssue(DATE, datetime.date(2021, 3, 1), (4,), "A SYNTHETIC issue."))
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "digest.html").write_text(
        '<p><a href="{{ web_url }}">web</a></p>\n', encoding="utf-8"
    )
    (theme / "templates" / "newsletter.html").write_text(
        '{% for issue in newsletter.issues %}<a href="/{{ issue.url }}">{{ issue.date }}</a>{% endfor %}\n',
        encoding="utf-8",
    )
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(
        PATH=str(content), SITENAME="Synthetic Notes", SITEURL=SITEURL, NEWSLETTER_DIGEST_URL=pattern
    )
    # The site's plugins, registered by an earlier test in this process, get the generator at generator_init too.
    settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"], "extensions": ["jinja2.ext.i18n"]}
    brief = SimpleNamespace(
        series_number=4, title="A synthetic brief", url="briefs/synthetic/", locale_date="5 April 2021"
    )
    generator = DigestGenerator(
        context={"articles": [brief]},
        settings=settings,
        path=str(content),
        theme=str(theme),
        output_path=str(output),
    )

    generator.generate_context()
    generator.generate_output(Writer(str(output), settings=settings))

    written = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
    assert written == sorted([page, text, "newsletter/index.html"])  # the archive, at NEWSLETTER_ARCHIVE_URL
    archived = BeautifulSoup(
        (output / "newsletter" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert archived.a["href"] == "/" + issue_files(pattern, DATE).page.url
    web_url = f"{SITEURL}/{issue_files(pattern, DATE).page.url}"
    assert BeautifulSoup((output / page).read_text(encoding="utf-8"), "html.parser").a["href"] == web_url
    assert web_url in (output / text).read_text(encoding="utf-8").split()
