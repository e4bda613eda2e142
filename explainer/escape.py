"""The one choke point that turns article and editorial text into inert page content.

Every value a template prints passes through `inert` (it is the Jinja environment's `finalize`),
unless code has already made it safe by wrapping it in `Markup`. The result is plain text to
Markdown, to Python-Markdown's extensions and to HTML, in body text and in double-quoted
attributes alike: ASCII punctuation becomes numeric character references, which no Markdown or
MkDocs syntax (`*`, `#`, `*[X]:`, `--8<--`, `!!!`, `{: }`, `<script>`, `{{ }}`) can start with.
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup

# Everything ASCII that is punctuation to Markdown, HTML or an extension. Letters, digits,
# spaces, and the harmless , ; ? stay as they are so the generated Markdown stays readable.
ACTIVE_CHARACTERS = frozenset("!\"#$%&'()*+-./:<=>@[\\]^_`{|}~")
CHARACTER_REFERENCES = {ord(c): f"&#{ord(c)};" for c in ACTIVE_CHARACTERS}  # for str.translate
LINE_BREAKS = re.compile(r"[\n\u2028\u2029]+")


def inert(value: object) -> Markup:
    """Text → Markup that any Markdown or HTML reader shows literally. Markup passes through."""
    if isinstance(value, Markup):
        return value
    text = LINE_BREAKS.sub(" ", str(value))  # a line break could end a heading or a raw block
    return Markup(text.translate(CHARACTER_REFERENCES))


def yaml_string(value: str) -> Markup:
    """A string as a double-quoted YAML (JSON) scalar, for page front matter.

    MkDocs' theme templates print front matter (`<title>`, `<meta content="...">`, the header
    and the nav) without escaping it, so the value is made safe HTML text first: an article
    titled `</title><script>` would otherwise run in every reader's browser.
    """
    text = LINE_BREAKS.sub(" ", value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Markup(json.dumps(text.replace('"', "&quot;"), ensure_ascii=False))


def tooltip_text(value: str) -> Markup:
    """Text for a `title` that Material's tooltips show.

    Material puts the attribute's value into the page as HTML (innerHTML), so & and < are
    escaped once more before `inert`; otherwise a definition could run script on hover.
    """
    return inert(str(value).replace("&", "&amp;").replace("<", "&lt;"))
