"""Where each generated page lives, and links between pages as MkDocs will serve them.

Pages use MkDocs' directory URLs: `topics/syria.md` is served at `topics/syria/`.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from urllib.parse import urlsplit

from markupsafe import Markup
from slugify import slugify

from .memo import per_process

HOME = "index.md"
TIMELINE = "timeline.md"
GLOSSARY = "glossary.md"
EXPORT = "explainer.json"


# A path segment of a generated file: no control characters, separators or backslashes, and not
# "." or ".." (checked apart); hidden names (".x") are MkDocs' to skip, never ours to publish.
SITE_SEGMENT = re.compile(r"[^\x00-\x1f\x7f/\\:.][^\x00-\x1f\x7f/\\:]*")


def is_placeholder_address(url: str) -> bool:
    """ "https://explainer.example.org/": a host reserved for examples (RFC 2606, RFC 6761),
    which no published site has."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return host in ("example.com", "example.org", "example.net", "localhost") or host.endswith(
        (".example.com", ".example.org", ".example.net", ".example", ".test", ".invalid",
         ".localhost"))


def is_site_path(path: object) -> bool:
    """A relative path inside the site ("topics/syria.md"): what a generated file may be called.

    Anything else (absolute, climbing out with "..", a drive, a backslash, an empty segment)
    could make MkDocs write outside the site, so it never reaches MkDocs."""
    return (isinstance(path, str) and 0 < len(path) <= 1024
            and all(SITE_SEGMENT.fullmatch(part) for part in path.split("/")))


@per_process(maxsize=65536)
def slug_of(text: str) -> str:
    """A name as an anchor or a URL segment, transliterated rather than dropped: "Recep Tayyip
    Erdoğan" → recep-tayyip-erdogan, "Ağrı Dağı" → agri-dagi, "Москва" → moskva, "北京" →
    bei-jing (python-slugify with text-unidecode)."""
    return slugify(text) or "x"


def former_slug_of(text: str) -> str | None:
    """The anchor the generator gave a name before anchors were transliterated (letters it
    couldn't spell in ASCII were dropped: "Ağrı Dağı" → agr-dag), when it differs: published
    links to it must keep working. None when it is the same, or was no name at all ("x")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    former = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return former if former and former != slug_of(text) else None


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


@per_process(maxsize=65536)
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
