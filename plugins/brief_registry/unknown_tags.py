"""Find words in angle brackets that Markdown passes on as HTML tags no browser knows, so the page shows nothing of them.

"Invented text about <tariffs> & quotas" reaches the page as an unknown ``<tariffs>`` element: the word is gone from
the page, the PDF and the search index, and nothing said so. The check reads the rendered body (where code spans and
fenced blocks are already escaped, and shown as written) and names each such tag on its line in the source.
"""

from __future__ import annotations

import re

from .markdown_source import content_lines, line_holding
from .problems import Problem
from .safety import SafetyCode

# Every element name of HTML (the living standard), the obsolete ones browsers still show the text of, and the two
# foreign roots (svg, math): a tag of any other name is not HTML an editor meant.
HTML_ELEMENTS = frozenset(
    """
    a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col
    colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2
    h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta
    meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script
    search section select slot small source span strong style sub summary sup table tbody td template textarea
    tfoot th thead time title tr track u ul var video wbr
    acronym applet basefont bgsound big blink center dir font frame frameset image isindex keygen listing marquee
    menuitem multicol nextid nobr noembed noframes plaintext rb rtc spacer strike tt xmp
    svg math
    """.split()  # noqa: SIM905 - a list of names reads better as text
)
# A start or end tag as an HTML parser reads one: "<" then a letter; its name runs to a space, "/" or ">".
_TAG = re.compile(r"</?([A-Za-z][^\s/>]*)")


def unknown_tags(rendered: str, body: str, first_line: int, path: str) -> tuple[Problem, ...]:
    """Each tag in `rendered` (the HTML of `body`, whose first line is `first_line`) whose name is no HTML element."""
    names = list(dict.fromkeys(m.group(1).lower() for m in _TAG.finditer(rendered)))
    unknown = [name for name in names if name not in HTML_ELEMENTS]
    if not unknown:
        return ()
    lines = list(content_lines(body, first_line))
    return tuple(
        Problem(
            path,
            line_holding((f"<{name}",), lines) or first_line,
            f"'<{name}>' is read as an HTML tag, which no browser shows, so '{name}' is missing from the page: to "
            f"show the angle brackets, write &lt;{name}> (or put it in backticks, `<{name}>`, to show it as code)",
            code=SafetyCode.UNKNOWN_ELEMENT,
        )
        for name in unknown
    )
