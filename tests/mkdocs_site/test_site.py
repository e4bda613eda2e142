"""The built site (`mkdocs build --strict` of the repository): pages, anchors, text, export.

Whatever story seeds/ holds: every expectation comes from its data files and its model."""

import json
import re

import pytest

from explainer.pipeline import build_explainer
from html_tools import by_id, parse, squash
from project_tools import SEEDS, shipped_data

pytestmark = pytest.mark.slow
TOPICS = [topic["slug"] for topic in shipped_data("topics.yml")["topics"]]


@pytest.fixture(scope="module")
def explainer():
    return build_explainer(SEEDS)


@pytest.fixture(scope="module")
def export(built_site):
    return json.loads((built_site / "explainer.json").read_text("utf-8"))


def page(site, url: str):
    return parse((site / url / "index.html").read_text("utf-8"))


def test_every_topic_has_a_page_at_its_slug_headed_by_its_title(built_site):
    assert TOPICS
    for topic in shipped_data("topics.yml")["topics"]:
        root = page(built_site, f"topics/{topic['slug']}")
        h1 = next(e for e in root.iter() if e.tag == "h1")
        assert squash(h1.text).removesuffix("¶").strip() == squash(topic["title"]), topic["slug"]


def test_every_sentence_is_on_the_article_page_with_its_anchor(built_site, explainer):
    for article in explainer.articles:
        ids = by_id(page(built_site, f"articles/{article.slug}"))
        for paragraph in article.paragraphs:
            assert paragraph.anchor in ids, paragraph.anchor
            for sentence in paragraph.sentences:
                assert squash(ids[sentence.anchor].text) == squash(sentence.text)


def test_every_topic_sentence_is_on_its_topic_page(built_site, explainer):
    for topic in explainer.story.topics:
        root = page(built_site, f"topics/{topic.slug}")
        shown = [squash(e.text) for e in root.iter() if e.attributes.get("class") == "sentence"]
        expected = [squash(s.text) for a in explainer.articles for s in a.sentences
                    if topic.slug in s.topics]
        assert shown == expected, topic.slug
        assert expected, f"topic {topic.slug} has no sentences"


def test_topic_sentences_link_back_to_their_place(built_site, explainer):
    """Each prose paragraph links once to its paragraph in the article; every other source link
    (In short, Also mentioned) to a sentence that is there."""
    anchors = {f"../../articles/{a.slug}/#{x}" for a in explainer.articles
               for p in a.paragraphs for x in (p.anchor, *(s.anchor for s in p.sentences))}
    for topic in explainer.story.topics:
        root = page(built_site, f"topics/{topic.slug}")
        links = [e.attributes["href"] for e in root.iter()
                 if e.tag == "a" and "source-link" in (e.attributes.get("class") or "")]
        assert links and set(links) <= anchors, topic.slug
        prose = [e for e in root.iter() if e.attributes.get("class") == "topic-prose"]
        paragraph_links = [e.attributes["href"] for block in prose for e in block.iter()
                           if e.tag == "a" and "source-link" in (e.attributes.get("class") or "")]
        expected = [f"../../articles/{a.slug}/#{p.anchor}" for a in explainer.articles
                    for p in a.paragraphs if any(topic.slug in s.topics for s in p.sentences)]
        assert paragraph_links == expected, topic.slug


def test_export_agrees_with_pages(built_site, export, explainer):
    assert [t["slug"] for t in export["topics"]] == list(TOPICS)
    for record in export["articles"]:
        ids = by_id(page(built_site, record["url"].rstrip("/")))
        for paragraph in record["paragraphs"]:
            assert paragraph["anchor"] in ids
            for sentence in paragraph["sentences"]:
                assert squash(ids[sentence["anchor"]].text) == squash(sentence["text"])
    for topic in export["topics"]:
        root = page(built_site, topic["url"].rstrip("/"))
        shown = {e.attributes["id"] for e in root.iter()
                 if e.tag == "span" and re.fullmatch(r"[a-z0-9-]+-p\d+s\d+", e.attributes.get("id", ""))}
        assert shown == {s.replace("#", "-") for s in topic["sentences"]}, topic["slug"]
    total = sum(len(a.sentences) for a in explainer.articles)
    assert sum(len(p["sentences"]) for a in export["articles"] for p in a["paragraphs"]) == total


def test_unfiled_sentences_are_reachable_from_home(built_site, explainer):
    """Each sentence on no topic is on the home page, as it stands alone (standalone.py)."""
    from explainer.understand.standalone import standalone

    home = page(built_site, ".")
    shown = {squash(e.text) for e in home.iter() if e.attributes.get("class") == "sentence"}
    for article in explainer.articles:
        for sentence in article.sentences:
            if not sentence.topics:
                alone = standalone(article, sentence).text or sentence.text
                assert squash(alone) in shown


def test_home_links_topics_article_timeline_glossary(built_site):
    hrefs = {e.attributes.get("href") for e in page(built_site, ".").iter() if e.tag == "a"}
    for slug in TOPICS:
        assert f"topics/{slug}/" in hrefs
    assert {"timeline/", "glossary/"} <= hrefs
    assert any(h and h.startswith("articles/") for h in hrefs)


def test_headings_have_permalinks(built_site):
    root = page(built_site, f"topics/{TOPICS[-1]}")
    h2 = [e for e in root.iter() if e.tag == "h2" and e.attributes.get("id")]
    assert h2
    for heading in h2:
        links = [e for e in heading.iter() if "headerlink" in (e.attributes.get("class") or "")]
        assert [link.attributes["href"] for link in links] == [f"#{heading.attributes['id']}"]


def test_no_third_party_resources_loaded(built_site):
    """Pages load nothing from other hosts: no fonts, scripts, styles or images from a CDN.

    (Links to sources are fine; the browser tests also record every real request.)"""
    offenders = []
    for path in built_site.rglob("*.html"):
        for element in parse(path.read_text("utf-8")).iter():
            for attribute in ("src", "href") if element.tag != "a" else ():
                value = element.attributes.get(attribute) or ""
                if re.match(r"(https?:)?//", value) and element.attributes.get("rel") != "canonical":
                    offenders.append(f"{path.relative_to(built_site)}: <{element.tag}> {value}")
    for path in built_site.rglob("*.css"):
        text = path.read_text("utf-8", errors="replace")
        offenders += [f"{path.name}: {url}" for url in re.findall(r"url\((['\"]?)(https?:)?//", text)]
    assert not offenders, offenders[:10]
