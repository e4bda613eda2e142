"""MkDocs' side only: `plugins: - explainer` in mkdocs.yml.

plugin.py (the events, translating only), config.py (the plugin's options), site.py (plain
functions the events call), cache.py (the build cache in .cache/explainer/), share.py (share
images), publish.py (what a reader never loads), search_index.py (Pagefind's index of the built
site), theme/ (overrides, stylesheet, the search worker).
The only folder that imports MkDocs; it may import everything else, nothing imports it.
"""
