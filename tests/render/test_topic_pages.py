"""Topic pages that explain: the answer up top, the articles' words as prose, passing mentions.

Built from a small fixture story (tests/fixtures/topic-pages/, written for these tests) and
read as a reader gets it: the generated Markdown rendered by Python-Markdown with the site's
extensions, then parsed as HTML.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml

from explainer.pipeline import generate
from explainer.understand.standalone import DAY_NAMED
from html_tools import Element, parse, squash
from project_tools import ROOT

STORY = ROOT / "tests" / "fixtures" / "topic-pages"
TEMPLATES = ROOT / "templates"
ARTICLE = "river-bridge-closed"


def html_of(page_markdown: str) -> Element:
    body = page_markdown.split("\n---\n", 1)[1]  # drop the front matter
    return parse(markdown.markdown(body, extensions=["attr_list", "toc"]))


def front_matter(page_markdown: str) -> dict:
    return yaml.safe_load(page_markdown.split("---\n")[1])


def elements(root: Element, css_class: str) -> list[Element]:
    return [e for e in root.iter() if css_class in (e.attributes.get("class") or "").split()]


def story_copy(tmp_path: Path, topics_edit=None) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(STORY, seeds)
    if topics_edit:
        data = yaml.safe_load((seeds / "topics.yml").read_text("utf-8"))
        topics_edit({t["slug"]: t for t in data["topics"]})
        (seeds / "topics.yml").write_text(yaml.safe_dump(data, allow_unicode=True,
                                                         sort_keys=False), "utf-8")
    return seeds


@pytest.fixture(scope="module")
def site():
    explainer, files = generate(STORY, TEMPLATES)
    return explainer, files


def sentence_text(explainer, anchor: str) -> str:
    return next(s.text for a in explainer.articles for s in a.sentences if s.anchor == anchor)


# ---- In short ---------------------------------------------------------------------------------


def point_text(point: Element) -> str:
    """What a point says, without its dateline and source links."""
    words = "".join(part if isinstance(part, str) else "" if set(
        (part.attributes.get("class") or "").split()) & {"point-dateline", "source-link"}
        else part.text for part in point.parts)
    return squash(words)


def test_in_short_answers_the_question_with_one_to_four_dated_sourced_points(site):
    """Each point is a sentence about (or mentioning) the topic, as it stands alone (an opening
    connective dropped, a pronoun named in brackets), with its article's date or "undated"."""
    from explainer.understand.standalone import standalone

    explainer, files = site
    for topic in explainer.story.topics:
        root = html_of(files[f"topics/{topic.slug}.md"])
        headings = [squash(e.text) for e in root.iter() if e.tag == "h2"]
        assert headings[0] == "In short", topic.slug
        points = [e for e in elements(root, "key-points")[0].parts if isinstance(e, Element)]
        candidates = {squash(standalone(a, s).text or s.text) for a in explainer.articles
                      for s in a.sentences if topic.slug in s.topics + s.mentions}
        assert 1 <= len(points) <= 4
        for point in points:
            links = [e.attributes["href"] for e in elements(point, "source-link")]
            assert links and all(f"../../articles/{ARTICLE}/#p" in h for h in links)
            assert point_text(point) in candidates, "a point is a sentence as it stands alone"
            [dateline] = elements(point, "point-dateline")
            assert squash(dateline.text) == "(The Riverton Ledger, 10 March 2025)"


def test_the_first_point_leads_the_home_card_and_the_description(site):
    explainer, files = site
    home = html_of(files["index.md"])
    leads = [point_text(e) for e in elements(home, "topic-card__lead")]
    for topic, lead in zip(explainer.story.topics, leads):
        page = html_of(files[f"topics/{topic.slug}.md"])
        first = point_text(elements(page, "key-points")[0].parts[1])
        if lead != first:  # a card avoids repeating another card's lead
            continue
        description = front_matter(files[f"topics/{topic.slug}.md"])["description"]
        assert description == f"{topic.question} {first}"
    assert len(set(leads)) == len(leads), "each card opens with its own sentence"


