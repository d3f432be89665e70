"""A link's address as an editor types or pastes it, where Markdown makes a link that leads nowhere, or none at all.

Word and Google Docs put curly quotation marks around a pasted address (``[the column](“https://…”)``); an address
copied from a browser's bar may have lost its ``https://`` (``[the column](www.nytimes.com/…)``), which a browser
then reads as a page of this site; and ``[the column] (https://…)``, with a space, is not a link to Markdown. Each
was published as it was: a dead link, or the brackets and the address as text. The check reads the rendered body
and names each at its line in the source.
"""

from __future__ import annotations

import re
from enum import StrEnum
from html.parser import HTMLParser

from reality_check.plugins.plugin_support.quoting import shortened

from .markdown_source import content_lines, line_holding
from .problems import Problem


class LinkCode(StrEnum):
    """What is wrong with a link's address as written."""

    ADDRESS_QUOTED = "link-address-quoted"  # [text](“https://…”)
    ADDRESS_WITHOUT_SCHEME = "link-address-without-scheme"  # [text](www.example.org/…)
    NOT_JOINED = "link-not-joined"  # [text] (https://…): a space between ']' and '('
    TO_THIS_COMPUTER = "link-to-this-computer"  # [text](http://127.0.0.1:8000/…): copied from the preview


_QUOTES = "\"'“”‘’«»„"
# Another site's address with no scheme: "www." or a name ending in a common top-level domain, then "/" or nothing.
_HOST_FIRST = re.compile(
    r"^(?:www\.[^/\s]+|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|mil|info|io|eu|uk|ru|ua|de|fr"
    r"|cn|jp|in|us|ca|au|pl|it|es|nl|be|ch|se|no|fi|dk|at|cz|tr|il|kr|br|mx))(?:[/?#]|$)",
    re.IGNORECASE,
)
# What Markdown left as text of a link written with a space between its two halves.
_NOT_JOINED = re.compile(r"\]\s+\((?P<address>(?:https?://|mailto:|\{filename\}|/)[^)\s]*)\)")


# An address on the editor's own computer (the preview's, `make devserver`'s), with the path it would have on the site.
_THIS_COMPUTER = re.compile(
    r"^(?:https?:)?//(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1\])(?::\d+)?(?P<path>[/?#][^\s]*)?$",
    re.IGNORECASE,
)
_THIS_COMPUTER_HINTS = ("//127.", "//localhost", "//LOCALHOST", "//0.0.0.0", "//[::1]")

# A cheap test every finding of an address passes: a link whose address starts with none of what a usable one
# starts with.
_SUSPECT_ADDRESS = re.compile(r"href=\"(?![a-zA-Z][a-zA-Z0-9+.-]*:|[/#{.?])")


class _Links(HTMLParser):
    """Every link's address of the rendered body, and its text outside code (where Markdown shows what it did not
    read as a link)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses: list[str] = []
        self.text: list[str] = []
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("code", "pre"):
            self._code += 1
        elif tag == "a":
            self.addresses.extend(value for name, value in attrs if name == "href" and value is not None)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre"):
            self._code = max(0, self._code - 1)

    def handle_data(self, data: str) -> None:
        if not self._code:
            self.text.append(data)


def link_address_problems(rendered: str, body: str, first_line: int, path: str) -> tuple[Problem, ...]:
    """Every link of `rendered` (the HTML of `body`, whose first line is `first_line`) whose address leads nowhere
    as written, and every link Markdown did not make, each at its line."""
    if not (
        _SUSPECT_ADDRESS.search(rendered)
        or ("] (" in rendered and _NOT_JOINED.search(rendered))
        or any(hint in rendered for hint in _THIS_COMPUTER_HINTS)
    ):
        return ()  # nearly every body: its links start with a scheme, '/', '#' or '{', each joined to its text
    links = _Links()
    links.feed(rendered)
    links.close()
    lines = list(content_lines(body, first_line))
    found: list[Problem] = []
    for address in links.addresses:
        said = _address_problem(address.strip())
        if said:
            line = line_holding((f"({address.strip()}", address.strip()), lines) or first_line
            found.append(Problem(path, line, said[0], code=said[1]))
    for match in _NOT_JOINED.finditer("".join(links.text)):
        line = line_holding((match.group(), match["address"]), lines) or first_line
        said = (
            f"'{shortened(match.group(), 50)}' is not a link: Markdown makes one only with no space between ']' and "
            "'(': write [text](address)"
        )
        found.append(Problem(path, line, said, code=LinkCode.NOT_JOINED))
    return tuple(found)


def _address_problem(address: str) -> tuple[str, LinkCode] | None:
    """What is wrong with a link's address as written, and its code, or None."""
    if address[:1] in _QUOTES:
        bare = address.strip(_QUOTES)
        return (
            f"the link's address {shortened(address, 50)} is in quotation marks, so it leads nowhere: remove them, "
            f"as in [text]({shortened(bare, 50)})",
            LinkCode.ADDRESS_QUOTED,
        )
    local = _THIS_COMPUTER.match(address)
    if local:
        on_site = local["path"] or "/"
        return (
            f"the link's address '{shortened(address, 50)}' is the preview on this computer, which readers cannot "
            f"open: write the page's address on the site, '{on_site}'",
            LinkCode.TO_THIS_COMPUTER,
        )
    if _HOST_FIRST.match(address):
        return (
            f"the link's address '{shortened(address, 50)}' has no https:// before it, so browsers read it as a "
            f"page of this site, which does not exist: write https://{shortened(address, 50)}",
            LinkCode.ADDRESS_WITHOUT_SCHEME,
        )
    return None
