"""Generate the explainer's pages: a command-line tool and, through mkdocs.yml, an MkDocs hook.

    python build.py               write the generated pages into docs/
    python build.py --check       exit 1 if docs/ is out of date, writing nothing
    mkdocs serve / mkdocs build   generate in memory on every build (see the hook below)

All logic lives in the `explainer` package; this file parses arguments, maps errors to one line
and an exit status, and adapts the same pipeline to MkDocs' events.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from jinja2 import TemplateError

# MkDocs puts this folder on sys.path only while it loads the hook: import the package now.
# Only the light modules: the pipeline (NLTK, pydantic: a quarter of a second to import) is
# imported when there is something to generate, which a build from the cache never has.
from explainer import cache
from explainer.errors import ExplainerError
from explainer.publish import unshipped
from explainer.share import share_cards, share_image
from explainer.write import MANIFEST, plan_write, read_manifest, write_tree

ROOT = Path(__file__).resolve().parent
log = logging.getLogger("mkdocs.hooks.explainer")


# ---- command line -----------------------------------------------------------------------------


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Turn the articles and editorial data in a seeds folder into the Markdown "
        "pages of an explainer site.",
    )
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", metavar="DIR",
                        help="articles and editorial data (default: seeds/)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", metavar="DIR",
                        help="where the generated pages go (default: docs/)")
    parser.add_argument("--templates", type=Path, default=ROOT / "templates", metavar="DIR",
                        help="Jinja templates for the pages (default: templates/)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and name the files if DIR is out of date")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings about names missing from the glossary as errors")
    parser.add_argument("--site-url", default=None, metavar="URL",
                        help="the address the site is published at, for the feed and the "
                        "structured data (default: $SITE_URL, else site_url in mkdocs.yml)")
    parser.add_argument("--suggest", type=Path, metavar="ARTICLE",
                        help="print candidate glossary terms, dated mentions and unfiled "
                        "sentences for an article, to help start an explainer")
    return parser.parse_args(argv)


def run(arguments: argparse.Namespace) -> int:
    from explainer.pipeline import generate
    from explainer.suggest import suggest

    if arguments.suggest:
        print(suggest(arguments.suggest, arguments.seeds), end="")
        return 0
    site_url = arguments.site_url or default_site_url()
    explainer, files = generate(arguments.seeds, arguments.templates, arguments.strict, site_url)
    for warning in explainer.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if arguments.check:
        plan = plan_write(arguments.docs, files)
        for path in plan.changed:
            print(f"out of date: {arguments.docs / path}")
        for path in plan.stale:
            print(f"no longer generated: {arguments.docs / path}")
        return 1 if not plan.empty else 0
    arguments.docs.mkdir(parents=True, exist_ok=True)
    plan = write_tree(arguments.docs, files)
    print(f"{len(plan.changed)} file(s) written, {len(plan.stale)} removed, "
          f"{len(files) - len(plan.changed)} unchanged in {arguments.docs}")
    return 0


def default_site_url() -> str | None:
    """mkdocs.yml's `site_url` (SITE_URL, when set, overrides it there too)."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as stream:
        return yaml_load(stream).get("site_url")


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        return run(arguments)
    except (ExplainerError, OSError, TemplateError) as error:
        print(f"error: {one_line(error)}", file=sys.stderr)
        return 2


def one_line(error: Exception) -> str:
    """An error as the single line the terminal shows (the CLI's and the hook's alike)."""
    if isinstance(error, OSError):
        return f"{error.filename or ''}: {error.strerror}"
    if isinstance(error, TemplateError):  # Jinja: name the template and line when it knows them
        name, line = getattr(error, "name", None), getattr(error, "lineno", None)
        where = f"templates/{name}" + (f":{line}" if line else "") if name else "templates"
        return f"{where}: {' '.join((error.message or type(error).__name__).split())}"
    return " ".join(str(error).split())


