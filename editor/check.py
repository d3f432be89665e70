"""Validate every brief without building the site, reporting every problem as ``path:line: message``.

The checks are the ones the build relies on (front matter, registries, series numbers, the summary card's two
sections, unsafe HTML, ``responses:``, the newsletter digest's records) plus what only an editor's draft gets wrong (required fields, the date's
form, template placeholders, broken ``{filename}`` links, two briefs at one address: ``CheckCode``). Each message
names the line to edit; each problem has a code (see docs/development.md).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import html
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reality_check.plugins.brief_registry import (
    BriefFileError,
    FrontMatter,
    Numbered,
    Problem,
    Registry,
    RegistryError,
    check_references,
    check_series_numbers,
    display_path,
    load_registry,
    read_brief,
    read_front_matter,
)
from reality_check.plugins.brief_registry.body import body_problems
from reality_check.plugins.brief_registry.briefs import (
    BRIEFS_DIR,
    MARKDOWN_EXTENSIONS,
    PAGES_DIR,
    files_not_read,
    markdown_files,
    markdown_outside,
)
from reality_check.plugins.brief_registry.dates import brief_date, not_a_date
from reality_check.plugins.brief_registry.frontmatter import read_brief_text
from reality_check.plugins.brief_registry.images import (
    IMAGES_FOLDER,
    link_out_of_folder_problem,
    links_out_of_folder,
)
from reality_check.plugins.brief_registry.links import SourceLink, filename_links, linked_file
from reality_check.plugins.brief_registry.markdown_source import content_lines
from reality_check.plugins.brief_registry.nearmiss import closest
from reality_check.plugins.brief_registry.new_brief import PLACEHOLDER, next_free_number, placeholders
from reality_check.plugins.brief_registry.problems import as_given, with_display_paths
from reality_check.plugins.brief_registry.rendering import RENDERED
from reality_check.plugins.brief_registry.rules import (
    KNOWN_STATUSES,
    NOT_A_BRIEF_FIELD,
    REQUIRED_FIELDS,
    RuleCode,
    address_line,
    address_problem,
    as_list,
    brief_status,
    is_published_original,
    is_series_number,
    missing_field,
    unknown_field,
)
from reality_check.plugins.brief_relations.relations import (
    ListedResponse,
    listed_responses,
    resolve_responses,
)
from reality_check.plugins.brief_translations.interface import catalogs_folder, readable_catalogs
from reality_check.plugins.newsletter_digest.issues import (
    DIGESTS_FOLDER,
    DigestRecordError,
    read_issues,
    unpublished_briefs,
)
from reality_check.plugins.plugin_support.plain_text import markup_in
from reality_check.plugins.share_image.fonts import missing_glyphs
from reality_check.plugins.summary_card.cache import EXTRACTED, extract_card_once
from reality_check.plugins.summary_card.card import brief_card
from reality_check.plugins.summary_card.source import find_heading, headings, located_problems

from .authors import make_author_command
from .check_cache import CheckCache, run_fingerprint
from .parallel import map_sharing
from .settings import EditorSettings, load_settings


class CheckCode(StrEnum):
    """The problems only `make check` finds: Pelican reports these in its own words, or not at all."""

    REQUIRED_FIELD_MISSING = "required-field-missing"
    DATE_FORMAT = "date-format"  # not written YYYY-MM-DD
    FUTURE_DATE = "future-date"  # a warning, not a problem: the next build publishes it
    PLACEHOLDER_LEFT = "placeholder-left"  # "[FILL IN: …]" from the template
    LINK_TO_NO_FILE = "link-to-no-file"  # a {filename} link to a file that is not there
    LINK_TO_UNPUBLISHED = (
        "link-to-unpublished"  # a published brief's {filename} link to a draft (or skipped) brief
    )
    SLUG_REUSED = "slug-reused"  # two briefs at one address
    FIELD_NOT_TEXT = "field-not-text"  # title: [a, list]
    STATUS_UNKNOWN = "status-unknown"  # status: publish
    FIELD_NOT_ALLOWED = "field-not-allowed"  # save_as:, url:, template: (Pelican's, the site's to decide)
    FIELD_UNKNOWN = (
        "field-unknown"  # topic: (for topics), draft: true (for status: draft): left out without a word
    )
    TITLE_MARKUP = "title-markup"  # title: The <em>realist</em> case &amp; more (shown as typed)
    TITLE_NUMBERED = (
        "title-numbered"  # title: "Reality Check #5: …" (the site puts the label before it again)
    )
    FILE_NOT_READ = "file-not-read"  # BRIEF.MD, brief.md.txt, a web page saved among the briefs
    # A warning: an emoji in a title or the first key point, drawn as an empty box in the share image.
    SHARE_IMAGE_GLYPHS = "share-image-glyphs"
    # A warning: a translation whose original has none of its authors (its series_number is likely another's).
    TRANSLATION_AUTHORS_DIFFER = "translation-authors-differ"


@dataclass(frozen=True)
class LinkedFile:
    """A brief's ``{filename}`` link to a file that is there: its line, the target as written, and the file (the
    path as messages show it)."""

    line: int
    target: str
    file: str


@dataclass(frozen=True)
class BriefAddress:
    """Where a brief will be published: its slug, and the front-matter line it comes from."""

    path: str
    line: int
    slug: str


@dataclass(frozen=True)
class BriefReport:
    """What checking one brief found, and what the series-wide checks need from it."""

    problems: tuple[Problem, ...] = ()
    number: Numbered | None = None
    address: BriefAddress | None = None
    warnings: tuple[Problem, ...] = ()
    path: str = ""
    responses: tuple[ListedResponse, ...] = ()  # each `responses:` entry with its line
    # A published original (brief_registry.rules.is_published_original): other briefs may respond to it, a
    # digest list it.
    published_original: bool = True
    status: str = "published"  # as the front matter gives it, in lower case
    links: tuple[LinkedFile, ...] = ()  # its {filename} links to files that are there
    authors: tuple[str, ...] = ()


def without_broken_links(report: BriefReport) -> bool:
    """Whether a brief's report may be kept for the next run: a broken link's hint depends on the other briefs'
    titles and slugs, which the cache's key does not cover (editor/check_cache.py)."""
    return not any(problem.code == CheckCode.LINK_TO_NO_FILE for problem in report.problems)


