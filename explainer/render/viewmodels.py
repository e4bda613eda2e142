"""View models: the contract between the render stage and the templates, one frozen value per
thing a page prints.

views.py, pages.py, archive.py and indexes.py build them from the model; a template reads
their fields (`point.html`, `source.href`) and nothing else, so a field that is renamed or
missing fails mypy here rather than a build later (Jinja runs with StrictUndefined). Each
field's comment says what the template prints. Values that need no escaping are `Markup`
already (links, anchors, sentences with their glossary terms marked); every `str` goes through
its context's filter in the template (explainer/escape.py).

Sequences are tuples: a view model is a value, like the model it is made from.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

# ---- shared by several pages ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """A link that names the page (or place) it leads to."""

    title: str  # the link's text: a topic's or article's title, "3 on <topic>"
    href: Markup  # where it leads, relative to the page


@dataclass(frozen=True, slots=True)
class SourceLink:
    """The "¶3" link from a point or a line to the paragraph it comes from."""

    href: Markup  # the sentence's (or paragraph's) place on its article page
    label: str  # its title and accessible name: "In the article, paragraph 3"
    number: int  # the paragraph's number, after "¶"


@dataclass(frozen=True, slots=True)
class Point:
    """An answer in a line: a topic page's "In short" bullet, a home card's lead."""

    html: Markup  # the point as it stands alone, glossary terms marked
    dateline: str  # "VOA, 17 July 2012" in brackets after it ("" prints nothing)
    sources: tuple[SourceLink, ...]  # a "¶n" link to each sentence it rests on
    new: bool = False  # every sentence it rests on is from the newest follow-up: "New"


@dataclass(frozen=True, slots=True)
class NewArticle:
    """One of the newest follow-ups in the "New on <date>" block."""

    title: str  # its title, in quotes
    outlet: str | None  # in brackets after the title, when known
    href: Markup  # its article page


@dataclass(frozen=True, slots=True)
class NewLead:
    """On a topic page: the newest articles' best answer to the topic's question."""

    text: str  # the answer as it stands alone
    href: Markup  # "Read it in place": its sentence on this page or on its article page


@dataclass(frozen=True, slots=True)
class WhatsNew:
    """The "New on <date>" block of the home page and the topic pages (_whats_new.md.j2)."""

    date: Markup  # the newest articles' date, machine-readable, for <time datetime>
    when: str  # the same date as a reader says it: "17 July 2012"
    count: int  # how many new sentences ("3 new sentences below")
    articles: tuple[NewArticle, ...]  # the newest articles, joined by "and"
    links: tuple[Link, ...]  # on the home page: "3 on <topic>", to the first of them
    lead: NewLead | None  # on a topic page: the best new answer, if one is good enough
    on_topic: bool  # a topic page's wording ("adds nothing new on this question")
    shared: bool = False  # on the home page: some new sentences are on more than one topic
    in_box: str = ""  # on a topic page: which points of In short are its best new answers
    # already ("the second point"), or ""


@dataclass(frozen=True, slots=True)
class EventLink:
    """An event in a topic page's strip of events, linking to it on the timeline."""

    date: Markup  # the event's date, machine-readable, for <time datetime>
    when: str  # the same date as a reader says it
    headline: str  # the link's text after the date
    href: Markup  # the event on the timeline
    draft: bool = False  # drafted by `make draft`, not yet reviewed


@dataclass(frozen=True, slots=True)
class Subheading:
    """A subheading of an article, printed as a heading before its paragraph."""

    text: str  # the heading's text
    anchor: Markup  # its id


# ---- topic pages and their archives -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TopicHeading:
    """What a topic page (or archive page) says of its topic above the prose."""

    title: str  # the page's title and heading
    question: str  # the reader's question, under the heading
    draft: bool = False  # a "Draft" note: the topic was drafted, not yet reviewed
    drafted_signals: tuple[str, ...] = ()  # a "Draft" note listing the drafted signals


@dataclass(frozen=True, slots=True)
class ProseSentence:
    """A sentence of an article's paragraph, as a topic page quotes it."""

    anchor: Markup | None  # its id on the page; None for a sentence shown only as context
    html: Markup  # the sentence, glossary terms marked
    omitted: bool  # an omission mark before it: sentences were left out
    new: bool  # a "New" marker: from the newest follow-up (topic page only)


