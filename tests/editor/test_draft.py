"""`build.py --draft` (explainer/editor/draft.py) and drafts on the workbench: drafted files go
into seeds/drafts/ and nowhere else, hold only what the editor's files lack, are used and
marked on the site at once, and keep `--strict` (so `mkdocs build --strict`) failing until
reviewed."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

import build
from project_tools import ENVIRONMENT, ROOT, TESTS, copy_code, mkdocs_build

STORY = TESTS / "stories" / "north-korea-frozen-funds"


def saved_pages(folder: Path) -> Path:
    """Three saved pages of a story the project ships no data for: the articles alone."""
    folder.mkdir(parents=True)
    for page in (STORY / "seeds").glob("*.html"):
        shutil.copy(page, folder / page.name)
    return folder


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.iterdir() if p.is_file()}


def draft(seeds: Path, capsys) -> str:
    assert build.main(["--draft", "--seeds", str(seeds)]) == 0
    return capsys.readouterr().out


def drafted(seeds: Path, name: str) -> dict:
    return yaml.safe_load((seeds / "drafts" / name).read_text("utf-8"))


def test_a_story_of_saved_pages_drafts_every_file_into_drafts(tmp_path, capsys):
    seeds = saved_pages(tmp_path / "seeds")
    before = digests(seeds)
    out = draft(seeds, capsys)
    assert digests(seeds) == before  # nothing beside drafts/ touched
    assert sorted(p.name for p in (seeds / "drafts").iterdir()) == [
        "explainer.yml", "glossary.yml", "timeline.yml", "topics.yml"]
    assert f"drafted {seeds}/drafts/glossary.yml: " in out
    topics = drafted(seeds, "topics.yml")["topics"]
    assert 3 <= len(topics) <= 6 and all(t["signals"] and t["question"] for t in topics)
    terms = {t["term"]: t for t in drafted(seeds, "glossary.yml")["terms"]}
    # a person without his title, the surname as an alias, the title quoted as definition
    assert terms["Daniel Glaser"]["aliases"] == ["Glaser"]
    assert terms["Daniel Glaser"]["definition"] == "U.S. Deputy Assistant Treasury Secretary"
    assert terms["Daniel Glaser"]["quote"] == "us-treasury-macau-frozen-accounts#p2s1"
    # an acronym with its expansion
    assert "IAEA" in terms["International Atomic Energy Agency"]["aliases"]
    events = drafted(seeds, "timeline.yml")["events"]
    frozen = next(e for e in events if "two years ago" in e["text"])
    assert frozen["date"] == "2005" and "counted from the article's date" in frozen["resolved"]
    assert any(e["date"] == "2007-02" and "earlier this month" in e["text"] for e in events)
    assert all(e["mentions"] and e["mentions"][0] in e["text"] for e in events)


@pytest.mark.parametrize(("before", "acronym", "expansion"), [
    ("staff of the International Atomic Energy Agency", "IAEA", "International Atomic Energy Agency"),
    # a small word may give a letter ...
    ("generators in the Electric Reliability Council of Texas", "ERCOT",
     "Electric Reliability Council of Texas"),
    ("officials of the Federal Bureau of Investigation", "FBI", "Federal Bureau of Investigation"),
    # ... and one capitalised word none
    ("staff from FERC and the North American Electric Reliability Corporation", "NERC",
     "North American Electric Reliability Corporation"),
    ("the Centers for Disease Control and Prevention", "CDC",
     "Centers for Disease Control and Prevention"),
    # an acronym of another language's words has no English expansion, and a word that opens
    # sentences ("According") opens no name
    ("According to the Panama Canal Authority", "APC", None),
    ("the Panama Canal Authority", "ACP", None),
    # a term's expansion in lowercase, each word giving its letter; not a sentence's words
    ("the first case of highly pathogenic avian influenza", "HPAI",
     "highly pathogenic avian influenza"),
    ("officials said the plan is at issue", "PIAI", None),
    # each part of a hyphenated word may give its letter
    ("the sampler, the Pick-and-Go Sample Arm", "PAGSA", "Pick-and-Go Sample Arm"),
    # each letter of an abbreviation with dots gives one; a plural acronym spells its singular
    ("the U.S. Agency for Rural Housing", "USARH", "U.S. Agency for Rural Housing"),
    ("levels of volatile organic compounds", "VOCs", "volatile organic compounds"),
])
def test_an_acronym_is_spelled_by_the_initials_before_it(before, acronym, expansion):
    from explainer.editor.draft import expansion_before
    assert expansion_before(before, acronym) == expansion


def test_a_phrase_used_only_inside_a_longer_one_is_no_term_of_its_own():
    from explainer.editor.draft import only_within_a_longer
    phrases = {("lower", "actual", "demand"): {1, 2}, ("lower", "actual"): {1, 2},
               ("actual", "demand"): {1, 2, 3}}
    # "actual demand" is used alone too (sentence 3)
    assert only_within_a_longer(phrases) == {("lower", "actual")}


def test_a_term_only_ever_used_inside_a_longer_term_is_no_entry_of_its_own():
    from explainer.editor.draft import only_inside_longer_terms
    first = ("a", SimpleNamespace(text="It is highly pathogenic avian influenza, or HPAI."))
    second = ("a", SimpleNamespace(
        text="After highly pathogenic avian influenza was found, HPAI tests began."))
    third = ("a", SimpleNamespace(text="Avian influenza spreads in spring."))
    candidates = {"highly pathogenic avian influenza": [first, second],
                  "pathogenic avian influenza": [first, second],
                  "avian influenza": [first, second, third], "HPAI": [first, second]}
    # "avian influenza" stands alone in the third sentence
    assert only_inside_longer_terms(candidates) == {"pathogenic avian influenza"}


def test_a_key_phrase_runs_across_no_figure_and_no_web_address():
    from explainer.editor.draft import key_phrases, rare_terms
    phrases = key_phrases("Engineers will chill the spare to about minus 30 degrees Celsius.")
    assert "degrees Celsius" in phrases and "minus degrees Celsius" not in phrases
    assert "noaa" not in rare_terms("NOAA will post updates at noaa.gov/pws and on x.com.")
    assert "S. envoy" not in rare_terms("The U.S. envoy met them.")  # not "E. coli"
    assert "E. coli" in rare_terms("An E. coli outbreak spread.")
    assert "bn modernisation programme" not in key_phrases(
        "The £2.3bn modernisation programme will close offices.")


def test_an_everyday_word_ending_a_place_is_no_ones_short_name():
    from explainer.editor.draft import merge_aliases
    groups = merge_aliases({"Main Street": [], "Street": [], "Ruth Kessler": [], "Kessler": []})
    assert groups["Ruth Kessler"] == ["Kessler"] and "Street" in groups


def test_a_count_or_a_measure_is_no_term():
    from explainer.editor.draft import always_counted
    assert always_counted("six workers", ["The six workers were named."])
    assert always_counted("feet wide", ["It is 700 feet wide.", "It was 400 feet wide."])
    # a term may be counted, as long as it stands alone somewhere
    assert not always_counted("split shifts", ["He works two split shifts.",
                                               "Split shifts are long."])
    assert not always_counted("crop insurance", ["It paid 40 crop insurance claims.",
                                                 "Crop insurance pays."])


def test_an_acronym_and_the_name_it_stands_for_are_one_entry():
    from explainer.editor.draft import merge_aliases

    def uses(text):
        return [("a", SimpleNamespace(text=text))]
    bracketed = "The Office of Rural and Urban Housing (RUH) met."
    after_dots = "The U.S. Bureau of Land Records said so; LRB staff agreed. USBLR did too."
    candidates = {"Office of Rural and Urban Housing": uses(bracketed), "RUH": uses(bracketed),
                  "weather balloon sites": uses("We saw weather balloon sites (WBSs)."),
                  "WBSs": uses("We saw weather balloon sites (WBSs)."),
                  "Bureau of Land Records": uses(after_dots), "USBLR": uses(after_dots)}
    groups = merge_aliases(candidates)
    # in brackets after the name, though its initials spell more; a plural acronym of a
    # lowercase term; the letters of "U.S." before the name
    assert groups["Office of Rural and Urban Housing"] == ["RUH"]
    assert groups["weather balloon sites"] == ["WBSs"]
    # ... but a news agency's credit in a dateline is no short name of the place (Z1's)
    credit = "ATHENS, Greece (AP) — A stationmaster was charged."
    assert merge_aliases({"Greece": uses(credit), "AP": uses(credit)}) == {"Greece": [],
                                                                           "AP": []}
    assert groups["Bureau of Land Records"] == ["USBLR"]


def test_drafting_again_changes_nothing_and_leaves_the_editors_files_alone(tmp_path, capsys):
    seeds = saved_pages(tmp_path / "seeds")
    draft(seeds, capsys)
    (seeds / "explainer.yml").write_text("title: Frozen funds\nsummary: The money and the "
                                         "talks.\n", "utf-8")
    editor = digests(seeds)
    out = draft(seeds, capsys)
    assert digests(seeds) == editor
    assert not (seeds / "drafts" / "explainer.yml").exists()  # the editor wrote one
    assert "removed" in out and "explainer.yml" in out
    assert "0 file(s) changed" in draft(seeds, capsys)


def test_drafting_never_writes_through_a_link_planted_in_the_drafts_folder(tmp_path, capsys):
    """A seeds folder (a pull request, say: git carries links) may hold a link where a
    temporary file could be named: drafting writes its own new temporary files, and nothing
    outside reaches the drafts or changes."""
    seeds = saved_pages(tmp_path / "seeds")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me\n", "utf-8")
    (seeds / "drafts").mkdir()
    for name in ("explainer", "topics", "glossary", "timeline"):
        (seeds / "drafts" / f".{name}.yml.tmp").symlink_to(outside)
    draft(seeds, capsys)
    assert outside.read_text("utf-8") == "keep me\n"
    for name in ("topics.yml", "glossary.yml", "timeline.yml"):
        path = seeds / "drafts" / name
        assert path.is_file() and not path.is_symlink() and "keep me" not in path.read_text()


def test_drafts_are_the_same_on_every_run():
    """Python salts its set order per process: a draft that followed it would change the
    editor's files (and their review) on every run. Two processes, two salts, one draft."""
    seeds = TESTS / "stories" / "drought-2012" / "seeds"
    script = ("import json, sys; from pathlib import Path; "
              "from explainer.editor.draft import draft_files; "
              "print(json.dumps(draft_files(Path(sys.argv[1])), sort_keys=True))")
    runs = [subprocess.run([sys.executable, "-c", script, str(seeds)], cwd=ROOT, check=True,
                           env={**ENVIRONMENT, "PYTHONHASHSEED": salt},
                           capture_output=True, text=True).stdout
            for salt in ("1", "2", "3")]
    assert runs[0] == runs[1] == runs[2]


