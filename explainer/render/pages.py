"""Stage 4, render: the classified explainer → Markdown pages (and the JSON export, the feed,
the search synonyms), in memory.

Each page's template receives ready view models (explainer/render/views.py) and prints each value
through the filter for its context (explainer/escape.py: `text`, `markdown`, `url`, `machine`,
`front_matter`); values built as `Markup` (links, marked-up sentences) are printed as they are.
A value printed without a filter still comes out inert (`finalize`). Pages don't depend on one
another: the glossary's "Mentioned in" is a query on the model (queries.term_pages).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import escape, memo, urls
from ..dates import display_date
from ..memo import Same, folder_fingerprint, per_process
from ..model import Article, Explainer, Sentence, Story, Topic
from ..understand.queries import (
    mentioning_sentences,
    newest_articles,
    paragraph_number,
    topic_sentences,
)
from ..understand.standalone import unfiled_alone
from . import archive, indexes, structured
from .export import render_export
from .feed import FEED, render_feed
from .nav import nav  # noqa: F401  (imported from here by bench/projects.py)
from .search import SYNONYMS, designators, render_synonyms
from .terms import TermMarker
from .viewmodels import (
    ArticleHeading,
    ArticleParagraph,
    ArticleSentence,
    HomeArticle,
    LeftOff,
    PassingMention,
    Published,
    SentenceLink,
    StoryHeading,
    TimelineEvent,
    TopicHeading,
)
from .views import (
    event_link,
    gap_before,
    glossary_entries,
    home_cards,
    key_point_views,
    last_updated,
    page_titles,
    passing_mentions,
    prose_groups,
    reading_minutes,
    related_topics,
    subheadings_before,
    topic_description,
    topic_links,
    unfiled_sentence,
    whats_new,
)


@per_process(maxsize=4)
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
        autoescape=False,  # Markdown and HTML: each value goes through its context's filter
        finalize=escape.inert,  # the safety net for a value printed without one
        auto_reload=True,  # a template edited under `mkdocs serve` is read again
    )
    environment.filters.update(escape.FILTERS)
    return environment


def render_topic(env: jinja2.Environment, explainer: Explainer, topic: Topic, marker: TermMarker,
                 site_url: str | None = None) -> str:
    page = urls.topic_page(topic.slug)
    points = key_point_views(explainer, topic, page, marker)
    plan = archive.layout(explainer, topic.slug)  # bounded: the latest, the background
    shown = {a.slug for a in plan.shown}
    texts = [s.text for a, s in topic_sentences(explainer, topic.slug) if a.slug in shown]
    mentions, mentions_more = bounded_mentions(
        passing_mentions(explainer, topic, page, plan.shown), texts)
    return env.get_template("topic.md.j2").render(
        topic=TopicHeading(topic.title, topic.question, topic.draft, topic.drafted_signals),
        points=points,
        groups=archive.with_background(
            prose_groups(explainer, topic, page, marker, plan.shown), plan),
        earlier=archive.earlier_coverage(explainer, topic, plan), moved_href=archive.MOVED,
        mentions=mentions, mentions_more=mentions_more,
        related=related_topics(explainer, topic, page),
        events=[event_link(e, page) for e in explainer.story.events if topic.slug in e.topics],
        minutes=reading_minutes(texts), description=topic_description(explainer, topic),
        timeline_href=urls.md_link(page, urls.TIMELINE),
        whats_new=whats_new(explainer, page, topic),
        structured_data=structured.front_matter_json(
            structured.topic_data(explainer, topic, site_url)),
    )


# "Also mentioned" never outgrows the page's prose: at most as many lines as the topic has
# sentences on the page (and between these bounds), the newest first.
MENTIONS_SHOWN = (3, 8)


def bounded_mentions(mentions: list[PassingMention], prose: list[str]
                     ) -> tuple[list[PassingMention], int]:
    """The newest passing mentions, as many as the prose allows, and how many more there are
    (each is on its article's page)."""
    low, high = MENTIONS_SHOWN
    return indexes.latest(mentions, min(high, max(low, len(prose))))


def render_article(env: jinja2.Environment, story: Story, article: Article, marker: TermMarker,
                   site_url: str | None = None) -> str:
    """An article page: made from the article and the story's topics and terms alone, so
    render_site can keep it while those are unchanged."""
    page = urls.article_page(article.slug)
    datelines = [f for f in article.furniture if f.kind in ("dateline", "speaker")]
    paragraphs = [
        ArticleParagraph(
            anchor=Markup(p.anchor),
            subheadings=subheadings_before(article.furniture, number),
            dateline=" ".join(f.text for f in datelines if f.before == number) or None,
            sentences=tuple(ArticleSentence(Markup(s.anchor), marker.mark(s.text, page),
                                            gap_before(p.sentences, i))
                            for i, s in enumerate(p.sentences)),
            topics=topic_links(p.topics, story.topics, page),
        )
        for number, p in enumerate(article.paragraphs, 1)
    ]
    published = article.meta.published
    return env.get_template("article.md.j2").render(
        article=ArticleHeading(article.title, article.meta.outlet, article.meta.url),
        paragraphs=paragraphs,
        bylines=[f.text for f in article.furniture if f.kind == "byline"],
        closing_subheadings=subheadings_before(article.furniture, len(article.paragraphs) + 1),
        published=Published(Markup(published), display_date(published)) if published else None,
        minutes=reading_minutes([s.text for s in article.sentences]),
        structured_data=structured.front_matter_json(
            structured.article_data(article, site_url)),
    )


def render_home(env: jinja2.Environment, explainer: Explainer, marker: TermMarker,
                site_url: str | None = None) -> str:
    page = urls.HOME
    fresh = {a.slug for a in newest_articles(explainer)}
    cards = home_cards(explainer, page, marker)
    unfiled, unfiled_more = indexes.latest(  # bounded: the latest, a count of the rest
        [(a, s) for a in explainer.articles for s in a.sentences if unfiled_alone(a, s)],
        indexes.LATEST_UNFILED)
    latest, articles_more = indexes.latest(list(explainer.articles), indexes.LATEST_ARTICLES)
    return env.get_template("home.md.j2").render(
        story=StoryHeading(explainer.story.title, explainer.story.summary,
                           draft=any(Path(file).name == "explainer.yml"
                                     for file, _ in explainer.story.drafts)),
        cards=cards,
        unfiled=[unfiled_sentence(a, s, page, marker, a.slug in fresh,
                                  len(explainer.articles) > 1) for a, s in unfiled],
        unfiled_several=len(explainer.articles) > 1,
        articles=[HomeArticle(a.title, urls.md_link(page, urls.article_page(a.slug)),
                              indexes.bracketed(a.meta.outlet),
                              display_date(a.meta.published) if a.meta.published else None)
                 for a in latest],
        # "from 12 articles, 2019–2026"; one year is already in "Last updated 18 March 2026"
        article_count=len(explainer.articles),
        span=indexes.span(explainer) if "–" in indexes.span(explainer) else "",
        more=LeftOff(articles_more, unfiled_more, urls.md_link(page, indexes.ARTICLES_INDEX)),
        updated=last_updated(explainer),
        timeline_href=urls.md_link(page, urls.TIMELINE),
        glossary_href=urls.md_link(page, urls.GLOSSARY),
        feed_href=Markup(FEED) if site_url else None,
        whats_new=whats_new(explainer, page),
        structured_data=structured.front_matter_json(structured.home_data(explainer, site_url)),
    )


def first_in_each_paragraph(sentences: list[tuple[Article, Sentence]]
                            ) -> list[tuple[Article, Sentence]]:
    """One link a paragraph: "paragraph 2, paragraph 2" tells a reader nothing more."""
    seen: set[tuple[str, int]] = set()
    kept = []
    for article, sentence in sentences:
        if (article.slug, paragraph_number(sentence)) not in seen:
            seen.add((article.slug, paragraph_number(sentence)))
            kept.append((article, sentence))
    return kept


def render_timeline(env: jinja2.Environment, explainer: Explainer, marker: TermMarker,
                    site_url: str | None = None) -> str:
    page = urls.TIMELINE
    events = []
    for event in explainer.story.events:
        sentences, more = indexes.latest(list(mentioning_sentences(event, explainer.articles)),
                                         indexes.LATEST_MENTIONS)
        sentences = first_in_each_paragraph(sentences)
        events.append(TimelineEvent(
            anchor=Markup(event.anchor),
            former_anchors=tuple(Markup(a) for a in event.former_anchors),
            date=Markup(event.date), when=display_date(event.date), headline=event.headline,
            draft=event.draft, resolved=event.resolved,
            text=marker.mark(event.text, page),
            topics=topic_links(event.topics, explainer.story.topics, page),
            sentences=tuple(
                SentenceLink(urls.link(page, urls.article_page(a.slug), s.anchor),
                             f"{a.title}, paragraph {paragraph_number(s)}",
                             # the article's title shown once for its run of links
                             "" if index == 0 or sentences[index - 1][0].slug != a.slug
                             else f"paragraph {paragraph_number(s)}")
                for index, (a, s) in enumerate(sentences)),
            more=more,
            several=len({a.slug for a, _ in sentences}) > 1,
            source=event.source,
        ))
    return env.get_template("timeline.md.j2").render(
        events=events, structured_data=structured.front_matter_json(
            structured.timeline_data(explainer, site_url)))


def render_glossary(env: jinja2.Environment, explainer: Explainer, titles: dict[str, str],
                    site_url: str | None = None) -> str:
    return env.get_template("glossary.md.j2").render(
        entries=glossary_entries(explainer, titles), structured_data=structured.front_matter_json(
            structured.glossary_data(explainer, site_url)))


def render_site(explainer: Explainer, templates_dir: Path, site_url: str | None = None
                ) -> dict[str, str]:
    """Every generated file, path (relative to docs/) → content.

    `site_url` (mkdocs.yml's) makes the structured data's URLs absolute and adds the Atom
    feed, whose ids must be absolute; without it there is no feed.
    """
    env = make_environment(templates_dir)
    marker = TermMarker(explainer.story.terms)
    renders = memo.start((folder_fingerprint(templates_dir), explainer.story, site_url))
    pages: dict[str, str] = {
        urls.HOME: render_home(env, explainer, marker, site_url),
        urls.GLOSSARY: render_glossary(env, explainer, page_titles(explainer), site_url),
        urls.TIMELINE: render_timeline(env, explainer, marker, site_url),
    }
    for topic in explainer.story.topics:
        pages[urls.topic_page(topic.slug)] = render_topic(env, explainer, topic, marker, site_url)
        pages.update(archive.render_archives(env, explainer, topic, marker, renders))
        if archive.layout(explainer, topic.slug).archived:
            pages[archive.moved_page(topic.slug)] = archive.render_moved(explainer, topic)
    if indexes.has_index(explainer):
        pages[indexes.ARTICLES_INDEX] = indexes.render_articles_index(env, explainer)
    if indexes.has_topics_index(explainer):
        pages[indexes.TOPICS_INDEX] = indexes.render_topics_index(env, explainer)
    for article in explainer.articles:
        pages[urls.article_page(article.slug)] = renders.page(
            ("article", Same(article)),  # made from the article alone (and the era)
            partial(render_article, env, explainer.story, article, marker, site_url))
    pages[urls.EXPORT] = render_export(explainer, renders)
    pages[SYNONYMS] = render_synonyms(explainer.story.terms, designators(explainer))
    if site_url:
        pages[FEED] = render_feed(explainer, site_url)
    memo.keep(renders)  # for the next generation in this process (`mkdocs serve`)
    return dict(sorted(pages.items()))
