"""Every topic page answers its own question (issue 23), measured against an editor's labels.

For each labelled story, `answers.yml` (tests/labels/README.md, "Answer labels") names per
topic the points its "In short" box must make (required: groups of sentences making the same
point) and the sentences that may stand in it without harm (acceptable). Written by hand from
the articles and the questions, before looking at what the rules do. With the rules alone
(no key_points, include or exclude):

    coverage = required points the box makes / required points
    clean    = points in the box that are required or acceptable / points in the box

`python tests/understand/test_answers.py` prints the table guides/benchmarks.md shows. The test fails
below the bar on any story. When a score drops, improve the rules (explainer/understand/
answers.py and the words in questions.yml), never with words of the labelled articles.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import yaml

sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parents[1])]

from explainer.model import Explainer  # noqa: E402
from explainer.pipeline import build_explainer, generate  # noqa: E402
from explainer.render import feed  # noqa: E402
from explainer.understand.answers import answer_points, home_leads  # noqa: E402
from project_tools import ROOT, TEMPLATES, TESTS, TURKEY, rules_only_seeds  # noqa: E402

COVERAGE_BAR = 0.6
CLEAN_BAR = 0.75
# Stories below the bar, and why (guides/benchmarks.md's table shows their scores). Their test
# is an expected failure, strictly: once the rules reach the bar, the entry must go.
BELOW_BAR = {
    "gannet-island-ferry": "clean 0.67: held out, labelled blind by a helper (first measured "
                           "at 0.53 coverage, 0.68 clean; its mistakes are not read)",
    "pellston-ferry-levee-breach": "clean 0.72: four articles read by a newcomer (first "
                                   "measured at 0.60 coverage, 0.65 clean)",
    "chile-miners-rescue-2010": "coverage 0.58: VOA texts held out, labelled blind by a helper "
                                "(first measured at 0.42 coverage, 0.75 clean; its mistakes "
                                "are not read)",
    "wickerston-elementary-merger": "coverage 0.57: held out, labelled blind by a "
                                    "helper (first measured at 0.43 coverage, 0.75 clean; its "
                                    "mistakes are not read)",
    "pacific-northwest-heat-wave-2021": "coverage 0.58, clean 0.71: VOA, NOAA and CDC texts held "
                                        "out, labelled blind by a helper (first measured at 0.50 "
                                        "coverage, 0.62 clean; its mistakes are not read)",
    "wescott-county-ambulance": "coverage 0.57: held out, labelled blind by a helper "
                                "(first measured at 0.43 coverage, 0.70 clean; its mistakes are "
                                "not read)",
}
LABELS = TESTS / "labels"


@dataclass(frozen=True)
class AnswerStory:
    name: str
    seeds: Path
    answers: Path
    extra_articles: tuple[Path, ...] = ()
    requires: str = ""  # an article the seeds folder must hold for the labels to apply


def answer_stories() -> list[AnswerStory]:
    followups = tuple(sorted((TESTS / "fixtures" / "followups").glob("*.txt")))
    stories = [
        AnswerStory("shipped story (seeds/)", ROOT / "seeds", LABELS / "turkey-seed.answers.yml",
                    requires="turkey-s400-f35.txt"),
        AnswerStory("shipped story + 2 follow-ups", ROOT / "seeds",
                    LABELS / "turkey-followups.answers.yml", followups,
                    requires="turkey-s400-f35.txt"),
        AnswerStory("example: lead pipes", ROOT / "examples" / "lead-pipes" / "seeds",
                    LABELS / "lead-pipes.answers.yml"),
    ]
    for folder in sorted((TESTS / "stories").glob("*/")):
        if (folder / "labels" / "answers.yml").is_file():
            stories.append(AnswerStory(folder.name, folder / "seeds",
                                       folder / "labels" / "answers.yml"))
    return stories


STORIES = answer_stories()


def rules_only(story: AnswerStory, workdir: Path) -> Path:
    """A copy of the story's seeds (plus extra articles) whose topics carry no editor's
    overrides."""
    return rules_only_seeds(story.seeds, workdir / "seeds", story.extra_articles)


@dataclass
class Score:
    required: int = 0
    covered: int = 0
    points: int = 0
    clean: int = 0

    @property
    def coverage(self) -> float:
        return self.covered / self.required if self.required else 1.0

    @property
    def cleanliness(self) -> float:
        return self.clean / self.points if self.points else 1.0


def score(explainer: Explainer, answers: dict, misses: list[str] | None = None) -> Score:
    total = Score()
    for topic in explainer.story.topics:
        labels = answers["topics"][topic.slug]
        required = [{s["text"] for s in point["sentences"]} for point in labels["required"] or []]
        fine = set().union(*required) | {s["text"] for s in labels.get("acceptable") or []}
        shown = {s.text for p in answer_points(explainer, topic) for s in p.sentences}
        total.required += len(required)
        total.covered += sum(1 for group in required if group & shown)
        total.points += len(shown)
        total.clean += len(shown & fine)
        if misses is not None:
            misses += [f"{topic.slug}: missing {p['point']!r}" for p, group in
                       zip(labels["required"] or [], required) if not group & shown]
            misses += [f"{topic.slug}: not an answer: {text[:70]!r}" for text in shown - fine]
    return total


@pytest.fixture(scope="module", params=STORIES, ids=[s.name for s in STORIES])
def story(request, tmp_path_factory) -> tuple[AnswerStory, Explainer, dict]:
    story = request.param
    if story.requires and not (story.seeds / story.requires).is_file():
        pytest.skip(f"seeds/ holds another story (no {story.requires}): its labels don't apply")
    explainer = build_explainer(rules_only(story, tmp_path_factory.mktemp("answers")))
    return story, explainer, yaml.safe_load(story.answers.read_text("utf-8"))


def test_labels_name_real_sentences_and_every_topic(story):
    _, explainer, answers = story
    texts = {s.text for a in explainer.articles for s in a.sentences}
    assert set(answers["topics"]) == {t.slug for t in explainer.story.topics}
    for slug, labels in answers["topics"].items():
        for point in labels["required"] or []:
            assert {s["text"] for s in point["sentences"]} <= texts, (slug, point["point"])
        assert {s["text"] for s in labels.get("acceptable") or []} <= texts, slug


def test_the_boxes_answer_their_questions(request, story):
    meta, explainer, answers = story
    if meta.name in BELOW_BAR:
        request.applymarker(pytest.mark.xfail(reason=BELOW_BAR[meta.name], strict=True))
    misses: list[str] = []
    total = score(explainer, answers, misses)
    report = f"coverage {total.coverage:.2f}, clean {total.cleanliness:.2f}\n" + "\n".join(misses)
    print(f"\n{meta.name}: {report}")
    assert total.coverage >= COVERAGE_BAR and total.cleanliness >= CLEAN_BAR, report


# Openings that lean on a sentence the reader can't see (issue 23).
LEANING = re.compile(r"(?:As a result|Therefore|Meanwhile|However|Nonetheless|Nevertheless|"
                     r"Additionally|Also|But|And|So|He|She|They|It|This|These|Those|Their|Its|"
                     r"His|Her)\b")


def test_no_point_leans_on_a_sentence_the_reader_cannot_see(story):
    """Box, home card, description (and so the share image) and feed summary stand alone
    ("This winter, …" tells a time, which the point's date places; "This is the fourth time
    that Liberia …" says what "this" is, and so does "This outbreak …" in a story whose
    headline names the outbreak)."""
    from explainer.understand.standalone import names_the_story, opening, words

    _, explainer, _ = story
    titles = " ".join(article.title for article in explainer.articles)
    shown = [(f"box of {t.slug}", p.text) for t in explainer.story.topics
             for p in answer_points(explainer, t)]
    shown += [(f"card of {t.slug}", lead[0]) for t, lead in home_leads(explainer) if lead]
    shown += [(f"feed entry of {a.slug}", feed.lead_summary(a)) for a in explainer.articles]
    leaning = [(where, text[:70]) for where, text in shown
               if LEANING.match(text) and not opening(text, words().not_leaning)
               and not words().spelled_out.match(text)  # "This is the fourth time that …"
               and not names_the_story(text, opening(text, words().leaning) or "", titles)]
    assert leaning == []


def test_the_descriptions_and_share_texts_are_the_first_points(tmp_path):
    """The page description (and the share image drawn from it) is the question and the
    box's first point, as it stands alone."""
    story = STORIES[0]
    if not (story.seeds / story.requires).is_file():
        pytest.skip("seeds/ holds another story")
    explainer, files = generate(rules_only(story, tmp_path), TEMPLATES)
    for topic in explainer.story.topics:
        page = files[f"topics/{topic.slug}.md"]
        description = yaml.safe_load(page.split("---\n")[1])["description"]
        points = answer_points(explainer, topic)
        if points:
            assert description.endswith(points[0].text.replace("'", "&#x27;")), topic.slug


@pytest.mark.parametrize(("before", "text", "alone"), [
    ("Turkish officials, including President Recep Tayyip Erdogan, spoke.",
     "He cites a lack of an alternative.", "[Recep Tayyip Erdogan] cites a lack of an alternative."),
    # a count of things the sentence doesn't name is passed over: what follows names them
    ("The suit was filed on Tuesday.", "The owners make three main claims.", None),
    # a list's item, going on from its lead-in, is passed over
    ("The order requires the city to:", "appoint a manager to run the water system;", None),
    # a lead-in left without its stop points at what follows it
    ("The guidance changed.", "The revised guidance for the area is that", None),
    # the subject after an opening phrase of where or when
    ("In papers filed in bankruptcy court on Monday, the company said it owes $212 million.",
     "It blamed higher food costs.", "[The company] blamed higher food costs."),
    ("The union, Transit Workers Local 418, has worked without a contract since June.",
     "Its members are asking for raises.", "[The union’s] members are asking for raises."),
    # ... in the article's own apostrophe
    ("The union, Transit Workers Local 418, has worked without a contract since June.",
     "Its members say the city's offer is too low.",
     "[The union's] members say the city's offer is too low."),
    ("Washington objected to the purchase.", "As a result, Washington issued sanctions.",
     "Washington issued sanctions."),
    ("The shortage eased in May.", "That said, some pharmacies still run out.",
     "Some pharmacies still run out."),
    ("Seventeen workers were rescued.", "But 11 crew members are presumed dead.",
     "11 crew members are presumed dead."),
    ("Talks went on.", "These discussions have yet to yield agreements.", None),
    # a thing named before, pointed at with no noun of its own
    ("The state average is $13,900 a pupil.",
     "According to the ruling, 112 of the state's 240 districts spend less than that.", None),
    ("The upgrade cost $96,000.", "The state covered $58,000 of that.", None),
    # what came after what the sentence before told leans on it
    ("The tsunami struck.", "Explosions subsequently damaged several reactor buildings.", None),
    # a verb in the past is no word of the subject ("[The council met] voted" had been shown)
    ("The council met.", "It voted to close the pool.", None),
    # a connective set off by commas after the subject is dropped with its commas
    ("The officer was not charged.", "The Price family, meanwhile, has taken its case to court.",
     "The Price family has taken its case to court."),
    ("The outbreak grew.", "Zika causes mild illness in some, however, we are tracking it.",
     "Zika causes mild illness in some, however, we are tracking it."),
    # a question is no answer: an FAQ's answer follows it, and drops its mark
    ("Rent begins in March.", "Q. What should a household do if it will not pay?", None),
    ("Q. What should a household do if it will not pay?", "A. Households must move out by May 1.",
     "Households must move out by May 1."),
    ("Talks went on.", "A. Smith said the talks went on.", "A. Smith said the talks went on."),
    # a part of what the sentence before named ("those polled" names whom it means)
    ("About 140 other cases are pending.", "The next of them is set for trial in May.", None),
    ("A poll was taken.", "Most of those polled said no.", "Most of those polled said no."),
    ("The penalties were announced.", "It was the first time the law was used.", None),
    # a name described by whose it is: the one thing the sentence before opens with
    ("The Ellery Faculty Association sued on Monday.", "Rosa Delgado, its president, spoke.",
     "Rosa Delgado, [the Ellery Faculty Association’s] president, spoke."),
    ("Talks went on.", "Rosa Delgado, its president, spoke.", None),
    # a speaker told by a pronoun after what they said, quoted or not
    ("Ed Marsh spoke.", "The review is due in March, he said, and more may follow.",
     "The review is due in March, [Ed Marsh] said, and more may follow."),
    ("Nobody spoke.", "The review is due in March, he said.", None),
    # ... but one that says itself what "this" is, in a clause about a name, stands alone
    ("The agency said so.", "This is the third time that Corvane has been declared free of it.",
     "This is the third time that Corvane has been declared free of it."),
    ("The agency said so.", "It was the first time since 1998 that Marlow County flooded.",
     "It was the first time since 1998 that Marlow County flooded."),
    ("The agency said so.", "This is the third time that the mayor has said so.", None),
    # an "it" holding the place of the clause after it points at nothing before
    ("The talks went on.", "It is believed that Tsvangirai will become prime minister.",
     "It is believed that Tsvangirai will become prime minister."),
    ("The cathedral burned.", "It has been a year since the towers were engulfed in flames.",
     "It has been a year since the towers were engulfed in flames."),
    ("The plant will be rebuilt.", "It is expected to cost $5 million.", None),
    ("Nobody spoke.", "He said no.", None),
    # "the former" describing its noun is no pointer back
    ("The union and the city met.", "The former said no.", None),
    ("The pharmacy closed.", "The former owner was resentenced.",
     "The former owner was resentenced."),
    # a quotation that goes on in the next sentence is closed, when it says who speaks ...
    ("The drivers met.", "Arroyo said: “We are out here for the next driver.",
     "Arroyo said: “We are out here for the next driver.”"),
    # ... and when it is all quotation, its speaker is named after it: it stands with that one
    ("The drivers met.", '"We are out here for the next driver.', None),
    # a quotation opening with a word and a noun that point back leans as they do unquoted
    ("Pork sales to China fell.", '"That market just disappeared," said Brian Duncan.', None),
    ("Pork sales to China fell.", '"This is the worst year," Brian Duncan said.',
     '"This is the worst year," Brian Duncan said.'),
    ("The nurses won limits.", '"That is what we went out for," Maren Eskildsen said.', None),
    # ... and when a transcript's label names the speaker
    ("The plant was hit.", 'STEVE HERMAN: "I was near the plant on the 15th of March.',
     'STEVE HERMAN: "I was near the plant on the 15th of March."'),
    ("“We are out here.", "Nobody can afford the rent,” she said.", None),
    ("Talks went on.", "VOA's Luis Ramirez reports from Beijing.", None),
    ("Talks went on.", "VOA Seoul Correspondent Kurt Achin has more.", None),
    ("Talks went on.", "Jenna Alvarez covers health for the Courier.", None),
    ("Talks went on.", "Reach her at jalvarez@example.com.", None),
    # a line the page addresses to its own reader
    ("The spill grew.", "Get the latest updates on EPA's response to the spill.", None),
    ("The spill grew.", "Listen to audio of the Administrator's remarks at the command post.",
     None),
    ("The spill grew.", "For more information, visit the agency's website.", None),
    ("The spill grew.", "More information about the spill can be found on the agency's web "
     "page.", None),
    ("The spill grew.", "To read the full investigation notice, click here.", None),
    ("The spill grew.", "View a copy of the final order.", None),
    # a preposition and a word standing for what was said before
    ("The appraiser sets a price.", "From that the county subtracts any insurance payment.",
     None),
    ("The board met.", "Despite this, the repairs were put off.", None),
    # things "such" as the sentence before described, unless the sentence says which
    ("The nearest store is 18 miles away.", "Researchers call such places food deserts.", None),
    ("China raised tariffs.", "Farmers feel the effects of such tariffs imposed by China.",
     "Farmers feel the effects of such tariffs imposed by China."),
    ("Analysts suggested storing the batteries.", "No such compromise has been agreed.",
     "No such compromise has been agreed."),
    ("Turkey bought the S-400.", "Turkey says no nation should dictate purchases of arms or "
     "such purchases.", "Turkey says no nation should dictate purchases of arms or such "
     "purchases."),
    # a time counted from what the sentence before told
    ("Zika was found in Uganda in 1947.", "Since that time, it has spread to Brazil.", None),
    ("The board met.", "At the time of the vote, three members were absent.",
     "At the time of the vote, three members were absent."),
    # a person's verdict on "it", told right after who they are
    ("Restaurants get a waiver until 2028.", 'Paula Drescher, director of the Restaurant '
     'Alliance, called it "a four-year reprieve."', None),
    ("The council met.", "The council passed a rent law and called it something else.",
     "The council passed a rent law and called it something else."),
    # what someone said of what the sentence before told, and what is left of it
    ("The plan adds $55 million.", "Ray Castellane said that would not be enough.", None),
    ("About 954,000 liters leak each day.",
     "The government estimates that that is about one percent of the oil.", None),
    ("The plan adds $55 million.", "Ray Castellane said that the plan would fail.",
     "Ray Castellane said that the plan would fail."),
    ("A sales tax pays for half.", "The rest will come from the budget surplus.", None),
    # a purpose told before, pointed at: dropped as a connective is (a newcomer's)
    ("We want it never to happen again.", "To that end, the board thanked its staff.",
     "The board thanked its staff."),
    # things named before, pointed at in an opening phrase (a newcomer's), but not "these days"
    ("Teams assessed the damage.", "Based on those early assessments, the agency is sending "
     "tents.", None),
    ("Few buses run.", "Like many towns these days, Oskin Falls has a quiet depot.",
     "Like many towns these days, Oskin Falls has a quiet depot."),
    ("A sales tax pays for half.", "The rest of the money will come from bonds.",
     "The rest of the money will come from bonds."),
    # a condition or a time told by a pronoun and a verb standing for what was said before
    ("The co-op has until Jan. 29 to raise the money.",
     "If it does not, the building will be auctioned.", None),
    ("The co-op hopes to open in the spring.", "Until then, the town has no grocery store.", None),
    ("The council met.", "If approved, the plan takes effect in May.",
     "If approved, the plan takes effect in May."),
    ("The council met.", "If it rains, the parade is off.", "If it rains, the parade is off."),
    ("The spill grew.", "Dear Americans,", None),
    ("The spill grew.", "Consumers should follow these steps to keep produce safe.", None),
    ("The spill grew.", "This Sidebar summarizes the Court's analyses in these two cases.",
     None),
    # the other of things named before, and what it is given for
    ("The Court decided two cases.", "In a companion case, the Court held that the borrowers "
     "lacked standing.", None),
    ("The union offered eight furlough days.", "In exchange, the city would cut the number "
     "of layoffs by at least half.", None),
    # a speaker's greeting or thanks to the audience (testimony opens so); "thanks to" is a cause
    ("The spill grew.", "Thank you for the opportunity to be here today.", None),
    ("The spill grew.", "The Courier's State House bureau contributed to this report.", None),
    # a time counted from an event the reader can't see
    ("The board voted 4-3.", "A day later, the County Commission voted to cut the budget.", None),
    ("The spill grew.", "Mr. Chairman and Members of the Committee, I am Ann Lee.", None),
    ("The spill grew.", "In these brief remarks, I will discuss: (1) what we found; and (2) what "
     "comes next.", None),
    ("The spill grew.", "Today I want to cover (1) the spill and (2) the cleanup.", None),
    ("The spill grew.", "NASA also will hold a news conference at 11 a.m. Wednesday with the "
     "crew to discuss the mission.", None),
    ("The spill grew.", "Thanks to the rain, the river rose.", "Thanks to the rain, the river rose."),
    ("The spill grew.", "Call your doctor if you drank the water.",
     "Call your doctor if you drank the water."),
    # a sentence pointing at the printed page's table, list or picture
    ("Rents went up.", "The rates for each county are listed below.", None),
    # ... unless only a bracketed aside points there: the rest says what it says without it
    ("The recall grew.", "The lots can be found on the can's base (see image below).",
     "The lots can be found on the can's base."),
    ("The recall grew.", "The lots (see the list below) are listed below.", None),
    ("The agency acted.", "Today's priority orders are:", None),
    ("The river fell.", "Water levels fell below the normal mark.",
     "Water levels fell below the normal mark."),
    ("The agency acted.", 'The following is a statement from the mayor: "We will rebuild."',
     'The following is a statement from the mayor: "We will rebuild."'),
    # "In addition to …", "As a result of …" open a phrase of the sentence's own
    ("Ransomware locks files.", "In addition to locking systems, attackers steal data.",
     "In addition to locking systems, attackers steal data."),
    ("The hospital will close its beds.", "Besides the emergency room, it keeps a laboratory.",
     "Besides the emergency room, [the hospital] keeps a laboratory."),
    # a pronoun after an opening phrase of when leans as one opening the sentence does
    ("The spacecraft is in orbit.", "On September 26, it will aim at the asteroid.",
     "On September 26, [the spacecraft] will aim at the asteroid."),
    ("Talks went on.", "Over the summer, it cancelled one flight in five.", None),
    # the thing with the short phrase that says which, as the subject
    ("The current shortage of stimulant medications is the result of many factors.",
     "It began last fall.", "[The current shortage of stimulant medications] began last fall."),
    ("The programs on the list cost $2 million.", "Its report found no graduates.", None),
    # a count standing for what the sentence before named
    ("Forty taps were shut.", "The remaining eight, at two schools, should be back on by June.",
     None),
    ("Twenty children were tested.", "Nine had blood lead levels above the limit.", None),
    ("The heat set records.", "2019 was the hottest year.", "2019 was the hottest year."),
    ("The heat set records.", "Two people died in the heat.", "Two people died in the heat."),
    # a person named before by a pronoun inside the subject
    ("Ana Ruiz said the check was skipped.", "The check she meant is a comparison of counts.",
     None),
    # some besides those named before
    ("Some residents called the hotline.", "Others can register online.", None),
    ("Twenty schools were tested.", "The other schools with high levels are Caskey and Colter.",
     "The other schools with high levels are Caskey and Colter."),
    # a thing named before, pointed at inside the subject
    ("The 1958 wing has lead solder.", "Replacing the pipes in that wing will cost $1 million.",
     None),
    ("Blood was tested.", "Half of those tested had high levels.",
     "Half of those tested had high levels."),
    ("The outbreak grew.", "Cases related to this outbreak were found in seven states.",
     "Cases related to this outbreak were found in seven states."),
    # a name ending in a word for a place or a body is no person
    ("Ken Bowersox, associate administrator of the Space Operations Mission Directorate, "
     "spoke.", "He said the test was a success.", "[Ken Bowersox] said the test was a success."),
    ("Nancy Chabot is a scientist at the Applied Physics Laboratory.", "She said it worked.",
     "[Nancy Chabot] said it worked."),
    ("Talks went on.", "Since their arrival, Wilmore and Williams have done research.",
     "Since their arrival, Wilmore and Williams have done research."),
    ("Talks went on.", "The hospital's beds, its clinic and its laboratory will shut.",
     "The hospital's beds, its clinic and its laboratory will shut."),
    ("The beds close.", "Besides, the emergency room stays open.", "The emergency room stays open."),
    # a sentence told verb first keeps its opening word: it is no connective there
    ("The rain stopped.", "Still underway, the inquiry is studying the piles.",
     "Still underway, the inquiry is studying the piles."),
    ("The rain stopped.", "Still, the inquiry is studying the piles.",
     "The inquiry is studying the piles."),
    ("Talks went on.", "As VOA's Jane Doe reports from Hong Kong, the talks went on.",
     "As VOA's Jane Doe reports from Hong Kong, the talks went on."),
    ("Talks went on.", "The bank reports from Macau were late.",
     "The bank reports from Macau were late."),
    # a place or a body named beside the person is not a second person
    ("Ingrid Halvorsen, the limnologist at Northfield State University, warned of more.",
     "She expects blooms again.", "[Ingrid Halvorsen] expects blooms again."),
    # a surname the article never gave in full, saying something
    ("Haverford, who attended the hearing, said the surgeons had moved.",
     "She said the owner had put money in.", "[Haverford] said the owner had put money in."),
    # what the sentence before opens with: "a" or "an" is "the" once named, a participle with
    # "by" describes it, people named by a plural, a word or two before a name
    ("An independent review ordered by the county found that both agencies failed.",
     "It said the board should not have moved the money.",
     "[The independent review] said the board should not have moved the money."),
    ("Officials in Ankara have said the deal is done.", "They argue that no partner offered more.",
     "[Officials in Ankara] argue that no partner offered more."),
    ("The state Department of Transportation said repairs are the owner's job.",
     "Its inspectors found rust.", "[The state Department of Transportation's] inspectors found rust."),
    # a time before the subject leaves it unclear what "it" is: the vote or the plan
    ("On Tuesday, the commission voted for the plan.", "It requires inspections.", None),
    # a second thing "it" may be: one brought in with "an" after a verb, or the one it is
    # done by
    ("The authority plans to add an ozone stage to its plant.", "It will cost $14 million.",
     None),
    ("The bridge is owned by the Wenlow River Bridge Authority.",
     "Its director called the closure responsible.", None),
    # a surname that speaks after an apposition names a person
    ("Vance, the board president, said the board relied on its engineers.",
     "He said the district had hired a lawyer.", "[Vance] said the district had hired a lawyer."),
    # "there" for a place the sentence does not name; not "there is", nor a place named before
    ("Students moved into an office building.", "The district said they will stay there.",
     None),
    ("The beaches reopened.", "Tests at the north shore found the toxin below the limit there.",
     "Tests at the north shore found the toxin below the limit there."),
    ("The gym was closed.", "There is no gym, so classes are held in the park.",
     "There is no gym, so classes are held in the park."),
    # ... but not a thing after a preposition
    ("The union has worked without a contract since June.", "Its members want raises.",
     "[The union’s] members want raises."),
    # a name opened by a place's abbreviation is one name; a verb before a name ends no subject
    ("St. Adrian Medical Center was preparing for more patients.",
     "Its emergency room already runs near capacity.",
     "[St. Adrian Medical Center’s] emergency room already runs near capacity."),
    ("The hospital said St. Adrian Medical Center was ready.", "Its beds are full.", None),
    # a pronoun after an opening time is the person named before, as one opening the sentence
    ("President Lena Marsh has refused to sign it.", "On Monday she said talks would go on.",
     "On Monday [Lena Marsh] said talks would go on."),
    # ... and after a few words set off by a comma
    ("We met Jacques Pierre, a 33-year-old mason, in a tent camp.",
     "Unemployed, he survives on food coupons.", "Unemployed, [Jacques Pierre] survives on food coupons."),
    # a name before a noun describes it: "it" is the noun ("the Trump administration")
    ("The Trump administration has argued that tariffs would help.",
     "It has demanded that China protect property.",
     "[The Trump administration] has demanded that China protect property."),
    # a name that holds "and" is one name, as "it" stands for one thing
    ("The House Transportation and Infrastructure Committee wrote the report.",
     "It said Boeing failed.",
     "[The House Transportation and Infrastructure Committee] said Boeing failed."),
    # ... and so is "her" or "his" after the words a sentence opens with, unless the sentence
    # names whose itself
    ("Loretta Briggs said her value rose 40 percent.",
     "At the new rate her county bill would be about $970.",
     "At the new rate [Loretta Briggs’s] county bill would be about $970."),
    ("Loretta Briggs said her value rose 40 percent.",
     "At her hearing, Dana Quill said the value stood.",
     "At her hearing, Dana Quill said the value stood."),
    # a connective kept before "that" and its noun still points back; "that" opening a clause
    # does not
    ("Crews said there was no sign of oil.", "But that assessment changed after it sank.", None),
    ("Last weekend, a storm spread across Texas.",
     "At the same time that the cold raised demand, it cut supply.",
     "At the same time that the cold raised demand, it cut supply."),
    # a pronoun right after an opening "if", "when", "once" is one opening the sentence
    ("Judge Miriam Oakes will rule on the motion next month.",
     "If she throws out the conviction, prosecutors must decide whether to try him again.",
     "If [Miriam Oakes] throws out the conviction, prosecutors must decide whether to try him "
     "again."),
    ("The owners bought two stores in 2019.",
     "When they close, residents will be 15 miles from a grocery store.", None),
    ("Judge Miriam Oakes will rule on the motion next month.",
     "If she does not, his lawyers will appeal.", None),
    # ... and a pronoun opening what a sentence reports, where whoever reports it is no one
    ("Council member Carla Denny asked for the repair in 2024.",
     "The minutes show that she voted against the delay.",
     "The minutes show that [Carla Denny] voted against the delay."),
    ("The council met on Monday.", "The minutes show that she voted against the delay.", None),
    # "then" is the day or month the sentence before names
    ("The plant may restart on Nov. 2.", "Before then, Norcastle will replace every valve.",
     "Before [2 November], Norcastle will replace every valve."),
    ("The well will stay shut until the end of 2027.", "Until then, the town buys water.",
     None),
    # a pointing opening that names what it points at at once
    ("The Court struck down the plan.",
     "In a companion case, Department of Education v. Brown, the Court held that the "
     "plaintiffs lacked standing.",
     "In a companion case, Department of Education v. Brown, the Court held that the "
     "plaintiffs lacked standing."),
    ("The board met.", "A day later, the commission voted 3-2.", None),
    # the subject after an opening participle's or infinitive's phrase
    ("Built in 1964, the four-lane bridge was closed on Monday.",
     "Its last inspection rated the frame poor.",
     "[The four-lane bridge’s] last inspection rated the frame poor."),
    # "those who …" names its people itself
    ("The fund opened on Monday.", "Those who need help can apply for emergency payments.",
     "Those who need help can apply for emergency payments."),
    ("Two firms bid for the work.", "Those firms lost.", None),
    ("Council member Carla Denny asked for the repair in 2024.",
     "Mayor Tom Ruiz said that he voted against the delay.",
     "Mayor Tom Ruiz said that he voted against the delay."),
    # a time counted from one named before leans on it, as does the same day
    ("The jet crashed in March 2019.", "Five months earlier, a Lion Air jet crashed in Indonesia.",
     None),
    ("Officials met on December 17.", "On the same day, the state received four more reports.",
     None),
    # a straight mark closes a curly one
    ("The work goes on.", "“It is like surgery where the spire fell,\" Christophe Rousselot said.",
     "“It is like surgery where the spire fell,\" Christophe Rousselot said."),
    # a quotation opening on "they" points at whoever was named before it
    ("Castellan said voters had not turned against baseball.",
     '"They turned against a blank check," Castellan said.', None),
    ("The mayor spoke on Monday.", '"It is a sad day for the city," Castellan said.',
     '"It is a sad day for the city," Castellan said.'),
    # ... unless it counts days or weeks from the one day the sentence before names
    ("Residents sued the library on Monday.", "A day later, the commission cut its money.",
     "A day later [13 October], the commission cut its money."),
    ("Residents sued the library.", "A day later, the commission cut its money.", None),
    # "Also" with a phrase that only says the sentence adds to the one before: both dropped
    ("The fund paid the board.", "Also of concern, the chairman's father ran the fund.",
     "The chairman's father ran the fund."),
    ("The fees rose.", "Also at issue, the bank kept the fees.", "The bank kept the fees."),
    # a step of a task named before leans on it
    ("The crew set out to open the canister.", "As a first step, the crew removed a lid.", None),
])
def test_a_sentence_stands_alone_or_is_passed_over(before, text, alone):
    from explainer.understand.names import vocabulary_of
    from explainer.understand.standalone import mended

    assert mended(text, before, {}, vocabulary_of((before, text)),
                  published="2026-10-14").text == alone