def test_a_follow_up_drafts_only_what_the_editors_files_lack(tmp_path, capsys):
    seeds = saved_pages(tmp_path / "seeds")
    draft(seeds, capsys)
    terms = drafted(seeds, "glossary.yml")["terms"]
    reviewed = next(t for t in terms if t["term"] == "Daniel Glaser")
    (seeds / "glossary.yml").write_text(yaml.safe_dump({"terms": [{
        "term": reviewed["term"], "aliases": reviewed["aliases"],
        "definition": "The US Treasury official who led the talks on the frozen accounts.",
        "source": reviewed["source"]}], "known": ["North Korea"]}), "utf-8")
    draft(seeds, capsys)
    names = [t["term"] for t in drafted(seeds, "glossary.yml")["terms"]]
    assert "Daniel Glaser" not in names and "North Korea" not in names
    assert not [n for n in names if "north korea" in n.casefold() or "glaser" in n.casefold()]
    assert len(names) < len(terms) - 2  # "North Korean", "North Koreans" are covered too
    # the editor has read the older articles: a word or phrase (not a name) is drafted again
    # only where the newest article uses it
    from explainer.editor.draft import read_story
    story = read_story(seeds)
    latest = max(story.articles, key=lambda article: article.meta.published or "")
    text = " ".join(s.text for s in latest.sentences).casefold()
    words = [t["term"] for t in drafted(seeds, "glossary.yml")["terms"] if t["term"][:1].islower()]
    assert words and all(w.casefold() in text for w in words), words
    # ... and with a timeline of the editor's, only the newest article's dates are drafted
    events = drafted(seeds, "timeline.yml")["events"]
    (seeds / "timeline.yml").write_text(yaml.safe_dump({"events": []}), "utf-8")
    draft(seeds, capsys)
    again = drafted(seeds, "timeline.yml")["events"]
    assert again and len(again) < len(events)
    assert all(e["text"] in [s.text for s in latest.sentences] for e in again)


