"""Articles from saved web pages (`.html`, `.htm`): a browser's "Save page as… HTML only" or a
CMS export, read as if the editor had copied the article into a `.txt` and written its
`.meta.yml`.

The page is untrusted input. Its bytes are decoded as a browser would (a byte-order mark, else
the page's own `<meta charset>`, except that valid UTF-8 wins over a single-byte charset it
contradicts, else windows-1252), and handed as text to trafilatura, which separates the
article from menus, related links, comments and cookie banners and reads the title, author,
date, site name and canonical address from the page. Nothing on the page runs and nothing is
fetched: trafilatura is given the page's text, never an address, and only text comes back.

    read_webpage(data, where) → WebPage   (title, paragraphs with their lines, metadata)

A page that holds no article (no sentence of prose survives extraction) is refused with one
line naming the file, as are characters a page can't show.
"""

from __future__ import annotations

import codecs
import datetime
import html
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from ..characters import refuse_unfit_value
from ..errors import InputError
from ..escape import ADDRESS_IN_TEXT, is_web_address
from ..memo import per_content, per_process
from ..model import ArticleMeta, Furniture, RawParagraph, SourceSpan
from .furniture import (
    END_MARK,
    Block,
    is_byline,
    is_subheading,
    published_by_its_date_line,
    separate_furniture,
)
from .people import is_title_word
from .schema import DATE_FORM

if TYPE_CHECKING:  # trafilatura is imported when a page is read (extract), not before
    from lxml.etree import _Element
    from trafilatura.settings import Document

WHITESPACE = re.compile(r"\s+")
# The first 4 KB hold the <meta charset> of any real page (browsers look at the first 1 KB).
META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
# As browsers read them (the WHATWG Encoding Standard): these labels all mean windows-1252, and
# a page can't declare itself UTF-16 without a byte-order mark.
WINDOWS_1252_LABELS = frozenset(["iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1",
                                 "us-ascii", "ascii", "ansi_x3.4-1968", "cp1252",
                                 "windows-1252", "x-cp1252", "cp819", "ibm819"])
# Prose: a run of words that ends a sentence. A page whose extracted text has none is menus,
# buttons or a list of links, not an article.
SENTENCE = re.compile(r"[^\W\d_]+\W+\w+\W+\w+[^.!?…]*[.!?…]")
PROSE_MIN_LOWERCASE = 3
HEADING_MIN_WORDS = 4  # a leading heading shorter than this is a kicker ("Analysis"), not a title
OUTLET_MAX = 100


@dataclass(frozen=True)
class WebParagraph:
    text: str
    line: int  # the line of the page where it starts (best effort), 1 for the first
    heading: bool = False


@dataclass(frozen=True)
class WebPage:
    """What a saved page gives: the article's title and paragraphs, and what the page says
    about it (each None when the page doesn't say, or says something unusable)."""

    title: str
    paragraphs: tuple[WebParagraph, ...]
    above: tuple[str, ...] = ()  # lines above the story: a kicker, contacts, the date
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    left_out: tuple[WebParagraph, ...] = ()  # the site's notices in the body (page-boilerplate)
    tables: tuple[WebParagraph, ...] = ()  # the article's tables, their cells no sentences


# ---- bytes → text, as a browser reads them -----------------------------------------------------


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, lowercased, or None."""
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def windows_1252(data: bytes) -> str:
    """Bytes → text as windows-1252, where the five bytes it leaves undefined stand for the
    C1 control characters, as browsers decode them (the control check then names them)."""
    return data.decode("cp1252", errors="undefined-as-c1")


def _undefined_as_c1(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):  # registered for decoding only
        raise error
    return chr(error.object[error.start]), error.start + 1


codecs.register_error("undefined-as-c1", _undefined_as_c1)


# Codecs Python knows by a charset's name that no page is written in (browsers know none of
# them): read such a page as browsers read an unknown charset.
NOT_PAGE_CODECS = frozenset({"idna", "undefined", "unicode-escape", "raw-unicode-escape",
                             "punycode", "utf-7", "rot-13", "palmos"})


def written_in_pages(charset: str) -> bool:
    try:
        codec = codecs.lookup(charset)
    except LookupError:
        return False
    return codec.name not in NOT_PAGE_CODECS and getattr(codec, "_is_text_encoding", True)


def mostly_utf8(data: bytes) -> bool:
    """Whether a page's non-ASCII characters are mostly good UTF-8 (a stray byte or two among
    them), not another charset's text under a UTF-8 label (where none is)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return sum(1 for char in text if ord(char) > 127) - bad >= bad