@pytest.mark.parametrize(("text", "shown"), [
    # a day told by its article's date gets that date beside it, where the tense is sure
    ("On Friday, the judge ordered a recount.", "On Friday [18 December], the judge ordered a recount."),
    ("The board will vote on Tuesday.", "The board will vote on Tuesday [29 December]."),
    ("Yesterday the board met.", "Yesterday [22 December] the board met."),
    ("The hearing is set for Tuesday.", "The hearing is set for Tuesday [29 December]."),
    ("The card was found last Thursday.", "The card was found last Thursday [17 December]."),
    # not where the tense leaves it in doubt, inside a quotation, or with its date written
    ("The hearing is on Tuesday.", "The hearing is on Tuesday."),
    ("The weather service has extended the warning through Saturday, forecasters said.",
     "The weather service has extended the warning through Saturday, forecasters said."),
    ("The plant will close on Friday, officials said Monday.",
     "The plant will close on Friday, officials said Monday [21 December]."),
    # a day right after a verb told in the past is that past day, whatever else is to come
    ("The university will seek to dismiss him, officials said on Tuesday.",
     "The university will seek to dismiss him, officials said on Tuesday [22 December]."),
    # ... and so is one in words told in the past alone, whatever a later clause tells
    ("A judge on Friday threw out the conviction, ruling that the evidence would have led a jury "
     "to acquit.", "A judge on Friday [18 December] threw out the conviction, ruling that the "
     "evidence would have led a jury to acquit."),
    # ... and so is one right before a verb told in the past, a lede's way ("set" included)
    ("The county board on Tuesday set the rate at 74 cents, so the median bill will rise.",
     "The county board on Tuesday [22 December] set the rate at 74 cents, so the median bill "
     "will rise."),
    ("The board will on Tuesday set the rate, and bills will rise.",
     "The board will on Tuesday set the rate, and bills will rise."),
    ('"We met yesterday," Ruiz said.', '"We met yesterday," Ruiz said.'),
    ("The judge ruled on Friday, Dec. 18.", "The judge ruled on Friday, Dec. 18."),
    # a month away from the article's, whatever the tense; not the article's own month
    ("The bill passed the Senate last month.", "The bill passed the Senate last month [November]."),
    ("The vote is next month.", "The vote is next month [January 2027]."),
    # ... after a possessive
    ("Inspectors had warned the plant before last month's leak.",
     "Inspectors had warned the plant before last month's [November] leak."),
    # ... and after the time of day it names
    ("The board voted 4-3 on Tuesday night to close it.",
     "The board voted 4-3 on Tuesday night [22 December] to close it."),
    # ... whatever a clause opened after it tells of what is to come
    ("Hundreds filled the hall on Tuesday night to tell the council what the cuts would mean.",
     "Hundreds filled the hall on Tuesday night [22 December] to tell the council what the cuts "
     "would mean."),
    ("It was released earlier this month.", "It was released earlier this month."),
    # ... but not a year away: a school's or a budget's "next year" is not the calendar's
    ("The district may keep the pouches next year.",
     "The district may keep the pouches next year."),
    ("Prices rose this year.", "Prices rose this year."),
    # a day still to come in the present tense is ahead too; a past day of an event named
    # just before it may be one still to come: no date
    ("The contract runs through Sunday, and the hospital must decide by Thursday whether to "
     "extend it.", "The contract runs through Sunday [27 December], and the hospital must decide "
     "by Thursday [24 December] whether to extend it."),
    ("A mediator has called both sides to a meeting on Friday.",
     "A mediator has called both sides to a meeting on Friday."),
    # ... unless the sentence opens with it, as where what it tells happened
    ("At a meeting on Thursday, parents asked again for a footbridge.",
     "At a meeting on Thursday [17 December], parents asked again for a footbridge."),
    # ... and a day or a month told without its year, in another year than the article's
    ("The ban will take effect on Jan. 1 as planned.",
     "The ban will take effect on Jan. 1 [2027] as planned."),
    ("The plant closed on Dec. 3.", "The plant closed on Dec. 3."),
    ("The plant closed on Dec. 30.", "The plant closed on Dec. 30 [2025]."),
    ("The ban takes effect Jan. 1, 2027.", "The ban takes effect Jan. 1, 2027."),
])
def test_a_day_named_by_the_articles_date_gets_its_date_beside_it(text, shown):
    from explainer.understand.standalone import with_days_named

    assert with_days_named(text, "2026-12-23")[0] == shown
    assert with_days_named(text, None)[0] == text  # an undated article: nothing to count from


def test_an_article_dated_to_its_month_names_months_away_but_no_day():
    from explainer.understand.standalone import with_days_named

    assert with_days_named("The board met last month.", "2020-04")[0] == \
        "The board met last month [March]."
    assert with_days_named("They met on Friday.", "2020-04")[0] == "They met on Friday."


def test_a_sentence_on_no_topic_is_listed_as_it_stands_alone():
    """The home page's "Also in the article" line is one sentence shown alone: its speaker
    named as a point names them."""
    from explainer.render.terms import TermMarker
    from explainer.render.views import unfiled_sentence

    article = one_paragraph_article("Wendell Voss ran the precinct. \"Nobody told us the second "
                                    "machine had its own card,\" he said.")
    line = unfiled_sentence(article, article.sentences[1], "index.md", TermMarker(()))
    assert str(line.html) == ("&quot;Nobody told us the second machine had its own card,&quot; "
                              "[Wendell Voss] said.")


def test_greetings_and_plans_of_the_talk_are_not_listed_as_sentences_on_no_topic(tmp_path):
    """ "Also in the articles" lists what the story tells and no page files: not a speaker's
    thanks to the committee, nor the plan of the talk, nor a sentence that can't stand alone,
    nor one that only tells someone did not speak (they stay on the article page)."""
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(TURKEY, seeds)  # the shipped story, whatever seeds/ holds
    article = seeds / "turkey-s400-f35.txt"
    title, body = article.read_text("utf-8").split("\n", 1)
    article.write_text(f"{title}\n\nChairman Shelby and members of the Committee, thank you for "
                       "the opportunity to speak today. In these brief remarks, I will discuss: "
                       "(1) the purchase; and (2) the alliance.\n\nThe weather in Ankara was "
                       "mild that week. “Nobody asked us first.” A spokesman could not be "
                       f"reached.\n{body}", "utf-8")
    _, files = generate(seeds, TEMPLATES)
    home = files["index.md"]
    assert "thank you for the opportunity" not in home and "I will discuss" not in home
    assert "weather in Ankara" in home  # on no topic, and alone it says what it says
    assert "Nobody asked us first" not in home  # a quotation whose speaker it doesn't name
    assert "could not be reached" not in home  # someone's silence is no news


@pytest.mark.parametrize(("text", "furniture"), [
    ("Thank you for the opportunity to be here today.", True),
    ("Thank you for the opportunity to speak today.", True),
    ("Thank you for joining this call.", True),
    ("“I want to thank the jurors for their service,” she said.", True),  # thanks, quoted
    # thanks that go on to name what the talk is about tell the story's subject
    ("Thank you for the opportunity to be here today to discuss the outbreak associated with "
     "the contaminated steroid injections.", False),
    # praise for the work is thanks; congratulations on the news itself are the news
    ("I want to congratulate the whole team.", True),
    ("I congratulate Andrés Manuel López Obrador on his election as the next president of "
     "Mexico.", False),
    # an editor's (a transcript and a joint statement): a greeting after "Well,", and a
    # release's words about itself
    ("Well, good morning, everyone.", True),
    ("The text of the following statement was released by the Governments of the United "
     "States of America and the Republic of Türkiye.", True),
    ("The following is the text of a joint statement by the two ministers.", True),
    ("The following steps were released by the agency for farmers to take.", False),
])
def test_thanks_are_furniture_unless_they_name_what_the_talk_is_about(text, furniture):
    from explainer.understand.standalone import is_call_to_the_reader

    assert is_call_to_the_reader(text) is furniture


def one_paragraph_article(text: str):
    """An article of one paragraph, split into sentences as the pipeline splits them."""
    from explainer.model import RawArticle, RawParagraph, SourceSpan
    from explainer.understand.segment import builtin_abbreviations, segment_article

    raw = RawArticle("a", "A", (RawParagraph(text, SourceSpan("a.txt", 1, 0)),), "a.txt")
    return segment_article(raw, builtin_abbreviations())


def evidence_for(text: str, question_text: str, signals: tuple[str, ...]):
    """What one sentence, alone in the newest article, shows as an answer to a question."""
    from explainer.model import Topic
    from explainer.understand.answers import gather, read_question

    question = read_question(question_text)
    topic = Topic("topic", "Topic", question.text, signals)
    article = one_paragraph_article(text)
    (sentence,) = article.sentences
    return gather(article, sentence, 0, topic, question, newest=True)


@pytest.mark.parametrize(("text", "shown"), [
    # a quotation of several sentences: each is its speaker's words, named where it ends (in
    # full: a surname alone may be a company's)
    ("“Holmes chose fraud over business failure. A jury has determined that she misled "
     "investors,” said Special Agent Craig Fair. “I want to thank the agents.”",
     {"p1s1": "[Craig Fair:] “Holmes chose fraud over business failure.”",
      "p1s2": "“A jury has determined that she misled investors,” said Special Agent Craig Fair.",
      "p1s3": "[Craig Fair:] “I want to thank the agents.”"}),
    # ... a middle sentence too, and a quotation resumed after "said X" is X's
    ("“The jurors did well,” said Stephanie Hinds. “I thank them. The verdicts reflect her "
     "culpability. She must now face sentencing.”",
     {"p1s2": "[Stephanie Hinds:] “I thank them.”",
      "p1s3": "[Stephanie Hinds:] “The verdicts reflect her culpability.”",
      "p1s4": "[Stephanie Hinds:] “She must now face sentencing.”"}),
    # with no speaker anywhere, the middle of a quotation is passed over
    ("“We can't allow this. This time, we must act. Nothing else will do.”",
     {"p1s2": None}),
    # whom the speaker spoke of is not the speaker
    ("“He lied once,” she said of Dale Rooker. “Now he's swearing again.”", {"p1s2": None}),
    # a quotation right after a sentence with one person saying something is theirs
    ("The change adds up over time, Nancy Chabot said. “So you would do it years ahead.”",
     {"p1s2": "[Nancy Chabot:] “So you would do it years ahead.”"}),
    ("Nancy Chabot said the change adds up. The team met. “So you would do it years ahead.”",
     {"p1s3": None}),
])
def test_a_quotation_of_several_sentences_is_its_speakers_words(text, shown):
    from explainer.memo import Same
    from explainer.understand.standalone import article_alone

    alone = article_alone(Same(one_paragraph_article(text)))
    assert {anchor: alone[anchor].text for anchor in shown} == shown


def test_a_pronoun_that_cannot_be_the_one_named_before_is_the_one_the_article_calls_so():
    """"Santhanam said …" then "His lawyers …": not she, but the one man the article calls "he";
    with two such men, nobody can tell which."""
    from explainer.understand.names import vocabulary_of
    from explainer.understand.standalone import mended

    before = "Priya Santhanam said the project would file the claim."
    text = "His lawyers also plan to sue the city."
    vocabulary = vocabulary_of((before, text))
    one = {"Priya Santhanam": "she", "Andre Kellum": "he"}
    assert mended(text, before, {}, vocabulary, ["Priya Santhanam"], pronouns=one).text == \
        "[Andre Kellum’s] lawyers also plan to sue the city."
    two = {**one, "Leon Haskett": "he"}
    assert mended(text, before, {}, vocabulary, ["Priya Santhanam"], pronouns=two).text is None
    # of two people named just before, the one the article calls "she" is "she"
    both = ["Andre Kellum", "Priya Santhanam"]
    text = "She stopped short of calling him innocent."
    assert mended(text, before, {}, vocabulary, both, pronouns=one).text == \
        "[Priya Santhanam] stopped short of calling him innocent."
    unsure = {**one, "Andre Kellum": "she"}  # (or both called so: nobody can tell which)
    assert mended(text, before, {}, vocabulary, both, pronouns=unsure).text is None


def test_she_is_whoever_was_named_last_when_the_sentences_between_name_nobody():
    from explainer.memo import Same
    from explainer.understand.standalone import article_alone

    text = ("Ingrid Halvorsen, a limnologist, warned that none of it would help quickly. "
            "Decades of runoff have left phosphorus in the mud. "
            '"The lake will keep feeding itself," she said. She expects blooms next summer. '
            "Walt Brenner and Alma Reyes disagreed. He said farmers had done enough.")
    alone = article_alone(Same(one_paragraph_article(text)))
    assert alone["p1s4"].text == "[Ingrid Halvorsen] expects blooms next summer."
    assert alone["p1s6"].text is None  # two people named just before: "he" is unclear
    # a name only as whose a thing is ("Rosalind Teague's fingernails") doesn't take "she" over
    text = ("Judge Miriam Oakes wrote that the evidence was weak. She rejected the theory "
            "about Rosalind Teague's fingernails. She also found the witness credible.")
    alone = article_alone(Same(one_paragraph_article(text)))
    assert alone["p1s3"].text == "[Miriam Oakes] also found the witness credible."
    # a pronoun the article doesn't call that person by is somebody else's
    text = ("Leon Haskett said he never met the family. The family met on Tuesday. Her son "
            "spoke for them.")
    alone = article_alone(Same(one_paragraph_article(text)))
    assert alone["p1s3"].text is None and "whom the article calls 'he'" in alone["p1s3"].why
    text = "Ms. Colette Ambrose met the family. The talks went on. His lawyer spoke."
    assert article_alone(Same(one_paragraph_article(text)))["p1s3"].text is None
    # a surname two people named in full share is left as the article writes it
    text = ("Rosalind Teague was killed in 1997. Jerome Teague, her son, spoke. Teague's sister "
            "said so.")
    assert article_alone(Same(one_paragraph_article(text)))["p1s3"].text == (
        "Teague's sister said so.")
    text = "Dale Rooker said he lied in 1998. The talks went on. He now says so."
    assert article_alone(Same(one_paragraph_article(text)))["p1s3"].text == (
        "[Dale Rooker] now says so.")
    # "her" may stand for a name the sentence before gives as whose: the one named so
    text = ("Gwendolyn Marsh dropped the charge on Monday. For Rosalind Teague's family, the "
            "ruling reopened a wound. Her son, Jerome Teague, spoke for them.")
    assert article_alone(Same(one_paragraph_article(text)))["p1s3"].text in (
        None, "[Rosalind Teague's] son, Jerome Teague, spoke for them.")
    # a "she" known from anywhere in the article is not the man named just before
    text = ("Gwendolyn Marsh said she would not retry the case. She stopped short of calling "
            "Andre Kellum innocent. Asked whether he had killed Teague, she said the evidence "
            "could not tell.")
    assert "Andre Kellum" not in (article_alone(Same(one_paragraph_article(text)))["p1s3"].text
                                  or "")
    # "it" never stands for a person, and "he's" can't take a name
    text = ("Lorna Pettibone presented her final report to the board. It confirmed her first "
            "findings. Matt Hughes farms corn. Now, he's watching the sky.")
    alone = article_alone(Same(one_paragraph_article(text)))
    assert "Pettibone]" not in (alone["p1s2"].text or "")
    assert "[Matt Hughes]'s" not in (alone["p1s4"].text or "")


