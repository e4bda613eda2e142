"""How well the rules say what each sentence is about, against an editor's hand labels.

Each labelled story is a seeds folder plus one labels file per article
(`<article slug>.labels.yml`, format and principles in tests/labels/README.md): for every
sentence, the topics it is `about` (required) and the topics it may `also` be on (acceptable).
Labels were made by hand before looking at what the rules do.

Scored on (sentence, topic) pairs, micro-averaged per story, with the rules alone (the
editor's `include`/`exclude` overrides are removed first):

    recall    = required pairs found / required pairs
    precision = found pairs that are required or acceptable / found pairs

`python tests/understand/test_topics_accuracy.py` prints the table guides/benchmarks.md shows.
When a score drops, improve the rules in explainer/understand/classify.py or the signals in a topics.yml
with phrases an editor would write for any article on the story, never with text copied from
the labelled articles.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

# Run as a script too (`python tests/understand/test_topics_accuracy.py`): the project and
# tests/ on the path, as pytest's configuration puts them.
sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parents[1])]

from explainer.model import Article, Explainer  # noqa: E402
from explainer.pipeline import build_explainer  # noqa: E402
from explainer.read.seedfiles import scan_seeds  # noqa: E402
from project_tools import ROOT, rules_only_seeds  # noqa: E402

LABELS = ROOT / "tests" / "labels"
BAR = 0.95
# Stories known to be below the bar, and why (guides/benchmarks.md's table shows their scores). Their
# tests are expected failures, strictly: once the rules reach the bar, the entry must go.
BELOW_BAR = {
    "north-korea-frozen-funds": "recall 0.86: five required labels are a second topic carried "
                                "by meaning alone, with no word of that topic in the sentence",
    "colonial-pipeline-ransomware": "recall 0.88, precision 0.88: its signals were written "
                                    "before any rule ran and never revised against --explain "
                                    "('cyberattack' and 'refined products' put the background "
                                    "on pipelines on the shutdown page), and a lead whose "
                                    "subject is one topic ('The Department of Justice … has "
                                    "seized 63.7 bitcoins') goes to the topic of its object",
    "eskerton-hospital-closure": "recall 0.82, precision 0.88: measured as written, its "
                                 "signals never revised against --explain; a reason told "
                                 "without the topic's words ('Fewer patients are staying "
                                 "overnight') and quotes of colour ('You don't just lose a "
                                 "hospital') land on the neighbouring topic",
    "lake-ashcombe-algae-bloom": "recall 0.89, precision 0.92: measured as written, its "
                                 "signals never revised against --explain; the newest "
                                 "readings answer both 'is it safe?' and 'which parts are "
                                 "open?' and land only on the second, and the warning that "
                                 "blooms will come back ('Decades of runoff have left "
                                 "phosphorus…') speaks the causes' words",
    "lathrop-falls-school-roof": "recall 0.71, precision 0.79: measured as written, held out "
                                 "from every rule change before it; six topics that share one "
                                 "subject (the roof) and signals of the subject itself ('roof', "
                                 "'design') put the background and the repairs on the why page, "
                                 "and who signed off is told without the blame topic's words",
    "east-palestine-derailment": "recall 0.90, precision 0.91: measured as written, held out "
                                 "from every rule change (no rule was changed after its first "
                                 "measurement)",
    "key-bridge-collapse": "recall 0.81, precision 0.87: measured as written, held out from every "
                           "rule change (no rule was changed after its first measurement)",
    "port-halden-ballpark-referendum": "recall 0.69, precision 0.81: measured as written, "
                                       "before any change for it; the campaign's arguments "
                                       "are told in the words of what the ballpark would "
                                       "cost and do for the neighbourhood",
    "brevane-pressure-cooker-trial": "recall 0.76, precision 0.75: measured as written, before "
                                     "any change for it; a trial's evidence is told in the "
                                     "words of the jury ('Jurors were shown an email …'), "
                                     "which the verdict's signals hold",
    "ostrander-court-evictions": "recall 0.77, precision 0.78: measured as written, before any "
                                 "change for it",
    "alaska-1282-door-plug": "recall 0.76, precision 0.83: held out (its mistakes are not read)",
    "maui-wildfire-aid": "recall 0.83, precision 0.87: measured as written, before any change "
                         "for it",
    "varrow-county-911-outage": "recall 0.79, precision 0.75: measured as written, before any "
                                "change for it",
    "theranos-fraud-case": "recall 0.96, precision 0.86: measured as written, before any "
                           "change for it",
    "vaping-lung-injury": "recall 0.73, precision 0.65: held out (no rule was changed after "
                          "its first measurement, and its mistakes are not read)",
    "salmonella-saintpaul-2008": "recall 0.80, precision 0.80: held out (its mistakes are not "
                                 "read)",
    "calder-street-bridge-cracks": "recall 0.73, precision 0.79: measured as written, before "
                                   "any change for it; what residents say and who is to "
                                   "blame are told in the words of what happened ('Everybody "
                                   "could see it'), and the repairs to come ('Crews will bolt "
                                   "steel plates over the cracked sections') in the words of "
                                   "the cracks",
    "amtrak-188-derailment": "recall 0.87, precision 0.88: measured as written, before any "
                             "change for it",
    "infant-formula-shortage-2022": "recall 0.92, precision 0.93: measured as written, before "
                                    "any change for it",
    "rock-n-play-sleeper-recall": "recall 0.84, precision 0.88: first measured at 0.84 and "
                                  "0.83; a statement's own 'we' is read as its outlet since",
    "texas-winter-storm-2021": "recall 0.66, precision 0.81: measured as written, before any "
                               "change for it",
    "measles-outbreak-2015": "recall 0.90, precision 0.79: measured as written, before any "
                             "change for it",
    "gold-king-mine-spill": "recall 0.82, precision 0.80: first measured at 0.82 and 0.62; "
                            "a line the page addresses to its reader ('Get the latest "
                            "updates on …') is about no topic since, and a list's items "
                            "after 'including' stand in its side clause",
    "corlen-boil-water-notice": "recall 0.77, precision 0.71: held out (its mistakes are not "
                                "read)",
    "suez-canal-blockage": "recall 0.82, precision 0.73: held out (its mistakes are not read)",
    "panama-canal-drought": "recall 0.72, precision 0.84: held out (its mistakes are not read)",
    "crane-hollow-landfill-fire": "recall 0.92, precision 0.89: held out, labelled by a "
                                  "helper who never saw the rules' output (its mistakes are "
                                  "not read)",
    "merrimack-valley-gas-explosions": "recall 0.85, precision 0.97: held out, labelled by a "
                                       "helper who never saw the rules' output (its mistakes "
                                       "are not read)",
    "stellwood-ammonia-leak": "recall 0.80, precision 0.81: labelled by a helper who never "
                              "saw the rules' output, measured before any change for it",
    "wyndle-lake-drawdown": "recall 0.72, precision 0.73: held out, labelled by a helper who "
                            "never saw the rules' output (its mistakes are not read)",
    "pellham-mill-closure": "recall 0.83, precision 0.84: labelled by a helper who never saw "
                            "the rules' output, measured before any change for it",
    "harrow-air-shutdown": "recall 0.84, precision 0.77: labelled by a helper who never saw "
                           "the rules' output, measured before any change for it",
    "larkin-pass-landslide": "recall 0.85, precision 0.83: held out, labelled by a helper who "
                             "never saw the rules' output (its mistakes are not read)",
    "rana-plaza-collapse": "recall 0.88, precision 0.81: VOA texts labelled by a helper who "
                           "never saw the rules' output, measured as written",
    "zimbabwe-power-sharing": "recall 0.81, precision 0.92: VOA texts labelled by a helper "
                              "who never saw the rules' output, measured as written",
    "gannet-island-ferry": "recall 0.69, precision 0.77: held out, labelled by a helper who "
                           "never saw the rules' output (its mistakes are not read)",
    "brannock-data-center": "recall 0.77, precision 0.81: labelled by a helper who never saw "
                            "the rules' output, measured before any change for it",
    "corvell-county-recount": "recall 0.84, precision 0.75: labelled by a helper who never "
                              "saw the rules' output, measured before any change for it",
    "ellery-state-program-cuts": "recall 0.79, precision 0.72: labelled by a helper who never "
                                 "saw the rules' output, measured before any change for it",
    "mh370-disappearance": "recall 0.68, precision 0.74: VOA texts held out, labelled by a "
                           "helper who never saw the rules' output (its mistakes are not read)",
    "tessford-pfas-wells": "recall 0.89, precision 0.83: labelled by a helper who never saw "
                           "the rules' output, measured before any change for it",
    "necc-meningitis-outbreak": "recall 0.85, precision 0.95: government texts labelled by a "
                                "helper who never saw the rules' output, measured as written",
    "ebola-west-africa-2014": "recall 0.81, precision 0.81: VOA texts held out, labelled by a "
                              "helper who never saw the rules' output (its mistakes are not "
                              "read)",
    "brenning-four-day-week": "recall 0.83, precision 0.80: labelled by a helper who never "
                              "saw the rules' output, measured before any change for it",
    "wells-fargo-fake-accounts": "recall 0.88, precision 0.86: government texts labelled by a "
                                 "helper who never saw the rules' output, measured before any "
                                 "change for it",
    "kenya-2017-election-rerun": "recall 1.00, precision 0.78: VOA texts held out, labelled "
                                 "by a helper who never saw the rules' output (its mistakes "
                                 "are not read)",
    "starliner-crew-flight-test": "recall 0.94, precision 0.88: NASA texts labelled by a helper "
                                  "who never saw the rules' output, measured before any change "
                                  "for it",
    "marlow-scooter-ban": "recall 0.72, precision 0.62: labelled by a helper who never saw the "
                          "rules' output, measured before any change for it",
    "aldine-library-book-challenge": "recall 0.70, precision 0.76: labelled by a helper who "
                                     "never saw the rules' output, measured before any change "
                                     "for it",
    "iran-nuclear-deal": "recall 0.83, precision 0.80: VOA texts labelled by a helper who never "
                         "saw the rules' output, measured before any change for it",
    "mexican-tomato-suspension-agreement": "recall 0.83, precision 0.83: Commerce Department "
                                           "texts held out, labelled by a helper who never saw "
                                           "the rules' output (its mistakes are not read)",
    "romaine-yuma-ecoli-2018": "recall 0.97, precision 0.88: CDC texts labelled by a helper "
                               "who never saw the rules' output, measured before any change "
                               "for it",
    "tarrow-state-lab-misconduct": "recall 0.81, precision 0.90: labelled by a helper who never "
                                   "saw the rules' output, measured before any change for it",
    "haiti-earthquake-2010": "recall 0.78, precision 0.91: VOA texts labelled by a helper who "
                             "never saw the rules' output, measured before any change for it",
    "kellum-dna-exoneration": "recall 0.72, precision 0.76: labelled by a helper who never saw "
                              "the rules' output, measured before any change for it",
    "student-loan-cancellation": "recall 0.95, precision 0.93: CRS texts labelled by a helper "
                                 "who never saw the rules' output, measured before any change "
                                 "for it",
    "ivory-coast-election-standoff": "recall 0.92, precision 0.89: VOA texts held out, labelled "
                                     "by a helper who never saw the rules' output (its "
                                     "mistakes are not read)",
    "halvorsen-corbett-merger": "recall 0.84, precision 0.85: labelled by a helper who never "
                                "saw the rules' output, measured before any change for it",
    "adhd-medication-shortage": "recall 0.75, precision 0.85: CRS, FDA and DEA texts labelled "
                                "by a helper who never saw the rules' output, measured before "
                                "any change for it",
    "brackwater-hospital-ransomware": "recall 0.81, precision 0.82: held out, labelled by a "
                                      "helper who never saw the rules' output (its mistakes "
                                      "are not read)",
    "mpox-outbreak-2022": "recall 0.96, precision 0.75: HHS and CDC texts labelled by a helper "
                          "who never saw the rules' output, measured before any change for it",
    "pellston-ferry-levee-breach": "recall 0.69, precision 0.74: four articles labelled by a "
                                   "helper who never saw the rules' output, measured before "
                                   "any change for it",
    "typhoon-haiyan-philippines": "recall 0.87, precision 0.98: VOA texts held out, labelled "
                                  "by a helper who never saw the rules' output (its mistakes "
                                  "are not read)",
    "orland-heights-police-oversight": "recall 0.80, precision 0.75: labelled by a helper who "
                                       "never saw the rules' output, measured before any "
                                       "change for it",
    "sewol-ferry-sinking": "recall 0.92, precision 0.93: VOA texts held out, labelled by a "
                           "helper who never saw the rules' output (its mistakes are not read)",
    "harlow-transit-budget-gap": "recall 0.69, precision 0.77: five articles labelled by a "
                                 "helper who never saw the rules' output, measured before any "
                                 "change for it",
    "boeing-737-max-grounding": "recall 0.88, precision 0.96: VOA texts labelled by a helper "
                                "who never saw the rules' output, measured before any change "
                                "for it",
    "deepwater-horizon-spill": "recall 0.71, precision 0.87: VOA texts labelled by a helper "
                               "who never saw the rules' output, measured before any change "
                               "for it",
    "quillan-county-reassessment": "recall 0.82, precision 0.79: labelled by a helper who never "
                                   "saw the rules' output, measured before any change for it",
    "chile-miners-rescue-2010": "recall 0.79, precision 0.84: VOA texts held out, labelled by a "
                                "helper who never saw the rules' output (its mistakes are not "
                                "read)",
    "wrenfield-airport-service-loss": "recall 0.84, precision 0.84: held out, labelled by a "
                                      "helper who never saw the rules' output (its mistakes "
                                      "are not read)",
    "flint-water-crisis": "recall 0.96, precision 0.95, at the bar, but an article's labelled "
                          "topic is on no page: CDC and EPA texts held out, labelled by a "
                          "helper who never saw the rules' output (its mistakes are not read)",
    "wickerston-elementary-merger": "recall 0.81, precision 0.77: held out, labelled by a helper "
                                    "who never saw the rules' output (its mistakes are not "
                                    "read)",
    "hurricane-maria-puerto-rico-grid": "recall 0.85, precision 0.92: VOA texts held out, "
                                        "labelled by a helper who never saw the rules' output "
                                        "(its mistakes are not read)",
    "wescott-county-ambulance": "recall 0.86, precision 0.81: held out, labelled by a helper who "
                                "never saw the rules' output (its mistakes are not read)",
    "fukushima-daiichi-nuclear-crisis": "recall 0.85, precision 0.79: VOA texts labelled by a "
                                        "helper who never saw the rules' output, measured "
                                        "before any change for it",
    "tollans-market-bankruptcy": "recall 0.83, precision 0.79: labelled by a helper who never "
                                 "saw the rules' output, measured before any change for it",
    "us-china-tariffs-2018": "recall 0.71, precision 0.73: VOA texts labelled by a helper who "
                             "never saw the rules' output, measured before any change for it",
    "marrick-hollow-school-funding-ruling": "recall 0.81, precision 0.77: labelled by a helper "
                                            "who never saw the rules' output, measured before "
                                            "any change for it",
    "notre-dame-fire-2019": "recall 0.80, precision 0.93: VOA texts labelled by a helper who "
                            "never saw the rules' output, measured before any change for it",
    "corriston-gas-hookup-ban": "recall 0.88, precision 0.84: labelled by a helper who never "
                                "saw the rules' output, measured before any change for it",
    "volkswagen-diesel-emissions": "recall 0.83, precision 0.79: EPA texts labelled by a helper "
                                   "who never saw the rules' output, measured before any change "
                                   "for it",
    "zika-virus-2016": "recall 0.81, precision 0.88: White House, CDC and CRS texts labelled by a "
                       "helper who never saw the rules' output, measured before any change for it",
    "penwick-nurses-strike": "recall 0.75, precision 0.75: labelled by a helper who never saw "
                             "the rules' output, measured before any change for it",
    "dart-asteroid-impact": "recall 0.78, precision 0.86: VOA and NASA texts labelled by a helper "
                            "who never saw the rules' output (0.81 recall as first measured; "
                            "the lede, 'is making final preparations to crash', tells what is "
                            "to come and has left a topic asking why it was done)",
    "ellsford-phone-ban": "recall 0.82, precision 0.89: labelled by a helper who never saw the "
                          "rules' output, measured before any change for it",
    "pacific-northwest-heat-wave-2021": "recall 0.94, precision 0.73: VOA, NOAA and CDC texts held "
                                        "out, labelled by a helper who never saw the rules' "
                                        "output (its mistakes are not read)",
    "dunmere-crane-collapse": "recall 0.89, precision 0.80: held out, labelled by a helper who "
                              "never saw the rules' output (its mistakes are not read)",
    "eyjafjallajokull-ash-cloud-2010": "recall 0.78, precision 0.84: VOA texts held out, "
                                       "labelled by a helper who never saw the rules' output "
                                       "(its mistakes are not read)",
    "sawtell-valley-power-shutoffs": "recall 0.69, precision 0.70: held out, labelled by a "
                                     "helper who never saw the rules' output (its mistakes are "
                                     "not read)",
    "titan-submersible-implosion": "recall 0.77, precision 0.79: VOA, Air Force and Coast Guard "
                                   "texts held out, labelled by a helper who never saw the "
                                   "rules' output (its mistakes are not read)",
    "silicon-valley-bank-collapse": "recall 0.89, precision 0.97: FDIC and Federal Reserve texts "
                                    "held out, labelled by a helper who never saw the rules' "
                                    "output (its mistakes are not read)",
    "beirut-port-explosion-2020": "recall 0.92, precision 0.87: USAID, CRS and State Department "
                                  "texts labelled by a helper who never saw the rules' output, "
                                  "measured before any change for it",
    "equifax-data-breach-2017": "recall 0.82, precision 0.80: FTC and Justice Department texts "
                                "held out, labelled by a helper who never saw the rules' output "
                                "(its mistakes are not read)",
    "callowell-bus-driver-shortage": "recall 0.74, precision 0.64: held out, labelled by a helper "
                                     "who never saw the rules' output (its mistakes are not "
                                     "read)",
    "veldon-rent-stabilization": "recall 0.77, precision 0.81: labelled by a helper who never "
                                 "saw the rules' output, measured before any change for it",
    "hurricane-harvey-houston-flooding": "recall 0.87, precision 0.92: Army Corps, FEMA and NOAA "
                                         "texts labelled by a helper who never saw the rules' "
                                         "output, measured before any change for it",
    "ferncastle-school-lead-tests": "recall 0.76, precision 0.79: labelled by a helper who never "
                                    "saw the rules' output, measured before any change for it",
    "jackson-water-crisis-2022": "recall 0.77, precision 0.91: FEMA and EPA texts labelled by a "
                                 "helper who never saw the rules' output (as first measured, when "
                                 "the segmenter cut 'O.B. Curtis' in two; 0.80 once joined, 0.77 "
                                 "since the audit's heading is furniture)",
}
OVERSIZED_SHARE = 0.5


@dataclass(frozen=True)
class LabelledStory:
    """A seeds folder, extra articles to build with it, and the folder holding its labels."""

    name: str
    seeds: Path
    labels: Path
    extra_articles: tuple[Path, ...] = ()
    requires: str = ""  # an article the seeds folder must hold for the labels to apply
    # Reference texts (`<article>.txt` + `.meta.yml`) of articles the seeds hold in a form the
    # generator can't read yet (saved web pages): used only while the seeds hold no readable
    # article, so the story is measured on its own seeds once their reader exists.
    reference_texts: Path | None = None


def labelled_stories() -> list[LabelledStory]:
    stories = [
        # The shipped story with two follow-ups written for it (tests/fixtures/followups/).
        LabelledStory("shipped story (seeds/ + 2 follow-ups)", ROOT / "seeds", LABELS,
                      tuple(sorted((ROOT / "tests" / "fixtures" / "followups").glob("*.txt"))),
                      requires="turkey-s400-f35.txt"),
        LabelledStory("example: lead pipes", ROOT / "examples" / "lead-pipes" / "seeds", LABELS),
    ]
    for folder in sorted((ROOT / "tests" / "stories").glob("*/")):
        expected = folder / "expected"
        stories.append(LabelledStory(folder.name, folder / "seeds", folder / "labels",
                                     reference_texts=expected if expected.is_dir() else None))
    return stories


STORIES = labelled_stories()


@dataclass(frozen=True)
class Label:
    anchor: str
    about: frozenset[str]
    also: frozenset[str]


def load_labels(path: Path) -> dict[str, Label]:
    """Sentence text → its labels."""
    entries = yaml.safe_load(path.read_text("utf-8")) or []
    return {e["text"]: Label(e.get("id", ""), frozenset(e.get("about") or ()),
                             frozenset(e.get("also") or ())) for e in entries}


def rules_only(story: LabelledStory, workdir: Path) -> Path:
    """A copy of a story's seeds folder (plus extra articles, or its reference texts while the
    seeds hold no article the generator reads) whose topics have no editor's overrides."""
    extra = list(story.extra_articles)
    if story.reference_texts and not scan_seeds(story.seeds).articles:
        extra += sorted(story.reference_texts.glob("*.txt"))
        extra += sorted(story.reference_texts.glob("*.meta.yml"))
    return rules_only_seeds(story.seeds, workdir / "seeds", extra)


