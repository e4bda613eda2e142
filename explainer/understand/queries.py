"""Questions asked of the model, answered without changing it: which sentences mention an event,
which are about a topic and which answer it best, which pages use a glossary term. Pure
functions of the values in model.py, shared by the checks (audit) and the pages (render, views).
"""

from __future__ import annotations

import re

from .. import urls
from ..memo import per_content, per_explainer
from ..model import Article, Event, Explainer, Sentence, Term, Topic


def sentences_containing(phrase: str, articles: tuple[Article, ...]
                         ) -> tuple[tuple[Article, Sentence], ...]:
    """The sentences that contain a phrase (case-insensitive), in story order."""
    wanted = phrase.casefold()
    return tuple((article, sentence) for article in articles for sentence in article.sentences
                 if wanted in sentence.text.casefold())


def mentioning_sentences(event: Event, articles: tuple[Article, ...]
                         ) -> tuple[tuple[Article, Sentence], ...]:
    """The sentences that contain one of the event's mention phrases (case-insensitive)."""
    phrases = tuple(m.casefold() for m in event.mentions)
    return tuple(
        (article, article.sentences[index])
        for article in articles
        for index in sentences_with(article.texts, phrases)
    )


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


KEY_POINTS = 3  # bullets chosen for "In short" when the editor writes none (2 to 4 asked)
MIN_POINTS = 2


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


def central_sentences(explainer: Explainer, topic: Topic, count: int = KEY_POINTS,
                      avoid: frozenset[str] = frozenset()) -> list[tuple[Article, Sentence]]:
    """The sentences that answer a topic's question best, in reading order.

    Central means: on this topic by its own words (a full signal's worth) rather than by
    context, making sense on its own (not opening with "He ..." or "These ..."), about this
    topic alone rather than shared, the heaviest signals, and early in its article (news puts
    the answer first). One per paragraph, and never a sentence twice (a follow-up that repeats
    a background paragraph word for word), so the points don't repeat one another.
    """
    ranked, rank = ranked_sentences(explainer, topic)
    if avoid:  # sentences another card leads with go last (sorted is stable)
        ranked = sorted(ranked, key=lambda item: f"{item[0].slug}#{item[1].anchor}" in avoid)
    chosen: list[tuple[Article, Sentence]] = []
    paragraphs: set[tuple[str, int]] = set()
    said: set[str] = set()  # follow-ups repeat background sentences word for word
    for article, sentence in ranked:
        if len(chosen) == count:
            break
        where = (article.slug, paragraph_number(sentence))
        text = " ".join(sentence.text.casefold().split())
        if sentence.weight(topic.slug) > 0 and where not in paragraphs and text not in said:
            chosen.append((article, sentence))
            paragraphs.add(where)
            said.add(text)
    # Too few answers of their own: the next most central sentences, wherever they stand.
    missing = max(0, min(count, MIN_POINTS) - len(chosen))
    chosen += [item for item in ranked if all(item[1] is not c[1] for c in chosen)
               and " ".join(item[1].text.casefold().split()) not in said][:missing]
    return sorted(chosen, key=lambda item: rank[id(item[1])])


@per_explainer  # asked for each card's lead, each topic's In short and its description
def ranked_sentences(explainer: Explainer, topic: Topic
                     ) -> tuple[list[tuple[Article, Sentence]], dict[int, int]]:
    """The topic's sentences, most central first, and each one's place in reading order."""
    candidates = topic_sentences(explainer, topic.slug)
    rank = {id(s): i for i, (_, s) in enumerate(candidates)}

    def centrality(item: tuple[Article, Sentence]) -> tuple:
        article, sentence = item
        weight = sentence.weight(topic.slug)
        return (weight < 1, leans_on_context(sentence.text), len(sentence.topics), -weight,
                rank[id(sentence)])

    return sorted(candidates, key=centrality), rank