def test_editor_key_points_replace_the_chosen_sentences(tmp_path):
    def add_points(topics):
        topics["cost"]["key_points"] = [
            {"text": "About 3.2 million dollars, half from the state.",
             "cites": [f"{ARTICLE}#p4s2", "cover half of the bill"]},
            {"text": "The city borrows the rest.", "cites": ["the city will borrow the rest"]},
        ]

    explainer, files = generate(story_copy(tmp_path, add_points), TEMPLATES)
    root = html_of(files["topics/cost.md"])
    points = [e for e in elements(root, "key-points")[0].parts if isinstance(e, Element)]
    assert [point_text(p) for p in points] == [
        "About 3.2 million dollars, half from the state.", "The city borrows the rest."]
    # two sentences of one paragraph: one link to it ("¶4", not "¶4 ¶4")
    assert [e.attributes["href"] for e in elements(points[0], "source-link")] == [
        f"../../articles/{ARTICLE}/#p4s2"]
    home = html_of(files["index.md"])
    cost_card = [e for e in elements(home, "topic-card") if "Who pays" in e.text][0]
    assert "About 3.2 million dollars, half from the state." in squash(cost_card.text)
    assert front_matter(files["topics/cost.md"])["description"].endswith(
        "About 3.2 million dollars, half from the state.")
    export = json.loads(files["explainer.json"])
    cost = next(t for t in export["topics"] if t["slug"] == "cost")
    assert cost["key_points"][0]["cites"] == [f"{ARTICLE}#p4s2", f"{ARTICLE}#p4s3"]


# ---- What the articles say --------------------------------------------------------------------


def test_sentences_about_the_topic_read_as_prose_with_their_anchors(site):
    explainer, files = site
    root = html_of(files["topics/repairs.md"])
    prose = elements(root, "topic-prose")[0]
    paragraphs = [e for e in prose.parts if isinstance(e, Element) and e.tag == "p"]
    # Paragraph 2 is all about repairs: one paragraph of prose, one source link.
    second = next(p for p in paragraphs
                  if any(e.attributes.get("href", "").endswith("#p2") for e in p.iter()))
    ids = [e.attributes["id"] for e in elements(second, "sentence")]
    assert ids == [f"{ARTICLE}-p2s{i}" for i in (1, 2, 3, 4)]
    assert len(elements(second, "source-link")) == 1
    assert not elements(second, "omission")
    expected = " ".join(sentence_text(explainer, f"p2s{i}") for i in (1, 2, 3, 4))
    assert squash(second.text).removesuffix(" ¶2") == squash(expected)


def test_an_ellipsis_marks_sentences_left_out(site):
    explainer, files = site
    root = html_of(files["topics/detour.md"])
    paragraph = [p for p in elements(root, "topic-prose")[0].parts
                 if isinstance(p, Element) and p.tag == "p"][0]
    ids = [e.attributes["id"] for e in elements(paragraph, "sentence")]
    assert ids == [f"{ARTICLE}-p3s1", f"{ARTICLE}-p3s2", f"{ARTICLE}-p3s4"]  # p3s3 is an aside
    omissions = elements(paragraph, "omission")
    assert len(omissions) == 1
    assert squash(omissions[0].text) == "… (sentences left out)"  # the words a screen reader hears
    assert "city council" not in paragraph.text


def test_each_article_group_names_its_outlet_and_date(site):
    _, files = site
    root = html_of(files["topics/closure.md"])
    assert [squash(e.text) for e in elements(root, "group-byline")] == [
        "The Riverton Ledger, 10 March 2025"]


def test_every_sentence_id_on_a_topic_page_is_unique_and_every_about_sentence_is_there(site):
    explainer, files = site
    for topic in explainer.story.topics:
        root = html_of(files[f"topics/{topic.slug}.md"])
        ids = [e.attributes["id"] for e in elements(root, "sentence")]
        assert len(ids) == len(set(ids))
        expected = [f"{a.slug}-{s.anchor}" for a in explainer.articles for s in a.sentences
                    if topic.slug in s.topics]
        assert ids == expected, topic.slug


# ---- Related topics ---------------------------------------------------------------------------


def related_counts(files: dict, slug: str) -> dict[str, int]:
    """The other topic → the count of sentences in common, as the topic page lists them."""
    page = files[f"topics/{slug}.md"]
    section = page.split("## Related topics", 1)[1] if "## Related topics" in page else ""
    return {other: int(count) for other, count in
            re.findall(r"\]\(([\w-]+)\.md\) \((\d+) sentences? in common\)", section)}