@pytest.mark.parametrize(("text", "title", "alone"), [
    # "this" and a noun the headline names: the story's own subject, named
    ("This outbreak appears to be over.", "E. coli Outbreak Linked to Romaine Lettuce", True),
    ("The deal gives drivers raises.", "Union and city reach deal to end bus strike", True),
    # ... not one it doesn't, nor "these", which are some the sentence before named
    ("This water could have contaminated the lettuce.", "E. coli Outbreak Linked to Romaine", False),
    ("These formulas are made for infants with allergies.", "Formula makers step up output", False),
])
def test_this_and_the_headlines_noun_names_the_story(text, title, alone):
    from explainer.understand.names import vocabulary_of
    from explainer.understand.standalone import mended

    before = "Officials met on Monday."
    shown = mended(text, before, {}, vocabulary_of((before, text)), title=title).text
    assert (shown == text) is alone and (shown is None) is not alone


@pytest.mark.parametrize(("question", "kind", "focus"), [
    # what people were told to do asks for the advice, about those told
    ("What were consumers, restaurants and retailers told to do?", "advice",
     ("consumer", "restaurant", "retailer")),
    ("What have residents been asked to do?", "advice", ("resident",)),
    # what someone is accused of doing asks the accusation, not what they are doing
    ("What was the professor accused of doing to the paper?", "accusation", ("professor",)),
    ("What is the city doing about it?", "action", ("city",)),
])
def test_a_question_of_what_people_were_told_or_accused_of(question, kind, focus):
    from explainer.understand.answers import read_question

    part = read_question(question).parts[0]
    assert (part.kind.name, part.focus) == (kind, focus)


@pytest.mark.parametrize(("question", "deed"), [
    ("How was the mayor recalled?", ("recall",)),
    ("How were people rescued and sheltered?", ("rescue", "shelter")),
    # what it was meant to do is no deed done to it; nor is a name a verb
    ("How was the test meant to work?", ()),
    ("How was Park chosen?", ("choose",)),
])
def test_how_something_was_done_asks_with_its_verb(question, deed):
    from explainer.understand.answers import asked_deed

    assert asked_deed(question) == deed


def test_a_pronoun_in_a_question_names_no_one():
    """"…, and what does it mean for her?" asks about whom the part before names: a sentence's
    own "her" ("Crowds called for her ouster.") is not that person named."""
    from explainer.understand.answers import read_question

    first, second = read_question("How was the mayor recalled, and what does it mean for her?"
                                  ).parts
    assert (second.focus, second.words) == ((), first.words)
    assert read_question("What does the ruling mean for him?").parts[0].focus == ()


@pytest.mark.parametrize(("text", "figure"), [
    ("96 people were hospitalized.", True),
    ("Five people died.", True),
    # a date or a time of day is no amount
    ("Illnesses started on dates ranging from March 22, 2018 to March 31, 2018.", False),
    ("January 12 marks the one-year anniversary of the earthquake.", False),
    ("The train left at 9:21 p.m. on May 12.", False),
    # nor a span of time, unless it is what something changed by
    ("Crews worked for six weeks.", False),
    ("The impact altered the moon's orbit by 32 minutes.", True),
    # nor a number word in a name
    ("Data from the Double Asteroid Redirection Test team shows success.", False),
    ("The store on Third Street closed.", False),
    ("Half of the wells went dry.", True),
    # nor a number that names one of a series
    ("Harvey intensified into a category 4 hurricane.", False),
    ("Riders used to take Route 31 to the store.", False),
    ("Category 4 storms bring 20 inches of rain.", True),
    # nor the length of the list the sentence goes on to give
    ("The plan takes into account two key factors: the cases and the doses on hand.", False),
    ("The board attached two conditions: a water cap and a fine.", False),
])
def test_a_date_or_a_time_is_no_figure(text, figure):
    from explainer.understand.answers import gives_a_figure

    assert gives_a_figure(text) is figure


@pytest.mark.parametrize(("question", "latest"), [
    ("What does the closure mean for patients?", True),
    # what it meant then: the newest article knows no better
    ("What did the outage mean for people who needed help?", False),
])
def test_what_it_meant_is_not_what_it_means_now(question, latest):
    from explainer.understand.answers import read_question

    part = read_question(question).parts[0]
    assert part.kind.name == "effect"
    assert part.kind.latest is latest


@pytest.mark.parametrize(("question", "so_far"), [
    # a count so far grows: the newest article's figure answers first
    ("How many people have caught measles, and who are they?", True),
    ("How much has been spent to date?", True),
    # ... and so does a toll, as the missing are found and the sick are counted
    ("How many people were killed, and how many were rescued?", True),
    ("How many people got sick, and how badly?", True),
    ("How many flights did the airline run?", False),
])
def test_a_count_so_far_is_the_newest_articles(question, so_far):
    from explainer.understand.answers import read_question

    assert read_question(question).parts[0].kind.so_far is so_far


@pytest.mark.parametrize(("outlet", "title", "text", "alone"), [
    # an official's remarks or an agency's statement speak as "we": the outlet is who speaks
    ("Federal Aviation Administration (Administrator's remarks)", "Press conference",
     "We will not approve production increases until we're satisfied.",
     "[Federal Aviation Administration:] We will not approve production increases until "
     "we're satisfied."),
    ("FEMA (fact sheet)", "Update", "Our teams remain on the ground.",
     "[FEMA:] Our teams remain on the ground."),
    ("FEMA", "Update", "Given the interest, we want to provide an update on our teams.",
     "[FEMA:] Given the interest, we want to provide an update on our teams."),
    ("U.S. Department of Justice, Office of Public Affairs", "Charges",
     "We charged two executives.", "[U.S. Department of Justice:] We charged two executives."),
    # ... unless the sentence names it before its "our"
    ("US Environmental Protection Agency", "Update",
     "The EPA has taken responsibility, including developing our plan.",
     "The EPA has taken responsibility, including developing our plan."),
    # with no outlet nobody can say who "we" are
    (None, "Update", "We will not approve production increases.", None),
    # "I" is the person whose statement or remarks the title names, or can't be said
    ("US Consumer Product Safety Commission (statement of the Chair)",
     "Statement of Chair Alexander Hoehn-Saric on Two Recalls",
     "I urge all parents to stop using these products immediately.",
     "[Alexander Hoehn-Saric:] I urge all parents to stop using these products immediately."),
    ("Federal Aviation Administration", "Press conference",
     "I made it clear to the company's leaders.", None),
    # ... whose "we" and "our" are theirs too, whoever published or reposted the statement
    ("The Rate Desk", "Statement by Governor Michelle W. Bowman",
     "Inflation has moved considerably closer to our target.",
     "[Michelle W. Bowman:] Inflation has moved considerably closer to our target."),
    ("Federal Aviation Administration", "Statement of Chair Alexander Hoehn-Saric",
     "I-95 reopened on Monday.", "I-95 reopened on Monday."),
    # quoted, "we" is the speaker's, named in the sentence
    ("FEMA", "Update", "“We are here for as long as it takes,” Fenton said.",
     "“We are here for as long as it takes,” Fenton said."),
])
def test_the_articles_own_we_and_i_are_its_outlet_and_speaker(outlet, title, text, alone):
    from explainer.memo import Same
    from explainer.model import ArticleMeta, RawArticle, RawParagraph, SourceSpan
    from explainer.understand.segment import builtin_abbreviations, segment_article
    from explainer.understand.standalone import article_alone

    raw = RawArticle("a", title, (RawParagraph(text, SourceSpan("a.txt", 1, 0)),), "a.txt",
                     ArticleMeta(outlet=outlet))
    shown = article_alone(Same(segment_article(raw, builtin_abbreviations())))["p1s1"]
    assert shown.text == alone
    if alone and alone.startswith(f"[{outlet}:]"):  # --explain names the word it read
        said = re.search(r"(?<![\w’'-])(we|our|us|ours|We|Our)(?![\w’'-])", text)
        assert said and f"'{said.group()}' is {outlet}" in shown.why, shown.why


@pytest.mark.parametrize(("title", "bylines", "alone"), [
    # a newcomer's: remarks whose title names a thing in capitals ("… Railway Derailment"),
    # not a person, and whose byline names the speaker
    ("Closing Remarks: On the Investigation into the Harbor Line Derailment",
     ("Closing Remarks", "By Jennifer L. Homendy"),
     "[Jennifer L. Homendy:] We can't change the past."),
    # a news story's headline about remarks is not the reporter's statement
    ("Senators Weigh the Governor's Remarks on the Derailment", ("By Dana Whitlock",),
     "[Rail Safety Board:] We can't change the past."),
])
def test_remarks_that_name_no_one_in_their_title_are_their_bylines(title, bylines, alone):
    from explainer.memo import Same
    from explainer.model import ArticleMeta, Furniture, RawArticle, RawParagraph, SourceSpan
    from explainer.understand.segment import builtin_abbreviations, segment_article
    from explainer.understand.standalone import article_alone

    where = SourceSpan("a.txt", 1, 0)
    raw = RawArticle("a", title, (RawParagraph("We can't change the past.", where),
                                  RawParagraph("The derailment was devastating.", where)),
                     "a.txt", ArticleMeta(outlet="Rail Safety Board"),
                     tuple(Furniture("byline", line, where) for line in bylines))
    assert article_alone(Same(segment_article(raw, builtin_abbreviations())))["p1s1"].text \
        == alone


def test_he_after_a_person_the_sentence_before_does_not_name_is_no_one_named_earlier(tmp_path):
    """A newcomer's false point: "[Stephanos Pantzartzidis] spent 7 1/2 hours testifying",
    the lawyer named two sentences before, though "He" is the stationmaster of the sentence
    just before, whom the article never names."""
    from explainer.memo import Same
    from explainer.read.load import load_article
    from explainer.understand.segment import builtin_abbreviations, segment_article
    from explainer.understand.standalone import article_alone

    path = tmp_path / "charged.txt"
    path.write_text("Charged\n\n“My client testified truthfully,” Ari Pappas, the stationmaster's "
                    "lawyer, told reporters.\n\nPappas said others share the blame.\n\nThe "
                    "59-year-old stationmaster allegedly directed two trains onto one track. He "
                    "spent seven hours testifying.\n", "utf-8")
    alone = article_alone(Same(segment_article(load_article(path), builtin_abbreviations())))
    assert alone["p3s2"].text is None


def test_a_turn_labelled_by_an_office_is_the_person_the_title_names(tmp_path):
    """A newcomer's: White House remarks open with the room's name and "THE PRESIDENT: Hello,
    folks." The label had been read as a dateline and the room as the speaker ("[Roosevelt
    Room:] I was waiting …"); the office alone is a turn's label, and it is the person the
    title names in that office."""
    from explainer.memo import Same
    from explainer.read.load import load_article
    from explainer.understand.segment import builtin_abbreviations, segment_article
    from explainer.understand.standalone import article_alone

    path = tmp_path / "remarks.txt"
    path.write_text("Remarks by President Biden on the Collapse of the Harbor Bridge\n\n"
                    "Roosevelt Room\n\nTHE PRESIDENT: Hello, folks. I spoke to the governor "
                    "this morning.\n\nWe will rebuild that bridge.\n", "utf-8")
    raw = load_article(path)
    assert ("speaker", "THE PRESIDENT:") in [(f.kind, f.text) for f in raw.furniture]
    alone = article_alone(Same(segment_article(raw, builtin_abbreviations())))
    assert alone["p1s2"].text.startswith("[President Biden:] I spoke to the governor")
    assert alone["p2s1"].text == "[President Biden:] We will rebuild that bridge."


def test_a_transcripts_turn_is_its_speakers_not_the_outlets(tmp_path):
    """An editor's: a saved page of remarks whose turns open "SECRETARY BLINKEN:" showed
    "[Mirage News:] Yesterday I had the honor …", the outlet that republished it as the one
    speaking. The label is a turn's furniture (not a dateline), and "I" and "our" in it and in
    the paragraphs after it are the labelled speaker's, until the next label; a question's
    turn names no one."""
    from explainer.memo import Same
    from explainer.read.load import load_article
    from explainer.understand.segment import builtin_abbreviations, segment_article
    from explainer.understand.standalone import article_alone

    path = tmp_path / "remarks.txt"
    path.write_text("Remarks before their meeting\n\nSECRETARY BLINKEN: Good morning. I welcome "
                    "the minister.\n\nYesterday I welcomed Sweden into our Alliance.\n\n"
                    "QUESTION: Will you sell the jets?\n\nI think we should ask.\n", "utf-8")
    raw = load_article(path)
    assert [(f.kind, f.text) for f in raw.furniture] == [("speaker", "SECRETARY BLINKEN:"),
                                                        ("speaker", "QUESTION:")]
    raw = dataclasses.replace(raw, meta=dataclasses.replace(raw.meta, outlet="Mirage News"))
    alone = article_alone(Same(segment_article(raw, builtin_abbreviations())))
    assert alone["p1s2"].text == "[Secretary Blinken:] I welcome the minister."
    assert alone["p2s1"].text == "[Secretary Blinken:] Yesterday I welcomed Sweden into our " \
                                 "Alliance."
    assert alone["p4s1"].text is None


@pytest.mark.parametrize(("text", "answering"), [
    ("Members argued over how a larger raise could be paid for.", "Members argued  ."),
    # what nobody can yet say answers nothing
    ("Prescott said it was too early to say what the repairs would cost.",
     "Prescott said it was too early  ."),
    ("She would not say when the school reopens.", "She  ."),
    # what someone sets out to look for is sought, not found
    ("Denny said that was one more reason to look for outside money.",
     "Denny said that was one more reason  ."),
    ("It is unclear whether the fund will cover it, officials said.", "It is  , officials said."),
    ("The fund will cover it, officials said.", "The fund will cover it, officials said."),
    ("Officials explained why: because of the radar.",
     "Officials explained why: because of the radar."),
    # what changed, told without how it changed
    ("The leak has also changed how Stellwood will be warned about the next one.",
     "The leak has also  ."),
    # what is measured or looked into, not what was found
    ("Astronomers used telescopes to measure how much the orbit has changed.",
     "Astronomers used telescopes to  ."),
    ("The inspector general conducted this audit to identify federal funding decisions.",
     "The inspector general conducted this audit  ."),
    ("The agency sent investigators to the site to identify factors contributing to the "
     "collapse.", "The agency sent investigators to the site  ."),
    ("Investigators identified a cracked weld as the cause.",
     "Investigators identified a cracked weld as the cause."),
    # reasons only counted, for the sentences after to give
    ("The company gave four reasons.", "The company gave  ."),
    ("Officials cited several factors for the shortage.", "Officials cited  ."),
    ("The shortage is the result of many factors.", "The shortage is  ."),
    ("The company gave four reasons: demand, energy, age and cost.",
     "The company gave four reasons: demand, energy, age and cost."),
    # what is not known, what someone would not say, and why a source is not named
    ("The cause of the leak was not known on Tuesday.", " "),
    ("The cause remains unclear, but the valve failed.", " , but the valve failed."),
    ("She said the company would not comment on the cause.", "She said the company  ."),
    ("\"We do not yet know what caused the derailment,\" he said.", " ,\" he said."),
    ("It asked the company to stop all updates until the cause is known, a spokesman said.",
     " , a spokesman said."),
    ("The records, which a worker provided on condition of anonymity because he feared for "
     "his job, list the valve.", "The records, which a worker provided  , list the valve."),
    # a question something hangs on, or that nobody can answer yet, opening the sentence
    ("For shoppers, what the merger means depends on where they live.", "   ."),
    ("How much the repairs will cost remains unclear, officials said.", " , officials said."),
    ("What it means for riders is higher fares.", "What it means for riders is higher fares."),
    ("Reviewers must look at what critics have said about the book.",
     "Reviewers must look at what critics have said about the book."),
])
def test_a_question_a_sentence_reports_as_open_is_not_its_answer(text, answering):
    from explainer.understand.answers import without_open_questions

    assert without_open_questions(text) == answering


