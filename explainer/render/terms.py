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
        spans = term_spans(self.pattern, text)
        parts, position = [], 0
        for (start, end), next_start in zip(spans, [s for s, _ in spans[1:]] + [len(text)]):
            mention = self.mention(self.by_spelling[text[start:end]], text[start:end], page)
            if isinstance(mention, Tooltip):
                # A tooltip is an inline block, and the browser breaks a line on either side
                # of one, even inside a word ("“" at a line's end, "S-400" below): the marks
                # touching it go with it.
                start, end, mention = glued(text, start, end, mention, position, next_start)
            parts.append(escape_text(text[position:start]))
            parts.append(mention)
            position = end
        parts.append(escape_text(text[position:]))
        return Markup("").join(parts)

    def mention(self, term: Term, spelling: str, page: str) -> Markup | Tooltip:
        defined = self.defined.setdefault(page, set())
        if term.anchor in defined or page == urls.GLOSSARY:
            return escape_text(spelling)
        defined.add(term.anchor)
        return tooltip(term, spelling)


class Tooltip(Markup):
    """A term's mention made its tooltip (as against a later mention, plain text)."""


@per_process(maxsize=4096)
def tooltip(term: Term, spelling: str) -> Tooltip:
    """A term's first mention on a page: the definition on hover, focus and tap."""
    return Tooltip(Markup('<abbr class="term" title="{}" tabindex="0">{}</abbr>').format(
        escape_text(shown_definition(term)), escape_text(spelling)))


TOUCHING_BEFORE = re.compile(r"\S+$")
TOUCHING_AFTER = re.compile(r"^\S+")


def glued(text: str, start: int, end: int, mention: Markup, after: int,
          before: int) -> tuple[int, int, Markup]:
    """The tooltip with the characters touching it, between the previous mention's end
    (`after`) and the next one's start (`before`), kept on its line: (start, end, HTML)."""
    lead = TOUCHING_BEFORE.search(text[after:start])
    trail = TOUCHING_AFTER.search(text[end:before])
    if not lead and not trail:
        return start, end, mention
    lead_text = lead.group() if lead else ""
    trail_text = trail.group() if trail else ""
    html = Markup('<span class="term-word">{}{}{}</span>').format(
        escape_text(lead_text), mention, escape_text(trail_text))
    return start - len(lead_text), end + len(trail_text), html


def shown_definition(term: Term) -> str:
    """The definition a mention shows, a draft's marked as such."""
    if not term.draft:
        return term.definition
    return f"Draft: {term.definition}" if term.definition else "Draft: not defined yet"
