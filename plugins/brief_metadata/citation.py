"""Ready-made citations of a brief: Chicago (bibliography style), BibTeX and RIS."""

from __future__ import annotations

import re

from .record import BriefRecord, split_name

# Chicago headline style (CMOS 17, 8.159) lowercases articles, coordinating conjunctions, prepositions of any
# length, "to" and "as" (unless first or last, or after a colon); in a hyphenated compound, the same words after
# its first part (8.161: "State-of-the-Art"). Words that are as often something else ("like", "since", "past",
# "down", "near") are left out: capitalized, they are right whenever they are not prepositions.
MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "for",
        "or",
        "nor",
        "as",
        "to",
        "at",
        "by",
        "in",
        "of",
        "off",
        "on",
        "per",
        "up",
        "via",
        "with",
        "from",
        "into",
        "onto",
        "over",
        "than",
        "upon",
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "among",
        "around",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "despite",
        "during",
        "inside",
        "outside",
        "throughout",
        "through",
        "toward",
        "towards",
        "under",
        "underneath",
        "until",
        "within",
        "without",
    ]
)
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _capitalize(word: str) -> str:
    """Capitalize the first letter (after an opening quote or bracket) of a word's first hyphenated part and of
    each later part but a minor word ("Up-to-Date"); leave words that already carry capitals (US, iPhone)."""
    if any(c.isupper() for c in word):
        return word
    parts = word.split("-")
    return "-".join(
        part if index and part.strip("“”‘’\"'()[],.;:!?").lower() in MINOR_WORDS else _upper_first(part)
        for index, part in enumerate(parts)
    )


def _upper_first(part: str) -> str:
    return re.sub(r"^([^\w]*)(\w)", lambda m: m[1] + m[2].upper(), part)


def nest_quotes(title: str) -> str:
    """A title as it reads inside the citation's double quotes: its own double quotes, straight or curly,
    become single curly ones (Chicago 6.9: a quotation within a quoted title takes single marks)."""
    out = []
    for index, char in enumerate(title):
        if char == "“":
            out.append("‘")
        elif char == "”":
            out.append("’")
        elif char == '"':
            before = title[index - 1] if index else " "
            out.append("‘" if before.isspace() or before in "([{—–-/" else "’")
        else:
            out.append(char)
    return "".join(out)


def headline_case(title: str) -> str:
    """A title in Chicago headline style: major words capitalized, minor words lowercase inside the title."""
    words = title.split()
    out = []
    for index, word in enumerate(words):
        bare = word.strip("“”‘’\"'()[],.;:!?—–").lower()
        starts_phrase = index == 0 or words[index - 1].endswith((":", "—", "?", "!"))
        last = index == len(words) - 1
        out.append(word if bare in MINOR_WORDS and not starts_phrase and not last else _capitalize(word))
    return " ".join(out)


def _names(record: BriefRecord) -> str:
    """ "Family, Given" for the first author, "Given Family" for the others, joined Chicago's way."""
    names = []
    for index, author in enumerate(record.authors):
        family, given = split_name(author.name)
        names.append(f"{family}, {given}" if index == 0 and given else author.name)
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]}, and {names[1]}"
    return ", ".join(names[:-1]) + f", and {names[-1]}"


def chicago_citation(record: BriefRecord) -> str:
    """The bibliography entry a reader pastes into a paper (Chicago Manual of Style, 17th ed.)."""
    title = headline_case(nest_quotes(record.title))
    closing = "’" if title.endswith("’") else ""  # the full stop goes inside a closing quote, American style
    body = title.removesuffix(closing)
    title = body + ("" if body.endswith(("?", "!", ".")) else ".") + closing
    authors = _names(record)
    lead = f"{authors}. " if authors and not authors.endswith(".") else f"{authors} " if authors else ""
    date = f"{record.date:%B} {record.date.day}, {record.date.year}"
    # "no." and its number are kept on one line (a no-break space), as "no." alone at a line's end reads badly.
    return f"{lead}“{title}” {record.series}, no.\u00a0{record.number}. {record.publisher}, {date}. {record.url}."


def _bibtex_escape(text: str) -> str:
    return "".join(BIBTEX_SPECIAL.get(c, c) for c in text)


def citation_key(record: BriefRecord) -> str:
    """A BibTeX key readers will not have to change: the series, its number and the year."""
    return f"{re.sub(r'[^a-z0-9]', '', record.series.lower())}{record.number}_{record.date.year}"


def bibtex(record: BriefRecord) -> str:
    """A @techreport entry (UTF-8), the type BibTeX and biblatex both know for numbered reports."""
    authors = " and ".join(
        f"{family}, {given}" if given else family
        for family, given in map(split_name, (a.name for a in record.authors))
    )
    fields = [
        ("author", _bibtex_escape(authors)),
        ("title", "{" + _bibtex_escape(record.title) + "}"),
        ("type", _bibtex_escape(record.series)),
        ("number", str(record.number)),
        ("institution", _bibtex_escape(record.publisher)),
        ("year", str(record.date.year)),
        ("date", record.date.isoformat()),
        ("url", record.url),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    month = MONTHS[record.date.month - 1]
    return f"@techreport{{{citation_key(record)},\n{body},\n  month = {month}\n}}\n"


def ris(record: BriefRecord) -> str:
    """An RIS record (type RPRT) with CRLF line ends, as the format's specification asks."""
    lines = [("TY", "RPRT")]
    lines += [("AU", f"{f}, {g}" if g else f) for f, g in map(split_name, (a.name for a in record.authors))]
    lines += [
        ("TI", record.title),
        ("T3", record.series),
        ("SN", str(record.number)),
        ("PY", str(record.date.year)),
        ("DA", f"{record.date:%Y/%m/%d}"),
        ("PB", record.publisher),
        ("UR", record.url),
        ("LA", record.language),
    ]
    if record.description:
        lines.append(("AB", record.description))
    lines += [("KW", keyword) for keyword in record.keywords]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)
