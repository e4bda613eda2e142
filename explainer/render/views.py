"""View models: what each page's template prints, built from the model, values that need no
escaping already `Markup` (links, anchors, sentences with their glossary terms marked).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from .. import escape, urls
from ..dates import display_date
from ..memo import per_content, per_explainer
from ..model import Article, Event, Explainer, Furniture, Sentence, Topic
from ..understand.answers import FLOOR as ANSWER_FLOOR
from ..understand.answers import answer_points, first_point, home_leads, ranked_answers
from ..understand.classify import compile_signals, first_signal_offset
from ..understand.queries import (
    newest_articles,
    paragraph_number,
    sentences_by_topic,
    shared_sentences,
    topic_sentences,
)
from ..understand.standalone import standalone, with_context
from ..understand.term_uses import term_pages
from . import indexes
from .terms import TermMarker

WORDS_PER_MINUTE = 230


@dataclass(frozen=True)
class SentenceView:
    anchor: Markup
    html: Markup  # the sentence as HTML text, with glossary terms marked
    href: Markup  # its place in the article
    paragraph_number: int
    new: bool = False  # from the newest follow-up: shown with a "New" marker until the next


@dataclass(frozen=True)
class LinkView:
    title: str
    href: Markup


def reading_minutes(texts: list[str]) -> int:
    words = sum(len(text.split()) for text in texts)
    return max(1, round(words / WORDS_PER_MINUTE))


def sentence_view(article: Article, sentence: Sentence, page: str, marker: TermMarker,
                  new: bool = False) -> SentenceView:
    # Qualified by the article: a page that gathers sentences from several articles must not
    # repeat an id, and a follow-up must not take over a link to an older article's sentence.
    return SentenceView(
        Markup(f"{article.slug}-{sentence.anchor}"),
        marker.mark(sentence.text, page),
        urls.link(page, urls.article_page(article.slug), sentence.anchor),
        paragraph_number(sentence),
        new,
    )


def topic_links(slugs: tuple[str, ...], topics: tuple[Topic, ...], page: str) -> list[LinkView]:
    """Links to topics, in the editor's topic order."""
    return [LinkView(t.title, urls.link(page, urls.topic_page(t.slug)))
            for t in topics if t.slug in slugs]


def event_link(event: Event, page: str) -> dict:
    return {
        "date": Markup(event.date), "when": display_date(event.date), "headline": event.headline,
        "href": urls.link(page, urls.TIMELINE, event.anchor),
    }


def whats_new(explainer: Explainer, page: str, topic: Topic | None = None) -> dict | None:
    """The "New on <date>" block: what the newest article(s) added, in words.

    On a topic page, the newest article's best answer to the topic's question (as it stands
    alone, linking to its place) and how many of the page's sentences are new; on the home
    page, how many went to each topic, each linking to the first of them on its topic page.
    None for a one-article story."""
    fresh = newest_articles(explainer)
    if not fresh:
        return None
    date = fresh[0].meta.published
    slugs = {a.slug for a in fresh}
    added = [(a, s) for a in fresh for s in a.sentences
             if (topic.slug in s.topics if topic else s.topics)]
    if topic:  # what the page marks "New": its new sentences and the context they need
        added = [(a, p.sentences[i]) for a in fresh for p in a.paragraphs for i in with_context(
            p.sentences, [i for i, s in enumerate(p.sentences) if topic.slug in s.topics])]
    links, lead = [], None
    if topic:
        best = next((c for c in ranked_answers(explainer, topic) if c.article.slug in slugs
                     and c.score >= ANSWER_FLOOR), None)
        if best:
            on_page = topic.slug in best.sentence.topics
            place = Markup(f"#{best.article.slug}-{best.sentence.anchor}") if on_page else \
                urls.link(page, urls.article_page(best.article.slug), best.sentence.anchor)
            lead = {"text": best.text, "href": place}
    else:
        for other in explainer.story.topics:
            on_topic = [(a, s) for a, s in added if other.slug in s.topics]
            if on_topic:
                a, s = on_topic[0]
                links.append(LinkView(f"{len(on_topic)} on {other.title}", urls.link(
                    page, urls.topic_page(other.slug), f"{a.slug}-{s.anchor}")))
    return {
        "date": Markup(date), "when": display_date(date), "count": len(added),
        "articles": [{"title": a.title, "outlet": a.meta.outlet,
                      "href": urls.link(page, urls.article_page(a.slug))} for a in fresh],
        "links": links, "lead": lead, "on_topic": topic is not None,
    }


EXCERPT_WORDS = 24  # an "Also mentioned" line: about two lines of text on a phone
RELATED_TOPICS = 5  # "Related topics" on a topic page: the closest, not a second sidebar