@dataclass(frozen=True, slots=True)
class ProseParagraph:
    """A paragraph cut down to the sentences about the topic."""

    sentences: tuple[ProseSentence, ...]  # the kept sentences, in order
    omitted_after: bool  # an omission mark after the last: sentences were left out
    href: Markup  # the "¶n" link to the paragraph on its article page
    label: str  # that link's title and accessible name
    number: int  # the paragraph's number, after "¶"


@dataclass(frozen=True, slots=True)
class ProseGroup:
    """What one article says on the topic: 'From “<title>”' and its paragraphs."""

    title: str  # the article's title, in the heading
    anchor: Markup  # the heading's id, "from-<article>"
    byline: str  # "Outlet, 12 July 2019" under the heading ("" prints nothing)
    paragraphs: tuple[ProseParagraph, ...]  # the cut-down paragraphs
    background: bool = False  # a "Background" heading before it: the story's set-up article


@dataclass(frozen=True, slots=True)
class PassingMention:
    """An "Also mentioned" line: a sentence that names the topic in passing."""

    excerpt: str  # the sentence, or the clauses around the topic's signal
    article: str | None  # its article's title in brackets, when the story has several
    href: Markup  # the "¶n" link to the sentence on its article page
    label: str  # that link's title and accessible name
    number: int  # the paragraph's number, after "¶"


@dataclass(frozen=True, slots=True)
class RelatedTopic:
    """A "Related topics" line: a topic that shares sentences with this one."""

    title: str  # the link's text
    href: Markup  # the topic's page (a Markdown link)
    shared: int  # "(3 sentences in common)"


@dataclass(frozen=True, slots=True)
class EarlierYear:
    """A year of a topic page's "Earlier coverage": a line linking to its archive."""

    label: str  # the year ("Undated articles"), the link's text
    href: Markup  # the year's archive page
    articles: int  # "3 articles" of the year archived
    sentences: int  # "12 sentences" on the topic, in all of them


@dataclass(frozen=True, slots=True)
class ArchiveMonth:
    """A "By month" line on a year's archive page."""

    label: str  # "March 2021", the link's text
    href: Markup  # the month's archive page
    articles: int  # "2 articles"
    sentences: int  # "7 sentences" on the topic


@dataclass(frozen=True, slots=True)
class ArchiveLink:
    """The link from a month's archive page to its year's ("All of 2021")."""

    label: str  # the year
    href: Markup  # the year's archive page


# ---- article pages ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleHeading:
    """What an article page says of its article above the text."""

    title: str  # the page's title and heading
    outlet: str | None  # before the date, when known
    url: str | None  # "original article", when known (checked by the `url` filter)


@dataclass(frozen=True, slots=True)
class Published:
    """An article's date."""

    date: Markup  # machine-readable, for <time datetime>
    when: str  # as a reader says it: "17 July 2012"


@dataclass(frozen=True, slots=True)
class ArticleSentence:
    """A sentence of an article page, in its own element so a link can land on it."""

    anchor: Markup  # its id
    html: Markup  # the sentence, glossary terms marked
    gap: Markup  # " " before it, or "" where the source had no space ("!" "!!")


@dataclass(frozen=True, slots=True)
class ArticleParagraph:
    """A paragraph of an article page, whole."""

    anchor: Markup  # its id, and the target of its "#" link
    subheadings: tuple[Subheading, ...]  # the subheadings that stand before it
    dateline: str | None  # the article's dateline, before the first paragraph only
    sentences: tuple[ArticleSentence, ...]  # every sentence, in order
    topics: tuple[Link, ...]  # "Feeds <topic>, <topic>": the topics its sentences are on


# ---- the home page ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryHeading:
    """What the home page says of the story."""

    title: str  # the page's title and heading
    summary: str  # the line under the heading (and the page's description)
    draft: bool = False  # both come from seeds/drafts/explainer.yml, awaiting review


