"""Where the first sentence of policy prose ends: the card's title for a recommendation written without bold.

A full stop ends a sentence unless it belongs to something this field writes all the time: initials of countries and
organisations (U.S., U.K., U.N., E.U.), titles and ranks (Dr., Gen., Adm., Amb., Sen., Rep., Pres.), months
(Jan. to Dec.), Latin (e.g., i.e., cf., etc.), places and numbers (St., Mt., No.), a middle initial (John F. Kennedy),
a decimal (3.5 percent) or an ellipsis. The one implementation, used by the card and by the importer; an editor
whose sentence is still split wrongly sets the title in bold, which always wins.
"""

from __future__ import annotations

import re

# Abbreviations that are followed by more of the same sentence: a name, a date, an example.
CONTINUING = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "prof",
        "rev",
        "fr",
        "hon",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "cmdr",
        "cdr",
        "adm",
        "brig",
        "sgt",
        "cpl",
        "pvt",
        "amb",
        "sen",
        "rep",
        "pres",
        "gov",
        "sec",
        "secy",
        "atty",
        "supt",
        "insp",
        "messrs",
        "mme",
        "mlle",
        "st",
        "ste",
        "mt",
        "ft",
        "cf",
        "vs",
        "viz",
        "e.g",
        "i.e",
        "al",
        "dept",
        "univ",
        "assn",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "tues",
        "thur",
        "thurs",
    ]
)
# Abbreviations of a count or a place in a text, followed by a number ("No. 10", "pp. 4-5"); "said no. The…" ends.
BEFORE_A_NUMBER = frozenset(
    [
        "no",
        "nos",
        "nr",
        "vol",
        "vols",
        "pp",
        "pg",
        "fig",
        "figs",
        "ch",
        "sect",
        "art",
        "para",
        "cl",
        "ca",
        "approx",
    ]
)
# Abbreviations that may also end a sentence ("…in the U.S. The next…" but "the U.S. Senate"): they end it only
# when the next word is one that starts sentences.
MAY_END = frozenset(
    [
        "etc",
        "inc",
        "co",
        "corp",
        "ltd",
        "llc",
        "plc",
        "jr",
        "sr",
        "bros",
        "a.m",
        "p.m",
        "ph.d",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
    ]
)
SENTENCE_STARTERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "there",
        "their",
        "they",
        "we",
        "our",
        "us",
        "you",
        "he",
        "his",
        "she",
        "her",
        "i",
        "my",
        "one",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "to",
        "with",
        "without",
        "as",
        "if",
        "when",
        "while",
        "where",
        "whether",
        "after",
        "before",
        "since",
        "until",
        "unless",
        "because",
        "although",
        "though",
        "however",
        "but",
        "and",
        "or",
        "nor",
        "so",
        "yet",
        "still",
        "then",
        "thus",
        "hence",
        "instead",
        "meanwhile",
        "moreover",
        "indeed",
        "also",
        "both",
        "each",
        "every",
        "all",
        "any",
        "some",
        "many",
        "most",
        "more",
        "few",
        "no",
        "none",
        "neither",
        "either",
        "such",
        "what",
        "which",
        "who",
        "why",
        "how",
        "only",
        "even",
        "not",
        "now",
        "today",
        "here",
        "first",
        "second",
        "third",
        "finally",
        "next",
        "last",
        "other",
        "another",
    ]
)
_CLOSERS = "\"'”’)]»"
# A sentence-ending mark, any closing quotes or brackets, then white space: a place a sentence may end.
_CANDIDATE = re.compile(r"(?:\.{3}|…|[.!?])[" + re.escape(_CLOSERS) + r"]*(?=\s)")
_INITIALISM = re.compile(r"^(?:[a-z]\.)+[a-z]$")


def first_sentence(text: str) -> tuple[str, str]:
    """`text` split into its first sentence and the rest (stripped); the rest is "" for one sentence."""
    text = " ".join(text.split())
    for match in _CANDIDATE.finditer(text):
        before = text[: match.start()]
        after = text[match.end() :].lstrip()
        if after and _ends_sentence(match.group(), before, after):
            return text[: match.end()], after
    return text, ""


def _ends_sentence(mark: str, before: str, after: str) -> bool:
    """Does the mark `mark`, after the text `before` and before the text `after`, end a sentence?"""
    next_word = after.split()[0].lstrip(_CLOSERS + "“‘\"'([")
    if not next_word or next_word[0].islower():
        return False  # sentences start with a capital, a digit or a quote; "the U.S. should…" goes on
    starter = next_word.rstrip(",;:.!?").lower() in SENTENCE_STARTERS
    if mark.rstrip(_CLOSERS) in ("...", "…"):
        return starter  # "a pause… Then" ends; "waited… Washington" may not
    if mark[0] != ".":
        return True
    word = before.split()[-1] if before.split() else ""
    word = word.lstrip(_CLOSERS + "“‘\"'([").lower()
    if mark != ".":  # closed by a quote or bracket: the abbreviation, if any, is inside
        return True
    if word in CONTINUING:
        return False
    if word in BEFORE_A_NUMBER:
        return not next_word[0].isdigit()
    if word in MAY_END or _INITIALISM.match(word):
        return starter
    if len(word) == 1 and word.isalpha():
        return starter  # a middle initial: "John F. Kennedy"; but "Plan B. The…" ends
    return True
