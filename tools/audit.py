"""Lighthouse and page-weight audit of the built site, against a one-page Material baseline.

    python tools/audit.py                 build, serve, measure; print two tables
    python tools/audit.py --runs 1        one Lighthouse run per page and preset (quicker)
    python tools/audit.py --project DIR   audit another copy of the project

What it does, all on this machine:
1. builds the explainer (`mkdocs build --strict`) and a one-page Material site with the same
   theme settings and the article pasted in (no overrides, no extra CSS: the naive baseline);
   each with SITE_URL set to the loopback address it is served from, so that canonical links,
   the sitemap and `navigation.instant` work as they do on the real host;
2. serves each folder gzip-compressed from 127.0.0.1 (`Cache-Control: max-age=600`, as on
   GitHub Pages);
3. weight: loads the home page in a fresh Chromium profile and counts what crosses the
   network (gzip bytes as transferred, first-party and third-party requests), then follows a
   link to a topic and counts that too;
4. Lighthouse (npm `lighthouse`, installed into tools/node/ on first use) with Debian's
   Chromium, mobile and desktop presets, N runs per page; the table shows the median score.

Budget (issue 8): performance >= 98, accessibility 100, best practices 100, SEO 100; the home
page's first load no heavier than the baseline's in bytes and requests, no third-party
request; a second page under 10 KB gzip. Exit status 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "tools" / "node"
LIGHTHOUSE_VERSION = "12.8.2"  # as in tools/node/package.json; 13.x needs Node 22.19
LIGHTHOUSE = NODE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
PROJECT_FILES = ("mkdocs.yml", "build.py", "explainer", "seeds", "templates", "docs")
ARTICLE = "seeds/turkey-s400-f35.txt"
PAGES = {"home": "", "topic": "topics/s-400-purchase/", "timeline": "timeline/"}
SECOND_PAGE_LINK = 'a.topic-card__link[href*="s-400-purchase"]'
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
SECOND_PAGE_BUDGET = 10 * 1024
# The issue's figures for the one-page Material site, also a budget of their own.
ISSUE_BASELINE_BYTES, ISSUE_BASELINE_REQUESTS = 77 * 1024, 6
COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


# ---- building -----------------------------------------------------------------------------


def mkdocs_build(project: Path, site: Path, site_url: str) -> None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True, env=environment)
    if result.returncode:
        sys.exit(f"audit: mkdocs build of {project} failed:\n{result.stderr}")


def copy_explainer(source: Path, destination: Path) -> Path:
    """The project as it is (only what a build reads)."""
    destination.mkdir(parents=True)
    for name in PROJECT_FILES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif path.exists():
            shutil.copy2(path, destination / name)
    return destination


def story_title(source: Path) -> str:
    """The site's name, as the explainer plugin takes it from the story."""
    return yaml.safe_load((source / "seeds" / "explainer.yml").read_text("utf-8"))["title"]


def make_baseline(source: Path, destination: Path) -> Path:
    """A one-page Material site: the explainer's theme settings, the article as one page."""
    from mkdocs.utils.yaml import yaml_load  # understands mkdocs.yml's !ENV

    with open(source / "mkdocs.yml", encoding="utf-8") as file:
        config = yaml_load(file)
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}  # no overrides
    features = [f for f in theme.get("features", []) if f != "content.tooltips"]
    baseline = {
        "site_name": story_title(source), "site_url": "http://127.0.0.1/",
        "theme": {**theme, "features": features}, "plugins": ["search"],
    }
    (destination / "docs").mkdir(parents=True)
    (destination / "mkdocs.yml").write_text(
        json.dumps(baseline, indent=1).replace('"site_url": "http://127.0.0.1/"',
                                                '"site_url": !ENV SITE_URL'), "utf-8")
    title, *paragraphs = (source / ARTICLE).read_text("utf-8").split("\n\n")
    page = "\n\n".join([f"# {title.strip()}", *(p.strip() for p in paragraphs)]) + "\n"
    (destination / "docs" / "index.md").write_text(page, "utf-8")
    return destination


# ---- serving --------------------------------------------------------------------------------


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed like a static host does, with a 404 page."""

    cache: dict[Path, bytes] = {}

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slash
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        body = path.read_bytes()
        encoding = None
        if path.suffix in COMPRESSED_TYPES and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = path
            if key not in self.cache:
                self.cache[key] = gzip.compress(body, compresslevel=6, mtime=0)
            body, encoding = self.cache[key], "gzip"
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        headers = sum(len(line) for line in self._headers_buffer) + 2
        self.end_headers()
        self.server.log.append((self.path, headers + len(body)))
        return io.BytesIO(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # a browser that moves on before a file is sent closes the connection: no fault
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def bind_server(folder: Path) -> http.server.ThreadingHTTPServer:
    """A server bound to a free loopback port (not yet serving: build first, then serve)."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    server.log = []  # (path, bytes sent) per response, for the weight measurements
    return server


