"""The classification rules, one small case each (tests/cases/classify.yml), and the editor's
overrides."""

from __future__ import annotations

import pytest
import yaml

from explainer.model import Article, Paragraph, Sentence, SourceSpan, Topic
from explainer.understand.classify import classify_article, classify_story
from project_tools import TESTS

CASES = TESTS / "cases" / "classify.yml"


def load_cases() -> tuple[tuple[Topic, ...], list[tuple[int, dict]]]:
    """The topics and each case with the line it starts on, so a failure names it."""
    text = CASES.read_text("utf-8")
    data = yaml.safe_load(text)
    nodes = yaml.compose(text).value
    cases_node = next(v for k, v in nodes if k.value == "cases")
    lines = [item.start_mark.line + 1 for item in cases_node.value]
    topics = tuple(Topic(slug, slug.title(), "?", tuple(signals))
                   for slug, signals in data["topics"].items())
    return topics, list(zip(lines, data["cases"]))


TOPICS, CASE_LIST = load_cases()


def article_of(sentences: list[str], slug: str = "case") -> Article:
    source = SourceSpan(slug, 1, 0)
    paragraph = Paragraph("p1", tuple(Sentence(f"p1s{i}", text, source)
                                      for i, text in enumerate(sentences, 1)), source)
    return Article(slug, slug.title(), (paragraph,), slug)


@pytest.mark.parametrize("line, case", CASE_LIST, ids=[c["name"] for _, c in CASE_LIST])
def test_classification_case(line, case):
    article = classify_article(article_of(case["sentences"]), TOPICS)
    about = [list(s.topics) for s in article.sentences]
    where = f"tests/cases/classify.yml:{line}: {case['name']}"
    assert about == case["about"], f"{where}: about {about}"
    if "mentions" in case:
        mentions = [list(s.mentions) for s in article.sentences]
        assert mentions == case["mentions"], f"{where}: mentions {mentions}"


def test_every_topic_given_has_a_reason():
    article = classify_article(article_of(["Apples are cheap.", "They keep well."]), TOPICS)
    for sentence in article.sentences:
        for topic in sentence.topics + sentence.mentions:
            assert any(r.topic == topic for r in sentence.reasons), (sentence.anchor, topic)
    assert [r.detail for r in article.sentences[1].reasons] == ["continues p1s1"]


def test_a_paragraph_goes_on_about_the_subject_of_its_sentence_before():
    """Rule 4: past the article's opening, a sentence that names the topic of the sentence
    before in full is about it too, even where another topic outweighs it; in the opening
    paragraph, a summary going from point to point, it stays a mention."""
    source = SourceSpan("case", 1, 0)
    sentences = ["The frost came early this year.",
                 "Traders said on Monday that the frost had come and that the price would rise."]
    opening = Paragraph("p1", (Sentence("p1s1", "Apples are cheap.", source),), source)
    later = Paragraph("p2", tuple(Sentence(f"p2s{i}", text, source)
                                  for i, text in enumerate(sentences, 1)), source)
    article = classify_article(Article("case", "Case", (opening, later), "case"), TOPICS)
    assert [list(s.topics) for s in article.sentences] == [["fruit"], ["weather"],
                                                           ["weather", "market"]]
    assert "goes on from p2s1" in [r.detail for r in article.sentences[2].reasons]
    alone = classify_article(article_of(sentences), TOPICS)
    assert [list(s.topics) for s in alone.sentences] == [["weather"], ["market"]]
    assert list(alone.sentences[1].mentions) == ["weather"]


def test_a_signal_in_a_third_of_a_storys_sentences_names_the_story():
    """Rule 3 across articles: "orchard" in two of each article's five sentences is under half
    of either, but in a third or more of the story's: it counts half, and "Rain flooded the
    orchard" is about the rain. Read alone, the article is about both."""
    first = article_of(["Rain flooded the orchard.", "Traders raised the price.",
                        "The orchard reopened in May.", "Buyers stayed away.", "Nobody came."],
                       "first")
    second = article_of(["The orchard sold its pears.", "Traders set up a market stall.",
                         "The orchard hired staff.", "Prices fell.", "Buyers left."], "second")
    alone = classify_article(first, TOPICS)
    assert alone.sentences[0].topics == ("fruit", "weather")
    in_the_story = classify_story((first, second), TOPICS)
    assert in_the_story[0].sentences[0].topics == ("weather",)
    assert in_the_story[0].sentences[0].mentions == ("fruit",)


def test_a_signal_two_other_topics_questions_name_names_the_story():
    """Rule 3: "data center" is what the water and the power pages ask about too; it counts
    half for the proposal, and "The data center would use less water" is about the water."""
    topics = (Topic("proposal", "Proposal", "What does the company want to build?",
                    ("data center",)),
              Topic("water", "Water", "What would the data center mean for water?", ("water",)),
              Topic("power", "Power", "How much electricity would the data center use?",
                    ("electricity",)))
    article = classify_article(article_of(["The data center would use less water."]), topics)
    assert article.sentences[0].topics == ("water",)
    assert article.sentences[0].mentions == ("proposal",)
    assert any("other topics' questions" in r.detail for r in article.sentences[0].reasons)


