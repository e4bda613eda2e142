"""Page furniture: the words of an article that are not its sentences.

Three general rules, as an editor would state them (no list of outlets or places):

- **Byline.** Above the story, a line that starts with "By" followed by names ("By Jane Doe",
  "By Jane Doe and John Roe, VOA News"), with the short lines that go with it (the outlet, the
  date and time of publication).
- **Dateline.** The words that open the lead (the first paragraph, or the one after a deck
  line with no final punctuation) before a dash or a colon and name where (and who) it was
  filed from: a place in capitals ("WASHINGTON —", "CAIRO (AP) —", "SANAA, Yemen —"), a
  place with the agency or the date in brackets ("Cairo (Reuters) -", "WASHINGTON (June 24,
  2025) —"), a place alone in brackets
  ("(Atlanta) —"), or outlet and place joined by a slash ("Yemen Monitor/Cairo:"). A dash
  that an aside closes later in the sentence is not one.
- **Subheading.** In plain text, a short line with no final punctuation standing alone between
  two paragraphs; in Markdown, any heading but the title.
- **Caption.** A wire photo's caption pasted with the story, opening "FILE -" or "FILE PHOTO:"
  ("FILE - US President Barack Obama meets …"): no sentence of it, left out with a note.
- **Notes.** A report's footnotes or references under their own heading ("Footnotes",
  "References") at its end: left out with a note.
- **Speaker's label.** In a transcript, the label in capitals that opens a turn ("SECRETARY
  BLINKEN:", "MR. PRICE:", "QUESTION:"): a title and a name, or a word that names a turn, then a
  colon. It says who speaks that paragraph and the ones after it, until the next label.
- **Letter head.** A letter's lines above its salutation ("Dear Mr. Pappas:"), that is the
  letterhead, the date and the addressee, stand above the story with the salutation, as a
  byline does; its date line dates it.
- **End mark.** A press release's closing mark alone on its line ("###", "# # #", "-30-",
  "-end-") is no sentence of it: left out (a saved page's, and what follows it, too).

Paragraph and sentence anchors count body paragraphs only, so an article without furniture
numbers exactly as before, and finding a subheading never renumbers the paragraphs around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..dates import date_mentions, is_date_line
from ..model import Furniture, RawParagraph, SourceSpan
from .people import is_title_word

SUBHEADING_MAX_WORDS = 12
SUBHEADING_MAX_CHARACTERS = 100
CREDIT_MAX_WORDS = 8
# A line that ends like this is a sentence (or unfinished), not a heading.
FINAL_PUNCTUATION = frozenset(".!?…:;,—–-")
CLOSING = "\"'”’)]»"
LINKING_WORDS = frozenset(["and", "of", "the", "for", "de", "du", "des", "da", "do", "dos", "di",
                           "del", "della", "la", "le", "van", "von", "der", "den", "al", "el",
                           "bin", "ibn", "y"])


# "-end-", "###", "# # #", "- 30 -", "- END -": the mark that closes a press release, not its text
END_MARK = re.compile(r"[-–—#*\s]*(?:end|#\s*#\s*#)[-–—#*\s]*|\s*[-–—]\s*30\s*[-–—]\s*",
                      re.IGNORECASE)


# The heading of a report's notes, which are no sentences of its story.
NOTES_HEADINGS = frozenset(["footnotes", "notes", "endnotes", "references", "sources",
                            "notes and references", "sources and notes"])
# "FILE - US President Barack Obama meets …", "FILE PHOTO: …": a wire photo's caption
PHOTO_CAPTION = re.compile(r"FILE(?:\s+PHOTO)?\s*(?:[-–—]|:)\s")


@dataclass(frozen=True)
class Block:
    """A paragraph of the article as read, and whether its source marked it as a heading."""

    paragraph: RawParagraph
    heading: bool = False


def has_final_punctuation(line: str) -> bool:
    stripped = line.rstrip().rstrip(CLOSING).rstrip()
    return not stripped or stripped[-1] in FINAL_PUNCTUATION


def is_capitalised(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper()


def is_byline(line: str) -> bool:
    """"By Jane Doe", "BY JANE DOE", "By Jane Doe and John Roe, VOA News", "By Jane Doe | AP"."""
    words = line.split()
    if len(words) < 2 or words[0] not in ("By", "BY") or len(line) > SUBHEADING_MAX_CHARACTERS:
        return False
    if line.rstrip()[-1] in ".!?:;,":
        return False
    names = [w.strip(",|/&") for w in words[1:]]
    names = [w for w in names if w and w not in ("—", "–", "-")]
    if not names or not is_capitalised(names[0]) or not is_capitalised(names[-1]):
        return False
    return all(is_capitalised(w) or w.casefold() in LINKING_WORDS for w in names)


def is_credit_line(line: str) -> bool:
    """A short line that goes with a byline: the outlet ("VOA News") or when it was published."""
    if is_date_line(line):
        return True
    words = line.split()
    return (0 < len(words) <= CREDIT_MAX_WORDS and not has_final_punctuation(line)
            and all(is_capitalised(w) or w.casefold() in LINKING_WORDS or not w.isalpha()
                    for w in words))


def is_subheading(text: str) -> bool:
    """A short single line with letters in it and no final punctuation."""
    return ("\n" not in text and any(c.isalpha() for c in text)
            and len(text) <= SUBHEADING_MAX_CHARACTERS
            and len(text.split()) <= SUBHEADING_MAX_WORDS and not has_final_punctuation(text))


DECK_MAX_WORDS = 40
SECTION_NAME_MAX_WORDS = 2
TITLED_SECTION_MAX_WORDS = 6


def is_section_name(text: str) -> bool:
    """A line of a word or two right under the title ("Highlights", "Key points"), or a few
    words in title case ("Why We Did This Report"): the name of the section it opens, not a
    summary of the story as a deck is."""
    words = text.split()
    return is_subheading(text) and (
        len(words) <= SECTION_NAME_MAX_WORDS
        or (len(words) <= TITLED_SECTION_MAX_WORDS
            and all(is_capitalised(w) for w in words if len(w) > 3)))


def is_deck(text: str) -> bool:
    """A single line under the title, a sentence or two long at most: above a paragraph that
    opens with a dateline, the outlet's summary of the story ("Health officials warn the worst
    is still ahead; utility asks customers to conserve."), not its lead."""
    return ("\n" not in text and any(c.isalpha() for c in text)
            and len(text.split()) <= DECK_MAX_WORDS)