@pytest.mark.parametrize("seeds", [STORY, ROOT / "seeds"], ids=["fixture", "seeds"])
def test_related_topics_show_one_count_on_both_pages(seeds):
    """Sentences in common: about one topic and about or mentioning the other, counted once
    for the pair, so the two pages never disagree (issue 23: 9 on one page, 3 on the other)."""
    if not (seeds / "topics.yml").is_file():
        pytest.skip(f"{seeds} has no topics")
    explainer, files = generate(seeds, TEMPLATES)
    slugs = [t.slug for t in explainer.story.topics]
    listed = {slug: related_counts(files, slug) for slug in slugs}
    for slug in slugs:
        for other in slugs:
            if other == slug:
                continue
            expected = sum(1 for a in explainer.articles for s in a.sentences
                           if (slug in s.topics and other in s.topics + s.mentions)
                           or (other in s.topics and slug in s.topics + s.mentions))
            assert listed[slug].get(other, 0) == expected == listed[other].get(slug, 0), (
                slug, other)
    assert any(listed.values()), "the story has related topics to compare"


# ---- Also mentioned ---------------------------------------------------------------------------


@pytest.mark.parametrize("story", [STORY, ROOT / "examples" / "lead-pipes" / "seeds"],
                         ids=["fixture", "lead pipes"])
def test_passing_mentions_are_a_short_line_each_with_a_link(story):
    """Every sentence that mentions a topic in passing is a line of "Also mentioned", unless a
    point of "In short" shows it already: a few words around the topic, linked to its place."""
    from explainer.render.views import boxed_sentences

    explainer, files = generate(story, TEMPLATES)
    listed_anywhere = 0
    for topic in explainer.story.topics:
        boxed = boxed_sentences(explainer, topic)
        mentioned = [(a, s) for a in explainer.articles for s in a.sentences
                     if topic.slug in s.mentions and f"{a.slug}#{s.anchor}" not in boxed]
        root = html_of(files[f"topics/{topic.slug}.md"])
        listed = elements(root, "passing-mentions")
        lines = [e for e in listed[0].parts if isinstance(e, Element)] if listed else []
        assert len(lines) == len(mentioned), topic.slug
        for line, (article, sentence) in zip(lines, mentioned):
            link = elements(line, "source-link")[0].attributes["href"]
            assert link == f"../../articles/{article.slug}/#{sentence.anchor}"
            shown = squash(line.text).rsplit(" ¶", 1)[0].strip("… ")
            shown = DAY_NAMED.sub("", shown)  # "on Monday [10 March]": the day named beside it
            # whole clauses: a few words more than 24 where a subject needs its apposition
            assert shown in squash(sentence.text) and len(shown.split()) <= 30
        listed_anywhere += len(lines)
    if story == STORY:
        assert listed_anywhere, "the fixture lists a passing mention"


def test_a_sentence_shown_as_context_is_not_listed_again_as_a_passing_mention():
    """"What the articles say" shows the sentence a kept one points back to; "Also
    mentioned" does not list it a second time (the shipped story's F-35 page has one)."""
    if not (ROOT / "seeds" / "turkey-s400-f35.txt").is_file():
        pytest.skip("seeds/ holds another story")
    explainer, files = generate(ROOT / "seeds", TEMPLATES)
    checked = 0
    for topic in explainer.story.topics:
        root = html_of(files[f"topics/{topic.slug}.md"])
        context = {squash(e.text) for e in elements(root, "sentence--context")}
        mentions = elements(root, "passing-mentions")
        anchors = {elements(line, "source-link")[0].attributes["href"].rsplit("#", 1)[1]
                   for line in (mentions[0].parts if mentions else ())
                   if isinstance(line, Element)}
        listed = {squash(s.text) for a in explainer.articles for s in a.sentences
                  if s.anchor in anchors}
        assert not context & listed, topic.slug
        checked += len(context)
    assert checked, "the shipped story shows sentences as context"