@dataclass(frozen=True)
class Review:
    """What `make check` found: problems (the build refuses them) and warnings (worth knowing, not wrong)."""

    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    def records(self) -> list[dict[str, object]]:
        """Every problem and warning as data, in file and line order: ``make check``'s machine-readable output."""
        found = [(p, "error") for p in self.problems] + [(w, "warning") for w in self.warnings]
        return [
            {"path": p.path, "line": p.line, "code": str(p.code), "message": p.message, "severity": severity}
            for p, severity in sorted(found, key=lambda pair: (pair[0].path, pair[0].line))
        ]


def check_content(content: Path, settings: EditorSettings | None = None) -> list[Problem]:
    """Every problem with the registries and the briefs under `content`, in file and line order."""
    return list(review_content(content, settings).problems)


def review_content(
    content: Path, settings: EditorSettings | None = None, today: datetime.date | None = None
) -> Review:
    """Every problem and warning about the registries and the briefs under `content`, in file and line order.

    `today` (default: the computer's date) is what a brief's date is compared with.
    """
    today = today or datetime.date.today()
    content = Path(content)
    settings = settings or load_settings()
    shown = str(content)
    problems: list[Problem] = []
    registry: Registry | None
    try:
        registry = load_registry(content)
    except RegistryError as error:
        problems.extend(with_display_paths(error.problems, shown))
        registry = None  # names cannot be checked against a registry that does not load

    reports = _brief_reports(content, registry, settings, today)
    for report in reports:
        problems.extend(report.problems)
    problems.extend(_across_briefs(reports, content, settings))
    problems.extend(
        link_out_of_folder_problem(link, content)
        for link in links_out_of_folder(content, settings.ignore_files)
    )
    problems.extend(check_files_not_read(content, settings.ignore_files))
    problems.extend(check_catalogs(settings, shown))
    pages = [
        check_page(path, display_path(str(path), shown), content, settings)
        for path in markdown_files(content, PAGES_DIR, settings.ignore_files)
    ]
    for page_problems, _ in pages:
        problems.extend(page_problems)
    problems.extend(check_slugs(address for _, address in pages if address is not None))  # pages: /<slug>/
    problems.extend(
        check_site_pages(
            [address for _, address in pages if address is not None],
            settings,
            newsletter=any((content / DIGESTS_FOLDER).glob("*.yml")),
        )
    )
    warnings = [
        *(w for r in reports for w in r.warnings),
        *translations_by_others(reports, settings.default_lang),
    ]
    return Review(tuple(sorted(problems)), tuple(sorted(warnings)))


def _brief_reports(
    content: Path, registry: Registry | None, settings: EditorSettings, today: datetime.date
) -> list[BriefReport]:
    """Each brief's report: from the check cache when nothing it depends on changed, else checked now."""
    shown = str(content)
    cache = CheckCache(settings.cache_path, run_fingerprint(content, settings, today))

    def check(path: Path) -> BriefReport:
        return check_brief(path, display_path(str(path), shown), content, registry, settings, today)

    # The briefs not checked before are checked on every core; the bodies and cards they render and extract are
    # kept in this process for the build that follows (`make html`).
    reports = cache.reports(
        markdown_files(content, ignored=settings.ignore_files),
        lambda todo: map_sharing(check, todo, (RENDERED, EXTRACTED)),
        keep=without_broken_links,
    )
    cache.save()
    return reports


