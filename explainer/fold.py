"""Folding text: how two spellings of one word are made equal, one rule for every stage.

Case and accents don't make another word: "Erdoğan", "ERDOGAN" and "erdogan" fold alike. Letters
that decompose into no base letter are spelled as a reader types them: "ı" → i, "ø" → o,
"ß" → ss. The search box folds a reader's query the same way in the browser (the theme's
explainer-search.js mirrors this function).
"""

from __future__ import annotations

import unicodedata

from .memo import per_process

# Letters Unicode doesn't decompose into a base letter and a mark.
SPECIAL_LETTERS = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae",
                                 "œ": "oe", "þ": "th", "ð": "d"})


@per_process(maxsize=65536)  # asked for every word of every sentence, several times
def fold(text: str) -> str:
    """Text without case or accents: "Erdoğan" → "erdogan", "Kılıçdaroğlu" → "kilicdaroglu"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(SPECIAL_LETTERS)
