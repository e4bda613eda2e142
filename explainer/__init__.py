"""The explainer generator: news articles and editorial data in, an explainer site out.

The package is laid out as the pipeline runs (explainer/pipeline.py reads as its table of
contents):

    read/         the seeds folder: which files are read and how, articles (text, Markdown),
                  page furniture, the editorial YAML and its schema → the story
    understand/   what each sentence is: segmenting, classifying (about / mentions), names,
                  the pure queries on the model, the audit of the story's data
    render/       the pages: view models, Jinja templates → Markdown, navigation, archives,
                  and the same story for machines (explainer.json, feed, JSON-LD, search data)
    pipeline.py   the stages in order: read → understand → render, everything in memory
    editor/       the command line's jobs for editors: --explain, --suggest, writing docs/
    mkdocs_site/  MkDocs' side only: the plugin, its options, the build cache, share images,
                  the theme overrides

Beside them, the vocabulary every stage may use: model.py (the frozen values that flow between
stages), errors.py, urls.py (paths, links, anchors from names), dates.py (dates as readers
write and read them, a date's first day), fold.py (how two spellings of a word are made
equal), escape.py and memo.py (every cache kept between generations).

Imports run one way: the vocabulary imports nothing of the package's stages; each stage
imports the vocabulary and the stages before it (read < understand < render < pipeline <
editor < mkdocs_site), never one after it. tests/test_layout.py checks this.
"""
