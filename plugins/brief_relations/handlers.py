"""Pelican wiring: give each brief ``related_briefs``, ``response_briefs`` and ``in_response_to``."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from pelican import signals
from pelican.generators import ArticlesGenerator

from reality_check.plugins.brief_registry import BriefFileError, display_path, read_brief
from reality_check.plugins.brief_registry.problems import log_extra
from reality_check.plugins.brief_registry.rules import is_series_number
from reality_check.plugins.plugin_support.plugin_settings import (
    whole_number,
)

from .relations import BriefFacts, parse_responses, relate
from .settings import DEFAULTS, set_defaults, setting

logger = logging.getLogger(__name__)


def facts(article) -> BriefFacts:
    return BriefFacts(
        key=article.source_path,
        number=article.series_number if is_series_number(getattr(article, "series_number", None)) else 0,
        topics=tuple(t.slug for t in getattr(article, "topic_terms", ())),
        regions=tuple(r.slug for r in getattr(article, "region_terms", ())),
    )


def relate_articles(generators: Iterable) -> None:
    """Runs after every generator, when brief_registry has attached each brief's topics and regions."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        content = generator.settings["PATH"]
        limit = whole_number(
            "BRIEF_RELATIONS_LIMIT",
            setting(generator.settings, "BRIEF_RELATIONS_LIMIT"),
            minimum=0,
            default=DEFAULTS["BRIEF_RELATIONS_LIMIT"],
        )
        # Published briefs only, deliberately: a hidden brief (unlisted) is suggested on no page, and its own page
        # suggests none (brief_registry.briefs names every other list of briefs).
        articles = list(generator.articles)
        by_key = {a.source_path: a for a in articles}
        by_number = {a.series_number: a.source_path for a in articles if hasattr(a, "series_number")}
        responses: dict[str, tuple[str, ...]] = {}
        for article in articles:
            shown = display_path(article.source_path, content)
            front = getattr(article, "front_matter", None)  # read once by brief_registry this build
            if front is None:
                try:
                    front = read_brief(article.source_path, shown)
                except (BriefFileError, OSError):
                    responses[article.source_path] = ()  # brief_registry has already reported it
                    continue
            keys, problems = parse_responses(shown, front, by_number, getattr(article, "series_number", None))
            for problem in problems:
                logger.error("%s", problem, extra=log_extra(problem))
            responses[article.source_path] = keys
        relations = relate((facts(a) for a in articles), responses, limit)
        for article in articles:
            found = relations[article.source_path]
            article.response_briefs = tuple(by_key[k] for k in found.responses)
            article.in_response_to = tuple(by_key[k] for k in found.answers)
            article.related_briefs = tuple(by_key[k] for k in found.related)


def register() -> None:
    """Connect the relations handler."""
    signals.initialized.connect(set_defaults)
    signals.all_generators_finalized.connect(relate_articles)
