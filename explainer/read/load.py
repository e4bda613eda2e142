"""Stage 1, load (articles): read the article files of a seeds folder, checking everything.

Nothing here interprets article text: it is decoded, checked for characters a page can't hold,
and cut into a title and paragraphs that remember the line they started on. A saved web page
is read by webpage.py, which also gives what the page says about the article (date, outlet,
address); the article's `.meta.yml`, when there is one, wins value by value.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..characters import refuse_unfit_characters, refuse_unfit_value
from ..errors import InputError
from ..memo import per_content
from ..model import ArticleMeta, Furniture, RawArticle, RawParagraph, SourceSpan
from ..urls import slug_of
from .data import load_data_file
from .furniture import END_MARK, Block, published_by_its_date_line, separate_furniture
from .schema import RESERVED_SLUG, SLUG_PATTERN, ArticleMetaFile
from .seedfiles import (
    ARTICLE_LIMIT,
    META_SUFFIX,
    article_format,
    article_slug,
    decode_utf8,
    display_path,
    read_limited,
    require_file,
)
from .webpage import webpage_article

# Matched whole: with re.match, SLUG_PATTERN's `$` would let a file name end in a newline.
ARTICLE_SLUG = re.compile(SLUG_PATTERN.removeprefix("^").removesuffix("$"))
BLANK_LINES = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")

# ---- articles ---------------------------------------------------------------------------------


def decode_article(data: bytes, where: str) -> str:
    """Bytes → text: UTF-8 (a BOM is allowed), newlines normalised, characters no page or feed
    can hold refused (explainer/characters.py)."""
    text = decode_utf8(data, where)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    refuse_unfit_characters(text, where)
    return text.replace(SOFT_HYPHEN, "")  # a line-breaking hint ("evac\u00aduations"), no letter


SOFT_HYPHEN = "\u00ad"


def split_plain_text(text: str, where: str
                     ) -> tuple[str, list[RawParagraph], list[Furniture]]:
    """A plain-text article: the first line is the title, blank lines separate paragraphs;
    a byline, dateline and subheadings are set apart as furniture (explainer/read/furniture.py)."""
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
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = parser.parse(text)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    source_lines = text.split("\n")
    blocks: list[tuple[str, int, bool]] = []  # (text, first line index, is heading)
    tables: list[Furniture] = []  # a table's cells are no sentences: left out, with a note
    in_table = False
    for index, token in enumerate(tokens):
        if token.type in ("table_open", "table_close"):
            in_table = token.type == "table_open"
            if in_table and token.map:
                rows = source_lines[token.map[0]:token.map[1]]
                tables.append(Furniture("table", " / ".join(r.strip() for r in rows),
                                        SourceSpan(where, token.map[0] + 1,
                                                   line_starts[token.map[0]])))
        elif in_table:
            continue
        elif token.type == "inline" and token.map:
            heading = index > 0 and tokens[index - 1].type == "heading_open"
            source_line = source_lines[token.map[0]].strip()
            if heading and END_MARK.fullmatch(source_line):  # a release's "###", "# # #"
                blocks.append((source_line, token.map[0], False))
            else:
                blocks.append((inline_text(token), token.map[0], heading))
        elif token.type in ("fence", "code_block", "html_block") and token.map:
            blocks.append((token.content, token.map[0], False))
    blocks = [(b, line, heading) for b, line, heading in blocks if b.strip()]
    for block, line, _ in blocks:  # a character reference (&#12;) is a character only now
        refuse_unfit_value(block, f"{where}:{line + 1}")
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
    return title.replace("\n", " "), paragraphs, furniture + tables


def inline_text(token: Token) -> str:
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


@per_content(maxsize=4096)  # under `mkdocs serve` a save splits only the article that changed
def split_article(data: bytes, form: str, where: str
                  ) -> tuple[str, tuple[RawParagraph, ...], tuple[Furniture, ...]]:
    """An article file's bytes → its title, paragraphs and furniture."""
    split = split_markdown if form == "markdown" else split_plain_text
    title, paragraphs, furniture = split(decode_article(data, where), where)
    return title, tuple(paragraphs), tuple(furniture)


def load_article(path: Path, meta_path: Path | None = None) -> RawArticle:
    """Read one article file and its `.meta.yml` side file (found beside it when not given)."""
    where = display_path(path)
    slug = article_slug(path)
    if not ARTICLE_SLUG.fullmatch(slug):
        renamed = path.with_name(slug_of(slug)[:80] + path.suffix.lower())
        raise InputError(where, "article file names become URLs: use lowercase letters, digits "
                                f"and hyphens, e.g. {display_path(renamed)}")
    if slug == RESERVED_SLUG:
        raise InputError(where, "articles/index/ is the page that lists the articles; rename "
                                "the file")
    require_file(path, "article")
    data = read_limited(path, ARTICLE_LIMIT, "an article")
    if article_format(path) == "webpage":  # the page also says when, where and by whom
        title, paragraphs, furniture, meta = webpage_article(data, where)
    else:
        title, paragraphs, furniture = split_article(data, article_format(path), where)
        meta = ArticleMeta(published_by_its_date_line(furniture))
    if not any(re.search(r"[^\W_]", paragraph.text) for paragraph in paragraphs):
        raise InputError(where, "the article has no words below its title, only marks; "
                                "put its paragraphs below the title")
    if not re.search(r"[^\W_]", title):
        raise InputError(where, "the title has no letter or digit to show; "
                                "write the article's headline there (a .txt article's first line)")
    if meta_path is None and os.path.lexists(path.with_name(slug + META_SUFFIX)):
        meta_path = path.with_name(slug + META_SUFFIX)
    if meta_path is not None:  # the editor's side file wins, value by value
        require_file(meta_path, "meta")
        meta_file = load_data_file(meta_path, ArticleMetaFile)
        meta = ArticleMeta(meta_file.published or meta.published,
                           meta_file.outlet or meta.outlet, meta_file.url or meta.url)
        if meta_file.published:  # the editor settled the page's two dates
            furniture = tuple(f for f in furniture if f.kind != "page date")
    # Pages and explainer.json cite the file as `<seeds folder>/<file>`, whatever the working
    # directory: the same inputs give the same bytes on every machine.
    label = f"{path.parent.name}/{path.name}"
    return RawArticle(slug, title,
                      tuple(replace(p, source=replace(p.source, file=label)) for p in paragraphs),
                      label, meta,
                      tuple(replace(f, source=replace(f.source, file=label)) for f in furniture))