# ---- datelines --------------------------------------------------------------------------------

DATELINE = re.compile(
    r"(?P<head>[^\n—–:;!?\"“”]{2,80}?)"
    r"\s*(?P<mark>—|–|--|:|\s-)[ \t]*(?:\n[ \t]*)?(?=\S)")
DATE_HEAD = re.compile(r"(?P<date>[^\n—–:;!?\"“”]{3,40}?)\s*(?::|—|–|--)[ \t]+(?=\S)")
AGENCY = re.compile(r"\s*\((?P<agency>[^()]{1,40})\)\s*$")


def is_place_in_capitals(text: str) -> bool:
    """"WASHINGTON", "SANAA", "ST. LOUIS": capitals, and nothing but the marks a name holds
    ("*[NATO]" is markup, not a place)."""
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)
            and re.fullmatch(r"[\w .’'-]+", text.strip()) is not None)


def all_capitalised(text: str) -> bool:
    words = [w for w in re.split(r"[\s/]+", text) if w]
    return bool(words) and all(is_capitalised(w) or w.casefold() in LINKING_WORDS or
                               w.rstrip(".").isdigit() for w in words)


# "SECRETARY BLINKEN: Well, good morning", "MR. PRICE: Thank you", "QUESTION: Does …"
SPEAKER_LABEL = re.compile(r"(?P<label>(?:[A-Z][A-Z.’'-]*\s+){0,4}[A-Z][A-Z.’'-]+):\s+(?=\S)")
TURN_WORDS = frozenset(["question", "q", "moderator", "operator", "participant", "answer"])


def speaker_label(text: str) -> str | None:
    """The label in capitals that opens a transcript's turn: a title and a name, an office,
    or a word that names a turn ("SECRETARY BLINKEN", "THE PRESIDENT", "QUESTION"); not a
    place ("WASHINGTON")."""
    match = SPEAKER_LABEL.match(text)
    if match is None:
        return None
    words = match["label"].split()
    if words[0].casefold() in TURN_WORDS and len(words) == 1:
        return match["label"]
    if words[0] == "THE":  # "THE PRESIDENT", "THE VICE PRESIDENT": an office alone
        words = words[1:]
        return match["label"] if words and is_title_word(words[0]) else None
    return match["label"] if len(words) >= 2 and is_title_word(words[0]) else None


