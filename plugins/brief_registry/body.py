"""What the build refuses to publish in a brief's body, found one way for the build's reader and ``make check``."""

from __future__ import annotations

from pathlib import Path

from .frontmatter import FrontMatter
from .images import image_problems
from .problems import Problem
from .safety import unsafe_html
from .unknown_tags import unknown_tags


def body_problems(
    rendered: str, front: FrontMatter, shown: str, source: Path, content: Path
) -> tuple[Problem, ...]:
    """HTML that would run code, tags no browser shows, and images the site cannot show, in `rendered` (the HTML of
    `front`'s body; the brief is the file `source` in the content folder `content`, shown to editors as `shown`)."""
    return (
        *unsafe_html(rendered, front.body, front.body_line, shown),
        *unknown_tags(rendered, front.body, front.body_line, shown),
        *image_problems(rendered, front.body, front.body_line, shown, source, content),
    )
