"""Glossary terms in running text: each mention becomes a tooltip, the first one on a page a link.

`TermMarker` remembers, page by page, which terms it has already linked. Which pages use a term
(the glossary's "Mentioned in") is a query on the model, queries.term_pages, with the same
`spelling_pattern`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import Markup

from .. import urls
from ..escape import text as escape_text
from ..model import Term
from ..understand.queries import spelling_pattern


@dataclass
class TermMarker:
    """Marks glossary terms in text, page by page."""

    terms: tuple[Term, ...]
    pattern: re.Pattern[str] | None = None
    by_spelling: dict[str, Term] = field(default_factory=dict)
    linked: dict[str, set[str]] = field(default_factory=dict)  # page → anchors already linked

    def __post_init__(self) -> None:
        self.pattern = spelling_pattern(self.terms)
        self.by_spelling = {s: t for t in self.terms for s in t.spellings}

    def mark(self, text: str, page: str) -> Markup:
        """HTML text with each term mention wrapped for its tooltip; first mention links."""
        if self.pattern is None:
            return escape_text(text)
        parts, position = [], 0
        for match in self.pattern.finditer(text):
            term = self.by_spelling[match.group()]
            parts.append(escape_text(text[position:match.start()]))
            parts.append(self.mention(term, match.group(), page))
            position = match.end()
        parts.append(escape_text(text[position:]))
        return Markup("").join(parts)

    def mention(self, term: Term, spelling: str, page: str) -> Markup:
        linked = self.linked.setdefault(page, set())
        if term.anchor in linked or page == urls.GLOSSARY:
            return tooltip(term, spelling)
        linked.add(term.anchor)
        href = urls.link(page, urls.GLOSSARY, term.anchor)
        return Markup('<a class="term" href="{}" title="{}">{}</a>').format(
            href, escape_text(shown_definition(term)), escape_text(spelling))


@lru_cache(maxsize=4096)
def tooltip(term: Term, spelling: str) -> Markup:
    """A mention after the first: the definition on hover, focus and tap (Material tooltips)."""
    return Markup('<abbr class="term" title="{}" tabindex="0">{}</abbr>').format(
        escape_text(shown_definition(term)), escape_text(spelling))


def shown_definition(term: Term) -> str:
    """The definition a mention shows, a draft's marked as such."""
    if not term.draft:
        return term.definition
    return f"Draft: {term.definition}" if term.definition else "Draft: not defined yet"
