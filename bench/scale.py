"""Build time against the number of topics and the length of a word, measured:
`.venv/bin/python bench/scale.py [--topics 10,100,1000] [--words 0,500,5000] [--runs 3]`.

    topics   the Turkey fixture story (tests/fixtures/turkey/) with topics added until it has
             10, 100, 1,000 (bench/story.py --topics: each takes one word of the article as
             its signal, the rarest first)
    word     the same story with its own topics, the article's title ending in one word of
             0 (none), 500, 5,000 characters (a pasted blob); share images are drawn from it

Each is a first `mkdocs build` (no .cache/: every page generated, every share image drawn) in a
fresh process, the median of --runs runs taken in turns (each round builds every size once),
so a busy machine slows every size alike: its wall time, and its CPU time (user + system),
which other processes on a shared machine disturb much less. Reported as ratios against the
smallest size built in the same run. Goals: CPU time grows no faster than the topics do (10
times the topics, at most 12 times the time), 1,000 topics within a minute of wall time, and a
5,000-character word within a few seconds of a plain title (at most 1.5 times its CPU time).

Not collected by pytest (testpaths is tests/): timing belongs outside the test run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from projects import measured_build
from story import TURKEY, add_topics
from years import copy_project

ARTICLE = "turkey-s400-f35.txt"
WORD_UNIT = "a1b2c3d4"  # a digest or an address pasted whole: no spaces, nothing to split on
GROWTH_GOAL = 12  # 10× the topics: at most this many times the time
MINUTE_GOAL = 60.0  # seconds for the largest number of topics
WORD_GOAL = 1.5  # the longest word against a plain title


def story_with_topics(folder: Path, topics: int) -> Path:
    return add_topics(Path(shutil.copytree(TURKEY, folder)), topics)


def story_with_word(folder: Path, length: int) -> Path:
    seeds = Path(shutil.copytree(TURKEY, folder))
    article = seeds / ARTICLE
    title, _, body = article.read_text("utf-8").partition("\n")
    word = (WORD_UNIT * (length // len(WORD_UNIT) + 1))[:length]
    article.write_text(f"{title} {word}".rstrip() + "\n" + body, "utf-8")
    return seeds


def first_build(project: Path, site: Path) -> tuple[float, float]:
    """A first `mkdocs build` (no .cache/) in a fresh process: wall and CPU seconds."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    cost = measured_build(project, site)
    return cost.wall, cost.cpu


def timed_builds(projects: dict[int, Path], runs: int) -> dict[int, tuple[float, float]]:
    """Size → median (wall, CPU) seconds of a first build, the sizes taken in turns."""
    samples: dict[int, list[tuple[float, float]]] = {size: [] for size in projects}
    for run in range(runs):
        for size, project in projects.items():
            wall, cpu = first_build(project, project.parent / f"site-{size}-{run}")
            samples[size].append((wall, cpu))
            print(f"  {size}: {wall:.2f} s wall, {cpu:.2f} s CPU", file=sys.stderr, flush=True)
    return {size: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
            for size, values in samples.items()}


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
             for row in (header, tuple("-" * w for w in widths), *rows)]
    return "\n".join(lines)


def topics_table(times: dict[int, tuple[float, float]]
                 ) -> tuple[str, list[tuple[str, float, float]]]:
    sizes = sorted(times)
    first = times[sizes[0]][1]
    rows, verdicts = [], []
    for before, size in zip([None, *sizes], sizes):
        wall, cpu = times[size]
        growth = cpu / times[before][1] if before else None
        rows.append((f"{size:,}", f"{wall:.1f} s", f"{cpu:.1f} s", f"{cpu / first:.2f}",
                     f"{1000 * cpu / size:.0f} ms",
                     f"{growth:.2f}× for {size / before:g}× the topics" if before else ""))
        if before:
            verdicts.append((f"{size:,} / {before:,} topics (CPU)", growth,
                             GROWTH_GOAL * (size / before) / 10))
    verdicts.append((f"{sizes[-1]:,} topics, wall seconds", times[sizes[-1]][0], MINUTE_GOAL))
    return table(("topics", "wall", "CPU", f"CPU / {sizes[0]:,} topics", "CPU per topic",
                  "growth (CPU)"), rows), verdicts


def words_table(times: dict[int, tuple[float, float]]
                ) -> tuple[str, list[tuple[str, float, float]]]:
    sizes = sorted(times)
    base = times[sizes[0]][1]
    rows = [(f"{size:,} characters" if size else "none (plain title)", f"{wall:.1f} s",
             f"{cpu:.1f} s", f"{cpu / base:.2f}", f"{cpu - base:+.1f} s")
            for size, (wall, cpu) in sorted(times.items())]
    verdicts = [(f"{sizes[-1]:,}-character word / plain title (CPU)", times[sizes[-1]][1] / base,
                 WORD_GOAL)]
    return table(("one word in the title", "wall", "CPU", "CPU / plain", "difference (CPU)"),
                 rows), verdicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/scale.py", description=__doc__.splitlines()[0])
    parser.add_argument("--topics", default="10,100,1000",
                        help="topic counts (default 10,100,1000)")
    parser.add_argument("--words", default="0,500,5000",
                        help="lengths of the word in the title (default 0,500,5000)")
    parser.add_argument("--runs", type=int, default=3, help="builds per size, median (default 3)")
    arguments = parser.parse_args(argv)
    topic_counts = [int(n) for n in arguments.topics.split(",")]
    word_lengths = [int(n) for n in arguments.words.split(",")]
    verdicts = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        root = Path(folder)
        projects = {n: copy_project(root / f"topics-{n}" / "project",
                                    story_with_topics(root / f"topics-{n}" / "seeds", n))
                    for n in topic_counts}
        print("(1) a first `mkdocs build` against the number of topics", file=sys.stderr)
        text, found = topics_table(timed_builds(projects, arguments.runs))
        print(f"(1) a first `mkdocs build` against the number of topics (median of "
              f"{arguments.runs})\n\n{text}\n", flush=True)
        verdicts += found
        projects = {n: copy_project(root / f"word-{n}" / "project",
                                    story_with_word(root / f"word-{n}" / "seeds", n))
                    for n in word_lengths}
        print("(2) against the length of one word in the article's title", file=sys.stderr)
        text, found = words_table(timed_builds(projects, arguments.runs))
        print(f"(2) a first `mkdocs build` against the length of one word in the article's "
              f"title (median of {arguments.runs})\n\n{text}\n", flush=True)
        verdicts += found
    for name, value, goal in verdicts:
        print(f"{name}: {value:.2f}  (goal ≤ {goal:g})  {'PASS' if value <= goal else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
