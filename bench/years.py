"""A story that runs for years, measured: `.venv/bin/python bench/years.py [--sizes 1,50,200,500]`.

For each size, a story of that many articles (bench/story.py: the Turkey story and weekly
follow-ups) in a private copy of the project, then:

    generation   bench/story.py writing the seeds folder, and the pipeline generating every
                 page in process (explainer.pipeline.generate), cold (memo.forget())
    cold build   `mkdocs build` with no .cache/ (a fresh clone), wall time and peak memory
    warm build   `mkdocs build` again, nothing changed
    save→served  under `mkdocs serve --dirty` (`make serve`, the editor's workbench): one
                 sentence added to the first article, until its page shows it (median of
                 --saves saves); again under plain `mkdocs serve`, which renders every page.
                 MkDocs looks for changes every 0.5 s, so a save waits 0 to 0.5 s before its
                 build starts; saves come at random moments (as an editor's do), not at a fixed
                 pace that would lock onto one point of that cycle and bias every sample alike
    largest page the biggest HTML page of the built site, its sentences, and on a phone
                 (Chromium at 390×844, CPU slowed 4× as Lighthouse's mobile profile does) how
                 long it takes to load and how many screens tall it is
    search       the search index's size (Pagefind's bundle: every chunk and fragment, of which
                 a search fetches a few) and the pages it holds, and on the phone profile the
                 time from tapping the search box to the first result for a glossary term
                 (median of 5 first visits; bench/phone.py measures search as a reader
                 does, with the phone's network)

Not collected by pytest (testpaths is tests/): timing belongs outside the test run.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from projects import ROOT, MkDocsServer, measured_build
from story import grow_story

sys.path.insert(0, str(ROOT / "tests"))
from project_tools import (
    CHROMIUM,
    CHROMIUM_ARGS,
    copy_code,
    serve_folder,
    with_sentence_about_s400,
)

PHONE = {"width": 390, "height": 844}
PHONE_CPU_SLOWDOWN = 4  # Lighthouse's mobile profile
SEARCHES = 5  # searches per size, median: one sample on a shared machine is noise
FIRST_ARTICLE = "turkey-s400-f35"


def copy_project(destination: Path, seeds: Path) -> Path:
    """The project's code, templates and mkdocs.yml with `seeds` as its story; docs/ holds
    only hand-written pages (the plugin generates the rest in memory)."""
    copy_code(destination)
    shutil.move(seeds, destination / "seeds")
    return destination


def mkdocs_build(project: Path, site: Path) -> tuple[float, float]:
    """`mkdocs build` in a fresh process: wall seconds and peak memory (MB)."""
    cost = measured_build(project, site)
    return cost.wall, cost.memory


def save_to_served(project: Path, saves: int, *options: str,
                   environment: dict | None = None) -> float:
    """Median seconds from saving an edit of the first article to its page showing it (the
    project's code imported as `environment` says: this checkout's by default)."""
    article = project / "seeds" / f"{FIRST_ARTICLE}.txt"
    original = article.read_text("utf-8")
    server = MkDocsServer(project, *options, environment=environment)
    samples = []
    pauses = random.Random(16)  # the same moments in every run
    try:
        server.wait_until_up(within=300)
        for _ in range(saves):
            time.sleep(0.6 + 0.5 * pauses.random())  # a random point of the 0.5 s polling
            word = "bench" + uuid.uuid4().hex[:10]
            saved = time.monotonic()
            article.write_text(with_sentence_about_s400(original, word), "utf-8")
            samples.append(wait_until_served(server, word) - saved)
    finally:
        server.stop()
        article.write_text(original, "utf-8")
    return statistics.median(samples)


def wait_until_served(server: MkDocsServer, word: str, within: float = 300.0) -> float:
    """The moment the first article's page shows `word` (MkDocs holds requests while it
    rebuilds, so each request may wait as long as a rebuild)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if word in server.fetch(f"articles/{FIRST_ARTICLE}/", timeout=within):
            return time.monotonic()
        time.sleep(0.02)
    raise RuntimeError(f"{word} not served within {within} s; see {server.log_path}")


def largest_page(site: Path) -> tuple[str, int, int]:
    """The biggest HTML page: its path, bytes, and the sentences on it."""
    page = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    text = page.read_text("utf-8")
    return page.relative_to(site).as_posix(), page.stat().st_size, text.count('class="sentence"')


def search_term(seeds: Path) -> str:
    import yaml

    terms = yaml.safe_load((seeds / "glossary.yml").read_text("utf-8"))["terms"]
    return terms[0]["term"]


