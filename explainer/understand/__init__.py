"""Understand: what each sentence is and what it is about.

segment.py (paragraphs → sentences), classify.py (the topics a sentence is about and those it
only mentions, with reasons), wordforms.py (the forms a signal's words match), names.py (names
a glossary may need), queries.py (pure questions on the model, shared by audit and render),
audit.py (the data checked against the articles). Rules an editor can read and extend live
beside them as data: clauses.txt, spelling.txt, abbreviations.txt, common-words.txt. Imports
the vocabulary and read/.
"""
