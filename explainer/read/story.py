"""Turn the validated data files into the Story model, checking what spans entries and files:
duplicate slugs and terms, events filed under topics that don't exist, events no article dates.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import InputError
from ..model import Article, Event, KeyPoint, SourceSpan, Story, Term, Topic
from ..urls import former_slug_of, slug_of
from .data import DataFile, Key, format_key_path
from .schema import (
    DraftGlossaryFile,
    DraftTimelineFile,
    DraftTopicsFile,
    GlossaryFile,
    StoryFile,
    TermEntry,
    TimelineFile,
    TopicsFile,
)


def event_anchor(date: str, headline: str) -> str:
    """An event's anchor: its date and headline ("2019-07-12-first-s-400-parts-arrive")."""
    return f"{date}-{slug_of(headline)}"[:80].rstrip("-")


def former_event_anchors(date: str, headline: str) -> tuple[str, ...]:
    """The anchor the event had before anchors were transliterated, if it differs."""
    former = former_slug_of(headline)
    return (f"{date}-{former}"[:80].rstrip("-"),) if former else ()


def former_term_anchors(term: str) -> tuple[str, ...]:
    former = former_slug_of(term)
    return (former,) if former else ()


def find_duplicate(values: list[str]) -> tuple[int, str] | None:
    """(index, value) of the first value that repeats an earlier one, comparing casefolded."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        key = value.casefold()
        if key in seen:
            return index, value
        seen.add(key)
    return None


def make_topics(file: DataFile) -> tuple[Topic, ...]:
    """The topics of topics.yml (the editor's or a drafted one), each with its rules."""
    data = file.content
    if not isinstance(data, TopicsFile | DraftTopicsFile):
        raise TypeError(f"{file.positions.file}: not a topics file")
    at = file.positions
    duplicate = find_duplicate([t.slug for t in data.topics])
    if duplicate:
        raise InputError(at.where(["topics", duplicate[0], "slug"]),
                         f"topics[{duplicate[0]}].slug: '{duplicate[1]}' is used twice")
    return tuple(
        Topic(t.slug, t.title, t.question, tuple(t.signals), tuple(t.include), tuple(t.exclude),
              tuple(KeyPoint(k.text, tuple(k.cites), at.span(["topics", i, "key_points", j]),
                             tuple(at.span(["topics", i, "key_points", j, "cites", n])
                                   for n in range(len(k.cites))))
                    for j, k in enumerate(t.key_points)),
              at.span(["topics", i]),
              tuple(at.span(["topics", i, "include", n]) for n in range(len(t.include))),
              tuple(at.span(["topics", i, "exclude", n]) for n in range(len(t.exclude))))
        for i, t in enumerate(data.topics)
    )


def refused(span: SourceSpan, message: str) -> InputError:
    """An error at a data file's key: `file:line`, then the key path and the message."""
    return InputError(str(span) if span.line else span.file, f"{span.key}: {message}")


def check_topic_references(topics: tuple[Topic, ...], articles: tuple[Article, ...]
                           ) -> tuple[Topic, ...]:
    """Every include/exclude id must name a sentence, every key point cite a real one.

    Returns the topics with each key point's cites resolved to sentence ids.
    """
    ids = {f"{a.slug}#{s.anchor}": s for a in articles for s in a.sentences}
    resolved = []
    for topic in topics:
        for refs, sources in ((topic.include, topic.include_sources),
                              (topic.exclude, topic.exclude_sources)):
            for ref, where in zip(refs, sources):
                if ref not in ids:
                    raise refused(where, f"no sentence '{ref}' in the articles (build.py "
                                         "--explain lists them)")
        for ref, where in zip(topic.exclude, topic.exclude_sources):
            if ref in topic.include:
                raise refused(where, f"'{ref}' is in both `include:` and `exclude:` of this "
                                     "topic; keep it in one")
        points = []
        for point in topic.key_points:
            cited = []
            for ref, where in zip(point.cites, point.cite_sources):
                found = [ref] if ref in ids else [
                    i for i, s in ids.items() if ref.casefold() in s.text.casefold()]
                if not found:
                    raise refused(where, f"no article sentence is or contains {ref!r}")
                cited += [i for i in found if i not in cited]
            points.append(replace(point, cites=tuple(cited)))
        resolved.append(replace(topic, key_points=tuple(points)))
    return tuple(resolved)


def spelling_keys(data: GlossaryFile) -> list[tuple[list[Key], str]]:
    """(key path, spelling) for every term and its aliases, in file order, a term's spellings
    in other letter case but one (they are one term's: "737 Max" and "737 MAX")."""
    keys: list[tuple[list[Key], str]] = []
    for i, term in enumerate(data.terms):
        keys.append((["terms", i, "term"], term.term))
        seen = {term.term.casefold()}
        for j, alias in enumerate(term.aliases):
            if alias.casefold() not in seen:
                keys.append((["terms", i, "aliases", j], alias))
            seen.add(alias.casefold())
    return keys


def own_aliases(term: TermEntry) -> tuple[str, ...]:
    """A term's aliases, without those that repeat its spelling or an earlier alias's exactly
    (harmless, so not refused). One in other letter case is kept: articles are matched as
    written, and "737 MAX" is not "737 Max"."""
    return tuple(alias for alias in dict.fromkeys(term.aliases) if alias != term.term)


def make_terms(file: DataFile | None) -> tuple[Term, ...]:
    if file is None:
        return ()
    data = file.of(GlossaryFile)
    at = file.positions
    spellings = spelling_keys(data)
    duplicate = find_duplicate([s for _, s in spellings])
    if duplicate:
        key = spellings[duplicate[0]][0]
        earlier = next(s for _, s in spellings if s.casefold() == duplicate[1].casefold())
        same = "" if earlier == duplicate[1] else \
            f" ('{earlier}', in other letter case: list both under one term)"
        raise InputError(at.where(key), f"{format_key_path(key)}: '{duplicate[1]}' is "
                                        f"already a term or alias{same}")
    anchors = [slug_of(t.term) for t in data.terms]
    duplicate = find_duplicate(anchors)
    if duplicate:
        raise InputError(at.where(["terms", duplicate[0], "term"]),
                         f"terms[{duplicate[0]}].term: its anchor '#{duplicate[1]}' clashes "
                         "with an earlier term; rename one")
    return tuple(
        Term(t.term, anchor, own_aliases(t), t.definition, t.source, at.span(["terms", i]),
             former_anchors=former_term_anchors(t.term))
        for i, (t, anchor) in enumerate(zip(data.terms, anchors))
    )


def make_events(file: DataFile | None, topic_slugs: set[str]) -> tuple[Event, ...]:
    if file is None:
        return ()
    data = file.of(TimelineFile)
    at = file.positions
    events = []
    for index, e in enumerate(data.events):
        for position, slug in enumerate(e.topics):
            if slug not in topic_slugs:
                raise InputError(at.where(["events", index, "topics", position]),
                                 f"events[{index}].topics[{position}]: no topic '{slug}' in "
                                 "topics.yml")
        events.append(Event(e.date, e.headline, e.text, tuple(e.topics), tuple(e.mentions),
                            e.source, event_anchor(e.date, e.headline),
                            at.span(["events", index]),
                            tuple(at.span(["events", index, "mentions", n])
                                  for n in range(len(e.mentions))),
                            former_anchors=former_event_anchors(e.date, e.headline)))
    duplicate = find_duplicate([e.anchor for e in events])
    if duplicate:
        raise InputError(at.where(["events", duplicate[0]]),
                         f"events[{duplicate[0]}]: same date and headline as an earlier event")
    return in_time_order(events)


def in_time_order(events: list[Event]) -> tuple[Event, ...]:
    """The events (in the editor's order) by date; ties keep the editor's order. An event
    known only to its month or year stands among the days of that month or year where the
    editor put it ("4 January: the four-day week begins", then "January: parents complain"),
    or before them all: the words give no day to sort it by."""
    ordered = sorted(events, key=lambda e: e.date)
    place = {id(e): n for n, e in enumerate(events)}
    for event in [e for e in events if len(e.date) < 10]:
        ordered.remove(event)
        within = [i for i, other in enumerate(ordered) if other.date.startswith(event.date)]
        before = [i for i in within if place[id(ordered[i])] < place[id(event)]]
        at = before[-1] + 1 if before else within[0] if within else next(
            (i for i, other in enumerate(ordered) if other.date > event.date), len(ordered))
        ordered.insert(at, event)
    return tuple(ordered)


def make_story(data: dict[str, DataFile | None],
               drafts: dict[str, DataFile] | None = None) -> Story:
    """The Story, from the data files returned by `data.load_data` and the drafts of
    `data.load_drafts`: what the editor wrote, then what is drafted and not yet in it."""
    drafts = drafts or {}
    frame = (data.get("explainer.yml") or drafts["explainer.yml"]).of(StoryFile)
    editor_topics = data.get("topics.yml")
    if editor_topics:
        topics = with_drafted_signals(make_topics(editor_topics), drafts.get("topics.yml"))
    else:
        topics = tuple(replace(t, draft=True) for t in make_topics(drafts["topics.yml"]))
    terms = make_terms(data.get("glossary.yml"))
    events = make_events(data.get("timeline.yml"), {t.slug for t in topics})
    glossary = data.get("glossary.yml")
    known = tuple(glossary.of(GlossaryFile).known) if glossary else ()
    drafted_terms = drafted_glossary(drafts.get("glossary.yml"), terms, known)
    drafted_events = drafted_timeline(drafts.get("timeline.yml"), events,
                                      {t.slug for t in topics})
    counts = draft_counts(data, drafts, topics, drafted_terms, drafted_events)
    return Story(frame.title, frame.summary, topics, terms + drafted_terms,
                 in_time_order(list(events + drafted_events)),
                 tuple(frame.abbreviations), counts)


# ---- drafts: what `build.py --draft` proposed and the editor's files don't hold yet ----------


def with_drafted_signals(topics: tuple[Topic, ...], file: DataFile | None) -> tuple[Topic, ...]:
    """The editor's topics, each with the signals drafted for it that it doesn't have."""
    drafted = file.of(DraftTopicsFile).signals if file else {}
    result = []
    for topic in topics:
        mine = {s.casefold() for s in topic.signals}
        new = tuple(s for s in drafted.get(topic.slug, []) if s.casefold() not in mine)
        result.append(replace(topic, signals=topic.signals + new, drafted_signals=new))
    return tuple(result)


def drafted_glossary(file: DataFile | None, terms: tuple[Term, ...], known: tuple[str, ...] = ()
                     ) -> tuple[Term, ...]:
    """Drafted terms none of whose spellings the editor's glossary already has (reviewed: moved
    there, or listed under `known:` as needing no entry), with aliases the editor's terms use
    dropped."""
    if file is None:
        return ()
    taken = {s.casefold() for t in terms for s in t.spellings} | {k.casefold() for k in known}
    anchors = {t.anchor for t in terms}
    drafted = []
    for i, entry in enumerate(file.of(DraftGlossaryFile).terms):
        spellings = [entry.term, *entry.aliases]
        anchor = slug_of(entry.term)
        if any(s.casefold() in taken for s in spellings) or anchor in anchors:
            continue
        aliases = tuple(a for a in entry.aliases if a.casefold() not in taken)
        taken.update(s.casefold() for s in spellings)
        anchors.add(anchor)
        drafted.append(Term(entry.term, anchor, aliases, entry.definition or "",
                            entry.source or "", file.positions.span(["terms", i]), draft=True))
    return tuple(drafted)


def drafted_timeline(file: DataFile | None, events: tuple[Event, ...], topic_slugs: set[str]
                     ) -> tuple[Event, ...]:
    """Drafted events the editor's timeline doesn't have (same date and a mention phrase in
    common, or the same date and headline), filed under topics that still exist."""
    if file is None:
        return ()
    anchors = {e.anchor for e in events}
    drafted = []
    for i, e in enumerate(file.of(DraftTimelineFile).events):
        anchor = event_anchor(e.date, e.headline)
        phrases = {m.casefold() for m in e.mentions}
        if anchor in anchors or any(
                other.date == e.date and phrases & {m.casefold() for m in other.mentions}
                for other in events):
            continue
        anchors.add(anchor)
        at = file.positions
        drafted.append(Event(e.date, e.headline, e.text,
                             tuple(t for t in e.topics if t in topic_slugs), tuple(e.mentions),
                             e.source, anchor, at.span(["events", i]),
                             tuple(at.span(["events", i, "mentions", n])
                                   for n in range(len(e.mentions))),
                             draft=True, resolved=e.resolved))
    return tuple(drafted)


def draft_counts(data: dict[str, DataFile | None], drafts: dict[str, DataFile],
                 topics: tuple[Topic, ...],
                 terms: tuple[Term, ...], events: tuple[Event, ...]) -> tuple[tuple[str, int], ...]:
    """Each drafted file with the entries of it the site uses that still await review."""
    counts = {
        "explainer.yml": 1 if "explainer.yml" in drafts and not data.get("explainer.yml") else 0,
        "topics.yml": sum(t.draft for t in topics) + sum(bool(t.drafted_signals) for t in topics),
        "glossary.yml": len(terms),
        "timeline.yml": len(events),
    }
    return tuple((drafts[name].positions.file, count) for name, count in counts.items()
                 if count and name in drafts)