def test_strict_refuses_unreviewed_drafts_naming_each_file(tmp_path, capsys):
    seeds = saved_pages(tmp_path / "seeds")
    draft(seeds, capsys)
    docs = tmp_path / "docs"
    assert build.main(["--seeds", str(seeds), "--docs", str(docs)]) == 0
    err = capsys.readouterr().err
    assert f"warning: {seeds}/drafts/glossary.yml: " in err
    assert build.main(["--seeds", str(seeds), "--docs", str(docs), "--strict"]) == 2
    errors = capsys.readouterr().err.splitlines()
    for name in ("explainer.yml", "topics.yml", "glossary.yml", "timeline.yml"):
        assert any(line.startswith(f"error: {seeds}/drafts/{name}: ") and "await" in line
                   for line in errors)
    glossary = (docs / "glossary.md").read_text("utf-8")
    assert '<span class="draft-mark">Draft</span>' in glossary
    assert "Not defined yet" in glossary
    # every drafted entry is marked where the site shows it: the home page's title and
    # summary, and each drafted topic's card as well as its page
    home = (docs / "index.md").read_text("utf-8")
    summary = home.split('<p class="explainer-summary">', 1)[1]
    assert summary.split("</p>", 1)[1].lstrip().startswith(
        '<p class="draft-note"><span class="draft-mark">Draft</span> Title drafted from the headlines')
    cards = home.split('<li class="topic-card">')[1:]
    assert cards and all('</span> <span class="draft-mark">Draft</span>' in c for c in cards)
    # ... and each drafted event in a topic page's strip of events (the feed leaves drafts out:
    # their ids would change on review)
    strips = [page.read_text("utf-8").split('<nav class="event-strip"', 1)[1].split("</nav>")[0]
              for page in (docs / "topics").glob("*.md")
              if '<nav class="event-strip"' in page.read_text("utf-8")]
    items = [item for strip in strips for item in strip.split("<li>")[1:]]
    assert items and all('<span class="draft-mark">Draft</span>' in item for item in items)
    from explainer.pipeline import generate
    _, files = generate(seeds, ROOT / "templates", site_url="https://example.org/")
    assert "/timeline/#" not in files["feed.xml"]


def test_moving_every_draft_into_the_editors_files_passes_strict(tmp_path, capsys):
    """The review: each drafted file moved (a drafted term given a definition and source, a
    drafted event's `resolved` note dropped); then nothing awaits review."""
    seeds = saved_pages(tmp_path / "seeds")
    draft(seeds, capsys)
    for name in ("explainer.yml", "topics.yml"):
        (seeds / "drafts" / name).rename(seeds / name)
    terms = drafted(seeds, "glossary.yml")["terms"]
    (seeds / "glossary.yml").write_text(yaml.safe_dump({"terms": [
        {"term": t["term"], "aliases": t["aliases"],
         "definition": t["definition"] or f"{t['term']}, as the articles use it.",
         "source": t["source"] or "https://www.voanews.com/"} for t in terms]}), "utf-8")
    events = drafted(seeds, "timeline.yml")["events"]
    (seeds / "timeline.yml").write_text(yaml.safe_dump({"events": [
        {k: v for k, v in e.items() if k != "resolved"} for e in events]}), "utf-8")
    shutil.rmtree(seeds / "drafts")
    code = build.main(["--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--strict"])
    assert code == 0, capsys.readouterr().err