def table(workdir: Path) -> str:
    """The table in guides/benchmarks.md: one row per labelled story."""
    rows = ["| story | articles | topics | required points | coverage | clean |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for index, story in enumerate(STORIES):
        if story.requires and not (story.seeds / story.requires).is_file():
            continue
        explainer = build_explainer(rules_only(story, workdir / str(index)))
        answers = yaml.safe_load(story.answers.read_text("utf-8"))
        total = score(explainer, answers)
        rows.append(f"| {story.name} | {len(explainer.articles)} | "
                    f"{len(explainer.story.topics)} | {total.required} | "
                    f"{total.coverage:.2f} | {total.cleanliness:.2f} |")
    return "\n".join(rows)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        print(table(Path(folder)))


def test_one_stretch_of_words_is_one_answer_word():
    from explainer.understand.answers import cue_hits, read_question

    for text, found in [("A worker is dead because of that decision.", ("because of",)),
                        ("Maintenance records show the valve was cracked.", ("records show",)),
                        # in any of its forms: "needs" is part of "needed to"
                        ("Residents needed to leave.", ("needed to",))]:
        assert cue_hits(text, kind_named("why")) == found
    # ... found as a word and by a pattern too
    failure = read_question("What went wrong with the count?").parts[0].kind
    assert len(cue_hits('"Poll books get miscounted," she said.', failure)) == 1


def test_what_is_still_to_come_answers_no_question_asked_in_the_past():
    from explainer.understand.answers import cue_hits, read_question

    text = "The bank will not be prosecuted if it meets the agreement's conditions."
    then = read_question("How were customers hurt?").parts[0].kind
    now = read_question("What does the settlement mean for customers?").parts[0].kind
    assert then.name == now.name == "effect"
    assert cue_hits(text, then) == ()
    assert cue_hits(text, now) != ()
    ended = read_question("How did the flight end?").parts[0].kind
    text = "Teams will continue preparing for the spacecraft's return."
    assert ended.name == "status" and cue_hits(text, ended) == ()
    # getting ready for it is not having done it
    happened = read_question("What happened when the probe reached the comet?").parts[0].kind
    done = "Engineers crashed a probe into a comet in the first test of its kind."
    assert happened.name == "event" and cue_hits(done, happened) != ()
    text = "Engineers are preparing to crash a probe into a comet in the first test of its kind."
    assert cue_hits(text, happened) == ()
    # ... nor in a side clause: "in which the bank will not be prosecuted"
    text = ("The inquiry is being resolved with an agreement in which the bank will not be "
            "prosecuted.")
    assert cue_hits(text, then) == ()


@pytest.mark.parametrize(("question", "answers", "not_answers"), [
    # what it followed on from gives a why
    ("Why did the cabinet resign?",
     ["The prime minister and his cabinet resigned in the wake of the port explosion."], []),
    # an inquiry's finding, not a word of a quotation that ends before "she said"
    ("Who is to blame for the collapse?",
     ["An independent review found that the contractor skipped two inspections."],
     ['"Two inspections out of 40 is not a review," she said after the vote.']),
    # "reason" ending a sentence names none
    ("Why is the district moving to a four-day week?",
     ["The main reason is the money it saves."],
     ["The superintendent said the money was only part of the reason."]),
    # what a ruling blocks, not a distance
    ("What does the ruling mean for tenants?",
     ["The judge blocked the provision giving tenants a right to return."],
     ["Officers found the scooter lying in a doorway two blocks away."]),
    # who is exempt: the exceptions, and the groups a rule lets off
    ("Who is exempt?",
     ["Patients who need a phone to check their blood sugar may keep it.",
      "Hospitals and research laboratories are exempt from the ban.",
      "The rule does not apply to buildings permitted before June."],
     ["Students who break a pouch will pay for a new one."]),
    # what would happen otherwise is a reason to act
    ("Why are the engineers releasing water from the dams?",
     ["“If we don’t begin releasing now, the water around the dams will be higher,” said Ruiz."],
     ["If the board does not vote, it said nothing about the dams."]),
    # what can no longer be done gives a reason; "no longer" alone tells how things stand
    ("Why is the hospital closing its maternity ward?",
     ["The hospital can no longer find enough nurses for the ward."],
     ["The nurse involved no longer works there."]),
    # a shooting is what happened
    ("What happened to Darnell Price?",
     ["An officer shot Price three times during a traffic stop."], []),
    # what something came after is its cause, unless it is a meeting or a stretch of time
    ("Why did the director resign?",
     ["The resignation came after the union voted no confidence in her."],
     ["The vote came after a four-hour meeting that ran past midnight."]),
    # a harm that grew is a reason to act; one that fell is an outcome
    ("Why did the council want to ban the scooters?",
     ["Scooter injuries have climbed every year since the program began."],
     ["Complaints about scooters fell to 96 this summer, from 610."]),
    # a decision named as already known tells nothing of what happened
    ("What happened to Darnell Price?", [],
     ["Hours after the decision, reporters gathered outside City Hall."]),
    # sealed off answers whether it stopped; what it resulted from is its cause; what happened
    # named as known ("after it sank") tells nothing of it
    ("Has the leak stopped?", ["The well was capped in mid-July."], []),
    ("What caused the explosion?", ["The leaks resulted from an explosion on the rig."], []),
    ("What happened to the rig?", ["The rig sank on April 22."],
     ["Officials said the damage was worse after it sank."]),
    # a loss something will cover is its remedy, no reason
    ("Why is the hospital closing?", ["The hospital faces a loss again this year."],
     ["The county money would cover most of the department's expected losses."]),
    # what someone refused or declined to do is not done
    ("What is the city doing about the plant?", ["The city approved the permit."],
     ["The city refused to approve the permit.", "The city declined to inspect the plant."]),
    # steps taken are what is done, "no action" is not
    ("What is the railroad doing about speed?",
     ["The agency will take additional steps to ensure safety."],
     ["The railroad took no action."]),
    # a milepost is a place, no amount
    ("How many people were killed or hurt?", ["Eight people were killed and about 200 hurt."],
     ["The train derailed at milepost 81.62 near the curve."]),
    # how an amount is set, not where a finding comes from
    ("How much can rents rise?", ["Rent amounts are determined based on the number of bedrooms."],
     ["Based on the review, the board set the new rents."]),
    # the wrong thing used, a measure taken wrongly; a shutdown ordered is no failure
    ("What went wrong with the reassessment?",
     ["The contractor entered the wrong table of land values.",
      "Her office had overvalued about 1,140 homes."],
     ["The reactors were required to shut down to check their resistance."]),
    # a wrong carried out, not an inquiry carried out
    ("Who is to blame for the fraud?", ["Investigators say two managers carried out the scheme."],
     ["The university appointed a committee to carry it out."]),
    # a reason is no means
    ("How does the virus spread?", ["It spreads through the bite of an infected mosquito."],
     ["We are tracking cases closely because the season has begun."]),
    # what fell, not the season
    ("Does a shorter week hurt learning?", ["Reading scores fell in the first year."],
     ["Teaching applications for next fall are up."]),
    # who is behind it, not what lies behind a thing
    ("Who is to blame for the spill?",
     ["Prosecutors say a group of contractors was behind the fraud."],
     ["Water stored behind the collapsed debris poured into the river."]),
    # a condition that must hold first says when
    ("When can the taps be used again?", ["The taps can be used only if two samples pass."], []),
    # a body's name says who, not what
    ("What help are survivors getting?", ["The governor declared an emergency on Friday."],
     ["The Federal Emergency Management Agency and its partners continue the response."]),
    # who may receive it, not what someone has received
    ("Who can receive the grants?", ["Only owners who lived in the home can receive a grant."],
     ["Survivors have received a 30-day notice of the new rent."]),
    # through what, not through when
    ("How does power reach the towns?", ["Power is carried through a network of lines."],
     ["Outages persisted through February 18."]),
    # "last weekend" is a time, not how long
    ("How long did the outages last?", ["Some homes were without power for nine days."],
     ["Last weekend, a winter storm knocked out power across the state."]),
    # what something still needs is what it requires
    ("What does the co-op still need?",
     ["The co-op needs $500,000 from the state's food fund before it can open."], []),
    # a participle that describes a noun tells nothing done
    ("What are regulators doing about the sale?", ["The commission approved the sale on Friday."],
     ["Corbett said its planned purchase would lower prices for shoppers."]),
    # a vote on a condition decides nothing
    ("What did the board decide?",
     ["The board voted 6-3 to cut nine routes."],
     ["Drivers said they would strike if the board approves layoffs."]),
    # a demand named as already known states none
    ("What do the nurses want?",
     ["The union is asking for raises of 18 percent over three years."],
     ["The ratios the union wants would mean hiring about 180 nurses, the hospital said."]),
    # whether things got better or worse is answered by what was measured
    ("Were the streets safer without the scooters?",
     ["Scooter complaints fell to 96 this summer, down from 610 a year earlier."], []),
    # how it ended, not where someone ended up
    ("How did the strike end?", ["The strike ended on Friday with a new contract."],
     ["Several drivers ended up taking jobs in other cities."]),
    # what an agency urges is what it is doing; what a drug is used to treat is not
    ("What are regulators doing about the shortage?",
     ["The agency urged manufacturers to increase production.",
      "The agency called on pharmacies to share their stock."],
     ["Amphetamine is a common drug used to treat attention disorders.",
      "Colby used to take the bus to work."]),
    # a pointing word says what something is to the speaker, not what the subject is
    ("What is the oversight board?",
     ["The oversight board is a panel of seven residents appointed by the council."],
     ['"That is the part this city has never had," she said.',
      '"This is the only house I could ever afford," he said.']),
    # the cause named as such, whatever describes it
    ("Why is the transit agency short of money?",
     ["The main cause is the end of federal pandemic relief."],
     ["Officials warned that one-time aid would only delay the problem."]),
    # answer words of a phrase are read within one clause
    ("Why did the chain go bankrupt?",
     ["Sales fell owing to competition from discount chains."],
     ["The judge approved the severance its members are owed, to be paid by Jan. 15."]),
    # where money comes from: funding and loans; a finding is no place something was found in
    ("Where is the money to fix the water system coming from?",
     ["The state offered flexible loan options to the city.",
      "The declaration authorizes 75 percent federal funding for 90 days."],
     ["We found that the department could have acted sooner in the years before the water "
      "system failed."]),
    # how long: a span or an end, not a date or a count alone
    ("How long did the outages last?",
     ["Outages persisted through February 18.", "The strike lasted six weeks.",
      "Power was out for four days in some towns.", "It was the longest, a 12-day outage."],
     ["Demand on the peak day, February 4, was lower than forecast.",
      "About 4.5 million customers lost power last week.",
      "Survivors have received a 30-day notice of the new rent."]),
    # what to do is told as an order or after "should", "to", "may"; not what someone did
    ("What should parents do?",
     ["Call the district's hotline if your child drank from a fountain.",
      "Families may also consider postponing travel.", "Do not drink the tap water.",
      "If in doubt, check the label."],
     ["Nurses who visited their homes found old paint.",
      "The district did not want to send a letter.",
      "The district waited until it had checked the results.",
      "She plans to apply for the county's tax freeze."]),
    # the other case a sentence sets itself against answers nothing of this one
    ("How bad were the outages?",
     ["Outages reached 4.5 million customers at the peak."],
     ["Unlike February 2021, when the storm left millions without power, generators this "
      "winter avoided widespread outages."]),
    # a verb's form as an adjective tells nothing done
    ("What are regulators doing?",
     ["Regulators coordinated the response with the grid operators."],
     ["Our coordinated efforts will show the way ahead, said the chief."]),
    # a decision still to come, or only possible, decides nothing
    ("What did prosecutors decide?",
     ["Prosecutors decided on Thursday to drop the murder charge."],
     ["The family met with the prosecutor two days before the decision was announced.",
      "Under state law, a judge may order a new trial."]),
    # a forecast measured against what came is the past, not a view ahead
    ("Is the grid ready for the next freeze?",
     ["The operator expects demand to rise next winter."],
     ["Heating bills fell less than expected.", "Temperatures were warmer than predicted."]),
    # how far something spread: places and counts, not money
    ("How far has the virus spread?",
     ["Cases have been found in four states and two territories."],
     ["Officials identified $589 million to control the spread of the virus."]),
    # a time is no reason, for the kinds that borrow why's words as for why
    ("What went wrong with the reassessment?",
     ["The software failed because the vendor had not updated it."],
     ["Owners have until May 15 to file an appeal."]),
    # how something was done, not a lack that caused it
    ("Why did the board reject the ballots?",
     ["The ballots were rejected because the bag had no seal."],
     ["The bag sat in a closet without anyone knowing what was in it."]),
    # what went wrong happened to a thing: no one's purpose answers it
    ("What went wrong at the plant?", ["The tsunami destroyed the cooling system."],
     ["Officials are racing to prevent a spread of radiation."]),
    # a comparison with what was feared is no reason
    ("Why did home values rise so much?",
     ["Values rose because the county had not reassessed in 13 years."],
     ["The new rate was better than she had feared."]),
    # the cause an inquiry looks for is no cause found
    ("Why did the mine blow out, and who is to blame?",
     ["The blowout was caused by pressurized water behind the plug."],
     ["The agency requested an independent review to assess the cause of the blowout."]),
    # a verb's particle after a pronoun object
    ("Why were values so far out of date?",
     ["The county had planned a reassessment for 2020 but put it off."],
     ["The county put its plans on the website."]),
    # money spent, not time
    ("What did the cleanup cost?", ["The city spent $4 million on the cleanup."],
     ["We spent three months telling people about it."]),
    # help given, told by its verb too
    ("What help is there for survivors?", ["The company will compensate families.",
                                            "More than 400 staff are assisting residents."],
     ["Survivors met at the school."]),
    # which ones: named, or listed
    ("Which schools had lead in their water?",
     ["Lead was found at four schools, including Vanstone Middle School.",
      "Tariffs cover products such as electronics, food, tools and housewares."],
     ["Nurses are looking for other sources, such as old paint."]),
    # a record as a measure, not records kept
    ("How bad was the heat?",
     ["The city set a record high of 108 degrees.", "It was the hottest day on record."],
     ["Records released by the district show the heat was reported."]),
    # what a rule keeps safe is why it matters
    ("Why does the pollution matter?",
     ["The standards are in place to ensure public health is protected."],
     ["The cars were sold in 2015."]),
    # a rule that takes effect says when it applies, not what it does
    ("What does the ordinance mean for tenants?", ["The ordinance will hurt small landlords."],
     ["The ordinance takes effect on July 1.", "The ban has been in effect since May."]),
    # a case still under way
    ("Where does the lawsuit stand?",
     ["The ruling is preliminary, and the lawsuit goes on.", "A trial is set for January."],
     ["The landlords sued the city in March."]),
    # a pledge made, not a standing stance
    ("What is the utility doing about it?", ["The utility committed to burying its lines."],
     ["The parties are committed to concluding the talks."]),
    # what a court does to a rule is what happened
    ("What did the lower courts do?", ["A federal court in Texas vacated the policy."],
     ["The policy covered borrowers with federal loans."]),
    # a way to, with a word between
    ("Why did the world powers want a deal?",
     ["This agreement opens a way forward to end a crisis that has lasted ten years.",
      "Kerry said it was the best chance to resolve the dispute."],
     ["The talks lasted ten years."]),
    # how anyone will know: who checks, and how
    ("How will the world know Iran keeps its word?",
     ["United Nations inspectors will verify Iranian compliance."],
     ["Iran has agreed to the deal."]),
    # what someone asks a body to decide is no decision
    ("How did the City Council decide?", ["The council approved the incentives 4-3."],
     ["The company asked the City Council to approve them at its May 5 meeting."]),
    # what a document lays down
    ("What did the agreement settle?",
     ["Under that policy, the department proposed to cancel up to $20,000 per borrower."],
     ["The officials said the party wants the mediator to revisit the language."]),
    # a response is no reason unless something was done in response to it
    ("Why did the city close the park?", ["The city closed it in response to the flooding."],
     ["The agency is leading the response to the storm."]),
    # whether it works: what was measured since, not what is forecast
    ("Is the ban working so far?",
     ["Counselors counted 612 referrals this fall, down from 815 a year earlier."],
     ["The district will send a report to the state in June."]),
    # what is wrong with it, to those who object
    ("Why do parents object to the ban?", ["Several parents said the exemptions are too narrow."],
     []),
    # "without" and how it was done: consent, or a verb with its object
    ("Why did the bank open the accounts?", ["The branches had no staff, and opened without one."],
     ["Employees moved funds without their consent.",
      "Lawmakers passed the ban without paying for it."]),
    # a figure measured against what was expected is the past, not a view ahead
    ("Will the savings last?", ["Officials expect the savings to shrink next year."],
     ["The program cost more than the $160,000 it expected."]),
    # how a vote came out is not what it means
    ("What does the result mean for the team?", ["The team will have to find a new home."],
     ["The measure lost by its widest margin in the three wards."]),
    # a verdict named is not what it decided
    ("What did the jury decide?", ["The jury found the company negligent."],
     ["Whitlock wept as the verdict was read.",
      "A lawyer said the verdict should push the company to settle the other cases."]),
    # what someone had done before is not how things stand
    ("Where do the talks stand now?", ["The union will vote on the offer on Friday."],
     ["Pruitt said he had voted yes but was glad the team was staying."]),
    # what a prosecution was settled with
    ("What penalties does the bank face?",
     ["The bank will not be prosecuted under a deferred prosecution agreement."], []),
    # how people took it
    ("How did people around the world react to the fire?",
     ["The world reacted with shock, tears and prayers.",
      "The Pope issued a statement expressing his sadness."], []),
    # what held the work up
    ("What has slowed the restoration?",
     ["The coronavirus outbreak suspended work for two months."], ["Workers removed the lead."]),
    # how, by what means, not by when
    ("How do schools keep the phones locked away?",
     ["The pouches open only by tapping them on a magnetic base."],
     ["The pouches should all be replaced by Friday.", "The new pouches arrive by 2027."]),
    # what tests showed, not signs that show the readings
    ("Is the water safe?", ["Samples taken on Monday showed no toxin."],
     ["Residents are asking for signs at every beach that show the latest toxin readings."]),
    # what a strike ended with, not signs the pickets carried
    ("How did the strike end?", ["The union signed a deal on Friday."],
     ["Nurses picketed outside, carrying signs that read 'Safe staffing saves lives'."]),
    # what fell, after a subject long enough to hold a list
    ("Why is the mill closing?",
     ["Demand for the coated paper the mill makes for magazines, catalogs and advertising "
      "inserts has fallen by more than half since 2015."], []),
    # what it did to people: the dead and the sick
    ("What did the contaminated shots do to patients?", ["Of those patients, 64 died."],
     ["Doctors gave the shots in 20 states."]),
    # what an inquiry looks into tells nothing of the effects
    ("What does the recall mean for families?", ["Families will have to find other formula."],
     ["The agency continues to investigate the public health implications."]),
    # a limit met or passed
    ("Is the water safe to drink?", ["Every tap on the town system meets the federal limit."],
     []),
    # a change told as a multiple
    ("What does the leak mean for residents?",
     ["Blood levels were nearly three times the national average."], []),
    # an order after the condition it holds on
    ("What should consumers do?",
     ["If you do not know whether the lettuce is romaine, do not eat it.",
      "Labels often do not name the region; so, do not buy it."],
     ["If the lettuce is romaine, the grower said, it came from Yuma."]),
    # a first time is an occasion, not a measure
    ("How many people died?", ["It was the worst flood since 1927."],
     ["The prime minister visited the site for the first time since the collapse."]),
    # told to carry on, or still under discussion, is nothing done
    ("What is the government doing?", ["Extra inspectors were sent to the factories."],
     ["Workers were told to continue sewing.", "All these issues are being discussed."]),
    # a past possibility is no view ahead
    ("Is the outbreak over?", ["The outbreak will likely end by June."],
     ["Investigators asked how the bacteria could have entered the water."]),
    # what should have been done and was not is nothing done
    ("What is being done to fix the 911 system?", ["The county installed a second server."],
     ["The director took responsibility for a backup that should have been tested."]),
    # what a speaker said they would do next is their plan, not their view
    ("What do council members say about the ban?", ["The ban is a mistake, Holt said."],
     ["Whitcombe said she would bring the proposal to the full council on May 26.",
      "Parents said they would ask the board again in June."]),
    # objecting to what it would do to them gives a reason; "against the proposal" restates
    ("Why does the police union oppose the board?",
     ['"They are against being judged by people who have never done the job," Dunleavy said.'],
     ["The union came out against the proposal on Monday."]),
    # what people want is what they ask for; a rule's requirement, an amount of demand or a
    # want only measured against is no one's want
    ("What are the drivers asking for?", ["The union is also asking for raises of 18 percent."],
     ["The bill would require libraries to move the books within 30 days.",
      "Air cooling would raise the campus's expected peak demand to 205 megawatts.",
      "The mayor said the union had accepted a larger raise than he wanted."]),
    # a duty not carried out, a thing built otherwise than designed, rules applied unevenly
    ("Why did the water system fail?",
     ["City departments did not effectively communicate the plant's problems.",
      "Investigators found deviations from design in the pool deck.",
      "Inspections were applied inconsistently across the county."],
     ["The report is inconsistent with what the mayor said."]),
    # a way still looked for is no purpose
    ("Why is the transit agency short of money?", [],
     ["The money would run the buses while lawmakers work out a lasting way to pay for transit."]),
    # what a disaster cost people: lives and homes
    ("What has the disaster cost Japan and its people?",
     ["Twenty thousand people died.", "Nearly 400,000 people were left homeless."], []),
    # what was shut down or suspended is something done
    ("What is being done to make the factories safer?",
     ["The government has shut down 18 garment factories.",
      "The ministry suspended work at three plants."], []),
    # a process told step by step
    ("How does the library's review of a challenged book work?",
     ["The committee then recommends keeping the book, and the board decides."],
     ["Nothing has changed since then."]),
    # overriding a decision is news
    ("What happened to the challenged books?",
     ["The board overrode the committee on three novels."], []),
    # a list of short names after a colon says which ones; clauses in a row are no list
    ("Which programs are being cut?",
     ["The board spared four of the 14 programs: physics, geology, music education and theatre."],
     ["The reasons were plain: costs rose, enrollment fell and the state cut its aid.",
      "I urge all stores, including online marketplaces, to review the products being donated "
      "or listed."]),
    # what happens as a rule is not what happened
    ("What happened to the astronauts?", [],
     ["Leaders who routinely take part in launch reviews met on Friday."]),
    # a charge or a suit dropped is a decision; one still to be made, told by its verb, is not
    ("What did prosecutors decide?", ["The office dropped the charge on Monday."],
     ["The family asked to meet with Marsh next week, before the office decides.",
      "Prices dropped by a third."]),
    # the event named only to place something else is known already
    ("What happened when the levee broke?", [],
     ["To qualify, a home must have taken water in the flood.",
      "Neighbours gathered on the stretch of road where Price was shot."]),
    # "cost" with something not money tells a loss, not a payment
    ("How much will the switch save?", ["The switch will cost the district about $71,000."],
     ["The switch has cost the district drivers."]),
    # what was originally so was changed later
    ("What must the owner pay?", [], ["Cadden was originally ordered to pay $7.5 million."]),
    # what is being investigated is the event named as known
    ("What happened at the tower?", [],
     ["Members of the team investigating the 2021 collapse met in Miami."]),
    # how people reacted then, not how they feel a year later
    ("How did people react to the fire?", ["Hundreds gathered on the streets, and some wept."],
     ["A year later, Parisians are still mourning the loss."]),
    # what people did in its place is what it meant for them
    ("What did the suspension mean for riders?", ["Many riders drove to work instead."], []),
    # what a harm left people unable to do is a loss; "too early to say" is none
    ("What has the disaster cost farmers?",
     ["Much of the farmland is too heavily irradiated to plant rice."],
     ["It is too early to say what the harvest will bring."]),
    # a reason given for what should be done tells nothing that went wrong
    ("What went wrong with the count?", [],
     ["The lawyer argued in court that the ballots should not be counted because the bag had sat "
      "in a warehouse."]),
    # a complaint states the wrong it alleges
    ("What was the professor accused of doing?",
     ["The university opened an inquiry into a complaint that the professor altered images."],
     []),
    # a count answers "how many" only when it counts what the question counts
    ("How many people died in the collapse?", ["The collapse killed 98 people."],
     ["The team has completed over 1,000 tests.", "Six children's homes were damaged."]),
    # aid given for a harm is no measure of how bad it was
    ("How bad was the damage?", ["Damage was estimated at $15 billion."],
     ["Donors pledged $2 billion in aid to help the country recover."]),
    # a weight says how much, not how far
    ("How far did the radiation spread?", [],
     ["Helicopters dropped 7.5 tons of water on the reactor."]),
    # a share answers "how much of" a thing only when it is a share of that thing
    ("How much trade do the tariffs hit?", [],
     ["The reality is 95 percent of the world population is outside these borders."]),
    # what may be done, what was already under way, what is kept open: nothing done about it
    ("What is the county doing so it doesn't happen again?",
     ["The county will also raise poll workers' pay from $160 to $200 a day.",
      "The county has been seeking advice from outside experts.",
      "Repair efforts continue at the plant."],
     ["The board may recommend that other counties adopt the same checks.",
      "On August 5, the county was conducting an inspection of the mine.",
      "The company has said it will keep every store open."]),
    # how people get their money back: what they can do
    ("How can passengers get their money back?",
     ["Passengers who paid by card can ask the card company to reverse the charge.",
      "Others can file a claim in the bankruptcy case."],
     ["The airline stopped flying without warning."]),
    # "which X …?" is answered by one of the X named, doing what it asks; not by X in general
    # nor by whose X they are
    ("Which library branches close, and which stays open?",
     ["The Eastside branch will close on July 1.", "Branch 4 closes next month."],
     ["Three branches will close.", "Library branches close early on Fridays, Smith said."]),
    # "how many city workers" counts workers, not cities
    ("How many city workers lose their jobs?",
     ["The city will lay off 450 workers in July."],
     []),
    # causes counted but not named: the sentences after them name them
    ("Why is the city $18.4 million short?",
     ["Sales tax collections fell 6.3 percent because the mall's largest store closed."],
     ["Two forces drove the shortfall, according to a memo the budget director sent."]),
    # how something was done to its subject: who did that very deed tells how (not the deed
    # with no doer, the question's premise, nor its noun)
    ("How was the mayor recalled?", ["Voters recalled the mayor in May.",
                                     "The council voted overwhelmingly to recall her."],
     ["The mayor was recalled in May.", "The recall cost $2 million."]),
], ids=["in-the-wake", "finding-not-quote", "reason-at-the-end", "block", "exempt", "otherwise",
        "no-longer-able", "shot", "came-after-a-meeting", "harm-that-fell", "after-the-decision",
        "capped", "resulted-from", "after-it-sank", "loss-covered", "refused-to", "steps-taken", "milepost", "based-on",
        "wrong-table", "carried-out", "because-is-no-means", "fell-not-fall", "behind-it", "only-if", "body-name", "can-receive", "through-what", "last-weekend", "still-need", "planned-purchase",
        "if-approves", "demand-named", "safer", "ended-up",
        "urged-not-used-to",
        "pointing-word", "main-cause", "within-a-clause", "money-source", "duration", "advice",
        "contrast", "adjective", "decision-to-come", "forecast-past", "spread", "until", "without-anyone",
        "failure-no-purpose", "than-feared", "looked-for", "put-it-off", "spent", "help", "which", "record",
        "protects", "takes-effect", "under-way",
        "committed-to", "court-vacated",
        "way-forward-to", "checked", "asked-to-decide", "terms", "in-response", "working-so-far",
        "too-narrow", "without-how", "than-it-expected", "lost-by", "verdict-named",
        "had-voted", "prosecution", "reacted", "slowed", "by-means", "tests-showed",
        "signs-carried", "long-subject", "harm-done", "looked-into", "limit-met", "times",
        "order-after-if", "first-since", "told-to-continue", "could-have", "should-have",
        "said-would", "against-being", "asking-for", "duty-not-done", "way-sought", "lives-lost",
        "shut-down", "then-steps", "overrode", "colon-list", "routinely", "dropped-charge",
        "event-placing", "cost-not-money", "originally", "investigating", "reacted-then", "instead", "too-to",
        "should-because", "complaint", "counted-noun", "aid-no-measure", "weight-no-spread",
        "share-of", "not-done", "money-back", "which-named", "how-many-head",
        "causes-counted", "deed-and-doer"])
def test_answer_words_are_read_as_an_editor_reads_them(question, answers, not_answers):
    from explainer.understand.answers import cue_hits, read_question

    kind = read_question(question).parts[0].kind
    for text in answers:
        assert cue_hits(text, kind) != (), text
    for text in not_answers:
        assert cue_hits(text, kind) == (), text


def test_said_counts_only_where_the_sentence_holds_no_other_answer_word():
    from explainer.understand.answers import cue_hits

    text = '"I\'ll believe it when I\'m driving over it," said Harper.'
    assert cue_hits(text, kind_named("opinion")) == ("believe",)


@pytest.mark.parametrize(("word", "text", "clause"), [
    ("since", "since its radar could gather intelligence", True),
    ("since", "since 2016’s failed coup attempt", False),
    ("since", "tests of the system since its delivery, and officials insist", False),
    ("since", "worked without a contract since June", False),
    # a clause after a perfect, or holding a year, tells how long too
    ("since", "The team has played at Carrow Field since it opened in 1961.", False),
    ("since", "Prices have risen since the plant closed.", False),
    ("until", "refusing to take any action until its money was returned", True),
    ("until", "refused to negotiate until the financial sanctions were lifted", True),
    # "until" gives a condition only of a refusal; otherwise it tells how long
    ("until", "the tank will hold sewage until the plant can treat it", False),
    ("until", "it will run until June 2029", False),
    ("until", "to make ends meet until next year", False),
])
def test_since_and_until_give_a_reason_only_before_a_clause(word, text, clause):
    from explainer.understand.answers import opens_a_clause

    assert opens_a_clause(word, text) is clause


def kind_named(name: str):
    from explainer.understand.answers import rules

    return next(k for k in rules().kinds if k.name == name)


@pytest.mark.parametrize(("kind", "text", "answers"), [
    # what was decided or what happened is told by the report, not in a speaker's quotation
    ("decision", "The jury found the company liable on Tuesday.", True),
    ("decision", '"They decided it was not worth fixing," the lawyer said.', False),
    ("event", "“The roof collapsed at noon,” a teacher said.", False),
    ("degree", "“Over 50 percent of the corn is in poor condition,” he said.", True),
    # who people are: their age, or what most of them share
    ("identity", "The first patient was a child aged 11 months.", True),
    ("identity", "The majority of patients were unvaccinated.", True),
    ("identity", "Cases rose again in March.", False),
    # what a thing led to, told after a comma, gives a cause as "led to" does
    ("why", "The cold cut the fuel supply, causing outages across the state.", True),
    ("why", "The cold cut the fuel supply, and outages spread across the state.", False),
    # a cost is a sum of money, not a count of days or acres
    ("cost", "The raises will cost $18 million a year.", True),
    ("cost", "Farmers get 30 extra days on 3.8 million acres.", False),
    # who bears a cost answers who pays
    ("cost", "The deal fully compensates the state, not the taxpayer.", True),
    ("cost", "The clearing is borne by the ship's owner.", True),
    # a quantity answers "how bad"; a year or a designator's digits don't
    ("degree", "Yields fell to 24 bushels an acre.", True),
    ("degree", "The drought began in 2011 and hit F-35 bases.", False),
    # a date answers "when"
    ("when", "The doors opened again on September 2.", True),
    ("when", "The doors opened again.", False),
    ("when_past", "The doors opened again on September 2.", True),
    # a blameworthy failure to act
    ("blame", "The board should not have moved the money to another bridge.", True),
    # "aimed at" as a verb gives a purpose; after a noun it only describes it
    ("why", "The sanctions were aimed at forcing a change of course.", True),
    ("why", "It used CAATSA, a 2017 law aimed at deterring deals.", False),
    # a negated answer word answers nothing, except where "no deal yet" is the answer
    ("requirement", '"We didn\'t want this," the union president said.', False),
    ("requirement", "The union wants shields on every bus.", True),
    ("requirement", "The agency cannot require a company to make a drug.", False),
    # what a law forbids is what it requires
    ("requirement", "The Safe Sleep for Babies Act bans all inclined infant sleep products.", True),
    ("requirement", "It is illegal to sell recalled products.", True),
    ("effect", "Specialty formulas are in short supply.", True),
    ("ruled_out", "Thus far, no anomalies have been noted.", True),
    ("ruled_out", "Investigators have examined the brakes and the signals.", False),
    ("finding", "Investigators have examined the brakes and the signals.", True),
    ("effect", "The recall added further pressure to the supply chain.", True),
    ("status", "The two sides have not agreed on pensions.", True),
    # money lost and too few of something are reasons an organisation acts
    ("why", "The hospital lost $11 million, its third straight year in the red.", True),
    # a verdict in the speaker's own words is an opinion
    ("opinion", 'She called the result "a hospital in name only."', True),
    # a reason given beside an action
    ("why", "Drivers walked out, saying that wages have fallen behind rents.", True),
    ("why", "Members argued over the budget.", False),
    # a reason, then what followed from it ("so far" says something else)
    ("why", "The roofs rest on the same joists, so the marshal shut the whole school.", True),
    ("why", "The joists were cheaper, which is why the builder chose them.", True),
    ("why", "The repairs have gone well, so far.", False),
    # what happened in an accident is what struck, broke or burned, told in the past
    ("event", "The ship lost power and struck a pier, and the bridge collapsed.", True),
    ("event", "Eleven tank cars derailed and caught fire.", True),
    ("event", "Crews will bolt steel plates over the cracked beams.", False),
    # a motive named as what the act is for
    ("why", "Tenants say the renovation is a way to empty the buildings and raise the rent.",
     True),
    # how to get help: register, apply, call
    ("advice", "Survivors can register online or by calling the helpline.", True),
    # where people stay
    ("where", "Families are staying in hotels paid for by the agency.", True),
    # who someone is: the part they played, or leads
    ("identity", "Fenton continues to lead the recovery effort.", True),
    ("identity", "Balwani was employed at the company from 2009 to 2016.", True),
    ("identity", "Holmes founded the company in 2003.", True),
    # what someone is accused of: the charges
    ("blame", "The defendants are charged with two counts of wire fraud.", True),
    # what a vote, a court or a board decided; what burned in an accident is no decision
    ("decision", "Voters rejected the plan, and the owner said the team would stay.", True),
    ("decision", "The jury acquitted both officers.", True),
    ("decision", "The lid blew off and burned her face.", False),
    # an effect told as a change: what doubled or stopped, or compared with the year before
    ("effect", "Traffic on the other bridge has nearly doubled.", True),
    ("effect", "The wreck brought all shipping to a standstill.", True),
    ("effect", "Visitors spent $5 million less in July than a year earlier.", True),
    ("effect", "Traffic on the other bridge is heavy.", False),
    # what agencies do, told as a verb; the same word as a noun is no action
    ("action", "Investigators collected samples and ordered the plant closed.", True),
    ("action", "The dispatch center is the subject of a review.", False),
    # what someone said is an opinion
    ("opinion", "Brisco said the city was taking on three decades of debt.", True),
    # what a plan brings, or what is called off because of it
    ("effect", "Planners expect the ballpark to bring restaurants and apartments.", True),
    ("effect", "The money for tenants will not go ahead.", True),
    # a worry is a consequence as a concern or unease is
    ("effect", "Allied officials worry about their data.", True),
    # what a closure costs someone is often told as a fall
    ("losses", "Visitors spent $5 million less in July than a year earlier.", True),
    ("losses", "Bookings at the hotels have halved.", True),
    ("losses", "The marina opens at nine.", False),
    # where investigators find a cause, and what a cause meant
    ("why", "Investigators traced the blackout to contaminated fuel in the generators.", True),
    ("why", "The increases largely reflect higher prices for natural gas.", True),
    ("why", "The failure came after four days of record rainfall.", True),
    ("why", "State law bars opening ballots before polls close, which meant a long count.", True),
    ("why", "The levee was built in 1961 and runs for 12 miles.", False),
    # the terms of a deal
    ("involves", "Under the agreement, both sides will halt attacks starting Sunday.", True),
    ("involves", "The deal provides for the exchange of about 400 prisoners.", True),
    ("involves", "The talks took place in a hotel by the lake.", False),
    # where a thing is heading
    ("where", "Winds were pushing the slick toward the Halden Islands.", True),
    ("where", "The spill began on Tuesday.", False),
    # what happened, told as a noun
    ("event", "An explosion tore through a storage building at the plant on Monday.", True),
    # ... and named as already known, it is only referred to
    ("event", "On June 30, the agency launched an investigation of the collapse.", True),
    ("event", "Crews searched the rubble after the collapse.", False),
    # a figure spelled out is a figure; a span of time is no amount
    ("degree", "Nine additional cases were reported in two neighboring counties.", True),
    ("degree", "Nearly seven months after the crash, the talks resumed.", False),
    ("degree", "The talks resumed 10 days after the crash.", False),
    # an extreme measured against the past, not any "since"
    ("degree", "It was the worst drought since 1956.", True),
    ("degree", "The owner had been missing since the collapse.", False),
    # holding someone to account
    ("blame", "On Sunday, police arrested the owner of the factory complex.", True),
    # what people are told they may do, or should
    ("advice", "Travelers whose flights are canceled are entitled to a full refund.", True),
    ("opinion", "The chief executive apologized, calling the disruption unacceptable.", True),
    ("options", "Some planners favor converting the site to battery storage.", True),
    ("decision", "The court declined to block the map's use in the primary.", True),
    # an answer word matches every form of itself as written: "lay off" is also "laid off"
    ("losses", "The plant laid off 200 workers in March.", True),
    # ... but a form that is another word's plural is that noun: "shelves" are no shelving
    ("effect", "The council voted to shelve the plan.", True),
    ("effect", "The library moved two shelves of books.", False),
    # "found" is what was found, not what someone founded
    ("outlook", "Inspectors found lead in the water.", True),
    ("outlook", "Brightfen is a startup that Vassel co-founded in 2019.", False),
    # and what a thing leaves people without, not where a ship left from
    ("effect", "The storm left 6,000 households without power.", True),
    ("effect", "The ship left the port of Baltimore at 1 a.m.", False),
    # a reason cited is a cause; a citation for a violation is not
    ("why", "He cites a lack of an alternative from NATO allies.", True),
    ("why", "Inspectors cited the plant in 2023 for failing to label its pipes.", False),
    # a safety device out of order is a cause
    ("why", "The engine room's ammonia detector had been disconnected in August.", True),
    # a penalty
    ("penalty", "OSHA proposed $398,400 in penalties for 11 violations.", True),
    ("penalty", "The plant opened in 1988 and employs about 310 people.", False),
    ("action", "Police went door to door telling people to leave.", True),
    # too much or too little of something is a cause
    ("why", "The jet landed 2,000 feet long, leaving too little runway to stop.", True),
    ("why", "The train was going faster than allowed on the curve.", True),
    # what it does to people's livelihood is an effect
    ("effect", "Hourly workers will receive a week of severance for every year at the mill.",
     True),
    # money that ran short is a cause
    ("why", "The lessor took back four planes after the airline fell $5.3 million behind on "
     "its lease payments.", True),
    # what an inquiry or the records found
    ("why", "Investigators found that a section of rail had cracked overnight.", True),
    ("why", "Flight data show the spoilers were never armed.", True),
    ("why", "The safety board's report will be released next month.", False),
    ("why", "The jury found that the cooker was defectively designed.", True),
    # what was faulty, neglected or past its limits is a cause
    ("why", "Inspectors had flagged a defective weld on the tank in 2022.", True),
    ("why", "Warnings from the state geologist were ignored for five years.", True),
    ("why", "A tailwind above the limit for a wet runway pushed the jet on.", True),
    ("why", "Twenty people stood on it, more weight than the wood could bear.", True),
    ("why", "The ferry sailed at 9 a.m. with 212 passengers aboard.", False),
    ("why", "The outbreak began with an unvaccinated teenager back from a trip abroad.", True),
    ("why", "Without chlorine, bacteria from the creek passed through the plant.", True),
    ("why", "The airline stopped flying without warning on Friday.", False),
    ("why", "Talks broke down after management refused to put staffing limits in writing.",
     True),
    ("action", "The report outlines a series of recommendations for grid operators.", True),
    # what a test found; and a cause told with what it led to, after a comma
    ("why", "Samples taken at the plant tested positive for salmonella.", True),
    ("why", "Ice brought down a line near Garnet Hill, leaving the grid with little margin.",
     True),
    ("why", "The school is leaving its doors open late this week.", False),
    # which ones, named in a list (as written, with capitals)
    ("which", "Oskin Falls, Tessmer and Lorimer Springs lost their only airline.", True),
    ("which", "The towns lost their flights, their buses and their hopes.", False),
    # how an amount is set answers how much
    ("degree", "Rent amounts are determined by the number of bedrooms.", True),
    # what the law allows or bans answers "can it still be sold?"
    ("outlook", "It is illegal to sell recalled products, including on the resale market.",
     True),
    ("outlook", "Sellers are not allowed to list the recalled sleepers.", True),
    ("outlook", "The chairman allowed reporters into the hearing.", False),
    # what someone has undertaken or urged is what they are doing
    ("action", "The city has promised to fill each pothole within 72 hours.", True),
    ("action", "The inquiry recommends mandatory winterization standards.", True),
    ("action", "County crews are dropping larvicide tablets into storm drains.", True),
    ("action", "Tellers are being trained to ask why a customer wants so much cash.", True),
    ("action", "The bank is being asked to explain the losses.", False),
    ("action", "The county is facing a shortage of mosquito traps.", False),
    # a decision taken about what is to come
    ("outlook", "The board voted to rebuild the school on the same site.", True),
    # a clause about a person named in passing tells who they are, not the news
    ("decision", "Anita Brisco, who voted in June against the plan, said the council erred.",
     False),
    ("identity", "Tilda Marsh, who founded the group in 2019, said it would appeal.", True),
    # who is to blame is told by what was done to those held to account; what someone is
    # accused of is told by the wrong itself
    ("blame", "The company was fined $1.8 million for releasing solvent into the creek.", True),
    ("blame", "Families have filed lawsuits against the home's parent company.", True),
    ("blame", "Two vice presidents in charge of transmission were fired.", True),
    ("blame", "The commission ordered the utility to pay $12 million.", True),
    ("blame", "The architect said it had not yet seen the lawsuit.", False),
    # what an inquiry found someone did
    ("blame", "A state audit found that the contractor skipped two required weld checks.", True),
    ("blame", "The operator was found to have left the gate open overnight.", True),
    ("blame", "The crane's owner had let its certificate lapse, according to state records.",
     True),
    ("blame", "The fire spread to two neighbouring warehouses.", False),
    ("accusation", "The jury found the company liable and awarded $3 million.", False),
    ("accusation", "The company knew the lid could open and failed to warn buyers.", True),
    # what is being done: people sent or told to act, a rule or an emergency put in place
    ("action", "Extra gate agents were flown in overnight to rebook passengers.", True),
    ("action", "Retailers have been told to pull the affected lots from shelves.", True),
    ("action", "A 10-ton weight limit took effect Friday, barring loaded trucks.", True),
    ("action", "The governor declared a state of emergency on Saturday.", True),
    ("action", "Nurses are calling every family linked to the two day cares.", True),
    # what had been done before it happened is background
    ("action", "The backup failed because the county had switched off its transfer.", False),
    # a yes-or-no question about how things stand: what still holds, what has come back
    ("outlook", "The beach remains closed to swimmers.", True),
    ("outlook", "The library reopened its doors on Monday.", True),
    ("outlook", "The county is no longer under a drought emergency.", True),
    ("outlook", "The library flooded seven weeks ago.", False),
    # where talks stand: stopped moving is a place too
    ("status", "Talks are stuck on staffing ratios, union leaders said.", True),
    ("status", "The negotiations reached an impasse over the cabinet posts.", True),
    # an agreement reached answers, a place reached does not
    ("status", "The two sides reached a tentative agreement late Sunday.", True),
    ("status", "Patients in Dunmore must reach Harlow for emergency care.", False),
    # a signature answers, a sign does not
    ("status", "The two sides signed the agreement on Friday.", True),
    ("status", "Samples showed no sign of E. coli in the water.", False),
    # help is something done
    ("remedy", "Cooling centers opened at 12 libraries with extended hours.", True),
    # ... with what is done's patterns too (a kind like another borrows both)
    ("remedy", "Outreach teams are checking on residents who live alone.", True),
    # causes: a warning not heeded, a reason just arrived, what came right before, a load
    # many times the limit, an error
    ("why", "The captain left port despite a warning that waves could reach 12 feet.", True),
    ("why", "The authority faces a $48 million gap now that its relief money has run out.",
     True),
    ("why", "The resignation came a day after the union voted no confidence in him.", True),
    ("why", "The ferry carried 212 people, nearly twice the 120 it was licensed to carry.",
     True),
    ("why", "A software update contained an error that rejected every record.", True),
    ("why", "The ferry left port at 7 a.m. with 212 people aboard.", False),
    # a finding told by who made it; what moved the money; what was never done
    ("why", "A rail had cracked under the third car, according to the safety board.", True),
    ("why", "The wiring behind the kitchen had shorted, fire officials said.", True),
    ("why", "Ticket sales have fallen by a third since the stadium opened.", True),
    ("why", "A wet spring drove feed prices up across the region.", True),
    ("why", "The valve had not been inspected since 2016.", True),
    ("why", "The clinic did not have enough nurses to open the second wing.", True),
    ("why", "The fire started at 3 a.m., fire officials told reporters.", False),
    # what would need to be done later is no cause
    ("why", "Officials are reviewing what the city would need to pay to rejoin.", False),
    # a cause told as its degree, money that ran out, people not to be had, what was put off
    ("why", "The mold spreads so fast that a wet wall is black within a week.", True),
    ("why", "The end of state grants left a gap of $2 million in the budget.", True),
    ("why", "The clinic could not find a doctor willing to work nights.", True),
    ("why", "The board put off the roof repair twice to hold down fees.", True),
    ("why", "The tanker's crew switched off its beacon to hide its route.", True),
    ("why", "Fares rose to $2.75 on Monday.", False),
    # a load that broke something, a harm and what did it; not a place under a street
    ("why", "The barn roof caved in under the weight of the ice.", True),
    ("why", "Ferry crossings were hampered by thick fog all week.", True),
    ("why", "A pipe burst under Orchard Lane on Friday.", False),
    # a step skipped, a check that missed it, too few hands, what was never counted
    ("why", "The log is supposed to be signed each night, but nobody signed it in May.", True),
    ("why", "The tally sheet was left blank.", True),
    ("why", "Nobody at the depot noticed that one truck never came back.", True),
    ("why", "The crew had been two workers short since March.", True),
    ("why", "Ballots that were never counted sat in a bin.", True),
    ("why", "Nobody was hurt in the fire.", False),
    # what something results in, as a verb; not a test's result
    ("effect", "The closure will result in longer trips for patients.", True),
    ("effect", "Each letter gives their result in June.", False),
    # what has ended, not the end of a year
    ("status", "The strike ended on Friday.", True),
    ("status", "The plant is due to open by the end of 2027.", False),
    # a new rule from a day on, an obligation now placed on someone
    ("action", "Beginning with the May primary, clerks must sign each tally sheet.", True),
    ("action", "Starting next month, inspectors check every car.", True),
    ("action", "Crews must be careful near the river.", False),
    # an order that makes someone act
    ("why", "A judge ordered the board to count the ballots again.", True),
    ("why", "The board ordered new voting machines in May.", False),
    # where a test found the thing is where it came from
    ("source", "Laboratory testing identified the outbreak strain of E. coli O157:H7 in canal "
     "water samples.", True),
    ("source", "Testing found no sign of the strain.", False),
    # a speech's name, or what someone says matters, is not what is being done
    ("action", "In her opening remarks, the minister stressed the importance of coordinating "
     "aid.", False),
    ("action", "The agency is coordinating aid from a center at the airport.", True),
    # what a court did to a policy
    ("decision", "A federal district court vacated the policy in November.", True),
    ("decision", "The court struck down the rule.", True),
    # examples in brackets answer nothing of their own
    ("effect", "Stimulants are controlled by quotas (e.g., limits leading to shortages).", False),
    ("effect", "Quotas are leading to shortages.", True),
    # what is asked of people: a deadline
    ("advice", "Ashgrove owners have until May 15 to file a first appeal.", True),
    ("advice", "Owners have 30 days to appeal to the state board.", True),
    ("advice", "The board heard 1,200 appeals in April.", False),
    # working beside others on it is what someone is doing, not a place of work
    ("action", "We are working closely with manufacturers and distributors.", True),
    ("action", "The agency has worked with retailers to pull the cribs.", True),
    ("action", "She worked with children for 20 years.", False),
    # what is scheduled, told with "is to" as with "will", is what comes next; an aim is not
    ("status", "A judge is to hear the request.", True),
    ("status", "The goal is to reopen the plant.", False),
    # ... and so is what someone must do by a day; a standing duty is not
    ("status", "The legislature must pass a budget by May 31.", True),
    ("status", "Lawmakers have to vote on the motion on Friday.", True),
    ("status", "The agency has to draw up another round of cuts in the fall.", True),
    ("status", "Drivers must stop at the line.", False),
    # a shortfall, less made or brought back than was due, gives a reason
    ("why", "Manufacturers did not produce the full amount they were allowed.", True),
    ("why", "Ridership has recovered to only 78 percent of its 2019 level.", True),
    ("why", "Ridership has recovered to 78 percent of its 2019 level.", False),
    # "to protect" gives a purpose; "committed to protecting" says what someone holds to
    ("why", "The rangers closed the trail to protect nesting birds.", True),
    ("why", "The agency is fully committed to protecting nesting birds.", False),
    # what people say a thing is, is their view of it; who a person is, is told
    ("identity", "Critics of the council say corruption has been the main factor.", False),
    ("identity", "Officials said Ruiz is the new director.", True),
])
def test_answer_words_read_the_sentence_closely(kind, text, answers):
    from explainer.understand.answers import cue_hits

    assert bool(cue_hits(text, kind_named(kind))) is answers


@pytest.mark.parametrize(("text", "answers"), [
    # what must be done to keep it from happening again is the remedy, not the cause
    ("Operators need to insulate their valves to prevent a repeat of the shutdown.", False),
    ("The plant shut because its valves need to be kept warm and the heaters failed.", True),
])
def test_what_happened_to_a_thing_is_not_answered_by_its_remedy(text, answers):
    """"Why did the plant shut down?" asks what happened to it: a purpose or a need to
    prevent it again answers nothing."""
    from explainer.understand.answers import cue_hits, without_purposes

    assert bool(cue_hits(text, without_purposes(kind_named("why")))) is answers


@pytest.mark.parametrize(("text", "answers"), [
    ("Outages were worst in areas managed by Corvane, a nonprofit that runs the grid.", True),
    ("Plants on the Corvane Grid (Corvane)—the grid operator for most of the state—ran.", True),
    # a list, not a description; a description of someone else
    ("Corvane, the PUC and the legislature were blamed.", False),
    ("Corvane cut power, said Ada Reyes, a spokeswoman for the utility.", False),
])
def test_what_a_name_is_is_told_beside_it(text, answers):
    """"What is Corvane?" is answered where Corvane's own description stands beside it."""
    from explainer.understand.answers import cue_hits, read_question

    part = read_question("What is Corvane, and who runs it?").parts[0]
    hits = cue_hits(text, part.kind, part.words)
    assert ("a description" in hits) is answers


def test_a_service_that_stops_is_an_effect():
    from explainer.understand.answers import cue_hits

    text = "The urgent care center will not treat heart attacks or strokes."
    assert "will not treat" in cue_hits(text, kind_named("effect"))


@pytest.mark.parametrize(("text", "answers"), [
    ("Public Works Director Ana Ruiz said crews shut two valves.", True),
    ("Ruiz said crews would work through the night.", False),
    ("Mayor Thomas Keller thanked Ruiz and the crews.", False),
])
def test_who_someone_is_is_told_by_the_title_before_their_name(text, answers):
    """"Who is Ana Ruiz?" is answered where her title stands before her name."""
    from explainer.understand.answers import cue_hits, read_question

    part = read_question("Who is Ana Ruiz?").parts[0]
    assert ("a title" in cue_hits(text, part.kind, part.words)) is answers


@pytest.mark.parametrize(("text", "answers"), [
    ("On the night of 8 March, the river flooded the library's basement.", True),
    ("The library last flooded in 1998.", False),
    # last autumn is the story's own months, not its history; two years back is
    ("In October, a levee failed and 189 people were killed.", True),
    ("In October 2021, a levee failed and 189 people were killed.", False),
])
def test_what_happened_is_the_news_not_its_background(text, answers):
    from explainer.understand.answers import cue_hits

    hits = cue_hits(text, kind_named("event"), published="2024-03-10")
    assert bool(hits) is answers


@pytest.mark.parametrize(("text", "answers"), [
    ("The bridge will reopen in mid-January.", True),
    ("A new bridge is planned for 2028.", True),
    ("The last inspection, in October 2024, rated it poor.", False),
    ("It closed on Monday night.", False),
    # "last week" is this month, and past all the same; "the Fourth of July" is a day
    ("The beaches were clear last week.", False),
    ("It closed days after the Fourth of July weekend.", False),
    # a span from now or a season, in a sentence that tells what is to come
    ("Repairs will take three to four weeks, the county said.", True),
    ("Passenger service will begin next spring.", True),
    ("Crews worked for six weeks on the span.", False),
    ("The old bridge was rebuilt within six months in 1988.", False),
])
def test_when_will_is_answered_by_a_date_still_to_come(text, answers):
    from explainer.understand.answers import cue_hits

    hits = cue_hits(text, kind_named("when_ahead"), published="2026-07-16")
    assert bool({"a date", "a time to come"} & set(hits)) is answers


@pytest.mark.parametrize(("text", "answers"), [
    ("The bridge will reopen on Dec. 1, the county said.", True),
    ("Crews are due to finish by March 3.", True),
    ("The bridge was closed Aug. 20 after inspectors found corrosion.", False),
])
def test_in_an_undated_article_only_the_tense_says_a_date_is_to_come(text, answers):
    """With no publication date, "Aug. 20" may be behind or ahead: only the sentence's tense
    (a future, a deadline, what someone is to do) says it is still to come."""
    from explainer.understand.answers import cue_hits

    hits = cue_hits(text, kind_named("when_ahead"), published=None)
    assert ("a date" in hits) is answers


@pytest.mark.parametrize(("question", "kinds"), [
    ("Who pays for the repairs, and when does the library reopen?", ["cost", "when"]),
    ("Who is being held responsible for the collapse?", ["blame"]),
    ("What does replacing a lead pipe involve, and who pays?", ["involves", "cost"]),
    ("How did North Korea get its money back?", ["mechanism"]),
    # a bare second part asks what the first asks ("…, and how?"), unless it asks who
    ("How many people have caught measles, and who are they?", ["degree", "identity"]),
    ("How many homes were flooded, and how?", ["degree", "degree"]),
    # the questions explainers ask most, each read as what it asks for
    ("What happened to the library?", ["event"]),
    ("What became of the ransom?", ["event"]),
    ("What's next for the talks?", ["status"]),
    ("What happens now?", ["status"]),
    ("What did the September power-sharing agreement settle?", ["involves"]),
    ("Who is to blame for the outage?", ["blame"]),
    # why people object is what they say; how a council decided is its vote; what could
    # still stop it is what may yet happen
    ("Why do farmers object to the data center, and how did the council decide?",
     ["objection", "decision"]),
    ("What could still stop the data center?", ["outlook"]),
    # which ones, and what is owed to whom
    ("Which towns have lost their air service?", ["which"]),
    ("Who is the airline in debt to, and will its workers be paid?", ["cost", "outlook"]),
    # what is doing the harm asks its cause
    ("What is killing the fish in Lake Orrin?", ["why"]),
    ("What is behind the rise in rents?", ["why"]),
    ("Why does the ruling matter?", ["significance"]),
    ("What are the risks?", ["effect"]),
    ("Who wins and who loses?", ["effect", "effect"]),
    ("What do critics say?", ["opinion"]),
    ("What does the law say?", ["involves"]),
    ("What are the two sides fighting over?", ["dispute"]),
    ("What are the options?", ["options"]),
    ("How did we get here?", ["history"]),
    ("Will prices rise?", ["outlook"]),
    ("When will the bridge reopen, and what happens after that?", ["when_ahead", "outlook"]),
    ("How is the closure affecting the people who depend on the bridge?", ["effect"]),
    ("What does the deal include?", ["involves"]),
    ("How much will the repair cost, and who will pay?", ["cost", "cost"]),
    ("How much damage did the storm do?", ["degree"]),
    ("What went wrong?", ["failure"]),
    ("What was wrong with the old formula?", ["failure"]),
    ("What did the captain do wrong?", ["event"]),
    ("What are the health risks, and what health effects have been reported?",
     ["effect", "effect"]),
    ("What do critics say about the risks?", ["opinion"]),
    ("Who is paying for the repairs?", ["cost"]),
    ("What could change to keep it from happening again?", ["options"]),
    ("How can the next spill be prevented?", ["options"]),
    ("What has the company said?", ["opinion"]),
    ("Why now?", ["why"]),
    ("What do investigators know so far?", ["status"]),
    ("Is the water safe to drink now?", ["outlook"]),
    ("What are the next steps?", ["status"]),
    ("What was the cause of the fire?", ["why"]),
    ("What did the report conclude?", ["decision"]),
    ("How are investors reacting?", ["opinion"]),
    ("What changes for travellers?", ["effect"]),
    ("What do the two sides disagree about?", ["dispute"]),
    ("How did the company become so powerful?", ["history"]),
    ("How much has been spent so far?", ["cost"]),
    ("How dangerous is the chemical?", ["degree"]),
    ("Why did the 911 system fail, and who was at fault?", ["why", "blame"]),
    # a yes-or-no question of what someone must do asks what is required of them
    ("Do survivors in FEMA housing have to pay rent, and how much?", ["requirement", "degree"]),
    # an investigation: what it looked at, and what it found nothing wrong with
    ("What have the investigators examined, and what have they ruled out?",
     ["finding", "ruled_out"]),
    ("What did the inspectors find?", ["decision"]),
    # how long asks for a span or an end ("through February 28", "until it is repaired")
    ("Where are survivors staying, and how long will FEMA house them?", ["where", "duration"]),
    ("What are the long-term health effects?", ["effect"]),
    ("How is the agency funded?", ["cost"]),
    ("What did the report recommend?", ["demand"]),
    ("What does the new law change?", ["effect"]),
    ("What is the council's plan?", ["action"]),
    ("Who is for and against the plan, and what are they arguing?", ["opinion", "opinion"]),
    ("What is the company accused of?", ["accusation"]),
    ("Who has been charged?", ["blame"]),
    ("Which company is accused of causing the leak?", ["blame"]),
    ("Who is liable for the explosion?", ["blame"]),
    ("What is making the children sick?", ["why"]),
    ("Which food made people sick?", ["why"]),
    ("What should shoppers avoid buying, and who is most at risk?", ["advice", "effect"]),
    ("What should residents do now?", ["advice"]),
    ("What must happen before the plant reopens?", ["requirement"]),
    # a question the sentence reports is not the one it asks
    ("What are officials doing to find out what is causing it?", ["action"]),
    # other ways editors ask the same things
    ("What is the state of the talks?", ["status"]),
    ("Where does the case go from here?", ["status"]),
    ("What triggered the evacuation?", ["why"]),
    ("What options do tenants have?", ["options"]),
    ("What are lawmakers proposing?", ["demand"]),
    ("Who is suing to block the ban, and on what grounds?", ["identity", "why"]),
    ("Who is in charge of the water system now?", ["identity"]),
    ("Who sued, and what did they say was wrong with the formula?", ["identity", "failure"]),
    ("What do critics say about the owner, and how does it answer?", ["opinion", "response"]),
    ("What will the FDA do to keep formula safe?", ["action"]),
    ("What does the drought do to shipping?", ["effect"]),
    ("What is the timeline for the new reactor?", ["when"]),
    ("How safe is the vaccine?", ["degree"]),
    ("What's the death toll?", ["degree"]),
    ("What does the union say about the offer?", ["opinion"]),
    ("Who was affected?", ["effect"]),
    ("What has been done so far?", ["action"]),
    ("What is the company's defence?", ["opinion"]),
    ("What are the next legal steps?", ["status"]),
    ("How can people get help paying their bills?", ["remedy"]),
    ("How much money was lost?", ["losses"]),
    ("What should parents look for?", ["advice"]),
    ("Should I stop eating eggs?", ["advice"]),
    ("What are the main points of disagreement?", ["dispute"]),
    ("How did the fire spread so fast?", ["why"]),
    # "on what terms?" asks what must be done in return
    ("How much is the bank lending the city, and on what terms?", ["degree", "requirement"]),
    ("What's the damage?", ["degree"]),
    ("What's in the bill?", ["involves"]),
    ("What are scientists worried about?", ["effect"]),
    # "who is behind" a wrongdoing asks whom to blame; behind anything else, who the people are
    ("Who is behind the ransomware attack?", ["blame"]),
    ("Who is behind the challenges?", ["opinion"]),
    # what a document lays down is its terms; what people say is their opinion
    ("What does the union say about the offer?", ["opinion"]),
    # a yes-or-no second part is a part of its own
    ("How did the wildfire start, and was it arson?", ["history", "outlook"]),
    ("How did the city end up with a housing shortage?", ["history"]),
    ("How did the dispute reach a strike?", ["history"]),
    ("How strong was the earthquake?", ["degree"]),
    ("What did the black boxes reveal?", ["finding"]),
    ("How long could the strike last, and who will feel it most?", ["duration", "effect"]),
    ("What has the government offered the teachers?", ["requirement"]),
    ("How did the polls get it so wrong?", ["why"]),
    ("Who won, and what does it mean for the coalition?", ["decision", "effect"]),
    ("What's the humanitarian situation in the camps?", ["status"]),
    ("What is happening with the fare, and why does it matter?", ["status", "significance"]),
    ("What charges does the founder face?", ["accusation"]),
    # a question word after its preposition opens a part of its own
    ("Who won, and by how much?", ["decision", "degree"]),
    ("How long will the line close, and for how long will fares stay up?",
     ["duration", "duration"]),
    # what someone changes to keep it from happening again is what they do
    ("What is the district changing so it doesn't happen again?", ["action"]),
    ("What is being done to keep it from happening again?", ["action"]),
    ("How is the district fixing the water?", ["action"]),
    # what a joined subject will change for someone is what it means for them
    ("What will the ruling and the new formula change for Marrick Hollow?", ["effect"]),
    ("How are workers cleaning up the contamination?", ["action"]),
    # what is at stake, not what caused it
    ("Why is a mumps outbreak on campus such a concern?", ["significance"]),
    ("Why is the drought a threat to the harbour?", ["significance"]),
    ("Why is the virus dangerous for pregnancies?", ["significance"]),
    # where something comes from, however the verb is told
    ("Where is the lead in the water coming from?", ["source"]),
    ("Where has the money come from?", ["source"]),
    # "affordable" asks nothing about money; who qualifies is what one must be to get them
    ("Who qualifies for the new affordable homes?", ["requirement"]),
    ("What is the buyout offer, and who can take it?", ["identity", "requirement"]),
    # a name inside a question asks nothing, whatever it spells
    ("What happened to Darnell Price?", ["event"]),
    ("What did the September power-sharing agreement settle?", ["involves"]),
    # the penalties someone faces, and how people were warned
    ("What penalties does the company face, and who pays?", ["penalty", "cost"]),
    ("What are the penalties?", ["penalty"]),
    ("How were people near the plant warned and kept safe?", ["action"]),
    # what is asked of people, and the deadline: a date still to come
    ("What do homeowners need to do, and by when?", ["advice", "when_ahead"]),
    # a yes or no about what has or hasn't happened: what happened answers
    ("Did the county roll back the tax rate, and what will homeowners pay?",
     ["whether", "cost"]),
    ("How are they trying to stop the oil, and has it stopped?", ["action", "whether"]),
    ("What does the law require of schools, and who is exempt?", ["requirement", "exemption"]),
    ("Which buildings are exempt?", ["exemption"]),
    # what underwent it: which things
    ("What did the fire destroy, and what survived?", ["which", "which"]),
    ("How many babies died, and what was recalled?", ["degree", "which"]),
    ("What was done to fix it?", ["action"]),
    ("Why did the government resign, and where does that leave the country?", ["why", "status"]),
    ("What did the council pass, and how much can rents rise?", ["decision", "degree"]),
    # how far something has come asks where it stands
    ("How far has the recovery come, and what has been rebuilt?", ["status", "which"]),
    ("What does the co-op still need?", ["requirement"]),
    ("Were the streets safer without the scooters?", ["results"]),
    ("What were parents told about the risk?", ["advice"]),
    # whether something works, helps or hurts: what has been measured
    ("Is the ban working so far, and what happens to it next?", ["results", "outlook"]),
    ("Does a shorter week hurt learning?", ["results"]),
    ("Is the dam safe?", ["outlook"]),
    # what held it up; hitting back is what was done, not how it hurt
    ("What has slowed the restoration?", ["setback"]),
    ("How did China hit back?", ["action"]),
    ("How did the storm hit farmers?", ["effect"]),
    # what it did to people
    ("What did the shots do to patients?", ["harm"]),
    ("How were the children sickened?", ["harm"]),
    ("How were customers hurt?", ["effect"]),
    ("What did the storm do to the island?", ["effect"]),
])
def test_a_question_is_read_part_by_part(question, kinds):
    from explainer.understand.answers import read_question

    assert [p.kind.name for p in read_question(question).parts] == kinds


def test_the_words_a_question_asks_with_are_not_its_subject():
    """ "What has the testing shown?": "shown" is how it asks, whole ("n" was left over)."""
    from explainer.understand.answers import read_question

    (part,) = read_question("What has the testing shown?").parts
    assert part.kind.name == "finding" and "n" not in part.subject


def candidate(number: int, score: float, parts: tuple[int, ...], text: str,
              published: str | None = None, leans: bool = False, own: bool = False,
              signals_named: float = 0.0):
    from types import SimpleNamespace

    from explainer.understand.answers import Candidate

    article = SimpleNamespace(slug=f"a{published or ''}", meta=SimpleNamespace(published=published))
    # as it reads alone; `own`: about the topic by its own words
    evidence = SimpleNamespace(standalone=None if leans else text, own=own)
    return Candidate(article, SimpleNamespace(anchor=f"p{number}s1"),  # type: ignore[arg-type]
                     score, parts, evidence, None, text, False,  # type: ignore[arg-type]
                     signals_named=signals_named)


def test_each_part_is_answered_in_turn_and_one_point_is_never_the_whole_box():
    from explainer.understand.answers import choose_points

    one_part = (candidate(1, 10.0, (0,), "The radar could gather intelligence on the jets."),
                candidate(2, 4.0, (), "Turkey was once a partner in the programme."),
                candidate(3, 3.5, (0,), "Washington maintained that a return is impossible."))
    assert [c.sentence.anchor for c in choose_points(one_part, 1)] == ["p1s1", "p3s1"]
    two_parts = (candidate(1, 10.0, (0,), "Farmers lose their profits this summer."),
                 candidate(2, 9.5, (0,), "Loans cost farmers interest for years."),
                 candidate(3, 7.5, (0,), "Feed prices doubled for ranchers."),
                 candidate(4, 8.0, (1,), "Insurers give a grace period on premiums."),
                 candidate(5, 7.0, (1,), "Emergency haying opens on conservation land."))
    chosen = [c.sentence.anchor for c in choose_points(two_parts, 2)]
    assert chosen == ["p1s1", "p4s1", "p2s1", "p5s1"]


def test_a_thin_box_takes_a_third_point_about_the_topic():
    """Two points where the page has a third sentence about the topic by its own words that
    answers, or names more of its signals: the box takes it, however far below the best it
    is (down to THIN of its score), but not a sentence that only mentions the topic, leans on
    another, or scores less."""
    from explainer.understand.answers import choose_points

    best = candidate(1, 10.0, (0,), "The report concluded the crew could not regain control.")
    second = candidate(2, 3.7, (0,), "The report is based on the flight recorders.", own=True)
    design = candidate(3, 5.75, (), "Boeing made false assumptions about the software.",
                       own=True, signals_named=1.0)
    mention = candidate(4, 5.5, (), "Boeing's shares fell on Thursday.")
    leaning = candidate(5, 5.0, (), "It forced the nose down.", leans=True, own=True,
                        signals_named=1.0)
    far = candidate(6, 2.9, (0,), "Investigators will publish a final report.", own=True)

    def box(*ranked):
        return [c.sentence.anchor for c in choose_points(ranked, 1)]

    assert box(best, design, second) == ["p1s1", "p2s1", "p3s1"]
    assert box(best, mention, leaning, second) == ["p1s1", "p2s1"]
    assert box(best, far, candidate(7, 2.8, (0,), "A hearing follows.", own=True)) == [
        "p1s1", "p6s1"]  # the second answer joins as ever (MIN_ANSWERS); no thin third
    leaning_answer = candidate(8, 2.9, (0,), "set forth a list of projects;", leans=True)
    assert box(best, leaning_answer, far) == ["p1s1", "p6s1"]  # nor one that leans on another


def test_the_strongest_point_opens_a_box_whose_first_parts_answer_is_much_weaker():
    """The first point is the home card's lead and the page's description."""
    from explainer.understand.answers import choose_points

    weak = candidate(1, 4.0, (0,), "A tenant organizer told them to keep their receipts.")
    strong = candidate(2, 12.0, (1,), "The council capped yearly rent increases at 5 percent.")
    assert [c.sentence.anchor for c in choose_points((strong, weak), 2)] == ["p2s1", "p1s1"]
    close = candidate(1, 9.0, (0,), "The council passed a rent stabilization ordinance.")
    assert [c.sentence.anchor for c in choose_points((strong, close), 2)] == ["p1s1", "p2s1"]


def test_an_answer_that_goes_on_from_a_chosen_point_joins_it():
    from explainer.understand.answers import choose_points

    first = candidate(1, 12.0, (0,), "Providers should ensure patients are vaccinated.")
    goes_on = replace(candidate(2, 11.0, (0,), "They should consider measles in any rash."),
                      before=first.sentence)
    other = candidate(3, 9.0, (0,), "Travellers should be vaccinated before leaving.")
    chosen = choose_points((first, goes_on, other), 1)
    assert [[s.anchor for s in c.sentences] for c in chosen] == [["p1s1", "p2s1"], ["p3s1"]]
    # ... and so does a sentence that holds no answer word of its own but says more of it
    seized = candidate(1, 8.5, (0,), "The department seized 63.7 bitcoins on Monday.")
    proceeds = replace(candidate(2, 6.6, (), "These funds are the proceeds of the ransom."),
                       before=seized.sentence)
    chosen = choose_points((seized, proceeds), 1)
    assert [[s.anchor for s in c.sentences] for c in chosen] == [["p1s1", "p2s1"]]


def test_an_answer_earns_its_place_sooner_than_a_point_that_answers_nothing():
    """A second answer at 55 % of the best point's score joins the box; a scene-setting lead
    at 60 % does not: answers need half the best score, the rest two thirds."""
    from explainer.understand.answers import choose_points

    ranked = (candidate(1, 10.0, (0,), "The storm knocked out three power plants."),
              candidate(2, 9.0, (0,), "Gas wells froze across the state."),
              candidate(3, 6.0, (), "Snow fell across Texas on Sunday night."),
              candidate(4, 5.5, (0,), "Pipelines lost pressure as demand soared."))
    assert [c.sentence.anchor for c in choose_points(ranked, 1)] == ["p1s1", "p2s1", "p4s1"]


def test_a_fifth_point_joins_a_full_box_only_when_it_answers_nearly_as_well_as_the_best():
    """Four points fill the box; a fifth answer joins at 80 % of the best point's score (a
    question with many strong answers), not at 70 %, and a fifth that answers nothing never."""
    from explainer.understand.answers import choose_points

    four = (candidate(1, 10.0, (0,), "The storm knocked out three power plants."),
            candidate(2, 9.5, (0,), "Gas wells froze across the state."),
            candidate(3, 9.0, (0,), "Pipelines lost pressure as demand soared."),
            candidate(4, 8.5, (0,), "Wind turbines iced over in the panhandle."))
    strong = candidate(5, 8.0, (0,), "Coal piles froze solid at two stations.")
    weaker = candidate(5, 7.0, (0,), "Coal piles froze solid at two stations.")
    scene = candidate(5, 9.0, (), "Snow fell across Texas on Sunday night.")
    assert len(choose_points(four + (strong,), 1)) == 5
    assert len(choose_points(four + (weaker,), 1)) == 4
    assert len(choose_points(four + (scene,), 1)) == 4

def test_what_a_sentence_counts_is_read_with_its_figures():
    from explainer.understand.answers import counts

    assert counts("Trustees voted to close 14 programs and cut 38 faculty jobs in 2026.") == {
        "program": frozenset({"14"}), "faculty": frozenset({"38"})}
    assert counts("Ten programs are still set to close, saving $4.4 million.") == {
        "program": frozenset({"ten"}), "money": frozenset({"$4.4 million"})}
    # a number before a verb counts nothing: a road's number, "one in eight has"
    assert counts("The dollar store on Route 31 has added a cooler, and one in eight has no "
                  "car.") == {}
    assert counts("Samples held 140 micrograms of the toxin.") == {"microgram": frozenset({"140"})}
    # a span of time counts nothing
    assert counts("The firm recommends phasing it in over five years.") == {}
    # a count never runs on past a comma, and a year counts nothing
    assert counts("Beginning March 1, 2026, FEMA will not charge less.") == {}
    assert counts("More than 1,200 FEMA employees were sent.") == {"fema": frozenset({"1,200"})}


def test_a_count_a_newer_article_gives_otherwise_gives_way_for_a_question_of_now():
    """"Which programs are being cut?": January's 14 gives way to May's ten, where May's
    sentence answers too; "why were they cut?" keeps what January said."""
    from types import SimpleNamespace

    from explainer.understand.answers import Candidate, read_question, recounted

    def point(text: str, published: str, question: str) -> Candidate:
        article = one_paragraph_article(text)
        article = replace(article, meta=replace(article.meta, published=published))
        evidence = SimpleNamespace(standalone=text)  # it reads alone
        return Candidate(article, article.sentences[0], 5.0, (0,),
                         evidence, read_question(question),  # type: ignore[arg-type]
                         text, False)

    for question, latest in (("Which programs are being cut?", True),
                             ("Why were the programs cut?", False)):
        old = point("Trustees voted to close 14 programs.", "2026-01-29", question)
        new = point("Ten programs are still set to close.", "2026-05-07", question)
        assert recounted([old], [old, new]) == ([new] if latest else [old]), question


def test_a_headline_gives_way_to_the_sentence_that_says_the_same():
    from explainer.understand.answers import choose_points

    deck = candidate(1, 15.0, (0, 1), "More Than $330 Million in Federal Grants Provided to Maui")
    loans = candidate(2, 11.0, (0,), "Survivors can apply for disaster loans until March.")
    told = candidate(3, 10.0, (0, 1),
                     "The government has provided more than $330 million in federal grants to Maui.")
    chosen = choose_points((deck, loans, told), 2)
    assert [c.sentence.anchor for c in chosen] == ["p3s1", "p2s1"]
    # with no sentence saying the same, the headline stays
    assert choose_points((deck, loans), 2)[0] is deck


def test_a_count_a_newer_article_tells_again_replaces_the_older_one():
    from explainer.understand.answers import choose_points

    first = candidate(1, 10.0, (0, 1), "Part of the tower collapsed in June, killing at least 12 "
                      "people.", "2021-06-30")
    cause = candidate(2, 9.0, (0,), "Investigators are studying the pool deck.", "2021-06-30")
    later = candidate(3, 8.0, (1,), "Part of the tower collapsed in June, killing 98 people.",
                      "2023-09-13")
    assert [c.sentence.anchor for c in choose_points((first, cause, later), 2)] == [
        "p3s1", "p2s1"]
    # an older article's count never replaces a newer one's
    older = candidate(3, 8.0, (1,), "Part of the tower collapsed in June, killing 98 people.",
                      "2021-06-01")
    assert choose_points((first, cause, older), 2)[0] is first
    # nor does a newer telling that can't stand alone ("It killed 98 people.")
    leaning = candidate(3, 8.0, (1,), "It killed 98 people.", "2023-09-13", leans=True)
    assert choose_points((first, cause, leaning), 2)[0] is first


@pytest.mark.parametrize(("text", "parts"), [
    # two parts of one kind are told apart by the words only one of them holds
    ("The joists over the gym were too light for the drift.", (0,)),
    ("The marshal closed the whole building until engineers check it.", (1,)),
    # a sentence holding neither part's own words (or both) may answer either
    ("The report blamed a change made to save money.", (0, 1)),
])
def test_two_parts_of_one_kind_are_told_apart_by_their_own_words(text, parts):
    from explainer.understand.answers import own_parts, read_question
    from explainer.understand.wordforms import stems

    question = read_question("Why did the gym roof give way, and why did the whole school close?")
    assert [p.kind.name for p in question.parts] == ["why", "why"]
    mine = own_parts(question, set(stems(text)))
    assert tuple(i for i, m in enumerate(mine) if m) == parts


@pytest.mark.parametrize(("text", "answers"), [
    # a cause that makes someone act answers "why"…
    ("The U.S. sanctions led banks in other countries to curtail dealings with North Korea.",
     True),
    # …unless what does the causing is what the question asks about: then it is an effect
    ("Its purchase of an S-400 system has caused some to question its commitment.", False),
])
def test_a_cause_answers_why_and_an_effect_of_the_subject_does_not(text, answers):
    from explainer.understand.answers import cue_hits, read_question

    part = read_question("Why did Turkey buy the S-400?").parts[0]
    assert bool(cue_hits(text, part.kind, part.words)) is answers


@pytest.mark.parametrize(("question", "restates"), [
    ("Why won't Turkey give up the S-400?", True),
    ("Why does the union still refuse the offer?", True),
    ("What does the dispute mean for NATO?", True),
    # a refusal answers a why question about something else
    ("Why did the frozen money hold up the nuclear talks?", False),
])
def test_a_refusal_restates_only_a_question_about_a_refusal(question, restates):
    from explainer.understand.answers import read_question, restatable

    assert restatable(read_question(question).parts[0]) is restates


@pytest.mark.parametrize(("question", "focus"), [
    ("What does the closure mean for patients?", ("patient",)),
    ("What does the drought do to shipping on the Mississippi?", ("ship",)),
    ("What is the closure costing the businesses around the lake?", ("business",)),
    ("Why did Turkey buy the S-400?", ()),
    # people named by what they do are named by its doer too; a model number names no one
    ("What does the case mean for people who own a SteamLock 6?", ("owner", "steamlock")),
    ("What does the strike mean for people who ride the buses?", ("rider", "ride", "bus")),
    # whose doings a question asks about ("what is being done" names no one)
    ("What is the city doing about it?", ("city",)),
    ("What is being done to keep care in Eskerton?", ()),
    # ... in the main clause, by a noun, not a verb
    ("What happened when the spacecraft hit the asteroid?", ()),
    ("What does the test mean for protecting Earth?", ("earth",)),
    ("What can survivors do to get help?", ()),
])
def test_a_question_names_whom_it_asks_about(question, focus):
    from explainer.understand.answers import read_question

    assert read_question(question).parts[0].focus == focus


@pytest.mark.parametrize(("question", "cue", "answers"), [
    # the thing a question asks about is named by every sentence on it
    ("What caused the shortage of insulin?", "shortage", False),
    ("Why did the Marlow clinic close?", "shortage", True),
    # what it asks of that thing is an answer: "the plant will reopen in May"
    ("Will the plant reopen?", "will", True),
    ("How much will the repair cost?", "cost", True),
])
def test_the_questions_own_subject_is_no_answer_word(question, cue, answers):
    from explainer.understand.answers import names_the_subject, read_question

    assert names_the_subject(cue, read_question(question).parts[0]) is not answers


def test_could_would_and_cannot_together_are_one_answer_word():
    from explainer.understand.answers import cue_hits

    text = "The state cannot stop it, but it could ask for a plan that would help."
    assert cue_hits(text, kind_named("effect")) == ("could",)


def test_a_sentence_holding_no_answer_word_counts_the_signals_it_names():
    from types import SimpleNamespace

    from explainer.understand.answers import best_first, by_signals_named

    def on_topic(number: int, signals: float, parts: tuple[int, ...] = ()):
        sentence = SimpleNamespace(anchor=f"p{number}s1", weight=lambda slug: signals)
        return replace(candidate(number, 3.5, parts, "…"), sentence=sentence)

    lead_in, causes = on_topic(1, 0.0), on_topic(2, 2.5)
    ranked = best_first(by_signals_named([lead_in, causes], "causes"))
    assert [c.sentence.anchor for c in ranked] == ["p2s1", "p1s1"]
    assert ranked[0].score == 4.25 and ranked[0].signals_named == 0.75
    # beside a sentence holding answer words it counts more, and the answering one keeps its
    # score
    answered = [on_topic(1, 2.5, (0,)), on_topic(2, 2.5)]
    assert [c.score for c in by_signals_named(answered, "causes")] == [3.5, 5.0]


@pytest.mark.parametrize(("question", "answers"), [
    # a purpose says why someone acted, not why something happened to a thing
    ("Why did the gym roof give way?", False),
    ("Why did the pipeline fail?", False),
    ("Why did the crews prop up the roof?", True),
])
def test_a_purpose_answers_why_someone_acted_not_why_a_thing_failed(question, answers):
    from explainer.understand.answers import cue_hits, read_question

    text = "Crews have propped up the gym roof with steel shores so that it cannot fall."
    (part,) = read_question(question).parts
    assert part.kind.name == "why"
    assert ("so that" in cue_hits(text, part.kind)) is answers
    # nor does an order ("the marshal ordered the school to close" says why it closed)
    ordered = "The fire marshal ordered the district to close the gym."
    assert bool(cue_hits(ordered, part.kind)) is answers


def test_a_question_about_what_is_still_to_come_looks_to_the_newest_article():
    from explainer.understand.answers import read_question

    cost, pay = read_question("How much will the repair cost, and who will pay?").parts
    assert cost.kind.latest and pay.kind.latest and cost.kind.newest == 3
    (past,) = read_question("How much did the repair cost?").parts
    assert not past.kind.latest
    # "who won?" and "who pays?" ask how it came out in the end
    won, by = read_question("Who won, and by how much?").parts
    assert won.kind.latest and won.kind.newest == 3
    (pays,) = read_question("Who pays for the recount?").parts
    assert pays.kind.so_far and pays.kind.newest == 3  # the newest word on it, where it has one
    # "which programs are being cut?" asks of the plan as it stands
    (being,) = read_question("Which programs are being cut?").parts
    assert being.kind.so_far


def test_in_a_story_of_one_article_no_sentence_is_newer_than_another(tmp_path):
    """"(newest article)" tells a later article's word from an earlier one's: in a story
    of one article it would count for every sentence alike."""
    story = STORIES[2]  # the lead pipes example: one article
    explainer = build_explainer(rules_only(story, tmp_path))
    assert len(explainer.articles) == 1
    for topic in explainer.story.topics:
        assert not any("newest article" in reason for point in answer_points(explainer, topic)
                       for reason in point.reasons)


@pytest.mark.parametrize(("question", "now"), [
    ("Where do the talks stand?", True),
    ("What happens next for the plant?", True),
    ("What happens to the team now?", True),
    ("What did the talks decide?", False),
])
def test_where_things_stand_and_what_comes_next_ask_of_now(question, now):
    from explainer.understand.answers import read_question

    assert read_question(question).parts[0].kind.now is now


def test_examples_in_brackets_name_nothing_the_question_asks_about():
    """ "(e.g., … drug makers' reliability)" gives examples of something else: the sentence
    says nothing of the drug makers the question asks about."""
    for text, focused in (("Other causes of the shortage may include market forces (e.g., low "
                           "margins for drug makers).", False),
                          ("Drug makers added shifts to ease the shortage.", True)):
        evidence = evidence_for(text, "What are drug makers doing about the shortage?",
                                ("shortage",))
        assert evidence.focused[0] is focused, text


def test_the_newest_articles_word_is_no_advice_unless_it_gives_some():
    """"What should passengers do?" is answered by what they are told to do, in any article:
    the newest article's "boardings fell 57 percent" tells them nothing to do."""
    question = "What should passengers do to get their money back?"
    for text, answers in (("Boardings fell 57 percent in March from a year earlier.", False),
                          ("Passengers should contact their card company.", True)):
        evidence = evidence_for(text, question, ("passengers",))
        assert bool(evidence.parts) is answers, text


def test_a_sentence_that_only_asks_the_question_again_is_no_newest_word_on_it():
    for text, latest in (("For shoppers, what the merger means depends on where they live.", False),
                         ("Shoppers in Dunstan will lose their nearest store.", True)):
        evidence = evidence_for(text, "What does the merger mean for shoppers?", ("shoppers",))
        assert evidence.latest[0] is latest, text


@pytest.mark.parametrize(("text", "kept"), [
    ("Her office will look closely at what this means for prices in the region.", False),
    # what is looked at may be known: "must look at what reviewers have said" is done
    ("Her office will look at what reviewers have said.", True),
])
def test_what_is_looked_into_closely_is_still_open(text, kept):
    from explainer.understand.answers import without_open_questions

    assert ("what" in without_open_questions(text)) is kept


def test_without_is_no_reason_once_what_it_goes_with_is_cut_as_an_open_question():
    """ "… acted without asking whether the scooters had made the streets more dangerous":
    what is asked is cut, and the "without" left before it gives no reason."""
    text = ("Achterberg said the council banned the scooters without asking whether they had "
            "made the streets more dangerous.")
    evidence = evidence_for(text, "Why did the council ban the scooters?", ("scooters",))
    assert not any("without" in cue for cue in evidence.cues[0]), evidence.cues


def test_an_opening_connective_the_point_drops_is_no_answer_word():
    """"Still, …" opens the sentence; it says nothing of what is still so."""
    for text, answers in (("Still, the mayor said the plan pleased him.", False),
                          ("The plan is still on hold.", True)):
        evidence = evidence_for(text, "Where does the plan stand?", ("plan",))
        assert ("still" in evidence.cues[0]) is answers, text


def test_a_lead_that_gives_no_reason_is_no_answer_to_why_for_being_first():
    """The lead sets the scene: for a question of why, it counts as the lead only when it
    gives a reason; for other questions it counts all the same."""
    from explainer.model import Topic
    from explainer.understand.answers import gather, read_question

    text = "Port Halden voters will decide in September whether to build a new ballpark."
    article = one_paragraph_article(text)
    sentence = replace(article.sentences[0], topics=("ballpark",),
                       weights=(("ballpark", 1.0),))
    for asked, lead in (("Why does the team want a new ballpark?", False),
                        ("What happens to the ballpark next?", True)):
        question = read_question(asked)
        topic = Topic("ballpark", "The ballpark", question.text, ("ballpark",))
        evidence = gather(article, sentence, 0, topic, question, newest=True)
        assert evidence.lead is lead, asked


def test_a_lead_that_tells_no_effect_is_no_answer_to_what_it_means_for_being_first():
    """News leads with the event; a question of what it means or costs asks what follows:
    a lead with no answer word counts as the lead only for other questions."""
    from explainer.model import Topic
    from explainer.understand.answers import gather, read_question

    text = "An independent office is now processing claims for the oil spill."
    article = one_paragraph_article(text)
    sentence = replace(article.sentences[0], topics=("spill",), weights=(("spill", 1.0),))
    for asked, lead in (("What does the spill mean for fishermen?", False),
                        ("What has the spill cost the fishermen?", False),
                        # ... and so does one of who pays
                        ("Who is paying the price of the spill?", False),
                        ("Who is handling the claims?", True)):
        question = read_question(asked)
        topic = Topic("spill", "The spill", question.text, ("spill",))
        evidence = gather(article, sentence, 0, topic, question, newest=True)
        assert evidence.lead is lead, asked


def test_a_thing_named_as_known_shares_no_word_with_the_question():
    """ "for this widespread practice" names what the reader already knows: it tells nothing
    of how widespread it was."""
    known = evidence_for("The bureau is levying a fine of $100 million for this widespread "
                         "practice.", "How widespread was the practice?", ("practice",))
    told = evidence_for("The practice was widespread in every branch.",
                        "How widespread was the practice?", ("practice",))
    assert known.shares[0] < told.shares[0]


def test_what_comes_next_is_told_ahead_or_with_a_date_to_come():
    from explainer.understand.answers import cue_hits, read_question

    kind = read_question("What happens next?").parts[0].kind
    published = "2026-05-01"
    assert cue_hits("Two commissioners voted for the plan.", kind, published=published) == ()
    assert "a date to come" in cue_hits("The first members are to be named by June 30.", kind,
                                        published=published)


def test_money_that_is_not_there_explains_only_a_refusal():
    from explainer.understand.answers import cue_hits, read_question

    text = ("The ratios would cost about $24 million a year, money he said the hospital does "
            "not have.")
    refused = read_question("Why did the hospital refuse the nurses' demands?").parts[0].kind
    striking = read_question("Why are the nurses striking?").parts[0].kind
    assert cue_hits(text, refused) != ()
    assert cue_hits(text, striking) == ()


def test_how_many_asks_a_count_and_how_much_it_saves_asks_money():
    from explainer.understand.answers import read_question

    assert read_question("How many people were killed or hurt?").parts[0].kind.money is False
    assert read_question("How much will the cuts save?").parts[0].kind.name == "cost"


def test_a_timeless_statement_tells_no_situation_now():
    """The newest article tells how things stand by what has happened, is happening, will
    happen, still holds or was measured: a definition or a maxim, with no figure, does not."""
    from explainer.understand.answers import timeless

    assert timeless("E. coli is an important cause of illness in the United States.")
    assert not timeless("This outbreak appears to be over.")
    assert not timeless("The county has reopened two of its wells.")
    assert not timeless("Crews are still pumping water out of the mine.")
    question = "Is the outbreak over, and is romaine safe to eat now?"
    maxim = evidence_for("E. coli is an important cause of illness in the United States.",
                         question, ("romaine",))
    assert not any(maxim.latest)


def test_what_was_done_is_no_newest_answer_to_what_comes_next():
    question = "Will the plant reopen, and what happens next?"
    done = evidence_for("Inspectors found that the detector had been disconnected.", question,
                        ("plant",))
    assert not done.latest[1]


def test_a_date_since_which_something_lasts_tells_no_when():
    from explainer.understand.answers import cue_hits, read_question

    kind = read_question("When does the library reopen?").parts[0].kind
    assert cue_hits("The library has been closed since March 1.", kind) == ()
    assert cue_hits("The doors opened again on September 2.", kind) == ("a date",)


def test_each_part_s_next_answers_are_weighed_against_that_part_s_best():
    """A strong answer to one part says nothing of how well another can be answered: part 1's
    second answer joins while nearly as good as part 1's best, however far part 2's best
    outscores it."""
    from explainer.understand.answers import choose_points

    ranked = (candidate(1, 10.0, (1,), "Rent rises to a quarter of what the household earns."),
              candidate(2, 7.25, (0,), "Households in the units must pay rent from March."),
              candidate(3, 4.0, (0,), "A household that will not pay must move out by June."))
    assert "p3s1" in [c.sentence.anchor for c in choose_points(ranked, 2)]


def test_a_question_of_what_will_be_is_not_answered_by_history():
    from explainer.understand.answers import cue_hits, read_question

    kind = read_question("How much will the cuts save?").parts[0].kind
    published = "2026-05-01"
    assert cue_hits("The cuts will save $2 million a year.", kind, published=published)
    assert cue_hits("The board closed the recreation center, which opened in 2021 at a cost of "
                    "$46 million.", kind, published=published) == ()


def test_a_count_in_an_opening_after_clause_is_told_as_known():
    """ "Three weeks after the board cut seven routes, …" tells no newer count of routes."""
    from explainer.understand.answers import KNOWN_OPENING, counts

    text = ("Three weeks after the board cut seven routes and raised its fare to $2.25, riders "
            "packed the hearing.")
    assert not any(counts(KNOWN_OPENING.sub("", text)).values())
    assert any(counts("The board cut seven routes.").values())


def test_a_subtitle_above_the_lead_is_not_the_lead():
    """"Outbreak was the largest crisis ever" (no stop) stands above the lead: the first
    paragraph that ends as a sentence does is the lead."""
    from explainer.model import Article, Paragraph, Sentence, SourceSpan, Topic
    from explainer.understand.answers import gather, read_question

    source = SourceSpan("case", 1, 0)
    texts = ("Outbreak was the largest crisis ever caused by a drug",
             "The outbreak was caused by contaminated vials from one pharmacy.")
    paragraphs = tuple(Paragraph(f"p{n}", (Sentence(f"p{n}s1", text, source, topics=("spread",),
                                                    weights=(("spread", 1.0),)),), source)
                       for n, text in enumerate(texts, 1))
    article = Article("case", "Case", paragraphs, "case")
    question = read_question("How did the outbreak spread?")
    topic = Topic("spread", "Spread", question.text, ("outbreak",))
    subtitle, lead = (gather(article, p.sentences[0], 0, topic, question, newest=True)
                      for p in paragraphs)
    assert lead.lead and not subtitle.lead


def test_only_the_newest_article_says_how_things_stand_now():
    from explainer.model import Topic
    from explainer.understand.answers import gather, read_question

    question = read_question("What did voters decide, and what happens to the team now?")
    decide, now = question.parts
    assert now.kind.now and not decide.kind.now
    article = one_paragraph_article("The team will stay at Carrow Field, its owner said.")
    (sentence,) = article.sentences
    topic = Topic("next", "Next", question.text, ("team",))
    newest = gather(article, sentence, 0, topic, question, newest=True)
    older = gather(article, sentence, 0, topic, question, newest=False)
    assert 1 in newest.parts and 1 not in older.parts


def test_the_reporters_words_outrank_a_quotation_saying_as_much():
    """A quotation adds colour to what the reporter says: with the same answer words, the
    sentence that opens with a speaker's words counts less."""
    from explainer.model import Topic
    from explainer.understand.answers import gather, read_question, score

    question = read_question("Why did the plant close?")
    topic = Topic("closure", "Closure", question.text, ("plant",))
    told = one_paragraph_article("The plant closed because orders fell by half, its owner said.")
    quoted = one_paragraph_article('"The plant closed because orders fell by half," its owner '
                                   "said.")
    reporter, speaker = (gather(a, a.sentences[0], 1, topic, question, newest=True)
                         for a in (told, quoted))
    assert not reporter.quotation and speaker.quotation
    assert score(speaker) < score(reporter)


@pytest.mark.parametrize(("text", "shown"), [
    # a pronoun after the quotation is the person named before ("Eskerton General" is no one's
    # name: a name never ends in a title)
    ('Dr. Naomi Castellan, who led the No campaign, said voters had not turned against '
     'baseball. "Voters turned against a blank check," she said. She said TCHP had put $19 '
     'million into Eskerton General. "No one wanted this day," she told the crowd.',
     {1: '"Voters turned against a blank check," [Naomi Castellan] said.',
      3: '"No one wanted this day," [Naomi Castellan] told the crowd.'}),
    # a speaker named with the body they speak for is the person, not the body
    ("“When companies cheat to compete, they harm customers,” said Deputy Assistant Attorney "
     "General Michael D. Granston of the Department of Justice’s Civil Division. “This "
     "settlement holds the bank accountable.”",
     {1: "[Michael D. Granston:] “This settlement holds the bank accountable.”"}),
])
def test_a_quotations_speaker_is_named(text, shown):
    from explainer.memo import Same
    from explainer.understand.standalone import article_alone

    article = one_paragraph_article(text)
    alone = article_alone(Same(article))
    assert {i: alone[article.sentences[i].anchor].text for i in shown} == shown


def test_the_outlets_own_words_for_itself_are_named():
    """A release's "our" inside a sentence, and "The Bureau" for the outlet itself."""
    from explainer.understand.standalone import mended, vocabulary_of

    voice = "Consumer Financial Protection Bureau"
    for text, alone in [
        ("As detailed in our Order, the bank opened 1,534,280 accounts.",
         f"[{voice}:] As detailed in our Order, the bank opened 1,534,280 accounts."),
        ("The Bureau itself is levying a fine of $100 million.",
         "The [Consumer Financial Protection] Bureau itself is levying a fine of $100 million."),
        ("The US and its allies agreed.", "The US and its allies agreed."),
        # the sentence says who "we" are already
        ("As leaders of the Bureau and the Board, we recognize the harm done.",
         "As leaders of the Bureau and the Board, we recognize the harm done."),
    ]:
        assert mended(text, "", {}, vocabulary_of((text,)), [], voice).text == alone


def test_a_quotation_said_by_she_is_shown_with_the_sentence_naming_her():
    """"What the articles say" never leaves out whom '"…," she said.' stands for."""
    from explainer.understand.standalone import with_context

    article = one_paragraph_article(
        'Renata Voss, the general manager, spoke after the vote. "I don\'t want to be back in '
        'front of riders with another list," she said.')
    assert with_context(article.sentences, [1]) == [0, 1]


def test_a_quotation_of_several_sentences_is_shown_whole_or_not_at_all():
    """A topic page that keeps one sentence of a quotation keeps all of it: its marks open
    and close, and its last sentence says whose words they are."""
    from explainer.understand.standalone import with_context

    article = one_paragraph_article(
        'Obama spoke in Louisiana on Friday. "It is brutally unfair. It is wrong. And I will '
        'stand with the people of the Gulf Coast until they are made whole," Obama said. '
        'He then flew back to Washington.')
    assert [s.text[:9] for s in article.sentences] == [
        "Obama spo", '"It is br', "It is wro", "And I wil", "He then f"]
    for kept in ([1], [2], [3]):
        assert with_context(article.sentences, kept) == [1, 2, 3], kept
    # "He" points back to the quotation's last sentence, and so to the whole of it
    assert with_context(article.sentences, [4]) == [1, 2, 3, 4]
    assert with_context(article.sentences, [0]) == [0]


def test_a_paragraph_all_quotation_is_the_words_of_whom_the_paragraph_before_had_saying():
    """ "Kerry told reporters the deal was done." then a paragraph of quotation that names no
    speaker: Kerry's words, as a reader takes them."""
    from explainer.memo import Same
    from explainer.model import RawArticle, RawParagraph, SourceSpan
    from explainer.understand.segment import builtin_abbreviations, segment_article
    from explainer.understand.standalone import article_alone

    paragraphs = ["Secretary of State John Kerry told reporters the deal was done.",
                  "“We got here step by step. Nobody gave up.”",
                  "“We will see,” a senator said.", "“It is too soon to tell.”"]
    article = segment_article(RawArticle("x", "Title", tuple(
        RawParagraph(text, SourceSpan("x.txt", 3 + 2 * i, 0))
        for i, text in enumerate(paragraphs)), "x.txt"), builtin_abbreviations())
    alone = article_alone(Same(article))
    shown = [alone[s.anchor].text for s in article.sentences]
    assert shown[1:3] == ["[Kerry:] “We got here step by step.”", "[Kerry:] “Nobody gave up.”"]
    assert shown[4] is None  # the paragraph before names no one person saying it


def test_a_sentence_that_points_back_stands_with_the_one_before_it():
    from explainer.understand.standalone import with_the_one_before

    text = ("The Justice Department seized 63.7 bitcoins on Monday. These funds are the "
            "proceeds of the May 8 ransom payment. It was the first seizure of its kind.")
    article = one_paragraph_article(text)
    first, second, third = article.sentences
    paired = with_the_one_before(article, second, first)
    assert paired.text == ("The Justice Department seized 63.7 bitcoins on Monday. These funds "
                           "are the proceeds of the May 8 ransom payment.")
    assert with_the_one_before(article, first, first).text is None  # it leans on nothing
    # the sentence before must stand alone itself
    assert with_the_one_before(article, third, second).text is None


def test_a_quotation_naming_no_speaker_stands_with_the_sentence_that_names_one():
    from explainer.understand.standalone import standalone, with_the_one_after

    text = ('"You just keep driving, because there\'s nobody to call." That is how Keisha '
            "Morrow, a driver for nine years, describes an assault. Drivers want shields.")
    article = one_paragraph_article(text)
    quote, attribution, demand = article.sentences
    assert standalone(article, quote).text is None  # whose words? not the site's
    assert with_the_one_after(article, quote, attribution).text == f"{quote.text} {attribution.text}"
    # the sentence after must name someone
    unnamed = one_paragraph_article('"Nobody calls back." That is what drivers say.')
    assert with_the_one_after(unnamed, *unnamed.sentences).text is None
    # a sentence that is not all quotation needs no partner
    assert with_the_one_after(article, demand, demand).text is None


@pytest.mark.parametrize(("text", "shown"), [
    # a speaker by surname alone, named in full elsewhere in the story
    ('"I\'ll believe it," said Harper.', '"I\'ll believe it," said [Glenn] Harper.'),
    ("The county's payments end; Tillman said voters would decide.",
     "The county's payments end; [Howard] Tillman said voters would decide."),
    # not where the surname does not speak, nor at the end of a longer name, nor mended already
    ("Harper lives on the East Bank.", "Harper lives on the East Bank."),
    ("Corbin-Maddox Construction said it would defend itself.",
     "Corbin-Maddox Construction said it would defend itself."),
    ("[Harper] said it was plain to see.", "[Harper] said it was plain to see."),
    # a quotation's speaker, named by a label
    ("[Harper:] “I'll believe it.”", "[Glenn Harper:] “I'll believe it.”"),
    # a surname two people share is left as written
    ("Brown said the river was low.", "Brown said the river was low."),
])
def test_a_speaker_named_by_surname_gets_the_name_the_story_gave(text, shown):
    from explainer.understand.standalone import in_full, story_names

    names = story_names((("Glenn Harper, a retired machinist, said he had watched the rust.",
                          "Howard Tillman, the board's chair, said the money was there."),
                         ("Jasen Brown, an engineer, and Alice Brown, a pilot, spoke.",
                          "The builder, Corbin-Maddox Construction, built it.")))
    assert in_full(text, names)[0] == shown


def test_one_person_spelled_with_and_without_accents_or_in_part_is_named_in_full():
    """A newcomer's: VOA writes "Lopez Obrador", a release "Andrés Manuel López Obrador", so
    the surname had two full names, as two people's, and was never mended."""
    from explainer.understand.standalone import story_names

    names = story_names((("Andres Manuel Lopez Obrador won the election, Lopez Obrador said.",),
                         ("Andrés Manuel López Obrador spoke.", "Jasen Brown and Alice Brown "
                                                                "spoke.")))
    assert names["Obrador"] == "Andrés Manuel López Obrador" and "Brown" not in names


@pytest.mark.parametrize(("text", "people"), [
    # a place's name, or a nationality written before a noun, is no person's (a newcomer's:
    # "Her lawyer says …" became "[North Korea's] lawyer says …")
    ("North Korea's lawyer met South Korean prosecutors and Choi Soon-sil.", ["Choi Soon-sil"]),
    ("Lake Michigan rose as Los Pinos opened.", []),
    # a body's word first is a surname ("Park"), unless a body's name goes on there
    ("Park Geun-hye said she was a victim.", ["Park Geun-hye"]),
    ("Secretary of State John Kerry told reporters.", []),
    # a name going on with "for" is a programme's (a newcomer's: "She arrived …" became
    # "[Deferred Action] arrived …")
    ("Deferred Action for Childhood Arrivals shields Akiko Ito.", ["Akiko Ito"]),
])
def test_a_person_is_no_place_and_no_nationality(text, people):
    from explainer.understand.names import vocabulary_of
    from explainer.understand.standalone import person_names

    assert person_names(text, vocabulary_of([text])) == people


@pytest.mark.parametrize(("text", "shown"), [
    ("Corbett said it would keep every store open.",
     "Corbett said it would keep every store open."),
    ("Halvorsen's shareholders approved the sale.", "Halvorsen's shareholders approved the sale."),
    ("Lund said the business had changed.", "[Karin Halvorsen] Lund said the business had changed."),
])
def test_a_company_named_after_a_family_gets_no_given_name(text, shown):
    """A word that opens a company's name ("Corbett Markets") is no one's surname, and a verb
    in -ing opening a sentence ("Joining Corbett lets us …") is no given name."""
    from explainer.understand.standalone import in_full, story_names

    names = story_names((("Corbett Markets agreed to buy Halvorsen Foods, Corbett said.",
                          "“Joining Corbett lets us keep our prices low,” Lund said.",
                          "Karin Halvorsen Lund, the chief executive, said the talks were long.",
                          "Shoppers at the Keswick Falls Halvorsen worried, Halvorsen said."),))
    assert in_full(text, names)[0] == shown


@pytest.mark.parametrize(("text", "shown"), [
    ("Tollan's would owe the fund about $57 million.",
     "Tollan's would owe the fund about $57 million."),
    ("Former Tollan's workers were hired.", "Former Tollan's workers were hired."),
    ("Tollan said the stores had lost money.", "Tollan said the stores had lost money."),
    # a person's possessive is followed by what they own: it names no business
    ("Strand's filing was late.", "[Ellen] Strand's filing was late."),
])
def test_a_business_named_by_a_possessive_gets_no_given_name(text, shown):
    """A possessive standing alone as a noun ("Tollan's said", "the Tollan's on Quarry
    Street") names a shop or a company: the founder's grandson is not the chain."""
    from explainer.understand.standalone import in_full, speakers_in, story_names

    article = ("Chief Executive Dennis Tollan said the chain ran out of road.",
               "Tollan's said it had arranged a loan.", "The Tollan's on Quarry Street closed.",
               "Ellen Strand is its chief financial officer.",
               "Strand said the sale would close.")
    assert in_full(text, story_names((article,)), speakers_in(article))[0] == shown


@pytest.mark.parametrize(("text", "shown"), [
    # someone who speaks elsewhere in the story, named here by surname alone
    ("Harper lives on the East Bank.", "[Glenn] Harper lives on the East Bank."),
    ("A letter from Harper’s lawyer arrived.", "A letter from [Glenn] Harper’s lawyer arrived."),
    # a name that never speaks is a place as often as a person ("Du Bois, Illinois")
    ("Farmers in Illinois face the worst drought.", "Farmers in Illinois face the worst drought."),
    # nor part of a longer name, nor after a title
    ("Harper Street was closed.", "Harper Street was closed."),
    ("Dr. Harper testified.", "Dr. Harper testified."),
])
def test_a_person_who_speaks_elsewhere_gets_the_name_the_story_gave(text, shown):
    from explainer.understand.standalone import in_full, speakers_in, story_names

    article = ("Glenn Harper, a retired machinist, said he had watched the rust.",
               "Farmers in Du Bois Illinois are worried.")
    assert in_full(text, story_names((article,)), speakers_in(article))[0] == shown


@pytest.mark.parametrize(("paragraphs", "kept", "shown"), [
    # a paragraph that opens with a word standing for what was said before brings the last
    # sentence of the paragraph before, and what that one points back to in turn
    ([["Storms hit.", "The grid failed."], ["That is the report's finding.", "Rules follow."]],
     [[], [0]], [[1], [0]]),
    ([["Storms hit.", "As a result, the grid failed."], ["It was the worst in years."]],
     [[], [0]], [[0, 1], [0]]),
    ([["A deal was signed."], ["He said it would last."]], [[], [0]], [[0], [0]]),
    # a connective alone opens a new paragraph afresh; a kept sentence later in the paragraph
    # brings nothing from the paragraph before
    ([["The town paid the rest."], ["Meanwhile, the maps are back."]], [[], [0]], [[], [0]]),
    ([["Storms hit."], ["Crews worked.", "They restored power."]], [[], [1]], [[], [0, 1]]),
    # "This year" names its own time
    ([["Storms hit."], ["This year the grid held."]], [[], [0]], [[], [0]]),
    # a pronoun after an opening time still stands for whoever was named before
    ([["Erdogan has refused to give the system up.", "On Monday he said he expected talks."]],
     [[1]], [[0, 1]]),
])
def test_a_paragraph_opening_on_what_came_before_shows_that_sentence(paragraphs, kept, shown):
    from explainer.model import Paragraph, Sentence, SourceSpan
    from explainer.understand.standalone import paragraphs_with_context
    source = SourceSpan("a.txt", 1, 0)
    built = tuple(Paragraph(f"p{n}", tuple(Sentence(f"p{n}s{i}", text, source)
                                           for i, text in enumerate(texts, 1)), source)
                  for n, texts in enumerate(paragraphs, 1))
    assert paragraphs_with_context(built, kept) == shown


def test_a_deck_in_headline_case_is_the_pages_furniture_not_a_point(tmp_path):
    """A deck under the title ("Rule Will Mean a Safer Marketplace for Parents") leads the
    article, but it is page furniture: its capitals mark no names and it has no stop."""
    from explainer.pipeline import build_explainer
    from explainer.understand.answers import answer_points

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "explainer.yml").write_text("title: Sleepers\nsummary: A new rule.\n", "utf-8")
    (seeds / "topics.yml").write_text(
        "topics:\n  - slug: rule\n    title: The rule\n    question: What does the rule do?\n"
        "    signals: [rule, marketplace]\n", "utf-8")
    (seeds / "rule.txt").write_text(
        "Sleep rule approved\n\n"
        "Rule Will Mean a Safer Marketplace for Parents\n\n"
        "The rule bans inclined sleepers from the marketplace from June.\n\n"
        "The rule requires every new sleeper to pass a stability test.\n", "utf-8")
    explainer = build_explainer(seeds)
    shown = [p.text for p in answer_points(explainer, explainer.story.topics[0])]
    assert shown and not any(text.startswith("Rule Will Mean") for text in shown), shown


