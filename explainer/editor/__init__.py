"""Editor: what the command line (build.py) does for an editor besides the pipeline.

explain.py (--explain: why each sentence is where it is), suggest.py (--suggest: a head start
on the editorial data), write.py (the one guarded writer of docs/, for review). Imports the
vocabulary, the stages and pipeline.py; never mkdocs_site/.
"""
