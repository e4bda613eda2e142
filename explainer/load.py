"""Stage 1, load: read the articles and the editorial data in a seeds folder, checking everything.

Nothing here interprets article text: it is decoded, checked for characters a page can't show,
and cut into a title and paragraphs that remember the line they started on.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from pydantic import ValidationError

from .errors import InputError
from .furniture import Block, separate_furniture
from .model import ArticleMeta, Furniture, RawArticle, RawParagraph, SourceSpan
from .schema import (CONTROL_CHARACTER, DATA_FILES, PATTERN_HINTS, REQUIRED_DATA_FILES,
                     SLUG_PATTERN, ArticleMetaFile, Strict)
from .seedfiles import (ARTICLE_LIMIT, DATA_LIMIT, META_SUFFIX, Listing, article_format,
                        article_slug, display_path, read_limited, require_file, shown)

# Matched whole: with re.match, SLUG_PATTERN's `$` would let a file name end in a newline.
ARTICLE_SLUG = re.compile(SLUG_PATTERN.removeprefix("^").removesuffix("$"))
BLANK_LINES = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")
# The data files need four levels (events → an event → its topics); anything much deeper is a
# mistake, and a bound keeps every walk over the tree far from Python's recursion limit.
MAX_DEPTH = 16
NULLS = {"", "~", "null", "Null", "NULL"}  # plain scalars YAML reads as "nothing"
# Tags that only say what a value already is. Any other (!!binary, !!set, !!python/...) would
# make a value the schema doesn't expect, or worse.
PLAIN_TAGS = {"!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


# ---- articles ---------------------------------------------------------------------------------


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


def decode_article(data: bytes, where: str) -> str:
    """Bytes → text: UTF-8 (a BOM is allowed), newlines normalised, control characters refused."""
    text = decode_utf8(data, where)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    refuse_control_characters(text, where)
    return text


def refuse_control_characters(text: str, where: str) -> None:
    """Stop at the first character a page can't show, naming its line and column."""
    bad = CONTROL_CHARACTER.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise InputError(
            f"{where}:{line}:{column}",
            f"control character U+{ord(bad.group()):04X} can't be shown on a page; remove it",
        )


def split_plain_text(text: str, where: str
                     ) -> tuple[str, list[RawParagraph], list[Furniture]]:
    """A plain-text article: the first line is the title, blank lines separate paragraphs;
    a byline, dateline and subheadings are set apart as furniture (explainer/furniture.py)."""
    paragraphs: list[RawParagraph] = []
    position, line, counted = 0, 1, 0
    for block in BLANK_LINES.split(text):
        start = text.index(block, position)
        position = start + len(block)
        stripped_start = start + (len(block) - len(block.lstrip()))
        # Count lines since the previous block only: counting from the top is quadratic.
        line += text.count("\n", counted, stripped_start)
        counted = stripped_start
        if block.strip():
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
    paragraphs, furniture = separate_furniture([Block(p) for p in rest], plain_text=True)
    return title.strip(), paragraphs, furniture


