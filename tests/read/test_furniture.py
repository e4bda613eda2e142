"""Page furniture (issue 13): bylines, datelines and subheadings are set apart from the
sentences, from the readable case file tests/cases/furniture.txt, and shown on the article page.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from explainer.model import RawArticle
from explainer.pipeline import generate
from explainer.read.load import load_article, split_markdown
from explainer.understand.segment import builtin_abbreviations, segment_article
from html_tools import parse, squash
from page_html import article_reading_text, heading_text, page_tree, sentence_texts
from project_tools import ROOT, TESTS, copy_project, mkdocs_build

CASES = TESTS / "cases" / "furniture.txt"
STORY = TESTS / "fixtures" / "furniture"
TEMPLATES = ROOT / "templates"


def load_cases():
    cases, name, start, article, expected = [], None, None, [], []

    def finish():
        if name:
            cases.append(pytest.param("\n".join(article).strip("\n") + "\n", expected,
                                      id=f"furniture.txt:{start} {name}"))

    for number, line in enumerate(CASES.read_text("utf-8").splitlines(), 1):
        if line.startswith("--- "):
            finish()
            name, start, article, expected = line[4:], number, [], []
        elif line.startswith("#") and name is None:
            continue
        elif line.startswith("=> "):
            expected.append(line[3:])
        elif name is not None and not expected:
            article.append(line)
    finish()
    return cases


def reading_order(article: RawArticle) -> list[str]:
    """What the reader gets, in order: `byline: ...`, `dateline: ...`, `h1: ...`, `p1: ...`."""
    segmented = segment_article(article, builtin_abbreviations())
    shown = [f"{f.kind}: {f.text}" for f in article.furniture if f.kind == "byline"]
    for number, paragraph in enumerate(segmented.paragraphs, 1):
        shown += [f"{f.anchor}: {f.text}" for f in article.furniture
                  if f.kind == "subheading" and f.before == number]
        shown += [f"dateline: {f.text}" for f in article.furniture
                  if f.kind == "dateline" and f.before == number]
        shown.append(f"{paragraph.anchor}: " + " ".join(
            " ".join(s.text.split()) for s in paragraph.sentences))
    return shown


@pytest.mark.parametrize("text, expected", load_cases())
def test_furniture_case(text, expected, tmp_path):
    path = tmp_path / "case.txt"
    path.write_text(text, "utf-8")
    assert reading_order(load_article(path)) == expected


def test_markdown_headings_are_subheadings_and_a_byline_and_dateline_are_found():
    title, paragraphs, furniture = split_markdown(
        "# Canal Revenue Falls\n\n*By Samir Nassar*\n\n"
        "Yemen Monitor/Cairo: The canal earned less. Fewer ships paid.\n\n"
        "## The long way round\n\nShips sail around Africa.\n\n### Closing words\n", "x.md")
    assert title == "Canal Revenue Falls"
    assert [p.text for p in paragraphs] == ["The canal earned less. Fewer ships paid.",
                                            "Ships sail around Africa."]
    assert [(f.kind, f.text, f.before, f.anchor) for f in furniture] == [
        ("byline", "By Samir Nassar", 1, ""),
        ("dateline", "Yemen Monitor/Cairo:", 1, ""),
        ("subheading", "The long way round", 2, "h1"),
        ("subheading", "Closing words", 3, "h2")]
    assert [f.source.line for f in furniture] == [3, 5, 7, 11]
    assert paragraphs[0].source.line == 5


@pytest.mark.parametrize("mark", ["###", "# # #", "-30-", "- END -"])
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_releases_end_mark_is_no_paragraph(tmp_path, mark, suffix):
    """Helper D's: a house.gov release copied with its closing "# # #" showed the mark as the
    article's last paragraph, and as a sentence on no topic on the home page."""
    path = tmp_path / f"a{suffix}"
    path.write_text(f"{'# ' if suffix == '.md' else ''}Board convened\n\nThe board met today "
                    f"and will meet weekly.\n\n{mark}\n", "utf-8")
    article = load_article(path)
    assert article.title == "Board convened"
    assert [p.text for p in article.paragraphs] == ["The board met today and will meet weekly."]
    assert [f.kind for f in article.furniture] == ["end mark"]


