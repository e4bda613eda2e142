"""How close `build.py --draft` comes to an editor's data, story by story.

For each labelled story, the articles alone (with their .meta.yml) are copied into an empty
folder, drafted, and the drafts compared with the editor's own files and hand labels:

    glossary recall   editor's terms with a drafted entry sharing a spelling (one holds the
                      other, as the build's glossary check reads them)
    definitions       of drafted definitions for the editor's terms, the share that say what the
                      editor's definition says (half or more of the drafted phrase's content
                      words are in it): the article's own defining phrase for the term
    timeline recall   editor's events the articles mention (`mentions` not empty) with a
                      drafted event of the same date on one of the same sentences
    topics            for each editor topic, the drafted topic whose signals catch (about or
                      mention) most of its hand-labelled sentences: its share (recall) and
                      the share of what it catches that is labelled with the topic (precision)

    .venv/bin/python bench/drafts.py            the table guides/benchmarks.md shows
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from explainer.editor.draft import draft_files, read_story  # noqa: E402
from explainer.model import Topic  # noqa: E402
from explainer.understand.classify import classify_article  # noqa: E402

GOALS = {"glossary": 0.9, "definitions": 0.8, "timeline": 0.9, "topics": 0.8}
STORIES = [
    ("Turkey (seeds/ + 2 follow-ups)", ROOT / "seeds", [ROOT / "tests/fixtures/followups"],
     ROOT / "tests/labels"),
    ("lead pipes", ROOT / "examples/lead-pipes/seeds", [], ROOT / "tests/labels"),
    ("drought-2012", ROOT / "tests/stories/drought-2012/seeds", [],
     ROOT / "tests/stories/drought-2012/labels"),
    ("kessington-bus-strike", ROOT / "tests/stories/kessington-bus-strike/seeds", [],
     ROOT / "tests/stories/kessington-bus-strike/labels"),
    ("north-korea-frozen-funds (saved pages)",
     ROOT / "tests/stories/north-korea-frozen-funds/seeds", [],
     ROOT / "tests/stories/north-korea-frozen-funds/labels"),
]
ARTICLE = re.compile(r"\.(txt|md|text|markdown|html?)$|\.meta\.yml$", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+")
PLAIN = {"the", "a", "an", "of", "in", "and", "to", "for", "on", "with", "by", "its", "it"}


def articles_only(folders: list[Path], into: Path) -> None:
    for folder in folders:
        for path in folder.iterdir():
            if path.is_file() and ARTICLE.search(path.name):
                shutil.copy(path, into / path.name)


def spellings(entry) -> set[str]:
    return {s.casefold() for s in [entry["term"], *entry.get("aliases", [])]}


def overlaps(one: set[str], other: set[str]) -> bool:
    def holds(a: str, b: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(b)}(?!\w)", a) is not None
    return any(holds(a, b) or holds(b, a) for a in one for b in other)


def content_words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text) if w.casefold() not in PLAIN}


def glossary_scores(editor: dict, drafted: list[dict]) -> tuple[float, float, int, int]:
    terms = editor.get("terms", [])
    found, agree, judged = 0, 0, 0
    for term in terms:
        theirs = spellings(term)
        match = [d for d in drafted if overlaps(spellings(d), theirs)]
        found += bool(match)
        defined = [d for d in match if d["definition"]]
        if defined:
            judged += 1
            words = content_words(defined[0]["definition"])
            agree += len(words & content_words(term["definition"])) >= 0.5 * len(words)
    return found / max(1, len(terms)), (agree / judged if judged else 0.0), judged, len(terms)


def timeline_recall(editor: dict, drafted: list[dict], story) -> tuple[float, int]:
    texts = [s.text for a in story.articles for s in a.sentences]

    def sentences(phrases) -> set[int]:
        return {i for i, t in enumerate(texts) for p in phrases if p.casefold() in t.casefold()}

    events = [e for e in editor.get("events", []) if e.get("mentions")]
    found = sum(any(e["date"].startswith(d["date"])
                    and sentences(d["mentions"]) & sentences(e["mentions"]) for d in drafted)
                for e in events)
    return found / max(1, len(events)), len(events)


def labels_of(labels: Path, story) -> dict[str, list[str]]:
    """Sentence text → topics it is about, from the labels files of the story's articles."""
    about = {}
    for article in story.articles:
        path = labels / f"{article.slug}.labels.yml"
        if path.exists():
            for entry in yaml.safe_load(path.read_text("utf-8")):
                about[" ".join(entry["text"].split())] = entry.get("about", [])
    return about


