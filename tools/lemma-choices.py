"""Write explainer/understand/lemma-choices.txt: for each word form LemmInflect gives two noun
or verb lemmas or more ("rent": rent, rend; "found": find, found), the lemma English uses most,
counting all of its forms (wordfreq). `stem` reads the table so that a build need not load
wordfreq's data.

    .venv/bin/python tools/lemma-choices.py          rewrite the table
    .venv/bin/python tools/lemma-choices.py --check  exit 1 if the table is out of date
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from lemminflect import getAllInflections
from lemminflect.core.Lemmatizer import Lemmatizer
from wordfreq import word_frequency

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from explainer.fold import fold  # noqa: E402
from explainer.understand.wordforms import INFLECTED, lemma_candidates  # noqa: E402

TABLE = ROOT / "explainer/understand/lemma-choices.txt"
HEADER = """\
# A word form of two noun or verb lemmas or more → the lemma English uses most, counting all
# of its forms (wordfreq 3.1.1, LemmInflect 0.2.3). Made by tools/lemma-choices.py: rerun it
# after upgrading either, never edit by hand.
"""


def lemma_use(lemma: str) -> float:
    forms = {lemma} | {fold(f) for pos in INFLECTED
                       for group in getAllInflections(lemma, upos=pos).values() for f in group}
    return math.fsum(word_frequency(form, "en") for form in forms)  # exact: in any order


def table() -> str:
    # one word each: a text is keyed word by word ("clover leaf" is two)
    words = sorted({fold(word) for word in Lemmatizer()._getLemmaDict() if " " not in word})
    lines = []
    for word in words:
        candidates = lemma_candidates(word)
        if len(candidates) >= 2:
            best = max(sorted(candidates), key=lambda lemma: (lemma_use(lemma), lemma == word))
            lines.append(f"{word} {best}")
    return HEADER + "\n".join(lines) + "\n"


if __name__ == "__main__":
    written = table()
    if "--check" in sys.argv[1:]:
        sys.exit(0 if TABLE.read_text("utf-8") == written else 1)
    TABLE.write_text(written, "utf-8")
    print(f"wrote {TABLE.relative_to(ROOT)}: {written.count(chr(10)) - 3} words")
