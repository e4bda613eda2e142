"""A signal's own word forms (explainer/understand/wordforms.py): plurals, tenses and spellings
of the word itself, never another word that begins alike."""

from __future__ import annotations

import pytest

from explainer.understand.wordforms import is_plural_noun, word_forms

OWN_FORMS = [
    ("security", {"security", "securities"}),
    ("talks", {"talk", "talks", "talked", "talking"}),
    ("frozen", {"freeze", "freezes", "froze", "frozen", "freezing"}),
    ("defence", {"defence", "defences", "defense", "defenses"}),
    ("Programme", {"programme", "programmes", "program", "programs"}),
    ("counties", {"county", "counties"}),
    ("Erdoğan", {"erdogan"}),
    ("400", {"400", "400s"}),
    ("hearing", {"hearing", "hearings"}),
    ("report", {"report", "reports"}),
    ("warn", {"warn", "warned", "warning"}),
]
NOT_ITS_FORMS = [
    ("national", "nation"),
    ("national", "nations"),
    ("negotiations", "negotiators"),
    ("united", "unit"),
    ("insurance", "insured"),
    ("lower", "low"),  # an adjective's degrees change what it says
    ("s", "ses"),  # a letter of a name ("S-400") is only itself
    ("hearing", "heard"),  # a noun in -ing is that noun, not a tense of its verb
    ("meeting", "met"),
    ("report", "reported"),  # a noun whose verb reports speech is that noun: the report
    ("estimates", "estimated"),
]


@pytest.mark.parametrize("word, forms", OWN_FORMS, ids=[w for w, _ in OWN_FORMS])
def test_a_word_matches_its_own_forms(word, forms):
    assert forms <= word_forms(word)


@pytest.mark.parametrize("word, other", NOT_ITS_FORMS, ids=[f"{w}-{o}" for w, o in NOT_ITS_FORMS])
def test_a_word_never_matches_another_that_begins_alike(word, other):
    assert other not in word_forms(word)


@pytest.mark.parametrize(("forms", "key"), [
    # every form of a word has one key, though a form may also be another word's ("rent" of
    # rend, "found" of to found, "saw" a noun): the lemma English uses most
    (["rent", "Rent", "rents", "rented", "renting"], "rent"),
    (["find", "finds", "found", "finding"], "find"),
    (["see", "saw", "seen", "seeing"], "see"),
    (["leave", "leaves", "leaving", "left"], "leave"),
    (["freeze", "froze", "frozen", "freezing"], "freeze"),
    (["defence", "defences", "defense", "defenses"], "defence"),
    (["city", "cities"], "city"),
])
def test_every_form_of_a_word_has_one_key(forms, key):
    from explainer.understand.wordforms import stem

    assert {stem(form) for form in forms} == {key}


def test_a_key_never_joins_words_that_only_begin_alike():
    from explainer.understand.wordforms import stem

    assert stem("national") != stem("nation") and stem("united") != stem("units")


def test_the_table_of_lemma_choices_is_current():
    """lemma-choices.txt is made from LemmInflect and wordfreq: rerun tools/lemma-choices.py
    after upgrading either."""
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(__file__).resolve().parents[2] / "tools" / "lemma-choices.py"
    assert subprocess.run([sys.executable, str(tool), "--check"]).returncode == 0, \
        "explainer/understand/lemma-choices.txt is out of date: run tools/lemma-choices.py"


@pytest.mark.parametrize("word, plural", [("riders", True), ("families", True),
                                          ("water", False), ("news", False), ("NATO", False),
                                          ("Riders", False)])
def test_a_plural_is_a_common_nouns_plural(word, plural):
    assert is_plural_noun(word) is plural
