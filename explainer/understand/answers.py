"""Answers: which sentences answer a topic's question, for its "In short" box.

A topic's question says what a reader wants to know. The box shows the sentences that answer
it, not merely the sentences most about the topic. The rules, in an editor's words (the
words themselves are data, in questions.yml):

1. Read the question part by part ("Why did Turkey buy it, and why won't it give it up?" has
   two parts) and each part's kind: why (reasons, motives), effect (consequences), degree
   (figures, extremes), cost, remedy, action, advice, requirement, status (the latest state),
   mechanism (how), what a thing involves, fit, identity.
2. A sentence answers a part when it holds that kind's answer words ("because", "cites",
   "threatens", a figure) or, for the latest state, comes from the newest article (but for a
   definition or a maxim in the timeless present, "E. coli is an important cause of illness",
   which tells no state of things); a part that asks how things stand now is answered by the
   newest article alone.
   Sharing the part's own words helps, and naming whom the part asks about ("what does the
   closure mean for patients?") helps more; a sentence that only restates the question's premise
   ("Turkey remains firm") does not answer a why or a what-does-it-mean.
3. Candidates are the sentences about the topic, and those that mention it when they answer
   its question. A sentence about the topic by its own words outranks one about it by
   context; news puts the answer first, so an article's lead and a paragraph's first
   sentence count a little more, when they are about the topic (a lead that only mentions it
   leads on another topic; for a question of why, or of what something means or costs, a
   lead with no answer word only sets the scene: it tells the event, not its reasons or
   effects). A sentence that opens with a speaker's own words counts less: a
   quotation adds colour to what the reporter has said, and seldom says it in full.
   A sentence that holds no answer word but names more of the topic's signals (what the
   editor said the topic is about) counts more: many answers are told without one.
4. The box answers each part first, then each part's next answers while they are nearly as
   good as that part's best, then the next best answers while they are nearly as good as the
   best, never two points saying the same thing, at most four (five when the
   fifth answers nearly as well as the best). Of two that
   say the same with other figures ("killing at least 12 people", "killing 98 people"), the
   newer article's: it knows the count as it ended, or as it stands.
5. A point must make sense alone (see standalone.py): a point that leans on a sentence the
   reader can't see and can't be mended is passed over.

`build.py --explain` prints, per topic, the question's parts and kinds, each chosen point
with why it won, and the runners-up.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from lemminflect import getAllLemmas, getInflection

from ..dates import auxiliary_verbs, date_mentions, still_to_come
from ..memo import Same, per_content, per_explainer, per_process
from ..model import Article, Explainer, Sentence, Topic
from ..read.furniture import has_final_punctuation
from ..read.people import is_title_word
from .classify import main_tense, read_words, tells_what_is_to_come, tells_what_was
from .names import in_headline_case, vocabulary_of
from .packaged import packaged_yaml
from .queries import newest_articles, paragraph_number
from .standalone import (
    DAY_NAMED,
    QUOTED_TEXT,
    drop_connective,
    in_full,
    opens_a_quotation,
    speakers_in,
    standalone,
    story_names,
    with_the_one_after,
    with_the_one_before,
)
from .wordforms import names_a_thing, own_form_keys, stem, stems, word_classes

MAX_POINTS = 4
# ... and a fifth when it answers nearly as well as the best point does (this share of its
# score): a question with many strong answers shouldn't lose one to the box's size.
RUNNER_UP = 0.8
MIN_ANSWERS = 2
# A point after the first answer of each part must score at least this share of the best
# point, and every point at least FLOOR: a box of two good answers beats one of four mixed.
RELATIVE = 0.65
# ... a point that answers the question earns its place sooner: half the best point's score.
ANSWERING = 0.5
FLOOR = 1.75
# A box of one or two points is thin when the page has more to say: a third joins it when it
# is about the topic by its own words and answers, or names more of the topic's signals, with
# at least this share of the best point's score (a lead or an aside that only mentions the
# topic doesn't count).
MIN_POINTS = 3
THIN = 0.3
SIMILAR = 0.6  # share of content words in common above which two points say the same thing

Stems = tuple[str, ...]


NUMBER = "<number>"
MODALS = frozenset({"will", "would", "could", "can", "cannot", "may", "might", "should", "must"})
REPORTED = frozenset({"said", "says"})
OTHER_MODAL = re.compile(r"\b(?:would|could|can|cannot|can't|may|might|should|must)\b",
                         re.IGNORECASE)
MONEY_CUE = "<money>"
DATE_CUE = "<date>"


@per_process(maxsize=1)  # stemmed at first use: importing the package loads no word tables
def number_words() -> frozenset[str]:
    return frozenset(stems("million billion trillion thousand hundred dozen half third "
                           "quarter percent per cent twice double triple"))


# The numbers news style spells out ("nine additional cases"; not "one", as often "one of them")
SPELLED_NUMBER = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten)\b", re.IGNORECASE)
# A span of time ("seven months after", "for 10 days") says how long, not how much or how many.
# ... and so does one written with a hyphen ("a four-day week", "a 90-day suspension").
SPAN_AFTER = re.compile(r"(?:\s*|-)(?:more\s+|full\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|"
                        r"months?|years?|decades?)\b", re.IGNORECASE)
# ... unless it is what something changed by: "altered the orbit by 32 minutes"
BY_AMOUNT = re.compile(r"\bby\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+|some\s+|more\s+than\s+"
                       r"|at\s+least\s+)?$", re.IGNORECASE)
# a capitalised word within a sentence (not its first): part of a name
NAME_WORD = re.compile(r"(?<=[\w,;:’'\")] )[A-Z][\w’'-]*")
# A time still to come told as a span from now or a season, not a date: "within six weeks",
# "will take seven to 10 days", "next spring". It answers "when will …?" only in a sentence
# that tells what is to come ("crews worked for six weeks" tells what was).
COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
SPAN_AHEAD = re.compile(
    rf"\b(?:(?:within|in)\s+(?:about\s+|roughly\s+|around\s+|another\s+|the\s+next\s+)?{COUNT}"
    rf"|(?:take|takes|last|lasts|need|needs)\s+(?:about\s+|roughly\s+|at\s+least\s+|up\s+to\s+)?"
    rf"{COUNT}(?:\s+to\s+{COUNT})?)\s+(?:more\s+)?(?:days?|weeks?|months?|years?)\b"
    r"|\bnext\s+(?:spring|summer|fall|autumn|winter)\b"
    r"|\b(?:early|late|mid-?)\s*(?:spring|summer|fall|autumn|winter)\b", re.IGNORECASE)
FIGURE = re.compile(r"\d|[$€£¥%]")  # something concrete: a number, a year, a designator
# A quantity, which answers "how bad", "how many": not a designator's digits ("F-35",
# "S-400s") nor a year ("in 2017").
# A time of day is no amount: "9:21 p.m.", "at 10 a.m.".
CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:[ap]\.\s?m\.|[ap]m\b)|\b\d{1,2}:\d\d\b",
                        re.IGNORECASE)
# A number that names one of a series is no amount: "a category 4 hurricane", "Route 31",
# "Flight 302", "Level 3 alert", "Stage 2 restrictions", "Unit 3".
DESIGNATED = re.compile(r"\b(?:category|cat|level|stage|phase|route|flight|train|unit|gate|"
                        r"grade|platform|channel|highway|interstate|runway|pier|ward|district|"
                        r"precinct|exit|lane|line|bus|milepost|mp|no\.)\s+\d+(?:\.\d+)?[a-z]?\b",
                        re.IGNORECASE)
# A number counting the list the sentence goes on to give is the list's length, no amount:
# "takes into account two key factors: …", "The board attached two conditions: …"
LIST_LENGTH = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d)\s+"
                         r"(?:[a-z]+\s+){0,2}?[a-z]+s\s*:", re.IGNORECASE)
QUANTITY = re.compile(r"[$€£¥%]|(?<![\w-])(?!(?:1[89]|20)\d\d\b)\d[\d,.]*(?![\w])")


# A count of something: a number, up to two words, then what it counts ("14 degree programs",
# "27 votes", "Ten programs"); a sum of money counts money ("$6.2 million").
# (a count never runs on past a comma: "Beginning March 1, 2026, FEMA will …" counts no FEMA)
COUNTED = re.compile(r"(?<![\w$.,-])(\d(?:[\d,.]*\d)?|two|three|four|five|six|seven|eight|nine|ten|"
                     r"eleven|twelve)\s+(?:(?:more|fewer|additional|new|other|full-time|part-time|"
                     r"[a-z]+-[a-z]+)\s+)?([a-z]{3,})\b", re.IGNORECASE)
MONEY_SUM = re.compile(r"[$€£¥]\s?\d[\d,.]*(?:\s+(?:million|billion|thousand))?")


# ---- the question -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """What a kind of question asks for (questions.yml)."""

    name: str
    asks: tuple[re.Pattern[str], ...]
    answers: tuple[Stems, ...]
    latest: bool = False
    written: tuple[str, ...] = ()  # the answer words as questions.yml writes them
    patterns: tuple[re.Pattern[str], ...] = ()  # answers written as patterns (", saying")
    negated: bool = False  # a negated answer word still answers ("no deal yet")
    causes: re.Pattern[str] | None = None  # "X led Y to do Z" (cause_verbs)
    newest: float = 0.0  # what being in the newest article adds, for a latest-state kind
    ahead: bool = False  # only a date after the article's own answers ("when will it reopen")
    past: bool = False  # told in the past: a sentence about what is still to come answers nothing
    of_then: bool = False  # asked in the past ("how were customers hurt?"): nor does one here
    to_come: bool = False  # asks what comes next: told in the past, undated, answers nothing
    now: bool = False  # asks how things stand now: only the newest article answers
    so_far: bool = False  # a count so far: the newest article's answers count more
    latest_unless_past: bool = False  # "what did it mean …" asks of then, not of now
    quoted: bool = True  # answer words inside quotation marks answer it (a speaker's words)
    asides: bool = False  # answer words in a clause about a person named in passing answer it
    refers_back: re.Pattern[str] | None = None  # names it as already known: no answer
    described: bool = False  # "ERCOT, a nonprofit corporation …" tells what ERCOT is
    background: re.Pattern[str] | None = None  # what had been done before: no answer
    money: bool = True  # a sum of money is a figure that answers ("how far …?": no)
    to_be: bool = False  # asks what will be: a clause told as history answers nothing
    like: str = ""  # the kind whose answer words it borrows ("failure" gives reasons, as "why")
    reacted: bool = False  # "how did people react?": a reaction then, told in the past
    counted: Stems = ()  # what "how many" counts ("how many people died?": people)
    given: bool = False  # asks how much was given out: what was asked for or received is not
    spread: bool = False  # asks how far it reached: a weight says how much, not how far
    share_of: bool = False  # asks how much of a thing: a share must be of what it names
    harm: bool = False  # asks how bad a harm was: aid given for it is no measure of it
    named: Stems = ()  # which ones of these a which question asks for ("which branches …?")
    done: Stems = ()  # ... and what it asks they do or undergo ("close", "stay open")
    deed: Stems = ()  # the verb of "how was the mayor recalled?": who recalled her answers


@dataclass(frozen=True)
class Part:
    """One part of a question: its words, its kind and its content words (as stems)."""

    text: str
    kind: Kind
    words: Stems
    focus: Stems = ()  # whom it asks about: "what does the closure mean for [patients]"
    subject: Stems = ()  # the things it names ("why did [the levee] fail?"): no answer word


@dataclass(frozen=True)
class Question:
    text: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Rules:
    kinds: tuple[Kind, ...]
    premise: tuple[Stems, ...]
    premise_asked: re.Pattern[str]  # a why question asking about a refusal or persistence
    refusal: re.Pattern[str]
    stopwords: frozenset[str]
    open_question: re.Pattern[str]  # a question the sentence reports as still open
    focus: re.Pattern[str]  # what comes after it in a question names whom it asks about
    future: re.Pattern[str]  # a question part about what is still to come
    future_newest: float  # what being in the newest article adds for it
    so_far: re.Pattern[str]  # a count so far: the newest article's figure answers first
    happened_to: re.Pattern[str]  # a why part about what happened to a thing
    purposes: frozenset[str]  # answer words and patterns of "why" that give a purpose
    now: re.Pattern[str]  # a question part about how things stand now
    next: re.Pattern[str]  # a question part about what comes next
    # reasons that tell why someone refused or stopped ("could not afford"), for a why
    # question about a refusal
    refusal_reasons: tuple[re.Pattern[str], ...] = ()
    # nouns that count people ("how many people died?" is answered by "98 workers", not by
    # "1,000 tests"), as stems
    people: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()  # a person's pronouns: in a question, no word of it
    deed_asked: re.Pattern[str] | None = None  # "how was …": what follows, its verb inside
    deed_undone: re.Pattern[str] | None = None  # ... told with no doer, before the verb


def background_pattern(spec: str | list[str] | None) -> re.Pattern[str] | None:
    """A kind's background (what answers nothing), one pattern or a list of them."""
    if not spec:
        return None
    return re.compile("|".join(spec) if isinstance(spec, list) else spec, re.IGNORECASE)


