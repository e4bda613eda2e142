"""Run the benchmarks and print one table each: `make bench` (or .venv/bin/python bench/run.py).

    bench/run.py                 all five, default number of runs
    bench/run.py --quick         fewer runs (a smoke test of the benchmarks themselves)
    bench/run.py --only build    one benchmark: serve, generate, build, large or draft
    bench/run.py --profile       also print where a full `mkdocs build` of the explainer spends
                                 its time (cProfile, in process; a first build, no cache)
    bench/run.py --strict        exit 1 if a goal is missed (benchmarks are noisy: off by default)

Not collected by pytest (testpaths is tests/): timing belongs outside the test run.
"""

from __future__ import annotations

import argparse
import sys

from benchmarks import (
    Result,
    full_build,
    generation_scaling,
    large_article,
    long_story_draft,
    save_to_served,
)

BENCHMARKS = {"serve": save_to_served, "generate": generation_scaling, "build": full_build,
              "large": large_article, "draft": long_story_draft}
RUNS = {"serve": 11, "generate": 7, "build": 7, "large": 3, "draft": 3}
QUICK_RUNS = {"serve": 3, "generate": 3, "build": 3, "large": 1, "draft": 1}


def format_table(result: Result) -> str:
    """A plain-text table, then the judged ratio with its goal and verdict."""
    rows = [result.header, *result.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(result.header))]
    lines = [result.title, ""]
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    verdict = "PASS" if result.passed else "FAIL"
    lines += ["", f"{result.ratio_name}: {result.ratio:.2f}  (goal ≤ {result.goal:g})  {verdict}"]
    return "\n".join(lines)


def profile_build(top: int = 25) -> str:
    """cProfile of one in-process `mkdocs build` of a fresh copy of the explainer (so nothing
    comes from .cache/), by cumulative time."""
    import cProfile
    import io
    import os
    import pstats
    import tempfile
    from pathlib import Path

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from projects import copy_explainer

    with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
        project = copy_explainer(Path(folder) / "explainer")
        os.chdir(project)
        profiler = cProfile.Profile()
        profiler.enable()
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(Path(folder) / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        profiler.disable()
    report = io.StringIO()
    pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(top)
    return report.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(BENCHMARKS), action="append",
                        help="run only this benchmark (repeatable)")
    parser.add_argument("--quick", action="store_true", help="fewer runs per benchmark")
    parser.add_argument("--profile", action="store_true",
                        help="also profile a full mkdocs build of the explainer")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a goal is missed")
    arguments = parser.parse_args(argv)
    runs = QUICK_RUNS if arguments.quick else RUNS
    results = []
    for name in arguments.only or BENCHMARKS:
        results.append(BENCHMARKS[name](runs[name]))
        print(format_table(results[-1]), end="\n\n", flush=True)
    if arguments.profile:
        print(profile_build())
    missed = [r.title for r in results if not r.passed]
    print(f"{len(results) - len(missed)} of {len(results)} goals met")
    return 1 if arguments.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
