"""How often English writing uses a word (wordfreq's Zipf scale: 3 is once per million words,
6 once per thousand), for `make draft`: a word a general reader rarely meets ("silage",
"orthophosphate", "plutonium") is a term the glossary may need, even where an article uses it
once."""

from __future__ import annotations

from importlib import resources

from wordfreq import zipf_frequency

from ..memo import per_process
from ..understand.wordforms import word_classes, word_forms

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
        zipf(word[:cut]) >= EVERYDAY and frequency(word[cut:]) >= EVERYDAY
        and len(word[cut:].removesuffix("s")) >= 3  # "pot|holes", not "bar|ges"
        for cut in range(3, len(word) - 2))  # halves of three letters or more: "pay|check"


@per_process(maxsize=1)
def word_endings() -> tuple[tuple[str, str, str], ...]:
    """The endings that make a word from another (word-endings.txt): ending, what replaces
    it, and what the other word must be."""
    text = resources.files(__package__).joinpath("word-endings.txt").read_text("utf-8")
    rows = (line.split() for line in text.splitlines() if line.strip() and line[0] != "#")
    return tuple((ending, "" if replaced == "-" else replaced, kind)
                 for ending, replaced, kind in rows)


def made_from_a_known_word(word: str) -> bool:
    """Whether a word is made by a common ending from a word a reader knows, and so is read
    from it: "responders" from "respond", "planners" from "plan", "bravery" from "brave",
    "deliberations" from "deliberate"; not "arbitration" ("arbitrate" is rare itself)."""
    word = word.casefold()
    for ending, replaced, kind in word_endings():
        stem = word.removesuffix(ending)
        if stem == word or len(stem) < 3:
            continue
        for base in {stem + replaced, stem[:-1] + replaced if stem[-1] == stem[-2] else ""}:
            if base and kind in word_classes(base) \
                    and max(zipf(form) for form in word_forms(base) | {base}) >= RARE_BELOW:
                return True
    return False


def may_be_a_thing(word: str) -> bool:
    """Whether the word may name a thing: the lexicon knows it as a noun, or doesn't know it.
    A verb ("lightens", "withdrew") or a description ("dire", "brittle", "unpaid") is no
    glossary term, however rarely it is written."""
    classes = word_classes(word)
    return not classes or "NOUN" in classes