def test_a_line_shown_apart_names_its_days_even_where_it_cannot_stand_alone():
    """"Also mentioned" and "Also in the articles" show a sentence that leans as written, but
    a reader away from its article still gets its days: "on Saturday [9 May]"."""
    from dataclasses import replace

    from explainer.model import ArticleMeta, RawArticle, RawParagraph, SourceSpan
    from explainer.render.views import shown_apart
    from explainer.understand.segment import builtin_abbreviations, segment_article

    text = "The council met. They said the scooters left on Saturday had been collected."
    raw = RawArticle("a", "A", (RawParagraph(text, SourceSpan("a.txt", 1, 0)),), "a.txt")
    article = replace(segment_article(raw, builtin_abbreviations()),
                      meta=ArticleMeta(published="2026-05-13"))
    assert shown_apart(article, article.sentences[1]) == (
        "They said the scooters left on Saturday [9 May] had been collected.")


def test_a_passing_mention_that_opens_on_what_the_reader_cannot_see_is_not_listed():
    """"It requires septic systems to be inspected" says nothing under "Also mentioned" when
    "it" may be the county or the plan; cut after its opening, or mended, it does."""
    from explainer.model import RawArticle, RawParagraph, SourceSpan, Topic
    from explainer.render.views import passing_mention, says_something_apart
    from explainer.understand.segment import builtin_abbreviations, segment_article

    text = ("On Tuesday the county voted for the plan. It requires septic systems to be "
            "inspected. The county said the septic rule would take effect in June.")
    raw = RawArticle("a", "A", (RawParagraph(text, SourceSpan("a.txt", 1, 0)),), "a.txt")
    article = segment_article(raw, builtin_abbreviations())
    topic = Topic("septic", "Septic", "?", ("septic",))
    leaning, standing = article.sentences[1], article.sentences[2]
    for sentence, listed in ((leaning, False), (standing, True)):
        mention = passing_mention(article, sentence, topic, "topics/septic.md", False)
        assert says_something_apart(mention, article, sentence) is listed, sentence.text


def test_a_long_passing_mention_shows_whole_clauses_around_its_signal():
    """Cut at clause boundaries, never inside a clause: "…" marks what is left out."""
    from explainer.model import Topic
    from explainer.render.views import excerpt

    opening = "The council met for six hours on Tuesday evening in the old town hall"
    middle = "where members agreed that the repair crews would start work in the spring"
    closing = "although several residents said they had heard such promises many times before"
    text = f"{opening}, {middle}, {closing}, and left."
    topic = Topic("repairs", "Repairs", "?", ("repair",))
    assert excerpt(text, topic) == f"… {middle} …"
    short = "The repair crews came back."
    assert excerpt(short, topic) == short
    # a predicate is shown with its subject, and the relative clause between them
    subject = "A new tax on hotel rooms"
    between = "which the council had floated before the storm"
    predicate = "would pay for the repair of the harbour wall within five years"
    text = f"{subject}, {between}, {predicate}, the finance director told the council on Monday."
    assert excerpt(text, topic) == f"{subject}, {between}, {predicate} …"
    # ... and so is one that opens on a verb in the past, past a description of the subject
    subject = "The preliminary report"
    between = "released by the harbour board on Thursday"
    predicate = "concluded the repair crews had followed every recommended procedure"
    text = f"{subject}, {between}, {predicate}, despite the cracks in the wall."
    assert excerpt(text, topic) == f"{subject}, {between}, {predicate} …"
    # a relative clause is shown with what it is about
    head = "The state board will hold a hearing in Halden next month on the harbour"
    relative = "which will decide whether the repair needs a second permit from the state"
    text = f"Officials gave no date for a decision, {head}, {relative}, the mayor's office said."
    assert excerpt(text, topic) == f"… {head}, {relative} …"
    # a description set beside a name says whom only with the name, and the name is shown
    # with what the person did
    name, description = "Dr. Priya Raman", "an emergency physician who has tracked the repairs"
    predicate = "said the harbour wall had cracked again in two places over the winter"
    text = f"The wall was closed again last week, and {name}, {description}, {predicate}."
    assert excerpt(text, topic) == f"… {name}, {description}, {predicate}."
    text = (f"At the hearing that ran late into the night, Lydia Mensah, whose ward has the "
            f"city's repair yard, {predicate}, and left.")
    assert excerpt(text, topic) == (f"… Lydia Mensah, whose ward has the city's repair yard, "
                                    f"{predicate} …")


