"""Turn the validated data files into the Story model, checking what spans entries and files:
duplicate slugs and terms, events filed under topics that don't exist, events no article dates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .load import format_key_path, locate
from .model import Article, Event, KeyPoint, SourceSpan, Story, Term, Topic
from .schema import GlossaryFile, StoryFile, TimelineFile, TopicsFile


def slugify(text: str) -> str:
    """`Recep Tayyip Erdoğan` → `recep-tayyip-erdogan`: stable anchors from names."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "x"


def find_duplicate(values: list[str]) -> tuple[int, str] | None:
    """(index, value) of the first value that repeats an earlier one, comparing casefolded."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        key = value.casefold()
        if key in seen:
            return index, value
        seen.add(key)
    return None


def make_topics(data: TopicsFile, path: Path) -> tuple[Topic, ...]:
    duplicate = find_duplicate([t.slug for t in data.topics])
    if duplicate:
        raise InputError(locate(path, ["topics", duplicate[0], "slug"]),
                         f"topics[{duplicate[0]}].slug: '{duplicate[1]}' is used twice")
    return tuple(
        Topic(t.slug, t.title, t.question, tuple(t.signals), tuple(t.include), tuple(t.exclude),
              tuple(KeyPoint(k.text, tuple(k.cites), key_point_source(path, i, j))
                    for j, k in enumerate(t.key_points)))
        for i, t in enumerate(data.topics)
    )


def key_point_source(path: Path, topic_index: int, point_index: int) -> SourceSpan:
    where = locate(path, ["topics", topic_index, "key_points", point_index])
    file, _, line = where.rpartition(":")
    return SourceSpan(file, int(line), 0) if line.isdigit() else SourceSpan(where, 0, 0)


def check_topic_references(topics: tuple[Topic, ...], articles: tuple[Article, ...],
                           path: Path) -> tuple[Topic, ...]:
    """Every include/exclude id must name a sentence, every key point cite a real one.

    Returns the topics with each key point's cites resolved to sentence ids.
    """
    ids = {f"{a.slug}#{s.anchor}": s for a in articles for s in a.sentences}
    resolved = []
    for index, topic in enumerate(topics):
        for field in ("include", "exclude"):
            for position, ref in enumerate(getattr(topic, field)):
                if ref not in ids:
                    key = ["topics", index, field, position]
                    raise InputError(locate(path, key), f"{format_key_path(key)}: no sentence "
                                     f"'{ref}' in the articles (build.py --explain lists them)")
        points = []
        for number, point in enumerate(topic.key_points):
            cited = []
            for position, ref in enumerate(point.cites):
                found = [ref] if ref in ids else [
                    i for i, s in ids.items() if ref.casefold() in s.text.casefold()]
                if not found:
                    key = ["topics", index, "key_points", number, "cites", position]
                    raise InputError(locate(path, key), f"{format_key_path(key)}: no article "
                                     f"sentence is or contains {ref!r}")
                cited += [i for i in found if i not in cited]
            points.append(replace(point, cites=tuple(cited)))
        resolved.append(replace(topic, key_points=tuple(points)))
    return tuple(resolved)


def spelling_keys(data: GlossaryFile) -> list[tuple[list, str]]:
    """(key path, spelling) for every term and alias, in file order."""
    keys: list[tuple[list, str]] = []
    for i, term in enumerate(data.terms):
        keys.append((["terms", i, "term"], term.term))
        keys += [(["terms", i, "aliases", j], alias) for j, alias in enumerate(term.aliases)]
    return keys


def make_terms(data: GlossaryFile | None, path: Path) -> tuple[Term, ...]:
    if data is None:
        return ()
    spellings = spelling_keys(data)
    duplicate = find_duplicate([s for _, s in spellings])
    if duplicate:
        key = spellings[duplicate[0]][0]
        raise InputError(locate(path, key), f"{format_key_path(key)}: '{duplicate[1]}' is "
                                            "already a term or alias")
    anchors = [slugify(t.term) for t in data.terms]
    duplicate = find_duplicate(anchors)
    if duplicate:
        raise InputError(locate(path, ["terms", duplicate[0], "term"]),
                         f"terms[{duplicate[0]}].term: its anchor '#{duplicate[1]}' clashes "
                         "with an earlier term; rename one")
    return tuple(
        Term(t.term, anchor, tuple(t.aliases), t.definition, t.source)
        for t, anchor in zip(data.terms, anchors)
    )


def make_events(data: TimelineFile | None, path: Path, topic_slugs: set[str]) -> tuple[Event, ...]:
    if data is None:
        return ()
    events = []
    for index, e in enumerate(data.events):
        for position, slug in enumerate(e.topics):
            if slug not in topic_slugs:
                raise InputError(locate(path, ["events", index, "topics", position]),
                                 f"events[{index}].topics[{position}]: no topic '{slug}' in "
                                 "topics.yml")
        anchor = f"{e.date}-{slugify(e.headline)}"[:80].rstrip("-")
        events.append(Event(e.date, e.headline, e.text, tuple(e.topics), tuple(e.mentions),
                            e.source, anchor))
    duplicate = find_duplicate([e.anchor for e in events])
    if duplicate:
        raise InputError(locate(path, ["events", duplicate[0]]),
                         f"events[{duplicate[0]}]: same date and headline as an earlier event")
    # Sorted by date; ties keep the editor's order. "2019" sorts before "2019-07".
    return tuple(sorted(events, key=lambda e: e.date))


def make_story(data: dict, seeds_dir: Path) -> Story:
    """The Story, from the data files returned by `load.load_data`."""
    frame: StoryFile = data["explainer.yml"]
    topics = make_topics(data["topics.yml"], seeds_dir / "topics.yml")
    terms = make_terms(data["glossary.yml"], seeds_dir / "glossary.yml")
    events = make_events(data["timeline.yml"], seeds_dir / "timeline.yml",
                         {t.slug for t in topics})
    return Story(frame.title, frame.summary, topics, terms, events, tuple(frame.abbreviations))
