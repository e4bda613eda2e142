"""The generated pages as an MkDocs site takes them: plain functions the plugin's events call.

    generate_or_reuse(seeds, templates, cache_dir) → Generation   (from the build cache if it can)
    generate_now(seeds, templates)  → Generation   (a save under `mkdocs serve`)
    site_identity(generation)   → (site_name, site_description): the story names the site
    replaced_paths(...)         → what a CLI run left in docs/ and the in-memory pages replace
    site_nav(nav, hand_written) → the navigation, hand-written pages under "More"
    add_theme(dirs, custom_dir) → the theme folders with the package's overrides inserted
    add_stylesheet(extra_css)   → the site's stylesheets with the package's first
    CompiledTemplates           the theme's templates compiled once per process
    remove_outputs(site_dir, ...) a dirty build's files the story no longer has, removed
    search_language(config)     the language the search index is built for

Nothing here imports MkDocs: the plugin (explainer/mkdocs_site/plugin.py) only translates its
events.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

import jinja2
import jinja2.bccache
from markupsafe import Markup, escape

from ..urls import is_site_path
from . import cache

if TYPE_CHECKING:  # for types only: the pipeline is imported when pages are generated
    from mkdocs.config.defaults import MkDocsConfig

    from ..render.nav import NavEntry

    # What every page shows: the navigation, the hand-written pages, mkdocs.yml's digest.
    ShownEverywhere: TypeAlias = tuple[list[NavEntry], tuple[str, ...], str]
    # A build's pages (path → Markdown), and what every page of it showed.
    Rendered: TypeAlias = tuple[dict[str, str], ShownEverywhere]

THEME_DIR = Path(__file__).resolve().parent / "theme"  # main.html, 404.html, the stylesheet
STYLESHEET = "assets/stylesheets/explainer.css"  # inside THEME_DIR, served at this path


@dataclass(frozen=True)
class Generation:
    """One generation of the site: what MkDocs needs from the pipeline, and nothing else."""

    files: dict[str, str]  # path relative to docs/ → content
    nav: list[NavEntry]  # MkDocs `nav`, titles HTML-escaped
    warnings: tuple[str, ...] = ()  # editorial warnings, one line each
    title: str = ""  # the story's title (explainer.yml), plain text: the site's name
    summary: str = ""  # the story's summary, plain text: the site's description
    notes: tuple[str, ...] = ()  # for the editor's information (an undated article)
    reused: bool = field(default=False, compare=False)  # read from the build cache

    def as_cached(self) -> cache.CachedGeneration:
        return {"files": self.files, "nav": self.nav, "warnings": list(self.warnings),
                "notes": list(self.notes), "site": {"title": self.title, "summary": self.summary}}

    @classmethod
    def from_cached(cls, cached: cache.CachedGeneration, reused: bool = False) -> Generation:
        site = cached["site"]
        return cls(cached["files"], cached["nav"], tuple(cached["warnings"]),
                   site["title"], site["summary"], tuple(cached["notes"]), reused)


def generate_or_reuse(seeds_dir: Path, templates_dir: Path, cache_dir: Path,
                      site_url: str | None = None) -> Generation:
    """The generated site: from the cache when the inputs (and the address the site is
    published at) are the ones it was made from, otherwise generated now (and kept)."""
    fingerprint = cache.inputs_fingerprint(seeds_dir, templates_dir, site_url or "")
    cached = cache.read_pages(cache_dir, fingerprint)
    if cached is not None:
        return Generation.from_cached(cached, reused=True)
    generation = generate_now(seeds_dir, templates_dir, site_url)
    cache.write_pages(cache_dir, fingerprint, **generation.as_cached())
    return generation


def generate_now(seeds_dir: Path, templates_dir: Path, site_url: str | None = None
                 ) -> Generation:
    """The generated site, from the pipeline. `mkdocs serve` comes here directly, without the
    build cache: in one process the pipeline's own caches make a save cost what the saved
    file changes, less than fingerprinting the inputs and writing the cache; and a first
    build from the cache would leave them empty, making the editor's first save the slowest."""
    # Imported only now: the pipeline (NLTK, pydantic) costs a quarter of a second to import,
    # which a build from the cache never pays.
    from ..pipeline import generate
    from ..render.nav import nav

    explainer, files = generate(seeds_dir, templates_dir, site_url=site_url)
    story = explainer.story
    return Generation(files, nav(explainer), tuple(map(str, explainer.warnings)),
                      story.title, " ".join(story.summary.split()),
                      tuple(map(str, explainer.notes)))


def paths_outside_site(paths: Iterable[object]) -> list[str]:
    """The paths that are not relative paths inside the site (urls.is_site_path), as Python
    literals (sorted), safe to print: a control character shows as an escape."""
    return sorted(repr(path) for path in paths if not is_site_path(path))


SHOWN_WARNINGS = 20  # on the first build under `mkdocs serve`; the rest one command away
ALL_WARNINGS = "python build.py --warnings"


def new_warnings(before: tuple[str, ...], after: tuple[str, ...]) -> list[str]:
    """The warnings of this build that the last one didn't have, in order."""
    seen = set(before)
    return [warning for warning in after if warning not in seen]


