"""What a new brief starts from, the same for `make brief` and the browser editor's "New Brief" form: the body
to fill in, and the next free series number."""

from __future__ import annotations

from pathlib import Path

from .briefs import markdown_files
from .frontmatter import FrontMatter, read_brief
from .problems import BriefFileError
from .rules import next_series_number
from .textfile import lines_of

# The marker wherever the editor still has to write something (`make check` lists each line that holds one).
PLACEHOLDER = "[FILL IN"
_SKELETON = """\
## {key_points}

- [FILL IN: the first key point, in one or two sentences.]
- [FILL IN: the second key point.]
- [FILL IN: the third key point.]

## What’s the issue?

[FILL IN: what happened, and why it matters to US policy now.]

## [FILL IN: the question this section answers, such as “Why is the current approach a problem?”]

[FILL IN: the argument, in as many paragraphs as it needs.]

## {recommendations}

[FILL IN: one paragraph that leads into the recommendations.]

1. **[FILL IN: the first recommendation, as one short sentence.]** [FILL IN: why, and how to do it.]

2. **[FILL IN: the second recommendation.]** [FILL IN: why, and how to do it.]

3. **[FILL IN: the third recommendation.]** [FILL IN: why, and how to do it.]
"""


def skeleton(key_points_heading: str, recommendations_heading: str) -> str:
    """The body a new brief starts from, its card's two sections headed as the site heads them (the first of
    summary_card's headings for each: ``card_settings(settings)``), so the brief passes the card's reading once
    filled in, on any site."""
    return _SKELETON.format(key_points=key_points_heading, recommendations=recommendations_heading)


def existing_briefs(content: Path) -> list[tuple[Path, FrontMatter]]:
    """Every brief file in `content` whose front matter can be read, whatever its status (unreadable ones are
    `make check`'s business)."""
    found = []
    for path in markdown_files(content):
        try:
            found.append((path, read_brief(path, str(path))))
        except BriefFileError:  # a file that cannot be read (a dangling link too) is make check's to report
            continue
    return found


def next_free_number(content: Path) -> int:
    """The number a new brief in `content` gets: every file counts, as for `make check`'s rule that no two
    briefs share one (a draft, or a brief Pelican skips, too)."""
    return next_series_number(front.data.get("series_number") for _, front in existing_briefs(content))


def placeholders(text: str) -> tuple[int, ...]:
    """The lines (1-based, counted in `text`) that still hold a placeholder of the template (``[FILL IN: …]``,
    :data:`PLACEHOLDER`): what `make check` asks to be written."""
    return tuple(number for number, line in enumerate(lines_of(text), start=1) if PLACEHOLDER in line)
