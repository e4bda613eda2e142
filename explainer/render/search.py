"""What the site's search needs from the glossary: which typed words stand for which term.

A reader may search for a glossary term by one of its aliases ("Triumf" for the S-400, "Joint
Strike Fighter" for the F-35). The search worker (the patch in the theme's main.html) reads
`search/synonyms.json` when search starts and, when a query contains one of these phrases,
searches for the term as well, so the pages about the term are found, not only the glossary.

A phrase is a whole alias, or what an alias adds to the term's own words: "S-400 Triumf" gives
"S-400 Triumf" and "Triumf". Folding (case, accents, "F-35" = "F35") happens in the worker,
on the query and on the index alike.

The file also lists the story's designators ("s400", "f35": letters and digits, folded as the
worker folds), so the worker can join a typed "F 35" into "f35" without reading the whole
index for them first: found here once per article, not on a reader's phone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from ..fold import fold
from ..memo import per_content
from ..model import Explainer, Term

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


def render_synonyms(terms: tuple[Term, ...], designators: Sequence[str] = ()) -> str:
    """`search/synonyms.json`: {"synonyms": [[phrase, term], ...], "designators": [...]} for
    the search worker."""
    pairs = [json.dumps([phrase, term.term], ensure_ascii=False)
             for term in terms for phrase in alias_phrases(term)]
    return ('{"schema": 1, "synonyms": [\n' + ",\n".join(pairs) + "\n],\n"
            + '"designators": ' + json.dumps(list(designators), ensure_ascii=False) + "}\n")


# 1 to 5 letters, maybe a hyphen, 1 to 4 digits, not inside a longer word or number: "S-400",
# "F35", and "A400" of "A400M" (a reader may type "A 400").
DESIGNATOR = re.compile(r"(?<![^\W_])[^\W\d_]{1,5}-?[0-9]{1,4}(?!\d)")
def search_fold(text: str) -> str:
    """How search compares words: folded (explainer/fold.py), and a letter joined to the
    figure after it ("f-35" → "f35"), as the theme's search code does to a query."""
    return re.sub(r"([^\W\d_])-(?=[0-9])", r"\1", fold(text))


def designators(explainer: Explainer) -> list[str]:
    """Every designator of the site's text, folded, sorted."""
    story = explainer.story
    texts = [story.title, story.summary]
    texts += [t for topic in story.topics for t in (topic.title, topic.question)]
    texts += [p.text for topic in story.topics for p in topic.key_points]
    texts += [t for term in story.terms for t in (term.term, term.definition, *term.aliases)]
    texts += [t for event in story.events for t in (event.headline, event.text)]
    found = set(designators_in(tuple(texts)))
    for article in explainer.articles:
        found.update(designators_in((article.title, *article.texts,
                                     *(f.text for f in article.furniture))))
    return sorted(found)


@per_content(maxsize=8192)  # per article
def designators_in(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(search_fold(match) for text in texts for match in DESIGNATOR.findall(text))
