"""The values that flow through the pipeline: load → story → segment → classify → audit →
render → write.

Every value is immutable; each stage returns new values instead of changing old ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class SourceSpan:
    """Where a piece of text came from: `seeds/<file>:<line>`, plus the character offset (in
    an article) or the key path (in a data file: "events[2].mentions[0]")."""

    file: str
    line: int
    offset: int
    key: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class RawParagraph:
    """A paragraph as read from an article, before sentence splitting."""

    text: str
    source: SourceSpan


@dataclass(frozen=True)
class Furniture:
    """Words of an article that are not its sentences: a byline, a dateline or a subheading.

    They are shown on the article page but never classified. `before` is the number of the
    body paragraph they stand before (1 for a byline, the lead's for a dateline; one past the
    last paragraph for a heading that ends a Markdown article). A subheading's `anchor` is
    `h1`, `h2`, ... in reading order; bylines and datelines have none. A saved page's "site
    notice" and a Markdown "table" are left out and only named in the build's notes; a
    "separator" ("--") and a "date line" closing the article (a page's "December 10, 2019")
    are left out unnamed: they hold no sentence.
    """

    kind: str  # "byline" (a line above the story), "dateline" (opens the lead), "subheading",
    # "speaker" (a transcript's label opening a turn: "SECRETARY BLINKEN:")
    text: str
    source: SourceSpan
    before: int = 1
    anchor: str = ""


@dataclass(frozen=True)
class ArticleMeta:
    """Optional facts about an article, from its side file `<article>.yml`."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class RawArticle:
    """An article as read from disk: a title and paragraphs of plain text."""

    slug: str
    title: str
    paragraphs: tuple[RawParagraph, ...]
    source_file: str
    meta: ArticleMeta = ArticleMeta()
    furniture: tuple[Furniture, ...] = ()


@dataclass(frozen=True)
class Reason:
    """Why a sentence is on (or mentions) a topic, in words an editor can check."""

    topic: str
    kind: str  # "signal", "context" or "editor"
    detail: str  # e.g. "signal 'S-400' (in a side clause)", "continues p2s1"


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, with the anchor that links to it on the article page."""

    anchor: str  # e.g. "p3s2": stable while the article text is unchanged
    text: str
    source: SourceSpan
    topics: tuple[str, ...] = ()  # the topics it is *about*, filled in by classify
    mentions: tuple[str, ...] = ()  # topics it names without being about them
    reasons: tuple[Reason, ...] = ()
    weights: tuple[tuple[str, float], ...] = ()  # its own weight on each `topics` slug

    def weight(self, topic: str) -> float:
        return dict(self.weights).get(topic, 0.0)


@dataclass(frozen=True)
class Paragraph:
    anchor: str  # e.g. "p3"
    sentences: tuple[Sentence, ...]
    source: SourceSpan

    @property
    def topics(self) -> tuple[str, ...]:
        """The topics this paragraph feeds, in the order its sentences first name them."""
        seen: dict[str, None] = {}
        for sentence in self.sentences:
            seen.update(dict.fromkeys(sentence.topics))
        return tuple(seen)


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    source_file: str
    meta: ArticleMeta = ArticleMeta()
    furniture: tuple[Furniture, ...] = ()  # byline, dateline, subheadings: not sentences

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)

    @cached_property
    def texts(self) -> tuple[str, ...]:
        """The sentences' texts: a cheap key for caches of per-article work."""
        return tuple(s.text for s in self.sentences)


@dataclass(frozen=True)
class KeyPoint:
    """An editor's answer to a topic's question, resting on article sentences."""

    text: str
    cites: tuple[str, ...]  # sentence ids, "<article slug>#<anchor>", resolved by the story
    source: SourceSpan  # where the point is written in topics.yml
    cite_sources: tuple[SourceSpan, ...] = ()  # where each cite is written, as first given


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    question: str
    signals: tuple[str, ...]
    include: tuple[str, ...] = ()  # sentence ids the editor pins to this topic
    exclude: tuple[str, ...] = ()  # sentence ids the editor takes off it
    key_points: tuple[KeyPoint, ...] = ()
    origin: SourceSpan | None = None  # where the topic is written in topics.yml
    include_sources: tuple[SourceSpan, ...] = ()  # where each include id is written
    exclude_sources: tuple[SourceSpan, ...] = ()
    draft: bool = False  # drafted by `build.py --draft`, not yet reviewed
    drafted_signals: tuple[str, ...] = ()  # signals drafted for the editor's topic (in signals)


@dataclass(frozen=True)
class Term:
    """A glossary entry."""

    term: str
    anchor: str
    aliases: tuple[str, ...]
    definition: str
    source: str  # the address that backs the definition ("" for a draft without one)
    origin: SourceSpan | None = None  # where the term is written in glossary.yml
    draft: bool = False  # drafted by `build.py --draft`; its definition may be "" (none yet)
    former_anchors: tuple[str, ...] = ()  # anchors it had before; links to them still land

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Event:
    """A timeline entry. `date` is "YYYY", "YYYY-MM" or "YYYY-MM-DD": the format is the
    precision."""

    date: str
    headline: str
    text: str
    topics: tuple[str, ...]
    mentions: tuple[str, ...]
    source: str | None  # the address that backs the event
    anchor: str
    origin: SourceSpan | None = None  # where the event is written in timeline.yml
    mention_sources: tuple[SourceSpan, ...] = ()  # where each mention phrase is written
    draft: bool = False  # drafted by `build.py --draft`, not yet reviewed
    resolved: str | None = None  # a draft's: how a date the words leave open was worked out
    former_anchors: tuple[str, ...] = ()  # anchors it had before; links to them still land


@dataclass(frozen=True)
class Story:
    """The editorial frame of one explainer: its name, summary and the data beside the articles."""

    title: str
    summary: str
    topics: tuple[Topic, ...]
    terms: tuple[Term, ...] = ()
    events: tuple[Event, ...] = ()
    abbreviations: tuple[str, ...] = ()
    drafts: tuple[tuple[str, int], ...] = ()  # drafted file → how many entries await review

    @property
    def drafted(self) -> int:
        return sum(count for _, count in self.drafts)


@dataclass(frozen=True)
class Problem:
    """Something an editor should look at: where (`file:line`, or a file) and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Explainer:
    """Everything the renderer needs: the story and its classified articles, newest first."""

    story: Story
    articles: tuple[Article, ...]
    warnings: tuple[Problem, ...] = field(default=())
    notes: tuple[Problem, ...] = field(default=())  # for the editor's information only
