"""The site's search index: Pagefind's, built from the site's HTML after MkDocs wrote it.

Material's search (lunr) fetched the whole index and built it on the reader's CPU before the
first result: 1.3 s on a phone for one article, 2.6 s at 500. Pagefind indexes at build time and
splits the index into chunks of a few KB fetched per query, and each result's text into a
fragment fetched when it is listed, so what a search costs a reader does not grow with the
story. Material's search box, result list and keyboard behaviour stay: the theme's search
worker (theme/assets/javascripts/explainer-search.js) answers Material's messages from Pagefind.

    index_site(site_dir, language)    build the index into site_dir/pagefind/ (at once)
    IndexInBackground                 the same under `mkdocs serve`, on a thread once the editor
                                      pauses, so a save is served without waiting for search

Which pages and what of them: the theme marks the content of every page that isn't left out of
search (`search: exclude: true` in its front matter, as archive pages are) with
`data-pagefind-body`; parts that repeat the articles (`data-search-exclude`, the marker the
templates share with Material's search, which removes it from the page) are left out: the
plugin marks them `data-pagefind-ignore` first (`ignored_by_search`).
Only the files a reader's search loads are kept: the bundle's own search interfaces (its UI
scripts and styles, the playground) are not shipped.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypedDict, cast

FOLDER = "pagefind"  # inside the site: pagefind.js, its wasm, the index chunks and fragments
EXCLUDED = [".headerlink", ".paragraph-link", ".source-link"]  # besides data-pagefind-ignore
SEARCH_EXCLUDE = re.compile(r'(\sdata-search-exclude="[^"]*")')
SHIPPED_FILES = ("pagefind.js", "pagefind-entry.json")  # plus the parts named below
SHIPPED_FOLDERS = ("index", "fragment", "filter")


def ignored_by_search(html: str) -> str:
    """A page's HTML with each element Material's search leaves out (`data-search-exclude`)
    left out of Pagefind's index too. Article text can't fake the marker: its quotes are
    escaped."""
    return SEARCH_EXCLUDE.sub(r"\1 data-pagefind-ignore", html)


class SearchIndexError(Exception):
    """Pagefind could not index the site (the message says why)."""


def index_site(site_dir: str | Path, language: str = "en") -> int:
    """Build the search index of the HTML pages in site_dir into site_dir/pagefind/, replacing
    the last one whole; the number of pages indexed."""
    site = Path(site_dir)
    staging = site / f".{FOLDER}-new"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        run_pagefind(site, staging, language)
        entry = json.loads((staging / "pagefind-entry.json").read_text("utf-8"))
        pages = sum(int(index["page_count"]) for index in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError, SearchIndexError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise SearchIndexError(f"search index: {error}") from None
    keep_shipped(staging, language)
    write_page_titles(staging)
    replace_folder(site / FOLDER, staging)
    return pages


def run_pagefind(site: Path, output: Path, language: str) -> None:
    """Pagefind's binary (from the pagefind-bin package) over the site's HTML. Its command
    line, not its Python API: the API's service costs 0.3 s more per build, most of a small
    site's rebuild."""
    from pagefind.service import get_executable  # the binary the Python API would run

    executable = get_executable()
    if executable is None:
        raise SearchIndexError("Pagefind's binary is missing: install the pagefind[bin] package")
    command = [str(executable), "--site", str(site), "--output-path", str(output),
               "--force-language", language, "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        lines = (result.stderr or result.stdout).strip().splitlines() or ["no message"]
        raise SearchIndexError(f"Pagefind failed: {lines[-1]}")


TITLES = "explainer-pages.json"  # beside Pagefind's files: each result's page and title


class Fragment(TypedDict, total=False):
    """What this module reads of a Pagefind fragment."""

    url: str
    meta: dict[str, str]  # "title", ...


def fragment_record(path: Path) -> Fragment:
    """A Pagefind fragment (the page's url, title and text): gzip of a signature, then JSON."""
    data = gzip.decompress(path.read_bytes())
    return cast(Fragment, json.loads(data[data.index(b"{"):]))  # as Pagefind writes it


def write_page_titles(bundle: Path) -> None:
    """`explainer-pages.json`: {page hash: [url, title]} for every page indexed. The search
    worker lists every result at once with its title, and fetches a result's text (its
    fragment, a few KB) only for the ones shown first: on a phone's link, fetching fifty
    fragments per query held up the next query's index chunks by a second."""
    pages = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        record = fragment_record(path)
        pages[path.stem] = [record.get("url", ""), (record.get("meta") or {}).get("title", "")]
    (bundle / TITLES).write_text(json.dumps({"schema": 1, "pages": pages}, ensure_ascii=False,
                                            separators=(",", ":")), "utf-8")


def shipped(path: str, language: str) -> bool:
    """Whether a file of Pagefind's bundle (path relative to it) is one a reader's search
    loads: the search script, its entry and metadata, the language's wasm, chunks, fragments."""
    first = path.split("/", 1)[0]
    return (path in SHIPPED_FILES or first in SHIPPED_FOLDERS or path.endswith(".pf_meta")
            or path == f"wasm.{language}.pagefind")


def keep_shipped(bundle: Path, language: str) -> None:
    """Remove what a reader's search never loads from a freshly written bundle."""
    for path in sorted(bundle.rglob("*"), reverse=True):
        relative = path.relative_to(bundle).as_posix()
        if path.is_file() and not shipped(relative, language):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def replace_folder(target: Path, new: Path) -> None:
    """Put `new` in the place of `target` (a folder inside the site), removing the old one."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


NICER = 10  # the background index's priority: below the editor's next save


def lower_priority() -> None:
    """Run this thread, and the Pagefind process it starts (which inherits it), after the
    server's own work: on Linux a thread has its own nice value."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICER)
    except (AttributeError, OSError):  # not Linux, or not allowed: run as is
        pass


class IndexInBackground:
    """Under `mkdocs serve`: the index is made on a thread once the editor has paused (QUIET
    seconds after the last build), so a save is served at once and saves in a row don't
    each index the whole site on the machine that serves them; search follows a moment
    later. A build never waits for search. An index made while MkDocs rewrote the site may
    fail or miss a page; the one the next build asks for replaces it, so only the last
    one's error is reported."""

    QUIET = 3.0  # seconds without a build before indexing: saves in a row come sooner

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: tuple[str, str, Callable[[str], None]] | None = None  # (site_dir,
        # language, on_error) of the last build
        self.asked = 0.0  # when the last build asked (time.monotonic)
        self.thread: threading.Thread | None = None

    def start(self, site_dir: str, language: str, on_error: Callable[[str], None]) -> None:
        with self.lock:
            self.pending = (site_dir, language, on_error)
            self.asked = time.monotonic()
            if self.thread is None:
                self.thread = threading.Thread(target=self.run, name="search index", daemon=True)
                self.thread.start()

    def run(self) -> None:
        lower_priority()
        while True:
            with self.lock:
                if self.pending is None:
                    self.thread = None
                    return
                wait = self.asked + self.QUIET - time.monotonic()
                if wait <= 0:
                    job, self.pending = self.pending, None
            if wait > 0:
                time.sleep(wait)
                continue
            site_dir, language, on_error = job
            try:
                index_site(site_dir, language)
            except (SearchIndexError, OSError) as error:
                with self.lock:
                    superseded = self.pending is not None
                if not superseded:
                    on_error(str(error))

    def wait(self) -> None:
        """Until the index the last build asked for is written."""
        thread = self.thread
        if thread is not None:
            thread.join()
