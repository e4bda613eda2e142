"""Timeline and glossary: every entry sourced, linked both ways, checked in the built HTML."""

import re
import subprocess
import sys
from urllib.parse import urljoin, urlparse

import pytest

from explainer.pipeline import build_explainer
from html_tools import by_id, parse, squash
from project_tools import ROOT, SEEDS, TURKEY, TURKEY_SLUG, copy_story

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def explainer():
    return build_explainer(SEEDS)  # the shipped story, whatever it is


def page(site, url):
    return parse((site / url / "index.html").read_text("utf-8"))


def resolve(site, page_url: str, href: str):
    """(page folder, fragment) that a relative href points at, within the built site."""
    target = urlparse(urljoin(f"http://site/{page_url}/", href))
    return target.path.strip("/"), target.fragment


def test_timeline_lists_events_in_date_order_with_time_elements(built_site, explainer):
    root = page(built_site, "timeline")
    events = [e for e in root.iter() if e.tag == "li" and e.attributes.get("class") == "timeline-event"]
    assert len(events) == len(explainer.story.events) > 0
    dates = [next(t for t in e.iter() if t.tag == "time").attributes["datetime"] for e in events]
    assert dates == sorted(dates)
    for event, date in zip(explainer.story.events, dates):
        assert date == event.date
    assert any(e.tag == "ol" and e.attributes.get("class") == "timeline" for e in root.iter())


def test_precision_of_dates_is_shown_as_known():
    from explainer.dates import display_date
    assert display_date("2016") == "2016"
    assert display_date("2021-10") == "October 2021"
    assert display_date("2019-07-12") == "12 July 2019"


def test_every_event_has_a_source_and_its_links_resolve(built_site, explainer):
    root = page(built_site, "timeline")
    for event, element in zip(explainer.story.events,
                              [e for e in root.iter() if e.attributes.get("class") == "timeline-event"]):
        hrefs = [a.attributes["href"] for a in element.iter() if a.tag == "a"]
        assert event.source in hrefs, event.headline
        for href in hrefs:
            if href.startswith("http"):
                continue
            folder, fragment = resolve(built_site, "timeline", href)
            target = page(built_site, folder or ".")
            assert not fragment or fragment in by_id(target), href
        sentence_links = [h for h in hrefs if "articles/" in h]
        assert len(sentence_links) == len(set(sentence_links))
        if event.mentions:
            assert sentence_links, f"{event.headline}: mentions but no sentence link"


def test_topic_pages_show_their_events_linking_to_the_timeline(built_site, explainer):
    timeline_ids = by_id(page(built_site, "timeline"))
    for topic in explainer.story.topics:
        events = [e for e in explainer.story.events if topic.slug in e.topics]
        root = page(built_site, f"topics/{topic.slug}")
        strip = [e for e in root.iter() if e.attributes.get("class") == "event-strip"]
        if not events:
            assert not strip
            continue
        links = [a.attributes["href"] for a in strip[0].iter() if a.tag == "a"]
        assert len(links) == len(events)
        for href in links:
            folder, fragment = resolve(built_site, f"topics/{topic.slug}", href)
            assert folder == "timeline" and fragment in timeline_ids


def test_glossary_entries_have_definition_source_and_mentions(built_site, explainer):
    root = page(built_site, "glossary")
    ids = by_id(root)
    for term in explainer.story.terms:
        assert term.anchor in ids, term.term
        assert squash(ids[term.anchor].text) == term.term
    text = squash(root.text)
    for term in explainer.story.terms:
        assert squash(term.definition) in text
    hrefs = [a.attributes["href"] for a in root.iter() if a.tag == "a"]
    for term in explainer.story.terms:
        assert term.source in hrefs