@dataclass
class Score:
    found: int = 0
    found_acceptable: int = 0
    required: int = 0
    required_found: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found_acceptable / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.required_found / self.required if self.required else 1.0

    def add(self, article: Article, labels: dict[str, Label]) -> None:
        for sentence in article.sentences:
            label = labels[sentence.text]
            found = set(sentence.topics)
            self.found += len(found)
            self.found_acceptable += len(found & (label.about | label.also))
            self.required += len(label.about)
            self.required_found += len(found & label.about)
            wrong = found - label.about - label.also
            missing = label.about - found
            if wrong or missing:
                marks = [f"+{t}" for t in sorted(wrong)] + [f"-{t}" for t in sorted(missing)]
                self.mistakes.append(f"{article.slug}#{sentence.anchor} {' '.join(marks)}: "
                                     f"{sentence.text[:80]}")


@dataclass
class Result:
    story: LabelledStory
    explainer: Explainer | None
    labels: dict[str, dict[str, Label]]  # article slug → its labels
    skipped: str = ""


def evaluate(story: LabelledStory, workdir: Path) -> Result:
    if not story.seeds.is_dir():
        return Result(story, None, {}, skipped=f"{story.seeds} is missing")
    if story.requires and not (story.seeds / story.requires).is_file():
        # A fork that replaced seeds/ with its own story: these labels are the Turkey story's.
        return Result(story, None, {}, skipped=f"seeds/ holds another story (no "
                                                f"{story.requires}): its labels don't apply")
    explainer = build_explainer(rules_only(story, workdir))
    labels = {a.slug: load_labels(story.labels / f"{a.slug}.labels.yml")
              for a in explainer.articles if (story.labels / f"{a.slug}.labels.yml").is_file()}
    if not labels:
        # A fork that replaced seeds/ with its own story has no labels for it yet.
        return Result(story, explainer, {}, skipped=f"seeds/ holds another story: no labels "
                                                    f"for the articles in {story.seeds.name}/")
    return Result(story, explainer, labels)


