"""Command line: ``python -m reality_check.editor check|new|import|add-author|digest|devserver|serve|cms``, wrapped by
the Makefile.

Every refusal is one clear sentence and leaves every file as it was.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

from reality_check.plugins.brief_registry import (
    EncodingError,
    Registry,
    RegistryError,
    display_path,
    load_registry,
)
from reality_check.plugins.brief_registry.arguments import (
    DEFAULT_CONTENT,
    DEFAULT_OUTPUT,
    DEFAULT_SETTINGS,
    MisplacedOutputError,
    content_folder,
)
from reality_check.plugins.brief_registry.briefs import numbered
from reality_check.plugins.brief_registry.dates import DateError, read_date
from reality_check.plugins.brief_registry.nearmiss import closest
from reality_check.plugins.brief_registry.new_brief import PLACEHOLDER, next_free_number
from reality_check.plugins.brief_registry.registry import AUTHORS_FILE
from reality_check.plugins.brief_registry.rules import joined_names, unknown_name
from reality_check.plugins.brief_registry.textfile import lines_of, read_text_file
from reality_check.plugins.newsletter_digest.issues import DigestRecordError, NothingToSendError, write_issue
from reality_check.plugins.plugin_support.files import write_atomically
from reality_check.plugins.plugin_support.plugin_settings import SettingError

from .authors import AuthorError, add_author, entry_yaml, make_author_command, new_person
from .build import PelicanOptionsError
from .check import check_brief, review_content, run_check
from .cms import CmsError, run_cms
from .devserver import serve
from .digest import plan_digest
from .importer import SeedBrief, SeedError, is_institution, parse_seed, site_pages
from .preview_server import (
    DEFAULT_CMS_PORT,
    DEFAULT_HOST,
    DEFAULT_PORT,
    PortBusyError,
    http_address,
    open_server,
)
from .scaffold import (
    BriefRequest,
    NumberUser,
    PlannedBrief,
    ScaffoldError,
    brief_text,
    misspelt_authors,
    parse_date,
    plan_brief,
    series_number_user,
    split_names,
    unknown_authors,
    write_brief,
)
from .settings import EditorSettings, load_settings

Ask = Callable[[str], str]


class RefusalError(Exception):
    """The command stops here; its message says why and what to do."""


def exit_with(status: int) -> NoReturn:
    """End the process with `status`, without Python's last garbage collections: a build leaves hundreds of
    thousands of objects, and collecting them on the way out took 0.26 s at 1000 briefs (0.04 s frozen), for
    memory the system takes back anyway. Exit handlers run and files are flushed and closed as usual."""
    gc.freeze()
    sys.exit(status)


def main(argv: list[str] | None = None, ask: Ask | None = None) -> int:
    """Run one command; `ask` answers questions (None: ask on the terminal when there is one)."""
    args = _parser().parse_args(argv)
    if ask is None and sys.stdin.isatty() and sys.stdout.isatty():
        ask = input
    ask = _stoppable(ask) if ask is not None else None
    try:
        if args.command == "devserver":
            extra = [option for option in args.pelican_options if option != "--"]
            return serve(args.content, args.output, args.settings, args.bind, args.port, extra)
        if args.command == "cms":
            extra = [option for option in args.pelican_options if option != "--"]
            return run_cms(
                args.content, args.output, args.settings, args.bind, args.port, args.cms_port, extra
            )
        if args.command == "serve":
            return run_serve(args)
        # The commands that read briefs; the previews above read the builds' own settings, PELICANOPTS included.
        settings = load_settings(args.settings)
        if args.command == "check":
            return run_check(args.content, settings, args.format)
        if args.command == "new":
            return run_new(args, settings, ask)
        if args.command == "import":
            return run_import(args, settings, ask)
        if args.command == "add-author":
            return run_add_author(args, settings)
        if args.command == "digest":
            return run_digest(args, settings)
    except (PortBusyError, PelicanOptionsError, SettingError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except MisplacedOutputError as error:  # its message says nothing was built
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (RefusalError, ScaffoldError, AuthorError, CmsError) as error:
        first, _, rest = str(error).partition("\n")
        print(f"error: {first}", file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        if rest:
            print(rest, file=sys.stderr)
        return 1
    return 2


def _stoppable(ask: Ask) -> Ask:
    """`ask`, where Ctrl-C or Ctrl-D at a question is a refusal like any other (a message, nothing written), not a
    traceback."""

    def asked(question: str) -> str:
        try:
            return ask(question)
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)  # the cursor was still on the question's line
            raise RefusalError("stopped at a question, before its answer") from None

    return asked


def _shared_options() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser, argparse.ArgumentParser]:
    """The options several commands take, as parent parsers: the settings file; the content folder; the address
    a server listens on."""
    settings = argparse.ArgumentParser(add_help=False)
    settings.add_argument(
        "--settings",
        type=Path,
        default=Path(DEFAULT_SETTINGS),
        help=f"Pelican settings (default: {DEFAULT_SETTINGS})",
    )
    content = argparse.ArgumentParser(add_help=False)
    content.add_argument(
        "--content",
        default=DEFAULT_CONTENT,
        type=content_folder,
        help=f"the content folder (default: {DEFAULT_CONTENT})",
    )
    address = argparse.ArgumentParser(add_help=False)
    address.add_argument(
        "--bind", default=DEFAULT_HOST, help=f"address to serve on (default: {DEFAULT_HOST})"
    )
    address.add_argument(
        "--port",
        default=DEFAULT_PORT,
        type=int,
        help=f"port to serve on; 0: any free one, named when serving (default: {DEFAULT_PORT})",
    )
    return settings, content, address


def _add_check(commands, settings: argparse.ArgumentParser) -> None:
    check = commands.add_parser(
        "check", parents=[settings], help="validate every brief without building the site"
    )
    check.add_argument(
        "content",
        nargs="?",
        default=DEFAULT_CONTENT,
        type=content_folder,
        help=f"the content folder (default: {DEFAULT_CONTENT})",
    )
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: one 'path:line: message' a line (default); json: a list of {path, line, code, message, "
        "severity} on stdout",
    )


def _add_writers(commands, parents: list[argparse.ArgumentParser]) -> None:
    """The commands that write content files: a new brief, an imported one, an author."""
    new = commands.add_parser("new", parents=parents, help="write a new brief from the template")
    new.add_argument("--title", required=True)
    new.add_argument("--authors", required=True, help="comma-separated names, as listed in authors.yml")
    new.add_argument("--topics", default="", help="comma-separated names from topics.yml")
    new.add_argument("--regions", default="", help="comma-separated names from regions.yml")
    new.add_argument("--date", default="", help="YYYY-MM-DD (default: today)")

    imported = commands.add_parser(
        "import", parents=parents, help="convert a plain-text brief into a Markdown brief"
    )
    imported.add_argument("source", type=Path, help="the plain-text brief")

    author = commands.add_parser("add-author", parents=parents, help="add a person to authors.yml")
    author.add_argument("--name", required=True)
    author.add_argument("--bio", required=True, help="one line, shown on the author's page")
    author.add_argument("--title", default="", help="job title (optional)")
    author.add_argument("--affiliation", default="", help="optional")
    author.add_argument(
        "--another-person",
        action="store_true",
        help="add the name even though it is close to a listed author's (make: ANOTHER_PERSON=1)",
    )


def _add_digest(commands, parents: list[argparse.ArgumentParser]) -> None:
    """The newsletter: record the next issue (make digest, which then publishes)."""
    digest = commands.add_parser(
        "digest", parents=parents, help="record the next issue of the newsletter digest"
    )
    digest.add_argument(
        "--since", default="", help="first day to include, YYYY-MM-DD (default: after the last issue)"
    )
    digest.add_argument("--date", default="", help="the issue's date, YYYY-MM-DD (default: today)")
    digest.add_argument("--intro", default="", help="a short text from the editor, shown first")


def _add_servers(
    commands,
    settings: argparse.ArgumentParser,
    content: argparse.ArgumentParser,
    address: argparse.ArgumentParser,
) -> None:
    """The preview servers, which build as they serve (devserver, cms), and the server of a built site (serve)."""
    for name, description in (
        ("devserver", "the preview server (make devserver): rebuild and re-check on every save"),
        ("cms", "the browser editor: decap-server and the preview server together"),
    ):
        server = commands.add_parser(name, parents=[settings, content, address], help=description)
        server.add_argument(
            "--output", default=DEFAULT_OUTPUT, type=Path, help=f"where to build (default: {DEFAULT_OUTPUT})"
        )
        if name == "cms":
            server.add_argument(
                "--cms-port",
                default=DEFAULT_CMS_PORT,
                type=int,
                help=f"decap-server's port (default: {DEFAULT_CMS_PORT})",
            )
        server.add_argument(
            "pelican_options", nargs=argparse.REMAINDER, help="more options for pelican, after --"
        )

    built = commands.add_parser(
        "serve",
        parents=[settings, address],
        help="serve the built site (make serve); a busy port is refused at once",
    )
    built.add_argument(
        "--output", default=DEFAULT_OUTPUT, type=Path, help=f"the built site (default: {DEFAULT_OUTPUT})"
    )
    built.add_argument(
        "--only-check-port",
        action="store_true",
        help="exit 0 if the port is free, else say how to pick another",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m reality_check.editor", description="Tools for writing Reality Check briefs."
    )
    settings, content, address = _shared_options()
    commands = parser.add_subparsers(dest="command", required=True)
    _add_check(commands, settings)
    _add_writers(commands, [settings, content])
    _add_digest(commands, [settings, content])
    _add_servers(commands, settings, content, address)
    return parser


def run_serve(args: argparse.Namespace) -> int:
    """`make serve`: serve the built folder until Ctrl-C (or only find out whether the port is free)."""
    server = open_server(args.output, args.bind, args.port, "serve")
    try:
        if args.only_check_port:
            return 0
        port = server.server_address[1]  # PORT=0: the free port the system gave
        print(f"Serving the site at {http_address(args.bind, port)}/ (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    finally:
        server.server_close()
    return 0


def _registry(content: Path) -> Registry:
    try:
        return load_registry(content)
    except RegistryError as error:
        raise RefusalError(f"the registries must be fixed first:\n{error}") from None


def run_new(args: argparse.Namespace, settings: EditorSettings, ask: Ask | None) -> int:
    content: Path = args.content
    registry = _registry(content)
    request = BriefRequest(
        title=" ".join(args.title.split()),
        authors=split_names(args.authors, [person.name for person in registry.authors]),
        topics=split_names(args.topics),
        regions=split_names(args.regions),
        date=parse_date(args.date),
    )
    number = next_free_number(content)
    planned = plan_brief(content, request, registry, settings, number)
    with authors_restored_on_refusal(content):
        offer_authors(content, unknown_authors(request, registry), registry, settings, ask)
        text = brief_text(request, number, request.date or datetime.date.today(), settings.card)
        target = write_brief(planned.path, text)
    print(f"Created {target}: {numbered(settings.series, number)}, “{request.title}”.")
    _print_next_steps(planned, settings, fill_in=True)
    return 0


def run_import(args: argparse.Namespace, settings: EditorSettings, ask: Ask | None) -> int:
    content: Path = args.content
    source: Path = args.source
    try:
        text = read_text_file(source)
    except FileNotFoundError:
        raise RefusalError(f"{source}: no such file") from None
    except EncodingError as error:
        raise RefusalError(str(error)) from None
    except OSError as error:  # a folder, a file this user may not read
        raise RefusalError(
            f"{source}: cannot read it ({error.strerror}); give the plain-text brief's file"
        ) from None
    with authors_restored_on_refusal(content):
        return _import_parsed(content, source, text, settings, ask)


def _number_taken(
    used: NumberUser, source: Path, text: str, brief: SeedBrief, content: Path, settings: EditorSettings
) -> str:
    """Why a draft whose series number a brief has is refused: imported already (the same title), or numbered
    wrongly (another title), with the draft's line to correct and the next free number."""
    title = used.title
    if title.strip().casefold() == brief.request.title.strip().casefold():
        return (
            f"{used} already has series number {brief.number}: this brief seems to be imported already; edit that "
            f"file, or, to import {source.name} anew (after correcting it), delete that file first"
        )
    line = next((n for n, t in enumerate(lines_of(text), 1) if f"#{brief.number}" in t), 1)
    free = numbered(settings.series, next_free_number(content))
    return (
        f"{source}:{line}: series number {brief.number} is already {numbered(settings.series, brief.number)}, "
        f"“{title}” ({used}): correct the number on this line, e.g. to {free}, the next free one"
    )


