"""One escaping rule per context: how article and editorial text becomes page content.

The article is text, never markup. Templates print each value through the filter for the place
it lands (`make_environment` in render.py registers them), and code that builds markup (links,
marked-up sentences) calls the same functions:

filter         where the value lands                          rule
-------------  ---------------------------------------------  -----------------------------------
text           HTML text and double-quoted attribute values,  & < > " ' as references; line
               inside raw HTML blocks                         breaks as spaces
markdown       Markdown inline text: headings, link text,     backslash escapes; & < as
               list items                                     references; line breaks as spaces
url            the href of an outside address                 https only, normalised, encoded
machine        datetime and id values                         must match MACHINE_VALUE; as is
front_matter   a YAML scalar the theme prints as HTML         `text`, then a JSON string

Why `text` is enough inside raw HTML: Python-Markdown stashes a block that starts with a
block-level tag (`<p>`, `<ul>`, `<section>`, ...) before any inline syntax runs, and puts it back
untouched; only HTML's own syntax is left to neutralise. An extension that reads the source
before the stash (pymdownx.snippets, md_in_html, abbr, `extra`, ...) would break this:
`VETTED_EXTENSIONS` lists the ones whose syntax these rules cover, and a test fails when
mkdocs.yml enables any other.

`inert`, the Jinja environment's `finalize`, is the safety net for a value printed without a
filter: every ASCII punctuation character becomes a numeric reference, which nothing can read
as syntax. A test checks that the templates never need it.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote, urlsplit, urlunsplit

from markupsafe import Markup

from .characters import UNFIT, replace_unfit

# Line breaks could end a heading, a list item or a raw HTML block; the unfit characters
# (explainer/characters.py) include Python-Markdown's own placeholders (STX, ETX) and what YAML
# front matter can't hold. The loaders refuse them; this is defence.
LINE_BREAKS = re.compile(r"[\n\r\u2028\u2029\x0b\x0c\x85]+")

# Markdown extensions whose syntax the rules below cover (checked against mkdocs.yml by a test).
VETTED_EXTENSIONS = frozenset({"attr_list", "toc"})


def plain(value: object) -> str:
    """One line of text: line breaks become spaces, unfit characters U+FFFD, and direction
    marks it opens closed at its end."""
    return bidi_closed(replace_unfit(LINE_BREAKS.sub(" ", str(value))))


# Right-to-left (and left-to-right) embeddings, overrides and isolates, and what closes them:
# one left open in an article's title would turn round the rest of the browser's tab title,
# the site's name included.
EMBEDDINGS, POP_EMBEDDING = "\u202a\u202b\u202d\u202e", "\u202c"
ISOLATES, POP_ISOLATE = "\u2066\u2067\u2068", "\u2069"


def bidi_closed(value: str) -> str:
    """The value with every direction embedding, override or isolate it opens closed."""
    if not any(mark in value for mark in EMBEDDINGS + ISOLATES):
        return value
    opened: list[str] = []
    for character in value:
        if character in EMBEDDINGS or character in ISOLATES:
            opened.append(character)
        elif character == POP_EMBEDDING and opened and opened[-1] in EMBEDDINGS:
            opened.pop()
        elif character == POP_ISOLATE and any(mark in ISOLATES for mark in opened):
            while opened.pop() not in ISOLATES:
                pass  # closing an isolate closes the embeddings opened inside it
    return value + "".join(POP_ISOLATE if mark in ISOLATES else POP_EMBEDDING
                           for mark in reversed(opened))


def text(value: object) -> Markup:
    """Text → HTML text or a double-quoted attribute value that shows it literally."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(plain(value), quote=True))


# Python-Markdown's backslash-escapable characters (markdown.Markdown.ESCAPED_CHARS) that can
# start inline syntax mid-line: emphasis, code, links and images, attribute lists, the closing
# hashes of a heading. `. - + >` only act at the start of a line, where a value never stands.
MARKDOWN_ESCAPED = frozenset("\\`*_{}[]()#!")