@pytest.mark.slow
def test_mkdocs_builds_a_drafted_story_and_strict_refuses_it(tmp_path, capsys):
    """Three saved pages → make draft → mkdocs build shows a full site marked Draft;
    mkdocs build --strict (CI, the Pages workflow) fails until the drafts are reviewed."""
    project = copy_code(tmp_path / "project")
    seeds = saved_pages(project / "seeds")
    draft(seeds, capsys)
    site = tmp_path / "site"
    relaxed = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                             cwd=project, capture_output=True, text=True, env=ENVIRONMENT,
                             timeout=300)
    assert relaxed.returncode == 0, relaxed.stderr
    assert "drafted entries await review" in relaxed.stderr
    glossary = (site / "glossary" / "index.html").read_text("utf-8")
    assert "draft-mark" in glossary
    strict = mkdocs_build(project, tmp_path / "strict-site")
    assert strict.returncode != 0 and "drafted entries await review" in strict.stderr


def test_the_walkthrough_names_the_commands_it_runs():
    guide = (ROOT / "guides" / "editor.md").read_text("utf-8")
    section = guide.split("## A new story from saved web pages", 1)[1].split("\n## ", 1)[0]
    for command in ("make draft", "make serve", "make build"):
        assert command in section


@pytest.mark.parametrize("text, date, headline", [
    # the predicate's subject comes along; the age and home between them don't
    ("Balwani, 53, of Atherton, Calif., was employed at Theranos from September of 2009 "
     "through 2016.", "2009", "Balwani was employed at Theranos from September of 2009 through "
                              "2016"),
    # ... also when a word of time stands before its verb (a newcomer's: "Today made the
    # following statement")
    ("Representative Eliot L. Engel, Ranking Member of the House Committee on Foreign "
     "Affairs, today made the following statement:", "today",
     "Representative Eliot L. Engel today made the following statement"),
    # ... and a person named just before "who" is its subject; what "meaning" introduces is
    # the event; a clause opened after the date and cut is left out (a newcomer's)
    ("She is a daughter of leader Park Chung-hee, who ruled South Korea for about 18 years "
     "until his death in 1979.", "1979",
     "Park Chung-hee ruled South Korea for about 18 years until his death"),
    ("Lawmakers must vote on the motion between 24 and 72 hours, meaning a formal vote will "
     "take place Friday, the last day of parliament’s regular session.", "Friday",
     "A formal vote will take place Friday"),
    ("Choi has been living in Germany since September when reports of her possible influence "
     "on the president first became public.", "September",
     "Choi has been living in Germany since September"),
    # a cut never ends on a clause's subject ("… on charges that they")
    ("Six former executives of Insys Therapeutics were arrested today on charges that they led "
     "a nationwide conspiracy.", "today",
     "Six former executives of Insys Therapeutics were arrested today on charges"),
    # ... but not an opening that is no subject
    ("Under cross-examination, she noted that he was fired in 2023 and has sued.", "2023",
     "She noted that he was fired in 2023 and has sued"),
    # an aside in brackets goes, and a cut at twelve words never ends on "the" or "of"
    ("Elizabeth A. Holmes was sentenced today to 135 months (11 years, 3 months) in federal "
     "prison for fraud.", "today", "Elizabeth A. Holmes was sentenced today to 135 months in "
                                   "federal prison"),
    # ... unless the date is in it
    ("Demand on the peak day (February 4) was lower than forecast.", "February 4",
     "Demand on the peak day (February 4) was lower than forecast"),
    # a comma inside a number ends no clause; a figure is never cut from its unit
    ("Peña said he lost about $6,000 in supplies this morning.", "this morning",
     "Peña said he lost about $6,000 in supplies this morning"),
    ("The council voted 6-1 on Tuesday to approve $1.8 million for the repair of the pipe.",
     "Tuesday", "The council voted 6-1 on Tuesday to approve $1.8 million"),
    ("An engineering study commissioned by the city in 2024 found that 38,000 feet of main are "
     "at risk.", "2024", "An engineering study commissioned by the city in 2024 found"),
    # a clause opened by "which" takes what it refers to; an opening time takes its clause
    ("The plant, which opened in 1998, closed.", "1998", "The plant opened in 1998"),
    ("For several hours on Wednesday, the outage map showed no outages.", "Wednesday",
     "For several hours on Wednesday, the outage map showed no outages"),
    # a date past the twelfth word: the clause from its subject to the date, whole up to twenty
    # words ("Nearly $3 billion … plan for Sri Lanka Monday" has lost its subject and verb, a
    # newcomer's) ...
    ("The International Monetary Fund approved a nearly $3 billion financial assistance plan "
     "for Sri Lanka Monday.", "Monday",
     "The International Monetary Fund approved a nearly $3 billion financial assistance plan "
     "for Sri Lanka Monday"),
    ("The agency said its new inspectors would visit every one of the plants on March 3 to "
     "check them.", "March 3",
     "The agency said its new inspectors would visit every one of the plants on March 3"),
    # ... its people named without their titles where that makes it short enough ("Held the
    # fourth meeting …" has no subject) ...
    ("Foreign Minister Mevlüt Çavuşoğlu and Secretary of State Antony J. Blinken held the "
     "fourth meeting of the Türkiye-U.S. Strategic Mechanism on January 18, 2023, in "
     "Washington.", "January 18",
     "Mevlüt Çavuşoğlu and Antony J. Blinken held the fourth meeting of the Türkiye-U.S. "
     "Strategic Mechanism on January 18"),
    # ... else the clause inside it that holds the date, with its own subject
    ("Officials met in Ankara on Tuesday to discuss whether Turkey could rejoin the jet "
     "programme it was removed from in 2019, officials said.", "2019",
     "Turkey could rejoin the jet programme it was removed from in 2019"),
    # ... or the noun a relative clause holding it tells of, with its verb; a date alone in its
    # clause dates the clause before it ("Since August of this year" alone, a newcomer's)
    ("The aid comes as families face a crisis, with poor harvests followed by inflation that "
     "soared to above 60 percent and food prices climbing to 90 percent, since August.",
     "August", "Inflation soared to above 60 percent and food prices climbing to 90 percent, "
               "since August"),
    # a date in the clause that only says who said it: who said what (a newcomer's)
    ("The country can also restart its normal dealings, Wickremesinghe said in a statement on "
     "Tuesday.", "Tuesday", "Wickremesinghe said the country can also restart its normal "
                            "dealings"),
    # a headline cut at twelve words keeps its verb
    ("In the last week, the team at the Johnson Space Center in Houston changed its approach "
     "to opening the sampler head.", "last week",
     "In the last week, the team at the Johnson Space Center in Houston changed its approach"),
    # a time of day's colon ends no clause
    ("Services will run until 02:00 on Wednesday 30 April, the operator said.", "30 April",
     "Services will run until 02:00 on Wednesday 30 April"),
    # a date's day is never cut from its month, nor a possessive from what it owns
    ("The department will hold a public meeting about the composting at the Tolliver "
     "Community Center on March 20 at 6:30 p.m., she said.", "March 20",
     "The department will hold a public meeting about the composting at the Tolliver "
     "Community Center on March 20"),
    ("The county’s 4-H clubs showed more than 300 birds at last year’s fair.", "last year",
     "The county’s 4-H clubs showed more than 300 birds at last year’s fair"),
    # a name is never cut: the headline runs on to its end
    ("The talks followed a statement last month from Turkey's Ministry of National Defence "
     "that the systems are in storage.", "last month",
     "The talks followed a statement last month from Turkey's Ministry of National Defence"),
    ("It asked to buy 40 new jets, which Congress approved last year after a long fight.",
     "last year", "Congress approved last year after a long fight"),
])
def test_a_drafted_headline_is_the_dates_clause_told_whole(text, date, headline):
    from explainer.editor.draft import headline_from

    assert headline_from(text, text.index(date)) == headline


