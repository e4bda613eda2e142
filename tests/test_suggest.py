"""`build.py --suggest ARTICLE`: the head start an editor gets for a new explainer."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from explainer.suggest import dates_in

from project_tools import ROOT, TURKEY, TURKEY_SLUG

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
    unfiled = section(seed_report, "Sentences no topic rule catches yet")
    assert any("continue to maneuver these complex issues" in line for line in unfiled)
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


@pytest.mark.parametrize("text, expected", [
    ("on 12 July 2019", [("2019-07-12", "12 July 2019")]),
    ("on July 12, 2019", [("2019-07-12", "July 12, 2019")]),
    ("in July 2019 and in 2016", [("2019-07", "July 2019"), ("2016", "2016")]),
    ("in 2016-2017", [("2016", "2016"), ("2017", "2017")]),
    ("no date in 12345 or 400", []),
])
def test_dates_in(text, expected):
    assert dates_in(text) == expected


def test_a_broken_data_file_is_an_error_not_a_silent_fallback(tmp_path):
    (tmp_path / "explainer.yml").write_text("title: T\nsummary: S\n", "utf-8")
    (tmp_path / "topics.yml").write_text("topics: [\n", "utf-8")
    result = subprocess.run([sys.executable, "build.py", "--suggest", str(ROOT / SEED_ARTICLE),
                             "--seeds", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "topics.yml:2" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
