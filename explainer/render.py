"""Stage 4, render: the classified explainer → Markdown pages (and the JSON export), in memory.

Templates receive ready view models and print them through the `inert` choke point (the Jinja
environment's `finalize`); only values built here as `Markup` (links, anchors, marked-up
sentences) are printed as they are.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import archive, indexes, structured, urls
from .audit import mentioning_sentences
from .classify import compile_signals, first_signal_offset
from .dates import display_date
from .escape import inert, yaml_string
from .feed import FEED, render_feed
from .model import Article, Event, Explainer, Furniture, Sentence, Term, Topic
from .search import SYNONYMS, render_synonyms
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
    new: bool = False  # from the newest follow-up: shown with a "New" marker until the next


@dataclass(frozen=True)
class LinkView:
    title: str
    href: Markup


def reading_minutes(texts: list[str]) -> int:
    words = sum(len(text.split()) for text in texts)
    return max(1, round(words / WORDS_PER_MINUTE))


def paragraph_number(sentence: Sentence) -> int:
    return int(sentence.anchor[1:].split("s")[0])


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


# ---- what's new ------------------------------------------------------------------------------


def newest_articles(explainer: Explainer) -> tuple[Article, ...]:
    """The follow-up(s) of the newest date, when an older article exists; else none.

    Articles are sorted newest first, dated before undated, so an undated newest article
    means nothing is dated and nothing can be called new.
    """
    newest = explainer.articles[0].meta.published
    fresh = tuple(a for a in explainer.articles if newest and a.meta.published == newest)
    return fresh if len(fresh) < len(explainer.articles) else ()


def whats_new(explainer: Explainer, page: str, topic: Topic | None = None) -> dict | None:
    """The "New on <date>" block: what the newest article(s) added, linking to the sentences.

    On a topic page, the new sentences on this page; on the home page, how many went to each
    topic, each linking to the first of them on its topic page. None for a one-article story.
    """
    fresh = newest_articles(explainer)
    if not fresh:
        return None
    date = fresh[0].meta.published
    added = [(a, s) for a in fresh for s in a.sentences
             if (topic.slug in s.topics if topic else s.topics)]
    if topic:
        links = [LinkView(f"paragraph {paragraph_number(s)}, sentence {s.anchor.split('s')[-1]}",
                          Markup(f"#{a.slug}-{s.anchor}")) for a, s in added]
    else:
        links = []
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
        "links": links, "on_topic": topic is not None,
    }


# ---- pages ------------------------------------------------------------------------------------


KEY_POINTS = 3  # bullets chosen for "In short" when the editor writes none (2 to 4 asked)
MIN_POINTS = 2
EXCERPT_WORDS = 24  # an "Also mentioned" line: about two lines of text on a phone


def topic_sentences(explainer: Explainer, slug: str) -> list[tuple[Article, Sentence]]:
    """The sentences about a topic, newest article first, in story order within each."""
    return [(a, s) for a in explainer.articles for s in a.sentences if slug in s.topics]


def central_sentences(explainer: Explainer, topic: Topic, count: int = KEY_POINTS,
                      avoid: frozenset[str] = frozenset()) -> list[tuple[Article, Sentence]]:
    """The sentences that answer a topic's question best, in reading order.

    Central means: on this topic by its own words (a full signal's worth) rather than by
    context, making sense on its own (not opening with "He ..." or "These ..."), about this
    topic alone rather than shared, the heaviest signals, and early in its article (news puts
    the answer first). One per paragraph, so the points don't repeat one another.
    """
    candidates = topic_sentences(explainer, topic.slug)
    rank = {id(s): i for i, (_, s) in enumerate(candidates)}

    def centrality(item: tuple[Article, Sentence]) -> tuple:
        article, sentence = item
        weight = sentence.weight(topic.slug)
        return (f"{article.slug}#{sentence.anchor}" in avoid, weight < 1,
                leans_on_context(sentence.text), len(sentence.topics), -weight,
                rank[id(sentence)])

    ranked = sorted(candidates, key=centrality)
    chosen: list[tuple[Article, Sentence]] = []
    paragraphs: set[tuple[str, int]] = set()
    for article, sentence in ranked:
        where = (article.slug, paragraph_number(sentence))
        if sentence.weight(topic.slug) > 0 and where not in paragraphs and len(chosen) < count:
            chosen.append((article, sentence))
            paragraphs.add(where)
    # Too few answers of their own: the next most central sentences, wherever they stand.
    missing = max(0, min(count, MIN_POINTS) - len(chosen))
    chosen += [item for item in ranked if all(item[1] is not c[1] for c in chosen)][:missing]
    return sorted(chosen, key=lambda item: rank[id(item[1])])


# Opening words that lean on the sentence before: out of context, "He cites ..." or "These
# discussions ..." leave a reader asking who or which.
LEANING_OPENINGS = frozenset(
    "he she they it its his her their them this that these those such however therefore "
    "nonetheless nevertheless meanwhile but and so also additionally instead still yet".split())


def leans_on_context(text: str) -> bool:
    first = re.match(r"\W*(\w+)", text)
    return bool(first) and first.group(1).casefold() in LEANING_OPENINGS


def key_point_views(explainer: Explainer, topic: Topic, page: str, marker: TermMarker,
                    avoid: frozenset[str] = frozenset()) -> list[dict]:
    """The "In short" bullets: the editor's key points, or else the most central sentences."""
    if topic.key_points:
        by_id = {f"{a.slug}#{s.anchor}": (a, s) for a in explainer.articles for s in a.sentences}
        return [{"html": inert(point.text), "text": point.text,
                 "sources": [source_view(*by_id[ref], page) for ref in point.cites]}
                for point in topic.key_points]
    return [{"html": marker.mark(sentence.text, page), "text": sentence.text,
             "sources": [source_view(article, sentence, page)]}
            for article, sentence in central_sentences(explainer, topic, avoid=avoid)]


def source_view(article: Article, sentence: Sentence, page: str) -> dict:
    number = paragraph_number(sentence)
    return {"href": urls.link(page, urls.article_page(article.slug), sentence.anchor),
            "label": f"In the article “{article.title}”, paragraph {number}", "number": number}


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
            parts = []
            for position, index in enumerate(kept):
                sentence = paragraph.sentences[index]
                left_out = index > (kept[position - 1] + 1 if position else 0)
                parts.append({"anchor": Markup(f"{article.slug}-{sentence.anchor}"),
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
    return [
        {"excerpt": excerpt(sentence.text, topic), **source_view(article, sentence, page),
         "article": article.title if several else None}
        for article in (explainer.articles if articles is None else articles)
        for sentence in article.sentences
        if topic.slug in sentence.mentions
    ]


@lru_cache(maxsize=65536)  # a mention is excerpted again on every build under mkdocs serve
def excerpt(text: str, topic: Topic, width: int = EXCERPT_WORDS) -> str:
    """The sentence, or the stretch of about `width` words around its first signal."""
    words = list(re.finditer(r"\S+", text))
    if len(words) <= width:
        return text
    at = first_signal_offset(text, compile_signals((topic,)))
    index = sum(1 for w in words if w.end() <= at)
    start = max(0, min(index - width // 3, len(words) - width))
    stop = min(len(words), start + width)
    shown = text[words[start].start():words[stop - 1].end()]
    return ("… " if start else "") + shown + (" …" if stop < len(words) else "")


def related_topics(explainer: Explainer, topic: Topic, page: str) -> list[dict]:
    shared: dict[str, int] = {}
    for _, sentence in topic_sentences(explainer, topic.slug):
        for other in set(sentence.topics) | set(sentence.mentions):
            if other != topic.slug:
                shared[other] = shared.get(other, 0) + 1
    return [
        {"title": t.title, "href": urls.md_link(page, urls.topic_page(t.slug)),
         "shared": shared[t.slug]}
        for t in sorted((t for t in explainer.story.topics if t.slug in shared),
                        key=lambda t: -shared[t.slug])
    ]


def render_topic(env, explainer: Explainer, topic: Topic, marker: TermMarker,
                 site_url: str | None = None) -> str:
    page = urls.topic_page(topic.slug)
    points = key_point_views(explainer, topic, page, marker)
    plan = archive.layout(explainer, topic.slug)  # bounded: the latest, the background
    texts = [s.text for a in plan.shown for s in a.sentences if topic.slug in s.topics]
    return env.get_template("topic.md.j2").render(
        topic=topic, points=points, groups=archive.with_background(
            prose_groups(explainer, topic, page, marker, plan.shown), plan),
        earlier=archive.earlier_coverage(explainer, topic, plan),
        mentions=passing_mentions(explainer, topic, page, plan.shown),
        related=related_topics(explainer, topic, page),
        events=[event_link(e, page) for e in explainer.story.events if topic.slug in e.topics],
        minutes=reading_minutes(texts), description=topic_description(explainer, topic),
        timeline_href=urls.md_link(page, urls.TIMELINE),
        whats_new=whats_new(explainer, page, topic),
        structured_data=structured.front_matter_json(
            structured.topic_data(explainer, topic, site_url)),
    )


def first_point(explainer: Explainer, topic: Topic, avoid: frozenset[str] = frozenset()
                ) -> tuple[str, list[tuple[Article, Sentence]]] | None:
    """The topic's first "In short" point: its text and the sentences it rests on."""
    if topic.key_points:
        point = topic.key_points[0]
        by_id = {f"{a.slug}#{s.anchor}": (a, s) for a in explainer.articles for s in a.sentences}
        return point.text, [by_id[ref] for ref in point.cites]
    central = central_sentences(explainer, topic, count=1, avoid=avoid)
    return (central[0][1].text, central) if central else None


def topic_description(explainer: Explainer, topic: Topic) -> str:
    point = first_point(explainer, topic)
    return topic.question + (" " + point[0] if point else "")


def render_article(env, explainer: Explainer, article: Article, marker: TermMarker,
                   site_url: str | None = None) -> str:
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
        structured_data=structured.front_matter_json(
            structured.article_data(explainer, article, site_url)),
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


def render_home(env, explainer: Explainer, marker: TermMarker, site_url: str | None = None
                ) -> str:
    page = urls.HOME
    fresh = {a.slug for a in newest_articles(explainer)}
    cards, used_leads = [], set()
    for topic in explainer.story.topics:
        point = first_point(explainer, topic, avoid=frozenset(used_leads))
        lead = None
        if point:
            text, cited = point
            used_leads.update(f"{a.slug}#{s.anchor}" for a, s in cited)
            html = (inert(text) if topic.key_points else marker.mark(text, page))
            lead = {"html": html, "sources": [source_view(a, s, page) for a, s in cited],
                    "new": bool(cited) and all(a.slug in fresh for a, _ in cited)}
        count = len(topic_sentences(explainer, topic.slug))
        cards.append({
            "title": topic.title, "question": topic.question, "count": count,
            "href": urls.link(page, urls.topic_page(topic.slug)), "lead": lead,
        })
    unfiled, unfiled_more = indexes.latest(  # bounded: the latest, a count of the rest
        [(a, s) for a in explainer.articles for s in a.sentences if not s.topics],
        indexes.LATEST_UNFILED)
    unfiled = [{"article": a.title, "sentence": sentence_view(a, s, page, marker, a.slug in fresh)}
               for a, s in unfiled]
    articles, articles_more = indexes.latest(list(explainer.articles), indexes.LATEST_ARTICLES)
    articles = [{"title": a.title, "href": urls.md_link(page, urls.article_page(a.slug)),
                 "published": a.meta.published, "outlet": a.meta.outlet} for a in articles]
    return env.get_template("home.md.j2").render(
        story=explainer.story, cards=cards, unfiled=unfiled, articles=articles,
        article_count=len(explainer.articles), span=indexes.span(explainer),
        more={"articles": articles_more, "unfiled": unfiled_more,
              "href": urls.md_link(page, indexes.ARTICLES_INDEX)},
        updated=last_updated(explainer),
        timeline_href=urls.md_link(page, urls.TIMELINE),
        glossary_href=urls.md_link(page, urls.GLOSSARY),
        feed_href=Markup(FEED) if site_url else None,
        whats_new=whats_new(explainer, page),
        structured_data=structured.front_matter_json(structured.home_data(explainer, site_url)),
    )


def last_updated(explainer: Explainer) -> str | None:
    dates = [a.meta.published for a in explainer.articles if a.meta.published]
    return display_date(max(dates)) if dates else None


def render_timeline(env, explainer: Explainer, marker: TermMarker, site_url: str | None = None
                    ) -> str:
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
                for a, s in indexes.latest(list(mentioning_sentences(event, explainer.articles)),
                                           indexes.LATEST_MENTIONS)[0]
            ],
            "more": indexes.latest(list(mentioning_sentences(event, explainer.articles)),
                                   indexes.LATEST_MENTIONS)[1],
        })
    return env.get_template("timeline.md.j2").render(
        events=events, structured_data=structured.front_matter_json(
            structured.timeline_data(explainer, site_url)))


def render_glossary(env, explainer: Explainer, marker: TermMarker, titles: dict[str, str],
                    site_url: str | None = None) -> str:
    """The glossary; rendered last, so `marker` knows every page that mentions each term."""
    page = urls.GLOSSARY
    entries = []
    for term in sorted(explainer.story.terms, key=lambda t: t.term.casefold()):
        mentioned = [p for p in marker.mentions.get(term.anchor, []) if p != page]
        entries.append({
            "term": term.term, "anchor": Markup(term.anchor), "aliases": term.aliases,
            "definition": term.definition, "source": term.source,
            "mentioned": indexes.mentioned_pages(mentioned, titles, page),  # bounded
        })
    return env.get_template("glossary.md.j2").render(
        entries=entries, structured_data=structured.front_matter_json(
            structured.glossary_data(explainer, site_url)))


def render_export(explainer: Explainer) -> str:
    """`explainer.json`: the model for machines. Schema: see README, "explainer.json"."""
    shown_on = archive.sentence_pages(explainer)  # (article, topic) → topic or archive page

    def sentence_record(article: Article, sentence: Sentence) -> dict:
        page = urls.article_page(article.slug)
        return {
            "id": f"{article.slug}#{sentence.anchor}", "anchor": sentence.anchor,
            "url": urls.served_path(page) + "#" + sentence.anchor,
            "topic_urls": [urls.served_path(shown_on[(article.slug, t)])
                           + f"#{article.slug}-{sentence.anchor}" for t in sentence.topics],
            "text": sentence.text, "topics": list(sentence.topics),
            "mentions": list(sentence.mentions),
            "reasons": [{"topic": r.topic, "kind": r.kind, "detail": r.detail}
                        for r in sentence.reasons],
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
                           for s in a.sentences if t.slug in s.topics],
             "mentions": [f"{a.slug}#{s.anchor}" for a in explainer.articles
                          for s in a.sentences if t.slug in s.mentions],
             "key_points": [{"text": p.text, "cites": list(p.cites)} for p in t.key_points]}
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


def render_site(explainer: Explainer, templates_dir: Path, site_url: str | None = None
                ) -> dict[str, str]:
    """Every generated file, path (relative to docs/) → content.

    `site_url` (mkdocs.yml's) makes the structured data's URLs absolute and adds the Atom
    feed, whose ids must be absolute; without it there is no feed.
    """
    env = make_environment(templates_dir)
    marker = TermMarker(explainer.story.terms)
    pages: dict[str, str] = {}
    titles: dict[str, str] = {urls.HOME: "Home", urls.TIMELINE: "Timeline"}
    pages[urls.HOME] = render_home(env, explainer, marker, site_url)
    for topic in explainer.story.topics:
        pages[urls.topic_page(topic.slug)] = render_topic(env, explainer, topic, marker, site_url)
        titles[urls.topic_page(topic.slug)] = topic.title
        pages.update(archive.render_archives(env, explainer, topic, marker))
    titles.update(archive.archive_titles(explainer))
    for article in explainer.articles:
        pages[urls.article_page(article.slug)] = render_article(env, explainer, article, marker, site_url)
        titles[urls.article_page(article.slug)] = article.title
    pages[urls.TIMELINE] = render_timeline(env, explainer, marker, site_url)
    if indexes.has_index(explainer):
        pages[indexes.ARTICLES_INDEX] = indexes.render_articles_index(env, explainer)
    pages[urls.GLOSSARY] = render_glossary(env, explainer, marker, titles, site_url)
    pages[urls.EXPORT] = render_export(explainer)
    pages[SYNONYMS] = render_synonyms(explainer.story.terms)
    if site_url:
        pages[FEED] = render_feed(explainer, site_url)
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
        {"Articles": indexes.ARTICLES_INDEX} if indexes.has_index(explainer)
        else {"The article": urls.article_page(explainer.articles[0].slug)},
    ]