def _across_briefs(
    reports: Sequence[BriefReport], content: Path, settings: EditorSettings
) -> Iterator[Problem]:
    """What no brief shows alone: series numbers and addresses taken twice, responses and digests naming briefs."""
    yield from check_series_numbers(
        (r.number for r in reports if r.number is not None),
        settings.default_lang,
        settings.languages,
        functools.partial(next_free_number, content),  # the one make brief picks, as the build says
    )
    yield from check_slugs(r.address for r in reports if r.address is not None)
    yield from check_responses(reports)
    yield from check_links_to_unpublished(reports)
    yield from check_digests(content, reports)


# What a file left out of content/briefs/ or content/pages/ most likely is, by its extension, and what to do.
# A web page: Word's "Save as web page", a browser's "Save as".
_WEB_PAGES = frozenset({"html", "htm", "xhtml", "mht", "mhtml"})
_DOCUMENTS = frozenset({"docx", "doc", "odt", "rtf", "pages", "wpd", "gdoc"})
_PICTURES = frozenset({"png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "heic", "tif", "tiff", "bmp"})


def left_out(name: str, folder: str) -> str:
    """Why the build leaves out the file `name` of `folder` (``briefs`` or ``pages``), and what to do: the
    message of a ``file-not-read`` problem."""
    stem, _, extension = name.rpartition(".")
    kind = extension.lower()
    if stem and kind in MARKDOWN_EXTENSIONS:
        return f"the site reads files ending in '.{kind}' (in lower case), so it leaves this one out: rename it {stem}.{kind}"
    base, _, inner = stem.rpartition(".")
    if (
        kind == "txt" and base and inner.lower() in MARKDOWN_EXTENSIONS
    ):  # brief.md.txt: Notepad's "Save as" added its own
        return (
            f"the name ends in '.{extension}' after '.{inner}' (a program added it on saving), so the site leaves "
            f"this file out: rename it {base}.{inner.lower()}"
        )
    if kind in _PICTURES:
        return (
            f"an image, which the site publishes only from content/{IMAGES_FOLDER}/: move it there and show it with "
            f"![what it shows](/{IMAGES_FOLDER}/{name})"
        )
    if not stem:
        what = "a file with no extension"
    elif kind in _WEB_PAGES:
        what = 'a web page (as Word\'s "Save as web page" or a browser saves one)'
    elif kind in _DOCUMENTS:
        what = f"a word-processor document ('.{extension}')"
    elif kind == "txt":
        what = "a plain-text file"
    else:
        what = f"a '.{extension}' file"
    said = f"{what}, which the site leaves out ({folder} are Markdown files ending in '.md')"
    if not stem:
        return f"{said}: if it is written in Markdown, rename it {name}.md; if not, move it out of content/{folder}/"
    if kind not in _WEB_PAGES | _DOCUMENTS | {"txt"}:
        return f"{said}: move it out of content/{folder}/"
    if folder != BRIEFS_DIR:
        return f"{said}: write its text in Markdown as content/{folder}/{stem}.md, then delete this file"
    if kind == "txt":
        return f"{said}: move it out of content/{folder}/, then make import SRC=<where you put it> makes a brief of it"
    return (
        f"{said}: save its text as a plain-text file outside content/, then make import SRC=<that file> makes a "
        "brief of it; delete this file"
    )


def check_files_not_read(content: Path, ignored: Iterable[str]) -> list[Problem]:
    """The files of content/briefs/ and content/pages/ the build would leave out without a word: ``BRIEF.MD``
    (as some Windows programs save it), ``brief.md.txt`` (Notepad), a web page or a document saved there; and a
    Markdown file anywhere else in the content folder (a brief saved one folder too high)."""
    shown = str(content)
    outside = (
        f"a Markdown file outside content/{BRIEFS_DIR}/ and content/{PAGES_DIR}/, which the site leaves out: move "
        f"it into content/{BRIEFS_DIR}/ if it is a brief, or into content/{PAGES_DIR}/ if it is a page"
    )
    return [
        *(
            Problem(
                display_path(str(path), shown), 1, left_out(path.name, folder), code=CheckCode.FILE_NOT_READ
            )
            for folder in (BRIEFS_DIR, PAGES_DIR)
            for path in files_not_read(content, folder, ignored)
        ),
        *(
            Problem(display_path(str(path), shown), 1, outside, code=CheckCode.FILE_NOT_READ)
            for path in markdown_outside(content, ignored)
        ),
    ]


def check_catalogs(settings: EditorSettings, content: str) -> list[Problem]:
    """The theme's message catalogs that do not compile, as the build reports them (brief_translations)."""
    if settings.theme is None:
        return []
    _, problems = readable_catalogs(catalogs_folder(settings.theme), settings.languages)
    return with_display_paths(problems, content)


def check_page(
    path: Path, shown: str, content: Path, settings: EditorSettings
) -> tuple[list[Problem], BriefAddress | None]:
    """A page (``content/pages/``) is read by the same reader as a brief: its front matter and body must pass it,
    its title and status be ones the build can use; with its address (two pages at one are reported together)."""
    try:
        front = read_brief(path, shown)
    except BriefFileError as error:  # a page that cannot be read (a link to nothing) is named too
        return list(error.problems), None
    address = brief_address(shown, front, path, settings)
    unusable = check_address(shown, front, address)  # 'slug: About Us' was published at /about us/
    problems = [
        *check_required(shown, front, PAGE_REQUIRED_FIELDS),
        *check_values(shown, front, brief=False),
        *unusable,
        *body_problems(settings.render(front.body), front, shown, path, content),
    ]
    return problems, None if unusable else address


def check_brief(
    path: Path,
    shown: str,
    content: Path,
    registry: Registry | None,
    settings: EditorSettings,
    today: datetime.date | None = None,
) -> BriefReport:
    """Check one brief on its own; `shown` is the path printed in messages, `today` what its date is compared
    with (default: the computer's date)."""
    try:
        text = read_brief_text(path, shown)
        front = read_front_matter(text, shown)
    except BriefFileError as error:
        return BriefReport(error.problems)

    problems = [
        *check_required(shown, front),
        *check_date(shown, front),
        *check_date(shown, front, "modified"),
        *check_values(shown, front),
        *check_title_label(shown, front, settings.series),
    ]
    if registry is not None:
        problems.extend(check_references(shown, front, registry))
    rendered = settings.render(front.body)
    problems.extend(body_problems(rendered, front, shown, path, content))
    problems.extend(check_card(shown, front, rendered, settings))
    problems.extend(check_links(shown, front, path, content, settings))
    links = linked_files(front, path, content)
    problems.extend(check_placeholders(shown, text))
    warnings = (
        *future_date(shown, front, today or datetime.date.today()),
        *share_image_glyphs(shown, front, rendered, settings),
    )
    address = brief_address(shown, front, path, settings)
    unusable = check_address(shown, front, address)
    problems.extend(unusable)
    return BriefReport(
        problems=tuple(problems),
        number=Numbered.of(shown, front),
        address=None if unusable else address,  # an unusable address is not also reported as used twice
        warnings=warnings,
        path=shown,
        responses=listed_responses(front),
        published_original=is_published_original(front.data, settings.default_lang),
        status=str(front.data.get("status") or "published").strip().lower(),
        links=links,
        authors=tuple(as_list(front.data.get("authors"))),
    )


def check_placeholders(path: str, text: str) -> list[Problem]:
    """Text from the brief template (``make brief``) still to be replaced, at each line that holds some."""
    return [
        Problem(
            path,
            line,
            f"text from the template is still to be written (replace the '{PLACEHOLDER}: …]')",
            code=CheckCode.PLACEHOLDER_LEFT,
        )
        for line in placeholders(text)
    ]


def published_numbers(reports: list[BriefReport]) -> dict[int, str]:
    """The series numbers of the published originals, each with its file: what responses and digests may name
    (the build resolves them among Pelican's articles, where a translation stands only beside its original)."""
    return {
        r.number.number: r.path
        for r in reports
        if r.number is not None and r.published_original and is_series_number(r.number.number)
    }


def check_responses(reports: list[BriefReport]) -> list[Problem]:
    """Every ``responses:`` entry must name a published brief's series number, as the build resolves them."""
    by_number = published_numbers(reports)
    problems = []
    for report in reports:
        own = report.number.number if report.number is not None else None
        problems.extend(resolve_responses(report.path, report.responses, by_number, own).problems)
    return problems


# The statuses Pelican publishes no page for (the settings write no drafts): a link to such a brief leads nowhere.
UNPUBLISHED = ("draft", "skip")


def check_links_to_unpublished(reports: Sequence[BriefReport]) -> list[Problem]:
    """A brief the site publishes must not link to one it does not: Pelican gives the link a draft's address,
    which the site never writes, so the live page would link to nothing."""
    status = {report.path: report.status for report in reports if report.path}
    problems = []
    for report in reports:
        if report.status in UNPUBLISHED:
            continue
        for link in report.links:
            linked = status.get(link.file)
            if linked in UNPUBLISHED:
                said = (
                    f"link to '{{filename}}{link.target}' leads to a brief whose status is '{linked}', which the "
                    "site does not publish, so the link would lead nowhere: publish that brief first, or remove "
                    "the link until it is"
                )
                problems.append(Problem(report.path, link.line, said, code=CheckCode.LINK_TO_UNPUBLISHED))
    return problems


def translations_by_others(reports: Sequence[BriefReport], default_lang: str) -> list[Problem]:
    """Warnings for a translation whose original (the brief of its number in `default_lang`) has none of its
    authors: a translation given another brief's series_number attached itself to that brief without a word."""
    originals = {
        r.number.number: r
        for r in reports
        if r.number is not None and str(r.number.lang or default_lang) == default_lang and r.authors
    }
    warnings = []
    for report in reports:
        numbered = report.number
        if numbered is None or str(numbered.lang or default_lang) == default_lang or not report.authors:
            continue
        original = originals.get(numbered.number)
        if original is None or set(original.authors) & set(report.authors):
            continue
        said = (
            f"this translation (lang: {numbered.lang}) has series number {numbered.number}, whose original, "
            f"{original.path}, is by {' and '.join(original.authors)}, none of its own authors: check that "
            f"{numbered.number} is the number of the brief it translates"
        )
        warnings.append(Problem(report.path, numbered.line, said, code=CheckCode.TRANSLATION_AUTHORS_DIFFER))
    return warnings


def check_digests(content: Path, reports: list[BriefReport]) -> list[Problem]:
    """Every digest record (content/digests/) must read, and list only published briefs, as the build renders them."""
    try:
        issues = read_issues(content)
    except DigestRecordError as error:
        return list(error.problems)
    published = set(published_numbers(reports))
    return [problem for issue in issues for problem in unpublished_briefs(issue, published)]


# What a page needs: Pelican skips a page with no title, and says so only in its own words.
PAGE_REQUIRED_FIELDS = ("title",)


def check_required(path: str, front: FrontMatter, fields: tuple[str, ...] = REQUIRED_FIELDS) -> list[Problem]:
    """Required fields (a brief's, unless `fields` says otherwise) must be present and not empty (white space is
    empty); a near-miss key (``author:``) is named."""
    problems = []
    for field in fields:
        value = front.data.get(field)
        if (value.strip() if isinstance(value, str) else value) not in (
            None,
            "",
            [],
        ) or field == "series_number":
            continue  # a missing series number is reported with the series' rules, by the build as well
        line, message = missing_field(field, front)
        problems.append(Problem(path, line, message, code=CheckCode.REQUIRED_FIELD_MISSING))
    return problems


def check_date(path: str, front: FrontMatter, field: str = "date") -> list[Problem]:
    """The date (or `field`: ``modified``) must be a real calendar date, written YYYY-MM-DD (a time may follow)."""
    value = front.data.get(field)
    if value in (None, "") or brief_date(value) is not None:
        return []  # a missing date is reported as a required field; `modified` may be left out
    return [Problem(path, front.line_of(field), not_a_date(field, value), code=CheckCode.DATE_FORMAT)]


def title_markup(found: str) -> str:
    """The message for a title holding `found`, an HTML tag or a character reference."""
    shown_as = "the title is plain text: the page, search, feeds, citations and the PDF show"
    if found.startswith("&"):
        return f"{shown_as} '{found}' as typed; write the character itself ('{html.unescape(found)}')"
    return f"{shown_as} '{found}' as typed; remove the tag (a title takes no HTML)"


def check_values(path: str, front: FrontMatter, brief: bool = True) -> list[Problem]:
    """Values the build cannot use: a title that is not text or holds HTML, a status Pelican does not know, and
    Pelican's own keys for where and how a page is written (in a `brief`, or else a page)."""
    problems = []
    title = front.data.get("title")
    if title is not None and not isinstance(title, str):
        message = (
            f"the title must be one line of text (got {as_given(title)}): write it after 'title: ', in quotes if "
            "it holds a ':'"
        )
        problems.append(Problem(path, front.line_of("title"), message, code=CheckCode.FIELD_NOT_TEXT))
    elif title is not None and (markup := markup_in(title)):
        problems.append(
            Problem(path, front.line_of("title"), title_markup(markup), code=CheckCode.TITLE_MARKUP)
        )
    if "status" in front.data and brief_status(front.data) not in KNOWN_STATUSES:
        message = (
            f"status '{front.data['status']}' is not one the site knows: write {', '.join(KNOWN_STATUSES[:-1])} "
            f"or {KNOWN_STATUSES[-1]} (or leave the line out to publish the brief)"
        )
        problems.append(Problem(path, front.line_of("status"), message, code=CheckCode.STATUS_UNKNOWN))
    kind = (
        "brief" if brief else "page"
    )  # a page's save_as: replaced the home page; its template: crashed the build
    for key, why in NOT_A_BRIEF_FIELD.items():
        if key in front.data:
            message = f"'{key}:' is not a field a {kind} may have: {why.format(kind=kind)}; remove the line"
            problems.append(Problem(path, front.line_of(key), message, code=CheckCode.FIELD_NOT_ALLOWED))
    strays = [key for key in front.data if brief and unknown_field(str(key)) is not None]
    # A stray key that stands for a missing required field (author: for authors) is said with that field.
    said = {
        near[0]
        for field in REQUIRED_FIELDS
        if field not in front.data
        for near in [closest(field, strays)]
        if near
    }
    for key in strays:
        if key not in said:
            message = unknown_field(str(key))
            problems.append(Problem(path, front.line_of(key), message, code=CheckCode.FIELD_UNKNOWN))
    return problems


def check_title_label(path: str, front: FrontMatter, series: str) -> list[Problem]:
    """A title that starts with the brief's label ("Reality Check #5: …") is shown after the label the site puts
    before every title: "Reality Check #5: Reality Check #5: …", on its page, its card and its PDF."""
    title = front.data.get("title")
    found = title_label(title, series) if isinstance(title, str) else None
    if found is None:
        return []
    message = f"{found.said}, title: {found.rest}"
    return [Problem(path, front.line_of("title"), message, code=CheckCode.TITLE_NUMBERED)]


@dataclass(frozen=True)
class TitleLabel:
    """The label a title starts with ("Reality Check #5:"), and the title after it."""

    label: str
    rest: str

    @property
    def said(self) -> str:
        return f"the title starts with '{self.label}', which the site puts before every title already: write the title alone"


def title_label(title: str, series: str) -> TitleLabel | None:
    """The label the site puts before every title, when `title` starts with it ("Reality Check #5: …"); None
    otherwise, and for a title that is the label alone."""
    found = (
        re.match(rf"\s*{re.escape(series)}\s*#\s*\d+\s*[:.–—-]?\s*", title, re.IGNORECASE) if series else None
    )
    if found is None or not title[found.end() :].strip():
        return None
    return TitleLabel(found.group(0).strip(), title[found.end() :].strip())


def share_image_glyphs(
    path: str, front: FrontMatter, rendered: str, settings: EditorSettings
) -> list[Problem]:
    """The characters of the title and of the first key point (`rendered` is the body as HTML) that the share
    image's fonts cannot draw (an emoji, Chinese characters, with the default DejaVu Sans): warnings, since the
    brief is published all the same, with an empty box in its image for each."""
    fonts = settings.share_image_fonts
    found = []
    title = front.data.get("title")
    if isinstance(title, str) and (missing := missing_glyphs(title, fonts.bold)):
        message = unshareable("the title's", missing, "the title")
        found.append(Problem(path, front.line_of("title"), message, code=CheckCode.SHARE_IMAGE_GLYPHS))
    card_settings = settings.card_for(front.data.get("lang"))
    extraction, _ = brief_card(front.data, rendered, card_settings, extract_card_once)
    if missing := missing_glyphs(extraction.card.first_key_point, fonts.regular):
        if isinstance(front.data.get("key_points"), list):
            line = front.line_of("key_points", 0)
        else:
            heading = find_heading(
                headings(front.body, front.body_line, settings.render), card_settings.key_points_headings
            )
            line = heading.line if heading else front.body_line
        message = unshareable("the first key point's", missing, "that key point")
        found.append(Problem(path, line, message, code=CheckCode.SHARE_IMAGE_GLYPHS))
    return found


def unshareable(whose: str, missing: Sequence[str], what: str) -> str:
    """The warning for characters `missing` from the share image's font, in `whose` text ("the title's")."""
    named = ", ".join(f"'{c}' (U+{ord(c):04X})" if len(c) == 1 else f"'{c}'" for c in missing)
    return (
        f"{whose} {named} cannot be shown in the picture used when the brief is shared: an empty box would stand "
        f"in for each (in the PDF edition too, on a computer with no font that has them); write {what} without them"
    )


def future_date(path: str, front: FrontMatter, today: datetime.date) -> tuple[Problem, ...]:
    """A brief dated after `today` is published by the next build all the same: worth a warning, not an error
    (an embargoed brief is real work, prepared ahead)."""
    value = brief_date(front.data.get("date"))
    if value is None or value <= today:
        return ()  # check_date reports a date it cannot read
    message = (
        f"dated {value.isoformat()}, in the future; the site does not wait for that date: the next "
        "`make publish` publishes the brief. If it is under embargo, keep the file out of content/briefs/ "
        "until the day"
    )
    return (Problem(path, front.line_of("date"), message, code=CheckCode.FUTURE_DATE),)


def check_card(path: str, front: FrontMatter, rendered: str, settings: EditorSettings) -> list[Problem]:
    """The card's problems, found, worded and placed exactly as the build finds them (summary_card).

    `rendered` is the body as HTML. The card needs key points and recommendations: from the front matter (well
    formed) or from the body.
    """
    card_settings = settings.card_for(front.data.get("lang"))
    _, problems = brief_card(front.data, rendered, card_settings, extract_card_once)
    return located_problems(path, front, problems, settings.render)


def check_links(
    path: str, front: FrontMatter, source: Path, content: Path, settings: EditorSettings
) -> list[Problem]:
    """Every ``{filename}`` link must point at a file in the content folder, as Pelican resolves it.

    A link to no file names the closest files there are; one that gives a brief's web address names its file.
    """
    problems = []
    known: ContentFiles | None = None  # read once, at the first broken link
    for link in filename_links(front.body, front.body_line):
        target = unquote(urlsplit(link.target).path)
        if not target:
            continue
        resolved = linked_file(target, source, content)
        if not resolved.is_file():
            looked = display_path(str(resolved), str(content))
            message = f"link to '{{filename}}{link.target}' points to no file ({looked} does not exist)"
            spaced = _name_with_spaces(link, front, source, content)
            known = known or content_files(content, source, settings)
            hint = spaced or _link_hint(target, source, content, known)
            problems.append(
                Problem(
                    path, link.line, f"{message}: {hint}" if hint else message, code=CheckCode.LINK_TO_NO_FILE
                )
            )
    return problems


def _name_with_spaces(link: SourceLink, front: FrontMatter, source: Path, content: Path) -> str:
    """What to do when the link's file is there under a name with spaces ('{filename}Reality Check 5.md'): a
    link's address ends at its first space, so it named 'Reality'. "" when no such file is there."""
    line = next(
        (text for number, text in content_lines(front.body, front.body_line) if number == link.line), ""
    )
    start = line.find("{filename}" + link.target)
    rest = line[start + len("{filename}") :] if start >= 0 else ""
    for end in _MARKDOWN_END.finditer(rest):
        name = rest[: end.end()]
        if " " in name and linked_file(name, source, content).is_file():
            return (
                f"the file is '{name}', and a link's address ends at its first space: rename the file without "
                "spaces (such as reality-check-5.md) and link to that name"
            )
    return ""


_MARKDOWN_END = re.compile(r"\.(?:md|markdown)\b")


def linked_files(front: FrontMatter, source: Path, content: Path) -> tuple[LinkedFile, ...]:
    """The brief's ``{filename}`` links to files that are there (`check_links` names the others)."""
    found = []
    for link in filename_links(front.body, front.body_line):
        target = unquote(urlsplit(link.target).path)
        resolved = linked_file(target, source, content) if target else None
        if resolved is not None and resolved.is_file():
            found.append(LinkedFile(link.line, link.target, display_path(str(resolved), str(content))))
    return tuple(found)


@dataclass(frozen=True)
class ContentFiles:
    """The files a link may mean, and each brief's web address (its slug) with its file."""

    files: tuple[Path, ...]
    addresses: dict[str, Path]
    numbers: dict[int, Path] = dataclasses.field(
        default_factory=dict
    )  # each series number's brief (not a translation)


def content_files(content: Path, source: Path, settings: EditorSettings) -> ContentFiles:
    """Every file under `content` but `source`, and the briefs' addresses: what an editor may have meant."""
    files = tuple(
        sorted(f for f in content.rglob("*") if f.is_file() and not f.name.startswith(".") and f != source)
    )
    addresses, numbers = {}, {}
    for file in markdown_files(content, ignored=settings.ignore_files):  # the briefs, as the build finds them
        if file != source:
            with contextlib.suppress(BriefFileError, OSError):
                front = read_brief(file, str(file))
                address = brief_address(str(file), front, file, settings)
                if address is not None:
                    addresses[address.slug] = file
                number = front.data.get("series_number")
                if type(number) is int and "lang" not in front.data:
                    numbers.setdefault(number, file)
    return ContentFiles(files, addresses, numbers)


# A brief's file named after its number, as make brief and the browser editor name it ("reality-check-5").
_NUMBERED_FILE = re.compile(r"[a-z0-9-]+-(\d{1,9})")


def _link_hint(target: str, source: Path, content: Path, known: ContentFiles) -> str:
    """ "did you mean '{filename}…'?" naming the file(s) a broken link most likely means, written the same way."""
    files, addresses = known.files, known.addresses
    name = target.rstrip("/").rsplit("/", 1)[-1]
    stem = name.removesuffix(".html").removesuffix(".md")
    by_file = "A link names the brief's file (such as {example}), not its web address"

    def said(meant: list[Path]) -> str:
        written = [
            "{filename}/" + f.relative_to(content).as_posix()
            if target.startswith("/")
            else "{filename}" + Path(os.path.relpath(f, source.parent)).as_posix()
            for f in meant
        ]
        return "did you mean " + " or ".join(f"'{w}'" for w in written) + "?"

    if stem in addresses:
        return f"{said([addresses[stem]])} {by_file.format(example=addresses[stem].name)}"
    numbered = _NUMBERED_FILE.fullmatch(stem)
    renamed = known.numbers.get(int(numbered[1])) if numbered else None
    if renamed is not None and renamed.stem != stem:  # a brief's file renamed: it holds that number now
        return f"{said([renamed])} (the brief numbered {numbered[1]} is in that file now)"
    near_names = closest(name, [f.name for f in files], n=3)
    if near_names:
        return said([f for f in files if f.name in near_names])
    near_briefs = [addresses[slug] for slug in closest(stem, list(addresses), n=3)]
    if near_briefs:
        return f"{said(near_briefs)} {by_file.format(example=near_briefs[0].name)}"
    if target.endswith("/") or "." not in name:
        example = next(iter(addresses.values()), Path("reality-check-4.md")).name
        return by_file.format(example=example)
    return ""


def brief_address(
    path: str, front: FrontMatter, source: Path, settings: EditorSettings
) -> BriefAddress | None:
    """The slug the build will give the brief (its ``slug:`` field, or one made from its file name or title), at the
    line the build's messages name."""
    line = address_line(front, settings.slugify_source)
    if front.data.get("slug"):
        return BriefAddress(path, line, str(front.data["slug"]).strip())
    if settings.slugify_source == "basename":
        return BriefAddress(path, line, settings.slug(source.stem))
    title = front.data.get("title")
    if title in (None, ""):
        return None
    return BriefAddress(path, line, settings.slug(str(title)))


def check_address(path: str, front: FrontMatter, address: BriefAddress | None) -> list[Problem]:
    """The brief's address must be one the site can write: see `brief_registry.rules.slug_problem`."""
    if address is None:
        return []  # no title: reported as a required field
    problem = address_problem(path, address.slug, bool(front.data.get("slug")), address.line)
    return [problem] if problem else []


def check_slugs(addresses) -> list[Problem]:
    """Two briefs with one slug would be written to the same address: report it at each of them."""
    by_slug: dict[str, list[BriefAddress]] = {}
    for address in addresses:
        by_slug.setdefault(address.slug, []).append(address)
    problems = []
    for slug, group in by_slug.items():
        for address in group if len(group) > 1 else ():
            others = ", ".join(f"{o.path}:{o.line}" for o in group if o is not address)
            problems.append(
                Problem(
                    address.path,
                    address.line,
                    f"slug '{slug}' is also used by {others} (give one of them another title or a 'slug:' field)",
                    code=CheckCode.SLUG_REUSED,
                )
            )
    return problems


def check_site_pages(
    addresses: list[BriefAddress], settings: EditorSettings, newsletter: bool = False
) -> list[Problem]:
    """A page (content/pages/) must not take the address of a page the site writes itself (its search page, its
    list of authors…, and with a `newsletter` issue recorded, the newsletter's archive): the build stopped half-way
    with Pelican's FileOverwriteFailedError, output half rewritten."""
    taken = dict(settings.site_pages)
    if newsletter and settings.newsletter_archive:
        taken[settings.newsletter_archive] = "the newsletter's archive"
    problems = []
    for address in addresses:
        url = settings.page_url_pattern.format(slug=address.slug)
        if url in taken:
            message = (
                f"slug '{address.slug}' gives the address /{url}, which is {taken[url]}: give this page another "
                "title or a 'slug:' field"
            )
            problems.append(Problem(address.path, address.line, message, code=CheckCode.SLUG_REUSED))
    return problems


def run_check(content: Path, settings: EditorSettings, output_format: str = "text") -> int:
    """`make check`: review `content`, print the problems (on stdout) and warnings (on stderr), or all of them as
    JSON; the exit status, 1 when a problem was found."""
    review = review_content(content, settings)
    if output_format == "json":  # stdout holds the JSON only, for programs; the exit code says the same
        print(json.dumps(review.records(), ensure_ascii=False, indent=2))
        return 1 if review.problems else 0
    for warning in review.warnings:  # on stderr, as compilers do: stdout lists only what must be fixed
        print(warning.as_warning(), file=sys.stderr)
    for problem in review.problems:
        print(problem)
    if review.problems:
        print(
            f"{len(review.problems)} problem(s) found; fix them and run `make check` again.", file=sys.stderr
        )
        if any(problem.code == RuleCode.UNKNOWN_AUTHOR for problem in review.problems):
            # What adds someone new (a misspelt name is corrected instead, as its "did you mean" says).
            command = make_author_command(content, "Their Name", "One sentence about them.")
            print(f"An unknown author who is new to the series is added with: {command}", file=sys.stderr)
        return 1
    print(f"All briefs in {content} passed the checks.")
    return 0
