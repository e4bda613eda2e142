"""Generated output: the golden story's pages against the reviewed golden tree, and docs/
against the story in seeds/ (whatever it is)."""

import difflib
import json

import pytest

import build
from golden import generated_files, golden_files
from project_tools import ROOT


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


def test_committed_docs_are_up_to_date_with_seeds(capsys):
    """docs/ holds what `python build.py` writes for seeds/: `build.py --check` passes."""
    articles = {p.stem.split(".")[0] for p in (ROOT / "seeds").iterdir()}
    shown = set(json.loads((ROOT / "docs" / ".explainer-manifest.json").read_text("utf-8"))
                .get("files", []))
    pages = {p.removeprefix("articles/").removesuffix(".md") for p in shown
             if p.startswith("articles/")}
    if pages and not pages & articles:
        pytest.skip("seeds/ holds another story than docs/: run `make build` to write its "
                    "pages into docs/, the reviewed copy")
    status = build.main(["--seeds", str(ROOT / "seeds"), "--docs", str(ROOT / "docs"), "--check"])
    out = capsys.readouterr().out
    assert status == 0, f"docs/ is out of date with seeds/: run `make build`\n{out}"
    assert out == ""