ANSWER_WORDS = LABELS / "answer-words.yml"  # 60 questions, each with 4 answers and 4 non-answers


def answer_words_found(text: str, question) -> bool:
    from explainer.understand.answers import answer_words, without_open_questions

    answering = without_open_questions(text)
    return any(answer_words(answering, part) for part in question.parts)


def answer_word_shares(path: Path) -> tuple[float, float]:
    """The share of answers holding an answer word, and of non-answers holding one."""
    from explainer.understand.answers import read_question

    found: dict[bool, list[bool]] = {True: [], False: []}
    for entry in yaml.safe_load(path.read_text("utf-8")):
        question = read_question(entry["question"])
        found[True] += [answer_words_found(t, question) for t in entry["answers"]]
        found[False] += [answer_words_found(t, question) for t in entry["not_answers"]]
    answers, non_answers = (sum(v) / len(v) for v in (found[True], found[False]))
    print(f"{path.name}: answer words in answers {answers:.2f}, in non-answers {non_answers:.2f}")
    return answers, non_answers


def test_answer_words_find_most_answers_and_few_non_answers():
    """Across many kinds of question and story, a sentence that answers holds an answer word
    far more often than one on the same subject that doesn't (measured 0.76 and 0.17; 0.83
    and 0.17 now). These sets' sentences carry no publication date: since stop 41 a date in
    them answers "when will …?" only where its tense says it is still to come."""
    answers, non_answers = answer_word_shares(ANSWER_WORDS)
    assert answers >= 0.75 and non_answers <= 0.2, (answers, non_answers)