def changed_pages(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Pages added, changed or removed between two generations, sorted."""
    return sorted(path for path in before.keys() | after.keys()
                  if before.get(path) != after.get(path))


def rebuild_summary(before: Generation, after: Generation, new: int, shown: int = 4) -> str:
    """One line for the terminal after a save: what changed and how many warnings are new."""
    changed = changed_pages(before.files, after.files)
    listed = ", ".join(changed[:shown]) + (f" and {len(changed) - shown} more"
                                           if len(changed) > shown else "")
    pages = (f"{len(changed)} page{'s' if len(changed) != 1 else ''} changed ({listed})"
             if changed else "no page changed")
    gone = len(set(before.warnings) - set(after.warnings))
    return (f"{pages}; {new} new warning{'s' if new != 1 else ''}"
            + (f", {gone} fixed" if gone else "")
            + f", {len(after.warnings)} in all ({ALL_WARNINGS} lists them)")


def site_identity(generation: Generation) -> tuple[Markup, Markup]:
    """The site's name and description from the story, as the theme prints them.

    Material prints `config.site_name` into the page unescaped (`<title>`, the header, meta
    tags), so the editor's text is made safe HTML text here; as Markup, the theme's own `| e`
    leaves it as it is instead of escaping it twice.
    """
    return escape(" ".join(generation.title.split())), escape(generation.summary)


def plain(markup: str) -> str:
    """HTML text (a site name as the theme prints it) back to the text it shows."""
    return html.unescape(str(markup))


def replaced_paths(generated: set[str], existing: set[str], left_by_cli: set[str],
                   manifest: str) -> tuple[list[str], list[str]]:
    """Given the generated pages, the files MkDocs found in docs/ and those a CLI run wrote
    there (its manifest): (hand-written files at a generated path, files to drop).

    The first must stop the build: the generator never replaces a page it didn't write. The
    second are the CLI's copies and its manifest, older than the pages made in memory."""
    conflicts = sorted(path for path in generated & existing if path not in left_by_cli)
    dropped = sorted((left_by_cli | generated | {manifest}) & existing)
    return conflicts, dropped


def site_nav(nav: list[NavEntry], hand_written: list[str]) -> list[NavEntry]:
    """The generated navigation, then the site's hand-written pages under "More"."""
    more: list[NavEntry | str] = [*sorted(hand_written)]
    return nav + ([{"More": more}] if hand_written else [])


def nav_pages(nav: str | NavEntry | list[NavEntry] | list[NavEntry | str]) -> set[str]:
    """Every page a navigation lists (MkDocs' nested lists of {title: page or section})."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(nav_pages(value) for value in nav.values()))
    return set().union(*(nav_pages(item) for item in nav)) if nav else set()


def unchanged_pages(last: Rendered | None, files: dict[str, str],
                    shown_everywhere: ShownEverywhere) -> set[str]:
    """The Markdown pages whose content is the last build's, when what every page shows (the
    navigation, mkdocs.yml) is too: what `mkdocs serve --dirty` need not render again."""
    if last is None or last[1] != shown_everywhere:
        return set()
    before = last[0]
    return {path for path, content in files.items()
            if path.endswith(".md") and before.get(path) == content}


def same_structure(last: Rendered | None, files: dict[str, str],
                   shown_everywhere: ShownEverywhere) -> bool:
    """Whether the site has the last build's pages and navigation (and mkdocs.yml)."""
    return last is not None and last[1] == shown_everywhere and last[0].keys() == files.keys()


# What a dirty build need not render again while the structure is the same.
STRUCTURE_TEMPLATES = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def file_digest(path: str | None) -> str:
    if not path:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def no_dirty_build_warning(record: logging.LogRecord) -> bool:
    """A logging filter: MkDocs' warning that a dirty build may show inaccurate navigation,
    which the plugin prevents (see plugin.py), printed on every save otherwise."""
    return not str(record.msg).startswith("A 'dirty' build is being performed")


def add_theme(dirs: list[str], custom_dir: str | None) -> list[str]:
    """The theme's template folders with the package's inserted: after the site's own
    overrides (custom_dir, which still wins), before Material's."""
    if str(THEME_DIR) in dirs:
        return list(dirs)
    position = 1 if custom_dir and dirs and dirs[0] == custom_dir else 0
    return [*dirs[:position], str(THEME_DIR), *dirs[position:]]


def add_stylesheet(extra_css: list[str]) -> list[str]:
    """The site's extra_css with the explainer's stylesheet first, so the site's own rules win."""
    return [STYLESHEET, *(path for path in extra_css if path != STYLESHEET)]


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per process. MkDocs makes a new Jinja environment
    on every build, so under `mkdocs serve` each save compiled Material's templates again;
    kept here by name and checked against the template's source, a save only loads them."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # resets itself if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def remove_outputs(site_dir: str, outputs: list[str]) -> None:
    """Remove the files of pages the story no longer has (their HTML, their share images)
    from a dirty build's site, which MkDocs doesn't clean, and the folders that leaves empty;
    only files inside site_dir."""
    root = os.path.realpath(site_dir)
    for output in outputs:
        if not os.path.realpath(output).startswith(root + os.sep):
            continue
        try:
            os.remove(output)
        except FileNotFoundError:
            pass  # gone already: its folder may still be left empty
        except OSError:
            continue  # not ours to remove after all (a folder, no permission): leave it
        folder = os.path.dirname(os.path.realpath(output))
        while folder.startswith(root + os.sep):  # articles/<slug>/ held only its index.html
            try:
                os.rmdir(folder)
            except OSError:  # not empty (or not ours to remove): stop climbing
                break
            folder = os.path.dirname(folder)


def search_language(config: MkDocsConfig) -> str:
    """The site's language, as the search index is built for it: the theme's (Material's
    `theme: language`), two letters."""
    language = str(config.theme.get("language") or "en")
    return language.split("-", 1)[0].lower() or "en"
