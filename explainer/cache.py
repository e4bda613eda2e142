"""The build cache: what `mkdocs build` made last time, reused while nothing it depends on changed.

Generating the pages means importing NLTK and pydantic and running the whole pipeline; drawing
the share images means running Pillow. Together they cost more than MkDocs' own build of the
site. Their outputs depend only on files and versions we can fingerprint, so the MkDocs plugin
keeps them under `.cache/explainer/` beside mkdocs.yml (as Material's social plugin keeps its
cards under `.cache/plugin/social/`):

    pages.json        the generated pages, navigation, warnings and the story's title and
                      summary (the site's name), with the fingerprint of the inputs that made them
    share/<key>.png   one share image per distinct (title, subtitle, site name)

A fingerprint covers every file a build reads from the seeds folder (found and read by the same
rules as the build: explainer/seedfiles.py, so a pipe or a link out of the folder is refused
here too and `mkdocs serve` can't hang on one), the names of the entries it ignores, every file
under the templates folder and of this package, and the versions of the libraries whose output
lands on the page. A cache that is
missing, unreadable or written by another version is simply a miss: the cache can make a build
faster, never different. Delete the folder at any time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable

from .seedfiles import read_seed, scan_seeds

FOLDER = Path(".cache") / "explainer"
PAGES = "pages.json"
SHARE = "share"
PNG_START, PNG_END = b"\x89PNG\r\n\x1a\n", b"\x00\x00\x00\x00IEND\xaeB`\x82"
FORMAT = 2  # bump when the layout of pages.json changes
PACKAGE_DIR = Path(__file__).resolve().parent
# Libraries whose behaviour shapes the generated pages and images (see pyproject.toml).
LIBRARIES = ("jinja2", "markupsafe", "markdown-it-py", "nltk", "pillow", "pydantic", "pyyaml")


def folder_fingerprint(folder: Path) -> str:
    """A digest of every file under folder: relative paths and bytes, in a fixed order."""
    digest = hashlib.sha256()
    files = sorted((p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts),
                   key=lambda p: p.relative_to(folder).as_posix())
    for path in files:
        content = path.read_bytes()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def seeds_fingerprint(seeds_dir: Path) -> str:
    """A digest of what a build reads from a seeds folder, and of the warnings it would give
    about the rest. Refuses (InputError) exactly what the build refuses."""
    listing = scan_seeds(seeds_dir)
    digest = hashlib.sha256("\n".join(map(str, listing.warnings)).encode())
    for path in sorted(listing.read, key=lambda p: p.name):
        content = read_seed(path)
        digest.update(f"\0{path.name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


@lru_cache(maxsize=1)  # the code a process runs doesn't change while it runs
def code_fingerprint() -> str:
    """This package's files, the libraries it leans on, and the Python running them."""
    versions = [f"{name}=={metadata.version(name)}" for name in LIBRARIES]
    parts = [f"format {FORMAT}", sys.version, *versions, folder_fingerprint(PACKAGE_DIR)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def inputs_fingerprint(seeds_dir: Path, templates_dir: Path, site_url: str = "") -> str:
    """What the generated pages depend on: the seeds, the templates, the code and the site's
    address (the feed's ids and the structured data's URLs)."""
    parts = [code_fingerprint(), seeds_fingerprint(seeds_dir), folder_fingerprint(templates_dir),
             site_url]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def read_pages(cache_dir: Path, fingerprint: str) -> dict | None:
    """The cached generation for this fingerprint ({"files", "nav", "warnings", "site"}), or
    None."""
    try:
        cached = json.loads((cache_dir / PAGES).read_text("utf-8"))
        if cached["fingerprint"] != fingerprint:
            return None
        files, nav, warnings, site = cached["files"], cached["nav"], cached["warnings"], cached["site"]
        if not (isinstance(site["title"], str) and isinstance(site["summary"], str)):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (isinstance(files, dict) and isinstance(nav, list) and isinstance(warnings, list)):
        return None
    return {"files": files, "nav": nav, "warnings": warnings, "site": site}


def write_pages(cache_dir: Path, fingerprint: str, files: dict[str, str], nav: list,
                warnings: list[str], site: dict[str, str]) -> None:
    """Keep this generation for the next build (one entry: the newest replaces the last)."""
    entry = {"fingerprint": fingerprint, "files": files, "nav": nav, "warnings": warnings,
             "site": site}
    store(cache_dir / PAGES, json.dumps(entry, ensure_ascii=False, sort_keys=True).encode())


def share_key(title: str, subtitle: str, site_name: str) -> str:
    """The name a share image is cached under: its text and the code that draws it."""
    text = json.dumps([code_fingerprint(), title, subtitle, site_name])
    return hashlib.sha256(text.encode()).hexdigest()


def cached_share_images(cache_dir: Path, cards: dict[str, tuple[str, str, str]],
                        draw: Callable[[str, str, str], bytes],
                        known: dict[tuple[str, str, str], bytes] | None = None
                        ) -> dict[str, bytes]:
    """Image path → PNG for each card (title, subtitle, site name): from `known` (card → PNG,
    what this process drew or read before), read from the cache, or drawn and kept. When one
    is drawn, images no card uses any more are removed, so the folder doesn't grow."""
    known = known or {}
    images: dict[str, bytes] = {}
    keys: dict[str, str] = {}
    drawn = False
    for path, card in cards.items():
        png = known.get(card)
        if png is None:
            keys[path] = share_key(*card)
            png = read_png(cache_dir / SHARE / f"{keys[path]}.png")
        if png is None:
            png = draw(*card)
            store(cache_dir / SHARE / f"{keys[path]}.png", png)
            drawn = True
        images[path] = png
    if drawn or not known:
        used = {share_key(*card) for card in cards.values()}
        for unused in (cache_dir / SHARE).glob("*.png"):
            if unused.stem not in used:
                try:
                    unused.unlink()
                except OSError:
                    pass  # another build removed it, or the folder is read-only: harmless
    return images


def read_png(path: Path) -> bytes | None:
    """A cached PNG, or None when it is missing or cut short (by a disk that filled up)."""
    try:
        content = path.read_bytes()
    except OSError:
        return None
    return content if content.startswith(PNG_START) and content.endswith(PNG_END) else None


def store(path: Path, content: bytes) -> None:
    """Write atomically (a build reading the cache meanwhile sees the old or the new file), and
    give up quietly: a read-only or full disk makes the next build slower, not wrong."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.replace(temporary, path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass
