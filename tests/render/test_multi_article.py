"""An explainer that grows with the story: follow-up articles join the seed article.

Two builds through the command line, as an editor would run them: the Turkey fixture story's
article alone (tests/fixtures/turkey/), then with two follow-ups added (tests/fixtures/followups/,
published later). The follow-ups get pages
of their own and join the topic pages, home page, glossary and timeline; and nothing that
existed before moves: every page, URL and anchor of the first build still exists in the second
and still shows the same thing, so links that people shared keep working.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from markdown.extensions.toc import slugify

from project_tools import ROOT, TURKEY, TURKEY_SLUG, copy_story

FOLLOWUPS = ROOT / "tests" / "fixtures" / "followups"
SEED = TURKEY_SLUG
# Newest first, as the site lists them.
PUBLISHED = {
    "followup-programme": "2024-05-01",
    "followup-alliance": "2024-02-01",
    SEED: "2023-06-01",
}
# A phrase from the follow-up that tells of the 2019 expulsion, which an editor adds to the
# event's `mentions` when adding the follow-up.
EXPULSION_EVENT = "2019-07-17-us-says-turkey-is-out-of-the-f-35-program"
EXPULSION_MENTION = "expelled Ankara from the stealth fighter programme"


def write_meta(seeds: Path, slug: str) -> None:
    (seeds / f"{slug}.meta.yml").write_text(f'published: "{PUBLISHED[slug]}"\n', "utf-8")


def run_build(seeds: Path, docs: Path) -> None:
    result = subprocess.run(
        [sys.executable, "build.py", "--seeds", str(seeds), "--docs", str(docs)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    """(docs of the seed article alone, docs after adding both follow-ups to the same seeds)."""
    base = tmp_path_factory.mktemp("multi")
    seeds, before, after = base / "seeds", base / "docs-before", base / "docs-after"
    copy_story(seeds, TURKEY)
    write_meta(seeds, SEED)
    run_build(seeds, before)
    for slug in ("followup-programme", "followup-alliance"):
        shutil.copy2(FOLLOWUPS / f"{slug}.txt", seeds / f"{slug}.txt")
        write_meta(seeds, slug)
    timeline = yaml.safe_load((seeds / "timeline.yml").read_text("utf-8"))
    for event in timeline["events"]:
        if event["headline"] == "US says Turkey is out of the F-35 program":
            event["mentions"].append(EXPULSION_MENTION)
    (seeds / "timeline.yml").write_text(yaml.safe_dump(timeline, allow_unicode=True), "utf-8")
    run_build(seeds, after)
    return before, after


def export(docs: Path) -> dict:
    return json.loads((docs / "explainer.json").read_text("utf-8"))


def page(docs: Path, path: str) -> str:
    return (docs / path).read_text("utf-8")


def sentence_with(docs: Path, slug: str, phrase: str) -> dict:
    """The explainer.json record of the one sentence of an article that contains a phrase."""
    article = next(a for a in export(docs)["articles"] if a["slug"] == slug)
    found = [s for p in article["paragraphs"] for s in p["sentences"] if phrase in s["text"]]
    assert len(found) == 1, f"{phrase!r} should pick one sentence of {slug}"
    return found[0]


# ---- the follow-ups join the site --------------------------------------------------------------


def test_every_article_has_its_own_page_newest_first(builds):
    _, after = builds
    articles = export(after)["articles"]
    assert [a["slug"] for a in articles] == list(PUBLISHED)
    for article in articles:
        assert (after / "articles" / f"{article['slug']}.md").is_file()
        assert article["url"] == f"articles/{article['slug']}/"
        assert article["published"] == PUBLISHED[article["slug"]]


def test_topic_pages_group_sentences_by_article_newest_first(builds):
    _, after = builds
    for topic in export(after)["topics"]:
        text = page(after, f"topics/{topic['slug']}.md")
        groups = re.findall(r"^### From .* \{ #from-([a-z0-9-]+)[ }]", text, re.MULTILINE)
        with_sentences = [slug for slug in PUBLISHED
                          if any(s.startswith(slug + "#") for s in topic["sentences"])]
        assert groups == with_sentences, topic["slug"]
    nato = page(after, "topics/nato-cohesion.md")
    assert all(f"{{ #from-{slug} " in nato for slug in PUBLISHED)


def test_home_page_says_when_and_from_which_articles(builds):
    _, after = builds
    home = page(after, "index.md")
    assert "Last updated 1 May 2024, from 3 articles, 2023–2024." in home  # the span (issue 16)
    for slug in PUBLISHED:
        assert f"(articles/{slug}.md)" in home


def test_glossary_mentioned_in_covers_the_follow_ups(builds):
    _, after = builds
    glossary = page(after, "glossary.md")
    entries = dict(re.findall(r'<dt id="([^"]+)">.*?</dt>\n<dd>(.*?)</dd>', glossary, re.DOTALL))
    # "SSB" appears only in the follow-up on the fighter programme.
    assert "../articles/followup-programme/" in entries["presidency-of-defense-industries"]
    assert "../articles/turkey-s400-f35/" not in entries["presidency-of-defense-industries"]
    for slug in PUBLISHED:
        assert f"../articles/{slug}/" in entries["ankara"], slug


def test_timeline_links_to_sentences_in_every_article_that_mentions_an_event(builds):
    _, after = builds
    timeline = page(after, "timeline.md")
    event = re.search(rf'<li class="timeline-event" id="{EXPULSION_EVENT}">(.*?)</li>',
                      timeline, re.DOTALL)
    assert event, EXPULSION_EVENT
    for slug, phrase in [(SEED, "expelling them from F-35 program"),
                         ("followup-programme", EXPULSION_MENTION)]:
        anchor = sentence_with(after, slug, phrase)["anchor"]
        assert f'href="../articles/{slug}/#{anchor}"' in event.group(1), slug


# ---- nothing that existed moves ----------------------------------------------------------------


def records(docs: Path) -> dict[str, dict]:
    """Everything explainer.json gives an address, by that address."""
    data = export(docs)
    found = {f"topic:{t['slug']}": {"url": t["url"], "title": t["title"]} for t in data["topics"]}
    for article in data["articles"]:
        found[f"article:{article['slug']}"] = {"url": article["url"], "title": article["title"]}
        for paragraph in article["paragraphs"]:
            found[paragraph["id"]] = {"url": paragraph["url"], "anchor": paragraph["anchor"],
                                      "topics": paragraph["topics"]}
            for sentence in paragraph["sentences"]:
                found[sentence["id"]] = {key: sentence[key]
                                         for key in ("url", "anchor", "text", "topics", "source")}
    return found


def test_every_id_url_and_text_of_the_seed_build_survives_in_explainer_json(builds):
    before, after = records(builds[0]), records(builds[1])
    changed = [key for key in before if after.get(key) != before[key]]
    assert not changed, f"moved or changed by adding follow-ups: {changed[:10]}"


HEADING = re.compile(r"^#{1,6} (.*?)(?: \{ #([^ }]+) \})?$", re.MULTILINE)
ELEMENT = re.compile(r'<(\w+)\b[^>]*\bid="([^"]+)"[^>]*>')
SUB_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.DOTALL)


def visible(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def anchors(markdown: str) -> list[tuple[str, str]]:
    """(id, what it shows) for every anchor a page's Markdown defines, in document order.

    An element is identified by its heading if it has one (a timeline event), else by all its
    text; a Markdown heading by its text, its id explicit or made by MkDocs' toc extension.
    """
    found = []
    for match in ELEMENT.finditer(markdown):
        tag, anchor = match.groups()
        end = markdown.find(f"</{tag}>", match.end())
        inner = markdown[match.end():end]
        heading = SUB_HEADING.search(inner)
        found.append((match.start(), anchor, visible(heading.group(1) if heading else inner)))
    for match in HEADING.finditer(markdown):
        text = visible(match.group(1))
        found.append((match.start(), match.group(2) or slugify(text, "-"), text))
    return [(anchor, text) for _, anchor, text in sorted(found)]


def anchor_problems(before: Path, after: Path, pages: list[str]) -> list[str]:
    """What a shared link into the first build would no longer find in the second."""
    problems = []
    for path in pages:
        if not (after / path).is_file():
            problems.append(f"{path}: page gone")
            continue
        old, new = anchors(page(before, path)), anchors(page(after, path))
        new_ids = [anchor for anchor, _ in new]
        for anchor in sorted({a for a in new_ids if new_ids.count(a) > 1}):
            problems.append(f"{path}#{anchor}: used {new_ids.count(anchor)} times")
        shown = {}
        for anchor, text in new:
            shown.setdefault(anchor, text)  # a browser follows the first element with the id
        for anchor, text in old:
            if anchor not in shown:
                problems.append(f"{path}#{anchor}: gone")
            elif shown[anchor] != text:
                problems.append(f"{path}#{anchor}: was {text[:50]!r}, now {shown[anchor][:50]!r}")
    return problems


def generated_pages(docs: Path, folder: str = "") -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in (docs / folder).rglob("*.md"))


@pytest.mark.parametrize("topic_pages", [False, True], ids=["other pages", "topic pages"])
def test_every_page_and_anchor_of_the_seed_build_survives(builds, topic_pages):
    before, after = builds
    pages = [p for p in generated_pages(before) if p.startswith("topics/") == topic_pages]
    assert pages
    problems = anchor_problems(before, after, pages)
    assert not problems, "\n".join(problems)
