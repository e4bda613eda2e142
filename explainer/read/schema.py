"""The editorial data files in `seeds/`, as typed schemas with a description per field.

Editors change these files without touching code; `load_data_file` validates each one once, and
every problem in a file is reported as `file:line: key.path: what to fix`.
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from ..escape import is_web_address

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
RESERVED_SLUG = "index"  # articles/index/ and topics/index/ list the articles and the topics
# ASCII digits only (\d would take any script's digits) and matched whole (a `$` would let a
# block scalar's trailing newline through, into the event's anchor).
DATE_FORM = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
DATE_HINT = 'write the date as "YYYY", "YYYY-MM" or "YYYY-MM-DD", e.g. "2019-07-12"'
URL_PATTERN = r"^https?://[^\s<>\"']+$"
SENTENCE_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*#p[1-9][0-9]*s[1-9][0-9]*$"
# What to tell an editor whose value doesn't match a pattern (pydantic would print the regex).
PATTERN_HINTS = {
    SLUG_PATTERN: "use lowercase letters, digits and single hyphens, e.g. 'cost-of-repairs'",
    URL_PATTERN: "write a full web address (https:// or http://), without spaces or quotes",
    SENTENCE_ID_PATTERN: "write a sentence id such as 'turkey-s400-f35#p6s2' (see build.py "
                         "--explain)",
}


def calendar_date(value: str) -> str:
    """A date at the precision the editor knows it: "2019", "2019-07" or "2019-07-12", real on
    the calendar. Nothing else passes: no week dates, no 20190712, no other digits."""
    if not DATE_FORM.fullmatch(value):
        raise ValueError(DATE_HINT)
    year = int(value[:4])
    if year == 0:
        raise ValueError(f"{value!r}: there is no year 0000; " + DATE_HINT)
    if len(value) >= 7 and not 1 <= int(value[5:7]) <= 12:
        raise ValueError(f"{value!r}: there is no month {value[5:7]}; " + DATE_HINT)
    if len(value) == 10:
        month, day = int(value[5:7]), int(value[8:])
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise ValueError(f"{value!r} is not on the calendar: {calendar.month_name[month]} "
                             f"{year} has {days} days")
    return value


def not_reserved(value: str) -> str:
    """A topic's page is topics/<slug>/; topics/index/ lists the topics."""
    if value == RESERVED_SLUG:
        raise ValueError(f"'{RESERVED_SLUG}' is the address of the page that lists the topics; "
                         "choose another slug")
    return value


def has_word(value: str) -> str:
    """A signal is matched word by word: one with no letter or digit would never match."""
    if not re.search(r"\w", value):
        raise ValueError("a signal needs a letter or digit; punctuation alone never matches")
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="Lowercase letters, digits and single hyphens: it becomes part of a URL."),
]
LINE_MAX = 200  # characters of one line of editorial data
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                        max_length=LINE_MAX)]
PROSE_MAX = 600  # characters of a paragraph of editorial data (a definition, an event's text)
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                         max_length=PROSE_MAX)]
def web_address(value: str) -> str:
    """An address a page can print as a link: one whose host is there and well formed
    ("https://user@/x" and "https://[::1" are not)."""
    if not is_web_address(value):
        raise ValueError(f"{value!r} is not a web address a page can link to: "
                         + PATTERN_HINTS[URL_PATTERN])
    return value