def test_causes_told_without_because_are_found_too():
    """Causes as reporters tell them, mostly without "because" ("investigators found that a
    rail had cracked"): hard for answer words, and so measured on their own (0.38 of answers
    and 0.08 of non-answers when written, 0.83 and 0.09 now)."""
    answers, non_answers = answer_word_shares(LABELS / "why-answers.yml")
    assert answers >= 0.65 and non_answers <= 0.1, (answers, non_answers)


def test_causes_told_without_because_are_found_in_the_second_set():
    """The same on 45 more questions by another helper, held out until this stop (0.39 and 0.08
    when written; 0.57 and 0.10 at the start of the stop, 0.61 and 0.11 with the answer words
    learnt from the first set, before its misses were read; 0.67 and 0.09 now)."""
    answers, non_answers = answer_word_shares(LABELS / "why-answers-held-out.yml")
    assert answers >= 0.65 and non_answers <= 0.12, (answers, non_answers)


def test_causes_told_without_because_are_found_in_a_second_set_held_out():
    """45 more questions by a third helper, written after the rules of this stop and never read
    for their misses: 0.53 of answers and 0.11 of non-answers held an answer word with the rules
    as they were before that stop, 0.61 and 0.10 now."""
    answers, non_answers = answer_word_shares(LABELS / "why-answers-held-out-2.yml")
    assert answers >= 0.6 and non_answers <= 0.15, (answers, non_answers)


