"""The generated Markdown, compared as a whole tree with the reviewed golden files."""

import difflib

from golden import ROOT, generated_files, golden_files


def test_generated_pages_match_golden_tree():
    generated, golden = generated_files(), golden_files()
    assert sorted(generated) == sorted(golden), "pages added or missing: run `make golden`"
    for path in generated:
        if generated[path] != golden[path]:
            diff = "".join(difflib.unified_diff(
                golden[path].splitlines(True), generated[path].splitlines(True),
                f"golden/{path}", f"generated/{path}", n=1))
            raise AssertionError(f"{path} differs from its golden file (review, then "
                                 f"`make golden`):\n{diff[:4000]}")


def test_committed_docs_are_up_to_date():
    """docs/ holds what `python build.py` writes; `build.py --check` would fail otherwise."""
    stale = [p for p, content in generated_files().items()
             if not (ROOT / "docs" / p).exists()
             or (ROOT / "docs" / p).read_text("utf-8") != content]
    assert not stale, f"run `python build.py` (or `make build`): out of date: {stale}"