@dataclass(frozen=True, slots=True)
class HomeCard:
    """A topic's card on the home page."""

    title: str  # the card's link text
    question: str  # after the title, in the same link
    count: int  # "12 sentences" on the topic
    href: Markup  # the topic's page
    lead: Point | None  # the topic's answer in a line, when there is one
    draft: bool = False  # a drafted topic, awaiting review


@dataclass(frozen=True, slots=True)
class HomeArticle:
    """A "Read more" line: an article's page."""

    title: str  # "The full article: <title>" (a Markdown link)
    href: Markup  # its page (a Markdown link)
    outlet: str | None  # in brackets after the link, when known
    published: str | None  # after the outlet, as every page shows a date ("21 May 2025")


@dataclass(frozen=True, slots=True)
class UnfiledSentence:
    """An "Also in the article" line: a sentence that belongs to no topic page."""

    html: Markup  # the sentence, glossary terms marked
    href: Markup  # the "¶n" link to its place on its article page
    paragraph_number: int  # the paragraph's number, after "¶"
    label: str  # the link's title: "In “<article>”, paragraph 3" when there are several
    new: bool = False  # a "New" marker: from the newest follow-up


@dataclass(frozen=True, slots=True)
class LeftOff:
    """What the home page's bounded lists leave off, and where it is."""

    articles: int  # "All 40 articles, by year (35 more)"; 0 prints no such line
    unfiled: int  # sentences on no topic not shown ("12 more in the articles")
    href: Markup  # the articles' index page


# ---- the glossary and the timeline ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MentionedIn:
    """A glossary term's "Mentioned in": bounded on a long story."""

    links: tuple[Link, ...]  # the pages that use the term, then the latest articles
    more: int  # "and 12 earlier articles" (0 prints nothing)
    more_href: Markup  # that line's link: the articles' index page


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A term of the glossary page."""

    term: str  # the <dt>
    anchor: Markup  # its id
    former_anchors: tuple[Markup, ...]  # ids it had before, as empty elements: links still land
    aliases: tuple[str, ...]  # "Also: …"
    definition: str  # the <dd> ("" prints "Not defined yet")
    source: str  # the "Source" link ("" prints none)
    draft: bool  # a "Draft" mark: drafted, not yet reviewed
    mentioned: MentionedIn  # "Mentioned in …"


@dataclass(frozen=True, slots=True)
class SentenceLink:
    """A timeline event's link to a sentence that tells of it."""

    href: Markup  # the sentence on its article page
    label: str  # the link's text and name: "<article title>, paragraph 3"
    short: str = ""  # its text after a link to the same article ("paragraph 3"), if shorter


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """An event of the timeline page."""

    anchor: Markup  # its id
    former_anchors: tuple[Markup, ...]  # ids it had before, as empty elements: links still land
    date: Markup  # machine-readable, for <time datetime>
    when: str  # the date as a reader says it
    headline: str  # the event's heading
    draft: bool  # a "Draft" mark: drafted, not yet reviewed
    resolved: str | None  # a draft's note on how its date was worked out
    text: Markup  # what happened, glossary terms marked
    topics: tuple[Link, ...]  # "Topics: …"
    sentences: tuple[SentenceLink, ...]  # "In the article: …", the latest first
    more: int  # "and 3 earlier" sentences not linked (0 prints nothing)
    several: bool  # the sentences are in more than one article: "In the articles: …"
    source: str | None  # the "Source" link, when there is one


# ---- the index pages --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleLine:
    """An article on the articles' index page."""

    title: str  # the link's text
    href: Markup  # its page
    outlet: str | None  # in brackets after the link, when known
    date: Markup  # machine-readable, for <time datetime> ("" when undated)
    when: str  # the date as a reader says it ("" prints none)


@dataclass(frozen=True, slots=True)
class ArticlesOfYear:
    """A year of the articles' index page: a <details>, the newest open."""

    year: str  # "2021" or "Undated", the summary
    anchor: Markup  # its id, "year-2021"
    articles: tuple[ArticleLine, ...]  # newest first; their number is in the summary


@dataclass(frozen=True, slots=True)
class TopicLine:
    """A topic on the topics' index page."""

    title: str  # the link's text
    question: str  # after the link
    href: Markup  # the topic's page
    count: int  # "(12 sentences)"
