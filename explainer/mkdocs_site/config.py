"""The plugin's options (`plugins: - explainer: {...}` in mkdocs.yml), validated by MkDocs.

Relative paths are relative to mkdocs.yml. MkDocs reports a wrong type or a missing folder as
a config error naming the option; the plugin makes an unknown option (a typo) an error too.
"""

from __future__ import annotations

import threading

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

# Set by the plugin under `mkdocs serve` (it reloads mkdocs.yml on every save).
serving = threading.Event()


class Folder(c.Dir):
    """An existing folder; under `mkdocs serve`, one missing for a moment (being replaced, or a
    file in its place) is the generator's one-line error, and the last good site stays up:
    MkDocs' config error would hold every request until a restart."""

    def run_validation(self, value: object) -> str:
        required, self.exists = self.exists, self.exists and not serving.is_set()
        try:
            return super().run_validation(value)
        finally:
            self.exists = required


class ExplainerConfig(Config):
    seeds = Folder(exists=True, default="seeds")
    """The story: its articles (`*.txt`, `*.md`) and editorial data (`explainer.yml`,
    `topics.yml`, `glossary.yml`, `timeline.yml`)."""

    templates = Folder(exists=True, default="templates")
    """The Jinja templates the pages are rendered from (`home.md.j2`, `topic.md.j2`, ...)."""

    cache_dir = c.Type(str, default=".cache/explainer")
    """Where generated pages and share images are kept for the next build whose inputs are
    unchanged. Delete it at any time; a build without it is only slower."""