@pytest.mark.parametrize(("text", "opens", "closes"), [
    # a negation before the clause that names the topic goes with it: without "found no
    # evidence that", the excerpt would say the opposite
    ("The committee found no evidence that the council's stake in the firm, the contractor "
     "that won the repair work, had influenced the vote, and it asked for a second review by "
     "spring.", "The committee found no evidence that", ""),
    # an attribution told after what was said goes with it, and an age beside a name is no
    # clause of its own
    ('"We have gone from a store to a bus schedule," said Dale Brunner, 67, who was waiting on '
     'Friday with two canvas bags for the repair crews to finish the road.',
     '"We have gone from a store to a bus schedule,"', ""),
    # the place a sentence opens with says where the rest holds; a date's comma ends no
    # clause; an infinitive goes with the clause it completes
    ("In Marrick Hollow, the new formula means about $1.7 million more for repairs next year, "
     "rising to $5.9 million by 2030-31, the board said on Thursday night.",
     "In Marrick Hollow, the new formula", ""),
    ("The justices, who heard the case in March, gave the city until June 30, 2027, to write a "
     "plan for the repair of every bridge, and they kept the case open.",
     "The justices, who heard the case in March, gave the city until June 30, 2027, to write a "
     "plan", ""),
    # a clause that tells the time of another ("as …") is shown with it
    ("The strike entered its second week on Monday with no talks held since it began, as the "
     "hospital's bill for the repair of its wing passed $6 million and more.",
     "The strike entered its second week", ""),
    # nor does a company's "Inc."
    ("After months of tests in its own laboratory, the agency, which regulates exhaust, sent a "
     "notice to Volkswagen Group of America, Inc. alleging that its cars hid their repair "
     "records, and it asked for a reply.", "… the agency, which regulates exhaust, sent a notice "
     "to Volkswagen Group of America, Inc. alleging", ""),
    # a second phrase joined by "and" says nothing without the clause it adds to
    ("Officials met on Tuesday, and the council may review its spending in the wake of the "
     "storm's damage, and in the context of the cost of the harbour wall's repair.",
     "… the council may review its spending", ""),
    # who said it goes with what they said, not with the clause after it
    ("Until then, the temporary wall will hold the river to 25 feet, the state engineers said, "
     "and the crews will keep 4,000 sandbags for the repair.",
     "… the temporary wall will hold the river", ""),
    # a short qualification that ends the sentence turns what comes before it: it stays
    ("The city, which has argued for months that it cannot afford more, offered raises of 9 "
     "percent and a committee of engineers to review the repair schedule, but no fixed dates.",
     "", "to review the repair schedule, but no fixed dates."),
    # a list's commas end no clause
    ("Based on the board's analysis of inventory, staffing, and sales data submitted by the "
     "repair crews, the crews finished 70 percent of the work in 2022.",
     "Based on the board's analysis of inventory, staffing, and sales data", ""),
    # a sentence's opening subordinate clause goes on to the main clause it depends on
    ("Because the harbour wall needs repair under the state heritage act of 1966, the board "
     "also regulates every change to it through its permits, which take months.",
     "Because the harbour wall needs repair", "the board also regulates every change to it "
     "through its permits …"),
    ("If you have been thinking about the repair of the harbour wall or reading the news "
     "about the coast this winter, you may have heard about the storms.",
     "If you have been thinking about the repair", "you may have heard about the storms."),
    # ... and the date it opens with, year and all
    ("On August 4, 2017, the agency's administrator announced that it will reconsider claims "
     "for the repair of damage from the spill that had been denied.", "On August 4, 2017, the",
     ""),
    # a place's state and a day's date end no clause
    ("Administrator McCarthy traveled to Durango, CO to inspect response efforts for the "
     "repair of the river and to meet with state and local officials about the damage.",
     "Administrator McCarthy traveled to Durango, CO to inspect", ""),
    ("FEMA has a Disaster Recovery Center now open in Edna, Texas, to help survivors with the "
     "repair of their homes and to answer their questions about the programs.",
     "FEMA has a Disaster Recovery Center now open in Edna, Texas, to help", ""),
    ("NASA will hold a news conference at 11 a.m. on Wednesday, July 10, to discuss the repair "
     "of the thrusters with the astronauts aboard the station.", "NASA will hold", ""),
    # a second thing said goes back to whoever said it
    ("The assessor told the board on Tuesday that her office had applied the wrong land "
     "values, and that corrected notices for the repair district would go out next week, as "
     "appeals piled up at the county building.", "The assessor told the board", ""),
    # a participle's clause goes back to the subject that does it
    ("A major winter storm spread across the central states in mid-February, bringing snow "
     "and ice to the plains, disrupting the repair of power lines and causing serious health "
     "and safety issues, particularly in Texas.", "A major winter storm spread", ""),
    # ... and so does a closing "which" clause that says it came to little
    ("Engineers with the county board said on Tuesday that about a quarter of an inch of "
     "settling occurred in the foundations during the repair, which would have had minimal "
     "impact on the deck.", "", "which would have had minimal impact on the deck."),
    # ... and a quotation's commas end no clause
    ("Passengers who paid another way can file a claim for the repair in the bankruptcy case, "
     "but Pryce said ticket holders were likely to recover \"little, if anything.\"",
     "Passengers who paid", "\"little, if anything.\""),
    # a subject set beside a name, a name holding "of", a description after an attribution
    ("Aldergate's chief executive, Doug Farrier, said the airline could start the repair of "
     "its hangar by July 1 if the department accepts its bid, which asks for a subsidy.",
     "Aldergate's chief executive, Doug Farrier, said", ""),
    ("The Association of Regional Aviators, the union for Harrow's pilots and mechanics, said "
     "on Monday that it would file a claim in the bankruptcy case for the repair of every "
     "plane, under a law which requires large employers to give notice.",
     "The Association of Regional Aviators, the union", ""),
    ("Only 27 never arrived, said Luis Ferrante, a Harrow captain who leads the local chapter "
     "of the Association of Regional Aviators, the union for the repair crews and mechanics.",
     "Only 27 never arrived", ""),
    # "but" joins no list's last item, a past verb is no list item, and who speaks goes with
    # the quotation
    ("Mbeki added: \"They have all of them endorsed the document tonight, signed it, but the "
     "document as I have indicated will be released with the repair plan on Monday at 10 "
     "o'clock in the morning.\"", "Mbeki added:", ""),
    ("The only commissioner to vote no, Frank Delisle, said the reserves were meant for roads "
     "and the repair of bridges and should not be spent on a hospital the county does not own.",
     "The only commissioner to vote no, Frank Delisle, said", ""),
    # names ending a list end it, with no comma before their "and"
    ("More than 11 million bottles of water for the repair crews were handed out in Hinds "
     "County through the joint efforts of the City of Jackson, MEMA and the Mississippi "
     "National Guard.", "More than 11 million", "MEMA and the Mississippi National Guard."),
    # an excerpt never opens inside a quotation
    ("“It felt like someone had poured cleaner down my throat, and I could not breathe for an "
     "hour after the repair,” said Teresa Golub, who lives near the plant.", "“It felt like",
     ""),
    # a step back that lands on a predicate goes on back to its subject
    ("Luis Carrasco, the union's lead organizer, told them to keep paying and keep their "
     "receipts, since the ordinance says landlords must refund any excess once the repair is "
     "done.", "Luis Carrasco, the union's lead organizer, told them", ""),
    ("In addition, while the State Department of Health, or MSDH, took informal actions with "
     "the city, it did not provide technical assistance to the city for the repair of its "
     "water plant.", "In addition, while the State Department of Health", ""),
    # examples go back to what they are examples of
    ("The district has cut 11 teaching jobs since 2024, including both of its high school "
     "math positions, and is covering the repair of its schedule with substitutes.",
     "The district has cut 11 teaching jobs", ""),
    # a clause of time goes back to what it tells the time of
    ("Swimmers returned to the beaches on the north shore on Saturday, after two rounds of "
     "tests for the repair crews showed that the toxin had fallen below the state's limit.",
     "Swimmers returned", ""),
    # a title with no article still describes the name before it
    ("Carl Westover, president of the Tri-County Builders Association, said the repair of "
     "older homes would cost more than the council had assumed in its study.",
     "Carl Westover, president", ""),
    # a list's last two items, with no verb, are the list's
    ("Bus drivers, cafeteria workers and classroom aides, who are paid by the hour, will lose "
     "a day of pay each week, and the repair crews will lose theirs in the summer.",
     "Bus drivers, cafeteria workers", ""),
    # a comma inside brackets ends no clause
    ("Some attacks on office systems (e.g., ransomware) can have an effect on the repair "
     "systems as well, if the company opts to shut them down, and the pipeline stops.",
     "Some attacks on office systems (e.g., ransomware) can", ""),
    # a list's last two items end it, however long the stretch before its first item
    ("McCarthy traveled to Durango to inspect the repair of the river crossing and to meet "
     "with state, local and tribal officials, and the agency will pay for the cleanup of the "
     "mine.", "McCarthy traveled", "with state, local and tribal officials …"),
    # an opening phrase with no verb of its own goes on to the main clause
    ("Under an agreement it signed with the state this month for the repair of its dam, the "
     "mill will pay for the cleanup of the river.", "Under an agreement",
     "the mill will pay for the cleanup of the river."),
], ids=["negation", "attribution", "opening-place", "date-comma", "as-clause", "inc",
        "conjoined-phrase", "said-between", "qualification", "list", "opening-because",
        "opening-if", "opening-date", "state-and-day", "state-name", "state-and-day-2", "said-too",
        "participle", "minimised", "beside-a-name", "longer-beside-a-name", "name-with-of", "after-an-attribution",
        "quoted-commas", "but-and-the-speaker", "names-end-a-list", "inside-a-quotation",
        "step-back-again", "other-name", "including", "after-clause", "bare-title",
        "list-end", "bracket-comma", "long-first-item", "opening-phrase"])
