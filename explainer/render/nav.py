"""The site navigation, for MkDocs' `nav` setting."""

from __future__ import annotations

from typing import TypeAlias

from .. import escape, urls
from ..model import Explainer
from . import indexes

# An entry of MkDocs' `nav`: a title → a page, or a section's title → its entries (each
# {title: ...}, or a page's path alone).
NavEntry: TypeAlias = dict[str, "str | list[NavEntry | str]"]


def nav(explainer: Explainer) -> list[NavEntry]:
    """The site navigation, in the editor's topic order (for MkDocs' `nav` setting).

    Titles are HTML text: the theme prints navigation titles as they are.
    """
    def title(text: str) -> str:
        return str(escape.text(text))

    topics: list[NavEntry | str] = [{title(t.title): urls.topic_page(t.slug)}
              for t in explainer.story.topics[:indexes.NAV_TOPICS]]
    if indexes.has_topics_index(explainer):  # the sidebar is in every page: keep it bounded
        topics.append({f"All {len(explainer.story.topics):,} topics": indexes.TOPICS_INDEX})
    return [
        {"Home": urls.HOME},
        {"Topics": topics},
        {"Timeline": urls.TIMELINE},
        {"Glossary": urls.GLOSSARY},
        # One entry for the articles, however many: their index page lists them by year.
        {"Articles": indexes.ARTICLES_INDEX} if indexes.has_index(explainer)
        else {"The article": urls.article_page(explainer.articles[0].slug)},
    ]
