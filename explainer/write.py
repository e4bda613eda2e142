"""Stage 5, write: the only code that changes `docs/`.

It writes only files whose bytes changed (so `mkdocs serve` does not rebuild for nothing),
refuses paths outside `docs/` and files it did not generate, removes the files it generated
before but no longer produces, and keeps a manifest of what it owns.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import WriteError

MANIFEST = ".explainer-manifest.json"


@dataclass(frozen=True)
class Plan:
    """What a write would do, relative to docs/."""

    changed: tuple[str, ...]  # new or different content
    stale: tuple[str, ...]  # generated before, not any more: to delete

    @property
    def empty(self) -> bool:
        return not self.changed and not self.stale


def safe_relative(path: str) -> PurePosixPath:
    """A generated path must stay inside docs/."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or path != pure.as_posix():
        raise WriteError(f"refusing to write {path!r}: generated paths must stay inside docs/")
    return pure


def read_manifest(docs_dir: Path) -> set[str]:
    """The files the generator wrote last time."""
    try:
        owned = json.loads((docs_dir / MANIFEST).read_text("utf-8"))["files"]
    except FileNotFoundError:
        return set()
    except (ValueError, KeyError, TypeError):
        raise WriteError(f"{docs_dir / MANIFEST}: unreadable manifest; restore it from git") from None
    return {p for p in owned if isinstance(p, str)}


def plan_write(docs_dir: Path, files: dict[str, str]) -> Plan:
    """Compare generated files with docs/ and decide what to change, refusing what isn't ours."""
    owned = read_manifest(docs_dir)
    changed = []
    for path, content in files.items():
        target = docs_dir / safe_relative(path)
        if target.exists() and path not in owned:
            raise WriteError(f"{target}: exists but was not generated; the generator won't "
                             "overwrite it: rename or remove it")
        if not target.exists() or target.read_bytes() != content.encode("utf-8"):
            changed.append(path)
    stale = sorted(p for p in owned - files.keys() if (docs_dir / safe_relative(p)).exists())
    return Plan(tuple(changed), tuple(stale))


def write_tree(docs_dir: Path, files: dict[str, str]) -> Plan:
    """Make docs/ hold exactly the generated files (and every hand-written file untouched)."""
    plan = plan_write(docs_dir, files)
    staged: list[tuple[Path, Path]] = []
    try:
        for path in plan.changed:  # stage everything first: a full disk changes nothing
            target = docs_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
            with os.fdopen(handle, "wb") as stream:
                stream.write(files[path].encode("utf-8"))
            staged.append((Path(temporary), target))
    except OSError:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)
    for path in plan.stale:
        (docs_dir / path).unlink()
        remove_empty_parents(docs_dir, (docs_dir / path).parent)
    manifest = json.dumps({"files": sorted(files)}, indent=1) + "\n"
    manifest_path = docs_dir / MANIFEST
    if not manifest_path.exists() or manifest_path.read_text("utf-8") != manifest:
        manifest_path.write_text(manifest, "utf-8")
    return plan


def remove_empty_parents(docs_dir: Path, folder: Path) -> None:
    while folder != docs_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
