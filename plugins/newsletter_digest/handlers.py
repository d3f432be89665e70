"""Pelican wiring: render every recorded digest issue to output/digest/<date>/ (index.html, digest.txt), or where
NEWSLETTER_DIGEST_URL says (settings.issue_files), and the newsletter's archive page listing them
(NEWSLETTER_ARCHIVE_URL), which every page's footer links with the sign-up address (the context's ``newsletter``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from reality_check.plugins.brief_metadata.record import publisher_name
from reality_check.plugins.brief_registry.addresses import absolute_url, links_resolved, save_as
from reality_check.plugins.brief_registry.briefs import numbered, series_name
from reality_check.plugins.brief_registry.problems import log_extra
from reality_check.plugins.plugin_support.files import write_if_changed

from .email import inline_css
from .issues import ArchivedIssue, DigestIssue, DigestRecordError, archive, read_issues, unpublished_briefs
from .settings import issue_files, set_defaults, setting
from .text import WORDS, DigestEntry, DigestText, linked_text, plain_text, publisher_line

logger = logging.getLogger(__name__)

TEMPLATE = "digest"
ARCHIVE_TEMPLATE = "newsletter"  # theme/templates/newsletter.html


@dataclass(frozen=True)
class Newsletter:
    """What the theme shows of the newsletter: its archive page and the issues it lists (none when no issue is
    written or the site has no archive page) and where to subscribe (NEWSLETTER_SIGNUP_URL, when set)."""

    url: str
    save_as: str
    signup_url: str | None
    issues: tuple[ArchivedIssue, ...]


def entry(article, series: str, siteurl: str) -> DigestEntry:
    """One brief as the text part shows it (the HTML part renders the same article with the theme's macros)."""
    card = getattr(article, "summary_card", None)
    url = absolute_url(siteurl, article.url)
    return DigestEntry(
        label=numbered(series, article.series_number),
        title=str(article.title),
        url=url,
        date=str(article.locale_date),
        authors=tuple(str(author) for author in getattr(article, "authors", ()) or ()),
        key_points=tuple(linked_text(point.html, url) for point in card.key_points) if card else (),
        recommendations=tuple(f"{rec.number}. {rec.title}" for rec in card.recommendations) if card else (),
    )


class DigestGenerator(Generator):
    """Writes each issue recorded in content/digests/ as an e-mail (HTML, inlined CSS) and its text part, and the
    archive page listing the issues."""

    def generate_context(self) -> None:
        """Read the records once, and give every page's footer the newsletter (before any page is written)."""
        try:
            self.issues, self.problems = read_issues(Path(self.settings["PATH"])), ()
        except DigestRecordError as error:  # each record that cannot be read is said; the others are written
            self.issues, self.problems = error.readable, error.problems
        # Published briefs only, deliberately: an issue lists what a reader finds on the site.
        self.by_number = {a.series_number: a for a in self.context.get("articles", ())}
        series = series_name(self.settings)
        pattern = setting(self.settings, "NEWSLETTER_DIGEST_URL")
        listed = archive(
            self.issues,
            {issue.date: issue_files(pattern, issue.date).page.url for issue in self.issues},
            {number: f"{numbered(series, number)}: {a.title}" for number, a in self.by_number.items()},
        )
        url = setting(self.settings, "NEWSLETTER_ARCHIVE_URL") or ""
        listed = listed if url else ()  # no archive page (NEWSLETTER_ARCHIVE_URL = None) lists none
        signup = setting(self.settings, "NEWSLETTER_SIGNUP_URL") or None
        self.context["newsletter"] = (
            Newsletter(url, save_as(url) if url else "", signup, listed) if listed or signup else None
        )

    def generate_output(self, writer) -> None:
        for problem in self.problems:
            logger.error("%s", problem, extra=log_extra(problem))
        if not self.issues:
            return
        siteurl = self.settings.get("SITEURL", "")
        series = series_name(self.settings)
        template = self.get_template(TEMPLATE)
        pattern = setting(self.settings, "NEWSLETTER_DIGEST_URL")
        for issue in self.issues:
            missing = unpublished_briefs(issue, self.by_number)
            if missing:
                for problem in missing:
                    logger.error("%s", problem, extra=log_extra(problem))
                continue
            self._write(issue, [self.by_number[n] for n in issue.briefs], template, pattern, siteurl, series)
        newsletter = self.context["newsletter"]
        if newsletter is not None and newsletter.issues:
            writer.write_file(
                newsletter.save_as,
                self.get_template(ARCHIVE_TEMPLATE),
                self.context,
                template_name=ARCHIVE_TEMPLATE,
                url=newsletter.url,
                page_name=newsletter.url,
            )

    def _write(
        self, issue: DigestIssue, briefs: list, template, pattern: str, siteurl: str, series: str
    ) -> None:
        files = issue_files(pattern, issue.date)
        output = Path(self.output_path)
        issue_date = issue.date.strftime(self.settings.get("DEFAULT_DATE_FORMAT", "%Y-%m-%d"))
        subject = f"{self.settings['SITENAME']} digest, {issue_date}"
        titles = "; ".join(f"#{a.series_number} {a.title}" for a in briefs)
        preheader = issue.intro.split("\n")[0] if issue.intro else f"New briefs: {titles}"
        footer = publisher_line(self.settings["SITENAME"], publisher_name(self.settings))
        web_url = absolute_url(siteurl, files.page.url)
        html = template.render(
            **self.context,
            issue=issue,
            briefs=briefs,
            issue_date=issue_date,
            subject=subject,
            preheader=preheader,
            footer=footer,
            web_url=web_url,
            words=WORDS,
        )
        # A mail client has no page to resolve a link against: a key point's '/pages/naei/' would lead nowhere.
        html = links_resolved(html, web_url)
        write_if_changed(output / files.page.save_as, inline_css(html).encode("utf-8"))
        entries = tuple(entry(a, series, siteurl) for a in briefs)
        text = plain_text(
            DigestText(
                heading=f"{subject}: {WORDS.new_briefs(len(briefs))}",
                web_url=web_url,
                intro=issue.intro,
                entries=entries,
                footer=(*footer, f"{self.settings['SITENAME']}: {siteurl}/"),
            )
        )
        write_if_changed(output / files.text.save_as, text.encode("utf-8"))
        logger.info("Writing digest %s (%d briefs)", output / files.page.save_as, len(briefs))


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican the digest generator."""
    return DigestGenerator


def register() -> None:
    """Connect the digest generator."""
    signals.initialized.connect(set_defaults)
    signals.get_generators.connect(get_generators)