def phone_figures(site: Path, page_path: str, query: str) -> tuple[float, float, float]:
    """On the phone profile: the page's load time, its height in screens, and the seconds
    from tapping the search box (home page) to the first result for `query`."""
    from playwright.sync_api import sync_playwright

    server = serve_folder(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                          device_scale_factor=3)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE_CPU_SLOWDOWN})
            start = time.perf_counter()
            page.goto(base + page_path.removesuffix("index.html"), wait_until="load",
                      timeout=180_000)
            loaded = time.perf_counter() - start
            screens = page.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
            context.close()
            searches = []
            for _ in range(SEARCHES):  # each in a new context: nothing cached, as a first visit
                context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                              device_scale_factor=3)
                page = context.new_page()
                context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate",
                                                   {"rate": PHONE_CPU_SLOWDOWN})
                page.goto(base, wait_until="load")
                page.locator("label.md-header__button[for='__search']").click()
                box = page.locator("input.md-search__input")
                start = time.perf_counter()
                box.press_sequentially(query, delay=0)
                page.locator("li.md-search-result__item").first.wait_for(timeout=120_000)
                searches.append(time.perf_counter() - start)
                context.close()
            searched = statistics.median(searches)
            browser.close()
    finally:
        server.shutdown()
    return loaded, screens, searched


def measure(size: int, folder: Path, saves: int, browser: bool, plain: bool) -> dict:
    start = time.perf_counter()
    seeds = grow_story(folder / f"seeds-{size}", size)
    story_seconds = time.perf_counter() - start
    from explainer import memo
    from explainer.pipeline import generate

    memo.forget()  # cold: nothing kept from the last size's generation
    start = time.perf_counter()
    generate(seeds, ROOT / "templates")
    generate_seconds = time.perf_counter() - start
    project = copy_project(folder / f"project-{size}", seeds)
    site = folder / f"site-{size}"
    cold, memory = mkdocs_build(project, site)
    warm, _ = mkdocs_build(project, site)
    page, size_bytes, sentences = largest_page(site)
    bundle = site / "pagefind"
    figures = {"articles": size, "story": story_seconds, "generate": generate_seconds,
               "cold": cold, "warm": warm, "memory": memory, "page": page,
               "page_bytes": size_bytes, "sentences": sentences,
               "index_bytes": sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()),
               "index_docs": sum(language["page_count"] for language in json.loads(
                   (bundle / "pagefind-entry.json").read_text("utf-8"))["languages"].values())}
    if browser:
        loaded, screens, searched = phone_figures(site, page, search_term(project / "seeds"))
        figures.update(load=loaded, screens=screens, search=searched)
    figures["served"] = save_to_served(project, saves, "--dirty")
    if plain:  # for comparison only: fewer saves, each renders every page
        figures["served_plain"] = save_to_served(project, max(1, saves // 3))
    return figures


def kb(value: int) -> str:
    return f"{value / 1e6:.1f} MB" if value >= 1e6 else f"{value / 1e3:.0f} KB"


def table(rows: list[dict]) -> str:
    header = ("articles", "story + generate", "cold build", "warm build", "save → served",
              "… plain `mkdocs serve`",
              "peak memory", "largest page (HTML)", "its sentences", "phone: load / screens",
              "search index", "search on phone")
    lines = ["| " + " | ".join(header) + " |", "|" + " ---: |" * len(header)]
    for r in rows:
        phone = (f"{r['load']:.1f} s / {r['screens']:.0f}" if "load" in r else "–")
        search = f"{r['search']:.1f} s" if "search" in r else "–"
        cells = (str(r["articles"]), f"{r['story']:.2f} s + {r['generate']:.2f} s",
                 f"{r['cold']:.1f} s", f"{r['warm']:.1f} s", f"{r['served']:.2f} s",
                 f"{r['served_plain']:.1f} s" if "served_plain" in r else "–",
                 f"{r['memory']:.0f} MB", f"{kb(r['page_bytes'])} `{r['page']}`",
                 f"{r['sentences']:,}", phone,
                 f"{kb(r['index_bytes'])}, {r['index_docs']:,} pages", search)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/years.py", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,50,200,500",
                        help="numbers of articles, comma-separated (default 1,50,200,500)")
    parser.add_argument("--saves", type=int, default=9, help="saves per size (default 9)")
    parser.add_argument("--no-browser", action="store_true", help="skip the phone figures")
    parser.add_argument("--no-plain", action="store_true",
                        help="skip save → served under plain `mkdocs serve`")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    arguments = parser.parse_args(argv)
    sizes = [int(s) for s in arguments.sizes.split(",")]
    browser = not arguments.no_browser and CHROMIUM.exists()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-years-") as folder:
        for size in sizes:
            rows.append(measure(size, Path(folder), arguments.saves, browser,
                                not arguments.no_plain))
            print(f"measured {size} articles", file=sys.stderr, flush=True)
    print(table(rows))
    one = next((r for r in rows if r["articles"] == 1), None)
    for r in rows:
        if one and r is not one:
            ratio = r["served"] / one["served"]
            print(f"\nsave → served at {r['articles']} articles: {ratio:.1f}× the 1-article "
                  "figure (goal: at most 2× at 200)")
    if arguments.json:
        arguments.json.write_text(json.dumps(rows, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