def split_speaker_label(paragraph: RawParagraph, before: int
                        ) -> tuple[Furniture | None, RawParagraph]:
    label = speaker_label(paragraph.text)
    if label is None:
        return None, paragraph
    return (Furniture("speaker", label + ":", paragraph.source, before),
            shifted(paragraph, len(label) + 1))


def is_dateline_head(head: str, mark: str) -> bool:
    """Whether the words before a dash or colon name a place (and maybe agency, date, outlet)."""
    if mark == ":" and speaker_label(head + ": x"):
        return False  # "SECRETARY BLINKEN:" opens a transcript's turn
    agency = AGENCY.search(head)
    place_and_more = head[:agency.start()] if agency else head
    # "CAIRO (AP) —", and "WASHINGTON (June 24, 2025) —": the date in brackets
    if agency and not (all_capitalised(agency.group("agency"))
                       or is_date_line(agency.group("agency"))):
        return False
    if agency and not place_and_more.strip():
        # "(Atlanta) —": a place alone in brackets, as government press releases write it
        return len(agency.group("agency").split()) <= 4
    place, *details = [part.strip() for part in place_and_more.split(",")]
    if not place or len(place.split()) > 6 or len(details) > 3:
        return False
    if not all(part and len(part.split()) <= 4 and all_capitalised(part) for part in details):
        return False
    if is_place_in_capitals(place):
        return True
    if not all_capitalised(place):
        return False
    # "Washington, D.C.—Today, …", "Springfield, Ill. — The …": a place and its state, as
    # lawmakers' releases write them in capitals and lowercase
    return bool(agency) or (mark == ":" and "/" in place) or (
        mark != ":" and bool(details) and all(STATE_ABBREVIATION.fullmatch(d) for d in details))


STATE_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}|(?!(?:Jr|Sr|Mr|Ms|Mrs|Dr)\.)[A-Z][a-z]{1,5}\.")


def closes_an_aside(text: str, mark: str) -> bool:
    """Whether the dash is answered later in the first sentence, as "NATO — Turkey's ally —"."""
    if mark == ":":
        return False
    first_sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    # An em dash is a dash however it is spaced; an en dash or hyphen only between spaces
    # ("2016–2017", "F-35" are no asides).
    dash = "—" if mark == "—" else f" {mark.strip()} "
    return first_sentence.count(dash) % 2 == 1


def split_dateline(paragraph: RawParagraph) -> tuple[Furniture | None, RawParagraph]:
    """The dateline that opens a paragraph, if any, and the paragraph without it."""
    match = DATELINE.match(paragraph.text)
    if not match or not is_dateline_head(match.group("head"), match.group("mark")):
        return None, paragraph
    rest = paragraph.text[match.end():]
    opening = rest.lstrip("\"“‘'(")[:1]
    if not (opening.isupper() or opening.isdigit()) or closes_an_aside(rest, match.group("mark")):
        return None, paragraph
    end = match.end()
    dated = DATE_HEAD.match(paragraph.text, end)
    if dated and is_date_line(dated.group("date")):
        end = dated.end()  # "WASHINGTON -- Sept. 25, 2015: Today the EPA …": the date too
    dateline = paragraph.text[:end].rstrip()
    return (Furniture("dateline", dateline, paragraph.source), shifted(paragraph, end))


def shifted(paragraph: RawParagraph, cut: int) -> RawParagraph:
    """A paragraph without its first `cut` characters, its source moved along with it."""
    rest = paragraph.text[cut:]
    cut += len(rest) - len(rest.lstrip())
    source = paragraph.source
    moved = SourceSpan(source.file, source.line + paragraph.text.count("\n", 0, cut),
                       source.offset + cut)
    return RawParagraph(paragraph.text[cut:], moved)


# ---- the whole article ------------------------------------------------------------------------


def standalone_dateline(line: str) -> bool:
    """"WASHINGTON —" alone on its line: it opens the lead all the same."""
    probe = line.rstrip() + " X"
    match = DATELINE.match(probe)
    return match is not None and match.end() == len(probe) - 1 and \
        is_dateline_head(match.group("head"), match.group("mark"))


