"""`build.py --suggest ARTICLE`: a head start for an editor beginning an explainer.

Lists the names and acronyms the glossary might need (with counts), the dates the timeline
might need (full dates, months and bare years), how many sentences each topic catches, and the
sentences that no topic rule catches yet. Works without any data files, from the text alone.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .audit import names_in
from .classify import classify_article
from .errors import InputError
from .load import load_article, load_data
from .model import Article, Story
from .schema import REQUIRED_DATA_FILES
from .segment import builtin_abbreviations, segment_article
from .story import make_story

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = r"(1[89]\d\d|20\d\d)"
# Longest forms first: "12 July 2019" and "July 12, 2019", then "July 2019", then "2019".
DATE_FORMS = (
    re.compile(rf"\b(\d{{1,2}}) {_MONTH},? {_YEAR}\b"),
    re.compile(rf"\b{_MONTH} (\d{{1,2}}),? {_YEAR}\b"),
    re.compile(rf"\b{_MONTH},? {_YEAR}\b"),
    re.compile(rf"(?<!\d){_YEAR}(?!\d)"),
)
EXCERPT = 100


def iso_date(match: re.Match) -> str:
    """A matched date as timeline.yml writes it: "YYYY-MM-DD", "YYYY-MM" or "YYYY"."""
    parts = match.groups()
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return f"{parts[1]}-{MONTHS.index(parts[0].lower()) + 1:02d}"
    day, month = (parts[0], parts[1]) if parts[0].isdigit() else (parts[1], parts[0])
    return f"{parts[2]}-{MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"


def dates_in(text: str) -> list[tuple[str, str]]:
    """(ISO date, phrase as written) for each date in a text, most precise form first;
    a year inside a full date is not reported again."""
    found: list[tuple[int, str, str]] = []
    taken: list[range] = []
    for form in DATE_FORMS:
        for match in form.finditer(text):
            if any(match.start() in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            found.append((match.start(), iso_date(match), match.group()))
    return [(date, phrase) for _, date, phrase in sorted(found)]


def is_calendar_word(name: str) -> bool:
    return name.casefold() in MONTHS or name.casefold() in WEEKDAYS


def overlaps(name: str, spellings: list[str]) -> bool:
    """Whether a name is part of one of the spellings or contains one, as the build's glossary
    check sees it ("Copper Rule" is covered by "Lead and Copper Rule")."""
    key = name.casefold()
    return any(key in spelling or spelling in key for spelling in spellings)


def load_story(seeds_dir: Path) -> tuple[Story | None, tuple[str, ...]]:
    """The story and the glossary's `known` names, or (None, ()) for a brand-new story that
    lacks explainer.yml or topics.yml. Mistakes in data files that exist are errors as usual."""
    if not all((seeds_dir / name).is_file() for name in REQUIRED_DATA_FILES):
        return None, ()  # suggest from the text alone
    data = load_data(seeds_dir)
    story = make_story(data, seeds_dir)
    glossary = data["glossary.yml"]
    return story, tuple(glossary.known) if glossary else ()


def glossary_lines(article: Article, story: Story | None, known: tuple[str, ...]) -> list[str]:
    names = Counter(name for s in article.sentences for name in names_in(s)
                    if not is_calendar_word(name))
    glossed = [sp.casefold() for t in (story.terms if story else ()) for sp in t.spellings]
    ignored = [k.casefold() for k in known]
    lines = ["Glossary candidates (count, name; * in glossary.yml, - in its known: list):"]
    for name, count in sorted(names.items(), key=lambda item: (-item[1], item[0])):
        mark = "*" if overlaps(name, glossed) else "-" if overlaps(name, ignored) else " "
        lines.append(f"  {count:3d} {mark} {name}")
    return lines


def timeline_lines(article: Article, story: Story | None) -> list[str]:
    dated = {event.date for event in (story.events if story else ())}
    lines = ["Dated mentions for timeline.yml (* = an event already falls on that date):"]
    for sentence in article.sentences:
        for date, phrase in dates_in(sentence.text):
            mark = "*" if any(d.startswith(date) or date.startswith(d) for d in dated) else " "
            lines.append(f"  {date:<10} {mark} {phrase!r:<20} {sentence.source}  "
                         f"{sentence.text[:EXCERPT]}")
    return lines


def topic_lines(article: Article, story: Story | None) -> list[str]:
    if story is None:
        return ["Sentences (no topics.yml found to classify them):"] + [
            f"  {s.source}  {s.text[:EXCERPT]}" for s in article.sentences]
    lines = ["Sentences per topic:"]
    for topic in story.topics:
        count = sum(topic.slug in s.topics for s in article.sentences)
        lines.append(f"  {count:3d}  {topic.slug}")
    unfiled = [f"  {s.source}  {s.text[:EXCERPT]}" for s in article.sentences if not s.topics]
    return lines + ["", "Sentences no topic rule catches yet:"] + (unfiled or ["  (none)"])


def suggest(article_path: Path, seeds_dir: Path) -> str:
    """A plain-text report about one article, judged against the data in `seeds_dir` if any."""
    if not article_path.is_file():
        raise InputError(str(article_path), "no such article file")
    story, known = load_story(seeds_dir)
    abbreviations = builtin_abbreviations() + (story.abbreviations if story else ())
    article = segment_article(load_article(article_path), abbreviations)
    if story:
        article = classify_article(article, story.topics)
    sections = [
        [f"Suggestions for {article_path} ({len(article.sentences)} sentences)"],
        glossary_lines(article, story, known),
        timeline_lines(article, story),
        topic_lines(article, story),
    ]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"
