"""Drafted definitions and glossary terms (explainer/editor/definitions.py, draft.py): the
article's own defining phrase, from the readable case file tests/cases/definitions.txt, and the
terms a reader may need explained."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from explainer.editor.definitions import defining_phrase
from explainer.editor.draft import folded, merge_aliases, named_terms, plain_words, rare_terms

CASES = Path(__file__).parent.parent / "cases" / "definitions.txt"


def used_once_each(names: dict[str, list[int]]) -> dict[str, list]:
    """Candidates whose uses are that many sentences saying nothing more."""
    return {name: [(None, SimpleNamespace(text=""))] * len(uses) for name, uses in names.items()}


def load_cases():
    cases = []
    for number, line in enumerate(CASES.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        term, sentence, expected = (part.strip() for part in line.split(" | "))
        cases.append(pytest.param(term, sentence, None if expected == "-" else expected,
                                  id=f"definitions.txt:{number}"))
    return cases


@pytest.mark.parametrize("term, sentence, expected", load_cases())
def test_definition_case(term, sentence, expected):
    found = defining_phrase([term], sentence, plain_words())
    assert (found[1] if found else None) == expected


@pytest.mark.parametrize("sentence, terms", [
    ("Utilities add treatments such as orthophosphate to the water.", ["orthophosphate"]),
    ("It probed alleged money laundering by the bank.", ["money laundering"]),
    ("The water is corrosive and the river is navigable.", []),
    ("Crops there deteriorate and the union wants to ratify it.", []),
    ("It was a heart-wrenching decision.", []),
    ("The drivers and the mayor met at the office.", []),
    # a plural counts as its singular: everyone knows "delivery"
    ("Gas deliveries fell as the refineries shut.", ["refineries"]),
    # a word the lexicon knows only as a verb or a description names no thing
    ("The stalks are so dry and brittle, and the outlook is dire.", ["stalks"]),
    ("The industry lightens its load and withdrew its barges.", ["barges"]),
    ("They watched the corn disintegrating into silage.", ["silage"]),
    # a species keeps its genus's initial
    ("Samples showed no sign of E. coli on Friday.", ["E. coli"]),
    # two everyday words run together explain themselves; a rare part doesn't
    ("She left her cellphone on the nightstand by the landlines.", []),
    ("The ransomware locked the files.", ["ransomware"]),
    # ... halves of three letters too ("pay|check", "pot|holes"), but not "bar|ges"
    ("His paycheck went on the potholes by the barges.", ["barges"]),
    # a word made by a plain ending from a word a reader knows is read from it ("respond",
    # "plan", "brave", "deliberate"); one made from a rare word isn't ("arbitrate", "mediate")
    ("The responders, planners and their bravery ended the deliberations.", []),
    ("The mediator asked for arbitration.", ["mediator", "arbitration"]),
])
def test_words_a_reader_rarely_meets_are_terms(sentence, terms):
    assert rare_terms(sentence) == terms


@pytest.mark.parametrize("sentence, terms", [
    ("We are making what they call corn silage out of this.", ["corn silage"]),
    ("It cites the so-called grey zone tactics.", ["grey zone tactics"]),
    ("Needs unmet since 2016’s failed coup attempt.", ["failed coup attempt"]),
    ("The 2012 drought hit hard.", []),
    ("an idea Okafor called \"unfair\"", []),
])
def test_what_an_article_names_or_dates_is_a_term(sentence, terms):
    assert named_terms(sentence) == terms


def test_spellings_of_one_thing_are_one_entry():
    assert folded("Erdoğan") == folded("Erdogan")
    assert folded("S-400s") == folded("S-400")
    groups = merge_aliases(used_once_each({"Recep Tayyip Erdogan": [1], "Recep Tayyip Erdoğan": [2],
                            "Erdoğan": [3], "S-400": [1, 2], "S-400s": [3]}))
    assert groups == {"Recep Tayyip Erdogan": ["Recep Tayyip Erdoğan", "Erdoğan"],
                      "S-400": ["S-400s"]}
    assert folded("Hawaiʻi") == folded("Hawaii")
    assert folded("Grace Ocean Private Ltd") == folded("Grace Ocean Private Limited")
    # a company's legal form is no other company (a newcomer's: "Insys Therapeutics Inc")
    assert folded("Insys Therapeutics Inc.") == folded("Insys Therapeutics")
    assert folded("The Company") != folded("The")
    # a middle initial or none: one person
    assert merge_aliases(used_once_each({"Craig D. Fair": [1], "Craig Fair": [2], "Fair": [3]})) == {
        "Craig D. Fair": ["Craig Fair", "Fair"]}
    # ... not a name's last word after "of" (a newcomer's: "Insys" was an alias of "Founder
    # of Insys")
    assert merge_aliases(used_once_each({"Founder of Insys": [1], "Insys": [2]})) == {
        "Founder of Insys": [], "Insys": []}
    # a surname of two words is the full name's that ends with it (a newcomer's: "Lopez
    # Obrador" and "Pena Nieto" were entries of their own), not a body's shorter name
    assert merge_aliases(used_once_each({"Andres Manuel Lopez Obrador": [1], "Lopez Obrador": [2],
                          "Enrique Pena Nieto": [3], "Pena Nieto": [4]})) == {
        "Andres Manuel Lopez Obrador": ["Lopez Obrador"], "Enrique Pena Nieto": ["Pena Nieto"]}
    # a person's first word alone is them where no one else's begins so (a newcomer's: "Ranil"
    # of a quotation was an entry of its own); a surname with a plural s is the family
    assert merge_aliases(used_once_each({"Ranil Wickremesinghe": [1], "Ranil": [2], "Gotabaya Rajapaksa": [3],
                          "Rajapaksas": [4], "Kim Jong Un": [5], "Kim Yo Jong": [6],
                          "Kim": [7]})) == {
        "Ranil Wickremesinghe": ["Ranil"], "Gotabaya Rajapaksa": [], "Kim Jong Un": [],
        "Kim Yo Jong": [], "Rajapaksas": [], "Kim": []}


def test_an_acronym_of_hyphenated_words_is_their_alias():
    assert merge_aliases(used_once_each({"Pick-and-Go Sample Arm": [1], "PAGSA": [2]})) == {
        "Pick-and-Go Sample Arm": ["PAGSA"]}


def test_an_acronym_then_what_it_stands_for_in_brackets_is_one_entry():
    """A newcomer's: "OSIRIS-REx (Origins, Spectral Interpretation, Resource Identification and
    Security – Regolith Explorer)" gave five entries, "Origins" to "Regolith Explorer", and
    none an alias of OSIRIS-REx. The names inside brackets that spell an acronym's capitals
    are one name, its expansion; not a place and its agency ("Washington (Reuters)")."""
    from types import SimpleNamespace

    from explainer.understand.names import names_in, vocabulary_of

    text = ("The capsule of NASA’s OSIRIS-REx (Origins, Spectral Interpretation, Resource "
            "Identification and Security – Regolith Explorer) mission landed in Utah.")
    expansion = ("Origins, Spectral Interpretation, Resource Identification and Security – "
                 "Regolith Explorer")
    assert names_in(text, vocabulary_of((text,))) == ["NASA", "OSIRIS-REx", expansion, "Utah"]
    said = SimpleNamespace(text=text)
    assert merge_aliases({expansion: [(None, said)], "OSIRIS-REx": [(None, said)]}) == {
        expansion: ["OSIRIS-REx"]}
    wire = SimpleNamespace(text="Officials in Washington (Reuters) said so.")
    assert merge_aliases({"Washington": [(None, wire)], "Reuters": [(None, wire)]}) == {
        "Washington": [], "Reuters": []}


def test_a_short_name_given_in_brackets_is_the_full_names_alias():
    from types import SimpleNamespace
    said = SimpleNamespace(text="EIA's Hourly Electric Grid Monitor (Grid Monitor) shows it.")
    other = SimpleNamespace(text="The Grid Monitor shows demand.")
    groups = merge_aliases({"Hourly Electric Grid Monitor": [(None, said)],
                            "Grid Monitor": [(None, said), (None, other)],
                            "Canal Authority": [(None, other)],
                            "Panama Canal Authority": [(None, other)]})
    assert groups["Hourly Electric Grid Monitor"] == ["Grid Monitor"]
    # a shorter name that ends the same is another name unless the article says it is this one
    assert "Canal Authority" in groups