def _import_parsed(content: Path, source: Path, text: str, settings: EditorSettings, ask: Ask | None) -> int:
    registry = _registry(content)
    pages = site_pages(content)
    try:
        brief = parse_seed(text, str(source), registry, settings, pages)
    except SeedError as error:
        only_authors = (
            error.unknown_authors
            and len(error.problems) == len(error.unknown_authors)
            and not any(is_institution(name) for name in error.unknown_authors)
        )
        if not (only_authors and ask):
            for problem in error.problems:
                print(problem, file=sys.stderr)
            # A near miss ("emma ashford") was told "did you mean …?" above: adding it would make a second author.
            to_add = [
                n
                for n in error.unknown_authors
                if not closest(n, [p.name for p in registry.authors]) and not is_institution(n)
            ]
            hint = _author_hint(content, to_add, settings) if to_add else ""
            raise RefusalError(f"{source} cannot be imported as it is (see above){hint}") from None
        registry = offer_authors(content, error.unknown_authors, registry, settings, ask)
        brief = parse_seed(text, str(source), registry, settings, pages)

    used = series_number_user(content, brief.number)
    if used:
        raise RefusalError(_number_taken(used, source, text, brief, content, settings))
    planned = plan_brief(content, brief.request, registry, settings, brief.number)
    target = write_brief(planned.path, brief.markdown())
    print(
        f"Imported {source} as {target}: {numbered(settings.series, brief.number)}, “{brief.request.title}”."
    )
    for note in brief.notes:
        print(f"note: {note}")
    report = check_brief(target, display_path(str(target), str(content)), content, registry, settings)
    for problem in report.problems:
        print(problem)
    if report.problems:
        print(
            f"{len(report.problems)} problem(s) to fix in the new brief before it can be published.",
            file=sys.stderr,
        )
    _print_next_steps(planned, settings, fill_in=False)
    return 1 if report.problems else 0