@per_process(maxsize=1)
def rules() -> Rules:
    """The kinds of question and their answer words, from the packaged questions.yml."""
    data = packaged_yaml("questions.yml")
    kinds = []
    for name, spec in data["kinds"].items():
        # "cite" and "citing" are one word: its first spelling stands for both.
        cues: dict[Stems, str] = {}
        like = data["kinds"][spec["like"]] if spec.get("like") else {}
        borrowed = like.get("answers") or []
        borrowed_patterns = like.get("answer_patterns") or []
        for answer in map(str, [*spec.get("answers", []), *borrowed]):
            for key in cue_keys(answer):
                cues.setdefault(key, answer)
        kinds.append(Kind(name, tuple(re.compile(p, re.IGNORECASE) for p in spec["asks"]),
                          tuple(cues), bool(spec.get("latest")), tuple(cues.values()),
                          tuple(re.compile(p, re.IGNORECASE)
                                for p in [*(spec.get("answer_patterns") or ()),
                                          *(spec.get("purpose_patterns") or ()),
                                          *borrowed_patterns]),
                          bool(spec.get("negated")), cause_pattern(spec.get("cause_verbs")),
                          float(spec.get("newest_counts", 0.0)),
                          spec.get("dates") == "ahead", spec.get("tense") == "past",
                          latest_unless_past=spec.get("latest") == "unless asked in the past",
                          quoted=spec.get("quoted", True) is not False,
                          asides=bool(spec.get("asides")),
                          refers_back=(re.compile(spec["refers_back"], re.IGNORECASE)
                                       if spec.get("refers_back") else None),
                          described=bool(spec.get("described")),
                          background=background_pattern(spec.get("background")),
                          like=spec.get("like") or ""))
    before = "|".join(sorted((re.escape(w) for w in data["open_question_after"]), key=len,
                             reverse=True))
    # ... with the modal it hangs on, which tells no effect of its own: her office "would
    # \"look closely at what this means\"" says what will be looked into, not what follows
    open_question = re.compile(rf"\b(?:(?:will|would|could|may|might|must)\s+[\"“]?)?"
                               rf"(?:(?:{before})\s+(?:how|who|whom|what|why|where|which|"
                               rf"when|whether)|whether)\b[^,;:.!?—–]*|{OPENING_QUESTION}",
                               re.IGNORECASE)
    focus = re.compile(rf"\b(?:{'|'.join(data['focus_after'])})\s+(.+)$", re.IGNORECASE)
    return Rules(tuple(kinds), tuple(stems(p) for p in data["premise"]),
                 re.compile("|".join(data["refusal"] + data["premise_asked_by"]), re.IGNORECASE),
                 re.compile("|".join(data["refusal"]), re.IGNORECASE),
                 frozenset(stem(w) for w in data["stopwords"].split()), open_question, focus,
                 re.compile(data["future"]["asks"], re.IGNORECASE),
                 float(data["future"]["newest_counts"]),
                 re.compile(data["so_far"], re.IGNORECASE),
                 re.compile("|".join(data["happened_to"]), re.IGNORECASE),
                 frozenset(map(str, [*data["kinds"]["why"].get("purpose", []),
                                     *data["kinds"]["why"].get("purpose_patterns", [])])),
                 re.compile(data["now"], re.IGNORECASE), re.compile(data["next"], re.IGNORECASE),
                 tuple(re.compile(p, re.IGNORECASE)
                       for p in data["kinds"]["why"].get("refusal_patterns", [])),
                 frozenset(stems(" ".join(data["people_counted"]))),
                 frozenset(stem(w) for w in data["pronouns"]),
                 re.compile(data["deed_asked"], re.IGNORECASE),
                 re.compile(data["deed_undone"], re.IGNORECASE))


# A sentence that opens (after a phrase and a comma, perhaps) with a question something hangs on,
# or nobody knows yet: "For shoppers, what the merger means depends on where they live", "How
# much it will cost remains unclear".
OPENING_QUESTION = (r"^\W*(?:[^,;:.!?—–]{1,40},\s*)?(?:what|how|who|why|where|when|which)\b"
                    r"[^,;:.!?—–]*?(?=\s+(?:depends?|"
                    r"will depend|remains? to be seen|(?:is|are|was|were|remains?) (?:still )?"
                    r"(?:unclear|unknown|uncertain|not (?:yet )?(?:clear|known))))")


def without_purposes(kind: Kind) -> Kind:
    """A why kind for what happened to a thing: a purpose ("so that it cannot fall") is of
    what someone did after, no answer."""
    kept = [(cue, written) for cue, written in zip(kind.answers, kind.written)
            if written not in rules().purposes]
    return replace(kind, answers=tuple(c for c, _ in kept), written=tuple(w for _, w in kept),
                   patterns=tuple(p for p in kind.patterns if p.pattern not in rules().purposes))


def cause_pattern(verbs: list[str] | None) -> re.Pattern[str] | None:
    """ "X led Y to do Z": the verb, Y and "to" + a verb (X is the clause before it)."""
    if not verbs:
        return None
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, verbs))})\s+(?:\S+\s+){{1,5}}?to\s+"
                      r"(?!the\b|a\b|an\b)\w+", re.IGNORECASE)


CLAUSE_BREAK = re.compile(r"[,;:—–]")
BREAK = "clausebreak"  # stands for a clause's end among a sentence's words