def start(server: http.server.ThreadingHTTPServer) -> str:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


# ---- weight -------------------------------------------------------------------------------


@dataclass
class Weight:
    bytes: int = 0  # as transferred: gzip bodies plus response headers
    requests: int = 0  # first-party requests that reached the server (not cached)
    third_party: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    search: Weight | None = None  # what search fetched once the page was idle, apart


def fetched_for_search(path: str) -> bool:
    """A request of the search the theme loads once the page is idle (Pagefind's bundle, the
    search configuration and words, the worker's code): not part of rendering the page."""
    return (path.startswith("/pagefind/") or path.startswith("/search/")
            or path.endswith("/explainer-search.js"))


def weigh(server, third_party: list[str]) -> Weight:
    """What the server sent since its log was last emptied (workers' requests included); the
    search fetched at idle is weighed apart, in `search`."""
    sent, server.log[:] = list(server.log), []
    page = [(path, size) for path, size in sent if not fetched_for_search(path)]
    search = [(path, size) for path, size in sent if fetched_for_search(path)]
    return Weight(sum(size for _, size in page), len(page), list(third_party),
                  [f"{path} {size}" for path, size in page],
                  Weight(sum(size for _, size in search), len(search), [],
                         [f"{path} {size}" for path, size in search]))


def measure_weight(browser, base: str, server, second_page: bool
                   ) -> tuple[Weight, Weight | None, bool]:
    """The home page's first load in a fresh profile; then a click to a topic, if asked."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True,
                                  has_touch=True, device_scale_factor=1.75)
    elsewhere: list[str] = []
    context.on("request", lambda request: None if request.url.startswith(
        (base, "data:", "blob:")) else elsewhere.append(request.url))
    page = context.new_page()
    server.log[:] = []
    page.goto(base, wait_until="networkidle")
    page.wait_for_timeout(1000)
    first, second, instant = weigh(server, elsewhere), None, False
    if second_page:
        elsewhere.clear()
        page.evaluate("window.__audit_marker = 1")
        page.click(SECOND_PAGE_LINK)
        page.wait_for_url("**/topics/s-400-purchase/")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        instant = page.evaluate("window.__audit_marker === 1")
        second = weigh(server, elsewhere)
    context.close()
    return first, second, instant


# ---- Lighthouse ---------------------------------------------------------------------------


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.exists():
        return
    print(f"audit: installing lighthouse@{LIGHTHOUSE_VERSION} into {NODE_DIR} ...", file=sys.stderr)
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    # tools/node/package-lock.json pins lighthouse and everything it pulls in.
    subprocess.run(["npm", "ci", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund", "--silent"],
                   check=True)


def lighthouse(url: str, preset: str, folder: Path) -> dict[str, float]:
    """One Lighthouse run: category → score (0-100), plus the failing audits' ids."""
    report = folder / "report.json"
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json",
               f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}",
               f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    environment = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    if result.returncode or not report.exists():
        sys.exit(f"audit: lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    data = json.loads(report.read_text("utf-8"))
    scores = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    failing = sorted(
        {ref["id"] for c in CATEGORIES for ref in data["categories"][c]["auditRefs"]
         if ref["weight"] and (data["audits"][ref["id"]]["score"] is not None)
         and data["audits"][ref["id"]]["score"] < 1})
    return {**scores, "failing": failing}


def median_scores(url: str, preset: str, runs: int, folder: Path) -> dict:
    results = [lighthouse(url, preset, folder) for _ in range(runs)]
    medians = {c: statistics.median(r[c] for r in results) for c in CATEGORIES}
    failing = sorted({a for r in results for a in r["failing"]})
    return {**medians, "failing": failing, "runs": [r["performance"] for r in results]}


# ---- the report ---------------------------------------------------------------------------


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="project folder to audit")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and preset")
    parser.add_argument("--no-lighthouse", action="store_true", help="measure the weight only")
    parser.add_argument("--verbose", action="store_true", help="list every request")
    arguments = parser.parse_args(argv)
    if not arguments.no_lighthouse:
        ensure_lighthouse()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="audit-") as temporary:
        temporary = Path(temporary)
        sites = {}
        for name, make in (("explainer", copy_explainer), ("baseline", make_baseline)):
            project = make(arguments.project.resolve(), (temporary / name / "project"))
            site = temporary / name / "site"
            server = bind_server(site)
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            mkdocs_build(project, site, base)
            start(server)
            sites[name] = (base, server)

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            ours_first, ours_second, instant = measure_weight(browser, *sites["explainer"], True)
            base_first, _, _ = measure_weight(browser, *sites["baseline"], False)
            browser.close()

        scores = {}
        if not arguments.no_lighthouse:
            for preset in ("mobile", "desktop"):
                scores[("baseline", "home", preset)] = median_scores(
                    sites["baseline"][0], preset, arguments.runs, temporary)
                for page, path in PAGES.items():
                    scores[("explainer", page, preset)] = median_scores(
                        sites["explainer"][0] + path, preset, arguments.runs, temporary)
        for _, server in sites.values():
            server.shutdown()

    problems = print_report(scores, ours_first, ours_second, instant, base_first,
                            arguments.runs, arguments.verbose)
    for problem in problems:
        print(f"over budget: {problem}")
    return 1 if problems else 0


