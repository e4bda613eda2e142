"""The three benchmarks. Each returns rows for a table; bench/run.py prints them.

Every number is a median of several runs, and every goal is a ratio against a baseline
measured in the same run, so a slower or busier machine moves both sides together.
"""

from __future__ import annotations

import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from explainer import memo
from explainer.pipeline import generate
from projects import (
    ARTICLE,
    ARTICLE_URL,
    ENVIRONMENT,
    ROOT,
    SLUG,
    TURKEY,
    MkDocsServer,
    copy_explainer,
    copy_one_page_site,
    copy_without_generation,
    edit_generated_page,
    edit_seed,
)

BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


@dataclass(frozen=True)
class Result:
    """One benchmark's table: rows of cells, then the ratio that is judged against the goal."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    ratio_name: str
    ratio: float
    goal: float

    @property
    def passed(self) -> bool:
        return self.ratio <= self.goal


def seconds(value: float) -> str:
    return f"{value:.3f} s"


# ---- (1) save → served under mkdocs serve -----------------------------------------------------


def wait_until_served(server: MkDocsServer, word: str, within: float = 30.0
                      ) -> tuple[float, float]:
    """Poll the article page until it shows word: the moment it did (time.monotonic), and how
    long that last request took. MkDocs holds requests while it rebuilds, so with requests
    every few milliseconds the last one lasts about as long as the rebuild itself."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        asked = time.monotonic()
        if word in server.fetch(ARTICLE_URL):
            answered = time.monotonic()
            return answered, answered - asked
        time.sleep(0.005)
    raise RuntimeError(f"{word} not served within {within} s; see {server.log_path}")


def save_to_served(runs: int) -> Result:
    """Seconds from saving an article edit to the new text being served, with and without
    generation, edits interleaved so both servers see the same machine load."""
    jitter = random.Random(4)  # save at a random point of MkDocs' 0.5 s file-polling cycle
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as folder:
        explainer = copy_explainer(Path(folder) / "explainer")
        baseline = copy_without_generation(Path(folder) / "baseline")
        seed_text = (explainer / ARTICLE).read_text("utf-8")
        page_text = (baseline / "docs" / "articles" / f"{SLUG}.md").read_text("utf-8")
        edits = {
            "explainer (seeds/*.txt, pages generated)": (
                explainer, lambda word: edit_seed(explainer, seed_text, word)),
            "MkDocs alone (docs/articles/*.md, no plugin)": (
                baseline, lambda word: edit_generated_page(baseline, page_text, word)),
        }
        servers = {name: MkDocsServer(project) for name, (project, _) in edits.items()}
        latencies: dict[str, list[float]] = {name: [] for name in edits}
        rebuild_times: dict[str, list[float]] = {name: [] for name in edits}
        try:
            for server in servers.values():
                server.wait_until_up()
            for _ in range(runs):
                for name, (_, edit) in edits.items():
                    time.sleep(jitter.uniform(0.3, 0.8))
                    word = "bench" + uuid.uuid4().hex[:10]
                    saved = time.monotonic()
                    edit(word)
                    served, rebuild = wait_until_served(servers[name], word)
                    latencies[name].append(served - saved)
                    rebuild_times[name].append(rebuild)
            time.sleep(2.0)  # anything still rebuilding now would be a loop
            rebuilds = {name: server.count("Building documentation...") - 1
                        for name, server in servers.items()}
        finally:
            for server in servers.values():
                server.stop()
    medians = {name: statistics.median(values) for name, values in latencies.items()}
    rebuild = {name: statistics.median(values) for name, values in rebuild_times.items()}
    (ours, theirs), (our_rebuild, their_rebuild) = medians.values(), rebuild.values()
    rows = [(name, seconds(medians[name]), seconds(min(latencies[name])),
             seconds(max(latencies[name])), seconds(rebuild[name]),
             f"{rebuilds[name]} for {runs} saves") for name in edits]
    rows.append(("ratio", f"{ours / theirs:.2f}", "", "", f"{our_rebuild / their_rebuild:.2f}", ""))
    return Result(f"(1) save → served under mkdocs serve ({runs} saves each, interleaved; "
                  "MkDocs polls files every 0.5 s, so a save waits 0-0.5 s to be noticed)",
                  ("project", "median", "min", "max", "median rebuild", "rebuilds"), rows,
                  "explainer / MkDocs alone (save → served)", ours / theirs, 1.2)


# ---- (2) generation time against article length -----------------------------------------------


