"""What tests and benchmarks share besides fixtures: the project root, the fixture stories, a
private copy of the project, a build, a static server and a `mkdocs serve` process.

Tests never depend on the story in seeds/: a fork replaces it with its own. Tests of behaviour
use the fixture stories under tests/fixtures/; tests of the shipped site read what to expect
from seeds/ (see `shipped_story` in conftest.py for the few that are about one story).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"  # case files, fixtures, labels and stories, wherever a test file sits
SEEDS = ROOT / "seeds"  # the shipped story: whatever the repository (or a fork) holds
TEMPLATES = ROOT / "templates"
# A frozen copy of the Turkey story that first shipped in seeds/: a real article with real
# editorial data, for tests that need a full-size story whatever seeds/ holds.
TURKEY = ROOT / "tests" / "fixtures" / "turkey"
TURKEY_SLUG = "turkey-s400-f35"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
PROJECT_FILES = ("mkdocs.yml", "build.py", "explainer", "templates", "docs")
# Child processes import the package from this checkout, not from wherever it was installed.
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def copy_story(destination: Path, story: Path = TURKEY) -> Path:
    """A writable copy of a story's seeds folder."""
    return Path(shutil.copytree(story, destination))


@functools.lru_cache(maxsize=4)
def generated_pages(story: Path) -> dict[str, str]:
    """What `python build.py` generates for a story: path relative to docs/ → content."""
    from explainer.pipeline import generate

    return generate(story, TEMPLATES)[1]


def copy_code(destination: Path) -> Path:
    """The project's code, templates, mkdocs.yml and hand-written docs, without a story:
    docs/ loses the shipped story's generated pages."""
    from explainer.editor.write import MANIFEST, read_manifest

    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    docs = destination / "docs"
    for path in read_manifest(docs) | {MANIFEST}:  # the shipped story's pages: not this story's
        (docs / path).unlink(missing_ok=True)
    return destination


def copy_project(destination: Path, story: Path = TURKEY) -> Path:
    """A private copy of the project (code, templates, mkdocs.yml, hand-written docs) to build
    or break freely, with `story` as its seeds/ and docs/ as `python build.py` leaves it."""
    from explainer.editor.write import write_tree

    copy_code(destination)
    copy_story(destination / "seeds", story)
    write_tree(destination / "docs", generated_pages(story))
    return destination


def with_sentence_about_s400(article: str, word: str) -> str:
    """The Turkey article with one sentence more, holding `word`, in the first paragraph that
    names the S-400 (so it reaches a topic page too)."""
    title, *paragraphs = article.split("\n\n")
    index = next(i for i, p in enumerate(paragraphs) if "S-400" in p)
    paragraphs[index] += f" Analysts now weigh the S-400 question {word}."
    return "\n\n".join([title, *paragraphs])


def mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into site_dir."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=project, capture_output=True, text=True, env=ENVIRONMENT, timeout=300,
    )


def chromium_missing_reason() -> str | None:
    if CHROMIUM.exists():
        return None
    return (f"{CHROMIUM} not found: browser tests need Debian's chromium "
            "(sudo apt-get install chromium)")


# ---- serving ----------------------------------------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output readable
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # a browser that moves on before a file is sent closes the connection: no fault
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve_folder(folder: Path):
    """Serve a folder on a free loopback port in a background thread; returns the server."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class MkDocsServer:
    """A `mkdocs serve` process on a project folder at a free loopback port, its output in a
    log file beside the folder. Start it with `wait_until_up`; always `stop` it."""

    def __init__(self, project: Path, *options: str, environment: dict | None = None):
        self.project = project
        self.url = f"http://127.0.0.1:{free_port()}/"
        self.log_path = project.parent / f"{project.name}-serve.log"
        # its temporary site folder beside the project, so that stopping it needs no clean-up
        environment = {**(environment or ENVIRONMENT), "TMPDIR": str(project.parent)}
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", self.url[7:-1], *options],
                cwd=project, env=environment, stdout=log, stderr=subprocess.STDOUT,
            )

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")

    def count(self, marker: str) -> int:
        return self.log().count(marker)

    def fetch(self, path: str = "", timeout: float = 5.0) -> str:
        """GET a page; a server stuck on a failed build times out here instead of hanging."""
        return self.fetch_bytes(path, timeout).decode("utf-8")

    def fetch_bytes(self, path: str = "", timeout: float = 5.0) -> bytes:
        """GET any file (a share image), as fetch does."""
        with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
            assert response.status == 200
            return response.read()

    def wait_until_up(self, within: float = 60.0) -> None:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited with {self.process.returncode}:\n"
                                   f"{self.log()}")
            try:
                self.fetch(timeout=1.0)
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.05)
        raise RuntimeError(f"mkdocs serve did not answer within {within} s:\n{self.log()}")

    def wait_for_text(self, path: str, text: str, within: float = 15.0) -> float:
        """Poll a page until it contains text; returns the seconds it took."""
        start = time.monotonic()
        while time.monotonic() - start < within:
            if text in self.fetch(path):
                return time.monotonic() - start
            time.sleep(0.05)
        raise AssertionError(f"{text!r} not served on /{path} within {within} s:\n{self.log()}")

    def wait_for_log(self, marker: str, count: int, within: float = 15.0) -> None:
        deadline = time.monotonic() + within
        while self.count(marker) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{count}× {marker!r} not logged within {within} s:\n"
                                     f"{self.log()}")
            time.sleep(0.05)

    def stop(self) -> None:
        # Not SIGINT, MkDocs' Ctrl-C: its shut-down waits out its watchers' polls (2 s or
        # more), and the folder it would remove is the test's own.
        self.process.kill()
        self.process.wait()



# ---- what the shipped story (seeds/) says ------------------------------------------------------


def shipped_data(name: str, seeds: Path = SEEDS) -> dict:
    """One of the editorial data files of a seeds folder, as plain YAML."""
    import yaml

    return yaml.safe_load((seeds / name).read_text("utf-8")) or {}


def first_topic_slug(seeds: Path = SEEDS) -> str:
    return shipped_data("topics.yml", seeds)["topics"][0]["slug"]


EDITOR_OVERRIDES = ("include", "exclude", "key_points")  # what a topic's rules don't decide


def rules_only_seeds(seeds: Path, folder: Path, extra: list[Path] | tuple[Path, ...] = ()
                     ) -> Path:
    """A copy of a seeds folder (plus extra files) whose topics carry none of the editor's
    overrides: what the rules alone make of the story, for measuring them against labels."""
    import yaml

    shutil.copytree(seeds, folder)
    for path in extra:
        shutil.copy2(path, folder / path.name)
    topics = shipped_data("topics.yml", folder)
    for topic in topics["topics"]:
        for key in EDITOR_OVERRIDES:
            topic.pop(key, None)
    (folder / "topics.yml").write_text(yaml.safe_dump(topics, allow_unicode=True), "utf-8")
    return folder