def run_add_author(args: argparse.Namespace, settings: EditorSettings) -> int:
    registry = _registry(args.content)
    joined = joined_names("authors", args.name.strip(), registry)
    if joined:  # "Emma Ashford and Mathew Burrows" became an author with a page of its own
        raise RefusalError(
            f"'{args.name.strip()}' names {len(joined)} authors already listed in {args.content / AUTHORS_FILE}: "
            f'nothing to add; a brief by both names them with commas, AUTHORS="{", ".join(joined)}"'
        )
    person = new_person(args.name, args.bio, settings.slug(args.name), args.title, args.affiliation)
    same = any(p.name == person.name or p.slug == person.slug for p in registry.authors)  # add_author says so
    near = closest(person.name, [p.name for p in registry.authors])
    if (
        near and not same and not args.another_person
    ):  # 'Ema Ashford' for 'Emma Ashford': a second page for one person
        raise RefusalError(
            f"did you mean '{near[0]}'? {near[0]} is already listed in {args.content / AUTHORS_FILE}: write "
            f'AUTHORS="{near[0]}" for a brief; nothing to add. If {person.name} is another person, run the same '
            "command with ANOTHER_PERSON=1"
        )
    path = add_author(args.content, person, registry)
    print(f"Added {person.name} to {path}.")
    return 0


