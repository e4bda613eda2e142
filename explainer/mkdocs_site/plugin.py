"""The explainer as an MkDocs plugin: `plugins: - explainer` in mkdocs.yml.

Its events only translate between MkDocs and the package: the work is done by plain functions
(explainer/mkdocs_site/site.py and the pipeline they call), testable without MkDocs.

    on_startup  remember whether this is `mkdocs serve`
    on_config   generate the pages (`mkdocs build`: or reuse the build cache), let the story
                name the site, add the package's theme overrides and stylesheet
    on_serve    watch the story and the templates (a folder replaced too)
    on_files    hand MkDocs the pages in memory (nothing is written into docs/), with a share
                image per page; leave out what a reader never loads
    on_page_context  what Material's search leaves out, Pagefind's index does too
    on_env      keep the theme's compiled templates for the next build
    on_post_page, on_post_template  drop the theme's indentation and blank lines from each
                page (404.html too)
    on_post_build  build the search index (Pagefind's, from the HTML just written: at once
                for `mkdocs build`, on a thread under `mkdocs serve`); `mkdocs serve --dirty`:
                remove the files of pages the story no longer has (their share images too)

`mkdocs serve --dirty` (`make serve`) is the editor's workbench: a save renders only the pages
whose Markdown changed, and every page when what every page shows (the navigation, mkdocs.yml)
changed, so the site served is the one a full build gives. MkDocs' warning that a dirty
build may show inaccurate navigation is therefore not printed on every save.

Under `mkdocs serve` a bad edit must not stop the server: MkDocs 1.6 answers a failed rebuild
by holding every page request until a build succeeds ("the server will appear stuck"). So
while serving, a failed generation logs one error line and the build goes on with the last
good pages, kept on the instance (MkDocs keeps one across rebuilds); the next good save
replaces them. `mkdocs build` still fails on the error.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import jinja2
from jinja2 import TemplateError
from mkdocs.config.base import ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..editor.write import MANIFEST, read_manifest
from ..errors import ExplainerError, one_line
from . import cache, search_index, site, watching
from .config import ExplainerConfig, serving
from .publish import unshipped, without_indentation
from .share import share_cards, share_image

# "mkdocs.plugins.explainer.plugin", each line prefixed "explainer: ". Its warnings count
# as MkDocs' own do: `mkdocs build --strict` fails on them, `mkdocs serve` shows them.
log = get_plugin_logger(__name__)


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self) -> None:
        self.serving = False  # under `mkdocs serve`: keep the last good pages on an error
        self.dirty = False  # `mkdocs serve --dirty`: MkDocs re-renders only modified pages
        self.rendered: site.Rendered | None = None  # last build's pages, and what every page
        # shows (navigation, hand-written pages, mkdocs.yml)
        self.outputs: dict[str, tuple[str, str]] = {}  # generated file (a page, a share image,
        # the feed) → the file it is written to and its URL
        self.removed: dict[str, tuple[str, str]] = {}  # ... of those this build no longer has
        self.compiled_templates = site.CompiledTemplates()
        self.share_cards: dict[str, tuple[str, str, str]] = {}  # the last build's, path →
        # the text on the image (title, subtitle, site name)
        self.share_images: dict[str, bytes] = {}  # ... path → PNG
        self.generation: site.Generation | None = None  # the last good one
        self.left_by_cli: set[str] = set()  # docs/'s manifest as last read (serve: a broken one)
        self.cache_dir = Path(cache.FOLDER)
        self.indexing = search_index.IndexInBackground()  # under `mkdocs serve`

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None
                    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """MkDocs' validation, with an unknown option an error: a misspelt `seeds` would
        otherwise build the default folder's story without a word."""
        errors, warnings = super().load_config(options, config_file_path)
        known = [name for name, _ in self.config_scheme]
        for key, message in warnings:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                errors.append((key, ValidationError(f"{message}{hint}")))
        return errors, [(key, message) for key, message in warnings if key in known]

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool
                   ) -> None:
        self.serving = command == "serve"
        if self.serving:
            serving.set()
        self.dirty = dirty
        if self.serving and self.dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(site.no_dirty_build_warning)

    def on_shutdown(self) -> None:
        self.indexing.wait()
        logging.getLogger("mkdocs.commands.build").removeFilter(site.no_dirty_build_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.theme.name != "material":
            raise PluginError(f"explainer: needs theme 'material' (mkdocs.yml has "
                              f"'{config.theme.name}'); its pages use Material's features")
        project = Path(config.config_file_path or ".").resolve().parent
        self.cache_dir = project / self.config.cache_dir
        try:
            seeds, templates = Path(self.config.seeds), Path(self.config.templates)
            if self.serving:  # one process, many builds: the pipeline's caches (generate_now)
                generation = site.generate_now(seeds, templates, config.site_url)
            else:
                generation = site.generate_or_reuse(seeds, templates, self.cache_dir,
                                                    config.site_url)
        except (ExplainerError, OSError, TemplateError) as error:
            if not (self.serving and self.generation):
                raise PluginError(f"explainer: {one_line(error)}") from None
            log.error(f"{one_line(error)} (serving the last good pages until it is fixed)")
        except Exception as error:  # a fault of the generator's own: a save must not stop
            if not (self.serving and self.generation):  # the server (README: "the last good
                raise  # site stays up"); a build shows it in full
            log.debug("the generator failed", exc_info=True)
            log.error(f"unexpected {type(error).__name__}: {one_line(error)} "
                      "(serving the last good pages; please report this with the input that "
                      "caused it)")
        else:
            if generation.reused:
                log.debug(f"pages reused from {self.cache_dir} (inputs unchanged)")
            self.log_warnings(generation)
            self.generation = generation
        config.site_name, config.site_description = site.site_identity(self.generation)
        config.theme.dirs = site.add_theme(config.theme.dirs, config.theme.custom_dir)
        config.extra_css = site.add_stylesheet(config.extra_css)
        return config

    def log_warnings(self, generation: site.Generation) -> None:
        """`mkdocs build`: every warning (--strict fails on them). `mkdocs serve`: the first
        build shows the first few, and each save what changed and only the new warnings."""
        if self.generation is None or self.generation.notes != generation.notes:
            for note in generation.notes:  # information: --strict must not fail on it
                log.info(note)
        if not self.serving:
            for warning in generation.warnings:
                log.warning(warning)
        elif self.generation is None:
            for warning in generation.warnings[:site.SHOWN_WARNINGS]:
                log.warning(warning)
            hidden = len(generation.warnings) - site.SHOWN_WARNINGS
            if hidden > 0:
                log.info(f"{hidden} more warnings: {site.ALL_WARNINGS} lists them all")
        else:
            new = site.new_warnings(self.generation.warnings, generation.warnings)
            for warning in new:
                log.warning(warning)
            log.info(site.rebuild_summary(self.generation, generation, len(new)))

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., object]) -> LiveReloadServer:
        watching.watch_folders(server, (self.config.seeds, self.config.templates))
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        generation = self.last_good()
        generated = generation.files
        outside = site.paths_outside_site(generated)
        if outside:  # only a bug could make one; MkDocs would write it wherever it leads
            raise PluginError(f"explainer: refusing to generate {outside[0]}: not a relative "
                              "path inside the site")
        try:
            left_by_cli = read_manifest(Path(config.docs_dir))
        except ExplainerError as error:
            if not self.serving:
                raise PluginError(f"explainer: {one_line(error)}") from None
            # a save must not stop the server: it goes on with the manifest it read last
            log.error(f"{one_line(error)} (serving with the manifest read last until it is "
                      "fixed)")
            left_by_cli = self.left_by_cli
        self.left_by_cli = left_by_cli
        existing = {f.src_uri for f in files}
        conflicts, dropped = site.replaced_paths(set(generated), existing, left_by_cli, MANIFEST)
        if conflicts and not self.serving:
            raise PluginError(f"explainer: {config.docs_dir}/{conflicts[0]}: exists but was not "
                              "generated; rename or remove it")
        for path in conflicts:  # serving: the hand-written page stays, the generated one waits
            log.error(f"{config.docs_dir}/{path}: exists but was not generated; "
                      "rename or remove it (serving the hand-written page until then)")
        generated = {p: c for p, c in generated.items() if p not in set(conflicts)}
        for path in dropped:  # what an earlier CLI run left in docs/: the pages here are newer
            files.remove(file_at(files, path))
        hand_written = [f.src_uri for f in files.documentation_pages()]
        listed = site.nav_pages(generation.nav)  # other pages are linked, not listed
        # `mkdocs serve --dirty`: a page whose Markdown, navigation and mkdocs.yml are those of
        # the last build is not rendered again (its HTML from the last build stays in the site).
        shown_everywhere = (generation.nav, tuple(hand_written),
                            site.file_digest(config.config_file_path))
        workbench = self.serving and self.dirty
        unchanged = (site.unchanged_pages(self.rendered, generated, shown_everywhere)
                     if workbench else set())
        for path, content in generated.items():
            inclusion = (InclusionLevel.UNDEFINED if path in listed or not path.endswith(".md")
                         else InclusionLevel.NOT_IN_NAV)
            file = File.generated(config, path, content=content, inclusion=inclusion)
            if path in unchanged:
                answer_modified(file, False)
            files.append(file)
        if workbench:
            if self.rendered is None or self.rendered[1] != shown_everywhere:
                for page in files.documentation_pages():  # hand-written ones show the nav too
                    answer_modified(page, True)
            if site.same_structure(self.rendered, generated, shown_everywhere):
                # 404.html and the sitemap show only the navigation and the list of pages
                config.theme.static_templates.difference_update(site.STRUCTURE_TEMPLATES)
        self.rendered = (generated, shown_everywhere)
        if not config.nav:  # MkDocs builds the navigation after this event
            config.nav = site.site_nav(generation.nav, hand_written)
        self.add_share_images(files, config)
        if workbench:
            self.note_outputs(files, [*generated, *self.share_images])
        # Ship nothing a reader never loads: source maps, search languages the site doesn't use.
        search = config.plugins.get("material/search")
        languages = list(search.config.lang or []) if search else []
        for path in unshipped([f.src_uri for f in files], languages):
            files.remove(file_at(files, path))
        return files

    def last_good(self) -> site.Generation:
        """The last good generation: on_config has made one, or stopped the build."""
        if self.generation is None:
            raise PluginError("explainer: no pages generated (on_config did not run)")
        return self.generation

    def note_outputs(self, files: Files, generated: list[str]) -> None:
        """Where each generated file (pages, share images, the feed) is written, and which the
        last build had and this one hasn't (a dirty build leaves them in the site until
        removed)."""
        outputs = {path: (file.abs_dest_path, file.url)
                   for path, file in ((path, file_at(files, path)) for path in generated)}
        self.removed = {path: self.outputs[path] for path in self.outputs.keys() - outputs.keys()}
        self.outputs = outputs

    @event_priority(50)  # before Material's search plugin removes data-search-exclude
    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        if page.content is not None:  # rendered by now
            page.content = search_index.ignored_by_search(page.content)
        return context

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
               ) -> jinja2.Environment:
        env.bytecode_cache = self.compiled_templates
        return env

    @event_priority(-100)  # last: whatever other plugins add is indented too
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return without_indentation(output)

    @event_priority(-100)
    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> str:
        return without_indentation(output_content) if template_name.endswith(".html") \
            else output_content

    @event_priority(50)  # before Material's search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        search = config.plugins.get("material/search")
        if search is not None and getattr(search, "search_index", None) is not None:
            # Material's box reads only the configuration: Pagefind's index holds the pages.
            search.search_index.entries = []
            search.search_index_prev = None
        if self.serving and self.dirty:
            site.remove_outputs(config.site_dir, [output for output, _ in self.removed.values()])
        language = site.search_language(config)
        if self.serving:
            self.indexing.start(config.site_dir, language,
                                lambda error: log.error(f"{error} (search shows the last index)"))
            return
        try:
            search_index.index_site(config.site_dir, language)
        except search_index.SearchIndexError as error:
            raise PluginError(f"explainer: {error}") from None

    def add_share_images(self, files: Files, config: MkDocsConfig) -> None:
        """A share image per page for link previews (Open Graph), drawn in memory like the
        pages, or read from the build cache when its text is unchanged."""
        pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
        name = site.plain(config.site_name)
        description = site.plain(config.site_description or "")  # on_config set both
        cards = share_cards(pages, name, description)
        known = {card: self.share_images[path] for path, card in self.share_cards.items()
                 if path in self.share_images}  # under serve: the last build's, in memory
        images = cache.cached_share_images(self.cache_dir, cards, share_image, known)
        outside = site.paths_outside_site(images)
        if outside:
            raise PluginError(f"explainer: refusing to generate {outside[0]}: not a relative "
                              "path inside the site")
        for path, png in images.items():
            file = File.generated(config, path, content=png)
            if self.serving and self.dirty and self.share_images.get(path) is png:
                answer_modified(file, False)  # the site has it from the last build
            files.append(file)
        self.share_cards, self.share_images = cards, images


def answer_modified(file: File, modified: bool) -> None:
    """Make a file answer MkDocs' `is_modified()` (asked by `mkdocs serve --dirty`) as the
    plugin knows it: unchanged since the last build, or changed whatever its date says."""
    # MkDocs asks the method of each File and offers no other way to answer it; mypy forbids
    # assigning to a method.
    file.is_modified = lambda: modified  # type: ignore[method-assign]


def file_at(files: Files, path: str) -> File:
    """The file MkDocs has at a path the plugin knows is there (it listed or added it)."""
    file = files.get_file_from_path(path)
    if file is None:
        raise PluginError(f"explainer: {path}: not among MkDocs' files")
    return file