def clause_before(text: str, end: int) -> str:
    """The words of text[:end] since the last break between clauses."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, 0, end)]
    return text[breaks[-1] if breaks else 0:end]


# A clause about a person named in passing: "Council member Anita Brisco, who voted in June
# against the plan, said …" tells who she is, not what the council did (`asides` in
# questions.yml).
ABOUT_A_PERSON = re.compile(r",\s+(?:who|whom|whose)\b[^,;:()—–]*")


# A clause that says its subject is not known: "The cause of the leak was not known on
# Tuesday", "the number of people exposed remains unclear", "we do not yet know what caused
# it", "updates stop until the cause is known".
UNKNOWN = re.compile(
    r"\b(?:(?:was|were|is|are|remains?|remained|has|have|had)\s+(?:still\s+)?"
    r"(?:not|never)\s+(?:yet\s+|immediately\s+|been\s+|publicly\s+)*(?:known|clear|"
    r"determined|identified|disclosed|explained)|(?:remains?|remained|is|was|are|were)\s+"
    r"(?:still\s+)?(?:unknown|unclear|undetermined|a mystery)|(?:do|does|did)\s+not\s+(?:yet\s+)?"
    r"know|(?:don't|doesn't|didn't)\s+(?:yet\s+)?know|until\s+(?:\w+\s+){1,5}?(?:is|are)\s+"
    r"(?:known|determined|found|identified|clear))\b", re.IGNORECASE)
# What someone would not say, and why a source is not named: "the company would not comment
# on the cause", "who spoke on condition of anonymity because she was not allowed to".
NOT_SAID = re.compile(
    r"\b(?:(?:would|will|did|does|do|could)\s+not|declined\s+to|refused\s+to)\s+(?:comment|"
    r"speculate|discuss|elaborate)\b[^,;:—–.!?]*|\b(?:on\s+(?:the\s+)?condition\s+(?:of\s+"
    r"anonymity|that\s+\w+\s+not\s+be\s+(?:named|identified))|(?:asked|requested)\s+(?:not\s+to\s+"
    r"be\s+(?:named|identified)|anonymity))\b[^,;:—–.!?]*", re.IGNORECASE)


# What an inquiry sets out to find: "an audit to identify federal funding decisions", "sent
# investigators to identify factors contributing to the collapse", "one more reason to look for
# outside money", "would ask to hear from shoppers". It is sought, not found (with the modal
# it hangs on: "would ask" tells no effect).
SOUGHT = re.compile(r"\b(?:(?:will|would|could|may|might|must)\s+(?:[a-z]+\s+)?)?"
                    r"to\s+(?:identify|determine|assess|establish|pinpoint|find\s+out|learn|"
                    r"look\s+for|hear\s+from)\b"
                    r"[^,;:—–.!?]*", re.IGNORECASE)


# Reasons a sentence only counts, for the sentences after it to give: "The company gave four
# reasons.", "Officials cited several factors for the shortage.", "The shortage is the result
# of many factors." (a colon and a list answer).
COUNTED_ONLY = re.compile(
    r"(?:\b(?:the\s+(?:result|product)\s+of|caused\s+by|due\s+to|driven\s+by|because\s+of)\s+)?"
    r"\b(?:two|three|four|five|six|several|many|a few|a number of|some|other)\s+(?:main\s+|key\s+|"
    r"big\s+|major\s+)?(?:reasons|factors|causes|explanations|problems)\b(?:\s+for\b[^.:;!?]*)?"
    r"(?=\s*[.!]?\s*$)", re.IGNORECASE)


def without_unknowns(text: str) -> str:
    """The sentence without each clause that says its subject is not known: found by its verb,
    then widened to the clause breaks around it (a pattern that began anywhere would try every
    start of a long sentence)."""
    kept, at = [], 0
    for match in UNKNOWN.finditer(text):
        start = max((m.end() for m in CLAUSE_BREAK.finditer(text, at, match.start())),
                    default=at)
        stop = CLAUSE_BREAK.search(text, match.end())
        kept += [text[at:start], " "]
        at = stop.start() if stop else len(text)
    return "".join(kept) + text[at:]


def without_open_questions(text: str) -> str:
    """The sentence without the questions it reports as still open ("members argued over how
    a raise could be paid for"), the clauses that say what is not known ("the cause was not
    known") and what someone would not say, or why a source is not named ("asked not to be
    named because he feared for his job"), and reasons only counted ("the company gave four
    reasons"): their words ask or announce, they don't answer."""
    return SOUGHT.sub(" ", COUNTED_ONLY.sub(" ", NOT_SAID.sub(" ", without_unknowns(
        rules().open_question.sub(" ", text)))))


def cue_keys(cue: str) -> list[Stems]:
    """An answer word as a sentence may write it: every form of each of its words as written
    ("lay off" is also "laid off", though "lay" alone is most often lie's)."""
    if cue in (NUMBER, MONEY_CUE, DATE_CUE):
        return [(cue,)]
    keys = [tuple(dict.fromkeys([stem(word), *own_form_keys(word)]))
            for word in re.findall(r"\w+", cue)]
    return list(dict.fromkeys(itertools.product(*keys)))


# "…, and why won't it give it up?": a new question word after "and" (or a semicolon) starts
# a new part of the question.
# a question word may follow its preposition: "who won, and by how much?", "for how long?",
# "who is suing, and on what grounds?"
AFTER_A_PREPOSITION = r"(?:by|for|from|to|at|with|until|since|on|under)\s+"
ASKED_AFTER = rf"(?:{AFTER_A_PREPOSITION})?"
PART_BREAK = re.compile(rf"(?:,?\s+and\s+|;\s*|,\s+)(?={ASKED_AFTER}(?:why|how|what|who|where|"
                        r"when|which|can|could|will|would|is|are|was|were|does|do|did|has|have|"
                        r"should)\b)", re.IGNORECASE)


QUESTION_WORD = re.compile(rf"^{ASKED_AFTER}(?:why|how|what|who|whom|whose|where|when|which|can|"
                           r"could|will|would|is|are|was|were|does|do|did|has|have|should)\b",
                           re.IGNORECASE)
CONTRACTION = re.compile(r"\b(what|who|where|how|when|why|that|it|there)[’']s\b", re.IGNORECASE)
# "the businesses around the lake": whom a question asks about ends at a preposition
FOCUS_ENDS = re.compile(r"\b(?:on|in|at|around|across|near|of|from|with|by|over|under|along|"
                        r"beyond|through|inside|outside)\b", re.IGNORECASE)
# "what did …", "how long did …"
ASKED_IN_THE_PAST = re.compile(r"^\W*(?:\w+ ){1,2}(?:did|was|were|had)\b", re.IGNORECASE)
REACT = re.compile(r"\breact(?:ed)?\b", re.IGNORECASE)
LATER_ON = re.compile(r"\b(?:still|now|(?:a|one|two|\w+ (?:days?|weeks?|months?|years?)) later|"
                      r"anniversary)\b", re.IGNORECASE)
SAID_THEN = re.compile(r"\b(?:said|told|wrote|added|tweeted)\b", re.IGNORECASE)
GENERIC_KINDS = frozenset({"mechanism", "identity"})  # what a bare "how" or "what" asks
ASKS_WHO = re.compile(r"^\W*(?:and |but |or )?(?:who|whom|whose)\b", re.IGNORECASE)
# "what is the city doing about it?": whose doings it asks about ("what were consumers told
# to do?" asks about the consumers, "what was the professor accused of doing?" the professor)
ACTOR = re.compile(r"\bwhat (?:is|are|was|were|has|have|will|should) (.+?) (?:be )?"
                   r"(?:(?:been )?(?:told|asked|advised|urged|warned|instructed|encouraged|"
                   r"expected|supposed|allowed) (?:not )?to |(?:accused|suspected) of )?"
                   r"(?:doing|done|do)\b", re.IGNORECASE)
# "people who own a cooker" are its owners: the people are anyone, the verb names them
PEOPLE_WHO = re.compile(r"^\s*(?:the\s+)?(?:people|those|anyone|everyone|someone)\s+who\s+"
                        r"([a-z]+)\b(.*)$", re.IGNORECASE)


# A question's subordinate clause, to its end: "… when the spacecraft hit the asteroid?"
SUBORDINATE_REST = re.compile(r"\s(?:when|after|before|if|once|since|while|until|as soon as)\s.*$",
                              re.IGNORECASE)


def without_verb_first(phrase: str) -> str:
    """Whom a question asks about, without a verb it opens with: "protecting Earth" asks about
    Earth; "(do to) get help" names nobody."""
    first = re.match(r"\s*([a-z]+)\b", phrase)
    if not first:
        return phrase
    lemmas = getAllLemmas(first[1])
    rest = phrase[first.end():].strip(" ?")
    if first[1].endswith("ing") and "VERB" in lemmas and rest and not FOCUS_ENDS.match(rest):
        return rest  # ("do to shipping on the Mississippi?" names the shipping)
    if "VERB" in lemmas and "NOUN" not in lemmas and "ADJ" not in lemmas \
            and not first[1].endswith("ing"):
        return ""
    return phrase


def focus_words(phrase: str) -> Stems:
    """The words of whom a question asks about ("patients", "Tanner's Point"): people named by
    what they do ("people who own a SteamLock 6") are named by its doer too ("owners")."""
    who = PEOPLE_WHO.match(phrase)
    if who and not who[1].lower().endswith(("ed", "s")):  # "who own", not "who needed"
        verb = who[1].lower()
        doers = f"{verb}r" if verb.endswith("e") else f"{verb}er"
        phrase = f"{doers} {verb} {who[2]}"
    return tuple(s for s in stems(phrase) if s not in rules().stopwords
                 and s not in rules().pronouns and not s.isdigit())


@per_process(maxsize=1024)
def read_question(text: str) -> Question:
    """A question's parts, each with its kind and content words.

    A piece that asks nothing ("If treated water is lead-free, …") gives its words to the part
    after it; a bare "how did it" asks again what the part before it asked."""
    pieces = [p.strip(" ?") for p in PART_BREAK.split(text.strip()) if p.strip(" ?")]
    kinds = rules().kinds
    parts: list[Part] = []
    premise: tuple[str, ...] = ()
    for piece in pieces or [text]:
        words = tuple(s for s in stems(piece)
                      if s not in rules().stopwords and s not in rules().pronouns)
        if not QUESTION_WORD.match(piece) and piece is not pieces[-1]:
            premise += words
            continue
        asked = CONTRACTION.sub(lambda m: f"{m[1]} is", piece)  # "what's next" asks "what is"
        kind = next((k for k in kinds if any(p.search(without_names(asked)) for p in k.asks)),
                    kinds[-1])
        if (kind.name == "why" and rules().happened_to.search(piece)) or kind.name == "failure":
            # what went wrong happened to a thing: no purpose of anyone's answers it
            kind = without_purposes(kind)
        if kind.name == "why" and rules().refusal.search(piece):
            # why someone refused or stopped: money that isn't there answers ("could not afford")
            kind = replace(kind, patterns=kind.patterns + rules().refusal_reasons)
        if ASKED_IN_THE_PAST.search(piece):
            # what is still to come ("the bank will not be prosecuted", "teams will continue
            # preparing for its return") answers no question asked in the past ("how were
            # customers hurt?", "how did the flight end?")
            kind = replace(kind, of_then=True)
        if kind.name == "opinion" and ASKED_IN_THE_PAST.search(piece) and REACT.search(piece):
            # "how did people react to the fire?": how they took it then, not how they feel a
            # year later ("pilgrims are still mourning", "he sees many people pray there")
            kind = replace(kind, reacted=True)
        if kind.latest_unless_past and ASKED_IN_THE_PAST.search(piece):
            # "what did the recall mean for families?", "how long did the outages last?" ask
            # of then: the newest article knows no better
            kind = replace(kind, latest=False, newest=0.0)
        if rules().so_far.search(piece) and not kind.latest and not rules().future.search(piece):
            # "how many people have caught measles?": the newest count, where it gives one
            kind = replace(kind, so_far=True, newest=rules().future_newest)
        elif rules().future.search(piece) and not kind.latest:
            # "how much will it cost?": what is still to come, the newest article knows best
            kind = replace(kind, latest=True, newest=rules().future_newest)
        if rules().future.search(piece):
            kind = replace(kind, to_be=True)
        if rules().now.search(piece):
            kind = replace(kind, now=True)
        if rules().next.search(piece):
            kind = replace(kind, to_come=True)
        if kind.name == "degree" and SPREAD_ASKED.search(piece):
            # "how far has it spread?" is not answered by "$589 million to control it", nor
            # by a weight ("dropping 7.5 tons of water")
            kind = replace(kind, money=False, spread=True)
        if kind.name == "degree" and COUNT_ASKED.search(piece):
            # "how many were killed or hurt?" asks a count: "damage of $9.2 million" gives none
            kind = replace(kind, money=False, counted=asked_count(piece))
        if kind.name == "which":
            # "which branches close?": one named ("the Eastside branch will close") answers;
            # "…, and which stays open?" asks of the same things
            earlier = next((p.kind.named for p in reversed(parts) if p.kind.named), ())
            after = WHICH_WHAT.search(piece)
            named = earlier if earlier and after and "VERB" in word_classes(
                after[1].split()[0].lower()) else asked_which(piece)
            kind = replace(kind, named=named, done=tuple(
                w for w in words if w not in named and w not in asked_which(piece, True)))
        if kind.name == "mechanism" and (deed := asked_deed(piece)):
            # "how was the mayor recalled?": who recalled her tells how
            kind = replace(kind, deed=deed)
        if kind.name == "degree" and GIVEN_ASKED.search(piece):
            # "how much has it provided?" asks what was given out: "received more than 3,000
            # registrations" counts what was asked of it
            kind = replace(kind, given=True)
        much_of = HOW_MUCH_OF.search(piece) if kind.name == "degree" else None
        if much_of and "NOUN" in word_classes(much_of[1].lower()):
            # "how much trade do they hit?": a share of something else answers nothing ("95
            # percent of the world population")
            kind = replace(kind, share_of=True)
        if kind.name == "degree" and HARM_ASKED.search(piece):
            # "how bad was the damage?" is not measured by the aid pledged to repair it
            kind = replace(kind, harm=True)
        if not words and parts:  # "…, and why?" asks about what the part before asks
            words = parts[-1].words
            if kind.name in GENERIC_KINDS and not ASKS_WHO.match(piece) \
                    and not re.match(AFTER_A_PREPOSITION, piece, re.IGNORECASE):
                # "…, and how?" asks what the part before asks; "…, and who are they?"
                # asks who, "…, and to what?" what it was to
                kind = parts[-1].kind
        # whom it asks about is named in the main clause ("what happened when the spacecraft
        # hit the asteroid?" asks about no asteroid)
        asks_about = rules().focus.search(SUBORDINATE_REST.sub("", piece))
        actor = ACTOR.search(piece)
        focus = (focus_words(FOCUS_ENDS.split(without_verb_first(asks_about[1]))[0])
                 if asks_about else focus_words(actor[1]) if actor else ())
        parts.append(Part(piece, kind, tuple(dict.fromkeys(premise + words)), focus,
                          subject_words(asked, kind)))
        premise = ()
    return Question(text, tuple(parts))


def asked_deed(piece: str) -> Stems:
    """The verbs of a question of how something was done to its subject: "how were people
    rescued and sheltered?" asks of rescuing and sheltering; "how was the test meant to work?"
    of no deed done to the test."""
    pattern = rules().deed_asked
    asked = pattern.search(piece) if pattern else None
    if not asked:
        return ()
    deeds = []
    for word in re.finditer(r"\b[a-z]+\b(?!\s+to\b)", asked[1]):
        lemmas = getAllLemmas(word[0]).get("VERB", ())
        if any(word[0] in getInflection(lemma, "VBN") for lemma in lemmas):
            deeds.append(stem(word[0]))
    return tuple(deeds)


DEED_BY = re.compile(r"^\s+(?:[\w’'-]+\s+){0,3}?by\b")
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|any|no)\s+$",
                               re.IGNORECASE)


def told_deeds(text: str, deed: Stems) -> list[str]:
    """The question's own deed as the sentence tells it with its doer ("the Assembly voted to
    impeach Park", "impeached by the Assembly"): not done to someone unnamed ("Park was
    impeached"), nor a noun ("the recall")."""
    found = []
    done_to = rules().deed_undone
    for word in re.finditer(r"[\w’'-]+", text):
        if stem(word[0].lower()) not in deed or DETERMINER_BEFORE.search(text[:word.start()]):
            continue
        undone = done_to and done_to.search(text[:word.start()])
        if not undone or DEED_BY.match(text[word.end():]):
            found.append(word[0].lower())
    return found