def split_markdown(text: str, where: str
                   ) -> tuple[str, list[RawParagraph], list[Furniture]]:
    """A Markdown article: the first heading is the title, other headings are subheadings, a
    byline and dateline are set apart as furniture; every other block is a paragraph.

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
    body = [
        Block(RawParagraph(block.strip(), SourceSpan(where, line + 1, line_starts[line])), heading)
        for i, (block, line, heading) in enumerate(blocks) if i != title_index
    ]
    paragraphs, furniture = separate_furniture(body, plain_text=False)
    if not paragraphs:
        raise InputError(f"{where}:{blocks[title_index][1] + 1}",
                         "the article has a title but no paragraphs below it")
    return title.replace("\n", " "), paragraphs, furniture


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


def load_article(path: Path, meta_path: Path | None = None) -> RawArticle:
    """Read one article file and its `.meta.yml` side file (found beside it when not given)."""
    where = display_path(path)
    slug = article_slug(path)
    if not ARTICLE_SLUG.fullmatch(slug):
        raise InputError(where, "article file names become URLs: use lowercase letters, digits "
                                "and hyphens, e.g. seeds/turkey-s400-f35.txt")
    require_file(path, "article")
    text = decode_article(read_limited(path, ARTICLE_LIMIT, "an article"), where)
    split = split_markdown if article_format(path) == "markdown" else split_plain_text
    title, paragraphs, furniture = split(text, where)
    if meta_path is None and os.path.lexists(path.with_name(slug + META_SUFFIX)):
        meta_path = path.with_name(slug + META_SUFFIX)
    meta = ArticleMeta()
    if meta_path is not None:
        require_file(meta_path, "meta")
        meta_file = load_data_file(meta_path, ArticleMetaFile)
        meta = ArticleMeta(meta_file.published, meta_file.outlet, meta_file.url)
    # Pages and explainer.json cite the file as `<seeds folder>/<file>`, whatever the working
    # directory: the same inputs give the same bytes on every machine.
    label = f"{path.parent.name}/{path.name}"
    paragraphs = [replace(p, source=replace(p.source, file=label)) for p in paragraphs]
    furniture = [replace(f, source=replace(f.source, file=label)) for f in furniture]
    return RawArticle(slug, title, tuple(paragraphs), label, meta, tuple(furniture))


# ---- editorial data ---------------------------------------------------------------------------


# libyaml's parser when PyYAML has it: 20 times faster, which `mkdocs serve` feels on every save.
SafeLoader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


class DataLoader(SafeLoader):
    """PyYAML's safe loader, except that every plain value stays text for the schema to check.

    Every field of the data files is text, so YAML 1.1's guesses only hurt: an unquoted
    2019-02-30 would crash the date resolver, `0x7E3` would pass as the year 2019, `NO` (Norway)
    would become False. Only an empty value still means "none".
    """


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


def yaml_problem(where: str, error: yaml.YAMLError) -> InputError:
    """A PyYAML error as one line with the file, line and column."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return InputError(where, f"YAML syntax: {' '.join(str(error).split())}")
    mark = error.problem_mark or error.context_mark
    line = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
    message = error.problem or error.context
    # An unclosed bracket or quote is noticed lines later: name the line where it opened.
    opened = error.context_mark if error.problem and error.context else None
    if opened and mark and opened.line != mark.line:
        message += f" ({error.context} from line {opened.line + 1})"
    return InputError(f"{where}{line}", f"YAML syntax: {message}")


class KeyPath:
    """Where the YAML event stream is, as a key path (["events", 2, "topics"]), kept while
    the stream is read, so that a refusal can name the key as well as the line."""

    def __init__(self) -> None:
        self.frames: list[list] = []  # [is_mapping, key or index, expecting a key]

    def parts(self) -> list:
        return [frame[1] for frame in self.frames if not (frame[0] and frame[2])]

    def at_key(self) -> bool:
        return bool(self.frames) and self.frames[-1][0] and self.frames[-1][2]

    def scalar(self, value: str) -> None:
        if self.frames and self.frames[-1][0] and self.frames[-1][2]:
            self.frames[-1][1] = value
        self.node_done()

    def open(self, is_mapping: bool) -> None:
        if self.frames and self.frames[-1][0] and self.frames[-1][2]:
            self.frames[-1][1] = "?"  # a mapping or list used as a key
        self.frames.append([is_mapping, None if is_mapping else 0, True])

    def close(self) -> None:
        self.frames.pop()
        self.node_done()

    def node_done(self) -> None:
        if not self.frames:
            return
        frame = self.frames[-1]
        if frame[0]:
            frame[2] = not frame[2]
        else:
            frame[1] += 1