def score(result: Result) -> Score:
    total = Score()
    for article in result.explainer.articles:
        if article.slug in result.labels:
            total.add(article, result.labels[article.slug])
    return total


@pytest.fixture(scope="module", params=STORIES, ids=[s.name for s in STORIES])
def result(request, tmp_path_factory) -> Result:
    outcome = evaluate(request.param, tmp_path_factory.mktemp("story"))
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    return outcome


def test_labels_cover_every_sentence(result):
    """Labels are matched to sentences by text: both sides must agree on what the sentences are."""
    topics = {t.slug for t in result.explainer.story.topics}
    for article in result.explainer.articles:
        labels = result.labels.get(article.slug)
        if labels is None:
            continue
        texts = {s.text for s in article.sentences}
        assert texts == set(labels), (
            f"{article.slug}: segmented but unlabelled: {sorted(texts - set(labels))}; "
            f"labelled but not segmented: {sorted(set(labels) - texts)}")
        used = {t for label in labels.values() for t in label.about | label.also}
        assert used <= topics, f"{article.slug}: labels use unknown topics {sorted(used - topics)}"


# Of those, the stories where some labelled article gets nothing on a topic it has a sentence for.
MISSES_A_TOPIC = frozenset({"north-korea-frozen-funds", "lathrop-falls-school-roof",
                            "key-bridge-collapse", "vaping-lung-injury", "alaska-1282-door-plug",
                            "infant-formula-shortage-2022", "panama-canal-drought",
                            "rana-plaza-collapse", "wells-fargo-fake-accounts",
                            "starliner-crew-flight-test", "aldine-library-book-challenge",
                            "iran-nuclear-deal", "harlow-transit-budget-gap",
                            "tarrow-state-lab-misconduct", "adhd-medication-shortage",
                            "mpox-outbreak-2022", "pellston-ferry-levee-breach",
                            "typhoon-haiyan-philippines", "deepwater-horizon-spill",
                            "flint-water-crisis", "beirut-port-explosion-2020",
                            "jackson-water-crisis-2022", "corriston-gas-hookup-ban"})
