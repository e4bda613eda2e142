"""A story that runs for years (issue 16): the Turkey story grown by weekly follow-ups
(bench/story.py), built again at every size as an editor would after each follow-up.

- No anchor that was ever published stops working: every id on every page of a build is still
  on the same page in every later build, or (on topic pages, for an article that moved to an
  archive page) named in the topic's moved.json, whose archive page has the id.
- Pages stay bounded: a topic page shows at most the latest articles and the background,
  whatever the size; archive pages sit at URLs fixed by the article's date.
- Every sentence stays reachable: each sentence about a topic is on the topic page or on its
  archive page, and explainer.json says which (`topic_urls`).
"""

from __future__ import annotations

import json
import re
import sys

import pytest

from project_tools import ROOT, TEMPLATES, TURKEY

sys.path.insert(0, str(ROOT / "bench"))
from explainer import urls
from explainer.pipeline import generate
from explainer.render import archive
from story import grow_story

SIZES = (1, 3, 6, 14, 40)  # each story is the one before with more weeks added
IDS = re.compile(r'\bid="([^"]+)"|\{ #([^ }]+) \}')


def page_ids(markdown: str) -> set[str]:
    return {a or b for a, b in IDS.findall(markdown)}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[int, dict[str, str]]:
    folder = tmp_path_factory.mktemp("years")
    return {size: generate(grow_story(folder / f"seeds-{size}", size), TEMPLATES)[1]
            for size in SIZES}


def moved_ids(pages: dict[str, str], path: str) -> dict[str, str]:
    """The ids of a topic page's archived articles, each with the page (its path) holding it."""
    moved = pages.get(path.removesuffix(".md") + "/" + archive.MOVED)
    if moved is None:
        return {}
    found = {}
    for article, href in json.loads(moved)["moved"].items():
        target = normalise(urls.served_path(path) + href)
        target_page = next(p for p in pages if urls.served_path(p) == target)
        for anchor in page_ids(pages[target_page]):
            if anchor == f"from-{article}" or anchor.startswith(f"{article}-p"):
                found[anchor] = target_page
    return found


def test_no_published_anchor_stops_working_as_the_story_grows(builds):
    sizes = sorted(builds)
    for before, after in zip(sizes, sizes[1:]):
        for path, content in builds[before].items():
            if not path.endswith(".md"):
                continue
            assert path in builds[after], f"{path} (built at {before} articles) is gone at {after}"
            lost = page_ids(content) - page_ids(builds[after][path])
            lost -= moved_ids(builds[after], path).keys()
            assert not lost, f"{path}: ids gone from {before} to {after} articles: {sorted(lost)[:5]}"


def test_archives_appear_once_articles_leave_the_topic_page(builds):
    archived = [p for p in builds[40] if re.fullmatch(r"topics/[^/]+/\d{4}(-\d\d)?\.md", p)]
    assert archived, "40 weekly articles left nothing to archive"
    assert not [p for p in builds[3] if p.count("/") == 2 and p.startswith("topics/")]


def test_moved_json_names_an_archive_page_for_every_archived_article(builds):
    pages = builds[40]
    checked = 0
    for path in pages:
        if re.fullmatch(r"topics/[^/]+\.md", path):
            moved = moved_ids(pages, path)
            for anchor, target in moved.items():
                assert re.fullmatch(r"topics/[^/]+/\d{4}-\d\d\.md", target), (path, anchor)
            checked += len(moved)
    assert checked > 100


def test_topic_pages_stay_the_same_size_whatever_the_story(builds):
    """Earlier coverage is a line per year: the ids of archived articles are in moved.json."""
    sizes = [max(len(c) for p, c in builds[n].items() if re.fullmatch(r"topics/[^/]+\.md", p))
             for n in (14, 40)]
    assert sizes[1] <= sizes[0] * 1.3, sizes


def normalise(path: str) -> str:
    parts = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part:
            parts.append(part)
    return "/".join(parts) + "/"


def sentence_count(markdown: str) -> int:
    return markdown.count('class="sentence"')


