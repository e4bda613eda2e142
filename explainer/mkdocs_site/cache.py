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
rules as the build: explainer/read/seedfiles.py, so a pipe or a link out of the folder is refused
here too and `mkdocs serve` can't hang on one), the names of the entries it ignores, every file
under the templates folder and of this package, and the versions of the libraries whose output
lands on the page. A cache that is
missing, unreadable or written by another version is simply a miss: the cache can make a build
faster, never different. Delete the folder at any time.

The cache is untrusted input too: a CI cache restored between jobs, or an artefact from another
branch, may hold anything. It is read by the seeds folder's rules (regular files only, never
through a link, never more than a size limit), its shape and types are checked, its text holds
no character the build refuses in its inputs (explainer/characters.py), each entry
(the pages record, each share image) carries a digest of its content, and every generated path
must be a relative path inside the site (`urls.is_site_path`). Anything else is a miss, and the
build regenerates. The cache folder is used only when it and its `share/` folder are real
folders (not links), so a build never writes or deletes through it outside the project.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, cast

from ..characters import UNFIT
from ..errors import InputError
from ..memo import folder_fingerprint, per_process
from ..read.seedfiles import read_limited, read_seed, scan_seeds
from ..urls import is_site_path

if TYPE_CHECKING:  # for types only: a build from the cache never imports the pipeline
    from ..render.nav import NavEntry

FOLDER = Path(".cache") / "explainer"
PAGES = "pages.json"
SHARE = "share"
PNG_START = b"\x89PNG\r\n\x1a\n"
FORMAT = 4  # bump when the layout of pages.json changes
# Far above what a real story needs (500 weekly articles: about 30 MB of pages; a share image:
# under 100 KB), small enough that a planted /dev/zero or a huge file is refused unread.
PAGES_LIMIT = 512_000_000
IMAGE_LIMIT = 8_000_000
NAV_DEPTH = 8  # our navigation nests two levels; more is not ours
PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the whole explainer package
# Libraries whose behaviour shapes the generated pages and images (see pyproject.toml).
LIBRARIES = ("jinja2", "lemminflect", "markupsafe", "markdown-it-py", "nltk", "pillow", "pydantic",
             "pyyaml", "trafilatura", "lxml", "htmldate", "justext", "courlan")


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


@per_process(maxsize=1)  # the code a process runs doesn't change while it runs
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


class CachedGeneration(TypedDict):
    """A generation as the cache keeps it (site.Generation, in JSON's types)."""

    files: dict[str, str]  # path relative to docs/ → content
    nav: list[NavEntry]
    warnings: list[str]
    notes: list[str]
    site: dict[str, str]  # "title", "summary"


def read_pages(cache_dir: Path, fingerprint: str) -> CachedGeneration | None:
    """The cached generation for this fingerprint ({"files", "nav", "warnings", "notes",
    "site"}), or
    None when there is none, or anything about it is not what `write_pages` writes."""
    if not usable_folder(cache_dir):
        return None
    content = read_cached(cache_dir / PAGES, PAGES_LIMIT)
    try:
        cached = json.loads(content.decode("utf-8")) if content is not None else None
    except (ValueError, RecursionError):
        return None
    if not (isinstance(cached, dict) and cached.get("fingerprint") == fingerprint):
        return None
    body = {key: cached.get(key) for key in ("files", "nav", "warnings", "notes", "site")}
    if not (valid_body(body) and cached.get("digest") == body_digest(body)):
        return None
    return cast(CachedGeneration, body)  # valid_body checked every field's shape


def write_pages(cache_dir: Path, fingerprint: str, files: dict[str, str], nav: list[NavEntry],
                warnings: list[str], site: dict[str, str], notes: list[str] | None = None
                ) -> None:
    """Keep this generation for the next build (one entry: the newest replaces the last)."""
    body: dict[str, object] = {"files": files, "nav": nav, "warnings": warnings,
                               "notes": notes or [], "site": site}
    entry = {"fingerprint": fingerprint, "digest": body_digest(body), **body}
    content = json.dumps(entry, ensure_ascii=False, sort_keys=True).encode()
    if len(content) <= PAGES_LIMIT and usable_folder(cache_dir):
        store(cache_dir / PAGES, content)


