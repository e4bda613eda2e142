"""People's titles and offices (titles.txt, an editor's word list): the words that stand
before or beside a name and are not part of it. The byline of a saved page drops a part made
of them ("Department Spokesperson"); the names a glossary needs are found without them."""

from __future__ import annotations

from importlib import resources

from ..memo import per_process


@per_process(maxsize=1)
def title_words() -> frozenset[str]:
    """Every title word, casefolded, without a final full stop ("Sen." is "sen")."""
    text = resources.files(__package__).joinpath("titles.txt").read_text("utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def is_title_word(word: str) -> bool:
    """"Minister", "Sen.", "Spokesperson": a title or office, not part of a name."""
    folded = word.rstrip(".").casefold()  # "Councilors Ben Achterberg and Lydia Mensah"
    return folded in title_words() or (folded.endswith("s") and folded[:-1] in title_words())