# ---- MkDocs hook ------------------------------------------------------------------------------
# MkDocs calls these for `mkdocs build` and on every rebuild of `mkdocs serve`. The pages are
# generated in memory and handed to MkDocs as files: nothing is written into docs/, so serving
# never triggers a rebuild of its own.
#
# What a build generated and drew is kept in the build cache (explainer/cache.py): the next
# `mkdocs build` or server start with the same inputs reuses it instead of generating again.
#
# Under `mkdocs serve` a bad edit must not stop the server: MkDocs 1.6 answers a failed rebuild
# by holding every page request until a build succeeds ("the server will appear stuck"). So
# while serving, a failed generation logs one error line and the build goes on with the last
# good pages; the next good save replaces them. `mkdocs build` still fails on the error.


class _Generated:
    """The pages of the last successful generation, kept across `mkdocs serve` rebuilds."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}  # path relative to docs/ → content
        self.nav: list = []
        self.serving = False  # under `mkdocs serve`: keep the last good pages on an error
        self.cache_dir = Path(cache.FOLDER)  # beside mkdocs.yml, set by on_config


_generated = _Generated()


def on_startup(command, dirty):
    _generated.serving = command == "serve"


def on_config(config):
    from mkdocs.exceptions import PluginError

    project = Path(config.config_file_path).resolve().parent
    # Folders relative to mkdocs.yml; a site kept elsewhere (examples/) names them under
    # `extra: explainer: {seeds: ..., templates: ...}`.
    folders = {"seeds": "seeds", "templates": "templates", **config.extra.get("explainer", {})}
    _generated.cache_dir = project / cache.FOLDER
    try:
        pages = generate_or_reuse(project / folders["seeds"], project / folders["templates"],
                                  _generated.cache_dir, config.site_url)
    except (ExplainerError, OSError, TemplateError) as error:
        if not (_generated.serving and _generated.files):
            raise PluginError(f"explainer: {one_line(error)}") from None
        log.error(f"explainer: {one_line(error)} (serving the last good pages until it is fixed)")
    else:
        for warning in pages["warnings"]:
            log.info(warning)
        _generated.files, _generated.nav = pages["files"], pages["nav"]
    return config


def generate_or_reuse(seeds_dir: Path, templates_dir: Path, cache_dir: Path,
                      site_url: str | None = None) -> dict:
    """The generated files, navigation and warnings: from the cache when the inputs are the
    ones it was made from, otherwise generated now (and kept for next time)."""
    fingerprint = cache.inputs_fingerprint(seeds_dir, templates_dir, site_url or "")
    cached = cache.read_pages(cache_dir, fingerprint)
    if cached is not None:
        log.debug(f"explainer: pages reused from {cache_dir} (inputs unchanged)")
        return cached
    from explainer.pipeline import generate
    from explainer.render import nav

    explainer, files = generate(seeds_dir, templates_dir, site_url=site_url)
    pages = {"files": files, "nav": nav(explainer), "warnings": list(explainer.warnings)}
    cache.write_pages(cache_dir, fingerprint, **pages)
    return pages


def on_files(files, config):
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File

    try:
        left_by_cli = read_manifest(Path(config.docs_dir))
    except ExplainerError as error:
        raise PluginError(f"explainer: {one_line(error)}") from None
    for path in _generated.files:
        if files.get_file_from_path(path) is not None and path not in left_by_cli:
            raise PluginError(f"explainer: {config.docs_dir}/{path}: exists but was not "
                              "generated; rename or remove it")
    # Drop what an earlier CLI run left in docs/: the in-memory pages are newer.
    for path in left_by_cli | set(_generated.files) | {MANIFEST}:
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
    hand_written = sorted(f.src_uri for f in files.documentation_pages())
    for path, content in _generated.files.items():
        files.append(File.generated(config, path, content=content))
    if not config.nav:  # MkDocs builds the navigation after this event
        config.nav = _generated.nav + ([{"More": hand_written}] if hand_written else [])
    # A share image per page for link previews (Open Graph), drawn in memory like the pages.
    pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
    cards = share_cards(pages, config.site_name, config.site_description or "")
    for path, png in cache.cached_share_images(_generated.cache_dir, cards, share_image).items():
        files.append(File.generated(config, path, content=png))
    # Ship nothing a reader never loads: source maps, search languages the site doesn't use.
    search = config.plugins.get("material/search")
    languages = list(search.config.lang or []) if search else []
    for path in unshipped([f.src_uri for f in files], languages):
        files.remove(files.get_file_from_path(path))
    return files


if __name__ == "__main__":
    sys.exit(main())
