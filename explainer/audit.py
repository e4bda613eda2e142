"""Checks that span the articles and the editorial data.

Errors stop the build (an event that cites no existing sentence); warnings point an editor at
gaps (a year no event covers, a name the glossary doesn't explain).
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError
from .load import display_path
from .model import Article, Event, Sentence, Story

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*[A-Z0-9](?![\w-])")
NAME_WORD = re.compile(r"(?<![\w’'-])[A-Z][a-zà-ÿğış]+(?:[’']s)?(?![\w-])")


def mentioning_sentences(event: Event, articles: tuple[Article, ...]
                         ) -> tuple[tuple[Article, Sentence], ...]:
    """The sentences that contain one of the event's mention phrases (case-insensitive)."""
    phrases = [m.casefold() for m in event.mentions]
    return tuple(
        (article, sentence)
        for article in articles for sentence in article.sentences
        if any(p in sentence.text.casefold() for p in phrases)
    )


def check_events(story: Story, articles: tuple[Article, ...], seeds_dir: Path) -> None:
    """Every mention phrase must find a sentence; an event without a source must be dated there."""
    where = display_path(seeds_dir / "timeline.yml")
    for event in story.events:
        key = f"events[{event.date} {event.headline!r}]"
        for phrase in event.mentions:
            if not mentioning_sentences(Event(**{**event.__dict__, "mentions": (phrase,)}),
                                        articles):
                raise InputError(where, f"{key}.mentions: no article sentence contains "
                                        f"{phrase!r}")
        year = event.date[:4]
        dated_by_article = any(year in s.text for _, s in mentioning_sentences(event, articles))
        if event.source is None and not dated_by_article:
            raise InputError(where, f"{key}.source: required, since no article sentence it "
                                    "mentions gives its date")


def undated_years(story: Story, articles: tuple[Article, ...]) -> list[str]:
    """Warnings for years mentioned in articles that no timeline event falls in."""
    covered = {event.date[:4] for event in story.events}
    warnings = []
    for article in articles:
        for sentence in article.sentences:
            for year in YEAR.findall(sentence.text):
                if year not in covered:
                    warnings.append(f"{sentence.source}: {year} is mentioned but no event in "
                                    "timeline.yml falls in that year")
    return warnings


def names_in(sentence: Sentence) -> list[str]:
    """Acronyms and capitalised names in a sentence, except its first word."""
    text = sentence.text
    first_word = re.match(r"\W*\w+", text)
    skip = first_word.end() if first_word else 0
    found = [m.group() for m in ACRONYM.finditer(text) if m.start() >= skip]
    run: list[str] = []
    for match in NAME_WORD.finditer(text):
        if match.start() < skip:
            continue
        word = re.sub(r"[’']s$", "", match.group())
        between = text[run_end:match.start()] if run else ""
        if run and between.strip() == "" and not re.search(r"[’']s$", run_last):
            run.append(word)
        else:
            if run:
                found.append(" ".join(run))
            run = [word]
        run_end, run_last = match.end(), match.group()
    if run:
        found.append(" ".join(run))
    return found


def unglossed_names(story: Story, articles: tuple[Article, ...], known: tuple[str, ...]
                    ) -> list[str]:
    """Warnings for acronyms and names that have no glossary entry and aren't listed as known."""
    spellings = [s.casefold() for term in story.terms for s in term.spellings]
    spellings += [k.casefold() for k in known]
    warnings, reported = [], set()
    for article in articles:
        for sentence in article.sentences:
            for name in names_in(sentence):
                key = name.casefold()
                if key in reported or any(key in s or s in key for s in spellings):
                    continue
                reported.add(key)
                warnings.append(f"{sentence.source}: '{name}' has no glossary entry (add it to "
                                "glossary.yml, or to its `known:` list)")
    return warnings