def leading_kind(lines: list[str], after_byline: bool, first: bool = False) -> str | None:
    """"byline" or "dateline" for the first of the lines above the story, None for the story.
    A date line goes with the byline, or stands for it first under the title ("May 23, 2018"
    above a report that names no author)."""
    line, rest = lines[0], lines[1:]
    if is_byline(line) or ((after_byline or first) and is_date_line(line)):
        return "byline"
    # An outlet's name under the byline; in hard-wrapped text, not the lead's first line.
    if after_byline and is_credit_line(line) and (not rest or is_byline(rest[0])
                                                  or is_date_line(rest[0])):
        return "byline"
    return "dateline" if standalone_dateline(line) else None


# "Dear Mr. Pappas:", "Dear Chairman Wicker and Ranking Member Reed,": a letter's salutation
SALUTATION = re.compile(r"(?:Dear\s+[^!?\n]{1,100}|To\s+whom\s+it\s+may\s+concern)\s*[:,]",
                        re.IGNORECASE)
LETTER_HEAD_MAX_LINES = 16
SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


def letter_head(blocks: list[Block]) -> tuple[list[Furniture], list[Block]]:
    """A letter's lines from its letterhead down to its salutation, each a short line that is
    no sentence, and the blocks below them; nothing where no salutation stands within the
    first few lines."""
    lines: list[Furniture] = []
    for index, block in enumerate(blocks):
        if block.heading:
            break
        paragraph = block.paragraph
        for number, line in enumerate(paragraph.text.split("\n")):
            lines.append(Furniture("byline", line.strip(), paragraph.source))
            if SALUTATION.fullmatch(line.strip()):
                rest = shifted(paragraph, len("\n".join(paragraph.text.split("\n")[:number + 1])))
                return lines, ([Block(rest)] if rest.text else []) + blocks[index + 1:]
            if len(lines) >= LETTER_HEAD_MAX_LINES or len(line) > SUBHEADING_MAX_CHARACTERS \
                    or line.rstrip()[-1:] in tuple(".!?:") or SENTENCE_END.search(line):
                return [], blocks  # (a sentence: the story has begun)
    return [], blocks


def take_leading_lines(blocks: list[Block]) -> tuple[list[Furniture], list[Block]]:
    """Bylines (with their outlet and date lines), a letter's head and a standalone dateline
    above the story."""
    furniture: list[Furniture] = []
    blocks = list(blocks)
    furniture, blocks = letter_head(blocks)
    # a deck set as a heading under the title ("## Engineers plan to …"), then the byline:
    # the lines under the deck stand above the story as well
    at = 1 if len(blocks) > 2 and blocks[0].heading and not blocks[1].heading and leading_kind(
        blocks[1].paragraph.text.split("\n"), False) == "byline" else 0
    # The story keeps at least one line: furniture is what stands above it.
    while (len(blocks) > at and not blocks[at].heading
           and (len(blocks) > at + 1 or "\n" in blocks[at].paragraph.text)):
        paragraph = blocks[at].paragraph
        lines = paragraph.text.split("\n")
        kind = leading_kind(lines, bool(furniture) and furniture[-1].kind == "byline",
                            first=not furniture)
        if kind is None:
            break
        furniture.append(Furniture(kind, lines[0].strip(), paragraph.source))
        rest = shifted(paragraph, len(lines[0]))
        blocks[at:at + 1] = [Block(rest)] if rest.text else []
    return furniture, blocks


