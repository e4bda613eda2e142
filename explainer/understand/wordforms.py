"""A signal's own word forms: the plurals and tenses of each of its words, in either spelling.

An editor writes a signal once ("defence system", "frozen", "talks") and it matches the forms
English inflects those words into ("defense systems", "froze", "freezing", "talk"), and never
another word that only begins alike: "national" is not "nation", "united" is not "unit", as a
stemmer would have it.

A word's forms are, from LemmInflect's dictionary of English lemmas and inflections:

- the word itself, and its lemmas as a noun or a verb ("frozen" → freeze, "counties" → county);
- every inflection of those lemmas: a noun's singular and plural, a verb's tenses and
  participles ("freeze", "freezes", "froze", "frozen", "freezing");
- nothing more for an adjective or an adverb: "lower" is not "low", "better" is not "good";
- for a word the dictionary does not know (a name: "Dalkombank", "Erdogan"), the regular noun
  forms ("Dalkombanks");
- for a word with a digit ("400" in "S-400") itself and its plural ("400s"), and for a word of
  one or two letters ("S", "US") only itself.

British and American spellings listed in spelling.txt are one word: a signal written in
either spelling matches the forms of both ("defence" matches "defenses").
"""

from __future__ import annotations

import re
from importlib import resources

from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas, getAllLemmasOOV

from ..dates import reporting_verbs
from ..fold import fold
from ..memo import per_process

# The parts of speech whose inflections are the same word to a reader: a noun's number, a
# verb's tenses. An adjective's degrees ("lower", "lowest") change what it says.
INFLECTED = ("NOUN", "VERB")
SHORTEST_INFLECTED = 3  # "S", "US", "UN" are letters of a name, not words to inflect


@per_process(maxsize=1)
def spelling_variants() -> dict[str, frozenset[str]]:
    """Each spelling in spelling.txt → both spellings of its word."""
    text = resources.files(__package__).joinpath("spelling.txt").read_text("utf-8")
    variants: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            british, american = line.split()
            variants[british] = variants[american] = frozenset({british, american})
    return variants


def spellings(word: str) -> frozenset[str]:
    """A folded word in every spelling it has ("defence" → defence, defense)."""
    return spelling_variants().get(word, frozenset({word}))


@per_process(maxsize=16384)
def word_forms(word: str) -> frozenset[str]:
    """Every form of a word a signal matches, folded, in both spellings (see the module's
    docstring)."""
    forms: set[str] = set()
    for spelling in spellings(fold(word)):
        forms |= inflections(spelling)
    # The other spelling of any form ("defenses" → defense → defence → "defences").
    others = {v for form in forms for v in spellings(form)} - forms
    for other in others:
        forms |= inflections(other)
    return frozenset(forms)


def inflections(word: str) -> set[str]:
    """A folded word, its lemmas as a noun or verb, and their inflections."""
    if len(word) < SHORTEST_INFLECTED:
        return {word}
    if any(c.isdigit() for c in word):  # "400" and "400s"
        bare = word[:-1] if word[-1] == "s" and word[-2].isdigit() else word
        return {bare, bare + "s"}
    lemmas = getAllLemmas(word)
    if not lemmas:  # not in the dictionary: a name, or a rare word; inflected as a noun
        forms = {word}
        for lemma in getAllLemmasOOV(word, "NOUN").get("NOUN", ()):
            forms.add(lemma)
            forms.update(f for group in getAllInflectionsOOV(lemma, "NOUN").values()
                         for f in group)
        return {fold(f) for f in forms}
    forms = {word}
    # "hearing", "meeting", "ruling": a noun in -ing is that noun ("hearings"), not a tense of
    # the verb it comes from ("heard")
    # ... and so is a noun whose verb reports what someone said: "report" is a report (or
    # reports), not what anyone "reported" on
    nouns = lemmas.get("NOUN", ())
    kinds = ("NOUN",) if (word.endswith("ing") and word in nouns) or any(
        reports_speech(noun) for noun in nouns) else INFLECTED
    for pos in kinds:
        for lemma in lemmas.get(pos, ()):
            forms.add(lemma)
            forms.update(f for group in getAllInflections(lemma, upos=pos).values()
                         for f in group)
    return {fold(f) for f in forms}