def key_point_views(explainer: Explainer, topic: Topic, page: str, marker: TermMarker,
                    avoid: frozenset[str] = frozenset()) -> list[dict]:
    """The "In short" bullets: the editor's key points, or else the sentences that answer the
    topic's question (understand/answers.py), each as it stands alone, with its article's
    date and outlet so that "on Thursday" can be placed."""
    several = len(explainer.articles) > 1
    if topic.key_points:
        by_id = {f"{a.slug}#{s.anchor}": (a, s) for a in explainer.articles for s in a.sentences}
        return [{"html": escape.text(point.text), "text": point.text,
                 "dateline": dateline(by_id[point.cites[0]][0]) if point.cites else "",
                 "sources": [source_view(*by_id[ref], page, several) for ref in point.cites]}
                for point in topic.key_points]
    return [{"html": marker.mark(point.text, page), "text": point.text,
             "dateline": dateline(point.article),
             "sources": [source_view(point.article, point.sentence, page, several)]}
            for point in answer_points(explainer, topic, avoid)]


def dateline(article: Article) -> str:
    """"VOA, 17 July 2012": where a point comes from and when; "undated" when the article's
    date is not known, rather than nothing."""
    when = display_date(article.meta.published) if article.meta.published else "undated"
    return f"{article.meta.outlet}, {when}" if article.meta.outlet else when


def source_view(article: Article, sentence: Sentence, page: str, several: bool = False) -> dict:
    """A link to a sentence's place; its label names the article when there are several."""
    number = paragraph_number(sentence)
    where = f"“{article.title}”" if several else "the article"
    return {"href": urls.link(page, urls.article_page(article.slug), sentence.anchor),
            "label": f"In {where}, paragraph {number}", "number": number}


def prose_groups(explainer: Explainer, topic: Topic, page: str, marker: TermMarker,
                 articles: tuple[Article, ...] | None = None) -> list[dict]:
    """What the articles say: per article (of `articles`, default all), its paragraphs cut down
    to the sentences about the topic, an omission mark wherever sentences were left out."""
    fresh = {a.slug for a in newest_articles(explainer)}
    groups = []
    for article in explainer.articles if articles is None else articles:
        paragraphs = []
        for paragraph in article.paragraphs:
            kept = [i for i, s in enumerate(paragraph.sentences) if topic.slug in s.topics]
            if not kept:
                continue
            # An ellipsis never hides the sentence the next one points back to ("As a result,
            # …", "He cites …"): it is shown as context.
            kept = with_context(paragraph.sentences, kept)
            parts = []
            for position, index in enumerate(kept):
                sentence = paragraph.sentences[index]
                left_out = index > (kept[position - 1] + 1 if position else 0)
                about = topic.slug in sentence.topics  # else context: no anchor of its own
                parts.append({"anchor": Markup(f"{article.slug}-{sentence.anchor}") if about
                              else None,
                              "html": marker.mark(sentence.text, page), "omitted": left_out,
                              "new": article.slug in fresh})
            number = int(paragraph.anchor[1:])
            paragraphs.append({
                "sentences": parts, "omitted_after": kept[-1] < len(paragraph.sentences) - 1,
                "href": urls.link(page, urls.article_page(article.slug), paragraph.anchor),
                "label": f"In the article, paragraph {number}", "number": number,
            })
        if paragraphs:
            groups.append({
                "title": article.title, "anchor": Markup(f"from-{article.slug}"),
                "href": urls.link(page, urls.article_page(article.slug)),
                "byline": article_byline(article), "paragraphs": paragraphs,
            })
    return groups


def article_byline(article: Article) -> str:
    """"Outlet, 12 July 2019", or as much of it as is known."""
    parts = [article.meta.outlet or "", display_date(article.meta.published or "")]
    return ", ".join(p for p in parts if p)


def passing_mentions(explainer: Explainer, topic: Topic, page: str,
                     articles: tuple[Article, ...] | None = None) -> list[dict]:
    """Sentences that name the topic in passing: a short line each, linking to its place."""
    several = len(explainer.articles) > 1
    shown = None if articles is None else {a.slug for a in articles}
    return [
        {"excerpt": excerpt(standalone(article, sentence).text or sentence.text, topic),
         **source_view(article, sentence, page, several),
         "article": article.title if several else None}
        for article, sentence in sentences_by_topic(explainer, "mentions").get(topic.slug, ())
        if shown is None or article.slug in shown
    ]


CLAUSE_END = re.compile(r"[;:]\s+|\s[–—]\s|,\s+")
CLAUSE_WORDS = 12  # a clause shorter than this takes its neighbour along


