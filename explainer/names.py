"""Names and acronyms in an article's sentences: what a glossary may need to explain.

A name is a run of capitalised words, kept whole with the small words that link its parts
("Gulf of Aden", "Bab el-Mandeb", "Suez Canal Authority", "Recep Tayyip Erdoğan"). A run
stops at anything else: a comma, "and" ("Egypt and Jordan" are two names), a possessive
("Russia’s S-400"). A sentence's first word is capitalised anyway, so it counts only when the
article shows it is a name: capitalised in the middle of a sentence elsewhere, or (never written
in lowercase and not a common opening word) the start of a longer run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable

from .dates import CALENDAR_WORDS, date_mentions

ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*[A-Z0-9](?![\w-])")
WORD = re.compile(r"[^\W\d_][\w’'-]*")
POSSESSIVE = re.compile(r"[’']s?$")
# Small words that join the parts of one name: "Gulf of Aden", "Abu Bakr al Baghdadi".
LINKING_WORDS = frozenset("of the de du des da do dos das di del della la le van von der den ter "
                          "bin ibn al el y upon".split())
# "el-Mandeb", "al-Houthi", "d’Ivoire": a lowercase particle joined to a capitalised name.
PARTICLE_NAME = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|de|di|d|l)[-’'][^\W\d_]",
                           re.IGNORECASE)


@lru_cache(maxsize=1)
def common_openers() -> frozenset[str]:
    """Words that often open a sentence and are never names ("The", "However"), packaged."""
    text = resources.files("explainer").joinpath("common-words.txt").read_text("utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines()
                     if line.strip() and line[0] != "#")


@dataclass(frozen=True)
class Vocabulary:
    """What an article shows about its words: which it writes in lowercase, and which it
    capitalises in the middle of a sentence."""

    lowercase: frozenset[str]
    capitalised: frozenset[str]


def is_name_word(word: str) -> bool:
    """Capitalised with some lowercase ("Aden", "Erdoğan"), or a particle name ("el-Mandeb")."""
    bare = POSSESSIVE.sub("", word)
    if bare.casefold() in CALENDAR_WORDS:
        return False
    if PARTICLE_NAME.match(bare):
        return True
    if "-" in bare and bare.rsplit("-", 1)[1][:1].islower():
        return False  # "Iran-backed", "Russia-made": a description, not a name
    return bare[:1].isupper() and any(c.islower() for c in bare)


def words_of(text: str) -> list[re.Match]:
    """The words of a sentence outside its dates ("Jan. 11" is a date, not a name)."""
    dates = [range(m.start, m.start + len(m.phrase)) for m in date_mentions(text)]
    return [w for w in WORD.finditer(text) if not any(w.start() in span for span in dates)]


def vocabulary_of(sentences: Iterable[str]) -> Vocabulary:
    lowercase, capitalised = set(), set()
    for text in sentences:
        for index, word in enumerate(WORD.finditer(text)):
            bare = POSSESSIVE.sub("", word.group())
            if bare[:1].islower():
                lowercase.add(bare.casefold())
            elif index > 0:
                capitalised.add(bare)
    return Vocabulary(frozenset(lowercase), frozenset(capitalised))


def opens_a_name(word: str, next_is_name: bool, vocabulary: Vocabulary) -> bool:
    """Whether a sentence's capitalised first word is (the start of) a name."""
    bare = POSSESSIVE.sub("", word)
    if bare in vocabulary.capitalised:
        return True
    if bare.casefold() in vocabulary.lowercase or bare.casefold() in common_openers():
        return False
    return next_is_name


def name_runs(text: str, vocabulary: Vocabulary) -> list[str]:
    """The capitalised names of a sentence, whole, in reading order."""
    words = words_of(text)
    names: list[str] = []
    run: list[re.Match] = []
    pending: list[re.Match] = []  # linking words after the run, kept if a name word follows

    def close() -> None:
        if run:
            names.append(POSSESSIVE.sub("", text[run[0].start():run[-1].end()]))
        run.clear()
        pending.clear()

    for index, word in enumerate(words):
        previous = (pending or run)[-1] if (pending or run) else None
        joined = previous is not None and text[previous.end():word.start()].isspace()
        if joined and run and not pending and POSSESSIVE.search(run[-1].group()):
            joined = False  # "Russia’s S-400": a possessive ends a name
        name_word = is_name_word(word.group())
        if name_word and index == 0:
            following = words[1] if len(words) > 1 else None
            next_is_name = bool(following and text[word.end():following.start()].isspace()
                                and is_name_word(following.group()))
            name_word = opens_a_name(word.group(), next_is_name, vocabulary)
        if name_word:
            if run and joined:
                run.extend(pending + [word])
                pending.clear()
            else:
                close()
                run.append(word)
        elif run and joined and word.group().casefold() in LINKING_WORDS and len(pending) < 2:
            pending.append(word)
        else:
            close()
    close()
    return names


def acronyms(text: str) -> list[str]:
    return ACRONYM.findall(text)


def names_in(text: str, vocabulary: Vocabulary) -> list[str]:
    """Acronyms, then capitalised names, of one sentence."""
    return acronyms(text) + name_runs(text, vocabulary)
