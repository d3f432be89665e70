"""Where HTML text breaks between words."""

from __future__ import annotations

# Elements that end a word even with no space around them: "<li>one</li><li>two</li>" reads as two words, as a
# browser shows it, while inline elements ("pre<em>fix</em>") run on. Reading times count words by them, and the
# summary card puts a space where it flattens one of them into a line of text.
WORD_BREAKING_TAGS = frozenset(
    {
        *("p", "div", "br", "hr", "img", "blockquote", "section", "article"),
        *("h1", "h2", "h3", "h4", "h5", "h6"),
        *("ul", "ol", "li"),
        *("table", "tr", "td", "th"),
    }
)