@pytest.mark.parametrize("text, date, headline", [
    # a consequence of a deed told in the past is what happened, not "Causing …" (a newcomer's)
    ("Crews were at work on the dam when a barge struck a pier, causing the gate to fail "
     "before dawn Monday.", "Monday", "The gate failed before dawn Monday"),
    # a date's day owns what follows it: never "… participation in today’s"
    ("I thank the council members and their staff for their preparation and participation in "
     "today’s long meeting.", "today", "I thank the council members and their staff for their "
                                       "preparation and participation in today’s long"),
    # a date before its verb: the headline keeps the verb, not "… the navy today"
    ("As part of the response to the flood, the State Department of Water Resources and the "
     "county public works office today reopened the levee road.", "today",
     "The State Department of Water Resources and the county public works office today "
     "reopened the levee road"),
    # cut to the date, the window opens on neither a figure nor "and", and takes its subject
    ("The port authority safely moved the stranded grain barge out of the way on May 20 and "
     "widened the emergency channel to 400 feet May 21.", "May 21",
     "The port authority safely widened the emergency channel to 400 feet May 21"),
    # "Today, in response to …, the agency announced": past the opening with no verb
    ("Today, in response to the mayor’s request on May 2 for more help, the health department "
     "announced a team of nurses.", "Today",
     "The health department announced a team of nurses"),
])
def test_a_drafted_headline_says_what_happened_whole(text, date, headline):
    from explainer.editor.draft import headline_from

    assert headline_from(text, text.index(date), len(date)) == headline


def test_the_drafted_summary_is_the_newest_lead_dated_and_without_its_source(tmp_path):
    """"Today" is a date on a site read long after; a deck in headline case is no lead; in a
    long lead, the closing words naming who announced it go (the dateline names the source)."""
    from explainer.editor.draft import read_story, summary_from

    (tmp_path / "verdict.txt").write_text(
        "Jury Finds Founder Guilty\n\n"
        "Settlement Will Cover Federal Costs Incurred to Restore Access to the Port.\n\n"
        "Jane Q. Founder was sentenced today to 135 months (11 years, 3 months) in federal "
        "prison for defrauding investors in her company of hundreds of millions of dollars, "
        "announced United States Attorney Stephanie Hinds, Special Agent in Charge Robert "
        "Tripp and Inspector in Charge Kevin Rho.\n", "utf-8")
    (tmp_path / "verdict.meta.yml").write_text('published: "2022-11-18"\n', "utf-8")
    assert summary_from(read_story(tmp_path).articles[-1]) == (
        "Jane Q. Founder was sentenced on 18 November 2022 to 135 months in federal prison for "
        "defrauding investors in her company of hundreds of millions of dollars.")


def test_the_drafted_summary_is_a_lead_that_tells_the_news_to_anyone(tmp_path):
    """Newcomers': the newest article was a speech ("Our deliberations have now concluded.")
    or a statement ("This fight is not over."), and its lead became the site's description;
    the newest lead in the third person that stands alone drafts it."""
    from explainer.editor.draft import draft_files

    (tmp_path / "report.txt").write_text(
        "Board blames valve\n\nThe rail safety board said on Tuesday that a faulty valve "
        "caused the derailment near Oskin Falls.\n", "utf-8")
    (tmp_path / "report.meta.yml").write_text('published: "2026-03-05"\n', "utf-8")
    (tmp_path / "remarks.txt").write_text(
        "Closing remarks\n\nOur deliberations have now concluded.\n\nWe thank the staff.\n",
        "utf-8")
    (tmp_path / "remarks.meta.yml").write_text('published: "2026-03-09"\n', "utf-8")
    assert "summary: The rail safety board said on 3 March 2026 that a faulty valve caused " \
        "the derailment near Oskin Falls." in draft_files(tmp_path)["explainer.yml"].replace(
            "\n  ", " ")