def decode_page(data: bytes) -> str:
    """A saved page's bytes → its text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    declared = declared_charset(data)
    try:
        # Valid UTF-8 with any non-ASCII byte is almost never text in another charset: a page
        # saved as UTF-8 that still declares its old charset reads right this way.
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared in ("utf-8", "utf8") and mostly_utf8(data):
        # a UTF-8 page with a stray bad byte: one "�", as a browser shows it, not every
        # accented letter read as windows-1252 ("RÃ©sidents")
        return data.decode("utf-8", errors="replace")
    if declared is None or declared in WINDOWS_1252_LABELS or declared.startswith(("utf", "x-")) \
            or not written_in_pages(declared):
        return windows_1252(data)
    try:
        return data.decode(declared, errors="replace")
    except (LookupError, UnicodeError):
        # a charset Python doesn't know, or one no page is written in ("idna", "undefined"):
        # read it as browsers' default
        return windows_1252(data)


# ---- the article, by trafilatura ---------------------------------------------------------------


def plain(text: str) -> str:
    """Text as a reader sees it: every run of white space one space, no space at the ends, no
    soft hyphen (a line-breaking hint: "evac&shy;uations" is "evacuations")."""
    return WHITESPACE.sub(" ", text.replace("\u00ad", "")).strip()


def all_text(element: _Element) -> str:
    """An element's text and its descendants', in order (the tree was parsed from text: every
    piece is text, never bytes)."""
    return "".join(piece for piece in element.itertext() if isinstance(piece, str))


def inline_text(element: _Element) -> str:
    """An element's text with a single line break read as a space."""
    parts = [element.text or ""]
    for child in element:
        parts.append(" " if child.tag == "lb" else all_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def split_at_blank_lines(element: _Element) -> list[str]:
    """An element's text cut where two line breaks in a row (a blank line on the page) end a
    paragraph; a single line break stays a line break inside the paragraph, as in a .txt."""
    pieces: list[str] = []
    current, breaks = [element.text or ""], 0
    for child in element:
        if child.tag == "lb":
            breaks += 1
            if breaks == 2:
                pieces.append("".join(current))
                current = []
            else:
                current.append("\n")
        else:
            breaks = 0
            current.append(all_text(child))
        tail = child.tail or ""
        if tail.strip():
            breaks = 0
        current.append(tail)
    pieces.append("".join(current))
    return [lines for lines in map(plain_lines, pieces) if lines]


def plain_lines(text: str) -> str:
    """Text as a reader sees it, keeping its line breaks: each line plain, empty ones dropped."""
    return "\n".join(line for line in map(plain, text.split("\n")) if line)


CONTAINERS = frozenset(["list", "table", "row", "cell", "quote", "div", "section", "article"])


BLOCKS = frozenset(["p", "head", "list", "quote", "table"])


def holds_blocks(element: _Element) -> bool:
    """A list item made of paragraphs (a live blog's entry, a numbered list of updates): each
    its own paragraph, not one text with nothing between them ("Greece.The 59-year-old")."""
    return element.tag == "item" and any(child.tag in BLOCKS for child in element)


def body_blocks(body: _Element) -> list[tuple[str, bool]]:
    """trafilatura's article tree → (text, is heading) per paragraph, in reading order: each
    paragraph, heading, list item, quote; text left between them (a tail) is a paragraph too."""
    blocks: list[tuple[str, bool]] = []

    def add_text(text: str | None) -> None:
        if text and text.strip():
            blocks.append((plain_lines(text), False))

    def walk(element: _Element) -> None:
        add_text(element.text)
        for child in element:
            if (child.tag in CONTAINERS or holds_blocks(child)) and len(child):
                walk(child)
            elif child.tag == "head":
                text = plain(inline_text(child))
                if text:
                    blocks.append((text, True))
            elif child.tag != "lb":
                blocks.extend((text, False) for text in split_at_blank_lines(child))
            add_text(child.tail)

    walk(body)
    return blocks


def tables_in(document: Document | None) -> list[str]:
    """The text of each table of data in an article tree read with its tables, a row a line
    and its cells apart ("Alert Level | WARNING"); not a layout's column of one cell a row (a
    photo over its caption)."""
    if document is None or document.body is None:
        return []
    found = []
    for table in document.body.iter("table"):
        rows = [[text for cell in row.iter("cell") if (text := plain(inline_text(cell)))]
                for row in table.iter("row")]
        if any(len(cells) > 1 for cells in rows):
            found.append("\n".join(" | ".join(cells) for cells in rows if cells))
    return found


def holds_a_paragraph(table: str, paragraphs: list[str], words: int = 8) -> bool:
    """Whether a table holds one of the article's paragraphs (its first words): a layout's
    table, the article in its cells, not a table of the article's."""
    def folded(text: str) -> str:
        return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "
    inside = folded(table)
    return any(folded(" ".join(paragraph.split()[:words])) in inside for paragraph in paragraphs)


def extract(text: str, tables: bool = False) -> Document | None:
    """trafilatura's reading of a page: the article tree and metadata, or None.

    Balanced settings: precision mode drops whole articles of old table layouts, and recall
    mode lets menus in. Comments, tables (unless `tables`), images and links are left out;
    duplicates are kept (an article may quote a line twice)."""
    import trafilatura  # heavy (lxml, htmldate): only a build that reads a page pays for it
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=tables,
        include_images=False, include_links=False, include_formatting=False,
        deduplicate=False,
        # the page's own date (its tags, its markup), never one guessed from a year in its
        # text: an undated page dated 1 January 2019 put "on Monday" in 2018
        date_extraction_params={"extensive_search": False, "original_date": True})
    return document if isinstance(document, Document) else None  # (a dict only if asked)


FLATTENED_SHARE = 0.75  # of the article's text in one block ...
FLATTENED_CHARACTERS = 1500  # ... of more than this: paragraphs run together


