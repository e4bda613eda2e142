"""Navigation that scales with the story: the articles' and topics' index pages, bounded lists.

A story that runs for years has hundreds of articles. The sidebar lists the articles as one
index page (`articles/index.md`, by year, newest first, with dates and outlets) instead of an
entry each, and past NAV_TOPICS topics, the first ones by name and then one index page of them
all (`topics/index.md`): MkDocs prints the whole sidebar into every page, so a sidebar that
grows with the story makes every page grow with it, and the build with its square. The home
page says the story's span and lists only the latest articles and the latest sentences no topic
takes; a glossary term's "Mentioned in" names the topic pages, the home page and the timeline,
then only the latest articles, with a count of the rest; a timeline event links to the latest
sentences that tell of it, with a count of the rest. A story small enough to list whole is
listed whole.
"""

from __future__ import annotations

from typing import TypeVar

import jinja2
from markupsafe import Markup

from .. import urls
from ..dates import display_date
from ..model import Article, Explainer
from .viewmodels import ArticleLine, ArticlesOfYear, Link, MentionedIn, TopicLine

T = TypeVar("T")

ARTICLES_INDEX = "articles/index.md"
TOPICS_INDEX = "topics/index.md"
NAV_TOPICS = 20  # topics the sidebar names; a longer list is no longer read as navigation
LATEST_ARTICLES = 5  # articles the home page lists, and "Mentioned in" names
LATEST_UNFILED = 10  # sentences on no topic the home page shows
LATEST_MENTIONS = 5  # sentences a timeline event links to (newest first), then a count


def bracketed(outlet: str | None) -> str | None:
    """An outlet as it reads inside round brackets: its own round brackets become square ones,
    as printers nest them ("(U.S. Energy Information Administration [Today in Energy], 14
    February 2022)")."""
    return outlet.replace("(", "[").replace(")", "]") if outlet else outlet


def has_index(explainer: Explainer) -> bool:
    return len(explainer.articles) > 1


def has_topics_index(explainer: Explainer) -> bool:
    return len(explainer.story.topics) > NAV_TOPICS


def span(explainer: Explainer) -> str:
    """"2019–2026" (or "2019"): the years the dated articles cover; "" when none is dated."""
    years = sorted({a.meta.published[:4] for a in explainer.articles if a.meta.published})
    return years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}" if years else ""


def latest(items: list[T], count: int) -> tuple[list[T], int]:
    """The first `count` items (newest first) when there are more than that, and how many
    more there are; every item when the list is short."""
    return (items, 0) if len(items) <= count else (items[:count], len(items) - count)


def article_line(article: Article, page: str) -> ArticleLine:
    """An article's title, linking to its page, its outlet and its date."""
    return ArticleLine(title=article.title,
                       href=urls.link(page, urls.article_page(article.slug)),
                       outlet=bracketed(article.meta.outlet),
                       date=Markup(article.meta.published or ""),
                       when=display_date(article.meta.published or ""))


def render_articles_index(env: jinja2.Environment, explainer: Explainer) -> str:
    """One page listing every article by year, newest first."""
    page = ARTICLES_INDEX
    years: dict[str, list[ArticleLine]] = {}
    for article in explainer.articles:
        year = (article.meta.published or "")[:4] or "Undated"
        years.setdefault(year, []).append(article_line(article, page))
    return env.get_template("articles_index.md.j2").render(
        years=[ArticlesOfYear(year, Markup(f"year-{year.lower()}"), tuple(lines))
               for year, lines in years.items()],
        count=len(explainer.articles), span=span(explainer))


def render_topics_index(env: jinja2.Environment, explainer: Explainer) -> str:
    """One page listing every topic in the editor's order, with its question."""
    from ..understand.queries import topic_sentences

    page = TOPICS_INDEX
    return env.get_template("topics_index.md.j2").render(
        topics=[TopicLine(t.title, t.question, urls.link(page, urls.topic_page(t.slug)),
                          len(topic_sentences(explainer, t.slug)))
                for t in explainer.story.topics],
        count=len(explainer.story.topics))


def mentioned_pages(pages: list[str], titles: dict[str, str], page: str) -> MentionedIn:
    """A glossary term's "Mentioned in": every page but the article and archive pages, then
    the latest articles and a count of the others (linking to the articles' index)."""
    articles = [p for p in pages if p.startswith("articles/")]
    others = [p for p in pages if not p.startswith("articles/") and p in titles
              and not is_archive(p)]
    shown, more = latest(articles, LATEST_ARTICLES)
    return MentionedIn(links=tuple(Link(titles[p], urls.link(page, p)) for p in others + shown),
                       more=more, more_href=urls.link(page, ARTICLES_INDEX))


def is_archive(page: str) -> bool:
    return page.startswith("topics/") and page.count("/") == 2