def test_a_day_an_article_counts_to_again_is_one_event_with_both_mentions(tmp_path):
    """A release that says "today" twice tells one day's news; another day is another event."""
    from explainer.editor.draft import draft_timeline, read_story

    (tmp_path / "sentenced.txt").write_text(
        "Founder sentenced\n\n"
        "Jane Founder was sentenced today to 135 months in prison.\n\n"
        "\"Today's sentence should serve as a warning,\" the prosecutor said.\n\n"
        "She was convicted on Monday of fraud.\n", "utf-8")
    (tmp_path / "sentenced.meta.yml").write_text('published: "2022-11-18"\n', "utf-8")
    events = draft_timeline(read_story(tmp_path), {})
    assert [(e["date"], len(e["mentions"])) for e in events] == [
        ("2022-11-14", 1), ("2022-11-18", 2)]


def test_an_event_a_later_article_tells_again_is_one_event_with_both_mentions(tmp_path):
    """The same day and a thing both sentences name: the launch told again; another year's
    events that share a word or two stay apart."""
    from explainer.editor.draft import draft_timeline, read_story

    (tmp_path / "launch.txt").write_text(
        "Satellite launched\n\n"
        "The satellite lifted off from Vandenberg Space Force Base on Tuesday.\n\n"
        "In 2024, auditors warned that the latch was weak.\n", "utf-8")
    (tmp_path / "launch.meta.yml").write_text('published: "2026-10-08"\n', "utf-8")
    (tmp_path / "review.txt").write_text(
        "Board named\n\n"
        "PWS-1 launched Oct. 6 from Vandenberg.\n\n"
        "The latch failed a 2024 vibration test before it was redesigned.\n", "utf-8")
    (tmp_path / "review.meta.yml").write_text('published: "2026-10-12"\n', "utf-8")
    events = draft_timeline(read_story(tmp_path), {})
    assert [(e["date"], len(e["mentions"])) for e in events] == [
        ("2024", 1), ("2024", 1), ("2026-10-06", 2)]


def test_a_drafted_headline_holds_no_day_a_point_names_beside_its_own(tmp_path):
    """A point names the day beside "on Friday" ("On Friday [10 July], …"); the event drafted
    from it is dated that day, and its headline is the sentence's own words."""
    from explainer.editor.draft import draft_timeline, read_story

    (tmp_path / "heat.txt").write_text(
        "Heat wave\n\nThe city opened six cooling centers on Friday after the heat index "
        "reached 112 degrees.\n", "utf-8")
    (tmp_path / "heat.meta.yml").write_text('published: "2026-07-14"\n', "utf-8")
    (event,) = draft_timeline(read_story(tmp_path), {})
    assert event["date"] == "2026-07-10" and "[" not in event["headline"], event


@pytest.mark.parametrize("lead, summary", [
    ("Buses have stayed in their depots since Monday.",
     "Buses have stayed in their depots since 2 March 2026."),
    ("The deal was reached early Wednesday.", "The deal was reached early on 4 March 2026."),
    ("The pool will reopen on Sept. 3 after repairs.", "The pool will reopen on Sept. 3 after repairs."),
])
def test_the_drafted_summary_gives_the_day_a_lead_counts_to(tmp_path, lead, summary):
    from explainer.editor.draft import read_story, summary_from

    (tmp_path / "story.txt").write_text(f"A story\n\n{lead}\n", "utf-8")
    (tmp_path / "story.meta.yml").write_text('published: "2026-03-05"\n', "utf-8")
    assert summary_from(read_story(tmp_path).articles[-1]) == summary


def test_a_story_of_plain_text_articles_builds_from_its_drafts(tmp_path, capsys):
    """Articles as .txt with no address: a drafted event dated by the article's own words
    ("on Monday", "will restart on Nov. 2") needs no source, and the site builds at once; a
    day still to come is the next one after publication."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "plant-leak.txt").write_text(
        "Ammonia leak closes Stellwood plant\n\n"
        "Ammonia gas leaked from the Norcastle Cold Storage plant on Monday, sending 14 people "
        "to the hospital, officials said.\n\n"
        "The plant will restart on Nov. 2, after an outside firm inspected its system, said "
        "Alicia Brandt, the company's vice president.\n", "utf-8")
    (seeds / "plant-leak.meta.yml").write_text(
        'published: "2026-10-14"\noutlet: The Stellwood Examiner\n', "utf-8")
    draft(seeds, capsys)
    dates = {e["date"] for e in drafted(seeds, "timeline.yml")["events"]}
    assert {"2026-10-12", "2026-11-02"} <= dates, dates
    code = build.main(["--seeds", str(seeds), "--docs", str(tmp_path / "docs")])
    assert code == 0, capsys.readouterr().err


def test_drafted_events_read_as_events(tmp_path, capsys):
    """Newcomers': a headline opening on "It" names what it is; a year inside a name, a
    speaker's agenda for today, a year a period runs until ("through 2026") or a record is
    measured from ("at any time since late 2007") are no events, and a span of the past week
    ("In the last week") is one as such."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "capsule.txt").write_text(
        "Capsule lands in the desert\n\n"
        "After years of work by the mission's team, a capsule of rocks and dust finally is on "
        "Earth. It landed on Sunday in a test range near Salt Lake City.\n\n"
        "In the last week, the team changed its approach to opening the sampler head.\n\n"
        "The rules are consistent with the 2020 National Defense Authorization Act.\n\n"
        "The agency will fund the work through 2026. Dust levels are lower than at any time "
        "since late 2007.\n\n"
        "The team is curious about the rocks in a whole variety of ways that we'll talk about "
        "today.\n", "utf-8")
    (seeds / "capsule.meta.yml").write_text(
        'published: "2023-10-13"\noutlet: The Desert Examiner\n', "utf-8")
    draft(seeds, capsys)
    events = {e["date"]: e for e in drafted(seeds, "timeline.yml")["events"]}
    assert set(events) == {"2023-10-08", "2023-10"}, events
    assert events["2023-10-08"]["headline"] == \
        "The capsule landed on Sunday in a test range near Salt Lake City"
    assert events["2023-10"]["mentions"] == ["In the last week"]


