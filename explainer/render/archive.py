"""Bounded topic pages: which articles a topic page shows, and archive pages for the rest.

A topic page shows the answer (In short), the latest developments (the newest articles on the
topic, at most LATEST_ARTICLES of them and, where the topic has more articles than the page
shows, LATEST_SENTENCES sentences, always the newest one),
and the background (the oldest article on the topic, the one that set the story up). Every
other article's sentences on the topic are on an archive page whose URL depends only on the
article's date, so it never changes once published:

    topics/<slug>/<YYYY-MM>.md   the articles of a month   (served topics/<slug>/2021-03/)
    topics/<slug>/<YYYY>.md      a year: its articles dated only to the year, and an index of
                                 its months (served topics/<slug>/2021/)
    topics/<slug>/undated.md     articles with no date

An article moves off the topic page once newer ones take its place. The topic page keeps, in
"Earlier coverage", one line per year linking to the year's archive; a page of a bounded size
whatever the story's (a line, or an element per archived sentence, grew it by 40 bytes and
an element a sentence: 449 KB and 5,700 elements at 500 articles). The ids the archived
articles and sentences had on the topic page are kept in `topics/<slug>/moved.json` (article
slug → its archive page), which the theme's script reads when a shared link such as
`topics/x/#article-p2s1` names an id the page no longer has, and sends the reader to the
sentence on its archive page. Without JavaScript such a link opens the topic page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import partial

import jinja2

from .. import urls
from ..dates import display_date
from ..memo import Renders, Same, per_explainer
from ..model import Article, Explainer, Topic
from ..understand.queries import topic_sentences
from .terms import TermMarker
from .viewmodels import (
    ArchiveLink,
    ArchiveMonth,
    EarlierYear,
    ProseGroup,
    TopicHeading,
)

LATEST_ARTICLES = 4  # the newest articles shown on a topic page (about a month of weeklies)
LATEST_SENTENCES = 40  # ... unless they hold more sentences than this (about 7 phone screens)
UNDATED = "undated"


@dataclass(frozen=True)
class TopicLayout:
    """Where a topic's articles are shown: on its page (latest, background) or archived."""

    latest: tuple[Article, ...]
    background: Article | None
    archived: tuple[Article, ...]  # newest first

    @property
    def shown(self) -> tuple[Article, ...]:
        return self.latest + ((self.background,) if self.background else ())


def on_topic(article: Article, slug: str) -> int:
    return sum(1 for s in article.sentences if slug in s.topics)


@per_explainer  # asked by the topic page, its archives, explainer.json and the glossary
def layout(explainer: Explainer, slug: str) -> TopicLayout:
    """Split the articles about a topic (newest first) into latest, background and archived."""
    counts: dict[str, int] = {}  # article slug → its sentences about the topic
    about: list[Article] = []
    for article, _ in topic_sentences(explainer, slug):  # not every article's every sentence
        if article.slug not in counts:
            about.append(article)
        counts[article.slug] = counts.get(article.slug, 0) + 1
    latest: list[Article] = []
    sentences = 0
    # a short story's topic page shows every article on it: a reader of three articles never
    # needs an archive to reach the middle one; the sentence bound is for long-running stories
    bounded = len(about) > LATEST_ARTICLES + 1
    for article in about:
        count = counts[article.slug]
        if latest and (len(latest) == LATEST_ARTICLES
                       or (bounded and sentences + count > LATEST_SENTENCES)):
            break
        latest.append(article)
        sentences += count
    rest = about[len(latest):]
    background = oldest(rest)
    archived = tuple(a for a in rest if a is not background)
    return TopicLayout(tuple(latest), background, archived)


def oldest(articles: list[Article]) -> Article | None:
    """The oldest dated article (articles come newest first, undated last), else the last."""
    dated = [a for a in articles if a.meta.published]
    return (dated or articles)[-1] if articles else None


def period(article: Article) -> str:
    """The archive an article belongs to: "2021-03", "2021" (known only to the year) or
    "undated". Fixed by its date, so its archive URL never changes."""
    published = article.meta.published
    return published[:7] if published else UNDATED


def year_of(key: str) -> str:
    return key[:4]


def archive_page(slug: str, key: str) -> str:
    return f"topics/{slug}/{key}.md"


def period_label(key: str) -> str:
    return "Undated articles" if key == UNDATED else display_date(key)


def archive_keys(archived: tuple[Article, ...]) -> dict[str, list[Article]]:
    """Archived articles by page: each month's and each year's (articles dated only to the
    year), newest first; a year page also exists for every year with an archived month."""
    pages: dict[str, list[Article]] = {}
    for article in archived:
        key = period(article)
        pages.setdefault(key, []).append(article)
        if key != UNDATED:
            pages.setdefault(year_of(key), [])
    return pages


