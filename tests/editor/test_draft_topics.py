"""The topic drafter's parts (explainer/editor/draft.py, "topics"): how a group of sentences
is found and which phrases become its signals."""

from __future__ import annotations

import shutil

import pytest

from explainer.editor import draft
from explainer.editor.draft import (
    draft_topics,
    group_signals,
    key_phrases,
    names_once,
    read_story,
    sampled,
    title_first,
    topic_entry,
    with_heads,
    with_own_names,
)
from explainer.understand.wordforms import stems
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


def test_of_a_phrase_and_a_shorter_one_finding_more_of_the_group_the_shorter_is_the_signal():
    # "larger raise" is all the group's, "raise" is also in two sentences elsewhere; but
    # "raise" finds every sentence "larger raise" finds and one more: an editor writes "raise"
    candidates = [(("fare",), {0, 1, 2}), (("picket",), {2, 5}),
                  (("larger", "raise"), {3, 4}), (("raise",), {3, 4, 5, 8, 9})]
    assert group_signals({0, 1, 2, 3, 4, 5}, candidates) == [
        ("fare",), ("raise",), ("picket",)]


def test_a_groups_sentence_no_signal_finds_is_found_by_a_name_it_alone_writes():
    # sentence 0 shares no phrase with the group's others: the law it names finds it
    found_by = {("water", "system"): {1, 2}, ("copper", "rule"): {1, 2, 5}}
    law, agency = stems("Safe Drinking Water Act"), stems("Health Agency")
    once = {law: 0, stems("Flint"): 0, agency: 7}  # the longer name of sentence 0
    assert with_own_names([("water", "system"), ("copper", "rule")], {0, 1, 2}, found_by,
                          once) == [("water", "system"), ("copper", "rule"), law]


def test_a_name_the_articles_go_on_to_call_by_its_last_word_signals_that_word_too(tmp_path):
    # "the new rule" is the Harlow Lead Rule; "Harlow Water Board" is never "the board", and
    # "Okafor" ends on no common noun
    (tmp_path / "pipes.txt").write_text(
        "Pipes in the old town\n\nThe Harlow Lead Rule requires the Harlow Water Board to "
        "test taps, Denise Okafor said.\n\nReplacing only part of a pipe disturbs the lead, "
        "so the new rule bars it.\n", "utf-8")
    signals = ["Harlow Lead Rule", "Harlow Water Board", "Denise Okafor", "taps"]
    assert with_heads(signals, read_story(tmp_path)) == [*signals, "rule"]
    assert with_heads([*signals, "rules"], read_story(tmp_path)) == [*signals, "rules"]


def test_a_name_the_articles_say_is_a_thing_signals_what_they_call_it_after(tmp_path):
    # what a phrase beside a name says it is, the articles call it after; not a person's
    (tmp_path / "strike.txt").write_text(
        "Buses stop\n\nHarlow Transit, the city-owned agency that runs the buses, offered "
        "little. Money went to the bank, Orlo Savings, said Luis Arroyo, a driver.\n\n"
        "The agency said the bank had paid. The driver left.\n", "utf-8")
    signals = ["Harlow Transit", "Orlo Savings", "Luis Arroyo"]
    assert with_heads(signals, read_story(tmp_path), frozenset({"Luis Arroyo"})) == [
        *signals, "agency", "bank"]


def test_a_name_written_once_is_a_things_not_a_persons(tmp_path):
    (tmp_path / "pipes.txt").write_text(
        "Pipes in the old town\n\nThe Harlow Water Act banned new lead pipes in 1986, but "
        "old pipes remain.\n\nDenise Okafor, who runs the utility, said crews had found many. "
        '"They are everywhere," said Okafor.\n', "utf-8")
    assert set(names_once(read_story(tmp_path), set())) == {stems("Harlow Water Act")}


def test_a_group_marked_only_by_the_storys_own_words_is_still_a_topic(tmp_path, monkeypatch):
    # The lead pipes explainer's closing paragraph, on replacing the pipes, shares no phrase
    # the rest of the story uses less; "line" is in more than 0.3 of its 14 sentences. (Four
    # topics, as many as its editor wrote: no two of a topic's size merge into fewer.) The
    # doing its sentences tell marks it ("replacing", `doings`); without one, "line" does.
    shutil.copy(ROOT / "examples/lead-pipes/seeds/lead-pipes-explained.txt", tmp_path)
    topics = draft_topics(read_story(tmp_path))
    assert len(topics) == 4 and [t["signals"] for t in topics].count(["replacing"]) == 1
    monkeypatch.setattr(draft, "DOING_TOLD", 99)
    topics = draft_topics(read_story(tmp_path))
    assert len(topics) == 4 and [t["signals"] for t in topics].count(["line"]) == 1