# Opening words that lean on the sentence before: out of context, "He cites ..." or "These
# discussions ..." leave a reader asking who or which.
LEANING_OPENINGS = frozenset(
    ["he", "she", "they", "it", "its", "his", "her", "their", "them", "this", "that", "these",
     "those", "such", "however", "therefore", "nonetheless", "nevertheless", "meanwhile", "but",
     "and", "so", "also", "additionally", "instead", "still", "yet"])


def leans_on_context(text: str) -> bool:
    first = re.match(r"\W*(\w+)", text)
    return bool(first) and first.group(1).casefold() in LEANING_OPENINGS


def first_point(explainer: Explainer, topic: Topic, avoid: frozenset[str] = frozenset()
                ) -> tuple[str, list[tuple[Article, Sentence]]] | None:
    """The topic's first "In short" point: its text and the sentences it rests on."""
    if topic.key_points:
        point = topic.key_points[0]
        by_id = {f"{a.slug}#{s.anchor}": (a, s) for a in explainer.articles for s in a.sentences}
        return point.text, [by_id[ref] for ref in point.cites]
    central = central_sentences(explainer, topic, count=1, avoid=avoid)
    return (central[0][1].text, central) if central else None


@per_explainer  # the home page and the glossary's "Mentioned in" ask it
def home_leads(explainer: Explainer) -> list[tuple[Topic, tuple[str, list] | None]]:
    """Each topic's lead on the home page, in topic order: its first point, chosen so that no
    sentence leads two cards."""
    leads, used = [], set()
    for topic in explainer.story.topics:
        point = first_point(explainer, topic, avoid=frozenset(used))
        if point:
            used.update(f"{a.slug}#{s.anchor}" for a, s in point[1])
        leads.append((topic, point))
    return leads


def marked_texts(explainer: Explainer) -> list[tuple[str, list[str]]]:
    """(page, the texts it marks glossary terms in), in the order the site lists its pages:
    home (the cards' leads from the articles, the unfiled sentences), the topic pages (their
    sentences), the article pages and the timeline (its events' texts)."""
    home = [point[0] for topic, point in home_leads(explainer) if point and not topic.key_points]
    home += [s.text for a in explainer.articles for s in a.sentences if not s.topics]
    return [
        (urls.HOME, home),
        *((urls.topic_page(t.slug), [s.text for _, s in topic_sentences(explainer, t.slug)])
          for t in explainer.story.topics),
        *((urls.article_page(a.slug), [s.text for s in a.sentences]) for a in explainer.articles),
        (urls.TIMELINE, [e.text for e in explainer.story.events]),
    ]


def term_pages(explainer: Explainer) -> dict[str, list[str]]:
    """Term anchor → the pages that use the term, in page order (the glossary's
    "Mentioned in")."""
    pattern = spelling_pattern(explainer.story.terms)
    if pattern is None:
        return {}
    by_spelling = {s: t for t in explainer.story.terms for s in t.spellings}
    pages: dict[str, list[str]] = {}
    for page, texts in marked_texts(explainer):
        for spelling in spellings_in(tuple(texts), pattern):
            using = pages.setdefault(by_spelling[spelling].anchor, [])
            if page not in using:
                using.append(page)
    return pages


@per_content(maxsize=8192)  # per article (and page)
def spellings_in(texts: tuple[str, ...], pattern: re.Pattern) -> tuple[str, ...]:
    """The spellings the pattern finds in the texts, each once, in order of first use."""
    return tuple(dict.fromkeys(m.group() for text in texts for m in pattern.finditer(text)))


def spelling_pattern(terms: tuple[Term, ...]) -> re.Pattern | None:
    """One regex for every spelling of every term, longest first, matching whole words only.

    The lookarounds need no word boundary after a final dot, so "U.S." matches where
    Python-Markdown's abbr extension would not.
    """
    spellings = sorted({s for t in terms for s in t.spellings}, key=len, reverse=True)
    if not spellings:
        return None
    alternatives = "|".join(re.escape(s) for s in spellings)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-]|[’']\w\w)")
