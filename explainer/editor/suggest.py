"""`build.py --suggest ARTICLE`: a head start for an editor beginning an explainer.

Lists the names and acronyms the glossary might need (with counts, multi-word names whole),
every date the article mentions (full dates, days without a year and weekdays resolved against
its published date, months and bare years), how many sentences each topic catches, and the
sentences that no topic rule catches yet. Works without any data files, from the text alone.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..dates import DateMention, date_mentions, last_named_year
from ..errors import InputError
from ..model import Article, SourceSpan, Story
from ..read.data import load_data
from ..read.load import load_article
from ..read.schema import REQUIRED_DATA_FILES, GlossaryFile
from ..read.seedfiles import display_path
from ..read.story import make_story
from ..understand.classify import classify_article
from ..understand.names import names_in, vocabulary_of
from ..understand.segment import builtin_abbreviations, segment_article

EXCERPT = 100


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
    story = make_story(data)
    glossary = data["glossary.yml"]
    return story, tuple(glossary.of(GlossaryFile).known) if glossary else ()


def glossary_lines(article: Article, story: Story | None, known: tuple[str, ...]) -> list[str]:
    vocabulary = vocabulary_of(s.text for s in article.sentences)
    names = Counter(name for s in article.sentences for name in names_in(s.text, vocabulary))
    glossed = [sp.casefold() for t in (story.terms if story else ()) for sp in t.spellings]
    ignored = [k.casefold() for k in known]
    lines = ["Glossary candidates (count, name; * in glossary.yml, - in its known: list):"]
    for name, count in sorted(names.items(), key=lambda item: (-item[1], item[0])):
        mark = "*" if overlaps(name, glossed) else "-" if overlaps(name, ignored) else " "
        lines.append(f"  {count:3d} {mark} {name}")
    return lines


def dated_texts(article: Article) -> list[tuple[SourceSpan, str]]:
    """Every text of the article that can mention a date, in reading order: its sentences,
    and its byline, dateline and subheadings."""
    texts = [(s.source, s.text) for s in article.sentences]
    texts += [(f.source, f.text) for f in article.furniture]
    return sorted(texts, key=lambda item: item[0].offset)


def resolution_note(mention: DateMention, published: str | None) -> str:
    """How a date was worked out, for the editor to check."""
    if not mention.resolved_from:
        return ""
    if mention.resolved_from == published:
        return f" (resolved from published {published})"
    return f" (counted from {mention.resolved_from}, the year named before it)"


def mention_line(mention: DateMention, dated: set[str], source: SourceSpan, text: str,
                 published: str | None = None) -> str:
    if mention.date is None:
        date, mark, note = "unresolved", " ", f" ({mention.problem})"
    else:
        date = mention.date
        mark = "*" if any(d.startswith(date) or date.startswith(d) for d in dated) else " "
        note = resolution_note(mention, published)
    return f"  {date:<10} {mark} {mention.phrase!r}{note}  {source}  {text[:EXCERPT]}"


def timeline_lines(article: Article, story: Story | None) -> list[str]:
    dated = {event.date for event in (story.events if story else ())}
    published = article.meta.published
    lines = ["Dated mentions for timeline.yml (* = an event already falls on that date; days "
             "without a year and weekdays are counted from the article's published date, "
             + (f"{published})" if published else "which its .meta.yml doesn't give)") + ":"]
    named_year = None  # "that year" counts from the year named last, across sentences
    for source, text in dated_texts(article):
        mentions = date_mentions(text, published, named_year)
        named_year = last_named_year(mentions, named_year)
        for mention in mentions:
            lines.append(mention_line(mention, dated, source, text, published))
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


def explain_lines(article_path: Path, seeds_dir: Path) -> list[str]:
    return ["A sentence on a topic that looks doubtful? See which words put it there:",
            f"  python build.py --explain {article_path} --seeds {display_path(seeds_dir)}"]


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
    ] + ([explain_lines(article_path, seeds_dir)] if story else [])
    return "\n\n".join("\n".join(section) for section in sections) + "\n"
