"""Structured data for search engines: JSON-LD (schema.org) per page, from the model only.

Each generated page carries its description in its front matter (`structured_data`, one line
of JSON); the theme's `main.html` prints it in a `<script type="application/ld+json">` through
Jinja's `tojson`, which escapes `<`, `>`, `&` and `'`, so no text can end the script.

Only what the data has is said: an article without a `published` date has no
`datePublished`, one without an outlet no `publisher`, one without a source URL no
`isBasedOn`. URLs are absolute (the site's address) or left out when the site has none.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from .. import urls
from ..model import Article, Explainer, Topic
from .views import index_order

CONTEXT = "https://schema.org"
Record = dict[str, object]  # a JSON-LD object, as json.dumps takes it


def page_url(site_url: str | None, page: str, anchor: str = "") -> str | None:
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + urls.served_path(page) + (f"#{anchor}" if anchor else "")


def without_none(record: Record) -> Record:
    return {key: value for key, value in record.items() if value is not None}


def breadcrumbs(site_url: str | None, page: str, name: str) -> Record:
    """Home → this page ("Home", as the navigation calls it)."""
    trail = [("Home", urls.HOME), (name, page)]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            without_none({"@type": "ListItem", "position": position, "name": title,
                          "item": page_url(site_url, path)})
            for position, (title, path) in enumerate(trail, start=1)
        ],
    }


def home_data(explainer: Explainer, site_url: str | None) -> list[Record]:
    return [without_none({"@type": "WebSite", "name": explainer.story.title,
                          "description": explainer.story.summary,
                          "url": page_url(site_url, urls.HOME)})]


def topic_data(explainer: Explainer, topic: Topic, site_url: str | None) -> list[Record]:
    return [breadcrumbs(site_url, urls.topic_page(topic.slug), topic.title)]


def article_data(article: Article, site_url: str | None) -> list[Record]:
    page = urls.article_page(article.slug)
    meta = article.meta
    news = without_none({
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": meta.published,
        "publisher": {"@type": "Organization", "name": meta.outlet} if meta.outlet else None,
        "isBasedOn": meta.url,
        "url": page_url(site_url, page),
    })
    return [news, breadcrumbs(site_url, page, article.title)]


def glossary_data(explainer: Explainer, site_url: str | None) -> list[Record]:
    terms = sorted(explainer.story.terms, key=index_order)
    term_set = without_none({
        "@type": "DefinedTermSet",
        "name": "Glossary",
        "url": page_url(site_url, urls.GLOSSARY),
        "hasDefinedTerm": [
            without_none({
                "@type": "DefinedTerm",
                "name": term.term,
                "alternateName": list(term.aliases) or None,
                "description": term.definition or None,
                "url": page_url(site_url, urls.GLOSSARY, term.anchor),
            })
            for term in terms
        ],
    })
    return [term_set, breadcrumbs(site_url, urls.GLOSSARY, "Glossary")]


def timeline_data(explainer: Explainer, site_url: str | None) -> list[Record]:
    return [breadcrumbs(site_url, urls.TIMELINE, "Timeline")]


# Characters PyYAML reads as line breaks (or refuses) inside a double-quoted scalar.
YAML_UNSAFE = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029", 0xFEFF: "\\ufeff"}


def front_matter_json(items: list[Record]) -> Markup:
    """The page's JSON-LD as one line of front matter (JSON is a YAML flow mapping)."""
    document = {"@context": CONTEXT, "@graph": items}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(YAML_UNSAFE))
