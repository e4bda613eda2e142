"""`explainer.json`: the model for machines (schema: see README, "explainer.json")."""

from __future__ import annotations

import json

from . import archive, urls
from .model import Article, Explainer, Furniture, Sentence


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