# Those of them whose recall and precision reach the bar (below it in another test only).
AT_THE_BAR = frozenset({"flint-water-crisis"})
# And those where some topic holds most of an article the labels don't give it.
OVERSIZES_A_TOPIC = frozenset({"vaping-lung-injury", "orland-heights-police-oversight",
                               "rock-n-play-sleeper-recall",
                               "measles-outbreak-2015",
                               "rana-plaza-collapse", "wells-fargo-fake-accounts",
                               "kenya-2017-election-rerun", "marlow-scooter-ban",
                               "harlow-transit-budget-gap", "haiti-earthquake-2010",
                               "us-china-tariffs-2018", "pacific-northwest-heat-wave-2021",
                               "titan-submersible-implosion"})


def expect_below_bar(request, result: Result, among: frozenset[str] | None = None) -> None:
    """A story known to be below the bar is an expected failure, strictly: it must fail."""
    reason = BELOW_BAR.get(result.story.name)
    if reason and (among is None or result.story.name in among):
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))


def test_about_topics_match_the_editor(request, result):
    expect_below_bar(request, result, frozenset(BELOW_BAR) - AT_THE_BAR)
    total = score(result)
    report = "\n".join([f"P={total.precision:.3f} R={total.recall:.3f}", *total.mistakes])
    print(f"\n{result.story.name}: {report}")
    assert total.recall >= BAR and total.precision >= BAR, (
        f"{result.story.name}: below {BAR}\n{report}")


