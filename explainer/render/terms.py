"""Glossary terms in running text: a term is defined once per page.

The first mention of a term on a page becomes its tooltip (`<abbr title tabindex=0>`): the
definition shows on hover, on keyboard focus and on tap (Material's tooltips), and as the
browser's own title without JavaScript. Later mentions on the same page are plain text, as
Wikipedia links a term once: repeating the definition in every mention made a long topic page
mostly definitions (214 KB of HTML at 200 articles) and every mention a tab stop (678 of them
at 500). The glossary page defines every term in full, so its mentions are plain text.

`TermMarker` remembers, page by page, which terms it has already defined. Which pages use a
term (the glossary's "Mentioned in") is a query on the model, queries.term_pages, with the same
`spelling_pattern`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from .. import urls
from ..escape import text as escape_text
from ..memo import per_process
from ..model import Term
from ..understand.queries import spelling_pattern, term_spans


@dataclass
class TermMarker:
    """Marks glossary terms in text, page by page: each term's first mention on a page."""

    terms: tuple[Term, ...]
    pattern: re.Pattern[str] | None = None
    by_spelling: dict[str, Term] = field(default_factory=dict)
    defined: dict[str, set[str]] = field(default_factory=dict)  # page → anchors defined there

    def __post_init__(self) -> None:
        self.pattern = spelling_pattern(self.terms)
        self.by_spelling = {s: t for t in self.terms for s in t.spellings}

    def mark(self, text: str, page: str) -> Markup:
        """HTML text with the first mention of each term on `page` made its tooltip."""
        if self.pattern is None:
            return escape_text(text)
        parts, position = [], 0
        for start, end in term_spans(self.pattern, text):
            term = self.by_spelling[text[start:end]]
            parts.append(escape_text(text[position:start]))
            parts.append(self.mention(term, text[start:end], page))
            position = end
        parts.append(escape_text(text[position:]))
        return Markup("").join(parts)

    def mention(self, term: Term, spelling: str, page: str) -> Markup:
        defined = self.defined.setdefault(page, set())
        if term.anchor in defined or page == urls.GLOSSARY:
            return escape_text(spelling)
        defined.add(term.anchor)
        return tooltip(term, spelling)


# A term up to this long stays on one line ("S-400", not "S-" and "400"); a longer one wraps
# as the words around it do, since kept whole it would leave a gap or widen a phone's page.
ONE_LINE_MAX = 24


@per_process(maxsize=4096)
def tooltip(term: Term, spelling: str) -> Markup:
    """A term's first mention on a page: the definition on hover, focus and tap."""
    kind = "term" if len(spelling) <= ONE_LINE_MAX else "term term--long"
    return Markup('<abbr class="{}" title="{}" tabindex="0">{}</abbr>').format(
        kind, escape_text(shown_definition(term)), escape_text(spelling))


def shown_definition(term: Term) -> str:
    """The definition a mention shows, a draft's marked as such."""
    if not term.draft:
        return term.definition
    return f"Draft: {term.definition}" if term.definition else "Draft: not defined yet"
