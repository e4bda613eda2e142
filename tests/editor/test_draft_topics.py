"""The topic drafter's parts (explainer/editor/draft.py, "topics"): how a group of sentences
is found and which phrases become its signals."""

from __future__ import annotations

import shutil

from explainer.editor.draft import draft_topics, group_signals, read_story
from project_tools import ROOT


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


def test_a_group_marked_only_by_the_storys_own_words_is_still_a_topic(tmp_path):
    # The lead pipes explainer's closing paragraph, on replacing the pipes, shares no phrase
    # the rest of the story uses less; "line" is in more than 0.3 of its 14 sentences.
    shutil.copy(ROOT / "examples/lead-pipes/seeds/lead-pipes-explained.txt", tmp_path)
    topics = draft_topics(read_story(tmp_path))
    assert len(topics) == 3 and topics[-1]["signals"] == ["line"]