def reports_speech(word: str) -> bool:
    """Whether a word is also a verb that reports speech ("report", "statement" is not)."""
    return any(form in reporting_verbs() for group in getAllInflections(word, upos="VERB").values()
               for form in group)


@per_process(maxsize=65536)
def stem(word: str) -> str:
    """One word's key: the lemma it is a form of, in one spelling. "froze", "frozen" and
    "freezes" share one (freeze), "national" and "nation" don't. A form of two lemmas takes the
    one English uses most (lemma-choices.txt): "rent" and "rents" share rent, though "rent" is
    also a form of rend, and "found" is find's. What texts are compared by when no signal is at
    hand (answers to a question, drafted phrases)."""
    folded = fold(word)
    return min(spellings(min(lemma_of(spelling) for spelling in spellings(folded))))


def lemma_of(word: str) -> str:
    """The noun or verb lemma a folded word is a form of; the word itself where it has none
    (an adjective, a name); for a form of two lemmas, the one lemma-choices.txt names."""
    if len(word) < SHORTEST_INFLECTED or any(c.isdigit() for c in word):
        return word.removesuffix("s") if word[-2:-1].isdigit() else word
    if word in lemma_choices():
        return lemma_choices()[word]
    candidates = lemma_candidates(word)
    if candidates:
        return min(candidates)
    if getAllLemmas(word):  # an adjective or an adverb: itself
        return word
    oov = getAllLemmasOOV(word, "NOUN").get("NOUN", ())
    return fold(oov[0]) if oov else word


@per_process(maxsize=4096)
def own_form_keys(word: str) -> tuple[str, ...]:
    """The keys of the forms of a word taken as its own lemma ("lay": lay, laid, laying), where
    the dictionary has it as a noun or a verb: a word written by an editor means itself."""
    folded = fold(word)
    lemmas = getAllLemmas(folded)
    forms = {f for pos in INFLECTED if folded in lemmas.get(pos, ())
             for group in getAllInflections(folded, upos=pos).values() for f in group}
    # a form that is also another word's plural is read as that noun: "shelves" are shelves,
    # not what "shelve" does
    return tuple(sorted({stem(form) for form in forms
                         if stem(form) == stem(folded) or stem(form) == folded
                         or stem(form) not in getAllLemmas(form).get("NOUN", ())}))


def lemma_candidates(word: str) -> set[str]:
    """The noun and verb lemmas the dictionary gives for a folded word."""
    lemmas = getAllLemmas(word)
    return {fold(lemma) for pos in INFLECTED for lemma in lemmas.get(pos, ())}


@per_process(maxsize=1)
def lemma_choices() -> dict[str, str]:
    """Each word form of two noun or verb lemmas or more → the one English uses most, from
    lemma-choices.txt (made by tools/lemma-choices.py from LemmInflect and wordfreq)."""
    text = resources.files(__package__).joinpath("lemma-choices.txt").read_text("utf-8")
    return dict(line.split() for line in text.splitlines()
                if line.strip() and not line.startswith("#"))


@per_process(maxsize=1 << 16)  # a sentence's keys, asked by every question part it may answer
@per_process(maxsize=4096)
def word_classes(word: str) -> frozenset[str]:
    """The parts of speech an English lexicon knows the word form as (lemminflect's own
    data: "lightens" VERB, "dire" ADJ, "silage" NOUN and VERB); empty for a word it doesn't
    know ("ransomware", "pastureland")."""
    return frozenset(getAllLemmas(word.casefold()))


def names_a_thing(word: str) -> bool:
    """Whether a word names a thing, not an action or a quality: the lexicon knows it as a
    noun and not as a description ("levee", "sanctions"; not "derail", "safe", "worst"), or
    doesn't know it ("ERCOT")."""
    classes = word_classes(word)
    return not classes or ("NOUN" in classes and "ADJ" not in classes)


def stems(text: str) -> tuple[str, ...]:
    """A text's words as keys (stem), hyphens as spaces: "S-400s" → ("s", "400")."""
    return tuple(stem(word) for word in re.findall(r"\w+", text))


def is_plural_noun(word: str) -> bool:
    """Whether a word, as written, is a common noun's plural ("riders", "families"; not
    "water", "NATO", "news")."""
    if not word[:1].islower():
        return False
    return any(fold(lemma) != fold(word) for lemma in getAllLemmas(word).get("NOUN", ()))