def test_a_dateline_keeps_the_lead_in_place(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nCAIRO (AP) —\nEgypt spoke. It waited.\n", "utf-8")
    article = load_article(path)
    [lead] = article.paragraphs
    assert (lead.text, lead.source.line) == ("Egypt spoke. It waited.", 4)
    text = path.read_text("utf-8")
    assert text[lead.source.offset:].startswith("Egypt spoke.")


# ---- the article page, as a reader gets it ----------------------------------------------------


@pytest.fixture(scope="module")
def story():
    return generate(STORY, TEMPLATES)


def test_the_article_page_shows_byline_dateline_and_subheadings_apart_from_sentences(story):
    _, files = story
    tree = page_tree(files["articles/red-sea-shipping.md"])
    by_class = {}
    for element in tree.iter():
        by_class.setdefault(element.attributes.get("class"), []).append(squash(element.text))
    assert by_class["article-byline"] == ["By Jane Doe and Omar Haddad, VOA News",
                                          "January 30, 2024 10:15 AM"]
    assert by_class["dateline"] == ["CAIRO (AP) —"]
    headings = {e.attributes["id"]: squash(e.text).rstrip("¶").strip()
                for e in tree.iter() if e.tag == "h2"}
    assert headings == {"h1": "Insurers raise their rates", "h2": "What comes next"}
    sentences = sentence_texts(tree)
    assert list(sentences) == ["p1s1", "p1s2", "p2s1", "p2s2", "p3s1", "p3s2"]
    assert sentences["p1s1"].startswith("Shipping companies")
    assert not any("CAIRO" in s or "By Jane" in s or "comes next" in s
                   for s in sentences.values())
    # The dateline opens paragraph 1; each subheading stands before its paragraph.
    section = next(e for e in tree.iter() if e.attributes.get("id") == "p1")
    assert squash(section.text).startswith("CAIRO (AP) — Shipping companies")
    order = [e.attributes.get("id") for e in tree.iter() if e.attributes.get("id")]
    assert order.index("h1") < order.index("p2") and order.index("p1") < order.index("h1")


def test_a_markdown_article_shows_its_headings_as_subheadings(story):
    _, files = story
    tree = page_tree(files["articles/canal-revenue.md"])
    assert article_reading_text(tree)[:3] == [
        "By Samir Nassar, Yemen Monitor", "Yemen Monitor/Cairo:",
        "The Suez Canal earned far less in January than a year earlier, officials said."]
    headings = {e.attributes["id"]: squash(e.text).rstrip("¶").strip()
                for e in tree.iter() if e.tag == "h2"}
    assert headings == {"h1": "The long way round"}
    assert list(sentence_texts(tree)) == ["p1s1", "p1s2", "p2s1", "p2s2"]


def test_nothing_is_lost_every_word_of_the_file_is_on_the_page(story):
    explainer, files = story
    for article in explainer.articles:
        tree = page_tree(files[f"articles/{article.slug}.md"])
        shown = [heading_text(tree)] + article_reading_text(tree)
        source = (STORY / Path(article.source_file).name).read_text("utf-8")
        source = re.sub(r"(?m)^#+ ", "", source).replace("*", "")  # Markdown's own marks
        assert " ".join(shown).split() == source.split(), article.slug


def test_furniture_is_never_classified_onto_a_topic(story):
    explainer, files = story
    shipping = page_tree(files["topics/shipping.md"])
    shown = " ".join(sentence_texts(shipping).values()) + " ".join(
        squash(e.text) for e in shipping.iter() if e.attributes.get("class") == "sentence")
    assert "Shipping companies" in shown
    assert "CAIRO" not in shown and "Insurers raise their rates" not in shown
    export = json.loads(files["explainer.json"])
    record = next(a for a in export["articles"] if a["slug"] == "red-sea-shipping")
    assert [(f["kind"], f["text"], f.get("anchor")) for f in record["furniture"]] == [
        ("byline", "By Jane Doe and Omar Haddad, VOA News", None),
        ("byline", "January 30, 2024 10:15 AM", None),
        ("dateline", "CAIRO (AP) —", None),
        ("subheading", "Insurers raise their rates", "h1"),
        ("subheading", "What comes next", "h2")]
    assert record["furniture"][3]["url"] == "articles/red-sea-shipping/#h1"


def test_the_article_page_shows_outlet_date_and_link_never_a_file_path(story):
    _, files = story
    tree = page_tree(files["articles/red-sea-shipping.md"])
    meta = next(e for e in tree.iter() if e.attributes.get("class") == "article-meta")
    assert squash(meta.text) == "The Harbour Gazette, 30 January 2024 · original article · 1 min read"
    time = next(e for e in meta.iter() if e.tag == "time")
    assert time.attributes["datetime"] == "2024-01-30"
    link = next(e for e in meta.iter() if e.tag == "a")
    assert link.attributes["href"] == "https://example.org/news/red-sea-shipping"
    for path, content in files.items():
        if path.startswith("articles/"):
            page = page_tree(content)
            visible = squash(page.text)
            assert "furniture/" not in visible and ".txt" not in visible and ".md" not in visible
            assert not [e for e in page.iter() if e.tag == "code"], path


def test_an_outlet_without_a_date_or_link_and_a_month_precision_date(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("explainer.yml", "topics.yml"):
        (seeds / name).write_text((STORY / name).read_text("utf-8"), "utf-8")
    (seeds / "a.txt").write_text("A Title\n\nShips sailed.\n", "utf-8")
    (seeds / "a.meta.yml").write_text("outlet: The Harbour Gazette\n", "utf-8")
    (seeds / "b.txt").write_text("B Title\n\nShips sailed.\n", "utf-8")
    _, files = generate(seeds, TEMPLATES)
    metas = {}
    for slug in ("a", "b"):
        tree = page_tree(files[f"articles/{slug}.md"])
        metas[slug] = squash(next(e for e in tree.iter()
                                  if e.attributes.get("class") == "article-meta").text)
    # An article whose date isn't known says so rather than saying nothing (issue 23).
    assert metas == {"a": "The Harbour Gazette, undated · 1 min read", "b": "undated · 1 min read"}


def test_the_shipped_seed_article_has_no_furniture_and_keeps_its_anchors():
    explainer, files = generate(ROOT / "seeds", TEMPLATES)
    for article in explainer.articles:
        assert article.furniture == ()
        anchors = [p.anchor for p in article.paragraphs]
        assert anchors == [f"p{n}" for n in range(1, len(anchors) + 1)]
        page = ROOT / "docs" / "articles" / f"{article.slug}.md"
        if not page.is_file():  # a new story in seeds/, before `make build` writes docs/
            pytest.skip(f"docs/ has no page for seeds/ {article.source_file} yet; `make build` "
                        "writes it")
        committed = page.read_text("utf-8")
        assert sentence_texts(page_tree(committed)) == sentence_texts(
            page_tree(files[f"articles/{article.slug}.md"]))


@pytest.mark.slow
def test_the_built_site_lists_subheadings_in_the_page_contents(tmp_path, monkeypatch):
    """Through the real `mkdocs build --strict`: subheadings are headings with their anchors
    in the table of contents, the dateline and byline are on the page, no file path is."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "seeds")
    shutil.copytree(STORY, project / "seeds")
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "articles" / "red-sea-shipping" / "index.html").read_text("utf-8")
    tree = parse(page)
    toc = [e.attributes["href"] for e in tree.iter()
           if e.tag == "a" and "md-nav__link" in (e.attributes.get("class") or "")
           and (e.attributes.get("href") or "").startswith("#")]
    assert list(dict.fromkeys(toc)) == ["#h1", "#h2"]  # Material shows the contents twice
    article = next(e for e in tree.iter() if e.tag == "article")
    text = squash(article.text)
    assert "By Jane Doe and Omar Haddad, VOA News" in text and "CAIRO (AP) —" in text
    assert "seeds/" not in text and ".txt" not in text
