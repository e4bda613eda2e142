"""The seeds folder is untrusted input: which of its entries are read, and how they are read.

Only regular files directly inside the folder are read, and a link only when it leads to a
regular file inside the folder. A pipe, a device, a socket, a link leading outside or to nothing,
or a folder where an article or data file belongs stops the build with one line naming it.
Every other entry is named in a warning: nothing is ignored without a word. Names starting with
a dot are hidden (editor swap files, .DS_Store) and skipped, as MkDocs skips them in docs/.

Sizes are checked before reading, from a descriptor opened with O_NONBLOCK (a pipe that slipped
in can't block the open), and no more than the limit plus one byte is ever read. This module
imports nothing heavy: the build cache fingerprints the folder by the same rules without
loading the pipeline.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..characters import CONTROLS, NONCHARACTERS, SURROGATES
from ..errors import InputError
from ..memo import per_content
from ..model import Problem

# Suffix (matched without regard to case) → how the article is written.
ARTICLE_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                   ".html": "webpage", ".htm": "webpage"}
META_SUFFIX = ".meta.yml"
DATA_FILE_NAMES = ("explainer.yml", "topics.yml", "glossary.yml", "timeline.yml")
DRAFTS_FOLDER = "drafts"  # seeds/drafts/: data files drafted by `build.py --draft`
# The longest news features run to about 100 KB and a whole novel to about 1 MB; a 4 MB article
# builds in about 15 s. A data file is typed by hand: the real ones are under 10 KB, and a 1 MB
# one (a hundred times that) builds in under a second.
ARTICLE_LIMIT = 4_000_000
DATA_LIMIT = 1_000_000
KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
         stat.S_IFSOCK: "a socket"}


@dataclass(frozen=True)
class Listing:
    """What a seeds folder holds, by role. Paths are `seeds_dir / name`, as the user named them."""

    articles: tuple[Path, ...]  # sorted by name
    metas: dict[str, Path]  # article slug → its side file
    data: dict[str, Path]  # data file name → path, for the data files present
    warnings: tuple[Problem, ...]  # entries that are ignored, each named
    drafts: dict[str, Path] = field(default_factory=dict)  # drafted data files (seeds/drafts/)

    @property
    def read(self) -> tuple[Path, ...]:
        """Every file a build reads, in a fixed order."""
        return (*self.articles, *self.metas.values(), *self.data.values(),
                *self.drafts.values())


# Characters a file name or key may hold that must not reach a terminal as they are: control
# characters (an escape sequence can rewrite the screen), bidirectional overrides (which reorder
# the line), surrogates (the stand-ins for bytes that aren't UTF-8, or a YAML escape's; they
# can't even be printed) and noncharacters (invisible).
UNSHOWABLE = re.compile(
    f"[{CONTROLS}\x09\x0a\u202a-\u202e\u2066-\u2069{SURROGATES}{NONCHARACTERS}]")


def shown(text: str) -> str:
    """Text from a file name or key, safe to print: unshowable characters as escapes (\\x1b)."""
    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        if 0xdc80 <= code <= 0xdcff:  # a byte that isn't UTF-8, as os.listdir passes it on
            return f"\\x{code - 0xdc00:02x}"
        return match.group().encode("unicode_escape").decode("ascii")
    return UNSHOWABLE.sub(escape, text)


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the current folder if it is below it.

    Links are not followed: a link is named by its own name, never by where it leads."""
    return shown_path(os.fspath(path), os.getcwd())


@per_content(maxsize=8192)  # asked for every file on every build under `mkdocs serve`
def shown_path(path: str, cwd: str) -> str:
    absolute = Path(os.path.abspath(os.path.join(cwd, path)))
    try:
        return shown(absolute.relative_to(cwd).as_posix())
    except ValueError:
        return shown(Path(path).as_posix())


def article_suffix(name: str) -> str | None:
    """The article suffix a file name ends with, as written (".TXT"), or None."""
    suffix = os.path.splitext(name)[1]
    return suffix if suffix.lower() in ARTICLE_SUFFIXES else None


