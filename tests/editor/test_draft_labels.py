"""The hand labels bench/drafts.py measures drafts against (tests/labels/definitions/,
tests/labels/timeline/) hold to the articles and the editors' data: every editor glossary term
has a label, every labelled phrase is in the sentence it names, every labelled event is one of
the editor's."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
import yaml

from explainer.editor.draft import read_story, sentence_id

ROOT = Path(__file__).resolve().parent.parent.parent
spec = importlib.util.spec_from_file_location("bench_drafts", ROOT / "bench" / "drafts.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def story_sentences(seeds: Path, followups: list[Path], folder: Path) -> dict[str, str]:
    folder.mkdir()
    bench.articles_only([seeds, *followups], folder)
    story = read_story(folder)
    shutil.rmtree(folder)
    return {sentence_id(a, s): s.text for a, s in story.sentences()}


@pytest.mark.parametrize("story", bench.STORIES, ids=[s[4].stem for s in bench.STORIES])
def test_labels_hold_to_the_articles_and_the_editors_data(story, tmp_path):
    _, seeds, followups, _, definitions = story
    texts = story_sentences(seeds, followups, tmp_path / "seeds")
    glossary = yaml.safe_load((seeds / "glossary.yml").read_text("utf-8"))
    labels = yaml.safe_load(definitions.read_text("utf-8"))
    assert [t["term"] for t in labels["terms"]] == [t["term"] for t in glossary["terms"]]
    for term in labels["terms"]:
        assert term["defining"] or term["why"], term["term"]
        for phrase in term["defining"] or []:
            assert phrase["phrase"] in texts[phrase["id"]], (term["term"], phrase)
    events_file = bench.EVENTS / definitions.name
    if events_file.exists():
        timeline = yaml.safe_load((seeds / "timeline.yml").read_text("utf-8"))
        editor = {(e["date"], e["headline"]) for e in timeline["events"] if e.get("mentions")}
        labelled = yaml.safe_load(events_file.read_text("utf-8"))["events"]
        assert {(e["date"], e["headline"]) for e in labelled} == editor
        for event in labelled:
            assert set(event["sentences"]) <= set(texts)
            assert set(event["dated_by"] or []) <= set(event["sentences"])
