"""What the published site leaves out of the theme's files: source maps, unused search languages.

Material copies every search language (about 900 KB, `wordcut.js` alone 660 KB) and the
source maps of its bundles (1.3 MB) into every site. A reader never needs them, and a static
host serves whatever it is given. The MkDocs plugin drops them in `on_files`.
"""

from __future__ import annotations

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
