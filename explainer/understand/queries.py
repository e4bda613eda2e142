"""Questions asked of the model, answered without changing it: which sentences mention an event,
which are about a topic and which answer it best, which pages use a glossary term. Pure
functions of the values in model.py, shared by the checks (audit) and the pages (render, views).
"""

from __future__ import annotations

import re

from ..dates import date_mentions
from ..memo import per_content, per_explainer
from ..model import Article, Event, Explainer, Sentence, Term


def sentences_containing(phrase: str, articles: tuple[Article, ...]
                         ) -> tuple[tuple[Article, Sentence], ...]:
    """The sentences that contain a phrase (case-insensitive), in story order."""
    wanted = phrase.casefold()
    return tuple((article, sentence) for article in articles for sentence in article.sentences
                 if wanted in sentence.text.casefold())


def mentioning_sentences(event: Event, articles: tuple[Article, ...]
                         ) -> tuple[tuple[Article, Sentence], ...]:
    """The sentences that contain one of the event's mention phrases (case-insensitive), but
    for one where the phrase names a day that, in its article, is another day than the
    event's: "county officials said on Tuesday" is 19 May in one article and 14 April in
    another."""
    phrases = tuple(m.casefold() for m in event.mentions)
    found = tuple((article, index) for article in articles
                  for index in sentences_with(article.texts, phrases))
    dated_as_the_event = tuple(
        (article, article.sentences[index]) for article, index in found
        if not dated_otherwise(article.texts[index], phrases, article.meta.published, event.date))
    # where the rules read every sentence's day otherwise, the editor's date is a correction
    # ("told department heads on Monday" read as the Monday ahead): the editor's reading wins
    return dated_as_the_event or tuple((article, article.sentences[index])
                                       for article, index in found)


@per_content(maxsize=65536)  # per sentence and event
def dated_otherwise(text: str, phrases: tuple[str, ...], published: str | None,
                    date: str) -> bool:
    """Whether each mention phrase the text holds names a date, read in its article, that is
    not the event's (at the precision of either)."""
    folded = text.casefold()
    found = [(at, at + len(p)) for p in phrases if (at := folded.find(p)) != -1]
    named = [m for m in date_mentions(text, published) if m.date is not None]

    def otherwise(start: int, end: int) -> bool:
        inside = [m.date for m in named if start <= m.start < end]
        return bool(inside) and not any(d.startswith(date) or date.startswith(d)
                                        for d in inside if d)
    return bool(found) and all(otherwise(start, end) for start, end in found)


@per_content(maxsize=65536)  # per article and event
def sentences_with(texts: tuple[str, ...], phrases: tuple[str, ...]) -> tuple[int, ...]:
    """The positions of the texts that contain one of the (casefolded) phrases."""
    return tuple(i for i, text in enumerate(texts)
                 if any(p in text.casefold() for p in phrases))


def paragraph_number(sentence: Sentence) -> int:
    return int(sentence.anchor[1:].split("s")[0])


def newest_articles(explainer: Explainer) -> tuple[Article, ...]:
    """The follow-up(s) of the newest date, when an older article exists; else none.

    Articles are sorted newest first, dated before undated, so an undated newest article
    means nothing is dated and nothing can be called new.
    """
    newest = explainer.articles[0].meta.published
    fresh = tuple(a for a in explainer.articles if newest and a.meta.published == newest)
    return fresh if len(fresh) < len(explainer.articles) else ()


def topic_sentences(explainer: Explainer, slug: str) -> list[tuple[Article, Sentence]]:
    """The sentences about a topic, newest article first, in story order within each."""
    return sentences_by_topic(explainer).get(slug, [])


@per_explainer  # one pass over the story, where each topic scanning every sentence made the
def sentences_by_topic(explainer: Explainer, kind: str = "topics"  # work grow with topics ×
                       ) -> dict[str, list[tuple[Article, Sentence]]]:  # sentences
    """Topic slug → the sentences about it (`kind` "topics") or mentioning it ("mentions"),
    newest article first, in story order within each."""
    found: dict[str, list[tuple[Article, Sentence]]] = {}
    for article in explainer.articles:
        for sentence in article.sentences:
            for slug in dict.fromkeys(getattr(sentence, kind)):
                found.setdefault(slug, []).append((article, sentence))
    return found


def spelling_pattern(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    """One regex for every spelling of every term, longest first, matching whole words only.

    The lookarounds need no word boundary after a final dot, so "U.S." matches where
    Python-Markdown's abbr extension would not.
    """
    spellings = sorted({s for t in terms for s in t.spellings}, key=len, reverse=True)
    if not spellings:
        return None
    alternatives = "|".join(re.escape(s) for s in spellings)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-]|[’']\w\w)")


def term_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Where glossary spellings stand in a text, none overlapping: leftmost first, the longest
    there, but never one that cuts a spelling starting inside it and running on ("President
    Park" of "President Park Geun-hye", where "Park Geun-hye" is a term): that one wins."""
    spans: list[tuple[int, int]] = []
    position = 0
    while match := pattern.search(text, position):
        start, end = match.span()
        for inner in range(start + 1, end):
            if text[inner - 1].isspace() and (longer := pattern.match(text, inner)) \
                    and longer.end() > end:
                start, end = longer.span()
                break
        spans.append((start, end))
        position = end
    return spans


@per_explainer  # asked by every topic page's "Related topics"
def shared_sentences(explainer: Explainer) -> dict[frozenset[str], int]:
    """For each pair of topics, how many sentences they have in common: sentences about one of
    them that are about or mention the other. One count per pair, so both pages say the same."""
    counts: dict[frozenset[str], int] = {}
    for article in explainer.articles:
        for sentence in article.sentences:
            touched = set(sentence.topics) | set(sentence.mentions)
            for pair in {frozenset((a, b)) for a in sentence.topics for b in touched if a != b}:
                counts[pair] = counts.get(pair, 0) + 1
    return counts