def test_the_people_a_question_asks_about_name_the_story():
    """Rule 3: "riders" are whom "What will the cuts mean for riders?" asks about, named all
    through a story, doing everything: the word counts half, and a sentence on the fare that
    names riders is about the fare; one that tells what the cuts do to riders still is theirs.
    A question on what something means for a thing ("for water") names no people."""
    topics = (Topic("riders", "Riders", "What will the cuts mean for riders?",
                    ("riders", "longer trips")),
              Topic("fares", "Fares", "Who pays to close the gap?", ("fare",)))
    article = classify_article(article_of(["Riders will pay a higher fare from July.",
                                           "Meanwhile, riders face longer trips."]), topics)
    assert [s.topics for s in article.sentences] == [("fares",), ("riders",)]
    assert article.sentences[0].mentions == ("riders",)
    assert any("whom its question asks about" in r.detail for r in article.sentences[0].reasons)
    water = (Topic("water", "Water", "What would the data center mean for water?", ("water",)),
             Topic("fares", "Fares", "Who pays?", ("fare",)))
    article = classify_article(article_of(["Water will cost more than the fare."]), water)
    assert article.sentences[0].topics == ("water", "fares")


def test_what_is_to_come_takes_no_topic_of_what_happened_from_the_sentence_before():
    """Rule 3 for context: "Crews will dredge the lake next summer", after the causes, is no
    cause; told in the past, it goes on with them."""
    causes = Topic("causes", "Causes", "What caused the bloom?", ("runoff", "phosphorus"))
    for then, topics in (("Crews will dredge the lake next summer.", []),
                         ("Crews found it in every cove.", ["causes"]),
                         # a refusal is done, not to come
                         ("The county would not say what it found.", ["causes"]),
                         # "is to" after a purpose links two things: no future
                         ("The only way they can check it is to test the water.",
                          ["causes"])):
        article = classify_article(article_of(["Runoff carried phosphorus into the lake.", then]),
                                   (causes,))
        assert [list(s.topics) for s in article.sentences] == [["causes"], topics], then


def test_what_happened_named_alone_in_a_clause_of_what_is_to_come_is_a_mention():
    """Rule 3: in "Crews will test for phosphorus, so the authority will dredge the lake", the
    cause, halved, is all the main clause names; beside the plan, named in full, it is only
    mentioned."""
    causes = Topic("causes", "Causes", "What caused the bloom?", ("runoff", "phosphorus"))
    plan = Topic("plan", "Plan", "What will the authority do?", ("dredge",))
    article = classify_article(article_of(
        ["Crews will test for phosphorus, so the authority will dredge the lake."]),
        (causes, plan))
    assert article.sentences[0].topics == ("plan",)
    assert article.sentences[0].mentions == ("causes",)


def test_a_decision_set_for_a_day_ahead_is_what_happens_next():
    """Rule 3's other side: "The board will vote on the plan on June 4." is about what comes
    next as well as the plan; told as done, or with no day, it is about the plan alone."""
    topics = (Topic("plan", "Plan", "What is in the plan?", ("plan",)),
              Topic("next", "Next", "Can riders stop it, and what happens next?", ("lawsuit",)))
    for text, about in (("The board will vote on the plan on June 4.", ("plan", "next")),
                        ("The board voted on the plan on June 4.", ("plan",)),
                        ("The board will like the plan.", ("plan",)),
                        # an act still to come, set within a time, weighs as much as the topic
                        ("The union said it would fight the plan within 30 days.",
                         ("plan", "next")),
                        # a forecast is no act
                        ("The board expected to save on the plan within three years.",
                         ("plan",))):
        article = classify_article(article_of([text]), topics)
        assert article.sentences[0].topics == about, text


def test_a_paragraph_of_what_someone_said_goes_on_from_the_one_before():
    """Rule 5: "Westover said the study assumed cheap equipment." names no topic of its own;
    the paragraph before introduced him, so it is about what that paragraph was about."""
    source = SourceSpan("case", 1, 0)
    paragraphs = tuple(Paragraph(f"p{n}", (Sentence(f"p{n}s1", text, source),), source)
                       for n, text in enumerate(("Carl Westover said frost had ruined the pears.",
                                                 "Westover said the study was too hopeful."), 1))
    article = classify_article(Article("case", "Case", paragraphs, "case"), TOPICS)
    assert [list(s.topics) for s in article.sentences] == [["fruit", "weather"]] * 2


def test_a_paragraph_of_quotes_takes_of_the_one_before_what_each_quote_names():
    """Rule 5: a quote that names the frost, however weakly, goes on from the paragraph before
    only as far as the frost; one that names nothing takes all of it."""
    source = SourceSpan("case", 1, 0)
    paragraphs = (Paragraph("p1", (Sentence("p1s1", "Frost hit the orchard.", source),), source),
                  Paragraph("p2", (Sentence("p2s1", "“Nobody came after the frost,” a grower "
                                                    "said.", source),
                                   Sentence("p2s2", "“It was a hard year.”", source)), source))
    article = classify_article(Article("case", "Case", paragraphs, "case"), TOPICS)
    assert [list(s.topics) for s in article.sentences] == [["fruit", "weather"], ["weather"],
                                                           ["fruit", "weather"]]


