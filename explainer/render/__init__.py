"""Render: the explainer as pages, for readers and for machines.

pages.py renders every page through its Jinja template (templates/ at the project root) from
view models: their contracts are the frozen dataclasses of viewmodels.py, views.py builds
them; terms.py marks glossary terms; archive.py and indexes.py keep pages bounded on a long
story; nav.py is MkDocs' navigation; export.py, feed.py, structured.py and search.py write the
same story for machines. Imports the vocabulary, read/ and understand/.
"""