@pytest.mark.parametrize(("editor", "drafted", "same"), [
    ("2016-07-15", "2016", True), ("2016", "2016-07-15", True), ("2016-07", "2016-07-15", True),
    ("2016-07-15", "2017", False), ("2016-07-15", "2016-08", False)])
def test_an_event_the_editor_dated_more_exactly_is_not_drafted_again(editor, drafted, same):
    from explainer.editor.draft import same_date

    assert same_date(editor, drafted) is same


def test_a_drafted_name_the_editor_lists_as_known_is_reviewed(tmp_path, capsys):
    """A newcomer's: names put under `known:` (needing no entry) still showed "Draft" on the
    glossary, and counted as unreviewed, until drafts/ was deleted."""
    from explainer.read.data import load_data, load_drafts
    from explainer.read.seedfiles import scan_seeds
    from explainer.read.story import make_story

    seeds = saved_pages(tmp_path / "seeds")
    draft(seeds, capsys)
    names = [t["term"] for t in drafted(seeds, "glossary.yml")["terms"]]
    assert "North Korea" in names
    (seeds / "glossary.yml").write_text(yaml.safe_dump({"terms": [], "known": ["North Korea"]}),
                                        "utf-8")
    listing = scan_seeds(seeds)
    story = make_story(load_data(seeds, listing), load_drafts(listing))
    shown = [t.term for t in story.terms if t.draft]
    assert "North Korea" not in shown and len(shown) == len(names) - 1
    assert dict(story.drafts)[f"{seeds}/drafts/glossary.yml"] == len(names) - 1


@pytest.mark.parametrize("text, date, phrase", [
    # newcomers': "Wednesday to escape a", "January 17, 2023, in", "Yesterday I had the",
    # "last year when it": a mention grows back from its date, which ends its phrase ...
    ("The president fled for the Maldives Wednesday to escape a major uprising.", "Wednesday",
     "for the Maldives Wednesday"),
    ("Officials held talks in Washington on January 17, 2023, in a new round.", "January 17, 2023",
     "on January 17, 2023"),
    ("The country suspended repayment of its debt last year when it lacked currency.",
     "last year", "its debt last year"),
    # ... on past it at the sentence's opening, never ending on a word that leads to more, inside
    # a name or inside brackets
    ("Yesterday I had the honor of welcoming Sweden.", "Yesterday", "Yesterday I had the honor"),
    ("Since last year, Sri Lankans have protested.", "last year", "Since last year, Sri Lankans"),
    ("It landed at 8:52 a.m. MDT (10:52 a.m. EDT) on Sunday, in a targeted area.", "Sunday",
     "MDT (10:52 a.m. EDT) on Sunday"),
])
def test_a_mention_is_a_phrase_ending_where_a_phrase_can(text, date, phrase):
    from explainer.editor.draft import Sentences, unique_phrase

    at = text.index(date)
    assert unique_phrase(text, at, at + len(date), Sentences.of([text])) == phrase


def test_a_mention_of_a_sentence_told_twice_fits_a_line_of_timeline_yml():
    """A newcomer's: a long sentence two articles share grew its mention to the whole sentence,
    longer than timeline.yml takes, and `make serve` refused the drafts `make draft` wrote."""
    from explainer.editor.draft import Sentences, unique_phrase
    from explainer.read.schema import LINE_MAX

    text = ("The act repeals the provision that defined marriage as between a man and a woman, "
            "which the Supreme Court struck down in 2013, and it requires every state to "
            "recognize a marriage performed in another state, whatever the sex, race, ethnicity "
            "or national origin of the two people who married there.")
    at = text.index("2013")
    phrase = unique_phrase(text, at, at + 4, Sentences.of([text, text]))
    assert "2013" in phrase and phrase in text and len(phrase) <= LINE_MAX


@pytest.mark.parametrize("before, named", [
    # a newcomer's: "It landed at 8:52 a.m. MDT on Sunday" opened on an unexplained "It"
    ("After years of work by the mission’s team, a capsule of rocks and dust collected from the "
     "asteroid finally is on Earth.", "The capsule"),
    ("The state water board voted on Tuesday.", "The state water board"),
    ("Smith was arrested in May.", "Smith"),
    # ... never a reporter of what "it" is, a quotation's speaker or a pronoun
    ("Officials said the plan would work.", None),
    ("“We are ready,” she said.", None),
    ("He was arrested.", None),
])
def test_a_headline_opening_on_a_pronoun_names_the_subject_before(before, named):
    from explainer.editor.draft import subject_head

    assert subject_head(before) == named


