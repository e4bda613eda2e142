"""A phone reader at any story size: `.venv/bin/python bench/phone.py [--sizes 1,200,500]`.

For each size, a story of that many weekly articles (bench/story.py) is built twice in the
same run: by the baseline (the generator at BASELINE, Material's lunr search, every term
mention a tooltip, "Earlier coverage" listing every archived article and sentence) and by this
checkout. Each site is served gzip-compressed from loopback (tools/audit.py's server) and read
in Chromium (Playwright, Debian's chromium):

    search        the home page loaded, 2 s later the search icon tapped and "Erdogan" typed
                  at 150 ms a key: seconds from the word's last key to the first result for
                  it, and from its first key (median of
                  --runs cold runs, each in a fresh browser context); on the phone profile
                  (390×844, CPU slowed 4×, 1.6 Mbit/s down, 150 ms per request, as
                  Lighthouse's mobile preset) and on a desktop (1280×800, unthrottled)
    pages         the S-400 topic page and the largest archive page: HTML bytes, DOM elements,
                  tab stops (focusable elements a keyboard reaches), term tooltips
    serve         `mkdocs serve --dirty`: save → served at 200 articles / at 1 (bench/years.py)
    Lighthouse    the home page on the mobile preset, both designs: the median of
                  --lighthouse-runs (5: Lighthouse's variability guide finds the median of five
                  runs about twice as steady as one), each run's performance shown, with any
                  request to another host counted

The phone's network is shaped by the server, for every request alike (the page's, the search
worker's): each response waits 150 ms, then takes its turn on one 1.6 Mbit/s link. Prints the
table with the goals beside it; --json FILE keeps the figures. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from projects import ENVIRONMENT, ROOT
from story import grow_story
from years import save_to_served

sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))
import audit

from project_tools import CHROMIUM, CHROMIUM_ARGS, PROJECT_FILES, copy_code

# The last commit with Material's lunr search and a tooltip on every term mention.
BASELINE = "8e83e2f"
QUERY, FOLDED = "Erdogan", "erdogan"
TYPING = 150  # ms between keys: a fast typist (80 words a minute)
TOPIC = "topics/s-400-purchase/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
CPU_SLOWDOWN = 4
LATENCY = 0.150  # seconds per request
DOWNLINK = 1.6e6 / 8  # bytes per second
GOALS = {"search": 0.5, "html": 100_000, "dom": 1500, "tabs": 150, "serve": 1.5}

TAB_STOPS = """() => {
  const focusable = 'a[href], button, input, select, textarea, summary, iframe, area[href],'
    + ' [tabindex], [contenteditable=""], [contenteditable="true"]';
  return [...document.querySelectorAll(focusable)].filter(element => element.tabIndex >= 0
    && !element.disabled && !element.closest('[inert]')
    && element.checkVisibility({visibilityProperty: true, opacityProperty: false})).length;
}"""
# A result for the whole word, not for the letters typed before it: Material's result links
# carry the query's words (search.highlight's ?h=).
FIRST_RESULT = """word => [...document.querySelectorAll('li.md-search-result__item a[href]')].some(
  link => new URL(link.href).searchParams.get('h') === word)"""


# ---- the two designs ----------------------------------------------------------------------------


def baseline_code(destination: Path, revision: str) -> Path:
    """The project's files at `revision` (git archive), without the shipped story's pages."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, *PROJECT_FILES],
                             capture_output=True, check=True).stdout
    destination.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(destination)], input=archive, check=True)
    manifest = destination / "docs" / ".explainer-manifest.json"
    if manifest.exists():
        for path in json.loads(manifest.read_text("utf-8")).get("files", []):
            (destination / "docs" / path).unlink(missing_ok=True)
        manifest.unlink()
    return destination


def make_project(design: str, destination: Path, seeds: Path, revision: str) -> tuple[Path, dict]:
    """A project of the story for a design, and the environment its builds run in (the
    baseline imports its own copy of the package)."""
    if design == "baseline":
        project = baseline_code(destination, revision)
        environment = {**ENVIRONMENT, "PYTHONPATH": str(project)}
    else:
        project = copy_code(destination)
        environment = ENVIRONMENT
    shutil.copytree(seeds, project / "seeds")
    return project, environment


