"""Data that remembers where it came from: topics, terms, events and their entries carry their
file and line from the one reading of each file; no later stage goes back to disk, even on the
way to an error; warnings are records, and --strict names every problem."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.errors import InputError
from explainer.model import Problem
from explainer.pipeline import build_explainer
from explainer.read import data, load
from project_tools import ROOT, TESTS

FIXTURE_SEEDS = TESTS / "cases" / "seeds"


@pytest.fixture
def seeds(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE_SEEDS, tmp_path / "seeds"))


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the seeds files read, in order, however the build reads them."""
    seen: list[str] = []
    for module in (data, load):
        original = module.read_limited

        def counting(path, *args, original=original):
            seen.append(Path(path).name)
            return original(path, *args)
        monkeypatch.setattr(module, "read_limited", counting)
    return seen


def line_of(path: Path, text: str) -> int:
    """The line of the first line of a file that contains `text`."""
    return next(number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if text in line)


def test_topics_terms_and_events_know_their_file_and_line(seeds, reads):
    explainer = build_explainer(seeds)
    story = explainer.story
    alliance = next(t for t in story.topics if t.slug == "alliance")
    assert (alliance.origin.file, alliance.origin.line, alliance.origin.key) == (
        f"{seeds}/topics.yml", line_of(seeds / "topics.yml", "slug: alliance"), "topics[1]")
    s400 = next(t for t in story.terms if t.term == "S-400")
    glossary = seeds / "glossary.yml"
    assert str(s400.origin) == f"{glossary}:{line_of(glossary, 'term: S-400')}"
    objection = next(e for e in story.events if e.headline == "NATO allies object")
    assert objection.origin.line == line_of(seeds / "timeline.yml", 'date: "2019"')
    assert [m.line for m in objection.mention_sources] == [
        line_of(seeds / "timeline.yml", "mentions: [NATO allies objected")]
    assert sorted(reads) == sorted(["explainer.yml", "topics.yml", "glossary.yml",
                                    "timeline.yml", "small-article.txt"]), "read once each"


# A data file, the edits that break it, the text on the line the error must name, the error.
BROKEN = [
    ("timeline.yml", [("objected in 2019]", "objected in 2020]")], "objected in 2020",
     "events[1].mentions[0]: no article sentence contains 'NATO allies objected in 2020'"),
    ("topics.yml", [("signals: [NATO, alliance]", "signals: [NATO, alliance]\n    include:\n"
                     "      - small-article#p1s1\n      - small-article#p9s9")], "p9s9",
     "topics[1].include[1]: no sentence 'small-article#p9s9' in the articles (build.py "
     "--explain lists them)"),
    ("timeline.yml", [('"2017-09-12"', '"2016-09-12"'),
                      ("    source: https://en.wikipedia.org/wiki/S-400_missile_system\n", "")],
     "2016-09-12",
     "events[0].source: required, since no article sentence it mentions gives its date"),
]


@pytest.mark.parametrize("name, edits, line_text, message", BROKEN)
def test_a_problem_found_after_loading_is_located_without_reading_the_file_again(
        seeds, reads, name, edits, line_text, message):
    path = seeds / name
    text = path.read_text("utf-8")
    for old, new in edits:
        text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as raised:
        build_explainer(seeds)
    assert str(raised.value) == f"{path}:{line_of(path, line_text)}: {message}"
    assert reads.count(name) == 1


def test_warnings_are_records(seeds):
    article = seeds / "small-article.txt"
    article.write_text(article.read_text("utf-8") + "\nThe OSCE watched in 1999.\n", "utf-8")
    (seeds / "notes.bak").write_text("x", "utf-8")
    warnings = build_explainer(seeds).warnings
    assert all(isinstance(w, Problem) for w in warnings)
    assert {(w.where, w.message.split(" ", 1)[0]) for w in warnings} == {
        (f"{seeds}/notes.bak", "not"), (f"{seeds}/small-article.txt:7", "1999"),
        (f"{seeds}/small-article.txt:7", "'OSCE'")}


def test_strict_reports_every_problem_not_the_first(seeds, tmp_path):
    article = seeds / "small-article.txt"
    article.write_text(article.read_text("utf-8") + "\nThe OSCE watched.\n\nSo did UNESCO.\n",
                       "utf-8")
    result = subprocess.run([sys.executable, "build.py", "--seeds", str(seeds), "--docs",
                             str(tmp_path / "docs"), "--strict"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"error: {seeds}/small-article.txt:7: 'OSCE' has no glossary entry (add it to "
        "glossary.yml, or to its `known:` list)",
        f"error: {seeds}/small-article.txt:9: 'UNESCO' has no glossary entry (add it to "
        "glossary.yml, or to its `known:` list)"]
    assert not (tmp_path / "docs").exists()