Url = Annotated[str, StringConstraints(pattern=URL_PATTERN), AfterValidator(web_address)]
Date = Annotated[str, AfterValidator(calendar_date)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StoryFile(Strict):
    """`seeds/explainer.yml`: what the explainer is called and what the story is."""

    title: Line = Field(description="The explainer's headline on the home page.")
    summary: Prose = Field(description="What the story is, in two lines, for the home page.")
    abbreviations: list[Line] = Field(
        default_factory=list,
        description="Extra abbreviations that do not end a sentence (e.g. 'Gen.'), on top of the "
        "built-in list.",
    )


SentenceId = Annotated[
    str,
    StringConstraints(pattern=SENTENCE_ID_PATTERN, max_length=120),
    Field(description="A sentence id, '<article file name>#p<paragraph>s<sentence>', as "
          "`build.py --explain` prints it."),
]


class KeyPointEntry(Strict):
    text: Prose = Field(description="One answer to the topic's question, in the editor's words.")
    cites: list[Line] = Field(
        min_length=1,
        description="The sentences the point rests on: sentence ids (turkey-s400-f35#p2s1) or "
        "phrases copied exactly from an article sentence.",
    )


class TopicEntry(Strict):
    slug: Annotated[Slug, AfterValidator(not_reserved)] = Field(
        description="The topic's URL: topics/<slug>/. Never change it once published.")
    title: Line = Field(description="The topic's name in navigation and headings.")
    question: Line = Field(description="The reader's question this topic answers.")
    signals: list[Annotated[Line, AfterValidator(has_word)]] = Field(
        min_length=1,
        description="Words and phrases that put a sentence on this topic. Matching ignores case, "
        "accents, plural and tense endings, and British/American spelling.",
    )
    key_points: list[KeyPointEntry] = Field(
        default_factory=list, max_length=4,
        description="Up to four answers to the question, shown first on the page; without "
        "them the page opens with the article sentences most central to the topic.",
    )
    include: list[SentenceId] = Field(
        default_factory=list,
        description="Sentences to put on this topic whatever the signals say (the exception).",
    )
    exclude: list[SentenceId] = Field(
        default_factory=list,
        description="Sentences to take off this topic whatever the signals say (the exception).",
    )


class TopicsFile(Strict):
    """`seeds/topics.yml`: the topic pages and the rules that fill them."""

    topics: list[TopicEntry] = Field(min_length=1)


class TermEntry(Strict):
    term: Line = Field(description="The term as readers see it.")
    aliases: list[Line] = Field(default_factory=list, description="Other spellings in articles.")
    definition: Prose = Field(description="One or two sentences for a general reader.")
    source: Url = Field(description="Where the definition can be checked.")


class GlossaryFile(Strict):
    """`seeds/glossary.yml`: the key terms, defined where readers meet them."""

    terms: list[TermEntry] = Field(default_factory=list)
    known: list[Line] = Field(
        default_factory=list,
        description="Names readers need no entry for (countries, cities): the build stops "
        "warning that they are missing from the glossary; and years the timeline needn't hold "
        "(\"1979\" of \"since the store opened in 1979\").",
    )


class EventEntry(Strict):
    date: Date = Field(description='"YYYY", "YYYY-MM" or "YYYY-MM-DD": the format is the '
                       'precision.')
    headline: Line
    text: Prose
    topics: list[Slug] = Field(default_factory=list)
    mentions: list[Line] = Field(
        default_factory=list,
        description="Phrases found in the article sentence(s) that mention this event.",
    )
    source: Url | None = Field(default=None, description="Required when no article gives the date.")


class TimelineFile(Strict):
    """`seeds/timeline.yml`: the story's events."""

    events: list[EventEntry] = Field(default_factory=list)


class ArticleMetaFile(Strict):
    """`seeds/<article>.meta.yml`: optional facts about one article."""

    published: Date | None = Field(
        default=None, description='Publication date: "YYYY", "YYYY-MM" or "YYYY-MM-DD".')
    outlet: Line | None = None
    url: Url | None = None


# The data files an explainer reads, by file name; all but explainer.yml and topics.yml optional.
DATA_FILES: dict[str, type[Strict]] = {
    "explainer.yml": StoryFile,
    "topics.yml": TopicsFile,
    "glossary.yml": GlossaryFile,
    "timeline.yml": TimelineFile,
}
REQUIRED_DATA_FILES = ("explainer.yml", "topics.yml")


# ---- drafts: seeds/drafts/, written by `build.py --draft`, reviewed by the editor -----------


class DraftTermEntry(Strict):
    """A drafted glossary entry: a definition only where an article gives one."""

    term: Line
    aliases: list[Line] = Field(default_factory=list)
    definition: Prose | None = Field(
        default=None, description="The article's own defining phrase, or none: write one.")
    quote: SentenceId | None = Field(default=None, description="The sentence it comes from.")
    source: Url | None = None


class DraftGlossaryFile(Strict):
    terms: list[DraftTermEntry] = Field(default_factory=list)


class DraftEventEntry(EventEntry):
    resolved: Prose | None = Field(
        default=None, description="How a date the words leave open was worked out.")


class DraftTimelineFile(Strict):
    events: list[DraftEventEntry] = Field(default_factory=list)


class DraftTopicsFile(Strict):
    """Drafted topics (when the editor has none), or signals for the editor's topics."""

    topics: list[TopicEntry] = Field(default_factory=list)
    signals: dict[Slug, list[Annotated[Line, AfterValidator(has_word)]]] = Field(
        default_factory=dict)


DRAFT_FILES: dict[str, type[Strict]] = {
    "explainer.yml": StoryFile,
    "topics.yml": DraftTopicsFile,
    "glossary.yml": DraftGlossaryFile,
    "timeline.yml": DraftTimelineFile,
}