def article_slug(path: Path) -> str:
    """`turkey.TXT` → `turkey`: the part of the name that becomes the article's URL."""
    suffix = article_suffix(path.name)
    return path.name[: -len(suffix)] if suffix else path.stem


def article_format(path: Path) -> str:
    """"text", "markdown" or "webpage", from the suffix without regard to case."""
    return ARTICLE_SUFFIXES.get(os.path.splitext(path.name)[1].lower(), "text")


def role_of(name: str) -> str | None:
    """"article", "meta" or "data" by file name; None for a name the generator doesn't read."""
    if name.lower().endswith(META_SUFFIX) and len(name) > len(META_SUFFIX):
        return "meta"
    if name in DATA_FILE_NAMES:
        return "data"
    return "article" if article_suffix(name) else None


ROLE_NAMES = {"article": "an article file", "meta": "an article's side file",
              "data": "a data file"}


def entry_kind(path: Path, seeds_real: Path) -> str:
    """"file" or "folder" for an entry of the seeds folder; anything else is an InputError."""
    where = display_path(path)
    try:
        is_link = stat.S_ISLNK(os.lstat(path).st_mode)
        if is_link:
            real = Path(os.path.realpath(path))
            if not os.path.lexists(real) or not real.is_relative_to(seeds_real):
                target = os.readlink(path)
                if not os.path.exists(path):
                    raise InputError(where, f"a link to {shown(target)}, which doesn't exist; "
                                            "fix or remove the link")
                raise InputError(where, f"a link to {shown(str(real))}, outside the seeds "
                                        "folder; the generator reads only files inside it: "
                                        "copy the file in")
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(where, "a link that leads back to itself; remove it") from None
        raise InputError(where, f"can't be read: {error.strerror}") from None
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    raise InputError(where, f"{KINDS.get(stat.S_IFMT(mode), 'not a regular file')}, not a file; "
                            "the generator reads only regular files: remove it")


def scan_seeds(seeds_dir: Path) -> Listing:
    """Sort every entry of a seeds folder into articles, side files, data files and warnings,
    refusing (InputError) what can't safely be read or would make two pages share a URL."""
    where = display_path(seeds_dir)
    try:
        seeds_real = Path(os.path.realpath(seeds_dir))
        names = sorted(os.listdir(seeds_dir))
    except NotADirectoryError:
        raise InputError(where, "not a folder; name the folder that holds the articles") from None
    except FileNotFoundError:
        raise InputError(where, "no such folder") from None
    except OSError as error:
        raise InputError(where, f"can't be read: {error.strerror}") from None
    articles: list[Path] = []
    metas: dict[str, Path] = {}
    data: dict[str, Path] = {}
    warnings: list[Problem] = []
    drafts: dict[str, Path] = {}
    for name in names:
        if name.startswith("."):
            continue
        path = seeds_dir / name
        kind, role = entry_kind(path, seeds_real), role_of(name)
        if kind == "folder" and name == DRAFTS_FOLDER:
            drafts, ignored = scan_drafts(path)
            warnings += ignored
        elif kind == "folder":
            if role:
                raise InputError(display_path(path), f"a folder, where {ROLE_NAMES[role]} "
                                                     "belongs; rename or remove it")
            warnings.append(Problem(display_path(path), "a folder; the generator reads only "
                                    "the files directly in the seeds folder, so it is ignored"))
        elif role == "article":
            articles.append(path)
        elif role == "meta":
            metas[name[: -len(META_SUFFIX)]] = path
        elif role == "data":
            data[name] = path
        else:
            warnings.append(Problem(display_path(path), ignored_reason(name)))
    refuse_shared_urls(articles)
    slugs = {article_slug(p) for p in articles}
    for slug, path in metas.items():
        if slug not in slugs:
            raise InputError(display_path(path), f"no article '{shown(slug)}' (.txt, .md, .html) "
                                                 "for this side file; rename it after its "
                                                 "article")
    return Listing(tuple(articles), metas, data, tuple(warnings), drafts)


