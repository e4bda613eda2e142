"""A signal's own word forms (explainer/understand/wordforms.py): plurals, tenses and spellings
of the word itself, never another word that begins alike."""

from __future__ import annotations

import pytest

from explainer.understand.wordforms import word_forms

OWN_FORMS = [
    ("security", {"security", "securities"}),
    ("talks", {"talk", "talks", "talked", "talking"}),
    ("frozen", {"freeze", "freezes", "froze", "frozen", "freezing"}),
    ("defence", {"defence", "defences", "defense", "defenses"}),
    ("Programme", {"programme", "programmes", "program", "programs"}),
    ("counties", {"county", "counties"}),
    ("Erdoğan", {"erdogan"}),
    ("400", {"400", "400s"}),
]
NOT_ITS_FORMS = [
    ("national", "nation"),
    ("national", "nations"),
    ("negotiations", "negotiators"),
    ("united", "unit"),
    ("insurance", "insured"),
    ("lower", "low"),  # an adjective's degrees change what it says
    ("s", "ses"),  # a letter of a name ("S-400") is only itself
]


@pytest.mark.parametrize("word, forms", OWN_FORMS, ids=[w for w, _ in OWN_FORMS])
def test_a_word_matches_its_own_forms(word, forms):
    assert forms <= word_forms(word)


@pytest.mark.parametrize("word, other", NOT_ITS_FORMS, ids=[f"{w}-{o}" for w, o in NOT_ITS_FORMS])
def test_a_word_never_matches_another_that_begins_alike(word, other):
    assert other not in word_forms(word)
