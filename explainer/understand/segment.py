"""Stage 2, segment: split each paragraph into sentences that know where they came from.

Sentence boundaries come from NLTK's Punkt tokenizer, told which abbreviations never end a
sentence, so "U.S. F-35 fighter jet program" stays one sentence while "U.S. interests." ends one.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import TYPE_CHECKING

from ..memo import per_process
from ..model import Article, Paragraph, RawArticle, RawParagraph, Sentence, SourceSpan

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer


def builtin_abbreviations() -> tuple[str, ...]:
    """The packaged list of abbreviations that don't end sentences."""
    text = resources.files(__package__).joinpath("abbreviations.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and line[0] != "#")


@per_process(maxsize=8)
def sentence_splitter(abbreviations: tuple[str, ...]) -> PunktSentenceTokenizer:
    # Imported here: importing NLTK (its package imports most of itself) costs a third of a
    # second, which a command that stops before splitting a sentence needn't pay.
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    parameters = PunktParameters()
    # Punkt stores abbreviations lowercased and without their final dot.
    parameters.abbrev_types = {a.lower().rstrip(".") for a in abbreviations}
    return PunktSentenceTokenizer(parameters)


def split_sentences(text: str, abbreviations: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences in a paragraph; together they cover all its text."""
    punkt = list(sentence_splitter(abbreviations).span_tokenize(text))
    spans = joined_where_they_go_on(text, split_after_initials(text, punkt),
                                    frozenset(a.lower().rstrip(".") for a in abbreviations))
    spans = footnote_marks_placed(text, spans)
    covered = "".join(text[start:end] for start, end in spans)
    # Nothing lost: Punkt only ever drops the whitespace between sentences.
    if re.sub(r"\s", "", covered) != re.sub(r"\s", "", text):
        raise AssertionError("sentence splitter lost text")
    return spans


# A short word or letters with dots that end a span ("p.m.", "H.R.", "Colo.", "no.", a section
# "VI.B."): an abbreviation, whatever the list holds.
ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:[A-Za-z]{1,5}|(?:[A-Za-z]\.){1,4}[A-Za-z]"
                              r"|(?:[A-Za-z0-9]{1,4}\.){1,3}[A-Za-z0-9]{1,4})\.$")  # "VI.B."
# What no sentence starts with: a lowercase word, or a figure ("188" of "train no. 188").
NOT_A_START = re.compile(r"[a-z0-9]")
# What only continues a sentence: "…of Phoenix, Ariz.; Richard M. Simon, 48, …", a list's
# separator after an abbreviation's dot.
CONTINUING_MARK = re.compile(r"[;,:)\]]")
# A time of day goes on with its day or its zone: "until 12:58 a.m. Monday", "9 p.m. EDT".
TIME_OF_DAY_END = re.compile(r"\b[ap]\.m\.$")
TIME_OF_DAY_GOES_ON = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
                                 r"(?:[ECMP][SD]?T|GMT|UTC)\b|"
                                 # "3:17 a.m. Eastern time", "6 p.m. Pacific Daylight Time"
                                 r"(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii"
                                 r"|Greenwich|Coordinated)\b(?:\s+\w+){0,2}?\s+[Tt]ime\b")


# Who said it, and nothing else: "Coast Guard officials said." ends the sentence before it.
ONLY_WHO_SAID = re.compile(r"(?:(?:[A-Z][\w’'.-]*|[a-z]+)\s+){1,5}(?:said|says|reported|"
                           r"announced|added|told reporters)\.[”\"’']?\s*$")


def ends_in_an_abbreviation(before: str, after: str) -> bool:
    """Whether Punkt took an abbreviation for a sentence's end: the span before ends in one
    ("at 9:21 p.m.", "Silverton, Colo.") and the next goes on in lowercase or with a figure
    ("eastern time", "188 derailed"), which no sentence starts with, or only says who said it
    ("officials said."), or a time of day goes on with its day or zone ("12:58 a.m. Monday")."""
    return bool(((NOT_A_START.match(after) or ONLY_WHO_SAID.fullmatch(after))
                 and ABBREVIATION_END.search(before))
                or (TIME_OF_DAY_END.search(before) and TIME_OF_DAY_GOES_ON.match(after)))


# Initials before a name: "the O.B. Curtis Water Treatment Plant", "J.H. Fewell": two or three
# capitals with dots, not after a comma (a place ends a sentence: "Washington, D.C. The …"), then
# a capitalised word no sentence would open with as a function word ("The", "It", "But" …).
INITIALS_END = re.compile(r"(?:^|[^,\s]\s+)((?:[A-Z]\.){2,3})$")
OPENS_A_SENTENCE = re.compile(
    r"(?:The|A|An|This|That|These|Those|It|Its|He|She|His|Her|They|Their|We|Our|I|You|In|On|At|"
    r"By|For|From|With|To|Of|After|Before|When|While|But|And|Or|So|Yet|As|If|Since|There|Here|"
    r"Some|Many|Most|All|No|Not|One|Two|Three|Officials|Still|Then|Now|Meanwhile|However|Also)\b")


# A country's initials ending a sentence, then a word only a sentence opens with: "… across
# the U.S. Most of their crews …" (the abbreviation list keeps "U.S. F-35" whole).
COUNTRY_INITIALS_THEN_OPENING = re.compile(
    r"\b(?:U\.S|U\.K|U\.N|E\.U)\.\s+(?=(?:The|They|It|He|She|We|I|Most|Many|Some|But|And|"
    r"This|That|These|Those|There|Its|Their|His|Her|Our)\s)")


# A footnote's mark after a sentence's end ("… children.[1] As …", "… decision.4 The …",
# "… litigation.\"2", "(… in 1967.)2"): the sentence's, which ends after it.
FOOTNOTE_MARK_START = re.compile(r"[\"”’]?(?:\[\d{1,3}\]|\d{1,3})(?=\s|$)")
FOOTNOTE_MARK_INSIDE = re.compile(r"(?:[a-z][.!?][\"”’)]?|\d[.!?][\"”’)])(?:\[\d{1,3}\]|\d{1,3})"
                                  r"(?=\s+[A-Z\[(])")  # (… in 1967.)2 The act …
SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


def footnote_marks_placed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with each footnote mark kept at the end of the sentence it follows, and a
    sentence that runs on after one ("decision.4 The order …") split there."""
    split: list[tuple[int, int]] = []
    for start, end in spans:
        for match in FOOTNOTE_MARK_INSIDE.finditer(text, start, end):
            split.append((start, match.end()))
            start = match.end() + len(text[match.end():end]) - len(text[match.end():end].lstrip())
        split.append((start, end))
    placed: list[tuple[int, int]] = []
    for start, end in split:
        mark = FOOTNOTE_MARK_START.match(text, start, end)
        if placed and mark and placed[-1][1] == start \
                and SENTENCE_END.search(text, placed[-1][0], placed[-1][1]):
            placed[-1] = (placed[-1][0], mark.end())
            rest = text[mark.end():end]
            start = mark.end() + len(rest) - len(rest.lstrip())
            if start >= end:
                continue
        placed.append((start, end))
    return placed


def split_after_initials(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's spans, each split where a country's initials end a sentence ("the U.S. They
    arrive Tuesday.")."""
    split: list[tuple[int, int]] = []
    for start, end in spans:
        for match in COUNTRY_INITIALS_THEN_OPENING.finditer(text, start, end):
            cut = text.rindex(".", match.start(), match.end()) + 1
            split.append((start, cut))
            start = match.end()
        split.append((start, end))
    return split


def goes_on_after_initials(before: str, after: str, abbreviations: frozenset[str]) -> bool:
    """Whether Punkt split a name at its initials ("the O.B." | "Curtis Water Treatment
    Plant")."""
    initials = INITIALS_END.search(before)
    return bool(initials and initials.group(1).lower().rstrip(".") not in abbreviations
                and after[:1].isupper() and not OPENS_A_SENTENCE.match(after))


# A quotation ending in "?" or "!", then who spoke: '"Did you?" she asked.', '"Who do you call?"
# Joan Brisco asked on Monday.'
QUOTE_END = re.compile(r"[?!][”\"’']\s*$")
NAMED_SPEAKER = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,4}(?:said|says|asked|asks|told|added|"
                           r"wondered|shouted|wrote)\b")


def attributes(text: str) -> bool:
    """Whether a span says who spoke the quotation before it: lower case, or a name and a verb
    of saying."""
    return text[:1].islower() or NAMED_SPEAKER.match(text) is not None


def names_the_speaker(before: str, after: str) -> bool:
    """Whether a quotation that ends in a question or an exclamation is followed by the words
    that say who spoke, which Punkt takes for a new sentence ('"Did you?" she asked.')."""
    return bool(QUOTE_END.search(before)) and attributes(after)


def joined_where_they_go_on(text: str, spans: list[tuple[int, int]],
                            abbreviations: frozenset[str] = frozenset()
                            ) -> list[tuple[int, int]]:
    """Punkt's spans, each joined to the one before where it goes on the same sentence: after
    an abbreviation or a name's initials, or as the speaker of a quotation."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            before, after = text[joined[-1][0]:joined[-1][1]], text[start:end]
            if ends_in_an_abbreviation(before, after) or names_the_speaker(before, after) \
                    or CONTINUING_MARK.match(after) \
                    or goes_on_after_initials(before, after, abbreviations):
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


def segment_paragraph(paragraph: RawParagraph, number: int,
                      abbreviations: tuple[str, ...]) -> Paragraph:
    anchor = f"p{number}"
    sentences = []
    for index, (start, end) in enumerate(split_sentences(paragraph.text, abbreviations), 1):
        line = paragraph.source.line + paragraph.text.count("\n", 0, start)
        source = SourceSpan(paragraph.source.file, line, paragraph.source.offset + start)
        sentences.append(Sentence(f"{anchor}s{index}", paragraph.text[start:end], source))
    return Paragraph(anchor, tuple(sentences), paragraph.source)


def segment_article(article: RawArticle, abbreviations: tuple[str, ...]) -> Article:
    """Number the paragraphs and sentences of an article: p1, p1s1, p1s2, p2, ..."""
    paragraphs = tuple(
        segment_paragraph(paragraph, number, abbreviations)
        for number, paragraph in enumerate(article.paragraphs, 1)
    )
    return Article(article.slug, article.title, paragraphs, article.source_file, article.meta,
                   article.furniture)