def test_topic_pages_stay_bounded(builds):
    for path, content in builds[40].items():
        if re.fullmatch(r"topics/[^/]+\.md", path):
            # the latest (at most LATEST_SENTENCES, or one article) and the background article
            assert sentence_count(content) <= archive.LATEST_SENTENCES + 40, path
    growth = [max(sentence_count(c) for p, c in builds[n].items()
                  if re.fullmatch(r"topics/[^/]+\.md", p)) for n in (14, 40)]
    assert growth[1] <= growth[0] * 1.5, growth


def test_every_sentence_about_a_topic_is_on_its_page_and_in_the_export(builds):
    pages = builds[40]
    export = json.loads(pages[urls.EXPORT])
    by_url = {urls.served_path(p): c for p, c in pages.items() if p.endswith(".md")}
    checked = 0
    for article in export["articles"]:
        for paragraph in article["paragraphs"]:
            for sentence in paragraph["sentences"]:
                assert len(sentence["topic_urls"]) == len(sentence["topics"])
                for url in sentence["topic_urls"]:
                    page, anchor = url.split("#")
                    assert f'<span class="sentence" id="{anchor}">' in by_url[page], url
                    checked += 1
    assert checked > 300


# ---- navigation that scales ---------------------------------------------------------------------


def test_the_sidebar_lists_the_articles_as_one_index_page(tmp_path):
    from explainer.render.pages import nav

    explainer, pages = generate(grow_story(tmp_path / "seeds", 40), TEMPLATES)
    assert {"Articles": "articles/index.md"} in nav(explainer)
    index = pages["articles/index.md"]
    assert index.count("<li><a href=") == 40
    years = re.findall(r'<details class="articles-index__year" id="year-(\d{4})"', index)
    assert years == sorted(years, reverse=True) and len(years) == 2
    # newest first, each with its outlet and date
    dates = re.findall(r'<time datetime="([^"]+)">', index)
    assert dates == sorted(dates, reverse=True) and len(dates) == 40


def test_home_and_glossary_lists_stay_bounded(builds):
    from explainer.render import indexes

    home = builds[40]["index.md"]
    assert "from 40 articles, 2019–2020." in home
    assert home.count("- [The full article:") == indexes.LATEST_ARTICLES
    assert "- [All 40 articles, by year](articles/index.md) (35 more)" in home
    unfiled = re.search(r'<ul class="unfiled-sentences">(.*?)</ul>', home, re.S)
    assert unfiled[1].count("<li>") <= indexes.LATEST_UNFILED
    glossary = builds[40]["glossary.md"]
    for line in re.findall(r'<p class="glossary__links">.*', glossary):
        assert line.count('href="../articles/') <= indexes.LATEST_ARTICLES + 1, line
    assert "earlier articles</a>" in glossary


def test_a_thousand_topics_keep_the_sidebar_and_related_lists_bounded(tmp_path):
    """Issue 25: the sidebar is printed into every page, so 1,000 topics listed in it made
    the build grow with their square; "Related topics" listed nearly every topic. The sidebar
    names the first topics and then the topics' index page, which lists them all."""
    from explainer.render import indexes, views
    from explainer.render.pages import nav
    from project_tools import TURKEY, copy_story
    from story import add_topics

    explainer, pages = generate(add_topics(copy_story(tmp_path / "seeds", TURKEY), 1000),
                                TEMPLATES)
    topics = explainer.story.topics
    assert len(topics) == 1000
    [sidebar] = [entry["Topics"] for entry in nav(explainer) if "Topics" in entry]
    assert len(sidebar) == indexes.NAV_TOPICS + 1
    assert sidebar[-1] == {"All 1,000 topics": indexes.TOPICS_INDEX}
    index = pages[indexes.TOPICS_INDEX]
    linked = re.findall(r'<li><a href="([^"]+)/">', index)
    assert linked == [t.slug for t in topics], "the index lists every topic, in order"
    for topic in topics:
        page = pages[urls.topic_page(topic.slug)]
        related = page.partition("## Related topics")[2].partition("\n## ")[0]
        assert related.count("\n- [") <= views.RELATED_TOPICS, topic.slug
    export = json.loads(pages[urls.EXPORT])
    assert sum(len(t["sentences"]) for t in export["topics"]) == sum(
        len(s.topics) for a in explainer.articles for s in a.sentences)


