"""search/synonyms.json: which typed phrases lead to which glossary term (from the data)."""

from __future__ import annotations

import json

import pytest

from explainer.model import Term
from explainer.render.search import alias_phrases, render_synonyms


def term(name: str, *aliases: str) -> Term:
    return Term(name, name.lower(), aliases, "A definition.", "https://example.org/")


@pytest.mark.parametrize("entry, phrases", [
    (term("S-400", "S-400s", "S-400 Triumf", "SA-21 Growler"),
     ["S-400s", "S-400 Triumf", "Triumf", "SA-21 Growler"]),
    (term("F-35", "F-35 Lightning II"), ["F-35 Lightning II", "Lightning II"]),
    # A word before the term, or a lower-case word after it, is no name of the thing.
    (term("2016 coup attempt", "July 2016 coup attempt"), ["July 2016 coup attempt"]),
    (term("stealth", "stealth capabilities"), ["stealth capabilities"]),
    # A variant spelling leads to the term as a whole, never by its differing word alone.
    (term("collective defence", "collective defense"), ["collective defense"]),
    # An alias that is the term in other case adds nothing.
    (term("NATO", "Nato"), []),
    (term("Ankara"), []),
])
def test_alias_phrases(entry, phrases):
    assert alias_phrases(entry) == phrases


def test_synonyms_file_pairs_each_phrase_with_its_term():
    terms = (term("S-400", "S-400 Triumf"), term("Erdogan", "Erdoğan", 'Quote "x" </script>'))
    data = json.loads(render_synonyms(terms, ["f35", "s400"]))
    assert data == {"schema": 1, "synonyms": [
        ["S-400 Triumf", "S-400"], ["Triumf", "S-400"],
        ["Erdoğan", "Erdogan"], ['Quote "x" </script>', "Erdogan"]],
        "designators": ["f35", "s400"]}


@pytest.mark.parametrize("text, found", [
    ("the S-400 and F-35 programs", ["s400", "f35"]),
    ("an A400M, a Su-57 and Çelik-7", ["a400", "su57", "celik7"]),  # folded as the worker folds
    ("12345, F12345, ABCDEFG-12, 2019-07", []),  # inside longer words and numbers
])
def test_designators_are_found_and_folded_as_the_search_worker_folds_them(text, found):
    from explainer.render.search import DESIGNATOR, search_fold

    assert [search_fold(match) for match in DESIGNATOR.findall(text)] == found