def test_an_excerpt_keeps_what_its_clauses_need(text, opens, closes):
    from explainer.model import Topic
    from explainer.render.views import excerpt

    shown = excerpt(text, Topic("repairs", "Repairs", "?", ("repair",)))
    assert shown.startswith(opens) and shown.endswith(closes), shown


# ---- editors steer: include, exclude, --explain ---------------------------------------------


def test_include_and_exclude_move_a_sentence(tmp_path):
    def steer(topics):
        topics["cost"]["include"] = [f"{ARTICLE}#p1s2"]
        topics["closure"]["exclude"] = [f"{ARTICLE}#p4s1"]

    explainer, files = generate(story_copy(tmp_path, steer), TEMPLATES)
    cost_ids = [e.attributes["id"] for e in elements(html_of(files["topics/cost.md"]), "sentence")]
    closure_ids = [e.attributes["id"]
                   for e in elements(html_of(files["topics/closure.md"]), "sentence")]
    assert f"{ARTICLE}-p1s2" in cost_ids
    assert f"{ARTICLE}-p4s1" not in closure_ids
    record = {s["anchor"]: s for p in json.loads(files["explainer.json"])["articles"][0]["paragraphs"]
              for s in p["sentences"]}
    assert {"topic": "cost", "kind": "editor", "detail": "include: in topics.yml"} in \
        record["p1s2"]["reasons"]
    assert "closure" in record["p4s1"]["mentions"]