def topic_scores(editor: dict, drafted: list[dict], story, labels: Path
                 ) -> list[tuple[str, float, float, str]]:
    topics = tuple(Topic(t["slug"], t["title"], t["question"], tuple(t["signals"]))
                   for t in drafted)
    caught: dict[str, set[int]] = {t.slug: set() for t in topics}
    texts = []
    for article in story.articles:
        for sentence in classify_article(article, topics).sentences:
            for slug in (*sentence.topics, *sentence.mentions):
                caught[slug].add(len(texts))
            texts.append(" ".join(sentence.text.split()))
    about = labels_of(labels, story)
    rows = []
    for topic in editor.get("topics", []):
        labelled = {i for i, t in enumerate(texts) if topic["slug"] in about.get(t, [])}
        if not labelled:
            continue
        best = max(caught.items(), key=lambda item: (len(item[1] & labelled), -len(item[1])),
                   default=(None, set()))
        hit = best[1] & labelled
        rows.append((topic["slug"], len(hit) / len(labelled),
                     len(hit) / len(best[1]) if best[1] else 0.0, best[0] or "-"))
    return rows


def measure(name: str, seeds: Path, followups: list[Path], labels: Path) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "seeds"
        work.mkdir()
        articles_only([seeds, *followups], work)
        drafted = {n: yaml.safe_load(t) for n, t in draft_files(work).items()}
        story = read_story(work)
    editor = {n: yaml.safe_load((seeds / n).read_text("utf-8")) or {}
              for n in ("glossary.yml", "timeline.yml", "topics.yml") if (seeds / n).exists()}
    terms = drafted.get("glossary.yml", {}).get("terms", [])
    events = drafted.get("timeline.yml", {}).get("events", [])
    recall, definitions, judged, editor_terms = glossary_scores(editor.get("glossary.yml", {}),
                                                                terms)
    timeline, editor_events = timeline_recall(editor.get("timeline.yml", {}), events, story)
    topics = topic_scores(editor.get("topics.yml", {}),
                          drafted.get("topics.yml", {}).get("topics", []), story, labels)
    return {"name": name, "glossary": recall, "editor_terms": editor_terms, "drafted": len(terms),
            "definitions": definitions, "judged": judged, "timeline": timeline,
            "editor_events": editor_events, "drafted_events": len(events), "topics": topics}


def table(results: list[dict]) -> str:
    lines = ["| story | glossary recall (goal ≥ 0.9) | definitions that are the article's "
             "(goal ≥ 0.8) | timeline recall (goal ≥ 0.9) | topics: labelled sentences caught, "
             "per editor topic (goal ≥ 0.8 each) |",
             "| --- | --- | --- | --- | --- |"]
    for r in results:
        topics = ", ".join(f"{slug} {recall:.2f} (precision {precision:.2f})"
                           for slug, recall, precision, _ in r["topics"])
        lines.append(
            f"| {r['name']} | {r['glossary']:.2f} of {r['editor_terms']} ({r['drafted']} drafted) "
            f"| {r['definitions']:.2f} of {r['judged']} | {r['timeline']:.2f} of "
            f"{r['editor_events']} ({r['drafted_events']} drafted) | {topics} |")
    return "\n".join(lines)


def main() -> int:
    results = [measure(*story) for story in STORIES]
    print(table(results))
    met = sum(r["glossary"] >= GOALS["glossary"] for r in results)
    print(f"\nglossary goal met on {met} of {len(results)} stories")
    return 0


if __name__ == "__main__":
    sys.exit(main())