@per_content(maxsize=65536)  # a mention is excerpted again on every build under mkdocs serve
def excerpt(text: str, topic: Topic, width: int = EXCERPT_WORDS) -> str:
    """The sentence, or the whole clauses around its first signal: the clause that names the
    topic, with its neighbours until the excerpt says something (CLAUSE_WORDS), never a
    fragment cut inside a clause. "…" marks what is left out at either end."""
    if len(text.split()) <= width:
        return text
    bounds = [0] + [m.end() for m in CLAUSE_END.finditer(text)] + [len(text)]
    clauses = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    at = first_signal_offset(text, compile_signals((topic,)))
    first = next((i for i, (start, end) in enumerate(clauses) if start <= at < end), 0)
    last = first
    while len(text[clauses[first][0]:clauses[last][1]].split()) < CLAUSE_WORDS and (
            first > 0 or last < len(clauses) - 1):
        if last < len(clauses) - 1:
            last += 1
        else:
            first -= 1
    shown = text[clauses[first][0]:clauses[last][1]].strip().rstrip(",;:–—").rstrip()
    return ("… " if first else "") + shown + (" …" if last < len(clauses) - 1 else "")


def related_topics(explainer: Explainer, topic: Topic, page: str) -> list[dict]:
    """The RELATED_TOPICS topics that share the most sentences with this one (ties in the
    editor's order), each with the count the other topic's page shows too: every one of them,
    in a story of many topics, made every topic page list nearly every topic."""
    counts = shared_sentences(explainer)
    shared = {t.slug: counts.get(frozenset((topic.slug, t.slug)), 0)
              for t in explainer.story.topics if t.slug != topic.slug}
    place = topic_places(explainer)
    closest = sorted((slug for slug, n in shared.items() if n),
                     key=lambda slug: (-shared[slug], place[slug][0]))[:RELATED_TOPICS]
    return [{"title": place[slug][1], "href": urls.md_link(page, urls.topic_page(slug)),
             "shared": shared[slug]} for slug in closest]


@per_explainer
def topic_places(explainer: Explainer) -> dict[str, tuple[int, str]]:
    """Topic slug → (its place in the editor's order, its title)."""
    return {t.slug: (number, t.title) for number, t in enumerate(explainer.story.topics)}


def topic_description(explainer: Explainer, topic: Topic) -> str:
    point = first_point(explainer, topic)
    return topic.question + (" " + point[0] if point else "")


def subheadings_before(furniture: tuple[Furniture, ...], number: int) -> list[dict]:
    """The subheadings that stand before body paragraph `number` (1-based)."""
    return [{"text": f.text, "anchor": Markup(f.anchor)} for f in furniture
            if f.kind == "subheading" and f.before == number]


def gap_before(sentences: tuple[Sentence, ...], index: int) -> Markup:
    """" " where the source had space before this sentence, "" where it had none ("!" "!!")."""
    if index == 0:
        return Markup("")
    previous = sentences[index - 1]
    touching = previous.source.offset + len(previous.text) == sentences[index].source.offset
    return Markup("" if touching else " ")


def last_updated(explainer: Explainer) -> str | None:
    dates = [a.meta.published for a in explainer.articles if a.meta.published]
    return display_date(max(dates)) if dates else None


def home_cards(explainer: Explainer, page: str, marker: TermMarker) -> list[dict]:
    """A card per topic: title, question, how many sentences, and its lead (queries.home_leads)
    with the sentences it rests on."""
    fresh = {a.slug for a in newest_articles(explainer)}
    several = len(explainer.articles) > 1
    cards = []
    for topic, point in home_leads(explainer):
        lead = None
        if point:
            text, cited = point
            html = (escape.text(text) if topic.key_points else marker.mark(text, page))
            lead = {"html": html, "sources": [source_view(a, s, page, several) for a, s in cited],
                    "dateline": dateline(cited[0][0]) if cited else "",
                    "new": bool(cited) and all(a.slug in fresh for a, _ in cited)}
        cards.append({
            "title": topic.title, "question": topic.question,
            "count": len(topic_sentences(explainer, topic.slug)),
            "href": urls.link(page, urls.topic_page(topic.slug)), "lead": lead,
        })
    return cards


def glossary_entries(explainer: Explainer, titles: dict[str, str]) -> list[dict]:
    """The glossary's entries, alphabetical, each with the pages that use it
    (queries.term_pages)."""
    page = urls.GLOSSARY
    used = term_pages(explainer)
    return [{
        "term": term.term, "anchor": Markup(term.anchor), "aliases": term.aliases,
        "former_anchors": [Markup(a) for a in term.former_anchors],
        "definition": term.definition, "source": term.source, "draft": term.draft,
        "mentioned": indexes.mentioned_pages(  # bounded: pages, the latest articles, a count
            [p for p in used.get(term.anchor, []) if p != page], titles, page),
    } for term in sorted(explainer.story.terms, key=lambda t: t.term.casefold())]


def page_titles(explainer: Explainer) -> dict[str, str]:
    """Page → the title links to it show."""
    return {urls.HOME: "Home", urls.TIMELINE: "Timeline",
            **{urls.topic_page(t.slug): t.title for t in explainer.story.topics},
            **{urls.article_page(a.slug): a.title for a in explainer.articles}}