@pytest.fixture
def run_build(capsys):
    """build.py's main() in this process (the CLI tests in test_cli.py run it as a program)."""
    sys.path.insert(0, str(ROOT))
    import build

    def run(*arguments: str) -> subprocess.CompletedProcess:
        status = build.main(list(arguments))
        captured = capsys.readouterr()
        return subprocess.CompletedProcess(arguments, status, captured.out, captured.err)

    return run


@pytest.mark.parametrize("field, value, message", [
    ("include", [f"{ARTICLE}#p9s1"],
     f"topics[0].include[0]: no sentence '{ARTICLE}#p9s1' in the articles (build.py --explain "
     "lists them)"),
    ("exclude", ["not-an-id"],
     "topics[0].exclude[0]: write a sentence id such as 'turkey-s400-f35#p6s2' (see build.py "
     "--explain)"),
    ("key_points", [{"text": "A point.", "cites": ["words in no sentence"]}],
     "topics[0].key_points[0].cites[0]: no article sentence is or contains 'words in no "
     "sentence'"),
    ("key_points", [{"text": "A point."}],
     "topics[0].key_points[0].cites: required key is missing"),
])
def test_a_bad_override_or_key_point_stops_the_build_with_one_line(tmp_path, run_build, field,
                                                                   value, message):
    seeds = story_copy(tmp_path, lambda topics: topics["closure"].__setitem__(field, value))
    result = run_build("--seeds", str(seeds), "--docs", str(tmp_path / "docs"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    where, _, said = lines[0].partition(": ")
    assert where.startswith("error") and said.split(": ", 1)[1] == message
    assert said.startswith(f"{seeds}/topics.yml:")  # the file, as the editor named the folder
    assert not (tmp_path / "docs").exists()


def test_explain_says_why_each_sentence_is_where_it_is(run_build):
    result = run_build("--seeds", str(STORY), "--explain", f"{ARTICLE}.txt")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index(f"{ARTICLE}#p3s3  Meanwhile, the city council met to discuss next "
                        "year's …")
    assert lines[start + 1] == "    about     (no topic)"
    p2s4 = lines.index(f"{ARTICLE}#p2s4  Work can only happen at night, when the river …")
    assert lines[p2s4 + 1] == "    about     repairs: continues p2s3"
    p4s2 = next(i for i, line in enumerate(lines) if line.startswith(f"{ARTICLE}#p4s2"))
    assert lines[p4s2 + 1] == "    about     cost: signal 'cost'; signal 'million dollars'"
    assert lines[p4s2 + 2] == "    mentions  repairs: signal 'repair'"
    assert f"warning: {ARTICLE}#p3s3 (topic-pages/{ARTICLE}.txt:7) is on no topic" in lines
    # a newcomer's: with one article, the boxes of the topics it feeds say why too
    box = next(i for i, line in enumerate(lines) if line.startswith("== cost: "))
    assert lines[box + 1].startswith("    asks      ")
    assert lines[box + 2].startswith("    point 1   ") or "none" in lines[box + 2]


def test_explain_warns_about_a_topic_that_takes_most_of_an_article(tmp_path, run_build):
    def broaden(topics):
        topics["closure"]["signals"].extend(["the", "a"])
        # a question of the present, so no sentence of what is to come weighs it half
        topics["closure"]["question"] = "What are the inspectors finding?"

    seeds = story_copy(tmp_path, broaden)
    result = run_build("--seeds", str(seeds), "--explain")
    assert result.returncode == 0
    assert (f"warning: {ARTICLE}: 'closure' is about" in result.stdout
            and "more than half: its signals may be too broad" in result.stdout)


def test_explain_of_an_unknown_article_is_one_line(run_build):
    result = run_build("--seeds", str(STORY), "--explain", "nothing-here.txt")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"error: nothing-here.txt: no such article in "
                                     f"{STORY}")


def test_an_outlets_own_brackets_nest_as_square_ones_in_a_dateline():
    from types import SimpleNamespace

    from explainer.render.views import dateline
    article = SimpleNamespace(meta=SimpleNamespace(
        outlet="U.S. Energy Information Administration (Today in Energy)",
        published="2022-02-14"))
    assert dateline(article) == ("U.S. Energy Information Administration [Today in Energy], "
                                 "14 February 2022")


def test_a_point_links_each_paragraph_it_stands_in_once():
    """A point of two sentences of one paragraph links "paragraph 9" once, not "¶9 ¶9"."""
    from explainer.model import RawArticle, RawParagraph, SourceSpan
    from explainer.render.views import source_links
    from explainer.understand.segment import builtin_abbreviations, segment_article

    raw = RawArticle("a", "A", tuple(RawParagraph(text, SourceSpan("a.txt", n, 0)) for n, text in
                                     enumerate(("The board met. It voted to cut routes.",
                                                "Riders objected."), 1)), "a.txt")
    article = segment_article(raw, builtin_abbreviations())
    first, second, third = article.sentences
    assert [link.number for link in source_links([(article, first), (article, second)],
                                                 "index.md")] == [1]
    assert [link.number for link in source_links([(article, second), (article, third)],
                                                 "index.md")] == [1, 2]


@pytest.mark.parametrize(("text", "why"), [
    ("VOA's Luis Ramirez reports from Beijing.", "sign_offs"),
    ("For more information, visit the agency's website.", "calls_to_the_reader"),
    ("Her lawyer could not be reached on Friday.", "silence"),
    ("The weather in Ankara was mild that week.", None),
])
def test_explain_names_the_list_that_puts_a_sentence_on_no_topic(text, why):
    """Helper D's: a sentence a rule of standalone.yml kept off every topic showed "(no topic)"
    with no reason, so the editor could not tell which list to change."""
    from explainer.editor.explain import why_no_topic

    assert (why_no_topic(text).endswith(f"standalone.yml, {why})") if why
            else why_no_topic(text) == "")
