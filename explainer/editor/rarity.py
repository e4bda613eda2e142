"""How often English writing uses a word (wordfreq's Zipf scale: 3 is once per million words,
6 once per thousand), for `make draft`: a word a general reader rarely meets ("silage",
"orthophosphate", "plutonium") is a term the glossary may need, even where an article uses it
once."""

from __future__ import annotations

from wordfreq import zipf_frequency

from ..memo import per_process
from ..understand.wordforms import word_classes

# Below this, a reader meets the word fewer than about six times in a million words: "mediator"
# (3.3), "arbitration" (3.7), "corrosion" (3.5); "militia" (3.9), "coup" (4.0) stay everyday.
RARE_BELOW = 3.8


@per_process(maxsize=4096)
def zipf(word: str) -> float:
    """The word's frequency in English on the Zipf scale (0 for a word wordfreq never saw)."""
    return zipf_frequency(word, "en")


def frequency(word: str) -> float:
    """How often a reader meets the word, counting its singular too ("fares" is rarer than
    "fare", "deliveries" than "delivery", "sides" than "side", which everyone knows)."""
    word = word.casefold()
    forms = {word, word[:-1] if word.endswith("s") else word,
             word[:-2] if word.endswith("es") else word,
             word[:-3] + "y" if word.endswith("ies") else word}
    return max(zipf(form) for form in forms if form)


def is_rare(word: str) -> bool:
    """Whether a general reader rarely meets this word (or its singular)."""
    return frequency(word) < RARE_BELOW


EVERYDAY = 4.3  # both halves of a plain compound: "cell" 4.9 and "phone" 5.3; not "ransom" 3.7


def is_plain_compound(word: str) -> bool:
    """Whether a word is two everyday words run together, which a reader understands from its
    parts ("cellphone", "nightstand", "countywide", "firefighters"), however rarely it is
    written; "ransomware" and "orthophosphate" are not."""
    word = word.casefold()
    return "-" not in word and any(
        frequency(word[:cut]) >= EVERYDAY and frequency(word[cut:]) >= EVERYDAY
        for cut in range(4, len(word) - 3))  # halves of four letters or more: not "bar|ges"


def may_be_a_thing(word: str) -> bool:
    """Whether the word may name a thing: the lexicon knows it as a noun, or doesn't know it.
    A verb ("lightens", "withdrew") or a description ("dire", "brittle", "unpaid") is no
    glossary term, however rarely it is written."""
    classes = word_classes(word)
    return not classes or "NOUN" in classes