def sentence_pages(explainer: Explainer) -> dict[tuple[str, str], str]:
    """(article slug, topic slug) → the page that shows the article's sentences on the topic."""
    where = {}
    for topic in explainer.story.topics:
        plan = layout(explainer, topic.slug)
        for article in plan.shown:
            where[(article.slug, topic.slug)] = urls.topic_page(topic.slug)
        for article in plan.archived:
            where[(article.slug, topic.slug)] = archive_page(topic.slug, period(article))
    return where


# ---- the topic page's "Earlier coverage" ------------------------------------------------------


MOVED = "moved.json"  # beside a topic page: where its archived articles went


def earlier_coverage(explainer: Explainer, topic: Topic, plan: TopicLayout
                     ) -> list[EarlierYear]:
    """Per year (newest first): a link to its archive, with how many articles and sentences
    on the topic it holds."""
    page = urls.topic_page(topic.slug)
    years: dict[str, list[Article]] = {}  # year (or UNDATED) → its archived articles
    for article in plan.archived:
        key = period(article)
        year = year_of(key) if key != UNDATED else UNDATED
        years.setdefault(year, []).append(article)
    return [EarlierYear(label=period_label(year),
                        href=urls.link(page, archive_page(topic.slug, year)),
                        articles=len(articles),
                        sentences=sum(on_topic(a, topic.slug) for a in articles))
            for year, articles in years.items()]


def moved_page(slug: str) -> str:
    """The file beside a topic page that says where its archived articles went."""
    return f"topics/{slug}/{MOVED}"


def render_moved(explainer: Explainer, topic: Topic) -> str:
    """`topics/<slug>/moved.json`: {"schema": 1, "moved": {article slug: archive page}}, the
    archive page relative to the topic page ("2021-03/"). The article's group on the topic
    page had the id `from-<article slug>`, its sentences `<article slug>-<anchor>`; the
    archive page has the same ids."""
    page = urls.topic_page(topic.slug)
    moved = {article.slug: str(urls.link(page, archive_page(topic.slug, period(article))))
             for article in layout(explainer, topic.slug).archived}
    return json.dumps({"schema": 1, "moved": moved}, ensure_ascii=False, indent=0) + "\n"


# ---- archive pages ----------------------------------------------------------------------------


def with_background(groups: list[ProseGroup], plan: TopicLayout) -> list[ProseGroup]:
    """The topic page's groups, the background article's flagged (it gets its own heading)."""
    anchor = f"from-{plan.background.slug}" if plan.background else None
    return [replace(group, background=group.anchor == anchor) for group in groups]


def render_archives(env: jinja2.Environment, explainer: Explainer, topic: Topic,
                    marker: TermMarker, renders: Renders) -> dict[str, str]:
    """The archive pages of one topic: path → Markdown. A page is kept from the last generation
    (`renders`, see memo.py) while the articles it is made from are unchanged."""
    from ..understand.queries import newest_articles

    pages: dict[str, str] = {}
    by_key = archive_keys(layout(explainer, topic.slug).archived)
    fresh = frozenset(a.slug for a in newest_articles(explainer))
    several = len(explainer.articles) > 1
    for key, articles in by_key.items():
        page = archive_page(topic.slug, key)
        months = [k for k in by_key if len(k) == 7 and year_of(k) == key]  # on a year's page
        made_from = (tuple(map(Same, articles)),
                     tuple(tuple(map(Same, by_key[k])) for k in months))
        new_here = fresh.intersection(a.slug for a in articles)  # their sentences say "New"
        pages[page] = renders.page(
            ("archive", topic.slug, key, made_from, new_here, several),
            partial(render_archive, env, explainer, topic, marker, key, articles,
                    {k: by_key[k] for k in months}))
    return pages


def render_archive(env: jinja2.Environment, explainer: Explainer, topic: Topic,
                   marker: TermMarker, key: str, articles: list[Article],
                   months: dict[str, list[Article]]) -> str:
    """One archive page: the articles of `key` (a month, a year or undated) on the topic; a
    year's page also lists its months."""
    from .views import passing_mentions, prose_groups  # views imports this module's users

    page = archive_page(topic.slug, key)
    return env.get_template("topic_archive.md.j2").render(
        topic=TopicHeading(topic.title, topic.question),
        label=period_label(key),
        months=[ArchiveMonth(period_label(k), urls.link(page, archive_page(topic.slug, k)),
                             articles=len(month),
                             sentences=sum(on_topic(a, topic.slug) for a in month))
                for k, month in months.items()],
        groups=prose_groups(explainer, topic, page, marker, articles),
        mentions=passing_mentions(explainer, topic, page, articles),
        topic_href=urls.link(page, urls.topic_page(topic.slug)),
        year=(ArchiveLink(year_of(key), urls.link(page, archive_page(topic.slug, year_of(key))))
              if len(key) == 7 else None),
    )


def archive_titles(explainer: Explainer) -> dict[str, str]:
    """Every archive page's title, for the glossary's "Mentioned in"."""
    titles = {}
    for topic in explainer.story.topics:
        for key in archive_keys(layout(explainer, topic.slug).archived):
            titles[archive_page(topic.slug, key)] = f"{topic.title}: {period_label(key)}"
    return titles
