"""Read: the seeds folder as untrusted input, turned into the story and raw articles.

seedfiles.py (which entries are read, and how: regular files, size limits), load.py
(articles: text and Markdown → title, paragraphs, furniture, with lines), furniture.py
(bylines, datelines, subheadings), data.py and schema.py (the YAML data files, validated
once), story.py (topics, terms and events from the data). Imports only the vocabulary
(explainer/*.py). Nothing here may import a heavy library at module level in seedfiles.py:
the build cache fingerprints a seeds folder by these rules without loading the pipeline.
"""