def flattened(blocks: list[tuple[str, bool]]) -> bool:
    """Whether the article came out as one long block holding nearly all its text."""
    sizes = [len(text) for text, _ in blocks]
    return bool(sizes) and max(sizes) > FLATTENED_CHARACTERS \
        and max(sizes) >= FLATTENED_SHARE * sum(sizes)


def same_words(one: str, other: str) -> bool:
    """Whether two lines are the same words, whatever their case and punctuation."""
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.casefold())
    return words(one) == words(other)


def headline_and_blocks(title: str | None, blocks: list[tuple[str, bool]],
                        page_headlines: tuple[str, ...] = ()
                        ) -> tuple[str | None, list[tuple[str, bool]]]:
    """The article's title, and its blocks without a repeat of it.

    A heading that opens the article is its headline: it drops out when it repeats the page's
    title, and replaces a title that isn't the article's ("The White House Blog"), unless the
    page's own headline (`page_headlines`, its <h1>) is that title: then the heading opens a
    section ("Description of the situation")."""
    if blocks and blocks[0][1]:
        heading = blocks[0][0]
        if title and same_words(heading, title):
            return title, blocks[1:]
        if len(heading.split()) >= HEADING_MIN_WORDS and not (
                title and any(same_words(title, h) for h in page_headlines)):
            return heading, blocks[1:]
    return title, [block for block in blocks if not (title and same_words(block[0], title))]


def is_prose(text: str) -> bool:
    """Whether a block reads as prose: it holds a sentence of at least three words, and the
    small words prose is made of (a list of contacts, a release number or a kicker is
    capitalised throughout; its e-mail addresses, web addresses and telephone numbers are no
    words: "john.leary@noaa.gov" holds no sentence's end)."""
    text = CONTACT_DETAIL.sub(" ", text)
    lowercase = sum(word[0].islower() for word in text.split())
    return bool(SENTENCE.search(text)) and lowercase >= PROSE_MIN_LOWERCASE


CONTACT_DETAIL = re.compile(rf"{ADDRESS_IN_TEXT.pattern}|\(?\b\d{{3}}\)?[-. ]\d{{3}}[-.]\d{{4}}\b",
                            re.IGNORECASE)


def lines_above(blocks: list[tuple[str, bool]]) -> tuple[list[str], list[tuple[str, bool]]]:
    """The lines above the story (before its first paragraph of prose: a kicker, contacts, a
    release number, the date), and the blocks from the story on. Shown, not classified. The
    headings right above that paragraph open the story's first section ("Progress Made", then
    "North Track Excavation"): they are its subheadings, as the later ones are."""
    first = next((i for i, (text, heading) in enumerate(blocks)
                  if not heading and is_prose(text)), len(blocks))
    while 0 < first < len(blocks) and blocks[first - 1][1] and is_subheading(blocks[first - 1][0]):
        first -= 1
    above = [text for text, _ in blocks[:first]]
    return above, blocks[first:]


def is_page_label(text: str) -> bool:
    """A short line of the page's own, no sentence: a kicker, a breadcrumb, the kind of page
    ("Press Statement", "Briefing Room / Statements and Releases"); not a line that says
    something of this article alone: its byline, its date, its number ("RELEASE: 07-55")."""
    return is_subheading(text) and not is_byline(text) and not any(c.isdigit() for c in text)


def header_first(blocks: list[tuple[str, bool]], is_headline: Callable[[str], bool]
                 ) -> tuple[list[tuple[str, bool]], int | None]:
    """The blocks with the page's header first: its headline, with the short lines right above
    it (a kicker) and right under it (the author's credit, the date), where the extractor
    read them after the story's text; and where the headline now stands, if it is there."""
    at = next((i for i, (text, heading) in enumerate(blocks) if heading and is_headline(text)),
              None)
    if at is None:
        return blocks, None
    start = at
    while start > 0 and not is_prose(blocks[start - 1][0]):  # (a kicker may be set as a heading)
        start -= 1
    end = at + 1
    while end < len(blocks) and not blocks[end][1] and not is_prose(blocks[end][0]):
        end += 1
    return blocks[start:end] + blocks[:start] + blocks[end:], at - start


def folded_words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def headline_position(page: str, titles: list[str]) -> int | None:
    """Where the page's headline, its <h1>, stands in its source: the <h1> that the title
    holds, else the page's only one."""
    headlines = elements(page, "h1")
    for at, headline in headlines:
        if headline and any(folded_words(headline) in folded_words(t) for t in titles):
            return at
    return headlines[0][0] if len(headlines) == 1 else None


def source_position(page: str, text: str) -> int | None:
    """Where a line's first words stand in the page's source (after <body>), or None."""
    words = re.findall(r"[^\W_]+", text)[:5]
    body = re.search(r"<body\b", page, re.IGNORECASE)
    found = re.compile(BETWEEN_WORDS.join(map(re.escape, words))).search(
        page, body.start() if body else 0) if words else None
    return found.start() if found else None


