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

from ..errors import WriteError

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
    # A backslash or a drive letter is a separator on Windows, where "..\\x" leaves docs/.
    if (pure.is_absolute() or ".." in pure.parts or not pure.parts or path != pure.as_posix()
            or "\\" in path or ":" in path or "\0" in path):
        raise WriteError(f"refusing to write {path!r}: generated paths must stay inside docs/")
    return pure


def target_path(docs_dir: Path, path: str) -> Path:
    """docs_dir / path, refusing a path that a symbolic link inside docs/ leads elsewhere."""
    target = docs_dir / safe_relative(path)
    if not target.resolve().is_relative_to(docs_dir.resolve()):
        raise WriteError(f"{target}: a symbolic link leads outside {docs_dir}; "
                         "the generator won't write there")
    return target


def new_file_mode() -> int:
    """The mode open() would give a new file; mkstemp's 0600 would hide pages from a web server."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def read_manifest(docs_dir: Path) -> set[str]:
    """The files the generator wrote last time."""
    try:
        owned = json.loads((docs_dir / MANIFEST).read_text("utf-8"))["files"]
    except FileNotFoundError:
        return set()
    except (ValueError, KeyError, TypeError):
        raise WriteError(f"{docs_dir / MANIFEST}: unreadable manifest; restore it from git"
                         ) from None
    return {p for p in owned if isinstance(p, str)}


def plan_write(docs_dir: Path, files: dict[str, str]) -> Plan:
    """Compare generated files with docs/ and decide what to change, refusing what isn't ours."""
    owned = read_manifest(docs_dir)
    changed = []
    for path, content in files.items():
        target = target_path(docs_dir, path)
        if target.exists() and path not in owned:
            raise WriteError(f"{target}: exists but was not generated; the generator won't "
                             "overwrite it: rename or remove it")
        if not target.exists() or target.read_bytes() != content.encode("utf-8"):
            changed.append(path)
    stale = sorted(p for p in owned - files.keys() if target_path(docs_dir, p).exists())
    return Plan(tuple(changed), tuple(stale))


def refused(target: Path, error: OSError, doing: str = "write this file into") -> WriteError:
    """An OSError met while writing `target`, as one line naming the page and the folder that
    refused it (not the temporary file the page was being staged in)."""
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # a folder that couldn't be made: its parent refused it
    return WriteError(f"{target}: can't {doing} {folder}: {error.strerror}")


def write_tree(docs_dir: Path, files: dict[str, str]) -> Plan:
    """Make docs/ hold exactly the generated files (and every hand-written file untouched)."""
    plan = plan_write(docs_dir, files)
    owned = read_manifest(docs_dir)
    contents = {docs_dir / path: files[path].encode("utf-8") for path in plan.changed}
    staged = stage_files(docs_dir, contents)  # a full disk fails here, having changed nothing
    try:
        # Claim the new files before they appear: a run that stops halfway must not leave
        # generated files the next run takes for hand-written ones and refuses to replace.
        write_manifest(docs_dir, owned | files.keys())
    except WriteError:
        discard(docs_dir, staged)
        raise
    for temporary, target in staged:
        try:
            os.replace(temporary, target)
        except OSError as error:
            discard(docs_dir, staged)
            raise refused(target, error) from None
    for path in plan.stale:
        try:
            (docs_dir / path).unlink()
        except OSError as error:
            raise refused(docs_dir / path, error, "remove this file from") from None
        remove_empty_parents(docs_dir, (docs_dir / path).parent)
    write_manifest(docs_dir, set(files))
    return plan


def stage_files(docs_dir: Path, contents: dict[Path, bytes]) -> list[tuple[Path, Path]]:
    """Write each file's bytes to a temporary file beside it: (temporary, target) pairs."""
    staged: list[tuple[Path, Path]] = []
    mode = new_file_mode()
    for target, content in contents.items():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
            staged.append((Path(temporary), target))
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.chmod(temporary, mode)
        except OSError as error:
            discard(docs_dir, staged)
            raise refused(target, error) from None
    return staged


def discard(docs_dir: Path, staged: list[tuple[Path, Path]]) -> None:
    """Remove staged temporary files, and the folders made for them, after a failure."""
    for temporary, _ in staged:
        temporary.unlink(missing_ok=True)
        remove_empty_parents(docs_dir, temporary.parent)


def write_manifest(docs_dir: Path, paths: set[str]) -> None:
    """Record the generated files, replacing the manifest atomically and only if it changed."""
    manifest = json.dumps({"files": sorted(paths)}, indent=1) + "\n"
    path = docs_dir / MANIFEST
    if path.exists() and path.read_text("utf-8") == manifest:
        return
    [(temporary, _)] = stage_files(docs_dir, {path: manifest.encode("utf-8")})
    try:
        os.replace(temporary, path)
    except OSError as error:
        discard(docs_dir, [(temporary, path)])
        raise refused(path, error) from None


def remove_empty_parents(docs_dir: Path, folder: Path) -> None:
    """Remove folders left empty, up to (not including) docs/."""
    while folder != docs_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
