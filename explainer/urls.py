"""Where each generated page lives, and links between pages as MkDocs will serve them.

Pages use MkDocs' directory URLs: `topics/syria.md` is served at `topics/syria/`.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from markupsafe import Markup

HOME = "index.md"
TIMELINE = "timeline.md"
GLOSSARY = "glossary.md"
EXPORT = "explainer.json"


def topic_page(slug: str) -> str:
    return f"topics/{slug}.md"


def article_page(slug: str) -> str:
    return f"articles/{slug}.md"


def served_path(page: str) -> str:
    """`topics/syria.md` → `topics/syria/`; `index.md` → ``."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@lru_cache(maxsize=65536)
def link(from_page: str, to_page: str, anchor: str = "") -> Markup:
    """The relative URL from one generated page to another (and an anchor on it), for raw HTML."""
    here = served_path(from_page) or "."
    target = served_path(to_page) or "."
    relative = posixpath.relpath(target, here if here == "." else here.rstrip("/"))
    relative = "./" if relative == "." else relative + "/"
    return Markup(relative + (f"#{anchor}" if anchor else ""))


def md_link(from_page: str, to_page: str, anchor: str = "") -> Markup:
    """A Markdown link target to another page's source file, which MkDocs checks and rewrites."""
    directory = posixpath.dirname(from_page) or "."
    relative = posixpath.relpath(to_page, directory)
    return Markup(relative + (f"#{anchor}" if anchor else ""))