def test_a_story_with_few_topics_needs_no_topics_index(builds):
    from explainer.render import indexes

    assert indexes.TOPICS_INDEX not in builds[1]
    assert "## Related topics" in builds[1]["topics/s-400-purchase.md"]


# ---- a quiet terminal -------------------------------------------------------------------------


def test_a_rebuild_reports_what_changed_and_only_new_warnings():
    from explainer.mkdocs_site.site import Generation, new_warnings, rebuild_summary

    before = Generation({"a.md": "1", "b.md": "2"}, [], ("old one", "fixed one"))
    after = Generation({"a.md": "1", "b.md": "3", "c.md": "4"}, [], ("old one", "new one"))
    assert new_warnings(before.warnings, after.warnings) == ["new one"]
    assert rebuild_summary(before, after, 1) == (
        "2 pages changed (b.md, c.md); 1 new warning, 1 fixed, 2 in all "
        "(python build.py --warnings lists them)")
    assert rebuild_summary(after, after, 0).startswith("no page changed; 0 new warnings")


def test_build_py_warnings_lists_every_warning(tmp_path):
    import subprocess

    seeds = grow_story(tmp_path / "seeds", 6)
    result = subprocess.run([sys.executable, "build.py", "--warnings", "--seeds", str(seeds)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and not result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == f"{len(lines) - 1} warnings" and len(lines) > 5
    assert all(line.startswith("warning: ") for line in lines[:-1])


@pytest.mark.slow
def test_under_mkdocs_serve_a_save_prints_only_the_new_warning(tmp_path):
    from project_tools import MkDocsServer, copy_project, with_sentence_about_s400

    story = grow_story(tmp_path / "story", 30)
    first_followup = sorted(story.glob("follow-up-*.txt"))[0]  # more than the log shows
    first_followup.write_text(first_followup.read_text("utf-8") + "\nEnvoys from Narvik, "
                              "Tromso, Bodo and Alta met in 1996.\n", "utf-8")
    server = MkDocsServer(copy_project(tmp_path / "project", story))
    try:
        server.wait_until_up(within=60)
        first = server.log()
        assert "more warnings: python build.py --warnings lists them all" in first
        assert first.count("WARNING") <= 20
        article = server.project / "seeds" / "turkey-s400-f35.txt"
        # A year no timeline event falls in: one new warning.
        article.write_text(with_sentence_about_s400(article.read_text("utf-8"), "in 1997"))
        server.wait_for_log("new warning", 1, within=60)
        after = server.log()[len(first):]
        assert after.count("WARNING") == 1 and "1997 is mentioned" in after, after
        assert re.search(r"\d+ pages changed \(.*\); 1 new warning, \d+ in all", after), after
    finally:
        server.stop()


def test_a_timeline_event_links_to_the_latest_sentences_and_counts_the_rest(builds):
    from explainer.render import indexes

    timeline = builds[40]["timeline.md"]
    links = re.findall(r"In the articles?: (.*?)\.(?: <a class=\"source\"|</p>)", timeline)
    assert links and all(line.count("<a href=") <= indexes.LATEST_MENTIONS for line in links)
    # (one article's links, or several's: a newcomer's "In the article: <A>, …, <B>, …")
    for said, line in re.findall(r"In the (articles?): (.*?)\.(?: <a class=\"source\"|</p>)",
                                 timeline):
        pages = set(re.findall(r'href="\.\./articles/([^/]+)/', line))
        assert said == ("articles" if len(pages) > 1 else "article"), line
    assert re.search(r" and \d+ earlier", timeline)


# ---- an incremental workbench -----------------------------------------------------------------


def test_a_save_resegments_and_reclassifies_only_the_changed_article(tmp_path, monkeypatch):
    from explainer import pipeline

    calls = {"segment": 0, "classify": 0}

    def counting(name, function):
        def counted(*args):
            calls[name] += 1
            return function(*args)
        return counted

    monkeypatch.setattr(pipeline, "segment_article",
                        counting("segment", pipeline.segment_article))
    monkeypatch.setattr(pipeline, "classify_article",
                        counting("classify", pipeline.classify_article))
    pipeline.segmented_article.cache_clear()
    pipeline.classified_article.cache_clear()
    seeds = grow_story(tmp_path / "seeds", 6)
    first = pipeline.build_explainer(seeds)
    assert calls == {"segment": 6, "classify": 6}

    article = next(seeds.glob("follow-up-*.txt"))
    article.write_text(article.read_text("utf-8") + "\nThe S-400 question stays open.\n", "utf-8")
    second = pipeline.build_explainer(seeds)
    assert calls == {"segment": 7, "classify": 7}  # only the saved article
    assert second.articles != first.articles

    topics = seeds / "topics.yml"  # new rules: every article is classified again, not segmented
    rules = topics.read_text("utf-8")
    topics.write_text(rules.replace("    signals:\n", "    signals:\n      - Akkuyu\n", 1), "utf-8")
    pipeline.build_explainer(seeds)
    assert calls == {"segment": 7, "classify": 13}


# ---- search that stays usable -----------------------------------------------------------------


@pytest.mark.slow
def test_the_search_index_holds_the_articles_text_once(tmp_path):
    """Every sentence is found on its article page; beyond those, only the answers a reader
    is shown first (each topic's In short, the home page's leads and its latest unfiled
    sentences) repeat article text in the index: not topic prose, mentions or archives."""
    import gzip
    import html
    import subprocess

    from explainer.render import indexes
    from explainer.understand.answers import MAX_POINTS
    from project_tools import ENVIRONMENT, copy_project

    story = grow_story(tmp_path / "story", 30)
    project = copy_project(tmp_path / "project", story)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                   cwd=project, check=True, capture_output=True, env=ENVIRONMENT, timeout=300)
    def fragment(path) -> dict:  # Pagefind's: gzip of a signature, then the page's JSON
        data = gzip.decompress(path.read_bytes())
        return json.loads(data[data.index(b"{"):])

    def plain(markup: str) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())

    pages = [fragment(f) for f in (tmp_path / "site" / "pagefind" / "fragment").iterdir()]
    texts = {f["url"].lstrip("/"): plain(f["meta"].get("title", "") + " " + f["content"])
             for f in pages}
    export = json.loads((project / "docs" / urls.EXPORT).read_text("utf-8"))
    titles = {" ".join(a["title"].split()) for a in export["articles"]}  # listed by title
    elsewhere: set[str] = set()
    for article in export["articles"]:
        page = texts[article["url"]]
        for paragraph in article["paragraphs"]:
            for sentence in paragraph["sentences"]:
                text = " ".join(sentence["text"].split())
                assert text in page, (article["url"], text)
                if text not in titles and any(text in t for loc, t in texts.items()
                                              if not loc.startswith("articles/")):
                    elsewhere.add(text)
    topics = len(export["topics"])
    answers = topics * (MAX_POINTS + 2) + indexes.LATEST_UNFILED
    where = {loc for loc, t in texts.items() if not loc.startswith("articles/")
             for text in elsewhere if text in t}
    assert 0 < len(elsewhere) <= answers, (len(elsewhere), where)
    assert not [loc for loc in texts if re.match(r"topics/[^/]+/(\d{4}|undated)", loc)]


def test_a_short_storys_topic_page_shows_every_article(tmp_path, monkeypatch):
    """The sentence bound keeps a long-running story's pages light; a reader of a story of
    three articles never needs an archive to reach the middle one, however long it is."""
    import shutil

    from explainer.pipeline import build_explainer

    seeds = shutil.copytree(TURKEY, tmp_path / "seeds")  # the shipped story
    for followup in sorted((ROOT / "tests/fixtures/followups").glob("*.txt")):
        shutil.copy(followup, seeds / followup.name)
    monkeypatch.setattr(archive, "LATEST_SENTENCES", 1)
    explainer = build_explainer(seeds)
    for topic in explainer.story.topics:
        placed = archive.layout(explainer, topic.slug)
        assert placed.archived == (), topic.slug
        assert len(placed.shown) == len({a.slug for a, _ in
                                         archive.topic_sentences(explainer, topic.slug)})