def test_answer_words_reach_sentences_held_out():
    """The same on sentences no answer word was added for (measured 0.65 and 0.18 before the
    words were added from answer-words.yml, 0.69 and 0.17 after; 0.74 and 0.15 now)."""
    answers, non_answers = answer_word_shares(LABELS / "answer-words-held-out.yml")
    assert answers >= 0.65 and non_answers <= 0.2, (answers, non_answers)


def test_what_is_done_who_is_to_blame_and_how_things_stand_are_found():
    """Four kinds of question written for this by a helper who never saw the rules (what is
    being done, who is to blame, how things stand, when something will happen): 0.53 of
    answers and 0.17 of non-answers held an answer word when written, 0.83 and 0.12 now."""
    answers, non_answers = answer_word_shares(LABELS / "doing-blame-status-answers.yml")
    assert answers >= 0.75 and non_answers <= 0.2, (answers, non_answers)


def test_what_is_done_who_is_to_blame_and_how_things_stand_are_found_held_out():
    """The same four kinds by another helper, never read for their misses: 0.47 and 0.11 when
    written, 0.64 and 0.12 before an inquiry's findings answered who is to blame and a span of
    time to come answered when, 0.67 and 0.12 after; 0.66 and 0.06 once a date with no
    publication date to place it answered only where its tense says it is to come."""
    answers, non_answers = answer_word_shares(
        LABELS / "doing-blame-status-answers-held-out.yml")
    assert answers >= 0.65 and non_answers <= 0.15, (answers, non_answers)


