"""Reading built HTML in tests: elements by id, their visible text, every link."""

from __future__ import annotations

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Element:
    def __init__(self, tag: str, attributes: dict[str, str | None]):
        self.tag, self.attributes, self.parts = tag, attributes, []

    @property
    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text for p in self.parts)

    def iter(self):
        yield self
        for part in self.parts:
            if isinstance(part, Element):
                yield from part.iter()


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.stack[-1].parts.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        self.stack[-1].parts.append(data)


def parse(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def squash(text: str) -> str:
    """Whitespace as a reader sees it: runs collapsed to one space, ends trimmed."""
    return re.sub(r"\s+", " ", text).strip()


def by_id(root: Element) -> dict[str, Element]:
    return {e.attributes["id"]: e for e in root.iter() if e.attributes.get("id")}


INVISIBLE = {"script", "style", "template", "head", "title", "noscript"}


def visible_text(element: Element) -> str:
    """The text a reader sees: everything but scripts, styles and the document head."""
    if element.tag in INVISIBLE:
        return ""
    return "".join(p if isinstance(p, str) else visible_text(p) for p in element.parts)


# What Pagefind leaves out of a page it indexes, besides data-pagefind-ignore.
NOT_INDEXED = INVISIBLE | {"nav", "header", "footer", "form"}


def searchable_text(element: Element, inside: bool = False) -> str:
    """The text of a page the search index holds: inside data-pagefind-body, less what is
    marked data-pagefind-ignore and what Pagefind leaves out (navigation, scripts)."""
    inside = inside or "data-pagefind-body" in element.attributes
    if element.tag in NOT_INDEXED or "data-pagefind-ignore" in element.attributes:
        return ""
    return "".join((p if inside else "") if isinstance(p, str) else searchable_text(p, inside)
                   for p in element.parts)