# A capitalised word inside a question is a name, whatever it spells: "What happened to Darnell
# Price?" asks nothing about prices, "Is Grant County safe?" nothing about grants.
NAME_INSIDE = re.compile(r"(?<=[\w,;)’'])(\s+)[A-Z][a-z][\w’'-]*")


def without_names(text: str) -> str:
    """The text with each capitalised word inside it (not its first) as a plain "x"."""
    return NAME_INSIDE.sub(r"\1x", text)


def subject_words(piece: str, kind: Kind) -> Stems:
    """The things a question part names outside the words its kind asks with: "why did the
    levee fail?" is about the levee. What it asks of them ("fail", "reopen", "safe") may be
    what a sentence answers with ("the plant will reopen in May")."""
    for pattern in kind.asks:
        piece = pattern.sub(" ", piece)
    return tuple(s for s in stems(piece) if s not in rules().stopwords and names_a_thing(s))


# ---- how a sentence answers ---------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A sentence that may answer the question, its score and why."""

    article: Article
    sentence: Sentence
    score: float
    parts: tuple[int, ...]  # the question parts it answers (by their kind)
    evidence: Evidence
    question: Question
    text: str  # as it stands alone in the box
    mended: bool  # the text was changed to stand alone
    before: Sentence | None = None  # the sentence it points back to, shown before it
    after: Sentence | None = None  # the sentence naming its speaker, shown after it
    signals_named: float = 0.0  # what naming more of the topic's signals added (no answer words)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why it scored as it did, in words (build.py --explain): worked out only when asked,
        for most candidates of a story are never shown."""
        said = reasons(self.evidence, self.question)
        if self.signals_named:
            said += ("names more of the topic's signals (it holds no answer word)",)
        return said

    @property
    def id(self) -> str:
        return f"{self.article.slug}#{self.sentence.anchor}"

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences the point shows, in reading order."""
        return tuple(s for s in (self.before, self.sentence, self.after) if s is not None)


NEGATIONS = frozenset({"not", "never", "t", "cannot"})  # "t" of "didn't" (stems split it)
# ... and what someone refused or failed to do ("the judge refused to block the cap"), as stems
REFUSED = frozenset({("refuse", "to"), ("decline", "to"), ("fail", "to")})


def places(words: Stems) -> dict[str, list[int]]:
    """Where each word stands in a sentence, so that a phrase is looked for only where its
    first word is (a kind has dozens of answer words; a sentence holds few of them)."""
    found: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        found.setdefault(word, []).append(index)
    return found


def held(words: Stems, at: dict[str, list[int]], phrase: Stems, negated_too: bool) -> bool:
    """Whether the words hold the phrase not negated ("we didn't want this" wants nothing), or
    at all with `negated_too`, looking only where the phrase's first word is."""
    n = len(phrase)
    split = n == 2 and phrase[1] in PARTICLES  # "put it off" holds "put off"
    return any((words[i:i + n] == phrase
                or split and words[i + 1:i + 2] and words[i + 1] in OBJECT_PRONOUNS
                and words[i + 2:i + 3] == phrase[1:])
               and (negated_too or i == 0 or (words[i - 1] not in NEGATIONS
                                              and tuple(words[max(0, i - 2):i]) not in REFUSED))
               for i in at.get(phrase[0], ()))


# A verb's particle, which a pronoun object stands before: "put it off", "shut them down"
PARTICLES = frozenset({"off", "down", "out", "up", "aside", "back", "away", "over"})
OBJECT_PRONOUNS = frozenset({"it", "them", "this", "that", "him", "her"})


@per_process(maxsize=1 << 16)  # per sentence: a save redoes its own article's
def says_a_premise(text: str) -> bool:
    """Whether a sentence holds a word that states a question's premise ("remains firm")."""
    words = stems(text)
    at = places(words)
    return any(held(words, at, phrase, True) for phrase in rules().premise)


def gives_a_figure(text: str) -> bool:
    """Whether a sentence gives an amount: a figure, in digits or words, that is not a span of
    time, a date ("March 22") or a time of day ("at 9:21 p.m.")."""
    for mention in date_mentions(text):
        end = mention.start + len(mention.phrase)
        text = text[:mention.start] + " " * len(mention.phrase) + text[end:]
    text = LIST_LENGTH.sub(" ", DESIGNATED.sub(" ", CLOCK_TIME.sub(" ", text)))
    # "Double" in "Double Asteroid Redirection Test" or "Third" in "Third Street" is a name's
    return any(not SPAN_AFTER.match(text, m.end()) or BY_AMOUNT.search(text, 0, m.start())
               for pattern in (QUANTITY, SPELLED_NUMBER) for m in pattern.finditer(text)) \
        or bool(number_words() & set(stems(NAME_WORD.sub(" ", text))))


# A run of capitalised words: a name, with the title or office before it ("Public Works
# Director Ana Ruiz" tells who she is).
# a body's name, from its head word back: "the Federal Emergency Management Agency" says who
BODY_NAME = re.compile(r"\b(?:[A-Z][\w’'-]*\s+(?:of\s+|and\s+|for\s+)?){1,5}(?:Agency|"
                       r"Administration|Department|Commission|Committee|Council|Office|Service|"
                       r"Bureau|Board|Authority|Institute|Center|Centre|Association|Corps|"
                       r"Program|Programme|Fund|Act|Test)\b")
CAPITALISED_RUN = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")
# A name with a description set beside it: "ERCOT, a nonprofit corporation", "the Electric
# Reliability Council of Texas (ERCOT)—the grid operator for most of the state". The
# description opens with a common word ("the grid operator", not "the PUC" of a list).
DESCRIBED = re.compile(r"([\w’'-]+)\)?\s*(?:,|—|–|\s-\s)\s*(?:a|an|the)\s+(?-i:[a-z])",
                       re.IGNORECASE)


# Examples in brackets: "(e.g., low profit margins leading to market exit)"
EXAMPLES_ASIDE = re.compile(r"\s*\((?:e\.g\.|i\.e\.|for example|for instance|such as)[^()]*\)",
                            re.IGNORECASE)
# The other case a sentence opens by setting itself against: "Unlike February 2021, when the
# storm left millions without power, generators avoided outages" tells of this winter alone
CONTRAST_OPENING = re.compile(r"^(?:Unlike|Compared (?:with|to)|In contrast to|Contrary to)\b"
                              r"[^,;]*,(?:\s*(?:when|where|which|who)\b[^,;]*,)?")


TO_GERUND = re.compile(r"\bto(\s+)([a-z]+ing)\b", re.IGNORECASE)


def without_gerunds_after_to(text: str) -> str:
    """The text with each "to" before a verb's -ing form ("committed to protecting") set
    apart as a clause's end, so that it reads as no infinitive; "to bring" stays."""
    return TO_GERUND.sub(lambda m: m[0] if stems(m[2]) == (m[2].lower(),)
                         else f"{BREAK}{m[1]}{m[2]}", text)


@per_process(maxsize=1 << 16)  # per sentence and question part: a save redoes its own article
def cue_hits(text: str, kind: Kind, asked: Stems = (),
             published: str | None = None) -> tuple[str, ...]:
    """The answer words of a kind found in a sentence (`asked`: the question part's own
    words; `published`: its article's date)."""
    if kind.past and (tells_what_is_to_come(text, read_words(text))
                      or told_as_history(text, published)):
        return ()  # "crews will bolt plates over the cracked beams" is not what happened
    if kind.reacted and (LATER_ON.search(text) or not (
            main_tense(text, read_words(text)) == "past" or SAID_THEN.search(text))):
        return ()  # "A year later, pilgrims are still mourning" is no reaction then
    if kind.of_then and tells_what_is_to_come(text, read_words(text)):
        return ()
    if kind.to_come and tells_what_was_done(text, published):
        return ()
    if kind.to_be and published:  # "how much will the cuts save?": not "a center, which
        # opened in 2021 at a cost of $46 million"
        text = "".join(" " if told_as_history(clause, published) else clause
                       for clause in re.split(r"(?=[,;:—–])", text))
    if not kind.quoted and QUOTED_TEXT.search(text):  # a speaker's words don't tell it
        text = QUOTED_TEXT.sub(" ", text)
    if not kind.asides and ABOUT_A_PERSON.search(text):
        text = ABOUT_A_PERSON.sub(" ", text)
    # a body's name says who, not what ("the Federal Emergency Management Agency")
    text = BODY_NAME.sub(" ", text)
    if EXAMPLES_ASIDE.search(text):  # "(e.g., low margins leading to market exit)" gives
        text = EXAMPLES_ASIDE.sub(" ", text)  # examples of something else, not the answer
    if CONTRAST_OPENING.match(text):
        text = CONTRAST_OPENING.sub(" ", text)
    for answers_nothing in (kind.refers_back, kind.background):
        if answers_nothing and answers_nothing.search(text):
            text = answers_nothing.sub(" ", text)
    if kind.share_of:  # a share of something the question doesn't name tells nothing of it
        text = SHARE_OF.sub(lambda m: m[0] if set(stems(m[1])) & set(asked) else " ", text)
    found = []
    # a phrase of answer words is read within a clause: "owed, to be paid by May" holds no
    # "owing to"
    within = stems(CLAUSE_BREAK.sub(f" {BREAK} ", text))
    at = places(within)
    # an answer word "to protect" is an infinitive, a purpose: "committed to protecting
    # interests" says what someone is committed to, not what for
    infinitives = stems(CLAUSE_BREAK.sub(f" {BREAK} ", without_gerunds_after_to(text)))
    infinitives_at = places(infinitives)
    for cue, written in zip(kind.answers, kind.written):
        if cue == (NUMBER,):
            figured = text if kind.money else MONEY_AMOUNT.sub(" ", text)
            if kind.counted:
                figured = counts_else(figured, kind.counted)
            if kind.given:
                figured = RECEIVED_COUNT.sub(" ", figured)
            if kind.spread:
                figured = WEIGHT.sub(" ", figured)
            if kind.harm:
                figured = AID_SUM.sub(" ", figured)
            if gives_a_figure(figured):
                found.append("a figure")
        elif cue == (MONEY_CUE,):
            if MONEY.search(text):
                found.append("a sum of money")
        elif cue == (DATE_CUE,):
            # a date after "since" tells how long something has lasted, not when it happens
            # ("applications received since March 1")
            if any((not kind.ahead or (is_ahead(mention.date, published, mention.phrase)
                                       if published else still_to_come(text, mention.start)))
                   and not SINCE_BEFORE.search(text[:mention.start])
                   for mention in date_mentions(text, published)):
                found.append("a date")
            elif kind.ahead and SPAN_AHEAD.search(text) \
                    and tells_what_is_to_come(text, read_words(text)):
                found.append("a time to come")
        elif cue in clause_conjunctions() and "why" in (kind.name, kind.like):
            if opens_a_clause(clause_conjunctions()[cue], text):
                found.append(written)
        elif cue and cue[0] == "to" and len(cue) > 1:
            if held(infinitives, infinitives_at, cue, kind.negated):
                found.append(written)
        elif cue and held(within, at, cue, kind.negated):
            found.append(written)
    found += [m.group().strip(" ,").lower() for p in kind.patterns for m in p.finditer(text)]
    if kind.deed:
        found += told_deeds(text, kind.deed)
    if kind.named and kind.done and (one := names_one(text, kind)):
        found.append(f"a named {one}")
    if kind.to_come and any(mention.date and is_ahead(mention.date, published, mention.phrase)
                            for mention in date_mentions(text, published)):
        found.append("a date to come")  # what comes next is told with when it comes
    if kind.described and asked:
        found += ["a description" for m in DESCRIBED.finditer(text)
                  if set(stems(m.group(1))) & set(asked)][:1]
        found += ["a title" for m in CAPITALISED_RUN.finditer(text)
                  if titled(m.group().split(), set(asked))][:1]
    if kind.causes:
        found += [m.group().lower() for m in kind.causes.finditer(text)
                  if not set(stems(clause_before(text, m.start()))) & set(asked)]
    if kind.of_then and not OTHER_MODAL.search(text):
        # asked of then, a "will" even in a side clause tells what was still to come ("an
        # agreement in which the bank will not be prosecuted"), where "could" may tell a risk
        found = [f for f in found if f not in MODALS]
    # "could", "would", "cannot" say that something may follow, not what: together they are
    # one answer word at most.
    modal = next((f for f in found if f in MODALS), None)
    found = [f for f in found if f not in MODALS or f == modal]
    # "said" tells that someone spoke, not what they think: it counts only alone
    found = [f for f in found if f not in REPORTED or len(set(found)) == 1]
    # one stretch of words is one answer word: "records show" found by two patterns,
    # "because" inside "because of", or "miscounted" found as a word and by a pattern
    once: dict[Stems, str] = {}
    for f in found:
        once.setdefault(stems(f) or (f,), f)
    found = list(once.values())
    return tuple(f for f in found
                 if not any(f != other and (re.search(rf"\b{re.escape(f)}\b", other)
                                            or within_words(f, other))
                            for other in found))