def test_mentioned_in_links_match_the_pages_that_use_the_term(built_site, explainer):
    """Every page whose text contains a term defines it once (its first mention is the
    tooltip) and is listed under "Mentioned in" in the glossary; no other page is."""
    glossary = page(built_site, "glossary")
    dds = {}
    current = None
    for element in glossary.iter():
        if element.tag == "dt":
            current = element.attributes["id"]
        elif element.tag == "dd" and current:
            dds[current] = element
    pages = ["."] + [f"topics/{t.slug}" for t in explainer.story.topics] + \
            [f"articles/{a.slug}" for a in explainer.articles] + ["timeline"]
    for term in explainer.story.terms:
        listed = set()
        for a in dds[term.anchor].iter():
            if a.tag == "a" and not a.attributes["href"].startswith("http"):
                listed.add(resolve(built_site, "glossary", a.attributes["href"])[0] or ".")
        for url in pages:
            root = page(built_site, url)
            tooltips = [e for e in root.iter() if e.tag == "abbr" and "term" in
                        (e.attributes.get("class") or "").split()
                        and squash(e.attributes.get("title") or "") == squash(term.definition)]
            if tooltips:
                assert url in listed, f"{term.term} on {url}"
                assert len(tooltips) == 1, f"{term.term}: defined once per page, on {url}"
            else:
                assert url not in listed, f"{term.term} listed for {url} but not used there"


def test_terms_show_definitions_and_headings_stay_clean(built_site, explainer):
    definitions = {squash(t.definition) for t in explainer.story.terms}
    shown = 0
    for topic in explainer.story.topics:
        root = page(built_site, f"topics/{topic.slug}")
        terms = [e for e in root.iter() if "term" in (e.attributes.get("class") or "").split()]
        shown += len(terms)
        assert all(squash(e.attributes.get("title") or "") in definitions for e in terms)
        for heading in (e for e in root.iter() if re.fullmatch(r"h[1-6]", e.tag)):
            assert not any(e.tag in ("abbr", "a") and "term" in (e.attributes.get("class") or "")
                           for e in heading.iter())
    assert shown, "no glossary term is marked on any topic page"


def run_build(seeds, tmp_path, *extra):
    return subprocess.run([sys.executable, "build.py", "--seeds", str(seeds), "--docs",
                           str(tmp_path / "docs"), *extra], cwd=ROOT, capture_output=True,
                          text=True)


def test_years_no_event_covers_are_warned_about(tmp_path):
    seeds = copy_story(tmp_path / "seeds", TURKEY)
    article = seeds / f"{TURKEY_SLUG}.txt"
    article.write_text(article.read_text("utf-8") + "\nTalks first began in 1999, stalled in 1999, after a"
                       " dispute that had simmered since the 1980s, under the Arms Export"
                       " Control Act of 1976. The deal runs to 2031. Two papers from the"
                       " institute, from 2001 and 2003, and a 2005 report had warned of it."
                       " From 2006 to 2009, and in 2010-2011, exports rose 40 percent. Sales"
                       " have grown 1 percent a year since 2012, by a 2013 copy of the list."
                       " From May 2014 to December 2015, prices fell.\n",
                       "utf-8")
    (seeds / f"{TURKEY_SLUG}.meta.yml").write_text('published: "2024-07-18"\n', "utf-8")
    result = run_build(seeds, tmp_path)
    assert result.returncode == 0
    assert result.stderr.count("1999 is mentioned but no event in timeline.yml falls in that "
                               "year") == 1  # once for its sentence
    assert "1980 is mentioned" not in result.stderr  # a decade is no year
    assert "1976 is mentioned" not in result.stderr  # nor a law's name
    assert "2031 is mentioned" not in result.stderr  # nor a year after the article's
    for year in ("2001", "2003", "2005", "2013"):  # nor one that dates a document
        assert f"{year} is mentioned" not in result.stderr
    # nor the ends of a measured period, months named or not (a newcomer's: "From May 2012 to
    # December 2015" asked for an event in 2015)
    for year in ("2006", "2009", "2010", "2011", "2012", "2014", "2015"):
        assert f"{year} is mentioned" not in result.stderr
    # `--strict` fails on it, as `mkdocs build --strict` would, before anything is written
    strict = run_build(seeds, tmp_path / "strict", "--strict")
    assert strict.returncode == 2 and "error:" in strict.stderr
    assert not (tmp_path / "strict" / "docs").exists()
    # a year the editor leaves out of the timeline on purpose: listed under `known:`
    glossary = seeds / "glossary.yml"
    glossary.write_text(glossary.read_text("utf-8").replace("known: [", "known: ['1999', "),
                        "utf-8")
    assert "1999 is mentioned" not in run_build(seeds, tmp_path / "known").stderr