def build(project: Path, site: Path, environment: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                            cwd=project, env=environment, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


# ---- a phone's network, shaped by the server ----------------------------------------------------


class Link:
    """One downlink shared by every response: each waits LATENCY, then its turn to send."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.free_at = 0.0
        self.on = False

    def wait(self, size: int) -> None:
        if not self.on:
            return
        arrived = time.monotonic() + LATENCY
        with self.lock:
            start = max(arrived, self.free_at)
            self.free_at = start + size / DOWNLINK
            done = self.free_at
        time.sleep(max(0.0, done - time.monotonic()))


class ShapedHandler(audit.GzipHandler):
    link: Link = Link()

    def send_head(self):
        body = super().send_head()
        if isinstance(body, io.BytesIO):
            self.link.wait(len(body.getvalue()))
        return body


def serve(site: Path) -> tuple[object, str, Link]:
    link = Link()
    handler = functools.partial(type("Shaped", (ShapedHandler,), {"link": link, "cache": {}}),
                                directory=str(site))
    server = QuietServer(("127.0.0.1", 0), handler)
    server.log = []
    return server, audit.start(server), link


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A reader's browser closed while a response waited its turn: nothing to report."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


# ---- in the browser -----------------------------------------------------------------------------


def search_seconds(browser, base: str, phone: bool, link: Link, foreign: list[str]
                   ) -> tuple[float, float]:
    """One cold visit: the home page, 2 s, the search icon, the query typed; seconds from the
    last key of the word to the first result for it, and from its first key (the search
    starts on the first key, as a reader's does)."""
    options = (dict(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=3)
               if phone else dict(viewport=DESKTOP))
    context = browser.new_context(**options)
    context.on("request", lambda request: None if request.url.startswith(
        (base, "data:", "blob:")) else foreign.append(request.url))
    page = context.new_page()
    if phone:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate",
                                           {"rate": CPU_SLOWDOWN})
    link.on = phone
    try:
        page.goto(base, wait_until="load", timeout=120_000)
        page.wait_for_timeout(2000)
        box = page.locator("input.md-search__input")
        if phone:  # the search icon; a desktop shows the box itself
            page.locator("label.md-header__button[for='__search']").click()
        box.click()
        first = time.perf_counter()
        box.press_sequentially(QUERY[:-1], delay=TYPING)
        page.wait_for_timeout(TYPING)
        start = time.perf_counter()
        box.press(QUERY[-1])
        page.wait_for_function(FIRST_RESULT, arg=FOLDED, timeout=120_000, polling="raf")
        done = time.perf_counter()
        return done - start, done - first
    finally:
        link.on = False
        context.close()


def page_figures(browser, base: str, path: str, site: Path) -> dict:
    """A page as a desktop reader's browser has it: HTML bytes, DOM elements, tab stops,
    term tooltips."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base + path, wait_until="load")
    figures = {
        "html": (site / path / "index.html").stat().st_size,
        "dom": page.evaluate("document.getElementsByTagName('*').length"),
        "tabs": page.evaluate(TAB_STOPS),
        "tooltips": page.locator(".md-content abbr.term, .md-content a.term").count(),
    }
    context.close()
    return figures


def largest_archive(site: Path) -> str:
    pages = [p for p in (site / "topics").glob("*/*/index.html")]
    if not pages:
        return ""
    return max(pages, key=lambda p: p.stat().st_size).parent.relative_to(site).as_posix() + "/"


def measure_site(browser, site: Path, runs: int) -> dict:
    server, base, link = serve(site)
    foreign: list[str] = []
    try:
        phone = [search_seconds(browser, base, True, link, foreign) for _ in range(runs)]
        desktop = [search_seconds(browser, base, False, link, foreign) for _ in range(runs)]
        figures = {"phone": statistics.median(last for last, _ in phone),
                   "phone_from_first_key": statistics.median(first for _, first in phone),
                   "phone_runs": phone, "desktop": statistics.median(last for last, _ in desktop),
                   "desktop_runs": desktop,
                   "topic": page_figures(browser, base, TOPIC, site), "foreign": len(foreign)}
        archive = largest_archive(site)
        if archive:
            figures["archive"] = {"path": archive, **page_figures(browser, base, archive, site)}
        return figures
    finally:
        server.shutdown()
        server.server_close()


def lighthouse_home(site: Path, folder: Path, runs: int) -> dict:
    """Lighthouse on the home page, mobile preset: the median of `runs`, each run's performance
    kept, for its score moves by a point or more from run to run with the machine's load (plain
    Material's as much as ours)."""
    server = audit.bind_server(site)
    base = audit.start(server)
    try:
        audit.ensure_lighthouse()
        return audit.median_scores(base, "mobile", runs, folder)
    finally:
        server.shutdown()
        server.server_close()


# ---- the run ------------------------------------------------------------------------------------


def run(sizes: list[int], runs: int, saves: int, revision: str, lighthouse_runs: int
        ) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-phone-") as temporary, sync_playwright() as pw:
        folder = Path(temporary)
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for size in sizes:
            seeds = grow_story(folder / f"seeds-{size}", size)
            for design in ("baseline", "now"):
                project, environment = make_project(design, folder / f"{design}-{size}", seeds,
                                                    revision)
                site = folder / f"{design}-{size}-site"
                row = {"design": design, "articles": size,
                       "build": build(project, site, environment)}
                row.update(measure_site(browser, site, runs))
                if lighthouse_runs:
                    row["lighthouse"] = lighthouse_home(site, folder, lighthouse_runs)
                if size in (1, 200) and saves:
                    row["served"] = save_to_served(project, saves, "--dirty",
                                                   environment=environment)
                rows.append(row)
                shutil.rmtree(site)
                print(f"measured {design} at {size} articles", file=sys.stderr, flush=True)
        browser.close()
    return rows


def kb(size: int) -> str:
    return f"{size / 1000:.0f} KB"


def table(rows: list[dict]) -> str:
    header = ("design", "articles", "search: last key → first result, phone",
              "… from the first key", "desktop",
              "topic page: HTML", "DOM elements", "tab stops", "term tooltips",
              "largest archive: HTML / DOM / tab stops", "Lighthouse home (mobile)")
    lines = ["| " + " | ".join(header) + " |", "| --- |" + " ---: |" * (len(header) - 1)]
    for r in rows:
        topic, archive = r["topic"], r.get("archive")
        score = r.get("lighthouse")
        cells = (r["design"], str(r["articles"]), f"{r['phone']:.2f} s",
                 f"{r['phone_from_first_key']:.2f} s", f"{r['desktop']:.2f} s",
                 kb(topic["html"]), f"{topic['dom']:,}", str(topic["tabs"]),
                 str(topic["tooltips"]),
                 f"{kb(archive['html'])} / {archive['dom']:,} / {archive['tabs']}" if archive
                 else "–",
                 (f"{score['performance']:g}/{score['accessibility']:g}/"
                  f"{score['best-practices']:g}/{score['seo']:g} (runs "
                  f"{', '.join(map(str, score['runs']))})") if score else "–")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdicts(rows: list[dict]) -> list[str]:
    """Each goal of issue 22 for this checkout, with its figure."""
    now = [r for r in rows if r["design"] == "now"]
    lines = []
    for r in now:
        pages = [r["topic"]] + ([r["archive"]] if "archive" in r else [])
        checks = [("search on the phone", r["phone"], GOALS["search"], "s"),
                  ("largest HTML (topic, archive)", max(p["html"] for p in pages),
                   GOALS["html"], "bytes"),
                  ("most DOM elements", max(p["dom"] for p in pages), GOALS["dom"], ""),
                  ("most tab stops", max(p["tabs"] for p in pages), GOALS["tabs"], "")]
        for name, value, goal, unit in checks:
            shown = f"{value:.2f} s" if unit == "s" else f"{value:,}"
            lines.append(f"{r['articles']} articles: {name} {shown} (goal ≤ {goal:,}"
                         f"{' s' if unit == 's' else ''}) {'PASS' if value <= goal else 'FAIL'}")
        if r["foreign"]:
            lines.append(f"{r['articles']} articles: {r['foreign']} third-party requests FAIL")
        if "lighthouse" in r:
            performance = r["lighthouse"]["performance"]
            lines.append(f"{r['articles']} articles: Lighthouse home, mobile, performance "
                         f"{performance:g}, median of {len(r['lighthouse']['runs'])} (goal 100) "
                         f"{'PASS' if performance == 100 else 'FAIL'}")
    for design in ("baseline", "now"):
        served = {r["articles"]: r["served"] for r in rows
                  if r["design"] == design and "served" in r}
        if 1 in served and 200 in served:
            ratio = served[200] / served[1]
            verdict = ("PASS" if ratio <= GOALS["serve"] else "FAIL") if design == "now" else ""
            lines.append(f"{design}: save → served {served[200]:.2f} s at 200 articles, "
                         f"{served[1]:.2f} s at 1: {ratio:.2f}× (goal ≤ {GOALS['serve']}×) "
                         f"{verdict}".rstrip())
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/phone.py", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,200,500", help="articles, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="cold searches per site (median)")
    parser.add_argument("--saves", type=int, default=9,
                        help="saves per serve measurement at 1 and 200 articles (0: none)")
    parser.add_argument("--baseline", default=BASELINE, help=f"git revision (default {BASELINE})")
    parser.add_argument("--lighthouse-runs", type=int, default=5,
                        help="Lighthouse runs per site (median; 0: none)")
    parser.add_argument("--no-lighthouse", action="store_true",
                        help="the same as --lighthouse-runs 0")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    arguments = parser.parse_args(argv)
    if not CHROMIUM.exists():
        sys.exit(f"bench/phone.py: needs Chromium at {CHROMIUM} (tools/ensure-chromium)")
    rows = run([int(s) for s in arguments.sizes.split(",")], arguments.runs, arguments.saves,
               arguments.baseline, 0 if arguments.no_lighthouse else arguments.lighthouse_runs)
    print(table(rows))
    print()
    print("\n".join(verdicts(rows)))
    if arguments.json:
        arguments.json.write_text(json.dumps(rows, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
