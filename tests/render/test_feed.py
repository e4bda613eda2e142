"""The Atom feed: valid to a real parser (feedparser), one entry per article and per timeline
event, newest first, and ids that never change across builds or when a follow-up arrives."""

from __future__ import annotations

import re
import shutil

import feedparser
import pytest

from explainer.pipeline import generate
from golden import SITE_URL
from project_tools import ROOT, TURKEY

FOLLOWUPS = ROOT / "tests" / "fixtures" / "followups"
SEED = "turkey-s400-f35"


def parse(files: dict[str, str]):
    feed = feedparser.parse(files["feed.xml"].encode("utf-8"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def add_article(seeds, slug: str, published: str, outlet: str | None = None) -> None:
    shutil.copy2(FOLLOWUPS / f"{slug}.txt", seeds / f"{slug}.txt")
    meta = f'published: "{published}"\n' + (f"outlet: {outlet}\n" if outlet else "")
    (seeds / f"{slug}.meta.yml").write_text(meta, "utf-8")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    seeds = shutil.copytree(TURKEY, tmp_path_factory.mktemp("feed") / "seeds")
    (seeds / f"{SEED}.meta.yml").write_text('published: "2023-06-01"\noutlet: Seed News\n', "utf-8")
    return seeds


def build(seeds):
    return generate(seeds, ROOT / "templates", site_url=SITE_URL)


def test_feed_has_an_entry_per_article_and_event_newest_first(seeds):
    explainer, files = build(seeds)
    feed = parse(files)
    assert feed.feed.title == explainer.story.title
    assert feed.feed.id == SITE_URL + "feed.xml"
    assert {link.rel: link.href for link in feed.feed.links} == {
        "self": SITE_URL + "feed.xml", "alternate": SITE_URL}
    assert len(feed.entries) == len(explainer.articles) + len(explainer.story.events)
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True), "entries must be newest first"
    [article] = [e for e in feed.entries if "/articles/" in e.link]
    assert article.title == explainer.articles[0].title
    assert article.link == article.id == f"{SITE_URL}articles/{SEED}/"
    assert article.published.startswith("2023-06-01")
    assert article.author == "Seed News"
    assert article.summary == explainer.articles[0].sentences[0].text
    for event in explainer.story.events:
        [entry] = [e for e in feed.entries if e.id == f"{SITE_URL}timeline/#{event.anchor}"]
        assert entry.title.endswith(event.headline)
        assert entry.summary == event.text
        assert entry.updated.startswith(event.date)


def test_ids_stay_the_same_across_builds_and_follow_ups(seeds):
    before = {e.id: (e.title, e.link) for e in parse(build(seeds)[1]).entries}
    assert {e.id for e in parse(build(seeds)[1]).entries} == set(before), "a rebuild changed ids"
    add_article(seeds, "followup-alliance", "2024-02-01", "Example Weekly")
    after = parse(build(seeds)[1])
    ids = [e.id for e in after.entries]
    assert len(ids) == len(set(ids)), "an id appears twice"
    assert set(before) < set(ids)
    assert {e.id: (e.title, e.link) for e in after.entries if e.id in before} == before
    newest = after.entries[0]
    assert newest.id == f"{SITE_URL}articles/followup-alliance/"
    assert newest.author == "Example Weekly"
    assert after.feed.updated.startswith("2024-02-01")


def test_undated_article_gets_no_invented_publication_date():
    explainer, files = generate(TURKEY, ROOT / "templates", site_url=SITE_URL)
    [article] = [e for e in parse(files).entries if "/articles/" in e.link]
    assert "published" not in article
    assert "author" not in article  # no outlet in the data


def test_feed_text_is_text_never_markup(tmp_path):
    seeds = shutil.copytree(TURKEY, tmp_path / "seeds")
    article = seeds / f"{SEED}.txt"
    title = "Talks <b>bold</b> & </feed> ]]> end"
    article.write_text(title + "\n" + article.read_text("utf-8").split("\n", 1)[1], "utf-8")
    [entry] = [e for e in parse(build(seeds)[1]).entries if "/articles/" in e.link]
    assert entry.title == title
    assert entry.title_detail.type == "text/plain"


def test_every_page_links_the_feed_and_home_shows_it(built_site):
    assert (built_site / "feed.xml").is_file()
    for html in built_site.rglob("*.html"):
        head = html.read_text("utf-8").split("</head>", 1)[0]
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', head)
        assert len(links) == 1, f"{html}: no feed link in <head>"
        # The 404 page is served at any depth, so MkDocs gives it site-absolute links.
        base = built_site if links[0].startswith("/") else html.parent
        assert (base / links[0].lstrip("/")).resolve() == (built_site / "feed.xml").resolve(), html
    home = (built_site / "index.html").read_text("utf-8").split("<article", 1)[1]
    assert re.search(r'<a href="feed.xml" type="application/atom\+xml">[^<]*feed', home, re.I)


def test_an_event_still_to_come_is_an_entry_from_the_day_it_was_told(tmp_path):
    """A feed never holds an entry dated after its newest article: an event the story tells
    of before it happens is stamped with the article that first names it."""
    seeds = shutil.copytree(TURKEY, tmp_path / "seeds")
    (seeds / f"{SEED}.meta.yml").write_text('published: "2021-06-01"\n', "utf-8")
    explainer, files = build(seeds)
    feed = parse(files)
    [ahead] = [e for e in explainer.story.events if e.date == "2021-10"]
    [entry] = [e for e in feed.entries if e.id == f"{SITE_URL}timeline/#{ahead.anchor}"]
    assert entry.title.startswith("October 2021")
    assert entry.updated.startswith("2021-06-01") and entry.published.startswith("2021-06-01")
    assert feed.feed.updated.startswith("2021-06-01")


def test_a_deck_under_the_title_is_no_summary(tmp_path):
    """A release's second headline (no final punctuation) is passed over for the lead."""
    seeds = shutil.copytree(TURKEY, tmp_path / "seeds")
    article = seeds / f"{SEED}.txt"
    title, body = article.read_text("utf-8").split("\n", 1)
    article.write_text(f"{title}\n\nAnkara Keeps Its Russian Missiles Despite Sanctions\n{body}",
                       "utf-8")
    explainer, files = build(seeds)
    entry = next(e for e in parse(files).entries if e.link.endswith(f"/articles/{SEED}/"))
    assert "Despite Sanctions" not in entry.summary
    assert entry.summary == explainer.articles[0].sentences[1].text