def test_names_missing_from_glossary_warn_and_fail_when_strict(tmp_path):
    seeds = copy_story(tmp_path / "seeds", TURKEY)
    article = seeds / f"{TURKEY_SLUG}.txt"
    article.write_text(article.read_text("utf-8") + "\nThe talks involved the OSCE too.\n",
                       "utf-8")
    result = run_build(seeds, tmp_path)
    assert result.returncode == 0 and "'OSCE' has no glossary entry" in result.stderr
    strict = run_build(seeds, tmp_path, "--strict")
    assert strict.returncode == 2
    assert strict.stderr.count("\n") == 1 and "'OSCE' has no glossary entry" in strict.stderr


def test_a_known_name_needs_no_entry_however_it_is_accented():
    """An editor's: "Türkiye" under `known:`, and a follow-up writing "Turkiye" was still
    refused for having no glossary entry."""
    from types import SimpleNamespace

    from explainer.understand.audit import unglossed_names

    texts = ("Officials in Turkiye met the OSCE.",
             "The U.S. position on Turkiye's acquisition has not changed.")
    article = SimpleNamespace(texts=texts, sentences=[SimpleNamespace(text=t, source="a.txt")
                                                      for t in texts])
    story = SimpleNamespace(terms=())
    shown = [p.message for p in unglossed_names(story, (article,), ("Türkiye",))]
    assert shown == ["'OSCE' has no glossary entry (add it to glossary.yml, or to its `known:` "
                     "list)"]


def test_an_event_known_only_to_its_month_stands_where_the_editor_put_it_among_its_days():
    """"4 January: the four-day week begins", then "January: parents complain": the words give
    the complaint no day, and the editor's order says it came after; with no day of its
    month before it in the file, it opens its month."""
    from types import SimpleNamespace

    from explainer.read.story import in_time_order

    written = [("2026-11-16", "vote"), ("2027-01-04", "start"), ("2027-01", "complaint"),
               ("2027-01-20", "survey"), ("2026-12", "buses sold"), ("2027", "review"),
               ("2026-10", "proposal")]
    events = [SimpleNamespace(date=d, headline=h) for d, h in written]
    assert [e.headline for e in in_time_order(events)] == [
        "proposal", "vote", "buses sold", "start", "complaint", "survey", "review"]


def test_a_spelling_in_other_letter_case_is_one_more_alias(tmp_path):
    """"737 MAX" beside "737 Max": articles are matched as written, so an alias that differs
    only in letter case is kept and marked, not dropped as a repeat."""
    from explainer.render.terms import TermMarker

    seeds = copy_story(tmp_path / "seeds", TURKEY)
    (seeds / "glossary.yml").write_text(
        "terms:\n  - term: 737 Max\n    aliases: [737 MAX, 737 Max]\n"
        "    definition: A Boeing airliner.\n    source: https://www.faa.gov/\n", "utf-8")
    term = next(t for t in build_explainer(seeds).story.terms if t.term == "737 Max")
    assert term.spellings == ("737 Max", "737 MAX")
    marked = TermMarker((term,)).mark("The 737 MAX was grounded.", "topics/x.md")
    assert 'class="term"' in marked and ">737 MAX</abbr>" in marked