def run_digest(args: argparse.Namespace, settings: EditorSettings) -> int:
    """`make digest`: record the next issue; the site's language (DEFAULT_LANG) says which briefs are originals."""
    if not args.settings.is_file():
        raise RefusalError(f"no settings file {args.settings}: the site's settings say its language")
    on = _digest_date(args.date, "DATE") or datetime.date.today()
    siteurl = os.environ.get("SITEURL", "").strip()
    if siteurl:  # the publish that follows refuses it: the issue would be recorded as sent, and never be
        from reality_check.deploy.publish import siteurl_problem

        problem = siteurl_problem(siteurl, "make digest")
        if problem:
            raise RefusalError(f"{problem}; no issue was recorded")
    try:
        issue = plan_digest(
            args.content, settings.default_lang, on, _digest_date(args.since, "SINCE"), args.intro
        )
    except (NothingToSendError, DigestRecordError) as error:
        raise RefusalError(str(error)) from None
    # The publish that follows stops on any problem: an issue recorded before it was still counted as sent, and
    # the next make digest started after briefs no reader had been sent.
    problems = review_content(args.content, settings).problems
    if problems:
        for problem in problems:
            print(problem)
        raise RefusalError(
            f"{len(problems)} problem(s) in the content, so the site cannot be published with this issue: fix them "
            "(make check lists them), then run make digest again; no issue was recorded"
        )
    path = write_issue(args.content, issue)
    listed = ", ".join(f"#{n}" for n in issue.briefs)
    print(f"digest: {path} lists {listed} (published from {issue.since.isoformat()} to {on.isoformat()})")
    if issue.intro and not args.intro.strip():
        print('digest: the introduction recorded earlier for that day is kept (INTRO="…" replaces it)')
    return 0


