"""`build.py --suggest ARTICLE`: the head start an editor gets for a new explainer."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.understand.names import (
    acronyms,
    names_by_sentence,
    names_of_sentence,
    vocabulary_of,
)
from project_tools import ROOT, TESTS, TURKEY, TURKEY_SLUG

NAME_CASES = TESTS / "cases" / "names.txt"
FURNITURE_STORY = "tests/fixtures/furniture"
SEED_ARTICLE = (TURKEY / f"{TURKEY_SLUG}.txt").relative_to(ROOT).as_posix()
EXAMPLE_SEEDS = "examples/lead-pipes/seeds"
EXAMPLE_ARTICLE = f"{EXAMPLE_SEEDS}/lead-pipes-explained.txt"


def suggest(*arguments: str) -> str:
    result = subprocess.run([sys.executable, "build.py", "--suggest", *arguments],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def section(report: str, heading: str) -> list[str]:
    """The indented lines under the heading that starts with `heading`."""
    lines = report.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    body = []
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        body.append(line)
    return body


def candidates(report: str) -> dict[str, tuple[int, str]]:
    """Glossary candidates: name → (count, mark)."""
    found = {}
    for line in section(report, "Glossary candidates"):
        count, mark, name = re.match(r"^\s*(\d+) (.) (.+)$", line).groups()
        found[name] = (int(count), mark)
    return found


@pytest.fixture(scope="module")
def seed_report() -> str:
    return suggest(SEED_ARTICLE, "--seeds", str(TURKEY))


def test_glossary_candidates_come_with_counts(seed_report):
    found = candidates(seed_report)
    text = (ROOT / SEED_ARTICLE).read_text("utf-8")
    assert found["NATO"] == (len(re.findall(r"\bNATO\b", text)), "*")  # in glossary.yml
    assert found["Turkey"][1] == "-"  # on the glossary's `known:` list
    counts = [count for count, _ in found.values()]
    assert counts == sorted(counts, reverse=True)


def test_dated_mentions_for_the_timeline(seed_report):
    dated = section(seed_report, "Dated mentions")
    assert any(line.split()[0] == "2017" and f"{TURKEY.name}/{TURKEY_SLUG}.txt:5" in line
               for line in dated)
    assert any(line.split()[0] == "2016" for line in dated)


def test_unfiled_sentences(seed_report):
    from explainer.pipeline import build_explainer

    unfiled = section(seed_report, "Sentences no topic rule catches yet")
    article = next(a for a in build_explainer(TURKEY).articles
                   if a.source_file.endswith(Path(SEED_ARTICLE).name))
    expected = [s for s in article.sentences if not s.topics]
    assert len([line for line in unfiled if line.strip() != "(none)"]) == len(expected)
    assert all(any(s.text[:40] in line for line in unfiled) for s in expected)
    per_topic = dict(reversed(line.split()) for line in section(seed_report, "Sentences per topic"))
    assert set(per_topic) == {"s-400-purchase", "f-35-expulsion", "nato-cohesion", "syria",
                              "energy"}


def test_the_example_story():
    report = suggest(EXAMPLE_ARTICLE, "--seeds", EXAMPLE_SEEDS)
    found = candidates(report)
    assert found["Safe Drinking Water Act"] == (1, "*")
    assert found["United States"][1] == "-"
    assert "October" not in found and "November" not in found  # months are not names
    dated = [line.split()[0] for line in section(report, "Dated mentions")]
    assert dated == ["2014", "1986", "1991", "2024-10", "2021-11"]
    assert section(report, "Sentences no topic rule catches yet") == ["  (none)"]


def test_a_brand_new_story_needs_no_data_files(tmp_path):
    article = tmp_path / "new-story.txt"
    article.write_text("A New Story\n\nThe WHO met in Geneva on 12 July 2019. "
                       "The WHO met again in March 2020.\n", "utf-8")
    report = suggest(str(article), "--seeds", str(tmp_path))
    assert candidates(report)["WHO"] == (2, " ")
    assert [line.split()[0] for line in section(report, "Dated mentions")] == [
        "2019-07-12", "2020-03"]
    assert len(section(report, "Sentences (no topics.yml")) == 2


def load_name_cases():
    cases, name, start, sentences = [], None, None, []
    for number, line in enumerate(NAME_CASES.read_text("utf-8").splitlines(), 1):
        if line.startswith("--- "):
            name, start, sentences = line[4:], number, []
        elif line.startswith("=> "):
            expected = [] if line[3:] == "-" else line[3:].split(" | ")
            cases.append(pytest.param(sentences, expected, id=f"names.txt:{start} {name}"))
        elif name and line.strip():
            sentences.append(line)
    return cases


@pytest.mark.parametrize("sentences, expected", load_name_cases())
def test_name_case(sentences, expected):
    """As names_by_sentence reads an article's sentences (its headline-case rule aside)."""
    vocabulary = vocabulary_of(sentences)
    used = frozenset(a.replace("-", "") for s in sentences for a in acronyms(s))
    assert [n for s in sentences for n in names_of_sentence(s, vocabulary, used)] == expected


