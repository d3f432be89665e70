"""Pelican wiring for the development preview's problem banner.

When ``PREVIEW_PROBLEMS`` is on (the devserver turns it on; it is off in ``pelicanconf.py`` and
``publishconf.py``), every brief gets ``preview_problems``: the ``path:line: message`` lines ``make check``
prints for its file, which ``article.html`` shows at the top of the page. The checks are ``make check``'s own
(``editor.check``), run once per build, so the banner and the terminal never disagree.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from brief_registry import Problem

logger = logging.getLogger(__name__)

SETTING = "PREVIEW_PROBLEMS"


def problems_by_source(problems: list[Problem], content: Path) -> dict[str, tuple[Problem, ...]]:
    """Problems grouped by the absolute path of the file they are in."""
    base = Path(content).resolve().parent
    grouped: dict[str, list[Problem]] = {}
    for problem in problems:
        grouped.setdefault(str((base / problem.path).resolve()), []).append(problem)
    return {path: tuple(found) for path, found in grouped.items()}


def attach_problems(generators) -> None:
    """Give each brief its problems, and the build a map of them by source file (for briefs not built)."""
    if not generators:
        return
    settings = generators[0].settings
    if not settings.get(SETTING, False):
        return
    from editor.check import check_content
    from editor.settings import settings_from

    content = Path(settings["PATH"])
    try:
        problems = check_content(content, settings_from(settings))
    except Exception:  # a bug in a check must not break the preview
        logger.exception("%s: make check could not run for the preview banner", content)
        return
    found = problems_by_source(problems, content)
    generators[0].context["preview_problems_by_source"] = found
    for generator in generators:
        for article in (*getattr(generator, "articles", ()), *getattr(generator, "drafts", ())):
            article.preview_problems = found.get(str(Path(article.source_path).resolve()), ())


def register() -> None:
    """Connect the handler."""
    signals.all_generators_finalized.connect(attach_problems)
