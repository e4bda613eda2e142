"""What every browser test shares: the built site's pages, watched browser pages, artifacts.

Every page a test opens through `open_page` (or the `page` fixture) is watched: console errors,
uncaught exceptions, dialogs and every request URL are recorded, and when the test ends it fails
if any console error, exception or dialog happened or any request went to a host other than the
loopback server. Tests don't have to remember to check.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest


def _tests_conftest():
    """tests/conftest.py as a module of its own name.

    Without __init__.py files, pytest imports both tests/conftest.py and this file as the module
    `conftest`, and whichever came last is what `from conftest import ...` finds, in this folder
    and in tests/test_*.py alike. So this file re-exports the helpers of tests/conftest.py (not
    its fixtures, which pytest already knows): either `conftest` then offers the same names.
    """
    name = "explainer_tests_conftest"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "conftest.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


_parent = _tests_conftest()
ROOT, CHROMIUM, CHROMIUM_ARGS = _parent.ROOT, _parent.CHROMIUM, _parent.CHROMIUM_ARGS
PROJECT_FILES, QuietHandler = _parent.PROJECT_FILES, _parent.QuietHandler
copy_project, mkdocs_build, serve_folder = (
    _parent.copy_project, _parent.mkdocs_build, _parent.serve_folder)
chromium_missing_reason = _parent.chromium_missing_reason

ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ROOT / "screenshots"  # the README's images, rewritten only with UPDATE_SCREENSHOTS=1
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
LOCAL_SCHEMES = {"blob", "data"}  # Material's search worker wrapper is a blob: URL


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path relative to the site root, home first."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        paths.append(relative.removesuffix("index.html") if html.name == "index.html" else relative)
    return sorted(paths, key=lambda path: (path != "", path))


def topic_paths(site: Path) -> list[str]:
    return [path for path in site_pages(site) if re.fullmatch(r"topics/[^/]+/", path)]


def artifact_path(*parts: str) -> Path:
    path = ARTIFACTS.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def update_screenshots() -> bool:
    return os.environ.get("UPDATE_SCREENSHOTS") == "1"


@dataclass
class BrowserLog:
    """What the pages of one test did that a reader would notice, or that must never happen."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]

    def problems(self) -> list[str]:
        return ([f"request to another host: {url}" for url in self.foreign_requests()]
                + [f"console error: {text}" for text in self.console_errors]
                + [f"uncaught exception: {text}" for text in self.page_errors]
                + [f"dialog opened: {text}" for text in self.dialogs])


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (
        parts.scheme in {"http", "https"} and parts.hostname == "127.0.0.1")


def watch(page, log: BrowserLog):
    """Record everything `BrowserLog` cares about on one page; dialogs are dismissed."""
    where = lambda: page.url  # noqa: E731 - the URL at the moment of the event
    page.on("request", lambda request: log.requests.append(request.url))
    page.on("console", lambda message: message.type == "error"
            and log.console_errors.append(f"{message.text} (on {where()})"))
    page.on("pageerror", lambda error: log.page_errors.append(f"{error} (on {where()})"))

    def on_dialog(dialog):
        log.dialogs.append(f"{dialog.type}: {dialog.message!r} (on {where()})")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page


@pytest.fixture
def browser_log() -> BrowserLog:
    return BrowserLog()


@pytest.fixture
def open_page(browser, browser_log, request):
    """open_page(**context_options) → a watched page in a fresh context (closed after the test).

    Context options are Playwright's (viewport, color_scheme, has_touch, ...); the default is a
    1280×800 desktop window. After the test: fail on anything `BrowserLog.problems` lists.
    """
    contexts = []

    def open_(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        contexts.append(context)
        page = watch(context.new_page(), browser_log)
        page.set_default_timeout(10_000)
        return page

    yield open_
    for context in contexts:
        context.close()
    problems = browser_log.problems()
    if problems:
        pytest.fail(f"{request.node.name}: what a reader must never get:\n  " + "\n  ".join(problems),
                    pytrace=False)


@pytest.fixture
def page(open_page):
    """A watched desktop page (see `open_page`)."""
    return open_page()


@pytest.fixture(scope="session")
def pages(built_site) -> list[str]:
    """Every page of the built site as a path relative to the site URL: "", "topics/x/", ..."""
    return site_pages(built_site)


@pytest.fixture(scope="session")
def topics(built_site) -> list[str]:
    return topic_paths(built_site)


@contextmanager
def serving(folder: Path):
    """A built site served on a free loopback port, as a base URL ending in "/"."""
    server = serve_folder(folder)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()  # else the listening socket's ResourceWarning fails the last test


@pytest.fixture(scope="session")
def site_url(built_site):
    """Overrides tests/conftest.py's `site_url`, which doesn't close the server's socket."""
    with serving(built_site) as url:
        yield url