def test_a_long_story_is_drafted_from_evenly_spaced_paragraphs(tmp_path, monkeypatch):
    """Past TOPIC_SENTENCES, topics come from every n-th paragraph: about that many
    sentences, from every part of the story, and still topics (a long story's pairs of
    sentences would cost its length squared)."""
    for article in (ROOT / "tests/stories/tessford-pfas-wells/seeds").glob("*.txt"):
        shutil.copy(article, tmp_path)
        shutil.copy(article.with_suffix(".meta.yml"), tmp_path)
    story = read_story(tmp_path)
    assert sampled(story) is story
    total = len(story.sentences())
    monkeypatch.setattr(draft, "TOPIC_SENTENCES", total // 2)
    shorter = sampled(story)
    paragraphs = [p for a in story.articles for p in a.paragraphs]
    assert [p for a in shorter.articles for p in a.paragraphs] == paragraphs[::2]
    assert total // 3 < len(shorter.sentences()) < total
    assert len(draft_topics(story)) >= draft.TOPICS_MIN


def test_a_topic_led_by_a_person_asks_who_they_are_by_their_full_name(tmp_path):
    # Whom a story quotes is a "who" question, never "What is Vilsack, and what part does it
    # play?"; the surname alone is the signal the articles use most.
    story = tmp_path / "story.txt"
    story.write_text(
        "The council voted to close the Eskerton pool.\n\n"
        "Mayor Dana Quill said the pool cost too much to run. Quill said the vote was close.\n\n"
        "Quill has led the council since 2019. Swimmers said Quill ignored them.\n\n"
        "The pool opened in 1961. The pool needs a new roof. Swimmers used the pool daily.\n",
        "utf-8")
    entry = topic_entry(["Quill", "council"], read_story(tmp_path))
    assert entry["title"] == "Dana Quill" and entry["slug"] == "dana-quill"
    assert topic_entry(["Mayor Dana Quill"], read_story(tmp_path))["title"] == "Dana Quill"
    assert entry["question"] == "Who is Dana Quill, and what part do they play in the story?"
    assert topic_entry(["pool"], read_story(tmp_path))["question"] == (
        "What is happening with the pool, and why does it matter?")


@pytest.mark.parametrize(("signals", "title"), [
    (["hour", "main", "light-rail line", "trains"], "light-rail line"),
    (["sides", "union", "shields"], "shields"),  # "sides" is "side", met every day
    (["year", "Oskin Falls", "route"], "Oskin Falls"),
    (["year", "week"], "year"),  # nothing in particular: the first stays
    (["wait", "left", "deputies"], "deputies"),  # ... or a thing before a doing
])
def test_a_drafted_topic_is_named_after_something_in_particular(signals, title):
    ordered = title_first(signals)
    assert ordered[0] == title and sorted(ordered) == sorted(signals)


def test_a_word_the_articles_only_write_before_a_noun_names_no_topic(tmp_path):
    # "Chinese" describes the hosts and the bank; "Macau" is a place the articles name
    (tmp_path / "talks.txt").write_text(
        "Talks go on\n\nThe Chinese hosts kept the talks going in Macau. Funds went through "
        "a Chinese bank. Macau froze them.\n", "utf-8")
    describing = draft.words_before_a_noun(read_story(tmp_path))
    assert "Chinese" in describing and "Macau" not in describing
    assert title_first(["Chinese", "plenary sessions"], describing)[0] == "plenary sessions"


def test_a_topic_is_named_after_a_thing_not_a_person_quoted_nor_a_people(tmp_path):
    """Newcomers': a protester quoted once ("Supun Eranga") and "Sri Lankans" named topics;
    an editor's topics are the story's things and events, which its people speak to."""
    (tmp_path / "protest.txt").write_text(
        "Crowds storm the office\n\nSri Lankan protesters stormed the office. \"We have "
        "nothing left,\" Mara Denholm said. Sri Lankans queued for fuel.\n",
        "utf-8")
    story = read_story(tmp_path)
    people = draft.people_named(story)
    assert {"Mara Denholm", "Denholm"} <= people and "Sri Lankans" not in people
    describing = draft.words_before_a_noun(story) | draft.peoples(story, {"Sri Lankans"})
    assert title_first(["Mara Denholm", "Sri Lankans", "fuel queues"], describing,
                       people)[0] == "fuel queues"


def test_a_one_word_topic_is_titled_by_the_kind_the_articles_mostly_name(tmp_path):
    """"Line" names nothing a reader knows; the articles mostly write "lead service lines".
    A describing word makes no kind ("older pipes"), nor does a compound written in fewer
    than half of the word's sentences."""
    (tmp_path / "pipes.txt").write_text(
        "Pipes\n\nThe city will dig up lead service lines. Each lead service line costs "
        "money. A line breaks.\n\nOlder pipes leak. Older pipes corrode. Pipes burst.\n\n"
        "Crews dig. Water bills rise. Bills went up. Phone bills too. Bills are due.\n",
        "utf-8")
    story = read_story(tmp_path)
    assert draft.the_kind_named("line", story) == "lead service lines"
    assert draft.the_kind_named("pipes", story) == "pipes"  # "older" describes
    assert draft.the_kind_named("bills", story) == "bills"  # "water bills": one of four
    entry = topic_entry(["line"], story)
    assert entry["title"] == "Lead service lines" and entry["slug"] == "lead-service-lines"
    assert entry["signals"] == ["line"]  # the word still finds every sentence


def test_a_group_no_phrase_marks_is_marked_by_the_doing_it_tells(tmp_path):
    """Lead pipes: "Replacing a line means digging …", "replacing lead service lines", "until
    a line is replaced" share no phrase of their own but the story's "line"; an editor's
    topic is the doing, "Replacing the pipes". A verb told in fewer than three sentences, a
    verb that reports speech and one the lexicon knows as a noun too ("dig") mark nothing."""
    (tmp_path / "pipes.txt").write_text(
        "Pipes\n\nReplacing a line means digging up the yard. Replacing only part of a "
        "line can disturb lead, officials said. The city is replacing lead service lines "
        "first. Until a line is replaced, run the tap. Crews are digging, officials said. "
        "Residents were warned. Residents are warning others.\n", "utf-8")
    story = read_story(tmp_path)
    told = draft.doings(story)
    assert told == {("replace",): ("replacing", {0, 1, 2, 3})}
    candidates = [(key, numbers) for key, (_, numbers) in told.items()]
    assert group_signals({0, 1, 2, 3}, candidates) == []  # a verb names no thing ...
    assert group_signals({0, 1, 2, 3}, candidates, frozenset(told)) == [("replace",)]
    assert draft.what_is_done("replacing", story) == "lead service lines"
    entry = topic_entry(["replacing"], story)
    assert entry["title"] == "Replacing lead service lines"
    assert entry["question"] == ("What does replacing lead service lines involve, and why "
                                 "does it matter?")


def test_a_name_the_articles_write_with_the_is_asked_with_it(tmp_path):
    # "the IMF" as the articles write it ("(IMF)" after its expansion is no use), "NATO" bare
    (tmp_path / "loan.txt").write_text(
        "A loan\n\nThe International Monetary Fund (IMF) approved a loan. The IMF said it "
        "would study spending. The IMF’s chief left. NATO met. NATO allies agreed.\n",
        "utf-8")
    story = read_story(tmp_path)
    assert topic_entry(["IMF"], story)["question"] == (
        "What is the IMF, and what part does it play in the story?")
    assert topic_entry(["NATO"], story)["question"] == (
        "What is NATO, and what part does it play in the story?")


def test_a_name_written_as_a_modifier_says_nothing_of_the(tmp_path):
    # a newcomer's: "Coast Guard Rear Admiral …", "U.S. Coast Guard units" and "the NATO
    # summit" are other things' names; "the Coast Guard is leading" is the name's own use
    (tmp_path / "bridge.txt").write_text(
        "A bridge falls\n\nU.S. Coast Guard units were deployed. Coast Guard Rear Admiral Ann "
        "Gil spoke. And the Coast Guard is leading the search. Leaders met at the NATO summit. "
        "NATO sent divers.\n", "utf-8")
    story = read_story(tmp_path)
    assert topic_entry(["Coast Guard"], story)["question"] == (
        "What is the Coast Guard, and what part does it play in the story?")
    assert topic_entry(["NATO"], story)["question"] == (
        "What is NATO, and what part does it play in the story?")


def test_the_articles_own_voice_names_no_one_in_its_sentences(tmp_path):
    # a newcomer's: remarks whose "I" and "we" are the President's drafted a topic "biden"
    # (named in every sentence by the bracket that says whose "I" it is)
    (tmp_path / "remarks.txt").write_text(
        "Remarks by President Biden on the Harbor Bridge\n\nTHE PRESIDENT: I spoke to the "
        "governor. We will rebuild the bridge. I have asked the Army Corps to clear the "
        "channel. The channel reopened in June. The Army Corps cleared the channel.\n", "utf-8")
    assert draft.as_read(read_story(tmp_path).articles[0])[0] == "I spoke to the governor."


def test_an_acronyms_bracketed_expansion_names_nothing_of_its_own(tmp_path):
    """A newcomer's: "Origins" of "OSIRIS-REx (Origins, Spectral Interpretation, …)" became a
    topic; the words spell the acronym's name. A word also written outside the brackets
    keeps its own (lowercase) spelling there."""
    (tmp_path / "probe.txt").write_text(
        "Sample lands\n\nThe OSIRIS-REx (Origins, Spectral Interpretation, Resource "
        "Identification and Security – Regolith Explorer) team cheered. The capsule holds "
        "clues to the origins of life. The IAEA (International Atomic Energy Agency) "
        "watched. The International Atomic Energy Agency said so.\n", "utf-8")
    story = read_story(tmp_path)
    expansions = draft.only_in_expansions(story)
    assert {stems("Spectral Interpretation"), stems("Regolith Explorer"),
            stems("Security")} <= expansions
    assert stems("origins") not in expansions  # also written in a sentence of its own
    assert stems("International Atomic Energy Agency") not in expansions  # ... as is this
    assert draft.names_spelled(story).get(stems("Origins")) != "Origins"


def test_a_drafted_question_asks_what_its_sentences_answer():
    """A group of sentences about sums and who pays them asks what it costs; a group that
    answers nothing in particular keeps the general question."""
    from explainer.editor.draft import QUESTION_FORMS, answers_by_kind, asked_most
    from explainer.understand.answers import read_question

    story = ["The drivers walked off the job on Monday.", "Buses stood in the depot.",
             "Riders waited at empty stops.", "The mayor spoke to reporters.",
             "The raise would cost the city $4 million a year.",
             "The fare would rise by 25 cents to pay for it.", "Crowds gathered downtown."]
    answering = answers_by_kind(story)
    assert asked_most({4, 5}, answering) == "cost"
    assert asked_most({0, 1, 2}, answering) is None
    for kind, form in QUESTION_FORMS.items():
        question = form.format(thing="light-rail line")
        assert kind in {part.kind.name for part in read_question(question).parts}, question


def test_a_possessive_never_ends_a_key_phrase():
    # "the plane's" names the thing after it: a topic titled "Plane's" asks nothing
    phrases = key_phrases("The plane's last known position was west of Perth's coast.")
    assert "plane's" not in phrases and "Perth's" not in phrases
    assert "known position" in phrases and "Perth's coast" in phrases


@pytest.mark.parametrize(("signal", "places"), [
    ("together", False), ("critical", False),  # describe anything: name nothing
    ("shields", True), ("asteroid", True), ("fare", True),  # things
    ("Critical Minerals Office", True), ("critical minerals", True),  # a name, a phrase
])
def test_a_word_that_only_describes_is_no_signal(signal, places):
    """A newcomer's: "together", "good", "critical" were drafted signals."""
    assert draft.places_a_sentence(signal) is places


def test_a_topic_led_by_a_person_no_one_quotes_asks_who_they_are_too(tmp_path):
    """A newcomer's: a defendant named in full, then by the surname alone, is a person
    ("What is Genaro Garcia Luna, and what part does it play?"), however the signal spells
    the name; a place named in full is no person."""
    story = tmp_path / "story.txt"
    story.write_text(
        "Former minister arrested\n\nGenaro García Luna was arrested in Dallas on Monday.\n\n"
        "Prosecutors say García Luna took bribes from a cartel. A jury later convicted García "
        "Luna on every count.\n\n"
        "The trial was held in Palo Alto. Witnesses came to Palo Alto from Mexico.\n", "utf-8")
    assert topic_entry(["Genaro Garcia Luna"], read_story(tmp_path))["question"] == \
        "Who is Genaro García Luna, and what part do they play in the story?"
    assert topic_entry(["Palo Alto"], read_story(tmp_path))["question"].startswith("What is")


def test_greetings_and_a_meetings_procedure_group_no_sentences(tmp_path):
    """A newcomer's briefing transcript drafted "Good afternoon" and "Good" as topics: a
    greeting, thanks or "We stand adjourned." says nothing of the story."""
    from explainer.editor.draft import phrase_sentences

    story = tmp_path / "story.txt"
    story.write_text(
        "Prisoners freed\n\nGood afternoon, everyone, and good afternoon to those online.\n\n"
        "The government freed 135 prisoners on Thursday. The prisoners flew to Guatemala.\n\n"
        "Good afternoon again. We stand adjourned.\n", "utf-8")
    found = phrase_sentences(read_story(tmp_path))
    assert ("prison",) in found or any("prison" in " ".join(k) for k in found)
    assert not any("afternoon" in " ".join(key) or "adjourn" in " ".join(key) for key in found)