def separate_furniture(blocks: list[Block], plain_text: bool
                       ) -> tuple[list[RawParagraph], list[Furniture]]:
    """Body paragraphs and furniture, from the blocks below an article's title."""
    furniture, blocks = take_leading_lines(blocks)
    # a photo's caption first: it stands between paragraphs and is neither lead nor dateline
    furniture += [Furniture("caption", block.paragraph.text.replace("\n", " "),
                            block.paragraph.source, index + 1)
                  for index, block in enumerate(blocks)
                  if PHOTO_CAPTION.match(block.paragraph.text)]
    blocks = [block for block in blocks if not PHOTO_CAPTION.match(block.paragraph.text)]
    # The lead is the first paragraph, or the one after a deck: a release's line under its
    # title that says what it is about, with no final punctuation, or a line or two above a
    # paragraph that opens with a dateline ("Outbreak was the largest … drug", then "BOSTON –
    # The former owner …")
    lead_at = 1 if len(blocks) > 1 and (
        is_subheading(blocks[0].paragraph.text)
        or (is_deck(blocks[0].paragraph.text) and not blocks[1].heading
            and split_dateline(blocks[1].paragraph)[0] is not None)) else 0
    if blocks and not blocks[lead_at].heading:
        dateline, lead = split_dateline(blocks[lead_at].paragraph)
        if dateline:  # (before the lead: a deck set as a heading is no paragraph)
            furniture.append(replace(dateline, before=lead_at + 1 - sum(
                block.heading for block in blocks[:lead_at])))
            blocks[lead_at] = Block(lead)
    # a report's notes, under their own heading at the end: left out, with a note
    notes_at = next((i for i, block in enumerate(blocks) if i > lead_at
                     and (block.heading or is_subheading(block.paragraph.text))
                     and block.paragraph.text.strip().rstrip(":").casefold() in NOTES_HEADINGS),
                    len(blocks))
    furniture += [Furniture("notes", block.paragraph.text.replace("\n", " "),
                            block.paragraph.source, notes_at + 1) for block in blocks[notes_at:]]
    blocks = blocks[:notes_at]
    # "Between paragraphs": a paragraph before it, and one after it that isn't heading-shaped.
    body_after, seen = [], False
    for block in reversed(blocks):
        body_after.append(seen)
        seen = seen or not (block.heading or is_subheading(block.paragraph.text))
    body_after.reverse()
    paragraphs: list[RawParagraph] = []
    subheadings = 0
    for block, later_paragraphs in zip(blocks, body_after):
        if END_MARK.fullmatch(block.paragraph.text):
            furniture.append(Furniture("end mark", block.paragraph.text, block.paragraph.source,
                                       len(paragraphs) + 1))
        elif not plain_text and not any(c.isalnum() for c in block.paragraph.text):
            # a page's "--" or "* * *" between its parts (a text's stays as written)
            furniture.append(Furniture("separator", block.paragraph.text, block.paragraph.source,
                                       len(paragraphs) + 1))
        elif paragraphs and "\n" not in block.paragraph.text.strip() \
                and is_date_line(block.paragraph.text):
            # a date alone between paragraphs heads the update below it ("August 19, 1:13
            # p.m." in a page of stacked updates); after the last, it dates the page
            kind = "subheading" if later_paragraphs else "date line"
            subheadings += kind == "subheading"
            furniture.append(Furniture(kind, block.paragraph.text.strip(),
                                       block.paragraph.source, len(paragraphs) + 1,
                                       f"h{subheadings}" if kind == "subheading" else ""))
        elif block.heading or (plain_text and later_paragraphs
                             and is_subheading(block.paragraph.text)
                             and (paragraphs or is_section_name(block.paragraph.text))):
            subheadings += 1
            furniture.append(Furniture("subheading", block.paragraph.text.replace("\n", " "),
                                       block.paragraph.source, len(paragraphs) + 1,
                                       f"h{subheadings}"))
        else:
            label, paragraph = split_speaker_label(block.paragraph, len(paragraphs) + 1)
            if label:
                furniture.append(label)
            dateline, rest = credited_dateline(paragraph) if paragraphs else (None, paragraph)
            if dateline:  # "ATHENS, Greece (AP) —" opening a later story of a live blog
                furniture.append(replace(dateline, before=len(paragraphs) + 1))
            paragraphs.append(rest)
    return paragraphs, furniture


def credited_dateline(paragraph: RawParagraph) -> tuple[Furniture | None, RawParagraph]:
    """A dateline with a news agency's credit ("ATHENS, Greece (AP) —") opening a paragraph
    after the lead: a page of stacked stories or updates (a live blog, a roundup) dates each;
    a bare place and dash later in a story is left as written."""
    dateline, rest = split_dateline(paragraph)
    head = DATELINE.match(paragraph.text) if dateline else None
    agency = AGENCY.search(head.group("head")) if head else None
    if agency and all_capitalised(agency.group("agency")) \
            and not is_date_line(agency.group("agency")):
        return dateline, rest
    return None, paragraph


def published_by_its_date_line(furniture: tuple[Furniture, ...]) -> str | None:
    """The day the article's own date line under its byline gives ("By Marcus Hale, United
    Wire" / "October 19, 2026"), as a side file's `published:` would (which still wins); not an
    "Updated …" line, nor a date without its year."""
    for item in furniture:
        if item.kind == "byline" and is_date_line(item.text) \
                and not item.text.casefold().startswith(("updated", "last updated")):
            days = [m.date for m in date_mentions(item.text)
                    if m.date and len(m.date) == 10 and re.search(r"\d{4}", m.phrase)]
            if days:
                return days[0]
    return None