def seeds_with_article_repeated(folder: Path, times: int) -> Path:
    """A seeds folder whose article holds the original paragraphs `times` times over."""
    seeds = folder / f"seeds-{times}x"
    shutil.copytree(TURKEY, seeds)
    article = seeds / ARTICLE.name
    title, *paragraphs = article.read_text("utf-8").split("\n\n")
    article.write_text("\n\n".join([title, *(paragraphs * times)]), "utf-8")
    return seeds


def time_generation(seeds: Path, runs: int) -> float:
    """Median seconds of a cold generation (nothing kept from the run before, as in a fresh
    `python build.py`; under `mkdocs serve` a save keeps what its file didn't change)."""
    samples = []
    for _ in range(runs):
        memo.forget()
        start = time.perf_counter()
        generate(seeds, ROOT / "templates")
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def generation_scaling(runs: int) -> Result:
    """explainer.pipeline.generate, in process, for the article repeated 1×, 10× and 100×."""
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as folder:
        seeds = {n: seeds_with_article_repeated(Path(folder), n) for n in (1, 10, 100)}
        generate(seeds[1], ROOT / "templates")  # warm-up: imports, cached abbreviation lists
        medians = {n: time_generation(path, runs if n < 100 else max(3, runs // 2))
                   for n, path in seeds.items()}
    paragraphs = len((TURKEY / ARTICLE.name).read_text("utf-8").split("\n\n")) - 1
    rows = [(f"{n}×", f"{n * paragraphs}", seconds(medians[n]),
             f"{medians[n] / (n * paragraphs) * 1000:.2f} ms",
             "" if n == 1 else f"{medians[n] / medians[n // 10]:.1f}× the {n // 10}× time")
            for n in medians]
    return Result("(2) generation time against article length (in process)",
                  ("article", "paragraphs", "median", "per paragraph", "growth"), rows,
                  "100× / 10×", medians[100] / medians[10], 12.0)


# ---- (3) a full mkdocs build ------------------------------------------------------------------


REBUILD = "explainer, rebuild (pages and images from .cache/)"
FIRST_BUILD = "explainer, first build (no .cache/)"
ONE_PAGE = "one-page Material site, same article"


def time_mkdocs_build(project: Path, site: Path) -> tuple[float, float]:
    """Wall time of `mkdocs build` in a fresh process, and MkDocs' own "built in" time."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                            cwd=project, env=ENVIRONMENT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{result.stderr}")
    return wall, float(BUILT_IN.search(result.stderr)[1])


BREAKDOWN = """
import sys, time
from pathlib import Path
import mkdocs.commands.build, mkdocs.structure.files, material, jinja2, markdown, yaml
start = time.perf_counter()
from explainer.pipeline import generate
imported = time.perf_counter()
generate(Path("seeds"), Path("templates"))
print(imported - start, time.perf_counter() - imported)
"""


def time_explainer_share(project: Path) -> tuple[float, float]:
    """In a fresh process that has already imported MkDocs: the explainer's own imports, and
    its first (cold) generation."""
    result = subprocess.run([sys.executable, "-c", BREAKDOWN], cwd=project, env=ENVIRONMENT,
                            capture_output=True, text=True, check=True)
    imports, generation = map(float, result.stdout.split())
    return imports, generation


def full_build(runs: int) -> Result:
    """`mkdocs build` of the explainer against a one-page Material site with the article.

    The explainer is built two ways, interleaved: as every build after the first runs (the
    plugin reuses the pages and share images of the last build from .cache/explainer/ when no
    input changed), and as the first build of a fresh clone (cache deleted before each run)."""
    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        explainer = copy_explainer(Path(folder) / "explainer")
        one_page = copy_one_page_site(Path(folder) / "one-page")
        cache = explainer / ".cache"
        time_mkdocs_build(explainer, Path(folder) / "site")  # fills the cache
        builds = {
            REBUILD: (explainer, lambda: None),
            FIRST_BUILD: (explainer, lambda: shutil.rmtree(cache, ignore_errors=True)),
            ONE_PAGE: (one_page, lambda: None),
        }
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in builds}
        shares = []
        for _ in range(runs):
            for name, (project, prepare) in builds.items():
                prepare()
                samples[name].append(time_mkdocs_build(project, Path(folder) / "site"))
            shares.append(time_explainer_share(explainer))
    walls = {name: statistics.median(w for w, _ in values) for name, values in samples.items()}
    inside = {name: statistics.median(b for _, b in values) for name, values in samples.items()}
    rows = [(name, seconds(walls[name]), seconds(inside[name]),
             f"{walls[name] / walls[ONE_PAGE]:.2f}") for name in builds]
    imports = statistics.median(i for i, _ in shares)
    generation = statistics.median(g for _, g in shares)
    rows[2:2] = [("  of which importing the pipeline", seconds(imports), "", ""),
                 ("  of which generating (cold)", seconds(generation), seconds(generation), "")]
    return Result(f"(3) full `mkdocs build` in a fresh process ({runs} runs each, interleaved)",
                  ("project", "median wall time", "median MkDocs \"built in\"",
                   "/ one-page"), rows,
                  "explainer / one-page site (wall, rebuild)", walls[REBUILD] / walls[ONE_PAGE],
                  1.3)



# ---- (4) a multi-megabyte article -------------------------------------------------------------


def large_article(runs: int) -> Result:
    """Generation of an article of about 3 MB against one a tenth of its length: a build that
    grows faster than the text (a quadratic step) shows here. tests/test_bad_input.py checks
    that such an article builds correctly; how long it takes is measured here, not there."""
    paragraph_bytes = len((TURKEY / ARTICLE.name).read_bytes())
    big = 3_000_000 // paragraph_bytes + 1
    small = big // 10
    with tempfile.TemporaryDirectory(prefix="bench-large-") as folder:
        seeds = {n: seeds_with_article_repeated(Path(folder), n) for n in (small, big)}
        generate(seeds[small], ROOT / "templates")  # warm-up
        medians = {n: time_generation(path, runs) for n, path in seeds.items()}
        sizes = {n: (path / ARTICLE.name).stat().st_size for n, path in seeds.items()}
    rows = [(f"{n}×", f"{sizes[n] / 1e6:.2f} MB", seconds(medians[n]),
             f"{medians[n] / (sizes[n] / 1e6):.2f} s")
            for n in medians]
    return Result("(4) a multi-megabyte article (in process)",
                  ("article", "size", "median", "per MB"), rows,
                  f"{big}× / {small}×", medians[big] / medians[small], 12.0)


def seeds_of_many_reports(folder: Path, size: int) -> Path:
    """A seeds folder whose one article is the labelled stories' articles one after another,
    over again as needed, cut at a paragraph to about `size` bytes: text that names many
    things, as a long story does (one article repeated would say one thing many times)."""
    seeds = folder / f"seeds-{size}"
    seeds.mkdir()
    bodies = [path.read_text("utf-8").partition("\n")[2].strip()
              for path in sorted((ROOT / "tests" / "stories").glob("*/seeds/*.txt"))]
    text = "\n\n".join(bodies * (size // len("\n\n".join(bodies)) + 1))[:size]
    text = text[:text.rfind("\n\n")]
    (seeds / "reports.txt").write_text(f"A long run of reports\n\n{text}\n", "utf-8")
    (seeds / "reports.meta.yml").write_text('published: "2025-06-01"\noutlet: Wire\n', "utf-8")
    return seeds


def time_draft(seeds: Path, runs: int) -> float:
    """Median seconds of `build.py --draft`'s work on a seeds folder, in process, cold."""
    from explainer.editor.draft import draft_files

    samples = []
    for _ in range(runs):
        memo.forget()
        start = time.perf_counter()
        draft_files(seeds)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def long_story_draft(runs: int) -> Result:
    """`make draft` on a story of about 1 MB of varied text against one a tenth of its
    length: drafting topics compares sentences in pairs, and a story past a few thousand
    sentences is drafted from a sample of its paragraphs, so the time grows with the text."""
    with tempfile.TemporaryDirectory(prefix="bench-draft-") as folder:
        seeds = {n: seeds_of_many_reports(Path(folder), n) for n in (100_000, 1_000_000)}
        time_draft(seeds[100_000], 1)  # warm-up: imports, word lists
        medians = {n: time_draft(path, runs) for n, path in seeds.items()}
        sizes = {n: (path / "reports.txt").stat().st_size for n, path in seeds.items()}
    rows = [(f"{sizes[n] / 1e6:.2f} MB", seconds(medians[n]),
             f"{medians[n] / (sizes[n] / 1e6):.2f} s") for n in medians]
    return Result("(5) drafting a long story's editorial data (in process)",
                  ("article", "median", "per MB"), rows,
                  "1 MB / 0.1 MB", medians[1_000_000] / medians[100_000], 12.0)