@pytest.mark.parametrize("opening", ["Westover said the study was too hopeful.",
                                     "He also argued that the study was too hopeful.",
                                     "Westover also noted the study was too hopeful.",
                                     "Owen Castell, a budget analyst at the Harlow Policy "
                                     "Institute, said the plan bought a year."])
def test_what_someone_said_or_argued_opens_a_paragraph_of_what_they_said(opening):
    from explainer.understand.classify import REPORTED_OPENING

    assert REPORTED_OPENING.match(opening)


def test_include_and_exclude_win_over_the_rules():
    fruit, weather, *others = TOPICS
    topics = (fruit.__class__(**{**fruit.__dict__, "exclude": ("case#p1s1",)}),
              weather.__class__(**{**weather.__dict__, "include": ("case#p1s2",)}), *others)
    article = classify_article(article_of(["Apples are cheap.", "Pears keep well."]), topics)
    first, second = article.sentences
    assert first.topics == () and first.mentions == ("fruit",)
    assert second.topics == ("fruit", "weather")
    assert [r.detail for r in first.reasons if r.kind == "editor"] == ["exclude: in topics.yml"]
    assert [r.detail for r in second.reasons if r.kind == "editor"] == ["include: in topics.yml"]


@pytest.mark.parametrize(("question", "text", "about"), [
    # a topic asking only what happened weighs half where the sentence tells what is to come
    ("What happened to the orchard?", "Growers will replace the frost-damaged apple trees.",
     ["repairs"]),
    # ... but not where the sentence tells what happened
    ("What happened to the orchard?", "Growers replaced the frost-damaged apple trees.",
     ["fruit", "repairs"]),
    # ... nor where the question asks what may come as well
    ("What happened to the orchard, and what comes next?",
     "Growers will replace the frost-damaged apple trees.", ["fruit", "repairs"]),
    ("What happened to the orchard, and where does it stand now?",
     "Growers will replace the frost-damaged apple trees.", ["fruit", "repairs"]),
    ("What did the panel find, and what happens to the orchard?",
     "Growers will replace the frost-damaged apple trees.", ["fruit", "repairs"]),
    # a part asked in the present asks what is, and so what is to come
    ("How did the frost end, and what does it mean for the orchard?",
     "Growers will replace the frost-damaged apple trees.", ["fruit", "repairs"]),
    # what something was meant to do asks of the plan, and so of what was to come
    ("What was the orchard meant to yield?", "Growers will replace the frost-damaged apple "
     "trees.", ["fruit", "repairs"]),
    # what something would cost or require if done is no event to come
    ("What happened to the orchard?", "The grower said replacing the apple trees would cost "
     "$2 million.", ["fruit", "repairs"]),
    # "would have to" is still to come
    ("What happened to the orchard?", "Growers would have to replace the frost-damaged apple "
     "trees.", ["repairs"]),
    # "would have" tells what did not happen: the past
    ("What happened to the orchard?", "Growers would have replaced the frost-damaged apple "
     "trees.", ["fruit", "repairs"]),
    # the main clause's first verb decides: what happened, then what the grower said is to come
    ("What happened to the orchard?", "Frost killed the apple trees, and the grower said he "
     "would replace them.", ["fruit", "repairs"]),
    # ... and a verb that reports speech passes the choice to what it reports
    ("What happened to the orchard?", "The grower said crews would replace the frost-damaged "
     "apple trees.", ["repairs"]),
    # ... and a participle that describes a noun is no verb of the clause
    ("What happened to the orchard?", "The damaged apple trees will be replaced.", ["repairs"]),
])
def test_what_happened_weighs_half_in_a_sentence_about_what_is_to_come(question, text, about):
    topics = (Topic("fruit", "Fruit", question, ("apple trees",)),
              Topic("repairs", "Repairs", "When will growers recover?", ("replace",)))
    article = classify_article(article_of([text]), topics)
    assert list(article.sentences[0].topics) == about


@pytest.mark.parametrize(("outlet", "text", "about"), [
    # a statement's "we" is its outlet: what "we" do is what the agency does
    ("US Consumer Product Safety Commission (statement)",
     "We are issuing this announcement because babies continue to die.", ["agency"]),
    ("US Consumer Product Safety Commission (statement)",
     "And we know of 15 infants who died in the sleeper.", ["agency"]),
    # with no outlet, "we" names nobody
    (None, "We are issuing this announcement because babies continue to die.", []),
    # a quotation's "we" is its speaker's
    ("US Consumer Product Safety Commission (statement)",
     "“We are issuing this announcement,” the retailer said.", []),
])
def test_a_statements_we_is_its_outlet(outlet, text, about):
    from dataclasses import replace

    from explainer.model import ArticleMeta

    topics = (Topic("agency", "The agency", "What is the agency doing?",
                    ("Consumer Product Safety Commission",)),)
    article = replace(article_of([text]), meta=ArticleMeta(outlet=outlet))
    assert list(classify_article(article, topics).sentences[0].topics) == about
