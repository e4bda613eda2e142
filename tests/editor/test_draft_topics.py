"""The topic drafter's parts (explainer/editor/draft.py, "topics"): how a group of sentences
is found and which phrases become its signals."""

from __future__ import annotations

from explainer.editor.draft import group_signals


def test_signals_cover_the_groups_sentences_before_repeating_one_another():
    # "shield" and "assault" find the same three sentences; "split shift" the other two
    candidates = [(("assault",), {0, 1, 2}), (("shield",), {0, 1, 2}),
                  (("split", "shift"), {3, 4})]
    assert group_signals({0, 1, 2, 3, 4}, candidates) == [
        ("shield",), ("split", "shift"), ("assault",)]


def test_a_signal_is_mostly_the_groups_and_found_twice_in_it():
    candidates = [(("fare",), {0, 1, 7, 8, 9}),  # most of its sentences are elsewhere
                  (("council",), {2, 9}),  # once in the group
                  (("budget",), {0, 1, 2, 9})]
    assert group_signals({0, 1, 2, 3}, candidates) == [("budget",)]


def test_a_phrase_holding_a_chosen_signal_adds_nothing():
    candidates = [(("rainy", "day", "fund"), {0, 1, 2}), (("fund",), {0, 1, 2, 3})]
    assert group_signals({0, 1, 2, 3}, candidates) == [("fund",)]
