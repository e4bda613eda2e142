"""Checks that span the articles and the editorial data.

Errors stop the build (an event that cites no existing sentence); warnings point an editor at
gaps (a year no event covers, a name the glossary doesn't explain).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import date_mentions, year_bounds_a_period, year_of_a_document, year_of_a_name
from ..errors import InputError
from ..fold import fold
from ..model import Article, Event, Problem, Story
from .names import names_by_sentence
from .queries import mentioning_sentences, sentences_containing
from .standalone import is_sign_off

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d|s\b)")  # not a decade ("the 1970s")


def check_events(story: Story, articles: tuple[Article, ...]) -> None:
    """Every mention phrase must find a sentence; an event without a source must be dated there."""
    for event in story.events:
        for phrase, where in zip(event.mentions, event.mention_sources):
            if not sentences_containing(phrase, articles):
                raise InputError(str(where), f"{where.key}: no article sentence contains "
                                             f"{phrase!r}")
        dated_by_article = any(gives_the_date(sentence.text, article.meta.published, event.date)
                               for article, sentence in mentioning_sentences(event, articles))
        if event.source is None and not dated_by_article:
            raise InputError(str(event.origin), f"{key_of(event)}.source: required, since no "
                                                "article sentence it mentions gives its date")


def gives_the_date(text: str, published: str | None, date: str) -> bool:
    """Whether a sentence dates an event: it writes the year, or a date it names falls on the
    event's, as a reader of the article on its day would take it ("will restart on Nov. 2",
    "in February of this year")."""
    named = [m.date for m in date_mentions(text, published) if m.date is not None]
    return date[:4] in text or any(d.startswith(date) or date.startswith(d) for d in named)


def key_of(event: Event) -> str:
    """The event's key path in its data file ("events[2]"), for a message about it."""
    return event.origin.key if event.origin else event.headline


def unplaced_articles(articles: tuple[Article, ...]) -> list[Problem]:
    """Notes (not warnings: some sources carry no date or outlet) for articles whose date or
    outlet isn't known: readers can't place "on Thursday", and the pages say "undated"."""
    notes = []
    for article in sorted(articles, key=lambda a: a.source_file):
        missing = [field for field, value in (("published", article.meta.published),
                                              ("outlet", article.meta.outlet)) if not value]
        if missing:
            folder = article.source_file.rsplit("/", 1)[0]
            side = f"{folder}/{article.slug}.meta.yml"
            what = " and ".join(f"`{field}:`" for field in missing)
            notes.append(Problem(article.source_file, f"no {' or '.join(missing)} known: add "
                                 f"{what} to {side} so readers can place its points (its pages "
                                 "say 'undated' meanwhile)" if "published" in missing else
                                 f"no outlet known: add `outlet:` to {side}"))
    return notes


def site_notices(articles: tuple[Article, ...]) -> list[Problem]:
    """Notes (not warnings) naming each line of a saved page left out as the site's, not the
    article's (explainer/read/page-boilerplate.txt), so that the editor can check it."""
    return [Problem(str(item.source), "left out as the site's notice, not the article's "
                    f"(explainer/read/page-boilerplate.txt): {shortened(item.text)!r}")
            for article in sorted(articles, key=lambda a: a.source_file)
            for item in article.furniture if item.kind == "site notice"]


def page_dates_set_aside(articles: tuple[Article, ...]) -> list[Problem]:
    """A note naming each saved page whose own date line under its title disagrees with the
    date its metadata gives (a release reposted a day later): the date line dated it."""
    return [Problem(str(item.source), f"the page's metadata dates it {item.text}, which "
                    "dates the article (give `published:` in its .meta.yml to say otherwise)")
            for article in sorted(articles, key=lambda a: a.source_file)
            for item in article.furniture if item.kind == "page date"]


def tables_left_out(articles: tuple[Article, ...]) -> list[Problem]:
    """Notes naming each table left out of an article's prose, a text's Markdown table or a
    saved page's table of data: its cells are no sentences."""
    return [Problem(str(item.source), "a table, left out of the article's text (its cells are "
                    "no sentences; write what it says as sentences to keep it): "
                    f"{shortened(item.text)!r}")
            for article in sorted(articles, key=lambda a: a.source_file)
            for item in article.furniture if item.kind == "table"]


def captions_left_out(articles: tuple[Article, ...]) -> list[Problem]:
    """Notes naming each photo caption ("FILE - …") left out of a text article's prose."""
    return [Problem(str(item.source), "a photo's caption, left out of the article's text: "
                    f"{shortened(item.text)!r}")
            for article in sorted(articles, key=lambda a: a.source_file)
            for item in article.furniture if item.kind == "caption"]


def notes_left_out(articles: tuple[Article, ...]) -> list[Problem]:
    """A note naming a report's notes section ("Footnotes" and its entries) left out of the
    article's prose: its references are no sentences of the story."""
    problems = []
    for article in sorted(articles, key=lambda a: a.source_file):
        notes = [item for item in article.furniture if item.kind == "notes"]
        if notes:
            problems.append(Problem(str(notes[0].source), f"the notes under {notes[0].text!r} "
                                    f"({len(notes) - 1} more lines), left out of the article's "
                                    "text: their references are no sentences of the story"))
    return problems


