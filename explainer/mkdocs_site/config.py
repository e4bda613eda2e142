"""The plugin's options (`plugins: - explainer: {...}` in mkdocs.yml), validated by MkDocs.

Relative paths are relative to mkdocs.yml. MkDocs reports a wrong type or a missing folder as
a config error naming the option; the plugin makes an unknown option (a typo) an error too.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ExplainerConfig(Config):
    seeds = c.Dir(exists=True, default="seeds")
    """The story: its articles (`*.txt`, `*.md`) and editorial data (`explainer.yml`,
    `topics.yml`, `glossary.yml`, `timeline.yml`)."""

    templates = c.Dir(exists=True, default="templates")
    """The Jinja templates the pages are rendered from (`home.md.j2`, `topic.md.j2`, ...)."""

    cache_dir = c.Type(str, default=".cache/explainer")
    """Where generated pages and share images are kept for the next build whose inputs are
    unchanged. Delete it at any time; a build without it is only slower."""
