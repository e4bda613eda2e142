"""Stage 4, render: the classified explainer → Markdown pages (and the JSON export), in memory.

Templates receive ready view models and print them through the `inert` choke point (the Jinja
environment's `finalize`); only values built here as `Markup` (links, anchors, marked-up
sentences) are printed as they are.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import urls
from .audit import mentioning_sentences
from .dates import display_date
from .escape import inert, yaml_string
from .model import Article, Event, Explainer, Furniture, Sentence, Term, Topic
from .terms import TermMarker

WORDS_PER_MINUTE = 230


@lru_cache(maxsize=4)
def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Jinja set up for Markdown output: strict, whitespace-exact, escaping by default.

    Cached so `mkdocs serve` compiles each template once; the loader still notices edits.
    """
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML: `finalize` escapes for both
        finalize=inert,
        auto_reload=True,  # a template edited under `mkdocs serve` is read again
    )
    environment.filters["yaml_string"] = yaml_string
    return environment


# ---- view models ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceView:
    anchor: Markup
    html: Markup  # the sentence, inert, with glossary terms marked
    href: Markup  # its place in the article
    paragraph_number: int


@dataclass(frozen=True)
class LinkView:
    title: str
    href: Markup


def reading_minutes(texts: list[str]) -> int:
    words = sum(len(text.split()) for text in texts)
    return max(1, round(words / WORDS_PER_MINUTE))


def paragraph_number(sentence: Sentence) -> int:
    return int(sentence.anchor[1:].split("s")[0])