def test_a_speakers_agenda_for_today_and_a_speakers_label_are_no_event_words():
    """A newcomer's (a transcript): "a whole variety of ways that we'll talk about today" was
    an event, and "[Mirage News:] Yesterday I had …" gave the headline "] Yesterday I had …"."""
    from explainer.dates import date_mentions
    from explainer.editor.draft import headline_from, only_an_agenda

    def agenda(text: str) -> bool:
        [mention] = date_mentions(text, "2024-03-08")
        return only_an_agenda(text, mention)

    assert agenda("Türkiye helps in a whole variety of ways that we'll talk about today.")
    assert agenda("I will address three questions this morning.")
    assert not agenda("The council will discuss the budget today.")  # a meeting: an event
    assert not agenda("We will vote today on the plan.")
    assert not agenda("We talked about it today.")
    text = "[Mirage News:] Yesterday I had the honor of welcoming Sweden."
    assert headline_from(text, text.index("Yesterday")) == \
        "Yesterday I had the honor of welcoming Sweden"


def test_a_mention_leaves_the_sentences_full_stop_but_not_an_abbreviations():
    """A newcomer's: "his death in 1979." kept the sentence's full stop in `mentions`."""
    from explainer.editor.draft import Sentences, unique_phrase

    for text, date, phrase in [
            ("He led the country until his death in 1979.", "1979", "his death in 1979"),
            ("The ship sailed for the U.S.", "U.S.", "sailed for the U.S.")]:
        at = text.index(date)
        assert unique_phrase(text, at, at + len(date), Sentences.of([text])) == phrase


def test_the_drafted_title_is_the_headline_that_names_the_story():
    """A newcomer's: the drafted title was the newest headline ("South Korean Prosecutors Seek
    Arrest of Samsung Chief"), which names one turn of a story about a president."""
    from types import SimpleNamespace

    from explainer.editor.draft import story_title

    titles = ["South Korean President Embroiled in Scandal",
              "Impeachment Vote Set for Embattled South Korean President",
              "South Korean Prosecutors Seek Arrest of Samsung Chief",
              "Former South Korean President Park Sentenced to 24 Years"]
    articles = tuple(SimpleNamespace(title=title) for title in titles)
    assert story_title(articles) == titles[0]
    assert story_title(articles[2:3]) == titles[2]  # one article: its own
    # a newcomer's: a press release's long headline shared as many words as a short one
    titles = ["Sri Lankan President Flees, Protesters Storm PM's Office",
              "Administrator Samantha Power Announces Additional $40 Million in Development "
              "Assistance to Sri Lanka", "IMF Approves $3 Billion Bailout for Sri Lanka"]
    articles = tuple(SimpleNamespace(title=title) for title in titles)
    assert story_title(articles) == titles[2]


def test_a_numeral_or_a_reference_code_is_no_glossary_term():
    """A newcomer's: "III" of "Title III" and "cv-1907" of a docket number were drafted."""
    from explainer.editor.draft import is_a_number_or_code

    assert all(map(is_a_number_or_code, ["III", "VIII", "cv-1907", "cv-00068"]))
    assert not any(map(is_a_number_or_code, ["IV", "S-400", "F-35", "COVID-19", "IAEA"]))


def test_a_quoted_persons_name_groups_no_sentences_into_a_topic(tmp_path):
    # Okafor speaks on pay and on safety: her name would join the two; the things named do
    from explainer.editor.draft import grouping_candidates, read_story
    from explainer.understand.wordforms import stems
    (tmp_path / "strike.txt").write_text(
        "Drivers walk out\n\nThe union wants higher wages. \"Wages have fallen behind the "
        "rent,\" said Denise Okafor, the union's president.\n\nDrivers also want shields. "
        "\"Shields would stop the assaults,\" Okafor said. The Harlow Transit Board has fitted "
        "shields on few buses.\n", "utf-8")
    story = read_story(tmp_path)
    candidates = [(stems(phrase), {1, 3}) for phrase in
                  ("Denise Okafor", "Okafor", "shields", "Harlow Transit Board")]
    assert [key for key, _ in grouping_candidates(story, candidates)] == [
        stems("shields"), stems("Harlow Transit Board")]


def test_drafted_data_fits_the_editors_files():
    """A newcomer's: an advisory in a <pre> block was one sentence of 1,200 characters, and
    its drafted event's headline and text were longer than timeline.yml takes: `make serve`
    refused the drafts `make draft` had just written. Each text is cut at a word."""
    from explainer.editor.draft import fitted
    from explainer.read.schema import LINE_MAX, PROSE_MAX, DraftTimelineFile

    sentence = " ".join(["HURRICANE MICHAEL MAKES LANDFALL NEAR MEXICO BEACH"] * 40)
    drafted = fitted({"events": [{"date": "2018-10-10", "headline": sentence, "text": sentence,
                                  "mentions": ["WEDNESDAY"], "topics": []}]})
    event = drafted["events"][0]  # type: ignore[index]
    assert len(event["headline"]) <= LINE_MAX and len(event["text"]) <= PROSE_MAX
    assert event["headline"].endswith("BEACH…") or event["headline"].endswith("…")
    assert event["mentions"] == ["WEDNESDAY"]
    DraftTimelineFile.model_validate(drafted)
