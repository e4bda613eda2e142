"""Stage 5, write: the only code that changes `docs/`.

It writes only files whose bytes changed (so `mkdocs serve` does not rebuild for nothing),
refuses paths outside `docs/` and files it did not generate, removes the files it generated
before but no longer produces (only if their bytes are still the ones it wrote), and keeps a
manifest of what it owns, with each file's SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import WriteError

MANIFEST = ".explainer-manifest.json"


@dataclass(frozen=True)
class Plan:
    """What a write would do, relative to docs/."""

    changed: tuple[str, ...]  # new or different content
    stale: tuple[str, ...]  # generated before, not any more: to delete
    kept: tuple[str, ...] = ()  # no longer generated, but changed since: left in place

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
    return set(manifest_hashes(docs_dir))


def manifest_hashes(docs_dir: Path) -> dict[str, str | None]:
    """The files the generator wrote last time, each with the SHA-256 of the bytes it wrote
    (None in a manifest written before it recorded them)."""
    try:
        manifest = json.loads((docs_dir / MANIFEST).read_text("utf-8"))
        owned, hashes = manifest["files"], manifest.get("sha256", {})
        if not isinstance(hashes, dict):
            raise TypeError
    except FileNotFoundError:
        return {}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise WriteError(f"{docs_dir / MANIFEST}: unreadable manifest; restore it from git"
                         ) from None
    return {p: hashes.get(p) if isinstance(hashes.get(p), str) else None
            for p in owned if isinstance(p, str)}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
    stale: list[str] = []
    kept: list[str] = []
    for path, recorded in sorted(manifest_hashes(docs_dir).items()):
        if path in files:
            continue
        try:
            target = target_path(docs_dir, path)
        except WriteError as error:
            raise WriteError(f"{docs_dir / MANIFEST} lists {path!r}, which the generator never "
                             f"writes ({error}); restore the manifest from git") from None
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise WriteError(f"{docs_dir / MANIFEST} lists {path!r}, which is not a file the "
                             "generator wrote; restore the manifest from git")
        if not target.exists():
            continue
        # Only what the generator wrote, byte for byte, is removed: a page edited (or listed)
        # by hand stays where it is.
        (stale if recorded == sha256(target.read_bytes()) else kept).append(path)
    return Plan(tuple(changed), tuple(stale), tuple(kept))


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
    recorded = manifest_hashes(docs_dir)
    hashes = {path: sha256(content.encode("utf-8")) for path, content in files.items()}
    contents = {docs_dir / path: files[path].encode("utf-8") for path in plan.changed}
    staged = stage_files(docs_dir, contents)  # a full disk fails here, having changed nothing
    try:
        # Claim the new files before they appear: a run that stops halfway must not leave
        # generated files the next run takes for hand-written ones and refuses to replace.
        write_manifest(docs_dir, {**recorded, **hashes})
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
    write_manifest(docs_dir, hashes)  # what is kept is no longer the generator's
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


def write_manifest(docs_dir: Path, hashes: Mapping[str, str | None]) -> None:
    """Record the generated files and their bytes' SHA-256, replacing the manifest atomically
    and only if it changed."""
    manifest = json.dumps({"files": sorted(hashes),
                           "sha256": {p: h for p, h in sorted(hashes.items()) if h}},
                          indent=1) + "\n"
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
