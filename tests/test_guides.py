"""The README is the front door and the guides say true things (issue 21): the README stays
short and links every guide, every link and every path the guides name exists, and the
commands they show work."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from project_tools import ENVIRONMENT, ROOT

README = ROOT / "README.md"
GUIDES = sorted((ROOT / "guides").glob("*.md"))
DOCUMENTS = [README, *GUIDES]
README_LINES = 256  # the front door, with the table of measured stories


def test_the_readme_is_a_front_door():
    text = README.read_text("utf-8")
    assert len(text.splitlines()) <= README_LINES
    assert "make serve" in text and "make test" in text
    first_screens = "\n".join(text.splitlines()[:60])
    assert "## Make an explainer for your story" in first_screens
    for guide in GUIDES:
        assert f"](guides/{guide.name})" in text, f"the README doesn't link {guide.name}"


def heading_anchors(markdown: str) -> set[str]:
    """The anchors a repository browser gives a document's headings."""
    anchors = set()
    for heading in re.findall(r"^#{1,6} (.+)$", markdown, re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        anchors.add(slug)
    return anchors


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_every_link_leads_somewhere(document):
    text = document.read_text("utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"https?:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (document.parent / path).resolve() if path else document
        assert file.exists(), f"{document.name}: link to {target}"
        if anchor and file.suffix == ".md":
            assert anchor in heading_anchors(file.read_text("utf-8")), \
                f"{document.name}: no heading #{anchor} in {file.name}"


PATH = re.compile(r"`((?:explainer|tests|bench|tools|templates|examples|guides)/"
                  r"[\w./-]+)`")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_every_path_named_exists(document):
    """A path in backticks is a file or folder of the repository, so a move can't leave a
    guide pointing at nothing."""
    missing = [p for p in PATH.findall(document.read_text("utf-8"))
               if not (ROOT / p.rstrip("/")).exists()]
    assert missing == []


def shell_commands(document: Path) -> list[str]:
    """The commands of a document's ```sh blocks, in order, without their comments."""
    blocks = re.findall(r"```sh\n(.*?)```", document.read_text("utf-8"), re.S)
    lines = [line.split("  #")[0].strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line]


MAKEFILE = (ROOT / "Makefile").read_text("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_the_commands_shown_work(document, tmp_path):
    """Each guide's commands, run in order in a copy of the repository, as its reader would:
    `make` targets must exist (they install and serve: their recipes are CI's own), the
    others must succeed. A reader's own article (~/my-article.txt) is the example story's."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".cache", "site", "node_modules", "__pycache__", ".hypothesis",
        ".pytest_cache", ".mypy_cache", "test-artifacts"))
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy2(ROOT / "examples" / "lead-pipes" / "seeds" / "lead-pipes-explained.txt",
                 home / "my-article.txt")
    for command in shell_commands(document):
        if command.startswith("make "):
            target = command.split()[1]
            assert re.search(rf"^{re.escape(target)}:", MAKEFILE, re.M), command
            continue
        runnable = command.replace(".venv/bin/python", sys.executable)
        result = subprocess.run(["bash", "-c", runnable], cwd=project, capture_output=True,
                                text=True, env={**ENVIRONMENT, "HOME": str(home)}, timeout=300)
        assert result.returncode == 0, f"{command}\n{result.stderr[-2000:]}"