@pytest.mark.parametrize("text, quotation, speaker_named, wholly", [
    ("'We will not back down,' said Mick Farrow, the union's leader.", True, True, False),
    ("‘We will not back down,’ said Mick Farrow.", True, True, False),
    ("'The deal postpones the argument; it does not end it.'", True, False, True),
    # apostrophes are no quotation marks
    ("The drivers' pay rose, and O'Neill didn't mind.", False, False, False),
    ("'90s prices are gone, officials said.", False, False, False),
])
def test_single_quotation_marks_are_read_as_british_newsrooms_write_them(
        text, quotation, speaker_named, wholly):
    from explainer.understand.standalone import QUOTED_TEXT, WHOLLY_QUOTED, opens_a_quotation

    assert opens_a_quotation(text) is quotation
    assert ("said Mick Farrow" in QUOTED_TEXT.sub(" ", text)) is speaker_named
    assert bool(WHOLLY_QUOTED.match(text)) is wholly


@pytest.mark.parametrize("text, shown", [
    ("The Committee cut the rate by 25 basis points.1", "The Committee cut the rate by 25 "
     "basis points."),
    ("The Court struck the law down in 2013.[2]", "The Court struck the law down in 2013."),
    ("The rate rose to 4.1", "The rate rose to 4.1"),  # a figure, no mark
])
def test_a_point_leaves_out_a_footnotes_mark(text, shown):
    """A newcomer's: "… by 25 basis points.1" in a box pointed at a note no point shows (the
    article page keeps the mark, as written)."""
    from explainer.understand.standalone import standalone

    article = one_paragraph_article(text)
    assert standalone(article, article.sentences[0]).text == shown


@pytest.mark.parametrize("text, shown", [
    # a "‘" inside a word is a letter, the ʻokina: nothing to close
    ("Hawai‘i County Civil Defense closed the road near Halema‘uma‘u on Monday.",
     "Hawai‘i County Civil Defense closed the road near Halema‘uma‘u on Monday."),
    # a quotation in single marks, closed in the sentence or not
    ("Officials called the ash plume ‘a serious hazard’ on Monday.",
     "Officials called the ash plume ‘a serious hazard’ on Monday."),
    ("Officials called the ash plume ‘a serious hazard.", "Officials called the ash plume "
     "‘a serious hazard.’"),
])
def test_single_marks_close_only_a_quotation_they_opened(text, shown):
    """A point that opens a quotation is closed with the mark that opened it; a letter written
    with the opening mark (the ʻokina) opens nothing."""
    from explainer.understand.standalone import standalone

    article = one_paragraph_article(text)
    assert standalone(article, article.sentences[0]).text == shown


def test_a_word_the_articles_also_write_in_lowercase_is_no_short_name():
    """"Rail workers will return" opens on "Rail", not on Southern Cross Rail's short name:
    the articles write "rail" as a word too."""
    from explainer.understand.standalone import in_full, speakers_in, story_names

    article = ("Southern Cross Rail said services would resume.", "The rail union agreed.",
               "Glenn Harper said the bridge was safe.")
    names, speaking = story_names((article,)), speakers_in(article)
    assert in_full("Rail workers will return on Monday.", names, speaking)[0] == \
        "Rail workers will return on Monday."
    assert in_full("Harper said the trains were safe.", names, speaking)[0] == \
        "[Glenn] Harper said the trains were safe."