def print_report(scores, ours_first: Weight, ours_second: Weight, instant: bool,
                 base_first: Weight, runs: int, verbose: bool) -> list[str]:
    problems = []
    if scores:
        print(f"Lighthouse {LIGHTHOUSE_VERSION}, Chromium at {CHROMIUM}, median of {runs} "
              f"run{'s' if runs > 1 else ''}, served gzip from 127.0.0.1\n")
        print("| site | page | preset | performance | accessibility | best practices | SEO |")
        print("| --- | --- | --- | ---: | ---: | ---: | ---: |")
        for (site, page, preset), result in scores.items():
            cells = " | ".join(f"{result[c]:g}" for c in CATEGORIES)
            if len(result["runs"]) > 1:  # the spread of performance, the noisy score
                cells = cells.replace(f"{result['performance']:g}", f"{result['performance']:g} "
                                      f"({'/'.join(f'{r:g}' for r in result['runs'])})", 1)
            print(f"| {site} | {page} | {preset} | {cells} |")
            if site == "explainer":
                low = [c for c in CATEGORIES if result[c] < BUDGET[c]]
                if low:
                    problems.append(f"{page} {preset}: {', '.join(low)} "
                                    f"(failing audits: {', '.join(result['failing'])})")
        print()
    print("| page load | transferred (gzip) | first-party requests | third-party requests |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| baseline: one-page Material site, first load | {kb(base_first.bytes)} | "
          f"{base_first.requests} | {len(base_first.third_party)} |")
    print(f"| explainer: home, first load | {kb(ours_first.bytes)} | {ours_first.requests} | "
          f"{len(ours_first.third_party)} |")
    if ours_first.search is not None:
        print(f"| explainer: search, fetched once the home page is idle | "
              f"{kb(ours_first.search.bytes)} | {ours_first.search.requests} | 0 |")
    print(f"| explainer: then a topic ({'instant' if instant else 'full'} navigation) | "
          f"{kb(ours_second.bytes)} | {ours_second.requests} | {len(ours_second.third_party)} |")
    if verbose:
        for label, weight in (("baseline", base_first), ("home", ours_first),
                              ("topic", ours_second)):
            print(f"\n{label}: " + ", ".join(weight.urls + weight.third_party))
    if ours_first.bytes > base_first.bytes:
        problems.append(f"home page {kb(ours_first.bytes)} > baseline {kb(base_first.bytes)}")
    if ours_first.requests > base_first.requests:
        problems.append(f"home page {ours_first.requests} requests > baseline "
                        f"{base_first.requests}")
    if ours_first.bytes > ISSUE_BASELINE_BYTES or ours_first.requests > ISSUE_BASELINE_REQUESTS:
        problems.append(f"home page {kb(ours_first.bytes)}, {ours_first.requests} requests > "
                        f"the issue's {kb(ISSUE_BASELINE_BYTES)}, {ISSUE_BASELINE_REQUESTS}")
    if ours_first.third_party or ours_second.third_party:
        problems.append("third-party requests: "
                        + ", ".join(ours_first.third_party + ours_second.third_party))
    if ours_second.bytes > SECOND_PAGE_BUDGET:
        problems.append(f"second page {kb(ours_second.bytes)} > {kb(SECOND_PAGE_BUDGET)}")
    if not instant:
        problems.append("the second page was not loaded by instant navigation")
    return problems


if __name__ == "__main__":
    sys.exit(main())