def test_an_events_links_name_each_article_once_for_its_run_of_paragraphs():
    """A newcomer's: "In the article: <title>, paragraph 1, <title>, paragraph 2" repeated a
    long title for every paragraph. The title is shown once per run; each link's name still
    says the whole ("<title>, paragraph 2") for a reader who lists the page's links. (The Turkey
    fixture, whatever seeds/ holds: it has an event told in two paragraphs of one article.)"""
    from explainer.pipeline import generate

    _, files = generate(TURKEY, ROOT / "templates")
    root = parse(files["timeline.md"])
    runs = 0
    for element in [e for e in root.iter() if e.attributes.get("class") == "timeline-event__links"]:
        links = [a for a in element.iter() if a.tag == "a" and "/articles/" in a.attributes["href"]]
        # one link a paragraph (a newcomer's: "paragraph 2, paragraph 2")
        places = [re.sub(r"s\d+$", "", a.attributes["href"]) for a in links]
        assert len(places) == len(set(places)), places
        for before, link in zip(links, links[1:]):
            same = before.attributes["href"].split("#")[0] == link.attributes["href"].split("#")[0]
            shown = squash(link.text)
            if same:
                runs += 1
                assert re.fullmatch(r"paragraph \d+", shown)
                assert link.attributes["aria-label"].endswith(", " + shown)
            else:
                assert ", paragraph " in shown and "aria-label" not in link.attributes
    assert runs, "the Turkey fixture has an event told in two paragraphs of one article"


def test_an_alias_never_cuts_a_longer_term_that_starts_inside_it():
    """A newcomer's: the alias "President Park" matched in "President Park Geun-hye", so the
    tooltip cut the name at "Geun-hye". The spelling that runs on wins; elsewhere the alias
    still marks its own words."""
    from explainer.model import Term
    from explainer.render.terms import TermMarker

    terms = (Term("Park Geun-hye", "park-geun-hye", ("President Park",), "South Korea's "
                  "president from 2013.", "https://example.org/park"),
             Term("NATO", "nato", (), "The alliance.", "https://example.org/nato"))
    marker = TermMarker(terms)
    html = marker.mark("President Park Geun-hye met NATO.", "topics/a.md")
    assert "President <abbr" in html and ">Park Geun-hye</abbr>" in html
    html = marker.mark("President Park met NATO.", "topics/b.md")
    assert ">President Park</abbr>" in html and ">NATO</abbr>" in html


def test_a_short_term_keeps_one_line_and_a_long_one_wraps():
    """A newcomer's: a term was an inline block, so a line broke between an opening quotation
    mark and the term, and a long term wrapped as a two-line box that left a gap. A short term
    is kept on one line with what touches it (CSS: `.term`); a long one wraps like words."""
    from explainer.model import Term
    from explainer.render.terms import ONE_LINE_MAX, TermMarker

    long_name = "Touch-and-Go Sample Acquisition Mechanism"
    terms = (Term("S-400", "s-400", (), "A Russian missile system.", "https://example.org/s"),
             Term(long_name, "tagsam", (), "The sampler head.", "https://example.org/t"))
    html = TermMarker(terms).mark(f"The “S-400”, and the {long_name}, or TAGSAM.", "t/a.md")
    assert len("S-400") <= ONE_LINE_MAX < len(long_name)
    assert re.search(r'“<abbr class="term" [^>]*>S-400</abbr>”,', html)
    assert re.search(rf'<abbr class="term term--long" [^>]*>{long_name}</abbr>,', html)
    css = (ROOT / "explainer/mkdocs_site/theme/assets/stylesheets/explainer.css").read_text()
    assert "display: inline-block" not in css.split(".md-typeset .term {")[1].split("}")[0]



def test_the_glossary_is_in_an_indexs_order_accents_with_their_letters():
    """"César de Castro" among the c's, before "continuing criminal enterprise", as an index
    orders names (by code point, é came after every plain letter)."""
    from explainer.model import Term
    from explainer.render.views import index_order

    terms = [Term(name, name.casefold(), (), "", "") for name in
             ("continuing criminal enterprise", "Cz", "César de Castro", "Ángel", "Bo")]
    assert [t.term for t in sorted(terms, key=index_order)] == [
        "Ángel", "Bo", "César de Castro", "continuing criminal enterprise", "Cz"]
