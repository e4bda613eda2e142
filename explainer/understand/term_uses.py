"""Where the glossary's terms are used: the pages that mention each term (the glossary's
"Mentioned in"), from the texts each page shows, as the model and its answers give them."""

from __future__ import annotations

import re

from .. import urls
from ..memo import Same, per_content
from ..model import Article, Explainer, Topic
from .answers import answer_points, home_leads
from .queries import spelling_pattern, term_spans
from .standalone import on_topic_with_context, unfiled_alone


def marked_texts(explainer: Explainer) -> list[tuple[str, list[str]]]:
    """(page, the texts it marks glossary terms in), in the order the site lists its pages:
    home (the cards' leads from the articles, the unfiled sentences), the topic pages (their
    "In short" points, their sentences and the sentences those point back to), the article
    pages and the timeline (its events' texts)."""
    home = [point[0] for topic, point in home_leads(explainer) if point and not topic.key_points]
    home += [s.text for a in explainer.articles for s in a.sentences if unfiled_alone(a, s)]
    return [
        (urls.HOME, home),
        *((urls.topic_page(t.slug), topic_page_texts(explainer, t))
          for t in explainer.story.topics),
        *((urls.article_page(a.slug), [s.text for s in a.sentences]) for a in explainer.articles),
        (urls.TIMELINE, [e.text for e in explainer.story.events]),
    ]


def topic_page_texts(explainer: Explainer, topic: Topic) -> list[str]:
    """The texts a topic page marks terms in: its points, then its sentences with the ones
    they point back to, article by article."""
    texts = [] if topic.key_points else [p.text for p in answer_points(explainer, topic)]
    for article in explainer.articles:
        texts += article_texts(Same(article), topic.slug)
    return texts


@per_content(maxsize=1 << 14)  # per article and topic: a save redoes its own article's
def article_texts(same: Same[Article], slug: str) -> tuple[str, ...]:
    """One article's sentences on a topic page, with the ones they point back to."""
    paragraphs = same.value.paragraphs
    shown = on_topic_with_context(paragraphs, slug)
    return tuple(p.sentences[i].text for p, kept in zip(paragraphs, shown) for i in kept)


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
def spellings_in(texts: tuple[str, ...], pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The spellings the pattern finds in the texts, each once, in order of first use."""
    return tuple(dict.fromkeys(text[start:end] for text in texts
                               for start, end in term_spans(pattern, text)))


