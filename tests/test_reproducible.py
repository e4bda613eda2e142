"""Reproducible builds: the same inputs give the same bytes, and `--check` only looks.

The generator runs in subprocesses with a different locale, time zone and hash seed, on seed
folders whose files were created in opposite orders (so the file system lists them
differently); the generated trees, explainer.json included, must be byte-identical.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from project_tools import ROOT, TURKEY

ENVIRONMENTS = {
    "C locale, UTC, hash seed 0": {
        "LC_ALL": "C", "LANG": "C", "TZ": "UTC", "PYTHONHASHSEED": "0"},
    "C.UTF-8 locale, UTC+14, hash seed 4242": {
        "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "Pacific/Kiritimati",
        "PYTHONHASHSEED": "4242"},
    "POSIX locale, UTC-3:30, random hash seed": {
        "LC_ALL": "POSIX", "LANG": "POSIX", "TZ": "America/St_Johns",
        "PYTHONHASHSEED": "random"},
}


def copy_seeds(project: Path, reverse: bool) -> Path:
    """The Turkey fixture story in a new project folder, files created in the given order."""
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    for index, source in enumerate(sorted(TURKEY.iterdir(), reverse=reverse)):
        shutil.copyfile(source, seeds / source.name)
        os.utime(seeds / source.name, (1_000_000 * (index + 1),) * 2)
    return project


def run_build(project: Path, docs: Path, *options: str, environment: dict | None = None
              ) -> subprocess.CompletedProcess:
    """`python build.py` for a project folder (run from it, as an editor would)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--seeds", "seeds", "--docs", str(docs),
         "--templates", str(ROOT / "templates"), *options],
        cwd=project, env={**clean, **(environment or {})}, capture_output=True, text=True,
        timeout=120,
    )


def tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under a folder, dotfiles included: relative path → (bytes, mtime)."""
    return {path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


def contents(folder: Path) -> dict[str, bytes]:
    return {path: data for path, (data, _) in tree(folder).items()}


@pytest.fixture
def fresh_docs(tmp_path) -> tuple[Path, Path]:
    """A project folder with the Turkey fixture story, and a docs folder freshly generated."""
    project = copy_seeds(tmp_path / "project", reverse=False)
    docs = tmp_path / "docs"
    result = run_build(project, docs)
    assert result.returncode == 0, result.stderr
    return project, docs


def test_same_inputs_give_identical_bytes_in_any_environment(tmp_path):
    trees = {}
    for number, (name, environment) in enumerate(ENVIRONMENTS.items()):
        project = copy_seeds(tmp_path / f"project{number}", reverse=number % 2 == 1)
        docs = tmp_path / f"docs{number}"
        result = run_build(project, docs, environment=environment)
        assert result.returncode == 0, f"{name}: {result.stderr}"
        trees[name] = contents(docs)
    first, *others = trees.values()
    assert "explainer.json" in first and "topics/s-400-purchase.md" in first
    for name, other in zip(list(trees)[1:], others):
        assert sorted(other) == sorted(first), name
        differing = [path for path in first if other[path] != first[path]]
        assert not differing, f"{name}: {differing} differ from {list(trees)[0]}"


def test_output_does_not_depend_on_the_working_directory(fresh_docs, tmp_path):
    project, docs = fresh_docs
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other_docs = tmp_path / "other-docs"
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--seeds", str(project / "seeds"),
         "--docs", str(other_docs), "--templates", str(ROOT / "templates")],
        cwd=elsewhere, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert contents(other_docs) == contents(docs)


def test_check_passes_on_fresh_docs_and_writes_nothing(fresh_docs):
    project, docs = fresh_docs
    before = tree(docs)
    result = run_build(project, docs, "--check")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert tree(docs) == before


def test_check_names_out_of_date_files_and_writes_nothing(fresh_docs):
    project, docs = fresh_docs
    edited = docs / "topics" / "syria.md"
    edited.write_text(edited.read_text("utf-8") + "A hand edit.\n", "utf-8")
    (docs / "glossary.md").unlink()
    before = tree(docs)

    result = run_build(project, docs, "--check")

    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        f"out of date: {docs / 'glossary.md'}",
        f"out of date: {edited}",
    ]
    assert "Traceback" not in result.stderr
    assert tree(docs) == before  # same files, same bytes, same modification times


def test_check_on_missing_docs_writes_nothing(tmp_path):
    project = copy_seeds(tmp_path / "project", reverse=False)
    docs = tmp_path / "docs"
    result = run_build(project, docs, "--check")
    assert result.returncode == 1
    assert not docs.exists()


def test_a_second_build_rewrites_nothing(fresh_docs):
    project, docs = fresh_docs
    before = tree(docs)
    result = run_build(project, docs)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 file(s) written, 0 removed")
    assert tree(docs) == before  # unchanged mtimes: mkdocs serve sees no change to rebuild for
