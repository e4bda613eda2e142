"""What the site's search needs from the glossary: which typed words stand for which term.

A reader may search for a glossary term by one of its aliases ("Triumf" for the S-400, "Joint
Strike Fighter" for the F-35). The search worker (the patch in the theme's main.html) reads
`search/synonyms.json` when search starts and, when a query contains one of these phrases,
searches for the term as well, so the pages about the term are found, not only the glossary.

A phrase is a whole alias, or what an alias adds to the term's own words: "S-400 Triumf" gives
"S-400 Triumf" and "Triumf". Folding (case, accents, "F-35" = "F35") happens in the worker,
on the query and on the index alike.
"""

from __future__ import annotations

import json

from .model import Term

SYNONYMS = "search/synonyms.json"


def alias_phrases(term: Term) -> list[str]:
    """The phrases that lead to the term: each alias and, where an alias is the term followed
    by a name ("S-400 Triumf", "F-35 Lightning II"), that name alone ("Triumf").

    Only a capitalised name after the term counts: "July 2016 coup attempt" doesn't make
    "July" a name of the coup attempt, nor "stealth capabilities" make "capabilities" stealth.
    """
    own = term.term.casefold().split()
    phrases: dict[str, None] = {}
    for alias in term.aliases:
        phrases[alias] = None
        words = alias.split()
        name = words[len(own):]
        if [w.casefold() for w in words[:len(own)]] == own and name and name[0][:1].isupper():
            phrases[" ".join(name)] = None
    return [p for p in phrases if p.casefold() != term.term.casefold()]


def render_synonyms(terms: tuple[Term, ...]) -> str:
    """`search/synonyms.json`: {"synonyms": [[phrase, term], ...]} for the search worker."""
    pairs = [json.dumps([phrase, term.term], ensure_ascii=False)
             for term in terms for phrase in alias_phrases(term)]
    return '{"schema": 1, "synonyms": [\n' + ",\n".join(pairs) + "\n]}\n"
