"""The package's floor plan (explainer/__init__.py): stage folders, imports that run one way.

The vocabulary (explainer/*.py but pipeline.py) imports none of the stages; each stage imports
the vocabulary and the stages before it, never one after it; no two modules import each other
in a loop; every stage folder says in its __init__ what it owns and what it may import, and
imports nothing there itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

from project_tools import ROOT

PACKAGE = ROOT / "explainer"
# In pipeline order: a module may import its own layer and the layers before it.
LAYERS = ("vocabulary", "read", "understand", "render", "pipeline", "editor", "mkdocs_site")


def layer_of(module: str) -> str:
    """"explainer.render.views" → "render"; "explainer.model" → "vocabulary"."""
    parts = module.split(".")
    if len(parts) > 2:
        return parts[1]
    return "pipeline" if parts[1:] == ["pipeline"] else "vocabulary"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """The package's modules a file imports, at any depth of the file (lazy imports count)."""
    own = module_name(path)
    package = own if path.name == "__init__.py" else own.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            if base.startswith("explainer"):
                for alias in node.names:
                    candidate = f"{base}.{alias.name}"
                    found.add(candidate if known(candidate) else base)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("explainer")}
    return {module for module in found if module != "explainer"}


def known(module: str) -> bool:
    relative = Path(*module.split("."))
    return (ROOT / relative).with_suffix(".py").is_file() or (ROOT / relative / "__init__.py").is_file()


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: {m for m in imported_modules(path) if m in MODULES} for name, path in MODULES.items()}


def test_every_module_lives_in_a_known_layer():
    assert {layer_of(name) for name in MODULES if name != "explainer"} <= set(LAYERS)
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == {"read", "understand", "render", "editor", "mkdocs_site"}


def test_imports_never_run_up_the_stages():
    upward = [f"{name} imports {target}" for name, targets in GRAPH.items() for target in targets
              if LAYERS.index(layer_of(target)) > LAYERS.index(layer_of(name))]
    assert upward == []


def test_no_import_cycles():
    def cycle_from(start: str, path: tuple[str, ...]) -> tuple[str, ...] | None:
        for target in sorted(GRAPH[start]):
            if target == path[0]:
                return path + (target,)
            if target not in path:
                found = cycle_from(target, path + (target,))
                if found:
                    return found
        return None

    cycles = [" → ".join(c) for name in GRAPH if (c := cycle_from(name, (name,)))]
    assert cycles == []


def test_each_stage_folder_says_what_it_owns_and_imports_nothing_itself():
    for init in PACKAGE.glob("*/__init__.py"):
        tree = ast.parse(init.read_text("utf-8"))
        docstring = ast.get_docstring(tree) or ""
        assert len(docstring.split()) >= 20, f"{init}: say what the folder owns"
        assert "import" in docstring.lower(), f"{init}: say what the folder may import"
        assert all(isinstance(node, ast.Expr) for node in tree.body), f"{init}: no code"


def test_tests_follow_the_same_layout():
    stage_tests = {p.parent.name for p in (ROOT / "tests").glob("*/test_*.py")}
    assert {"read", "understand", "render", "editor", "mkdocs_site"} <= stage_tests


def test_one_home_per_small_idea():
    """Folding a word, a date's first day and an anchor from a name each have one function
    (fold.fold, dates.first_day, urls.slug_of): nothing else decomposes accents or pads a date
    to its first day."""
    homes = {'"NFKD"': {"explainer.fold", "explainer.urls"}, '"NFD"': set(),
             '"-01-01"': {"explainer.dates"}, "-00-00": set()}
    for needle, allowed in homes.items():
        found = {name for name, path in MODULES.items() if needle in path.read_text("utf-8")}
        assert found <= allowed, f"{needle!r} in {sorted(found - allowed)}"