def _digest_date(text: str, name: str) -> datetime.date | None:
    if not text.strip():
        return None
    try:
        return read_date(text, name)
    except DateError as error:
        raise RefusalError(str(error)) from None


def offer_authors(
    content: Path,
    names: list[str] | tuple[str, ...],
    registry: Registry,
    settings: EditorSettings,
    ask: Ask | None,
) -> Registry:
    """Add unknown authors after asking on the terminal; refuse (saying how to add them) otherwise."""
    if not names:
        return registry
    joined = [(name, parts) for name in names if (parts := joined_names("authors", name, registry))]
    if joined:  # "Emma Ashford and Mathew Burrows" was offered as one new author, page and all
        raise RefusalError(
            "; ".join(
                f"'{name}' names {len(parts)} listed authors: separate them with commas, "
                f'AUTHORS="{", ".join(parts)}"'
                for name, parts in joined
            )
        )
    misspelt = misspelt_authors(names, registry)
    if misspelt:  # offering to add 'emma ashford' beside 'Emma Ashford' would only make a second author
        raise RefusalError("; ".join(misspelt) + " (write the name exactly as the registry lists it)")
    listed_in = str(content / AUTHORS_FILE)
    listed = [person.name for person in registry.authors]
    if ask is None:
        unknown = "; ".join(unknown_name("author", name, listed_in, listed) for name in names)
        raise RefusalError(unknown + _author_hint(content, names, settings))
    people = []  # every answer first: declining a later name must not leave an earlier one added
    for name in names:
        answer = ask(f"{name} is not listed in {listed_in}. Add them now? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            raise RefusalError(
                unknown_name("author", name, listed_in, listed) + _author_hint(content, [name], settings)
            )
        bio = ask(f"One-line bio for {name} (shown on their page): ")
        title = ask("Job title (optional, press Enter to skip): ")
        affiliation = ask("Affiliation (optional, press Enter to skip): ")
        people.append(new_person(name, bio, settings.slug(name), title, affiliation))
    for person in people:
        add_author(content, person, registry)
        registry = load_registry(content)
        print(f"Added {person.name} to {content / AUTHORS_FILE}.")
    return registry


@contextlib.contextmanager
def authors_restored_on_refusal(content: Path) -> Iterator[None]:
    """Put the authors registry back as it was if the command is refused after adding someone to it (an import
    found to be a brief already imported), so that a refusal leaves every file as it was."""
    path = content / AUTHORS_FILE
    before = path.read_bytes() if path.is_file() else None
    try:
        yield
    except (RefusalError, ScaffoldError, AuthorError):
        if before is not None and path.read_bytes() != before:
            write_atomically(path, before)
            print(f"{path} was put back as it was.", file=sys.stderr)
        raise


def _author_hint(content: Path, names, settings: EditorSettings) -> str:
    lines = ["", "To add an author, run (with their real bio):"]
    for name in names:
        lines.append(f"  {make_author_command(content, name, f'One sentence about {name}.')}")
    lines.append(f"or add at the end of the list in {content / AUTHORS_FILE}:")
    for name in names:
        block = entry_yaml(new_person(name, f"One sentence about {name}.", settings.slug(name)))
        lines.extend(block.splitlines())
    return "\n".join(lines)


def _print_next_steps(planned: PlannedBrief, settings: EditorSettings, fill_in: bool) -> None:
    target, url = planned.path, settings.page_url(planned.slug)
    steps = []
    if fill_in:
        steps.append(f"Open {target} and replace every {PLACEHOLDER}: …] with your text.")
    steps.append("Run `make check` and fix what it lists (each line says file:line: what is wrong).")
    steps.append(
        f"Run `make devserver` and open {http_address(DEFAULT_HOST, DEFAULT_PORT)}/{url} (with the port you "
        "gave it, if another: make devserver PORT=…; it rebuilds on every save)."
    )
    print("Next:")
    for number, step in enumerate(steps, start=1):
        print(f"  {number}. {step}")