def body_digest(body: dict[str, object]) -> str:
    """A digest of a pages record's content: an entry damaged or edited in place is a miss."""
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def valid_body(body: dict[str, object]) -> bool:
    """The shape `write_pages` writes: pages at paths inside the site, a navigation of titles
    and those paths, warnings, notes and the site's name and description as text, none of it
    holding a character the build refuses in its inputs (explainer/characters.py)."""
    files, nav, site = body["files"], body["nav"], body["site"]
    return (isinstance(files, dict)
            and all(is_site_path(path) and fit_text(text) for path, text in files.items())
            and valid_nav(nav, NAV_DEPTH)
            and all(fit_lines(body[lines]) for lines in ("warnings", "notes"))
            and isinstance(site, dict) and set(site) == {"title", "summary"}
            and all(fit_text(value) for value in site.values()))


def fit_text(value: object) -> bool:
    return isinstance(value, str) and not UNFIT.search(value)


def fit_lines(value: object) -> bool:
    """A list of lines of text (warnings, notes) the build would accept."""
    return isinstance(value, list) and all(fit_text(line) for line in value)


def valid_nav(nav: object, depth: int) -> bool:
    """MkDocs' navigation as we write it: lists of {title: page path or a nested list}."""
    if depth <= 0 or not isinstance(nav, list):
        return False
    for item in nav:
        if not (isinstance(item, dict) and len(item) == 1):
            return False
        [(title, value)] = item.items()
        if not (fit_text(title)
                and (is_site_path(value) or valid_nav(value, depth - 1))):
            return False
    return True


PROJECT_MARKS = ("mkdocs.yml", "pyproject.toml")  # what the folder of the project holds


def folders_to_check(cache_dir: Path) -> list[Path]:
    """The cache folder, its share/ folder and every folder between it and the project that
    holds it (".cache" of ".cache/explainer"): a link planted at any of them could lead writes,
    and the removal of unused images, anywhere."""
    folders = [cache_dir / SHARE, cache_dir]
    for parent in cache_dir.absolute().parents:
        if any((parent / mark).is_file() for mark in PROJECT_MARKS):
            return folders + [p for p in cache_dir.absolute().parents
                              if p.is_relative_to(parent) and p != parent]
    return folders


def usable_folder(cache_dir: Path) -> bool:
    """Whether the cache folder, its share/ folder and the folders between it and the project
    are real folders or not there yet."""
    for folder in folders_to_check(cache_dir):
        try:
            mode = os.lstat(folder).st_mode
        except FileNotFoundError:
            continue
        except OSError:
            return False
        if not stat.S_ISDIR(mode):
            return False
    return True


def read_cached(path: Path, limit: int) -> bytes | None:
    """A cache file's bytes by the seeds folder's rules (a regular file, not a link, at most
    `limit` bytes, never blocking on a pipe), or None."""
    try:
        return read_limited(path, limit, "a cache file", follow_links=False)
    except InputError:
        return None


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
    usable = usable_folder(cache_dir)
    images: dict[str, bytes] = {}
    drawn = False
    for path, card in cards.items():
        png = known.get(card)
        if png is None:
            stored = cache_dir / SHARE / f"{share_key(*card)}.png"
            png = read_png(stored) if usable else None
            if png is None:
                png = draw(*card)
                if usable:
                    store(stored, with_digest(png))
                drawn = True
        images[path] = png
    if usable and (drawn or not known):
        remove_unused_images(cache_dir / SHARE, {share_key(*card) for card in cards.values()})
    return images


def remove_unused_images(folder: Path, used: set[str]) -> None:
    for unused in folder.glob("*.png"):
        if unused.stem not in used:
            try:
                unused.unlink()
            except OSError:
                pass  # another build removed it, or the folder is read-only: harmless


def with_digest(png: bytes) -> bytes:
    """What the cache keeps of an image: the PNG, then the SHA-256 of the PNG."""
    return png + hashlib.sha256(png).digest()


def read_png(path: Path) -> bytes | None:
    """A cached PNG, or None when it is missing, not a regular file, too big, cut short (by a
    disk that filled up) or changed anywhere (its digest no longer matches)."""
    content = read_cached(path, IMAGE_LIMIT)
    if content is None or len(content) < 32:
        return None
    png, digest = content[:-32], content[-32:]
    if hashlib.sha256(png).digest() != digest or not png.startswith(PNG_START):
        return None
    return png


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