def shortened(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def undated_years(story: Story, articles: tuple[Article, ...], known: tuple[str, ...] = ()
                  ) -> list[Problem]:
    """Warnings for years mentioned in articles that no timeline event falls in. A year in a
    name ("the Enforcement Act of 1989"), dating a document ("papers from 2019", "a 2022 copy of
    the list") or bounding a period something is measured over ("from 2012 to 2021", "1
    percent a year since 2022") is no time the story tells of, and one after the
    article's own ("the permit runs until March 2027") is a plan or a deadline, which a
    timeline of what happened may leave out. A year the glossary's `known:` lists is one the
    editor chose to leave out ("since the store opened in 1979")."""
    covered = {event.date[:4] for event in story.events} | {k.strip() for k in known}
    warnings = []
    for article in articles:
        written = article.meta.published[:4] if article.meta.published else "9999"
        for sentence in article.sentences:
            told = set()  # a year once a sentence ("from 2012 to 2021 … in 2020-2021")
            for found in YEAR.finditer(sentence.text):
                year = found.group()
                if year not in covered and year <= written and year not in told \
                        and not year_of_a_name(sentence.text, found.start(), year) \
                        and not year_of_a_document(sentence.text, found.start(), year) \
                        and not year_bounds_a_period(sentence.text, found.start(), year):
                    told.add(year)
                    warnings.append(Problem(str(sentence.source), f"{year} is mentioned but "
                                            "no event in timeline.yml falls in that year (or "
                                            "list it under known: in glossary.yml)"))
    return warnings


def empty_topics(story: Story, articles: tuple[Article, ...]) -> list[Problem]:
    """A warning for each topic no sentence of any article is about or mentions: its page
    would be a question with nothing under it."""
    filed = {slug for article in articles for sentence in article.sentences
             for slug in (*sentence.topics, *sentence.mentions)}
    return [Problem(str(topic.origin) if topic.origin else "topics.yml",
                    f"topic '{topic.slug}' is on no sentence of the articles: give it "
                    "signals the articles use (build.py --explain shows what each sentence "
                    "is about), or remove it")
            for topic in story.topics if topic.slug not in filed]


def covered_by(name: str, spellings: list[str] | set[str]) -> bool:
    """Whether a name (casefolded) is covered by a glossary spelling or known name: one holds
    the other as whole words, or as a people's name ("f-35" and "the f-35 programme", "north
    korea" and "north koreans"; not "us" in "russia")."""
    return any(within(name, spelling) or within(spelling, name) for spelling in spellings)


def within(part: str, whole: str) -> bool:
    return part in whole and re.search(rf"(?<!\w){re.escape(part)}(?:n|ns|an|ans|s)?(?!\w)",
                                       whole) is not None


def unglossed_names(story: Story, articles: tuple[Article, ...], known: tuple[str, ...]
                    ) -> list[Problem]:
    """Warnings for acronyms and names that have no glossary entry and aren't listed as known."""
    spellings = [s.casefold() for term in story.terms for s in term.spellings]
    spellings += [k.casefold() for k in known]
    # a known name needs no entry however it is accented ("Turkiye" of a known "Türkiye");
    # a term's spelling is matched as written, since its tooltip is
    known_folded = [fold(k) for k in known]
    warnings, reported, glossed = [], set(), set()
    for article in articles:
        names = names_by_sentence(article.texts)
        for sentence, names_here in zip(article.sentences, names):
            if is_sign_off(sentence.text):
                continue  # the reporter who signs off is no name of the story
            for name in names_here:
                key = name.casefold()
                if key in reported or key in glossed:
                    continue
                if covered_by(key, spellings) or covered_by(fold(name), known_folded):
                    glossed.add(key)
                    continue
                reported.add(key)
                shown = name if len(name) <= 80 else name[:60] + "…"  # a pasted digest
                warnings.append(Problem(str(sentence.source), f"'{shown}' has no glossary entry "
                                        "(add it to glossary.yml, or to its `known:` list)"))
    return warnings


def drafts_awaiting_review(story: Story) -> list[Problem]:
    """One line per drafted file whose entries the site shows unreviewed: `--strict` (and so
    `mkdocs build --strict`, CI and the Pages workflow) fails on them."""
    return [Problem(file, f"{count} drafted {'entry awaits' if count == 1 else 'entries await'} "
                          "review: move each you keep into the editor's file of the same name "
                          "beside the drafts folder and delete the rest (or this file, once you "
                          "are done; guides/editor.md: Drafts)")
            for file, count in story.drafts]


def without_stale_drafts(story: Story, articles: tuple[Article, ...]
                         ) -> tuple[Story, list[Problem]]:
    """The story without drafted events whose sentence an article no longer has (the articles
    changed since `build.py --draft`), and a warning for each."""
    stale = [e for e in story.events if e.draft
             and not all(sentences_containing(m, articles) for m in e.mentions)]
    if not stale:
        return story, []
    kept = tuple(e for e in story.events if e not in stale)
    warnings = [Problem(str(e.origin), f"{key_of(e)}: drafted event no article sentence "
                        "mentions any more; run `make draft` again") for e in stale]
    return replace(story, events=kept), warnings
