"""Stage 3, classify: put each sentence on the topics whose signals it contains.

Signals are phrases from `seeds/topics.yml`. Both signals and sentences are reduced to word
stems first (case, accents, plural and tense endings, British/American spelling), so an editor
writes "S-400" or "defence system" once and it matches "S-400s" and "defense systems".

Then context, within one paragraph, in three plain rules:

1. A sentence with no signal of its own ("He cites a lack of an alternative") takes the topics
   of the sentence before it.
2. A topic signalled by two or more sentences is the paragraph's subject, and every sentence of
   the paragraph is on it too ("The sale was approved in 2024" in a paragraph about F-16s).
3. A sentence that announces a change of subject ("Turkey's economy, meanwhile, ...") keeps
   only its own signals: it neither continues the sentence before it nor joins the subject.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from nltk.stem.snowball import EnglishStemmer

from .model import Article, Paragraph, Sentence, Topic

WORD = re.compile(r"\w+")
DIGITS_PLURAL = re.compile(r"^(\d+)s$")  # "400s" → "400"

Stems = tuple[str, ...]


@lru_cache(maxsize=1)
def spelling_variants() -> dict[str, str]:
    """British spelling → American spelling, from the packaged list."""
    text = resources.files("explainer").joinpath("spelling.txt").read_text("utf-8")
    pairs = (line.split() for line in text.splitlines() if line.strip() and line[0] != "#")
    return {british: american for british, american in pairs}


_stemmer = EnglishStemmer()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = spelling_variants().get(word, word)
    digits = DIGITS_PLURAL.match(word)
    return digits.group(1) if digits else _stemmer.stem(word)


def stems(text: str) -> Stems:
    """The comparable form of a text: lowercase, accent-free word stems, hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple(stem(word) for word in WORD.findall(plain))


def compile_signals(topics: tuple[Topic, ...]) -> tuple[tuple[str, tuple[Stems, ...]], ...]:
    """Each topic's signals in comparable form."""
    return tuple((t.slug, tuple(stems(s) for s in t.signals)) for t in topics)


def word_runs(words: Stems, widths: set[int]) -> set[Stems]:
    """Every run of `widths` consecutive words: one set lookup per signal instead of a scan."""
    return {words[i:i + n] for n in widths for i in range(len(words) - n + 1)}


def topics_of(text: str, signals: tuple[tuple[str, tuple[Stems, ...]], ...]) -> tuple[str, ...]:
    """The topics (in editor's order) whose signals occur in `text`."""
    runs = word_runs(stems(text), {len(p) for _, phrases in signals for p in phrases if p})
    return tuple(slug for slug, phrases in signals if any(p in runs for p in phrases))


# Words that open an aside: the sentence leaves the paragraph's subject.
SUBJECT_CHANGES = frozenset({"meanwhile", "separately", "elsewhere"})


def changes_subject(text: str) -> bool:
    return not SUBJECT_CHANGES.isdisjoint(word.casefold() for word in WORD.findall(text))


def paragraph_subject(own: list[tuple[str, ...]]) -> set[str]:
    """The topics that two or more sentences of a paragraph signal themselves."""
    counts = Counter(slug for topics in own for slug in topics)
    return {slug for slug, count in counts.items() if count >= 2}


def classify_paragraph(paragraph: Paragraph, signals) -> Paragraph:
    order = [slug for slug, _ in signals]
    own = [topics_of(s.text, signals) for s in paragraph.sentences]
    subject = paragraph_subject(own)
    classified: list[Sentence] = []
    for sentence, own_topics in zip(paragraph.sentences, own):
        topics = own_topics
        if not changes_subject(sentence.text):
            if not topics and classified:
                topics = classified[-1].topics  # rule 1: it continues the sentence before
            topics = tuple(s for s in order if s in topics or s in subject)  # rule 2
        classified.append(replace(sentence, topics=topics, signalled=own_topics))
    return replace(paragraph, sentences=tuple(classified))


def classify_article(article: Article, topics: tuple[Topic, ...]) -> Article:
    """Fill in every sentence's topics."""
    signals = compile_signals(topics)
    paragraphs = tuple(classify_paragraph(p, signals) for p in article.paragraphs)
    return replace(article, paragraphs=paragraphs)