def check_events(text: str, where: str) -> None:
    """Read the YAML event stream once, refusing aliases, tags and nesting deeper than MAX_DEPTH.

    Aliases are what a "billion laughs" file and a list that contains itself are made of; the
    data files never need them. Checking the flat event stream, before any tree is built,
    keeps both from costing more than one pass over the text."""
    loader = DataLoader(text)
    path = KeyPath()
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return
            at = f"{where}:{event.start_mark.line + 1}:{event.start_mark.column + 1}"
            key = format_key_path(path.parts()) or "(top level)"
            if isinstance(event, yaml.AliasEvent):
                raise InputError(at, f"{key}: YAML alias *{event.anchor}: aliases aren't "
                                     "allowed in data files; write the value out in full")
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in PLAIN_TAGS:
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                raise InputError(at, f"{key}: YAML tag {shown}: tags aren't allowed in data "
                                     "files; write plain text")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(path.frames) >= MAX_DEPTH:
                    raise InputError(at, f"{key}: nested more than {MAX_DEPTH} levels deep; the "
                                         "data files need at most 4")
                path.open(isinstance(event, yaml.MappingStartEvent))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                path.close()
            elif isinstance(event, yaml.ScalarEvent):
                if path.at_key() and event.implicit[0] and event.value in NULLS:
                    raise InputError(at, f"{key}: a key with no name; write the key's name "
                                         "before the colon")
                path.scalar(event.value)
    except yaml.YAMLError as error:
        raise yaml_problem(where, error) from None
    finally:
        loader.dispose()


def parse_yaml(text: str, where: str):
    """YAML text → (node tree, data), every way it can fail as one InputError."""
    refuse_control_characters(text.replace("\r\n", "\n").replace("\r", "\n"), where)
    check_events(text, where)
    loader = DataLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    except yaml.YAMLError as error:
        raise yaml_problem(where, error) from None
    except RecursionError:  # can't happen within MAX_DEPTH; never let it escape as a traceback
        raise InputError(where, "YAML nested too deeply") from None
    except (ValueError, TypeError) as error:  # a tagged value that isn't one: !!float abc
        raise InputError(where, f"YAML value: {error}") from None
    finally:
        loader.dispose()


def duplicate_key(node, location: list) -> tuple[list, int] | None:
    """(key path, line) of the first key that repeats in a mapping: YAML keeps only the last."""
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value in seen:
                return location + [key.value], key.start_mark.line + 1
            seen.add(key.value if isinstance(key, yaml.ScalarNode) else id(key))
            found = duplicate_key(value, location + [key.value])
            if found:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found = duplicate_key(item, location + [index])
            if found:
                return found
    return None


def load_data_file(path: Path, schema: type[Strict]) -> Strict:
    """Parse and validate one YAML data file; all of its problems in one InputError."""
    where = display_path(path)
    node, data = parse_yaml(decode_utf8(read_limited(path, DATA_LIMIT, "a data file"), where),
                            where)
    duplicate = duplicate_key(node, [])
    if duplicate:
        raise InputError(f"{where}:{duplicate[1]}", f"{format_key_path(duplicate[0])}: "
                                                    "appears twice; keep one")
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
    elif problem["type"] == "string_pattern_mismatch":
        message = PATTERN_HINTS.get(problem["ctx"]["pattern"], message)
    message = message.removeprefix("Value error, ")
    return (f"{where}:{line}" if line else where), f"{key_path or '(top level)'}: {message}"


def format_key_path(location: list) -> str:
    """["events", 2, "date"] → "events[2].date", printable whatever the keys hold."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return shown(text)


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


def locate(path: Path, location: list) -> str:
    """`file:line` of a key path in a data file, for problems found after validation."""
    where = display_path(path)
    try:
        node, _ = parse_yaml(decode_utf8(read_limited(path, DATA_LIMIT, "a data file"), where),
                             where)
    except InputError:  # validated already: only a file changed meanwhile gets here
        return where
    line = line_of(node, location)
    return f"{where}:{line}" if line else where


def load_data(seeds_dir: Path, listing: Listing | None = None) -> dict[str, Strict | None]:
    """Every known data file in the seeds folder, validated; None for an absent optional file.

    `listing` is the folder's scan (seedfiles.scan_seeds); without one, each data file that is
    there is checked on its own by the same rules."""
    data: dict[str, Strict | None] = {}
    for name, schema in DATA_FILES.items():
        path = seeds_dir / name
        present = name in listing.data if listing else os.path.lexists(path)
        if present:
            if listing is None:
                require_file(path, "data")
            data[name] = load_data_file(path, schema)
        elif name in REQUIRED_DATA_FILES:
            raise InputError(display_path(path), "missing: every explainer needs this file")
        else:
            data[name] = None
    return data