def test_no_topic_is_about_most_of_an_article_unless_the_labels_say_so(request, result):
    """A topic page that holds most of an article is the article again, unless the editor's
    labels put most of its sentences there (as required or acceptable)."""
    expect_below_bar(request, result, OVERSIZES_A_TOPIC)
    for article in result.explainer.articles:
        labels = result.labels.get(article.slug)
        if labels is None:
            continue
        half = OVERSIZED_SHARE * len(article.sentences)
        for topic in result.explainer.story.topics:
            found = sum(topic.slug in s.topics for s in article.sentences)
            allowed = sum(topic.slug in label.about | label.also for label in labels.values())
            assert found <= half or allowed > half, (
                f"{article.slug}: '{topic.slug}' is about {found} of {len(article.sentences)} "
                f"sentences; the editor's labels allow {allowed}")


def test_every_labelled_article_gets_every_required_topic_somewhere(request, result):
    """No topic page goes empty when the editor says an article has something for it."""
    expect_below_bar(request, result, MISSES_A_TOPIC)
    for article in result.explainer.articles:
        labels = result.labels.get(article.slug)
        if labels is None:
            continue
        required = {t for label in labels.values() for t in label.about}
        found = {t for s in article.sentences for t in s.topics}
        assert required <= found, f"{article.slug}: nothing found for {sorted(required - found)}"


def table(workdir: Path) -> str:
    """The table in guides/benchmarks.md: one row per labelled story."""
    rows = ["| story | articles | sentences | required labels | recall | precision |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for index, story in enumerate(STORIES):
        outcome = evaluate(story, workdir / str(index))
        if outcome.skipped:
            continue
        total = score(outcome)
        sentences = sum(len(a.sentences) for a in outcome.explainer.articles
                        if a.slug in outcome.labels)
        rows.append(f"| {story.name} | {len(outcome.labels)} | {sentences} | {total.required} "
                    f"| {total.recall:.2f} | {total.precision:.2f} |")
    return "\n".join(rows)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        print(table(Path(directory)))
