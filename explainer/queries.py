"""Questions asked of the model, answered without changing it: which sentences mention an event,
which are about a topic. Pure functions of the values in model.py, shared by the checks (audit),
the pages (render) and the export.
"""

from __future__ import annotations

from .model import Article, Event, Sentence


def sentences_containing(phrase: str, articles: tuple[Article, ...]
                         ) -> tuple[tuple[Article, Sentence], ...]:
    """The sentences that contain a phrase (case-insensitive), in story order."""
    wanted = phrase.casefold()
    return tuple((article, sentence) for article in articles for sentence in article.sentences
                 if wanted in sentence.text.casefold())


def mentioning_sentences(event: Event, articles: tuple[Article, ...]
                         ) -> tuple[tuple[Article, Sentence], ...]:
    """The sentences that contain one of the event's mention phrases (case-insensitive)."""
    phrases = [m.casefold() for m in event.mentions]
    return tuple(
        (article, sentence)
        for article in articles for sentence in article.sentences
        if any(p in sentence.text.casefold() for p in phrases)
    )


def topic_sentences(articles: tuple[Article, ...], slug: str
                    ) -> list[tuple[Article, Sentence]]:
    """The sentences about a topic, newest article first, in story order within each."""
    return [(a, s) for a in articles for s in a.sentences if slug in s.topics]
