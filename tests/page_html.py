"""Generated Markdown pages as a reader's browser would get them, without a full MkDocs build:
Python-Markdown with the extensions in mkdocs.yml, front matter removed as MkDocs removes it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import markdown
import yaml
from mkdocs.utils.meta import get_data

from html_tools import Element, parse, squash

ROOT = Path(__file__).resolve().parent.parent


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking `!ENV [NAME, default]` as its default."""


ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


@lru_cache(maxsize=1)
def markdown_extensions() -> tuple[list[str], dict]:
    """The `markdown_extensions` of mkdocs.yml as (names, configs) for markdown.Markdown."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=ConfigLoader)
    names, configs = [], {}
    for entry in config.get("markdown_extensions", []):
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    return names, configs


def page_html(page: str) -> str:
    """A generated page's Markdown → the HTML MkDocs puts in the page body."""
    content, _ = get_data(page)
    names, configs = markdown_extensions()
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(content)


def page_tree(page: str) -> Element:
    return parse(page_html(page))


def sentence_texts(root: Element) -> dict[str, str]:
    """anchor → visible text of every `<span class="sentence" id=...>` on a page."""
    return {e.attributes["id"]: squash(e.text) for e in root.iter()
            if e.tag == "span" and e.attributes.get("class") == "sentence"
            and e.attributes.get("id")}


def heading_text(root: Element, tag: str = "h1") -> str:
    """The visible text of the page's (first) h1, without the permalink the toc extension adds."""
    h1 = next(e for e in root.iter() if e.tag == tag)
    return squash("".join(p if isinstance(p, str) else p.text for p in h1.parts
                          if isinstance(p, str) or "headerlink" not in (p.attributes.get("class") or "")))


def element_shapes(root: Element) -> set[tuple[str, tuple[str, ...]]]:
    """(tag, sorted attribute names) of every element on a page."""
    return {(e.tag, tuple(sorted(e.attributes))) for e in root.iter() if e.tag != "#document"}


ARTICLE_WORDS = {"article-byline", "dateline", "sentence"}


def article_reading_text(root: Element) -> list[str]:
    """An article page's words below its title in reading order: byline, dateline, subheadings
    (without their permalink) and sentences; what together must be the article as written."""
    pieces = []
    for element in root.iter():
        if element.attributes.get("class") in ARTICLE_WORDS:
            pieces.append(squash(element.text))
        elif element.tag == "h2":
            pieces.append(squash("".join(
                p if isinstance(p, str) else p.text for p in element.parts
                if isinstance(p, str) or "headerlink" not in (p.attributes.get("class") or ""))))
    return pieces