def test_a_broken_data_file_is_an_error_not_a_silent_fallback(tmp_path):
    (tmp_path / "explainer.yml").write_text("title: T\nsummary: S\n", "utf-8")
    (tmp_path / "topics.yml").write_text("topics: [\n", "utf-8")
    result = subprocess.run([sys.executable, "build.py", "--suggest", str(ROOT / SEED_ARTICLE),
                             "--seeds", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "topics.yml:2" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


# ---- issue 13: names whole, every date resolved and shown as such, one bad side file ---------


@pytest.fixture(scope="module")
def furniture_report() -> str:
    return suggest(f"{FURNITURE_STORY}/red-sea-shipping.txt", "--seeds", FURNITURE_STORY)


def test_multi_word_names_stay_whole(furniture_report):
    assert set(candidates(furniture_report)) == {
        "Bab el-Mandeb", "Gulf of Aden", "Suez Canal Authority", "Geneva"}  # no byline names


def test_every_date_is_listed_resolved_with_its_words(furniture_report):
    dated = section(furniture_report, "Dated mentions")
    resolved = "(resolved from published 2024-01-30)"
    found = [(line.split()[0], re.search(r"'([^']*)'", line).group(1), resolved in line)
             for line in dated]
    assert found == [
        ("2024-01-30", "January 30, 2024", False),  # the date line under the byline
        ("2024-01-25", "on Thursday", True),
        ("2024-01-11", "Jan. 11", True),
        ("2024-01-29", "last Monday", True),
        ("2024-01-28", "January 28", True),
        ("2023-12", "in December", True),
        ("2024-02-05", "next Monday", True),
        ("2024-03-12", "12 March 2024", False),
    ]
    assert any(line.split()[0] == "2024-01-28" and "red-sea-shipping.txt:10" in line
               for line in dated)


def test_the_report_points_to_explain_for_doubtful_topics(furniture_report):
    assert (f"  python build.py --explain {FURNITURE_STORY}/red-sea-shipping.txt "
            f"--seeds {FURNITURE_STORY}") in furniture_report.splitlines()


def test_without_a_published_date_unresolvable_mentions_are_listed_as_such(tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("Ships Wait\n\nShips waited on Thursday. Talks began on January 28 and "
                       "ended in March 2020.\n", "utf-8")
    dated = section(suggest(str(article), "--seeds", str(tmp_path)), "Dated mentions")
    assert [(line.split()[0], re.search(r"'([^']*)'", line).group(1)) for line in dated] == [
        ("unresolved", "on Thursday"), ("unresolved", "January 28"), ("2020-03", "March 2020")]
    assert "(no published date to count from)" in dated[0]
    assert "(no year, and no published date to take it from)" in dated[1]


def test_a_bad_side_file_fails_only_its_own_article(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(ROOT / FURNITURE_STORY, story)
    (story / "canal-revenue.meta.yml").write_text('published: "next week"\n', "utf-8")
    result = subprocess.run([sys.executable, "build.py", "--suggest",
                             str(story / "canal-revenue.md"), "--seeds", str(story)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {story / 'canal-revenue.meta.yml'}:1: published: ")
    report = suggest(str(story / "red-sea-shipping.txt"), "--seeds", str(story))
    assert "Suez Canal Authority" in candidates(report)


def test_a_line_in_headline_case_names_only_what_the_prose_capitalises():

    texts = ("Settlement Will Cover Federal Costs Incurred to Restore Access to the Port of "
             "Baltimore.",
             "The settlement will cover costs incurred to restore access to the Port of "
             "Baltimore, the Justice Department said.",
             "Who Owns and Controls the Ship?",
             "The ship is owned by Grace Ocean and managed by Synergy Marine.")
    names = names_by_sentence(texts)
    assert names[0] == ("Port of Baltimore",)
    assert names[2] == ()
    assert "Grace Ocean" in names[3] and "Justice Department" in names[1]


def test_an_everyday_word_capitalised_only_after_a_name_and_and_ends_that_name():
    # a newcomer's: "Fire" and "Diving" had no glossary entry and stopped a strict build
    texts = ("Baltimore Police and Fire crews searched the river.",
             "The Navy Supervisor of Salvage and Diving cleared the channel.",
             "Officials from Russia and Turkey met.", "Turkey sent divers.")
    names = names_by_sentence(texts)
    assert "Fire" not in names[0] and "Diving" not in names[1]
    assert "Turkey" in names[2] and "Russia" in names[2]


@pytest.mark.parametrize(("name", "spellings", "covered"), [
    ("f-35", ["the f-35 programme"], True),
    ("the f-35 programme", ["f-35"], True),
    ("north koreans", ["north korea"], True),
    # a short known name never covers a longer one it is only letters of
    ("russia", ["us"], False),
    ("busan", ["us"], False),
])
def test_a_known_name_covers_names_holding_it_as_words(name, spellings, covered):
    from explainer.understand.audit import covered_by

    assert covered_by(name, spellings) is covered
