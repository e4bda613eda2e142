"""Helpers for the browser tests: the built site's pages, watched browser pages, artifacts.

Every page a test opens through `open_page` (or the `page` fixture) is watched: console errors,
uncaught exceptions, dialogs and every request URL are recorded, and when the test ends it fails
if any console error, exception or dialog happened or any request went to a host other than the
loopback server. Tests don't have to remember to check.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import expect

from project_tools import ROOT, serve_folder

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


@contextmanager
def serving(folder: Path):
    """A built site served on a free loopback port, as a base URL ending in "/"."""
    server = serve_folder(folder)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()  # else the listening socket's ResourceWarning fails the last test


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box as a reader does; the result pages' paths."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query, delay=30)  # fill() doesn't fire the keyup that starts a search
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile("Type to start searching|Initializing", re.I))
    # The worker answers once per key: wait until the list stops changing.
    previous = None
    for _ in range(20):
        current = page.eval_on_selector_all(
            "li.md-search-result__item > a.md-search-result__link",
            "links => links.map(a => new URL(a.getAttribute('href'), location.href).pathname)")
        if current == previous:
            return current
        previous = current
        page.wait_for_timeout(150)
    return current


def hover_tooltip(page, term, attempts: int = 4):
    """Hover `term` and return the inner box of the tooltip Material shows for it.

    Material mounts its tooltips when a page's content arrives; after instant navigation the
    URL changes a moment before that, and a hover in between finds no tooltip to open. A
    reader would move the mouse and hover again: so does this, a few times at most (the last
    failure is the test's)."""
    tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    for attempt in range(1, attempts + 1):
        page.mouse.move(0, 0)
        term.hover()
        try:
            expect(tip).to_be_visible(timeout=1500)
            return tip
        except AssertionError:
            if attempt == attempts:
                raise
    return tip