def without_page_labels(blocks: list[tuple[str, bool]], page: str, titles: list[str],
                        headline_at: int | None) -> tuple[list[tuple[str, bool]], list[str]]:
    """The blocks without the page's labels, and those left out: a short line above the
    page's headline, before the story's first paragraph, is the page's kicker, breadcrumb or
    kind of page ("Press Statement", "Briefing Room / Statements and Releases"), which a
    reader takes for navigation, not the article; a date or a byline there stays. The
    headline is the extractor's heading that repeats it (`headline_at`), or the page's <h1>."""
    at = headline_position(page, titles)
    first = next((i for i, (text, heading) in enumerate(blocks)
                  if not heading and is_prose(text)), len(blocks))

    def above_the_headline(index: int, text: str) -> bool:
        if headline_at is not None:
            return index < headline_at
        position = source_position(page, text) if at is not None else None
        return position is not None and at is not None and position < at

    labels = [index for index, (text, _) in enumerate(blocks[:first])
              if is_page_label(text) and above_the_headline(index, text)
              and not any(same_words(text, title) for title in titles)]
    return ([block for index, block in enumerate(blocks) if index not in labels],
            [blocks[index][0] for index in labels])


LIST_MIN_ITEMS = 2


# A tag of the page, read up to the next "<" at most: a hostile page of a million "<a" with
# no end costs one pass, never one pass a tag.
PAGE_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)([^<>]*)>")
ELEMENT_TEXT_MAX = 2000


def elements(page: str, name: str) -> list[tuple[int, str]]:
    """Where each element of this name opens in the page's source, and the words it holds as
    a reader sees them (tags out, references read)."""
    found, opened = [], None
    for tag in PAGE_TAG.finditer(page):
        if tag.group(2).casefold() != name:
            continue
        if not tag.group(1):
            opened = tag
        elif opened is not None:
            inner = page[opened.end():tag.start()][:ELEMENT_TEXT_MAX]
            found.append((opened.start(), plain(html.unescape(re.sub(r"<[^<>]*>", " ", inner)))))
            opened = None
    return found


def link_texts(page: str) -> frozenset[str]:
    """The words of each link of the page, as a reader sees them."""
    return frozenset(text for _, text in elements(page, "a") if len(text.split()) >= 2)


def is_link_item(text: str, links: frozenset[str]) -> bool:
    """A line that is a link to another page, perhaps with its date or kind beside it
    ("On the Floods in Libya September 12, 2023"), and no sentence of its own."""
    return "\n" not in text and any(
        text.startswith(link) and not is_prose(text[len(link):]) for link in links)


def without_lists_of_links(blocks: list[tuple[str, bool]], page: str
                           ) -> tuple[list[tuple[str, bool]], list[str]]:
    """The blocks without a list of other pages under its own heading ("Related Articles",
    then the titles of three other articles, each a link): a list in which every item is a
    link, with no sentence beside it, is the site's, not the article's."""
    links = link_texts(page)
    kept: list[tuple[str, bool]] = []
    left_out: list[str] = []
    index = 0
    while index < len(blocks):
        end = index + 1
        while end < len(blocks) and not blocks[end][1]:
            end += 1
        items = [text for text, _ in blocks[index + 1:end]]
        if blocks[index][1] and len(items) >= LIST_MIN_ITEMS \
                and all(is_link_item(item, links) for item in items):
            left_out += [blocks[index][0]] + items
            index = end
        else:
            kept.append(blocks[index])
            index += 1
    return kept, left_out


def without_end_marks(blocks: list[tuple[str, bool]]
                      ) -> tuple[list[tuple[str, bool]], list[str]]:
    """The blocks without a release's end mark ("###", "-end-"), and what stands after the
    first one that follows the story's prose ("Was this page helpful?"): the page's, not the
    release's."""
    for index, (text, _) in enumerate(blocks):
        if END_MARK.fullmatch(text) and any(is_prose(b) for b, heading in blocks[:index]
                                            if not heading):
            return ([block for block in blocks[:index]],
                    [text for text, _ in blocks[index + 1:]])
    return [block for block in blocks if not END_MARK.fullmatch(block[0])], []


@dataclass(frozen=True)
class Notice:
    """A pattern of page-boilerplate.txt: `weak` counts only beside a stronger one, `appeal`
    takes its box's title line with it."""

    pattern: re.Pattern[str]
    weak: bool = False
    appeal: bool = False
    caption: bool = False
    box: bool = False  # a heading of the page's box: its paragraphs, to the next heading, go too


@per_process(maxsize=1)
def boilerplate_patterns() -> tuple[Notice, ...]:
    """page-boilerplate.txt: what a site prints inside an article's body that is not it."""
    text = resources.files(__package__).joinpath("page-boilerplate.txt").read_text("utf-8")
    notices = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, rest = line.partition(": ")
        marked = kind in ("weak", "appeal", "caption", "box") and bool(rest)
        notices.append(Notice(re.compile((rest if marked else line).strip(), re.IGNORECASE),
                              weak=marked and kind == "weak", appeal=marked and kind == "appeal",
                              caption=marked and kind == "caption", box=marked and kind == "box"))
    return tuple(notices)


