"""Stage 1, load: read the articles and the editorial data in a seeds folder, checking everything.

Nothing here interprets article text: it is decoded, checked for characters a page can't show,
and cut into a title and paragraphs that remember the line they started on.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from pydantic import ValidationError

from .errors import InputError
from .model import ArticleMeta, RawArticle, RawParagraph, SourceSpan
from .schema import DATA_FILES, REQUIRED_DATA_FILES, SLUG_PATTERN, ArticleMetaFile, Strict

ARTICLE_SUFFIXES = (".txt", ".md")
META_SUFFIX = ".meta.yml"

# C0/C1 control characters other than tab and newline cannot be shown on a page, and
# Python-Markdown uses STX/ETX internally as placeholders.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
BLANK_LINES = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")


def find_articles(seeds_dir: Path) -> list[Path]:
    """The article files in a seeds folder, in a stable order."""
    return sorted(p for p in seeds_dir.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.is_file())


def display_path(path: Path) -> str:
    """The path as the user should see it in a message: relative to the current folder if possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# ---- articles ---------------------------------------------------------------------------------


def decode_article(data: bytes, where: str) -> str:
    """Bytes → text: UTF-8 (a BOM is allowed), newlines normalised, control characters refused."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{where}:{line}",
            f"byte 0x{data[error.start]:02X} at offset {error.start} is not UTF-8; "
            "save the file as UTF-8",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = CONTROL_CHARACTER.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise InputError(
            f"{where}:{line}:{column}",
            f"control character U+{ord(bad.group()):04X} can't be shown on a page; remove it",
        )
    return text


def split_plain_text(text: str, where: str) -> tuple[str, list[RawParagraph]]:
    """A plain-text article: the first line is the title, blank lines separate paragraphs."""
    paragraphs: list[RawParagraph] = []
    position = 0
    for block in BLANK_LINES.split(text):
        start = text.index(block, position)
        position = start + len(block)
        if block.strip():
            stripped_start = start + (len(block) - len(block.lstrip()))
            line = text.count("\n", 0, stripped_start) + 1
            paragraphs.append(RawParagraph(block.strip(), SourceSpan(where, line, stripped_start)))
    if not paragraphs:
        raise InputError(where, "the article is empty; put its title on the first line and "
                                "its paragraphs below, separated by blank lines")
    first, *rest = paragraphs
    title, _, body = first.text.partition("\n")
    if body.strip():
        body_start = first.source.offset + first.text.index(body.strip())
        rest.insert(0, RawParagraph(
            body.strip(), SourceSpan(where, first.source.line + 1, body_start)))
    if not rest:
        raise InputError(f"{where}:{first.source.line}",
                         "the article has a title but no paragraphs below it")
    return title.strip(), rest


def split_markdown(text: str, where: str) -> tuple[str, list[RawParagraph]]:
    """A Markdown article: the first heading is the title; every other block is a paragraph.

    Inline markup (emphasis, links) is dropped and raw HTML is kept as literal text.
    """
    parser = MarkdownIt("commonmark", {"html": False})
    tokens = parser.parse(text)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    blocks: list[tuple[str, int, bool]] = []  # (text, first line index, is heading)
    for index, token in enumerate(tokens):
        if token.type == "inline" and token.map:
            heading = index > 0 and tokens[index - 1].type == "heading_open"
            blocks.append((inline_text(token), token.map[0], heading))
        elif token.type in ("fence", "code_block", "html_block") and token.map:
            blocks.append((token.content, token.map[0], False))
    blocks = [(b, line, heading) for b, line, heading in blocks if b.strip()]
    if not blocks:
        raise InputError(where, "the article is empty; start it with a '# Title' heading")
    title_index = next((i for i, block in enumerate(blocks) if block[2]), 0)
    title = blocks[title_index][0].strip()
    paragraphs = [
        RawParagraph(body.strip(), SourceSpan(where, line + 1, line_starts[line]))
        for i, (body, line, _) in enumerate(blocks) if i != title_index
    ]
    if not paragraphs:
        raise InputError(f"{where}:{blocks[title_index][1] + 1}",
                         "the article has a title but no paragraphs below it")
    return title.replace("\n", " "), paragraphs


def inline_text(token) -> str:
    """The reader-visible text of a markdown-it inline token."""
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


def load_article(path: Path) -> RawArticle:
    """Read one article file and its optional `.meta.yml` side file."""
    where = display_path(path)
    slug = path.name[: -len(path.suffix)]
    if not re.match(SLUG_PATTERN, slug):
        raise InputError(where, "article file names become URLs: use lowercase letters, digits "
                                "and hyphens, e.g. seeds/turkey-s400-f35.txt")
    text = decode_article(path.read_bytes(), where)
    split = split_markdown if path.suffix == ".md" else split_plain_text
    title, paragraphs = split(text, where)
    meta_path = path.with_name(slug + META_SUFFIX)
    meta = ArticleMeta()
    if meta_path.exists():
        meta_file = load_data_file(meta_path, ArticleMetaFile)
        meta = ArticleMeta(meta_file.published, meta_file.outlet, meta_file.url)
    return RawArticle(slug, title, tuple(paragraphs), where, meta)


# ---- editorial data ---------------------------------------------------------------------------


def load_data_file(path: Path, schema: type[Strict]) -> Strict:
    """Parse and validate one YAML data file; all of its problems in one InputError."""
    where = display_path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(where, f"byte at offset {error.start} is not UTF-8; save as UTF-8") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise InputError(f"{where}{line}", f"YAML syntax: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise InputError(where, f"YAML syntax: {error}") from None
    try:
        return schema.model_validate(data if data is not None else {})
    except ValidationError as error:
        problems = [describe_problem(where, node, problem) for problem in error.errors()]
        raise InputError(problems[0][0], "; ".join(p[1] for p in problems)) from None


def describe_problem(where: str, root, problem: dict) -> tuple[str, str]:
    """One pydantic problem → (file:line, "key.path: message")."""
    location = [part for part in problem["loc"] if not str(part).startswith("function-")]
    key_path = format_key_path(location)
    line = line_of(root, location)
    message = problem["msg"]
    if problem["type"] == "extra_forbidden":
        message = "unknown key (check the spelling)"
    elif problem["type"] == "missing":
        message = "required key is missing"
    message = message.removeprefix("Value error, ")
    return (f"{where}:{line}" if line else where), f"{key_path or '(top level)'}: {message}"


def format_key_path(location: list) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def line_of(node, location: list) -> int | None:
    """The YAML line of the deepest node on a key path that exists."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in location:
        child = None
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == part), None)
            if pair is None:
                break
            line = pair[0].start_mark.line + 1
            child = pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
            line = child.start_mark.line + 1
        else:
            break
        node = child
    return line


def load_data(seeds_dir: Path) -> dict[str, Strict | None]:
    """Every known data file in the seeds folder, validated; None for an absent optional file."""
    data: dict[str, Strict | None] = {}
    for name, schema in DATA_FILES.items():
        path = seeds_dir / name
        if path.exists():
            data[name] = load_data_file(path, schema)
        elif name in REQUIRED_DATA_FILES:
            raise InputError(display_path(path), "missing: every explainer needs this file")
        else:
            data[name] = None
    return data


def normalise_name(text: str) -> str:
    """Case- and accent-insensitive form of a name, for duplicate checks."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