def scan_drafts(folder: Path) -> tuple[dict[str, Path], list[Problem]]:
    """The data files drafted into seeds/drafts/, by the same rules as the seeds folder."""
    where = display_path(folder)
    try:
        real, names = Path(os.path.realpath(folder)), sorted(os.listdir(folder))
    except OSError as error:
        raise InputError(where, f"can't be read: {error.strerror}") from None
    drafts, warnings = {}, []
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        kind = entry_kind(path, real)
        if kind == "file" and name in DATA_FILE_NAMES:
            drafts[name] = path
        else:
            warnings.append(Problem(display_path(path), "not a drafted data file "
                                    f"({', '.join(DATA_FILE_NAMES)}), so it is ignored"))
    return drafts, warnings


def ignored_reason(name: str) -> str:
    """Why a file is not read, and what the editor may have meant."""
    lower = name.lower()
    stem = lower.rsplit(".", 1)[0]
    meant = next((known for known in DATA_FILE_NAMES
                  if lower == known or stem == known.removesuffix(".yml")), None)
    if meant:
        return f"not read; did you mean {meant}? (data files are named exactly as in the README)"
    if lower.endswith(".meta.yaml"):
        return f"not read; an article's side file is named <article>{META_SUFFIX}"
    return ("not an article (.txt, .md, .html, .text, .markdown, .htm) or a data file, so it "
            "is ignored")


def refuse_shared_urls(articles: list[Path]) -> None:
    """Two articles whose names differ only in suffix or case would be one page: refuse them."""
    seen: dict[str, Path] = {}
    for path in articles:
        key = article_slug(path).casefold()
        if key in seen:
            raise InputError(display_path(seen[key]),
                             f"{display_path(path)} would be published at the same address "
                             f"(articles/{article_slug(path)}/); rename or remove one of them")
        seen[key] = path


def read_limited(path: Path, limit: int, what: str, follow_links: bool = True) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else is an InputError.

    The size is checked before reading, and at most limit + 1 bytes are read, so a file that
    grows meanwhile (or a device) can't exhaust memory. O_NONBLOCK keeps a pipe from blocking;
    without `follow_links` a link is refused too (O_NOFOLLOW)."""
    where = display_path(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= os.O_NOFOLLOW
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(where, "a link that leads back to itself; remove it") from None
        raise InputError(where, f"can't be read: {error.strerror}") from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            kind = "a folder" if stat.S_ISDIR(status.st_mode) else \
                KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
            raise InputError(where, f"{kind}, not a file; the generator reads only regular files")
        if status.st_size > limit:
            raise too_big(where, status.st_size, limit, what)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(descriptor, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise too_big(where, size, limit, what)
        return b"".join(chunks)
    except OSError as error:
        raise InputError(where, f"can't be read: {error.strerror}") from None
    finally:
        os.close(descriptor)


def too_big(where: str, size: int, limit: int, what: str) -> InputError:
    return InputError(where, f"{size:,} bytes is more than {what} may hold ({limit:,} bytes); "
                             "split it or shorten it")


def read_seed(path: Path) -> bytes:
    """A seeds file's bytes, with the limit its kind of file has."""
    if role_of(path.name) == "article":
        return read_limited(path, ARTICLE_LIMIT, "an article")
    return read_limited(path, DATA_LIMIT, "a data file")


def require_file(path: Path, role: str) -> None:
    """Refuse anything but a regular file inside its own folder (the per-file form of the scan,
    for callers that read one named file: `--suggest`, the data files)."""
    if entry_kind(path, Path(os.path.realpath(path.parent))) == "folder":
        raise InputError(display_path(path), f"a folder, where {ROLE_NAMES[role]} belongs; "
                                             "rename or remove it")


# ---- reading text safely (articles and data files alike) ------------------------------------


def decode_utf8(data: bytes, where: str) -> str:
    """Bytes → text: UTF-8, with or without a BOM; anything else names the line and byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{where}:{line}",
            f"byte 0x{data[error.start]:02X} at offset {error.start} is not UTF-8; "
            "save the file as UTF-8",
        ) from None

