"""Golden files: the pages generated for the golden story in tests/golden/seeds/, kept under
tests/golden/site/ to be reviewed and compared.

    make golden                         regenerate them after a change you have reviewed
    (python tests/golden.py --update)

`tests/test_golden.py` compares the whole tree, so a missing or extra page fails too. The story
is made up, small, and touches every kind of page: two articles (plain text and Markdown) with
their side files, three topics, dated events at each precision, glossary terms with aliases,
and text that looks like markup. The shipped story's pages are in docs/ (`python build.py`).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_SEEDS = ROOT / "tests" / "golden" / "seeds"
GOLDEN = ROOT / "tests" / "golden" / "site"
sys.path.insert(0, str(ROOT))

from explainer.pipeline import generate  # noqa: E402

SITE_URL = "https://explainer.example.org/"  # mkdocs.yml's placeholder, as build.py uses it


def generated_files() -> dict[str, str]:
    return generate(GOLDEN_SEEDS, ROOT / "templates", site_url=SITE_URL)[1]


def golden_files() -> dict[str, str]:
    return {p.relative_to(GOLDEN).as_posix(): p.read_text("utf-8")
            for p in sorted(GOLDEN.rglob("*")) if p.is_file()}


def update() -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for path, content in generated_files().items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, "utf-8")
    print(f"wrote {GOLDEN.relative_to(ROOT)}; review the diff (git diff tests/golden) "
          "before committing")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    update()
