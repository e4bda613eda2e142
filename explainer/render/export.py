"""`explainer.json`: the model for machines (schema: see guides/reference.md, "explainer.json")."""

from __future__ import annotations

import json
from functools import partial

from .. import urls
from ..memo import Renders, Same
from ..model import Article, Explainer, Furniture, Sentence
from ..understand.queries import sentences_by_topic
from . import archive

Record = dict[str, object]  # a JSON object, as json.dumps takes it


def render_export(explainer: Explainer, renders: Renders | None = None) -> str:
    """`explainer.json`: the model for machines. Schema: see guides/reference.md, "explainer.json".

    Each article's record is serialised on its own, and kept in `renders` (see memo.py) while
    the article and the pages showing its sentences are unchanged: under `mkdocs serve` a save
    serialises one article, not the whole story. The text is the one json.dumps would give for
    the whole record at once."""
    renders = renders or Renders.after(None, None)
    shown_on = archive.sentence_pages(explainer)  # (article, topic) → topic or archive page
    about, mentioning = sentences_by_topic(explainer), sentences_by_topic(explainer, "mentions")
    record: Record = {
        "schema": 1,
        "title": explainer.story.title,
        "topics": [
            {"slug": t.slug, "title": t.title, "question": t.question,
             "url": urls.served_path(urls.topic_page(t.slug)),
             "sentences": [f"{a.slug}#{s.anchor}" for a, s in about.get(t.slug, ())],
             "mentions": [f"{a.slug}#{s.anchor}" for a, s in mentioning.get(t.slug, ())],
             "key_points": [{"text": p.text, "cites": list(p.cites)} for p in t.key_points]}
            for t in explainer.story.topics
        ],
        "articles": [],
    }
    articles = []
    for article in explainer.articles:
        pages = {t: shown_on[(article.slug, t)] for t in article_topics(article)}
        articles.append(renders.page(("export", Same(article), tuple(pages.items())),
                                     partial(article_json, article, pages)))
    whole = dumps(record)
    empty = '"articles": []'  # the last key: the articles' records go in its place
    assert whole.endswith(empty + "\n}")
    listed = "[\n" + ",\n".join(articles) + "\n ]" if articles else "[]"
    return whole[:-len(empty + "\n}")] + '"articles": ' + listed + "\n}\n"


INDENT = 1


def article_json(article: Article, shown_on: dict[str, str]) -> str:
    """An article's record as its place in the whole file prints it."""
    return nested(dumps(article_record(article, shown_on)), depth=2)


def dumps(value: Record) -> str:
    return json.dumps(value, ensure_ascii=False, indent=INDENT)


def nested(text: str, depth: int) -> str:
    """JSON text as json.dumps prints it `depth` levels down: every line indented."""
    prefix = " " * (INDENT * depth)
    return prefix + text.replace("\n", "\n" + prefix)


def article_topics(article: Article) -> list[str]:
    """The topics any of the article's sentences is about, sorted."""
    return sorted({t for s in article.sentences for t in s.topics})


def article_record(article: Article, shown_on: dict[str, str]) -> Record:
    """An article's record; `shown_on`: topic → the page showing its sentences on it."""
    page = urls.article_page(article.slug)

    def sentence_record(sentence: Sentence) -> Record:
        return {
            "id": f"{article.slug}#{sentence.anchor}", "anchor": sentence.anchor,
            "url": urls.served_path(page) + "#" + sentence.anchor,
            "topic_urls": [urls.served_path(shown_on[t]) + f"#{article.slug}-{sentence.anchor}"
                           for t in sentence.topics],
            "text": sentence.text, "topics": list(sentence.topics),
            "mentions": list(sentence.mentions),
            "reasons": [{"topic": r.topic, "kind": r.kind, "detail": r.detail}
                        for r in sentence.reasons],
            "source": {"file": sentence.source.file, "line": sentence.source.line},
        }

    def furniture_record(item: Furniture) -> Record:
        placed: Record = {"kind": item.kind, "text": item.text,
                  "source": {"file": item.source.file, "line": item.source.line}}
        if item.anchor:
            placed.update(anchor=item.anchor, url=urls.served_path(page) + "#" + item.anchor)
        return placed

    return {
        "slug": article.slug, "title": article.title, "url": urls.served_path(page),
        "source_file": article.source_file, "published": article.meta.published,
        "outlet": article.meta.outlet, "source_url": article.meta.url,
        "furniture": [furniture_record(f) for f in article.furniture],
        "paragraphs": [
            {"id": f"{article.slug}#{p.anchor}", "anchor": p.anchor,
             "url": urls.served_path(page) + "#" + p.anchor,
             "topics": list(p.topics),
             "sentences": [sentence_record(s) for s in p.sentences]}
            for p in article.paragraphs
        ],
    }