# a sentence's end: a mark and a capital after it, but not after a title or a month written
# short ("Dr. Ruiz", "Oct. 29") or an initial ("U.S.")
SENTENCE_END = re.compile(r"[.!?…][”\"’']?\s+(?=[\"“‘'(\[]?[A-Z0-9])")
SHORT_FORMS = frozenset({"mr", "mrs", "ms", "dr", "st", "mt", "ft", "no", "gen", "sen", "rep",
                        "gov", "lt", "col", "capt", "sgt", "rev", "jan", "feb", "mar", "apr",
                        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs"})


def sentences_of(text: str) -> list[str]:
    """A paragraph's sentences, as far as telling the site's notices apart needs."""
    found, start = [], 0
    for end in SENTENCE_END.finditer(text):
        before = re.search(r"([^\W\d_]+)[.!?…][”\"’']?\s+$", text[start:end.end()])
        word = before.group(1) if before else ""
        if text[end.start()] == "." and (len(word) == 1 or word.casefold() in SHORT_FORMS):
            continue
        found.append(text[start:end.end()].strip())
        start = end.end()
    found.append(text[start:].strip())
    return [sentence for sentence in found if sentence]


# A note about the page, whole paragraph and all: "Correction, Oct. 29, 2025: …"
NOTE_ON_THE_PAGE = re.compile(r"(?:correction|clarification|editor[’']s note)\b[^:]{0,40}:\s",
                              re.IGNORECASE)


CAPTION_MAX_SENTENCES = 3  # a photo's caption is a line or two, then its credit


def site_notice(text: str) -> Notice | None:
    """The notice a paragraph is, when every sentence of it is the site's, not the article's
    ("Copyright 2025 KVRN. All rights reserved.", "Have a tip? Email newsroom@….", "Donate
    today."): its strongest pattern; None for the article's own words."""
    text = plain(text)
    if NOTE_ON_THE_PAGE.match(text):
        return Notice(NOTE_ON_THE_PAGE)  # "Correction, Oct. 29, 2025: An earlier version …"
    sentences = sentences_of(text)
    if len(sentences) <= CAPTION_MAX_SENTENCES:
        credit = next((n for n in boilerplate_patterns()
                       if n.caption and n.pattern.fullmatch(sentences[-1])), None)
        if credit is not None:
            return credit  # a photo's caption, ended by its credit
    found = []
    for sentence in sentences:
        match = next((n for n in boilerplate_patterns()
                      if not n.caption and n.pattern.fullmatch(sentence)), None)
        if match is None:
            return None
        found.append(match)
    strong = [notice for notice in found if not notice.weak]
    return next((n for n in strong if n.appeal), strong[0]) if strong else None


def is_boilerplate(text: str) -> bool:
    return site_notice(text) is not None


def without_boilerplate(blocks: list[tuple[str, bool]]
                        ) -> tuple[list[tuple[str, bool]], list[str]]:
    """The article's blocks without the site's notices, links and appeals, and the lines left
    out; a heading, or a line with no final punctuation, that titles an appeal's box goes with
    it ("Local news you can count on", then a donation appeal set in the middle of the
    story)."""
    notices = [None if heading else site_notice(text) for text, heading in blocks]
    kept, left_out = [], []
    in_a_box = False  # under a heading of the page's box ("Citable reference")
    for index, block in enumerate(blocks):
        text, heading = block
        if heading:
            in_a_box = any(n.box and n.pattern.fullmatch(plain(text).rstrip(":"))
                           for n in boilerplate_patterns())
        following = notices[index + 1] if index + 1 < len(blocks) else None
        titles_an_appeal = following is not None and following.appeal \
            and (heading or not END_PUNCTUATION.search(text))
        if notices[index] is not None or titles_an_appeal or in_a_box:
            left_out.append(text)
        else:
            kept.append(block)
    return kept, left_out


END_PUNCTUATION = re.compile(r"[.!?…:;][”\"’')\]]*\s*$")


def page_title_element(text: str) -> str | None:
    """The page's <title>, as a last resort for the article's."""
    match = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    return plain(html.unescape(match.group(1))) if match else None


def is_person(name: str) -> bool:
    """"Jane Doe", "Luis Ramirez": two to four capitalised words, none a title or office, as a
    byline names a person (a site's meta tag may hold an office, "Department Spokesperson")."""
    words = name.split()
    return (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
            and not any(is_title_word(w) for w in words))


def byline_of(author: str | None, outlet: str | None = None, page: str = "") -> str | None:
    """"By Jane Doe and John Roe" from the page's author field, the people in it only: not
    the outlet, which some pages give as their author ("VOA Learning English"); each name
    with its initials' stops as the page writes it ("Robert L. Sumwalt", where the field
    reads "Robert L Sumwalt")."""
    if not author:
        return None
    names = [plain(p) for p in author.split(";")]
    agencies = agency_fields(names, author_fields(page))
    people = [initials_as_written(name, page) for name in names
              if is_person(name) and not (outlet and same_words(name, outlet))
              and not any(part_of(name, field) for field in agencies)]
    return "By " + " and ".join(people) if people else None


ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
JSON_AUTHOR = re.compile(r'"(?:author|creator)"\s*:\s*(?:\[\s*)?(?:\{[^{}]*?"name"\s*:\s*)?'
                         r'"([^"]{1,200})"')
AUTHOR_PARTS = re.compile(r"\s*(?:[,;|/&]|\band\b)\s*")


def author_fields(page: str) -> list[str]:
    """The page's own author fields as it writes them: its <meta> author or creator tags, the
    "author" of its JSON-LD."""
    fields = []
    for tag in PAGE_TAG.finditer(page):
        if tag.group(1) or tag.group(2).casefold() != "meta":
            continue
        attributes = {m.group(1).casefold(): html.unescape(next(v for v in m.groups()[1:]
                                                                if v is not None))
                      for m in ATTRIBUTE.finditer(tag.group(3))}
        kind = (attributes.get("name") or attributes.get("property") or "").casefold()
        if ("author" in kind or "creator" in kind) and attributes.get("content"):
            fields.append(plain(attributes["content"]))
    return fields + [plain(html.unescape(m)) for m in JSON_AUTHOR.findall(page)]


def part_of(name: str, field: str, cut: bool = False) -> bool:
    """Whether a name is a part of an author field ("Jane Doe" of "Jane Doe, John Roe"), or,
    `cut`, the start of a longer part ("US EPA Region" of "US EPA Region 05")."""
    words = re.findall(r"\w+", name.casefold())
    for part in AUTHOR_PARTS.split(field):
        written = re.findall(r"\w+", part.casefold())
        if written[:len(words)] == words and (len(written) > len(words) or not cut):
            return True
    return False


def agency_fields(names: list[str], fields: list[str]) -> list[str]:
    """The page's author fields from which the extractor cut a name short ("U S Army Corps"
    of "U.S. Army Corps of Engineers, Baltimore District"): an agency's, not people's, and
    none of their parts ("Baltimore District") is a person."""
    return [field for field in fields if any(part_of(name, field, cut=True) for name in names)]


def initials_as_written(name: str, page: str) -> str:
    """The name as the page writes it, where it gives its initials their stops."""
    words = name.split()
    if not any(len(word) == 1 for word in words):
        return name
    pattern = "".join(re.escape(w) + (r"\.?\s*" if len(w) == 1 else r"\s+") for w in words)
    pattern = pattern.removesuffix(r"\s+").removesuffix(r"\s*")  # ("U.S. Immigration")
    found = re.search(rf"(?<![\w.]){pattern}(?!\w)", html.unescape(page))
    return " ".join(found.group().split()) if found else name


def usable_url(url: str | None) -> str | None:
    """The page's canonical https address; anything else (http, a relative path) is left for
    the editor's .meta.yml, which may give one."""
    return url if url and is_web_address(url) else None


SEPARATORS = re.compile(r"\s+[-–—|>»:·]{1,2}\s+")  # " | ", " - ", " :: "


def usable_outlet(outlet: str | None, title: str) -> str | None:
    """The site's name, without the headline some sites put in it ("Headline > U.S. Air
    Force" → "U.S. Air Force")."""
    if not outlet:
        return None
    parts = [part for part in SEPARATORS.split(plain(outlet)) if not same_words(part, title)]
    outlet = " - ".join(parts)
    return outlet if 0 < len(outlet) <= OUTLET_MAX else None


HOST_NAME = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+")  # "tricountycourier.net"
SITE_NAME_WORDS = 6


def outlet_of(sitename: str | None, title: str, page_titles: list[str]) -> str | None:
    """The site's name: the page's own, else the one its <title> puts beside the headline
    ("Water rates to rise 9 percent | Tri-County Courier") rather than its host name."""
    outlet = usable_outlet(sitename, title)
    if outlet and not HOST_NAME.fullmatch(outlet):
        return outlet
    for page_title in page_titles:
        beside = [part for part in SEPARATORS.split(page_title)
                  if part and not same_words(part, title) and title not in part
                  and len(part.split()) <= SITE_NAME_WORDS]
        if len(SEPARATORS.split(page_title)) > 1 and beside:
            return usable_outlet(beside[-1], title) or outlet
    return outlet


def bare_title(title: str, page_titles: list[str], site_name: str | None = None,
               headed: bool = False) -> str:
    """The headline without the site's name around it ("Headline - United States Department
    of State"), and in its own case when the page writes it in capitals elsewhere. The parts
    that are the page's site name go; where none is, a title the article's own heading
    writes (`headed`) is its headline whole ("Photo and Video Chronology - Kīlauea - May 15,
    2018"), and otherwise its longest part is."""
    pieces = re.split(f"({SEPARATORS.pattern})", title)  # parts, separators between
    if len(pieces) > 1 and site_name:
        while len(pieces) > 1 and same_words(pieces[0], site_name):
            pieces = pieces[2:]
        while len(pieces) > 1 and same_words(pieces[-1], site_name):
            pieces = pieces[:-2]
    if len(pieces) > 1 and "".join(pieces) == title and not headed:
        pieces = [max(pieces[::2], key=lambda part: len(part.split()))]
    title = "".join(pieces)
    if title.isupper():
        for other in page_titles:
            found = re.search(r"\W+".join(map(re.escape, re.findall(r"\w+", title))), other,
                              re.IGNORECASE)
            if found and not found.group().isupper():
                return found.group()
    return title


def usable_date(date: str | None) -> str | None:
    return date if date and DATE_FORM.fullmatch(date) else None


# A publication time the page writes with its own offset from UTC, in its meta tags, JSON-LD or
# <time> ("datePublished": "2025-03-13T19:20:00-05:00").
LOCAL_PUBLICATION = re.compile(
    r"""(?:datePublished|published_time|pubdate|publish[-_]?date|date[-_]?published)\b"""
    r"""[^<>]{0,40}?(\d{4}-\d\d-\d\d)T\d\d:\d\d(?::\d\d(?:\.\d+)?)?([+-]\d\d:?\d\d)""",
    re.IGNORECASE)


def local_date(page: str, date: str | None) -> str | None:
    """The publication date where the story was published: trafilatura reads the first date
    the page gives, and a UTC stamp ("2025-03-14T00:20:00Z") falls on the next day for an
    evening story in the Americas; a time the page writes with its own offset says the day
    its readers saw on it. Only a day either side of trafilatura's date is taken."""
    if date is None:
        return None
    for match in LOCAL_PUBLICATION.finditer(page):
        local, offset = match.groups()
        if offset.replace(":", "") in ("+0000", "-0000"):
            continue
        if DATE_FORM.fullmatch(local) and abs(
                (datetime.date.fromisoformat(local) - datetime.date.fromisoformat(date)).days) <= 1:
            return local
        break
    return date


# ---- where each paragraph stands in the page ---------------------------------------------------


# What may stand between two words of a paragraph in the page's source: spaces and
# punctuation, character references (&#39;) and tags.
BETWEEN_WORDS = r"(?:[\W_]|&#?\w+;|<[^>]*>)+"


def line_finder(text: str) -> Callable[[str], int]:
    """A function giving the line of the page on which a paragraph starts, searching forward
    from the last paragraph found (best effort: markup between words may hide one)."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    body = re.search(r"<body\b", text, re.IGNORECASE)  # not the description in the head
    position = body.start() if body else 0

    def line_of(paragraph: str) -> int:
        nonlocal position
        words = re.findall(r"[^\W_]+", paragraph)[:5]
        if words:
            probe = re.compile(BETWEEN_WORDS.join(map(re.escape, words)))
            match = probe.search(text, position)
            if match:
                position = match.start()
        return bisect_right(line_starts, position)

    return line_of


# ---- the page as an article ---------------------------------------------------------------------


# How deep a page's elements may nest: deeper, lxml's HTML parser stops reading without a
# word, and everything after is lost (300 unclosed <b> tags did it).
MAX_DEPTH = 255
TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)(?:\s[^>]*)?>")
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                           "meta", "param", "source", "track", "wbr", "p", "li", "option",
                           "td", "tr", "th", "dt", "dd"})  # (and those a new one closes)


def markup_depth(text: str) -> int:
    """How deep the page's elements nest, counting open and close tags."""
    depth = deepest = 0
    for tag in TAG.finditer(text):
        if tag.group(2).casefold() in VOID_ELEMENTS or tag.group().endswith("/>"):
            continue
        depth = max(depth - 1, 0) if tag.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


@per_content(maxsize=1024)  # under `mkdocs serve` a save extracts only the page that changed
def read_webpage(data: bytes, where: str) -> WebPage:
    """A saved page's bytes → the article it holds; InputError when it holds none."""
    text = decode_page(data)
    depth = markup_depth(text)
    if depth > MAX_DEPTH:
        raise InputError(where, f"the page's markup nests {depth} elements deep, and past "
                                f"{MAX_DEPTH} its text can't all be read; save the article's "
                                "own page, or copy its text into a .txt file")
    try:
        document = extract(text)
    except (RecursionError, ValueError, TypeError, MemoryError) as error:
        raise InputError(where, f"can't be read as a web page ({type(error).__name__}); save "
                                "the article as text instead") from None
    found = body_blocks(document.body) if document is not None and document.body is not None \
        else []
    in_cells = None
    if flattened(found):
        # an old layout's article sits in a table cell, which trafilatura without tables
        # reads as one paragraph, kicker, toolbar and captions glued in: read its cells
        in_cells = extract(text, tables=True)
        blocks_in_cells = body_blocks(in_cells.body) if in_cells is not None \
            and in_cells.body is not None else []
        if len(blocks_in_cells) > len(found):
            document, found = in_cells, blocks_in_cells
    if document is None or not any(SENTENCE.search(text) for text, heading in found
                                   if not heading):
        raise InputError(where, "no article text found on this page (only menus, links or "
                                "scripts); save the article's own page, or copy its text into "
                                "a .txt file")
    page_titles = [t for t in (page_title_element(text), plain(document.title or "")) if t]
    story_blocks, after_the_end = without_end_marks(found)
    page_headlines = tuple(plain(html.unescape(re.sub(r"<[^>]+>", " ", h)))
                           for h in re.findall(r"<h1\b[^>]*>(.*?)</h1>", text, re.I | re.S))
    page_title = plain(document.title or "") or None
    story_blocks, headline_at = header_first(
        story_blocks, lambda heading: any(same_words(heading, headline) for headline
                                          in (page_title or "", *page_headlines)))
    story_blocks, labels = without_page_labels(
        story_blocks, text, [t for t in (*page_titles, *page_headlines) if t], headline_at)
    story_blocks, lists_of_links = without_lists_of_links(story_blocks, text)
    title, blocks = headline_and_blocks(page_title, story_blocks, page_headlines)
    article_blocks, left_out = without_boilerplate(blocks)
    left_out = labels + left_out + lists_of_links + after_the_end
    if not any(SENTENCE.search(block) for block, heading in article_blocks if not heading):
        raise InputError(where, "no article text found on this page, only the site's notices "
                                "(copyright, links, appeals: explainer/read/page-boilerplate.txt); "
                                "save the article's own page, or copy its text into a .txt file")
    above, blocks = lines_above(article_blocks)
    headed = bool(title and ((story_blocks and story_blocks[0][1]
                              and same_words(story_blocks[0][0], title))
                             or any(same_words(h, title) for h in page_headlines)))
    title = bare_title(title or (page_titles or [blocks[0][0]])[0], page_titles,
                       usable_outlet(document.sitename, ""), headed)
    line_of = line_finder(text)
    paragraphs = tuple(WebParagraph(block, line_of(block), heading) for block, heading in blocks)
    notice_line = line_finder(text)  # (each finder searches on from its last find)
    notices = tuple(WebParagraph(block, notice_line(block), False) for block in left_out)
    outlet = outlet_of(document.sitename, title, page_titles)
    # the article's tables, which its text leaves out, for the build's notes (not a layout's
    # table holding the article's own paragraphs in its cells)
    tables = []
    if document is not in_cells and re.search(r"<table\b", text, re.IGNORECASE):
        with_tables = in_cells if in_cells is not None else extract(text, tables=True)
        tables = [table for table in tables_in(with_tables)
                  if not holds_a_paragraph(table, [p.text for p in paragraphs])]
    table_line = line_finder(text)
    page = WebPage(title, paragraphs, tuple(above), byline_of(document.author, outlet, text),
                   local_date(text, usable_date(document.date)), outlet,
                   usable_url(document.url), notices,
                   tuple(WebParagraph(table, table_line(table), False) for table in tables))
    refuse_unshowable(page, where)
    return page


def refuse_unshowable(page: WebPage, where: str) -> None:
    """The one rule on characters (explainer/characters.py), applied to what was extracted
    (a character reference in the page's HTML can hold any character), naming the line of the
    page where the paragraph stands."""
    texts = [(page.title, where)] + [(p.text, f"{where}:{p.line}") for p in page.paragraphs]
    texts += [(value, where) for value in (page.byline, page.outlet, *page.above) if value]
    texts += [(p.text, f"{where}:{p.line}") for p in page.left_out]
    for text, at in texts:
        refuse_unfit_value(text, at)


def names_given(byline: str, lines: list[str]) -> bool:
    """Whether the lines above the story already name every person of the page's byline."""
    people = byline.removeprefix("By ").split(" and ")
    return all(any(re.search(rf"(?<![\w’'-]){re.escape(person)}(?![\w’'-])", line)
                   for line in lines) for person in people)  # not "Ann Lee" of "Ann Leeward"


def subheads(paragraphs: tuple[WebParagraph, ...], index: int) -> bool:
    """Whether a page's paragraph is a subheading its markup didn't mark as one: a short line
    with no final punctuation between two paragraphs of the story ("<p><b>PRICES RISE</b></p>"
    in an old layout), as in a plain-text article."""
    return 0 < index < len(paragraphs) - 1 and is_subheading(paragraphs[index].text) \
        and not paragraphs[index + 1].heading and not is_subheading(paragraphs[index + 1].text)


def webpage_article(data: bytes, where: str
                    ) -> tuple[str, tuple[RawParagraph, ...], tuple[Furniture, ...], ArticleMeta]:
    """A saved page → the title, paragraphs, furniture and metadata of its article, as the
    plain-text reader gives them. Offsets count in the article's text (title, then paragraphs
    with a blank line between), as if the editor had saved it as a .txt; lines are the page's."""
    page = read_webpage(data, where)
    blocks, offset = [], len(page.title) + 2
    for index, paragraph in enumerate(page.paragraphs):
        raw = RawParagraph(paragraph.text, SourceSpan(where, paragraph.line, offset))
        blocks.append(Block(raw, paragraph.heading or subheads(page.paragraphs, index)))
        offset += len(paragraph.text) + 2
    paragraphs, furniture = separate_furniture(blocks, plain_text=False)
    first_line = paragraphs[0].source.line if paragraphs else 1
    above = [Furniture("byline", line, SourceSpan(where, first_line, 0))
             for block in page.above for line in block.split("\n")]
    furniture = above + list(furniture)
    if not paragraphs:
        raise InputError(where, "no article text found on this page, only headings; save the "
                                "article's own page, or copy its text into a .txt file")
    if page.byline and not names_given(page.byline, [f.text for f in furniture]):
        # after a deck above the story ("Residents say they learned of it …"), as pages print it
        first = paragraphs[0].source
        furniture.insert(len(above), Furniture("byline", page.byline,
                                               SourceSpan(where, first.line, 0)))
    # the site's notices left out, for the build's notes (never shown)
    furniture += [Furniture("site notice", notice.text.replace("\n", " "),
                            SourceSpan(where, notice.line, 0)) for notice in page.left_out]
    furniture += [Furniture("table", table.text, SourceSpan(where, table.line, 0))
                  for table in page.tables]
    published = page.published
    dated = published_by_its_date_line(tuple(furniture))
    if dated and published and dated != published:
        # a reposted release: its own date line (the day it was issued, the day its "today"
        # names) wins over the day the page was posted, with a note naming both
        furniture.append(Furniture("page date", f"{published}, its date line {dated}",
                                   SourceSpan(where, paragraphs[0].source.line, 0)))
        published = dated
    meta = ArticleMeta(published, page.outlet, page.url)
    return page.title, tuple(paragraphs), tuple(furniture), meta
