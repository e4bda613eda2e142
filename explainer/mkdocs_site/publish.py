"""What the published site leaves out: source maps, unused search languages, indentation.

Material copies every search language (about 900 KB, `wordcut.js` alone 660 KB) and the
source maps of its bundles (1.3 MB) into every site. A reader never needs them, and a static
host serves whatever it is given. The MkDocs plugin drops them in `on_files`.

The theme's templates indent every line and leave blank lines where a block was left out:
about a tenth of a page's bytes, 6% once gzipped, which a phone reader's first topic page pays
for. The plugin drops them from each page in `on_post_page` (a regular expression, not an HTML
minifier: a minifier parses the page, which a large story's build pays for on every page, and
rewrites attributes and whitespace that browsers and readers see).
"""

from __future__ import annotations

import re

LUNR = "assets/javascripts/lunr/"
# Extra files Material's search worker loads for some languages (see its worker's
# setupSearchLanguages): Japanese needs tinyseg, Hindi and Thai need wordcut.
SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}


def needed_search_files(languages: list[str]) -> set[str]:
    """The lunr files Material's search worker imports for these languages."""
    others = [lang for lang in languages if lang != "en"]
    if not others:
        return set()  # English alone is built into lunr itself
    needed = {f"{LUNR}min/lunr.stemmer.support.min.js"}
    needed |= {f"{LUNR}min/lunr.{lang}.min.js" for lang in others}
    needed |= {LUNR + SEGMENTERS[lang] for lang in others if lang in SEGMENTERS}
    if len(languages) > 1:
        needed.add(f"{LUNR}min/lunr.multi.min.js")
    return needed


def unshipped(paths: list[str], languages: list[str]) -> list[str]:
    """Of the site's file paths, those to leave out: `*.map` and search languages not used."""
    needed = needed_search_files(languages)
    return [path for path in paths
            if path.endswith(".map") or (path.startswith(LUNR) and path not in needed)]


# Whitespace is content inside these elements (and a script's strings may span lines).
KEPT_AS_WRITTEN = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
INDENTATION = re.compile(r"\n\s+")


def without_indentation(html: str) -> str:
    """The page with each line's leading whitespace and its blank lines removed, outside
    <pre>, <textarea> and <script>. A newline is kept where whitespace was, so the page reads
    and renders the same: a browser folds any run of whitespace into one space."""
    parts = KEPT_AS_WRITTEN.split(html)
    # split() with two groups yields: text, element, tag name, text, element, tag name, ...
    return "".join(INDENTATION.sub("\n", part) if i % 3 == 0 else part if i % 3 == 1 else ""
                   for i, part in enumerate(parts))