def sentence_view(article: Article, sentence: Sentence, page: str, marker: TermMarker
                  ) -> SentenceView:
    # Qualified by the article: a page that gathers sentences from several articles must not
    # repeat an id, and a follow-up must not take over a link to an older article's sentence.
    return SentenceView(
        Markup(f"{article.slug}-{sentence.anchor}"),
        marker.mark(sentence.text, page),
        urls.link(page, urls.article_page(article.slug), sentence.anchor),
        paragraph_number(sentence),
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


# ---- pages ------------------------------------------------------------------------------------


def render_topic(env, explainer: Explainer, topic: Topic, marker: TermMarker) -> str:
    page = urls.topic_page(topic.slug)
    groups = []
    for article in explainer.articles:
        sentences = [s for s in article.sentences if topic.slug in s.topics]
        if sentences:
            groups.append({
                "title": article.title,
                "anchor": Markup(f"from-{article.slug}"),
                "href": urls.link(page, urls.article_page(article.slug)),
                "published": article.meta.published,
                "sentences": [sentence_view(article, s, page, marker) for s in sentences],
            })
    shared: dict[str, int] = {}
    for article in explainer.articles:
        for sentence in article.sentences:
            if topic.slug in sentence.topics:
                for other in sentence.topics:
                    if other != topic.slug:
                        shared[other] = shared.get(other, 0) + 1
    related = [
        {"title": t.title, "href": urls.md_link(page, urls.topic_page(t.slug)), "shared": shared[t.slug]}
        for t in sorted((t for t in explainer.story.topics if t.slug in shared),
                        key=lambda t: -shared[t.slug])
    ]
    events = [event_link(e, page) for e in explainer.story.events if topic.slug in e.topics]
    texts = [s.text for g in explainer.articles for s in g.sentences if topic.slug in s.topics]
    return env.get_template("topic.md.j2").render(
        topic=topic, groups=groups, related=related, events=events,
        minutes=reading_minutes(texts), description=topic_description(explainer, topic),
        timeline_href=urls.md_link(page, urls.TIMELINE),
    )


def lead_sentence(explainer: Explainer, topic: Topic, avoid: set[str] = frozenset()
                  ) -> tuple[Article, Sentence] | None:
    """The first sentence on a topic in the newest article that has one.

    A sentence that names the topic itself beats one that is on it by context, and sentences
    in `avoid` (leads of earlier cards) are passed over when there is another, so that the home
    page's cards don't all open with the article's first sentence.
    """
    for article in explainer.articles:
        candidates = [s for s in article.sentences if topic.slug in s.topics]
        if candidates:
            ranked = sorted(candidates, key=lambda s: (topic.slug not in s.signalled,
                                                       s.anchor in avoid))
            return article, ranked[0]
    return None


def topic_description(explainer: Explainer, topic: Topic) -> str:
    lead = lead_sentence(explainer, topic)
    return topic.question + (" " + lead[1].text if lead else "")


def render_article(env, explainer: Explainer, article: Article, marker: TermMarker) -> str:
    page = urls.article_page(article.slug)
    datelines = [f.text for f in article.furniture if f.kind == "dateline"]
    paragraphs = [
        {
            "anchor": Markup(p.anchor),
            "subheadings": subheadings_before(article.furniture, number),
            "dateline": " ".join(datelines) if number == 1 else None,
            "sentences": [{"anchor": Markup(s.anchor), "html": marker.mark(s.text, page),
                           "gap": gap_before(p.sentences, i)}
                          for i, s in enumerate(p.sentences)],
            "topics": topic_links(p.topics, explainer.story.topics, page),
        }
        for number, p in enumerate(article.paragraphs, 1)
    ]
    published = article.meta.published
    return env.get_template("article.md.j2").render(
        article=article, paragraphs=paragraphs,
        bylines=[f.text for f in article.furniture if f.kind == "byline"],
        closing_subheadings=subheadings_before(article.furniture, len(article.paragraphs) + 1),
        published={"date": Markup(published), "when": display_date(published)} if published
        else None,
        minutes=reading_minutes([s.text for s in article.sentences]),
    )


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


def render_home(env, explainer: Explainer, marker: TermMarker) -> str:
    page = urls.HOME
    cards, used_leads = [], set()
    for topic in explainer.story.topics:
        lead = lead_sentence(explainer, topic, avoid=used_leads)
        if lead:
            used_leads.add(lead[1].anchor)
        count = sum(topic.slug in s.topics for a in explainer.articles for s in a.sentences)
        cards.append({
            "title": topic.title, "question": topic.question, "count": count,
            "href": urls.link(page, urls.topic_page(topic.slug)),
            "lead": sentence_view(lead[0], lead[1], page, marker) if lead else None,
        })
    unfiled = [
        {"article": a.title, "sentence": sentence_view(a, s, page, marker)}
        for a in explainer.articles for s in a.sentences if not s.topics
    ]
    articles = [{"title": a.title, "href": urls.md_link(page, urls.article_page(a.slug)),
                 "published": a.meta.published, "outlet": a.meta.outlet}
                for a in explainer.articles]
    return env.get_template("home.md.j2").render(
        story=explainer.story, cards=cards, unfiled=unfiled, articles=articles,
        updated=last_updated(explainer),
        timeline_href=urls.md_link(page, urls.TIMELINE),
        glossary_href=urls.md_link(page, urls.GLOSSARY),
    )


def last_updated(explainer: Explainer) -> str | None:
    dates = [a.meta.published for a in explainer.articles if a.meta.published]
    return display_date(max(dates)) if dates else None


def render_timeline(env, explainer: Explainer, marker: TermMarker) -> str:
    page = urls.TIMELINE
    events = []
    for event in explainer.story.events:
        events.append({
            **event_link(event, page),
            "anchor": Markup(event.anchor),
            "text": marker.mark(event.text, page),
            "source": event.source,
            "topics": topic_links(event.topics, explainer.story.topics, page),
            "sentences": [
                {"href": urls.link(page, urls.article_page(a.slug), s.anchor),
                 "label": f"{a.title}, paragraph {paragraph_number(s)}"}
                for a, s in mentioning_sentences(event, explainer.articles)
            ],
        })
    return env.get_template("timeline.md.j2").render(events=events)


def render_glossary(env, explainer: Explainer, marker: TermMarker, titles: dict[str, str]) -> str:
    """The glossary; rendered last, so `marker` knows every page that mentions each term."""
    page = urls.GLOSSARY
    entries = []
    for term in sorted(explainer.story.terms, key=lambda t: t.term.casefold()):
        mentioned = [p for p in marker.mentions.get(term.anchor, []) if p != page]
        entries.append({
            "term": term.term, "anchor": Markup(term.anchor), "aliases": term.aliases,
            "definition": term.definition, "source": term.source,
            "mentioned_in": [LinkView(titles[p], urls.link(page, p)) for p in mentioned],
        })
    return env.get_template("glossary.md.j2").render(entries=entries)


def render_export(explainer: Explainer) -> str:
    """`explainer.json`: the model for machines. Schema: see README, "explainer.json"."""
    def sentence_record(article: Article, sentence: Sentence) -> dict:
        page = urls.article_page(article.slug)
        return {
            "id": f"{article.slug}#{sentence.anchor}", "anchor": sentence.anchor,
            "url": urls.served_path(page) + "#" + sentence.anchor,
            "text": sentence.text, "topics": list(sentence.topics),
            "source": {"file": sentence.source.file, "line": sentence.source.line},
        }

    def furniture_record(article: Article, item: Furniture) -> dict:
        placed = {"kind": item.kind, "text": item.text,
                  "source": {"file": item.source.file, "line": item.source.line}}
        if item.anchor:
            placed.update(anchor=item.anchor, url=urls.served_path(
                urls.article_page(article.slug)) + "#" + item.anchor)
        return placed

    record = {
        "schema": 1,
        "title": explainer.story.title,
        "topics": [
            {"slug": t.slug, "title": t.title, "question": t.question,
             "url": urls.served_path(urls.topic_page(t.slug)),
             "sentences": [f"{a.slug}#{s.anchor}" for a in explainer.articles
                           for s in a.sentences if t.slug in s.topics]}
            for t in explainer.story.topics
        ],
        "articles": [
            {
                "slug": a.slug, "title": a.title, "url": urls.served_path(urls.article_page(a.slug)),
                "source_file": a.source_file, "published": a.meta.published,
                "outlet": a.meta.outlet, "source_url": a.meta.url,
                "furniture": [furniture_record(a, f) for f in a.furniture],
                "paragraphs": [
                    {"id": f"{a.slug}#{p.anchor}", "anchor": p.anchor,
                     "url": urls.served_path(urls.article_page(a.slug)) + "#" + p.anchor,
                     "topics": list(p.topics),
                     "sentences": [sentence_record(a, s) for s in p.sentences]}
                    for p in a.paragraphs
                ],
            }
            for a in explainer.articles
        ],
    }
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def render_site(explainer: Explainer, templates_dir: Path) -> dict[str, str]:
    """Every generated file, path (relative to docs/) → content."""
    env = make_environment(templates_dir)
    marker = TermMarker(explainer.story.terms)
    pages: dict[str, str] = {}
    titles: dict[str, str] = {urls.HOME: "Home", urls.TIMELINE: "Timeline"}
    pages[urls.HOME] = render_home(env, explainer, marker)
    for topic in explainer.story.topics:
        pages[urls.topic_page(topic.slug)] = render_topic(env, explainer, topic, marker)
        titles[urls.topic_page(topic.slug)] = topic.title
    for article in explainer.articles:
        pages[urls.article_page(article.slug)] = render_article(env, explainer, article, marker)
        titles[urls.article_page(article.slug)] = article.title
    pages[urls.TIMELINE] = render_timeline(env, explainer, marker)
    pages[urls.GLOSSARY] = render_glossary(env, explainer, marker, titles)
    pages[urls.EXPORT] = render_export(explainer)
    return dict(sorted(pages.items()))


def nav(explainer: Explainer) -> list:
    """The site navigation, in the editor's topic order (for MkDocs' `nav` setting).

    Titles are HTML-escaped: the theme prints navigation titles as they are.
    """
    def title(text: str) -> str:
        return html.escape(text, quote=True)

    return [
        {"Home": urls.HOME},
        {"Topics": [{title(t.title): urls.topic_page(t.slug)} for t in explainer.story.topics]},
        {"Timeline": urls.TIMELINE},
        {"Glossary": urls.GLOSSARY},
        {"Articles" if len(explainer.articles) > 1 else "The article":
            [{title(a.title): urls.article_page(a.slug)} for a in explainer.articles]
            if len(explainer.articles) > 1 else urls.article_page(explainer.articles[0].slug)},
    ]
