"""Checks that span the articles and the editorial data.

Errors stop the build (an event that cites no existing sentence); warnings point an editor at
gaps (a year no event covers, a name the glossary doesn't explain).
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError
from .load import format_key_path, load_data_file, locate
from .model import Article, Event, Sentence, Story
from .names import names_in, vocabulary_of
from .schema import TimelineFile

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


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
    path = seeds_dir / "timeline.yml"
    for event in story.events:
        for position, phrase in enumerate(event.mentions):
            if not mentioning_sentences(Event(**{**event.__dict__, "mentions": (phrase,)}),
                                        articles):
                key = event_key(path, event) + ["mentions", position]
                raise InputError(locate(path, key), f"{format_key_path(key)}: no article "
                                                    f"sentence contains {phrase!r}")
        year = event.date[:4]
        dated_by_article = any(year in s.text for _, s in mentioning_sentences(event, articles))
        if event.source is None and not dated_by_article:
            key = event_key(path, event) + ["source"]
            raise InputError(locate(path, key), f"{format_key_path(key)}: required, since no "
                                                "article sentence it mentions gives its date")


def event_key(path: Path, event: Event) -> list:
    """["events", index] of an event in timeline.yml, whose order the story no longer keeps."""
    # Only on the way to an error: read the file again rather than carry indexes everywhere.
    entries = load_data_file(path, TimelineFile).events
    return ["events", next(i for i, e in enumerate(entries)
                           if (e.date, e.headline) == (event.date, event.headline))]


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


def unglossed_names(story: Story, articles: tuple[Article, ...], known: tuple[str, ...]
                    ) -> list[str]:
    """Warnings for acronyms and names that have no glossary entry and aren't listed as known."""
    spellings = [s.casefold() for term in story.terms for s in term.spellings]
    spellings += [k.casefold() for k in known]
    warnings, reported = [], set()
    for article in articles:
        vocabulary = vocabulary_of(s.text for s in article.sentences)
        for sentence in article.sentences:
            for name in names_in(sentence.text, vocabulary):
                key = name.casefold()
                if key in reported or any(key in s or s in key for s in spellings):
                    continue
                reported.add(key)
                warnings.append(f"{sentence.source}: '{name}' has no glossary entry (add it to "
                                "glossary.yml, or to its `known:` list)")
    return warnings