def tells_what_was_done(text: str, published: str | None) -> bool:
    """Whether a sentence tells what has been done and names no time still to come: "two
    commissioners voted for the plan" is done, not what comes next ("voted for a budget for
    the year starting July 1" tells what comes, and when)."""
    return tells_what_was(text, read_words(text)) and not any(
        is_ahead(m.date, published, m.phrase) for m in date_mentions(text, published))


def within_words(shorter: str, longer: str) -> bool:
    """Whether one answer word is part of another in any of its forms: "needs" is in "needed
    to" (found in the one "need to"), "by" in "by using"."""
    inner, outer = stems(shorter), stems(longer)
    return 0 < len(inner) < len(outer) and any(
        outer[i:i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def titled(run: list[str], asked: set[str]) -> bool:
    """Whether a run of capitalised words gives the asked name a title ("Director Ana Ruiz")."""
    named = next((i for i, word in enumerate(run) if stem(word.strip(".")) in asked), 0)
    return any(is_title_word(word) for word in run[:named])


def told_as_history(text: str, published: str | None) -> bool:
    """Whether every date a sentence gives is long before its article: it tells the background
    ("the library last flooded in 1998"), not what happened in the news. A year alone counts
    when it is before the article's; a month or a day when it is a year or more before ("last
    October" in a March article is the story's own months, not its history)."""
    if not published:
        return False
    dates = [m.date for m in date_mentions(text, published) if m.date]
    return bool(dates) and all(long_before(date, published) for date in dates)


def long_before(date: str, published: str) -> bool:
    """Whether a date ("2018", "2018-10", "2018-10-29") is in an earlier year than the
    article, or, when it names its month, a year or more before it."""
    if len(date) == 4:
        return date < published[:4]
    a_year_before = f"{int(published[:4]) - 1:04d}{published[4:7]}"
    return date[:7] <= a_year_before


# Words that place a date before the article however coarse the date ("last week" is this
# month in most weeks, and still past).
BEFORE_THE_ARTICLE = re.compile(r"\b(?:last|yesterday|ago|earlier|previous|past)\b",
                                re.IGNORECASE)


def is_ahead(date: str | None, published: str | None, phrase: str = "") -> bool:
    """Whether a date ("2028", "2027-01", "2026-11-30") may still be to come when the article
    was published: "in 2024" does not say when a bridge will reopen, nor "last week" (its
    `phrase`)."""
    if BEFORE_THE_ARTICLE.search(phrase):
        return False
    if not date or not published:
        return True
    return date >= published[:len(date)]


# "since" gives a reason and "until" a condition when a clause follows ("since its radar
# could…", "until its money was returned"); before a date or a noun they give a time ("since
# 2016", "since its delivery", "until next year"). A clause has a subject pronoun or a verb
# that only a clause holds (an auxiliary or a modal) before the next break.
@per_process(maxsize=1)  # stemmed at first use, as number_words()
def clause_conjunctions() -> dict[tuple[str, ...], str]:
    return {stems(word): word for word in ("since", "until")}


AFTER_CONJUNCTION = re.compile(r"\b(since|until)\s+([^,;:.!?—–()]*)", re.IGNORECASE)
CLAUSE = re.compile(r"^(?:i|you|he|she|it|we|they)\b|\b(?:is|are|was|were|be|been|has|have|"
                    r"had|do|does|did|can|could|will|would|shall|should|may|might|must)\b|"
                    r"\b(?:it|he|she|that|there|who|what)[’']s\b|n[’']t\b|[’'](?:re|ve|ll|d)\b",
                    re.IGNORECASE)


# "have played there since it opened in 1961": "since" after a perfect, or before a clause
# holding a year, tells how long, not why.
PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?\w+(?:ed|en|n|t)\b[^,;:]*$",
                     re.IGNORECASE)
YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def opens_a_clause(word: str, text: str) -> bool:
    """Whether `word` ("since", "until") starts a clause somewhere in the text (for "until",
    one that is the condition of a refusal before it; for "since", one that gives a reason,
    not a time)."""
    return any(CLAUSE.search(m[2].split(" and ")[0])
               and (word != "until" or rules().refusal.search(text, 0, m.start()))
               and (word != "since" or not (YEAR.search(m[2])
                                            or PERFECT.search(text, 0, m.start())))
               for m in AFTER_CONJUNCTION.finditer(text) if m[1].lower() == word)


# A sum of money, with its figure: "$589 million", "20 euros", "1.2 billion dollars"
MONEY_AMOUNT = re.compile(r"[$€£¥₹₺]\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|thousand|"
                          r"[mbk]n?)\b)?|\b\d[\d,.]*(?:\s*(?:million|billion|trillion|thousand))?\s+"
                          r"(?:dollars?|euros?|yen|yuan|rupees?|lira|pounds)\b", re.IGNORECASE)
SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the\s+(?:start|end)\s+of)\s+)?$",
                          re.IGNORECASE)
# "how many …?" asks a count, which a sum of money is not
COUNT_ASKED = re.compile(r"\bhow many\b", re.IGNORECASE)
# how far or how widely something has reached: a count of places or people answers, not money
SPREAD_ASKED = re.compile(r"\bhow (?:far|widespread|widely)\b", re.IGNORECASE)
# How bad a harm was ("how bad was the damage?", "how badly were the crops hurt?")
HARM_ASKED = re.compile(r"\bhow (?:bad|badly|severe|severely|serious|seriously|damaging)\b",
                        re.IGNORECASE)
# Money given to help, with its figure: "donors are pledging billions of dollars in assistance",
# "raised $2 million for relief" (what was done about a harm, not how bad it was)
AID_SUM = re.compile(r"\b(?:pledg|donat|rais|giv|gave|provid|offer|promis|send|sent|approv)\w*"
                     r"\s+(?:[\w$.,-]+\s+){0,5}?(?:in|for|of|as)\s+(?:\w+\s+)?(?:aid|assistance|"
                     r"relief|donations|help|recovery|reconstruction|rebuilding)\b", re.IGNORECASE)
# How much was given or done ("how much has it provided?", "how much aid has it sent?")
GIVEN_ASKED = re.compile(r"\bhow much\b.*\b(?:provided|given|gave|sent|spent|paid|paid out|"
                         r"distributed|delivered|awarded|approved)\b", re.IGNORECASE)
# A count of what came in ("received more than 3,000 valid registrations", "took 900 calls"):
# what was asked for, not what was given
RECEIVED_COUNT = re.compile(r"\b(?:received|receiving|receives|fielded|taken in|took in|got)\s+"
                            r"(?:(?:more than|over|about|nearly|almost|some|at least|roughly)\s+)?"
                            r"\d[\d,.]*\s+(?:[\w-]+\s+){0,2}?[\w-]+", re.IGNORECASE)
# A weight: how much of something, never how far it reached ("7.5 tons of water")
WEIGHT = re.compile(r"(?<![\w.,-])\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s*"
                    r"(?:tons?|tonnes?|pounds|lbs?|kilograms?|kg|grams?|ounces?)\b", re.IGNORECASE)