def markdown(value: object) -> Markup:
    """Text → Markdown inline text (a heading, link text, a list item) shown literally.

    Backslash escapes as Python-Markdown (and CommonMark) read them; `&` and `<` become HTML
    references, since Python-Markdown has no backslash escape for them.
    """
    if isinstance(value, Markup):
        return value
    out = []
    for character in plain(value):
        if character in MARKDOWN_ESCAPED:
            out.append("\\" + character)
        elif character == "&":
            out.append("&amp;")
        elif character == "<":
            out.append("&lt;")
        elif character == '"':
            # a reference, not the mark: Material's search plugin deletes any `data-search-x="…"`
            # it finds in a page's HTML, and would take text that looks like one with it
            out.append("&quot;")
        else:
            out.append(character)
    return Markup("".join(out))


# Characters a URL keeps as they are: RFC 3986's reserved and unreserved characters and `%`.
URL_SAFE = "!#$%&()*+,/:;=?@[]~-._"


def url(value: object) -> Markup:
    """A validated web address (https, or http where a source has no other) → an href value:
    normalised, percent-encoded, `&` escaped.

    The schema refuses anything else already; this refuses again rather than print it.
    """
    address = str(value).strip()
    parts = urlsplit(address)
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not parts.hostname or UNFIT.search(address):
        raise ValueError(f"not a web address: {address!r}")
    netloc = quote(parts.netloc.lower() if parts.username is None else parts.netloc,
                   safe=URL_SAFE)
    normalised = urlunsplit((
        scheme, netloc, quote(parts.path or "/", safe=URL_SAFE),
        quote(parts.query, safe=URL_SAFE), quote(parts.fragment, safe=URL_SAFE)))
    return Markup(normalised.replace("&", "&amp;"))


def is_web_address(value: object) -> bool:
    """Whether `url` takes the value: the test the schema and the page reader use, so that an
    address they let through is one a page can print (and, as the schema asks, one without
    spaces, quotes or angle brackets)."""
    if re.search(r"[\s<>\"']", str(value)):
        return False
    try:
        url(value)
    except ValueError:  # urlsplit's own ("Invalid IPv6 URL") included
        return False
    return True


# Addresses written in a sentence, which are none of its words: an e-mail address, and a web
# address with its scheme, "www." or a common domain ending ("noaa.gov/pws"). Shared by the
# page reader (contacts are no prose) and the drafter (no glossary word inside an address).
ADDRESS_IN_TEXT = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|\b(?:https?://)?(?:[\w-]+\.)+"
                             r"(?:gov|com|org|net|edu|int|mil|io|us|uk|eu)\b(?:/\S*)?",
                             re.IGNORECASE)


# Dates (2019, 2019-07, 2019-07-12) and anchors (p3s2, from-my-article, 2019-07-12-delivery).
MACHINE_VALUE = re.compile(r"[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*")


def machine(value: object) -> Markup:
    """A `datetime` or `id` value: checked against MACHINE_VALUE, printed as it is."""
    candidate = str(value)
    if not MACHINE_VALUE.fullmatch(candidate):
        raise ValueError(f"not a machine value (date or anchor): {candidate!r}")
    return Markup(candidate)


def front_matter(value: object) -> Markup:
    """A double-quoted YAML (JSON) scalar holding HTML text, for page front matter.

    MkDocs' theme templates print front matter (`<title>`, `<meta content="...">`, the header
    and the nav) without escaping it: an article titled `</title><script>` would otherwise run
    in every reader's browser.
    """
    return Markup(json.dumps(str(text(value)), ensure_ascii=False))


# The safety net: everything ASCII that is punctuation to Markdown, HTML or an extension.
ACTIVE_CHARACTERS = frozenset("!\"#$%&'()*+-./:<=>@[\\]^_`{|}~")
CHARACTER_REFERENCES = {ord(c): f"&#{ord(c)};" for c in ACTIVE_CHARACTERS}  # for str.translate


def inert(value: object) -> Markup:
    """A value printed without a filter (`finalize`): inert in any context. Markup passes."""
    if isinstance(value, Markup):
        return value
    return Markup(plain(value).translate(CHARACTER_REFERENCES))


FILTERS = {"text": text, "markdown": markdown, "url": url, "machine": machine,
           "front_matter": front_matter}