# "how much <thing> …?" and a share of something: "95 percent of the world population"
HOW_MUCH_OF = re.compile(r"\bhow much\s+([a-z][\w-]*)", re.IGNORECASE)
SHARE_OF = re.compile(r"\d[\d,.]*\s*(?:%|percent\b|per cent\b)\s+of\s+(?:the\s+|all\s+|its\s+|"
                      r"their\s+)?((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)
# What "how many" counts: the noun after it ("how many votes?"), or people where it asks who
# died or was hurt ("how many people were killed?", "how many babies have died?"). (A count
# of people who caught something is also told by how far it reached: "cases in seven states".)
HOW_MANY_WHAT = re.compile(r"\bhow many\s+(?:more\s+|other\s+)?([a-z][\w-]*)", re.IGNORECASE)
HARMED_ASKED = re.compile(r"\b(?:die|died|dead|kill|killed|hurt|injured|wounded)\b",
                          re.IGNORECASE)
# A figure and the words after it, up to what it counts: "1,000 tests", "3,000 valid
# registrations", "six children's homes", "95 percent of the world population"
FIGURE_THEN = re.compile(r"(?<![\w$.,-])(?:\d(?:[\d,.]*\d)?|two|three|four|five|six|seven|"
                         r"eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions)"
                         r"((?:\s+(?:[a-z][\w-]*(?:[’']s)?|of\s+the|of)){1,4})", re.IGNORECASE)


def asked_count(piece: str) -> Stems:
    """What a "how many" question part counts, as stems (people as the class of people)."""
    noun = HOW_MANY_WHAT.search(piece)
    if HARMED_ASKED.search(piece):
        return ("people",)
    # what is counted is the last of the nouns after it: "how many city workers" counts workers
    run = list(itertools.takewhile(
        lambda w: "NOUN" in word_classes(w),
        re.findall(r"[a-z][\w-]*", piece[noun.start(1):].lower())[:3])) if noun else []
    plural = next((w for w in run if w.endswith("s") and stem(w) != w), None)
    head = plural or (run[-1] if run else None)
    if head and stem(head) not in rules().people:
        return (stem(head),)
    return ()


# What "which" asks for: the nouns after it ("which library branches …?"), up to its verb
WHICH_WHAT = re.compile(r"\bwhich\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)", re.IGNORECASE)


def asked_which(piece: str, modifiers: bool = False) -> Stems:
    """The things a which question part asks for, as stems: its head nouns, the plurals
    ("which library branches close?": branch; "which programs and jobs …?": program, job), or
    with `modifiers` the nouns before them ("library")."""
    found = WHICH_WHAT.search(piece)
    if not found:
        return ()
    run: list[str] = []
    for word in found[1].lower().split():
        if run and run[-1].endswith("s") and stem(run[-1]) != run[-1] and word != "and":
            break  # the plural ends the noun: "branches close"
        if word != "and" and (word in auxiliary_verbs() or word in ("am", "be", "been", "being")
                              or "NOUN" not in word_classes(word)):
            break
        run.append(word)
    heads = [w for w in run if w.endswith("s") and stem(w) != w]  # plurals: what it asks for
    if modifiers:
        return tuple(stem(w) for w in run if w not in heads and w != "and")
    return tuple(stem(w) for w in heads)


# One of the things asked for named: "the Eastside branch", "Route 12" (a capitalised word
# shortly before it, not the sentence's first, or a number or a letter right after it: "Gate
# B"), not a word inside a longer name ("the Eastside School District"); in the plural, by a
# list of names ("the Eastside and Main branches": "the 19 Ferncastle schools",
# "Ferncastle's schools" name whose, not which)
WORD_OR_MARK = re.compile(r"[\w’'-]+|[^\w\s]")
NEAR = 8  # words between the thing named and what the question asks it does


def names_one(text: str, kind: Kind) -> str | None:
    """The noun a sentence names one of the things a which part asks for by, when it is
    near the part's verb ("The Eastside branch will close on July 1." for "which branches
    close?")."""
    tokens = WORD_OR_MARK.findall(text)
    keys = [stem(t) if t[0].isalnum() else "" for t in tokens]
    for at, key in enumerate(keys):
        if key not in kind.named:
            continue
        before = list(itertools.takewhile(bool, reversed(keys[max(0, at - 3):at])))
        start = at - len(before)
        capital = [i for i in range(start, at) if tokens[i][0].isupper() and i > 0
                   and not re.search(r"[’']s$", tokens[i])]
        if tokens[at].lower() != keys[at] and "and" not in tokens[start:at]:
            capital = []  # "the 19 Ferncastle schools" names whose, not which
        named = bool(capital) or (tokens[at][0].isupper() and at > 0)
        after = tokens[at + 1] if at + 1 < len(tokens) else ""
        if re.fullmatch(r"[A-Z][\w’'-]+", after):
            continue  # inside a longer name: "the Callowell School District" is no school
        if named or re.fullmatch(r"\d[\w-]*|[A-Z]", after):
            window = keys[max(0, at - NEAR):at + NEAR + 1]
            if set(kind.done) & set(window):
                return key
    return None


def counts_else(text: str, counted: Stems) -> str:
    """The text without the figures that count something other than what the question
    counts ("completed over 1,000 tests" counts no dead; "six children's homes" no children)."""
    wanted = set(counted)
    people = bool(wanted & rules().people)

    def fits(word: str) -> bool:
        thing = stem(word)
        return thing in wanted or (people and thing in rules().people)

    def other(match: re.Match[str]) -> str:
        words = [word.lower() for word in match[1].split()]
        for at, word in enumerate(words):
            if word in ("of", "the") or stem(word) in number_words():
                continue
            if word.endswith(("’s", "'s")):
                continue  # "children's homes" count homes
            classes = word_classes(word)
            if "NOUN" not in classes:
                if classes and classes <= {"ADJ", "ADV"}:
                    continue  # "3,000 valid registrations"
                return match[0]  # "killed 98 on Tuesday": unknown, still a figure
            # a run of nouns counts what any of them names ("1,127 garment factory workers")
            run = list(itertools.takewhile(lambda w: "NOUN" in word_classes(w), words[at:]))
            return match[0] if any(fits(w) for w in run) else " "
        return match[0]
    return FIGURE_THEN.sub(other, text)


MONEY = re.compile(r"[$€£¥₹₺]|\b(?:dollars?|euros?|yen|yuan|rupees?|lira|cents?)\b",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts (see the module's rules)."""

    cue: float = 3.0  # each answer word of the part's kind (two at most)
    latest: float = 0.0  # from the newest article, for a question about the latest state
    shared: float = 1.25  # times the share of the question part's own words in the sentence
    focus: float = 3.0  # names whom the question asks about ("… mean for patients")
    about: float = 2.75  # about the topic by its own words
    context: float = 2.25  # about the topic by its context
    alone: float = 0.5  # about this topic and no other
    more: float = 0.5  # each signal beyond the first (two at most), when nothing holds answer words
    more_beside_answers: float = 1.0  # ... in a sentence holding none, when others hold some
    lead: float = 2.0  # in the article's first paragraph
    opens: float = 0.5  # opens its paragraph
    figure: float = 0.25  # holds a figure
    premise: float = 0.5  # restates a why or what-does-it-mean question's premise (subtracted)
    short: float = 0.0  # fewer than SHORT words (subtracted)
    leaning: float = 5.75  # can't stand alone (subtracted)
    pair: float = 1.0  # stands only with the sentence before: a longer read (subtracted)
    quotation: float = 2.0  # opens with a speaker's own words (subtracted)


WEIGHTS = Weights()
SHORT = 8


@dataclass(frozen=True)
class Evidence:
    """What a sentence shows as an answer to a topic's question, before it is weighed."""

    cues: tuple[tuple[str, ...], ...]  # per question part, the answer words found
    latest: tuple[bool, ...]  # per part: the newest article, for a latest-state question
    newest: tuple[float, ...]  # per part: what that adds for the part's kind (newest_counts)
    shares: tuple[float, ...]  # per part: the share of its own words in the sentence
    focused: tuple[bool, ...]  # per part: names whom the part asks about
    about: bool  # about the topic
    own: bool  # ... by its own words
    alone: bool  # about this topic and no other
    lead: bool  # in its article's first paragraph, about the topic
    opens: bool  # first in its paragraph, about the topic
    figure: bool
    premise: bool  # restates a why or what-does-it-mean question's premise
    short: bool
    standalone: str | None  # the text as it stands alone; None when it can't
    mending: str  # what was done to make it stand alone, or why it can't
    before: Sentence | None = None  # the sentence before, which the point shows with it
    after: Sentence | None = None  # the sentence after (naming a quotation's speaker)
    quotation: bool = False  # opens with a speaker's own words

    @property
    def parts(self) -> tuple[int, ...]:
        """The question parts it answers."""
        return tuple(i for i, (cues, latest) in enumerate(zip(self.cues, self.latest))
                     if cues or latest)


def answer_words(text: str, part: Part, published: str | None = None) -> tuple[str, ...]:
    """The words in a sentence (what is left of it once open questions are cut) that answer a
    question part, but for the things the part itself names."""
    return tuple(cue for cue in cue_hits(text, part.kind, part.words, published)
                 if not names_the_subject(cue, part))


def names_the_subject(cue: str, part: Part) -> bool:
    """Whether an answer word is one of the question's own subject words ("sanctions" for
    "how will the sanctions affect oil prices?"): every sentence on it says that much."""
    words = stems(cue)
    return bool(words) and set(words) <= set(part.subject)


def lead_paragraph(article: Article) -> int:
    """The number of the article's lead paragraph: its first that ends as a sentence does (a
    subtitle above it, "Outbreak was the largest crisis ever", is no lead)."""
    return next((number for number, paragraph in enumerate(article.paragraphs, 1)
                 if paragraph.sentences and has_final_punctuation(paragraph.sentences[-1].text)),
                1)


def asks_why(part: Part) -> bool:
    """Whether a part asks for reasons: a lead that gives none only sets the scene."""
    return "why" in (part.kind.name, part.kind.like)


def asks_effects(part: Part) -> bool:
    """Whether a part asks what something does, means or costs ("what does the closure mean
    for patients?", "what is the closure costing the businesses?"): the event itself, which a
    lead tells, answers nothing."""
    return "effect" in (part.kind.name, part.kind.like) or part.kind.name == "losses"


def asks_what_follows(part: Part) -> bool:
    """Whether a part asks what lies behind the event or follows from it: its reasons, what it
    means, what it costs and who pays. A lead with no answer word tells the event itself, and
    only sets the scene for it."""
    return asks_why(part) or asks_effects(part) or part.kind.name == "cost"


def restatable(part: Part) -> bool:
    """Whether a sentence of refusal or persistence ("Turkey remains firm") restates the
    part's premise: a question of why someone refuses or persists ("why won't it give it
    up?"), or of what a dispute means (its premise is the dispute going on)."""
    return part.kind.name == "effect" or (part.kind.name == "why"
                                          and bool(rules().premise_asked.search(part.text)))


def own_parts(question: Question, content: set[str]) -> tuple[bool, ...]:
    """Per part, whether the sentence can answer it. Two parts of one kind ("why did the gym
    roof give way, and why did the whole school close?") are told apart by the words only one
    of them holds: a sentence answers the part of whose own words it holds the most, or, holding
    none or as many of each, both."""
    held = []
    for part in question.parts:
        others = {w for p in question.parts if p is not part and p.kind.name == part.kind.name
                  for w in p.words}
        held.append(len((set(part.words) - others) & content))
    return tuple(held[i] >= max(h for p, h in zip(question.parts, held)
                                if p.kind.name == part.kind.name)
                 for i, part in enumerate(question.parts))


# a thing named as already known: "this widespread practice", "these failures"
REFERRED = re.compile(r"\b(?:this|these)\s+(?:[\w’'-]+\s+)?[\w’'-]+", re.IGNORECASE)


def gather(article: Article, sentence: Sentence, index: int, topic: Topic,
           question: Question, newest: bool, before: Sentence | None = None,
           after: Sentence | None = None) -> Evidence:
    """What a sentence shows as an answer to the question (`before`, `after`: the sentences
    around it in its paragraph, which a point that can't stand alone may be shown with)."""
    # examples of something else ("(e.g., … supply reliability)") say nothing of the focus
    words = stems(EXAMPLES_ASIDE.sub(" ", sentence.text))
    content = set(words)
    # an opening connective the point drops ("Still, …") is no answer word ("still open")
    answering = without_open_questions(drop_connective(sentence.text)[0])
    cues = tuple(answer_words(answering, part, article.meta.published)
                 for part in question.parts)
    # a sentence that only asks the question again ("what the merger means depends on where
    # they live") is no newest word on it
    newest = newest and bool(set(stems(answering)) - rules().stopwords)
    # ... nor is a statement in the timeless present, with no figure ("E. coli is an important
    # cause of illness", "it's the only one we have"): a definition or a maxim, not how things
    # stand (what has happened, is happening, will happen, still holds or was measured does);
    # nor is one that tells what has been done, for a question of what comes next
    standing = not timeless(answering) or gives_a_figure(answering)
    # ... nor, for a question of what something means, is one its background says answers
    # nothing ("the measure lost by its widest margin in the three wards": how a vote came
    # out, not what it means)
    latest = tuple((part.kind.latest or (part.kind.so_far and bool(found))) and newest
                   and (standing or bool(found))
                   and not (asks_effects(part) and part.kind.background
                            and part.kind.background.search(answering))
                   and not (part.kind.to_come
                            and tells_what_was_done(answering, article.meta.published))
                   for part, found in zip(question.parts, cues))
    # "this widespread practice" names what the reader knows: it shares no word with the question
    said = set(stems(REFERRED.sub(" ", EXAMPLES_ASIDE.sub(" ", sentence.text))))
    shares = tuple(sum(1 for w in part.words if w in said) / len(part.words)
                   if part.words else 0.0 for part in question.parts)
    mine = own_parts(question, content)
    # an older article can't say how things stand now
    mine = tuple(m and (newest or not part.kind.now) for m, part in zip(mine, question.parts))
    cues = tuple(c if m else () for c, m in zip(cues, mine))
    latest = tuple(t and m for t, m in zip(latest, mine))
    focused = tuple(bool(set(part.focus) & content) for part in question.parts)
    premise = (any(restatable(part) for part in question.parts) and not any(cues)
               and not any(latest) and says_a_premise(sentence.text))
    about = topic.slug in sentence.topics
    alone = standalone(article, sentence)
    if not has_final_punctuation(sentence.text) and in_headline_case(
            sentence.text, vocabulary_of(article.texts)):
        alone = replace(alone, text=None, why="a deck in headline case, the page's furniture")
    shown_with = shown_after = None
    if alone.text is None and before is not None:
        alone = with_the_one_before(article, sentence, before)
        shown_with = before if alone.text is not None else None
    if alone.text is None and after is not None:
        alone = with_the_one_after(article, sentence, after)
        shown_after = after if alone.text is not None else None
    newest_counts = tuple(part.kind.newest for part in question.parts)
    # a lead that gives no reason only sets the scene for a question of why, and one that
    # tells no effect (only what happened, if in the newest article) for a question of what
    # something means or costs: news leads with the event, the question asks what follows
    answered = any(found or (newest_word and not asks_effects(part))
                   for found, newest_word, part in zip(cues, latest, question.parts))
    lead = paragraph_number(sentence) == lead_paragraph(article) and (
        answered or not any(asks_what_follows(part) for part in question.parts))
    return Evidence(cues, latest, newest_counts, shares, focused, about,
                    about and sentence.weight(topic.slug) >= 1,
                    about and len(sentence.topics) == 1, about and lead,
                    about and index == 0, bool(FIGURE.search(sentence.text)), premise,
                    len(words) < SHORT, alone.text, alone.why, shown_with, shown_after,
                    opens_a_quotation(sentence.text))


# What places a statement in time: a word of now or of a change, a modal, "says" (a stance
# as it stands), a progressive or a perfect.
IN_TIME = re.compile(r"\b(?:now|today|tonight|still|already|yet|no longer|currently|again|back|"
                     r"remains?|so far|this (?:week|month|year|summer|winter|spring|fall)|"
                     r"continues?|over|will|would|can|could|may|might|should|must|going to|"
                     r"says|say)\b|\b(?:is|are|am|[’']s|[’']re)\s+(?:not\s+)?\w+ing\b"
                     r"|\b(?:has|have|[’']ve)\s+(?:not\s+|never\s+|already\s+)?(?:been\s+)?"
                     r"\w+(?:ed|en|wn|un|ung|ne|t|d)\b", re.IGNORECASE)


def timeless(text: str) -> bool:
    """Whether a sentence states what always holds, in the simple present with no date or word
    of time: a definition or a maxim tells no situation now."""
    return not (main_tense(text, read_words(text)) or IN_TIME.search(text)
                or date_mentions(text))


def score(evidence: Evidence, w: Weights = WEIGHTS) -> float:
    """The evidence weighed: how well the sentence answers the question."""
    total = max((w.cue * min(2, len(cues)) + (w.latest + newest if latest else 0.0)
                 + w.shared * share + (w.focus if focused else 0.0)
                 for cues, latest, newest, share, focused in zip(
                     evidence.cues, evidence.latest, evidence.newest, evidence.shares,
                     evidence.focused)), default=0.0)
    if evidence.about:
        total += (w.about if evidence.own else w.context) + (w.alone if evidence.alone else 0)
    total += w.lead if evidence.lead else w.opens if evidence.opens else 0.0
    total += w.figure if evidence.figure else 0.0
    total -= ((w.premise if evidence.premise else 0.0) + (w.short if evidence.short else 0.0)
              + (w.leaning if evidence.standalone is None else 0.0)
              + (w.pair if evidence.before is not None or evidence.after is not None else 0.0)
              + (w.quotation if evidence.quotation else 0.0))
    return round(total, 2)


def reasons(evidence: Evidence, question: Question) -> tuple[str, ...]:
    """Why a sentence scored as it did, in an editor's words (build.py --explain)."""
    said: list[str] = []
    for number, (part, cues, latest) in enumerate(zip(question.parts, evidence.cues,
                                                      evidence.latest), 1):
        if cues or latest:
            detail = ", ".join(f"'{c}'" for c in cues[:3])
            which = f"part {number}, " if len(question.parts) > 1 else ""
            said.append(f"answers {which}{part.kind.name}" + (f" ({detail})" if detail else "")
                        + (" (newest article)" if latest else ""))
    named = [" ".join(p.focus) for p, f in zip(question.parts, evidence.focused) if f]
    if named:
        said.append(f"names whom the question asks about ({named[0]})")
    if evidence.about:
        said.append("about the topic" + ("" if evidence.own else " (by context)"))
    else:
        said.append("mentions the topic")
    if evidence.lead:
        said.append("the article's lead")
    elif evidence.opens:
        said.append("opens its paragraph")
    if evidence.premise:
        said.append("restates the question's premise")
    if evidence.short:
        said.append("too short to say much")
    if evidence.quotation:
        said.append("opens with a speaker's own words")
    if evidence.standalone is None:
        said.append(f"can't stand alone ({evidence.mending})")
    elif evidence.mending:
        said.append(f"mended to stand alone ({evidence.mending})")
    return tuple(said)


@per_explainer  # asked for the box, the home card, the description and --explain
def ranked_answers(explainer: Explainer, topic: Topic) -> tuple[Candidate, ...]:
    """Every candidate answer to the topic's question, best first."""
    newest = newest_slugs(explainer)
    candidates = [c for article in explainer.articles
                  for c in article_ranked(Same(article), topic, article.slug in newest)]
    return best_first(by_signals_named(candidates, topic.slug))


def by_signals_named(candidates: Sequence[Candidate], slug: str, w: Weights = WEIGHTS
                     ) -> Sequence[Candidate]:
    """A sentence holding no answer word may answer all the same ("What caused the bloom?"
    answered by "the storms washed fertilizer and manure into the creek"): the topic's signals
    are what the editor said it is about, and a sentence naming more of them says more of the
    answer. It counts more still beside sentences that hold answer words, which would otherwise
    crowd it out of the box."""
    answered = any(c.parts for c in candidates)

    def more_signals(candidate: Candidate) -> Candidate:
        if candidate.parts:
            return candidate
        per_signal = w.more_beside_answers if answered else w.more
        bonus = per_signal * min(2.0, max(0.0, candidate.sentence.weight(slug) - 1))
        return replace(candidate, score=round(candidate.score + bonus, 2), signals_named=bonus)

    return [more_signals(c) for c in candidates]


def newest_slugs(explainer: Explainer) -> frozenset[str]:
    """The newest articles, whose word on how things stand now is the latest: none when the
    story has one article, whose every sentence is as new as any other."""
    if len(explainer.articles) < 2:
        return frozenset()
    return frozenset(a.slug for a in newest_articles(explainer)) or frozenset(
        a.slug for a in explainer.articles[:1])


@per_content(maxsize=1 << 14)  # per article and topic: a save redoes its own article's
def article_candidates(same: Same[Article], topic: Topic, newest: bool
                       ) -> tuple[tuple[Sentence, Evidence], ...]:
    """One article's candidates for a topic's question (`newest`: the article is among the
    newest)."""
    article = same.value
    question = read_question(topic.question)
    found = []
    for paragraph in article.paragraphs:
        for index, sentence in enumerate(paragraph.sentences):
            if topic.slug in sentence.topics or topic.slug in sentence.mentions:
                evidence = gather(article, sentence, index, topic, question, newest,
                                  paragraph.sentences[index - 1] if index else None,
                                  paragraph.sentences[index + 1]
                                  if index + 1 < len(paragraph.sentences) else None)
                if evidence.about or evidence.parts:
                    found.append((sentence, evidence))
    return tuple(found)


@per_content(maxsize=1 << 14)  # per article and topic, as its candidates are
def article_ranked(same: Same[Article], topic: Topic, newest: bool) -> tuple[Candidate, ...]:
    """One article's candidates weighed, in reading order."""
    found = [(same.value, sentence, evidence)
             for sentence, evidence in article_candidates(same, topic, newest)]
    return weighed(found, read_question(topic.question), WEIGHTS)


def weighed(found: list[tuple[Article, Sentence, Evidence]], question: Question,
            w: Weights = WEIGHTS) -> tuple[Candidate, ...]:
    """Candidates weighed, in the order found (`best_first` ranks them)."""
    return tuple(Candidate(article, sentence, score(evidence, w), evidence.parts,
                           evidence, question, evidence.standalone or sentence.text,
                           evidence.standalone not in (None, sentence.text), evidence.before,
                           evidence.after)
                 for article, sentence, evidence in found)


def best_first(candidates: Sequence[Candidate]) -> tuple[Candidate, ...]:
    """Best first, reading order among equals (`sorted` keeps the order of equals)."""
    return tuple(sorted(candidates, key=lambda c: -c.score))


@per_process(maxsize=1 << 16)  # asked of every pair of points, and of every sentence's rarity
def content_words(text: str) -> frozenset[str]:
    return frozenset(s for s in stems(text) if s not in rules().stopwords and len(s) > 2)


def says_the_same(one: Candidate, other: Candidate, rarity: dict[str, float],
                  weights: dict[frozenset[str], float] | None = None) -> bool:
    """Two points say the same thing when most of what they say, weighed by how rare each
    word is in the story, they say alike: words every sentence on the topic holds count
    little, a phrase only these two share counts much. `weights` keeps each text's weight for
    a caller that compares one text with many."""
    # (a day named beside "on Friday" says nothing of what the point says)
    a, b = (content_words(DAY_NAMED.sub("", point.text)) for point in (one, other))
    kept = {} if weights is None else weights

    def weight(words: frozenset[str]) -> float:
        if words not in kept:
            kept[words] = sum(rarity.get(w, 1.0) for w in words)
        return kept[words]

    smaller = min(weight(a), weight(b))
    return smaller > 0 and sum(rarity.get(w, 1.0) for w in a & b) / smaller >= SIMILAR


@per_explainer
def word_rarity(explainer: Explainer) -> dict[str, float]:
    """Each content word's rarity in the story: log(sentences / sentences holding it)."""
    texts = [s.text for a in explainer.articles for s in a.sentences]
    counts: dict[str, int] = {}
    for text in texts:
        for word in content_words(text):
            counts[word] = counts.get(word, 0) + 1
    return {word: math.log((len(texts) + 1) / count) for word, count in counts.items()}


def choose_points(ranked: tuple[Candidate, ...], parts: int,
                  avoid: frozenset[str] = frozenset(), floor: float = FLOOR,
                  relative: float = RELATIVE, rarity: dict[str, float] | None = None,
                  answering: float = ANSWERING) -> list[Candidate]:
    """The box: the best answer to each part, then the next best while they are nearly as
    good as the best, none saying what another says, at most MAX_POINTS (one more that
    answers with RUNNER_UP of the best point's score), and MIN_POINTS when the topic has them
    to give."""
    usable = [c for c in ranked if c.score >= floor
              and not (avoid and {f"{c.article.slug}#{s.anchor}" for s in c.sentences} & avoid)]
    chosen: list[Candidate] = []
    weights: dict[frozenset[str], float] = {}

    def fits(candidate: Candidate, beside: Sequence[Candidate] | None = None) -> bool:
        return all(not set(map(id, candidate.sentences)) & set(map(id, c.sentences))
                   and not says_the_same(candidate, c, rarity or {}, weights)
                   for c in (chosen if beside is None else beside))

    def continues(candidate: Candidate) -> int | None:
        """Where the chosen point stands that a sentence goes on from ("Providers should
        ensure …" chosen, then "They should consider …", shown with it): the two join as one
        point in its place, whether or not it holds an answer word of its own ("These funds
        represent the proceeds of the ransom" after "the department seized 63.7 bitcoins"
        tells more of the same answer)."""
        return next((index for index, c in enumerate(chosen)
                     if candidate.before is not None
                     and c.sentences == (candidate.before,)
                     and fits(candidate, [other for other in chosen if other is not c])), None)

    top = usable[0].score if usable else 0.0
    # Each part's best answer, then (for a question of two parts or more) each part's next
    # best in turn while they are nearly as good as that part's best, so that one part's many
    # answers don't crowd out another's: a part is weighed on its own scale, for a strong
    # answer to one part (the newest article's word on how things stand) says nothing of how
    # well another part can be answered.
    part_best = [next((c.score for c in usable if part in c.parts), top)
                 for part in range(parts)]
    for round_ in range(MAX_POINTS if parts > 1 else 1):
        added = False
        for part in range(parts):
            # the cheap tests first: `fits` weighs words against every chosen point
            best = next((c for c in usable if part in c.parts and (
                round_ == 0 or c.score >= part_best[part] * answering) and fits(c)), None)
            if best and len(chosen) < MAX_POINTS:
                chosen.append(best)
                added = True
        if not added:
            break
    # then the rest while nearly as good as the best: those that answer before those that don't
    near = [c for c in usable if c.score >= top * (answering if c.parts else relative)]
    for candidate in [c for c in near if c.parts] + [c for c in near if not c.parts]:
        joined = continues(candidate)
        if joined is not None:
            chosen[joined] = candidate
            continue
        room = MAX_POINTS + (1 if candidate.parts and candidate.score >= top * RUNNER_UP else 0)
        if len(chosen) >= room:
            continue
        if fits(candidate):
            chosen.append(candidate)
    # One answer is a thin box: a second joins it when one is above the floor, however far the
    # best outscored it (a point that answers nothing, such as a lead, doesn't count).
    for candidate in usable:
        if sum(1 for c in chosen if c.parts) >= MIN_ANSWERS or len(chosen) >= MAX_POINTS:
            break
        if candidate.parts and stands_alone(candidate) and fits(candidate):
            chosen.append(candidate)
    for candidate in usable:
        if len(chosen) >= MIN_POINTS or candidate.score < top * THIN:
            break
        if candidate.evidence.own and (candidate.parts or candidate.signals_named > 0) \
                and stands_alone(candidate) and fits(candidate):
            chosen.append(candidate)
    if not chosen and ranked:  # nothing answers well: the best there is, if it stands alone
        fallback = [c for c in ranked if c.id not in avoid and c.score > -1]
        chosen = fallback[:1]
    chosen = newer_counts(chosen, usable, rarity or {}, top * answering)
    chosen = recounted(chosen, usable)
    return strongest_first(sentences_over_headlines(chosen, usable, rarity or {}))


def strongest_first(chosen: list[Candidate]) -> list[Candidate]:
    """The box in the order of the question's parts, unless the first part's best answer is
    much weaker than the box's strongest point (below RELATIVE of its score): then the
    strongest opens it, as it is also the home card's lead, the page's description and its
    share image."""
    if not chosen:
        return chosen
    strongest = max(chosen, key=lambda c: c.score)
    if chosen[0].score >= strongest.score * RELATIVE:
        return chosen
    return [strongest, *(c for c in chosen if c is not strongest)]


def stands_alone(candidate: Candidate) -> bool:
    """Whether the point reads alone, as it is or with the sentence shown beside it: one
    that doesn't ("It will cost …") never takes another's place in the box."""
    return candidate.evidence.standalone is not None


def newer_counts(chosen: list[Candidate], usable: Sequence[Candidate],
                 rarity: dict[str, float], floor: float) -> list[Candidate]:
    """A point that a newer article tells again with other figures ("killing at least 12
    people", then "killing 98 people") gives way to the newer telling: it knows the count as
    it ended, or as it stands."""
    def figures(candidate: Candidate) -> set[str]:
        return set(QUANTITY.findall(DAY_NAMED.sub("", candidate.text)))

    def told_anew(candidate: Candidate) -> set[str]:
        """The figures it gives but in an opening clause that dates what follows by what is
        known ("Three weeks after the agency raised its fare to $2.25, …"): no new count."""
        return set(QUANTITY.findall(KNOWN_OPENING.sub("", DAY_NAMED.sub("", candidate.text))))

    def newer(point: Candidate, other: Candidate) -> bool:
        return bool(other.parts and other.score >= floor and told_anew(other)
                    and figures(other) != figures(point)
                    and (other.article.meta.published or "")
                    > (point.article.meta.published or ""))

    return retold(chosen, usable, rarity, lambda point: bool(figures(point)), newer)


# An opening clause that places what follows after something the reader knows: "Three weeks
# after Harlow Area Transit cut seven bus routes, …", "Since the plant closed in May, …"
KNOWN_OPENING = re.compile(r"^\W*(?:[\w’'-]+\s+){0,3}?(?:after|since|once)\b[^,;:]*,",
                           re.IGNORECASE)


def counts(text: str) -> dict[str, frozenset[str]]:
    """What a text counts, and the figures it gives each: {"program": {"14"}, "money":
    {"$6.2 million"}} (a year is no count, nor a span of time)."""
    found: dict[str, set[str]] = {}
    for match in COUNTED.finditer(DAY_NAMED.sub("", text)):
        number, thing = match.group(1).casefold(), stem(match.group(2))
        if re.fullmatch(r"(?:1[89]|20)\d\d", number) or thing in number_words() \
                or not names_counted(match.group(2)) or SPAN_AFTER.match(" " + match.group(2)):
            continue  # "Route 31 has added …", "over five years" count nothing
        found.setdefault(thing, set()).add(number)
    for match in MONEY_SUM.finditer(text):
        found.setdefault("money", set()).add(match.group().casefold())
    return {thing: frozenset(numbers) for thing, numbers in found.items()}


def names_counted(word: str) -> bool:
    """Whether the word after a number can be what it counts: a noun, or a word the lexicon
    doesn't know ("micrograms"); not a verb ("one in eight has no car")."""
    classes = word_classes(word)
    return not classes or "NOUN" in classes


def recounted(chosen: list[Candidate], usable: Sequence[Candidate]) -> list[Candidate]:
    """For a question about how things stand, a point whose count a newer article gives
    otherwise ("14 programs" in January, "Ten programs are still set to close" in May) is out
    of date: it gives way to the newer telling, where that one answers too. (Where none does,
    it stays: taking it out left boxes without the history their questions asked for.)"""
    question = chosen[0].question if chosen else None
    if question is None or not any(p.kind.latest or p.kind.so_far or p.kind.now
                                   for p in question.parts):
        return chosen

    def date(candidate: Candidate) -> str:
        return candidate.article.meta.published or ""

    def newer_count(point: Candidate, other: Candidate) -> bool:
        # (a count in an opening "after …" clause is told as known, not anew)
        mine, theirs = counts(point.text), counts(KNOWN_OPENING.sub("", other.text))
        return date(other) > date(point) and any(
            theirs[thing] - mine[thing] for thing in mine.keys() & theirs.keys())

    taken = {id(s) for c in chosen for s in c.sentences}
    boxed: list[Candidate] = []
    for point in chosen:
        instead = next((c for c in usable if c.parts and stands_alone(c)
                        and newer_count(point, c)
                        and not {id(s) for s in c.sentences} & taken), None)
        if instead is not None:
            taken |= {id(s) for s in instead.sentences}
        boxed.append(instead or point)
    return boxed


def sentences_over_headlines(chosen: list[Candidate], usable: Sequence[Candidate],
                             rarity: dict[str, float]) -> list[Candidate]:
    """A headline in the box (a deck: no final stop, often in title case) gives way to the
    sentence that says the same and answers as much: it tells it in full, as a point reads.
    A headline is told as the page furniture reader tells one: no final punctuation."""
    return retold(chosen, usable, rarity,
                  lambda point: not has_final_punctuation(point.text),
                  lambda point, other: (has_final_punctuation(other.text)
                                        and set(point.parts) <= set(other.parts)))


def retold(chosen: list[Candidate], usable: Sequence[Candidate], rarity: dict[str, float],
           replaceable: Callable[[Candidate], bool],
           better: Callable[[Candidate, Candidate], bool]) -> list[Candidate]:
    """Each replaceable point gives way to the first candidate that says the same, is better
    told, and says nothing another point says."""
    taken = {id(s) for c in chosen for s in c.sentences}
    boxed = list(chosen)
    for place, point in enumerate(boxed):
        if not replaceable(point):
            continue
        instead = next((c for c in usable if better(point, c) and stands_alone(c)
                        and not {id(s) for s in c.sentences} & taken
                        and says_the_same(point, c, rarity)
                        and not any(says_the_same(c, other, rarity)
                                    for other in boxed if other is not point)), None)
        if instead is not None:
            boxed[place] = instead
            taken |= {id(s) for s in instead.sentences}
    return boxed


def passed_over(candidate: Candidate, chosen: Sequence[Candidate], top: float,
                explainer: Explainer) -> str:
    """Why a candidate is not in the box (build.py --explain)."""
    rarity = word_rarity(explainer)
    same = next((n for n, c in enumerate(chosen, 1) if says_the_same(candidate, c, rarity)),
                None)
    if candidate.score < FLOOR:
        return f"below the floor of {FLOOR}"
    if same:
        return f"says what point {same} says"
    cut = ANSWERING if candidate.parts else RELATIVE
    if candidate.score < top * cut:
        return f"below {cut:.0%} of the best point's score"
    return "the box is full"


@per_explainer  # the topic page, its home card, its description and its glossary uses ask it
def answer_points(explainer: Explainer, topic: Topic, avoid: frozenset[str] = frozenset()
                  ) -> tuple[Candidate, ...]:
    """The topic's "In short" points, the answer to each part of its question first."""
    question = read_question(topic.question)
    chosen = choose_points(ranked_answers(explainer, topic), len(question.parts), avoid,
                           rarity=word_rarity(explainer))
    return tuple(named_in_full(c, people_of_the_story(explainer)) for c in chosen)


@per_explainer
def people_of_the_story(explainer: Explainer) -> tuple[dict[str, str], frozenset[str]]:
    """Surname → the one full name the story's articles give it; and the surnames that speak."""
    return (story_names(tuple(a.texts for a in explainer.articles)),
            frozenset().union(*(speakers_in(a.texts) for a in explainer.articles)))


def named_in_full(candidate: Candidate, people: tuple[dict[str, str], frozenset[str]]
                  ) -> Candidate:
    """A point naming someone by surname alone whom another sentence of the story named in
    full, with the given names added."""
    text, done = in_full(candidate.text, *people)
    return replace(candidate, text=text, mended=True) if done else candidate


def first_point(explainer: Explainer, topic: Topic, avoid: frozenset[str] = frozenset()
                ) -> tuple[str, list[tuple[Article, Sentence]]] | None:
    """The topic's first "In short" point as it stands alone: its text and the sentences it
    rests on (the home card's lead, the page's description and share image)."""
    if topic.key_points:
        point = topic.key_points[0]
        by_id = {f"{a.slug}#{s.anchor}": (a, s) for a in explainer.articles for s in a.sentences}
        return point.text, [by_id[ref] for ref in point.cites]
    points = answer_points(explainer, topic, avoid)
    return (points[0].text, [(points[0].article, s) for s in points[0].sentences]) \
        if points else None


@per_explainer  # the home page and the glossary's "Mentioned in" ask it
def home_leads(explainer: Explainer
               ) -> list[tuple[Topic, tuple[str, list[tuple[Article, Sentence]]] | None]]:
    """Each topic's lead on the home page, in topic order: its first point, chosen so that no
    sentence leads two cards."""
    leads: list[tuple[Topic, tuple[str, list[tuple[Article, Sentence]]] | None]] = []
    used: set[str] = set()
    for topic in explainer.story.topics:
        point = first_point(explainer, topic, avoid=frozenset(used))
        if point:
            used.update(f"{a.slug}#{s.anchor}" for a, s in point[1])
        leads.append((topic, point))
    return leads
