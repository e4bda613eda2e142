"""Dates as readers read them and as articles write them: month and weekday names (the one
place they are defined), `display_date`, and the finder of date mentions that `--suggest` and
the page furniture use.

A mention is kept with the words it came from. One written without a year ("January 28",
"Jan. 11", "the Fourth of July"), as a weekday ("on Thursday", "last Monday", "will meet on
Thursday") or relative to the article's date ("last year", "in May last year", "earlier this
month", "two years ago", "today") is resolved against the article's publication date, and one
relative to a year the text named ("in July that year", "the following year") against that
year; each says so, so that an editor can check it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from importlib import resources

from lemminflect import getAllInflections, getAllLemmas

from .memo import per_process

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CALENDAR_WORDS = frozenset(name.casefold() for name in MONTHS + WEEKDAYS)

# A month as articles write it: "January", "Jan", "Jan.", "Sept." ("May" has no short form).
_MONTH_NAMES = {name.casefold(): number for number, name in enumerate(MONTHS, 1)}
_MONTH_NAMES.update({name[:3].casefold(): number for number, name in enumerate(MONTHS, 1)})
_MONTH_NAMES["sept"] = 9
_MONTH = (r"(?P<month>(?:" + "|".join(MONTHS) + r")\b|(?:"
          + "|".join(sorted({m[:3] for m in MONTHS} | {"Sept"} - {"May"}, reverse=True))
          + r")\b\.?)")
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_NOT_A_NUMBER_GOES_ON = r"(?![\d,.]\d|\d|\s*(?:%|per ?cent))"
# A day as an ordinal before "of" its month: "the 4th of July", "the Fourth of July".
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                  "nineteenth twentieth twenty-first twenty-second twenty-third twenty-fourth "
                  "twenty-fifth twenty-sixth twenty-seventh twenty-eighth twenty-ninth thirtieth "
                  "thirty-first")
ORDINAL_DAYS = {word: number for number, word in enumerate(_ORDINAL_WORDS.split(), 1)}
_ORDINAL_DAY = (r"(?:(?P<day_word>(?i:" + "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True))
                + r"))|(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))")
# A year said in words, after a month or alone: "last year", "that year", "the following year".
# ("the next year", "the last year" are left out: "over the next year" is a span, not a date.)
_YEAR_WORDS = (r"(?P<year_word>(?<![Tt]he )(?:[Ll]ast|[Tt]his|[Nn]ext|[Tt]hat) year"
               r"|[Tt]he (?:same|following|previous) year|[Tt]he year (?:before|after))")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
# A month that opens a sentence as what it is about: "June was one of the driest months".
_MONTH_SUBJECT = (rf"^(?P<lone_month>{'|'.join(m for m in MONTHS if m != 'May')})"
                  r"(?= (?:was|is|were|has|had|saw|brought|became|proved)\b)")
# Longest forms first; a shorter form never reports words a longer one already took.
DATE_FORMS = (
    re.compile(rf"\b(?:{_WEEKDAY},? )?{_DAY} {_MONTH},? {_YEAR}(?!\d)"),
    re.compile(rf"\b(?:{_WEEKDAY},? )?{_MONTH} {_DAY},? {_YEAR}(?!\d)"),
    re.compile(rf"\b(?:{_WEEKDAY},? )?{_DAY} {_MONTH}(?! \d)"),
    re.compile(rf"\b(?:{_WEEKDAY},? )?{_MONTH} {_DAY}\b{_NOT_A_NUMBER_GOES_ON}"),
    re.compile(rf"\b{_ORDINAL_DAY} of {_MONTH}(?:,? {_YEAR})?(?!\d)"),
    re.compile(rf"\b{_MONTH},? (?:of )?{_YEAR}(?!\d)"),
    # "in May last year", "May of that year": a month alone, its year in words
    re.compile(rf"\b(?P<lone_month>{'|'.join(MONTHS)}),? (?:of )?{_YEAR_WORDS}\b"),
    re.compile(rf"\b(?:(?P<month_relation>[Ll]ast|[Nn]ext|[Tt]his) "
               rf"|(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|from|through|during|before|after|[Ee]arly"
               rf"|[Ll]ate|(?:the (?:end|beginning|start|middle) )?of|[Mm]id)[ -])"
               rf"(?P<lone_month>{'|'.join(MONTHS)})\b(?! \d)"),
    re.compile(_MONTH_SUBJECT),
    re.compile(rf"\b(?:(?P<relation>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his past|[Tt]his coming|[Oo]n) )?"
               rf"{_WEEKDAY}\b(?!s\b)"),
    re.compile(r"\b(?P<relative>[Yy]esterday|[Tt]omorrow|[Tt]oday|[Tt]onight"
               r"|[Tt]his (?:morning|afternoon|evening))\b"),
    re.compile(rf"\b{_COUNT} (?P<unit>years?|months?|weeks?) ago\b", re.IGNORECASE),
    # ("the past week", "this past week": last week)
    re.compile(r"\b(?:(?:[Ee]arlier|[Ll]ater) )?(?P<week_word>[Ll]ast|[Tt]his|[Nn]ext"
               r"|(?<=[Tt]he )past|(?<=[Tt]his )past) week\b"),
    re.compile(r"\b(?:(?:[Ee]arlier|[Ll]ater) )?(?P<month_word>[Ll]ast|[Tt]his|[Nn]ext) month\b"),
    # "last fall", "next spring": a season's year (a winter spans two: left out)
    re.compile(r"\b(?P<season_word>[Ll]ast|[Tt]his|[Nn]ext) "
               r"(?P<season>spring|summer|fall|autumn)\b"),
    re.compile(rf"\b{_YEAR_WORDS}\b"),
    # (not a time of day on the 24-hour clock: "1800 UTC", "0600 GMT", "1500Z")
    re.compile(rf"(?<![\d$€£,.]){_YEAR}(?!\d|s\b|,\d|\s*(?:UTC|GMT|Z)\b)"),
)
# How far each year in words is from the year it counts from (the article's, or the one the
# text named last).
YEAR_WORD_SHIFT = {"last year": -1, "this year": 0, "next year": 1, "that year": 0,
                   "the same year": 0, "the following year": 1, "the previous year": -1,
                   "the year before": -1, "the year after": 1}
# Counted from the year the text named last, not from the article's date.
NAMED_YEAR_WORDS = frozenset(["that year", "the same year", "the following year",
                              "the previous year", "the year before", "the year after"])
RELATIVE_DAYS = {"yesterday": -1, "tomorrow": 1, "today": 0, "tonight": 0, "this morning": 0,
                 "this afternoon": 0, "this evening": 0}
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# "by mid-April", "through Saturday": a deadline, or how long something lasts, ahead
LIMITS = ("by", "until", "before", "through", "till")
DEADLINE = re.compile(rf"\b(?i:{'|'.join(LIMITS)})\s+(?:at\s+least\s+)?$")
# What someone is to do on a day: "directed Ruiz to return on April 7", "asked the board to vote
# on May 2" (the verb after "to" is checked against the lexicon: "returned to work on" is past)
INFINITIVE = re.compile(r"\b(?P<before>[\w’']+)\s+to\s+(?P<verb>[a-z]+)\b"
                        r"(?:\s+(?:[\w’'$.-]|,(?=\d))+){0,9}?"
                        r"(?:\s+(?:on|by|in|at|before|after))?\s+$")
# (not the stop of an abbreviation: "at 10 p.m. instead of midnight", "Jan. 5")
# (not the stop of "a.m." or "p.m.": "at 6 a.m. Tuesday" goes on)
CLAUSE_END = re.compile(r"[;!?:]\s|(?<!a\.m)(?<!p\.m)\.\s(?![a-z0-9])|[—–]\s|\s[—–]")


def word_list(name: str) -> list[str]:
    """The lines of one of the vocabulary's word lists (explainer/<name>), without comments."""
    text = resources.files("explainer").joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@per_process(maxsize=1)
def looking_back_verbs() -> frozenset[str]:
    """Verbs whose day is the past event they look at (explainer/looking-back-verbs.txt)."""
    return frozenset(word_list("looking-back-verbs.txt"))


@per_process(maxsize=1)
def past_tense_words() -> frozenset[str]:
    """Verbs in the past tense that don't end in -ed (explainer/past-tense.txt)."""
    return frozenset(word.casefold() for word in word_list("past-tense.txt"))


@per_process(maxsize=1)
def auxiliary_verbs() -> frozenset[str]:
    """Auxiliary and modal verbs (explainer/auxiliary-verbs.txt): "was", "would"."""
    return frozenset(word.casefold() for word in word_list("auxiliary-verbs.txt"))


def is_past_tense(word: str) -> bool:
    """"reached", "met": a verb in the past tense (or a word that looks like one)."""
    word = word.casefold()
    return (word.endswith("ed") and len(word) > 4) or word in past_tense_words()


@per_process(maxsize=1)
def clause_openers() -> re.Pattern[str]:
    """The words that open a new clause inside a sentence (explainer/clause-openers.txt)."""
    words = "|".join(re.escape(w) for w in word_list("clause-openers.txt"))
    return re.compile(rf"(?<![\w’'])(?:{words})(?!\w)", re.IGNORECASE)


APOSTROPHES = ("'", "’")


@per_process(maxsize=1)
def future_tense() -> re.Pattern[str]:
    """The words that put a clause in the future (explainer/future-tense.txt), as one pattern."""
    words = word_list("future-tense.txt")
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words
                            if not w.startswith(APOSTROPHES))
    # a contraction ("'ll") is joined to the word before it: "I'll", "we'll"
    joined = "|".join(re.escape(w) for w in words if w.startswith(APOSTROPHES))
    return re.compile(rf"(?<![\w’'])(?:{alternatives})(?!\w)"
                      + (rf"|(?<=\w)(?:{joined})(?!\w)" if joined else ""), re.IGNORECASE)


# "will be briefed Friday", "will have finished by Friday", "a decision is expected on
# Thursday": a participle, not a past tense
PARTICIPLE_AFTER = frozenset({"be", "been", "being", "have", "has", "had", "get", "got", "is",
                              "are"})


def in_future_clause(text: str, start: int) -> bool:
    """Whether the words before `start`, in the same clause, put it in the future: a future
    word governs it unless a clause opened after that word is in the past tense ("will run on
    Saturday after they reached a deal early Wednesday")."""
    clause_start = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    future = [m.end() for m in future_tense().finditer(text, clause_start, start)]
    if not future:
        return False
    for opener in clause_openers().finditer(text, future[-1], start):
        if any(is_past_tense(w) for w in re.findall(r"[^\W\d_]+", text[opener.end():start])):
            return False
    # a clause with no word to open it, its verb just before the day: "would pay more under a
    # proposal the board approved Monday night", "…, officials said on Tuesday"
    return not (len(re.findall(r"[^\W\d_]+", text[future[-1]:start])) > 2
                and after_a_past_verb(text, start))


# A plan told in the present progressive, its day after the verb's object: "the lower house is
# considering the measure Wednesday", "schools are reopening on Monday" (not "are searching for
# the man who escaped Monday", nor "are reviewing footage from Tuesday", "Monday's quake")
PROGRESSIVE = re.compile(r"\b(?:is|are|am|[’']s|[’']re)\s+(?:not\s+)?(?:\w+ly\s+)?"
                         r"(?!(?:being|something|nothing|anything|everything)\b)[a-z]+ing\b")
PROGRESSIVE_REACH = 4  # words between the verb and its day, at most: its object
BEFORE_A_PAST_DAY = frozenset({"from", "since", "after", "of", "before", "during", "over",
                               "through", "until", "till", "by", "last", "earlier", "early"})


def planned_in_the_present(text: str, start: int, end: int) -> bool:
    """Whether the day from `start` to `end` is the day of a plan told in the present
    progressive, in its clause."""
    clause_start = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    verbs = list(PROGRESSIVE.finditer(text, clause_start, start))
    if not verbs or text[end:end + 2] in ("'s", "’s") \
            or verbs[-1].group().split()[-1].casefold() in looking_back_verbs():
        return False
    between = re.findall(r"[^\W\d_]+", text[verbs[-1].end():start])
    if between and between[-1].casefold() == "on":
        between.pop()
    return (len(between) <= PROGRESSIVE_REACH
            and not (between and between[-1].casefold() in BEFORE_A_PAST_DAY)
            and not any(is_past_tense(w) for w in between))


# A condition, and what it sets: "If Friday's attempt works, …", "Unless Tuesday's vote fails"
CONDITION = re.compile(r"\b(?:if|unless|once|provided|should)\s+(?:[^,;:.]*)$", re.IGNORECASE)
# A day something is moved to: "moved up a hearing to Wednesday", "postponed the vote until
# Monday": a day ahead, whatever the tense of the moving
MOVED_TO = re.compile(r"\b(?:moved|moving|postponed|postpones?|delayed|delays?|rescheduled"
                      r"|reschedules?|pushed\s+back|put\s+off)\b[^,;:.]{0,60}?\s+(?:to|until)"
                      r"\s+(?:(?:next|this)\s+)?$", re.IGNORECASE)


def in_a_condition_to_come(text: str, start: int) -> bool:
    """Whether the day at `start` stands in a condition told in the present ("If Friday's
    attempt works, the cover should open"): what it sets is still to come."""
    condition = CONDITION.search(text, clause_start(text, start), start)
    if condition is None:
        return False
    ends = re.compile(r"[,;:]|\.(?:\s|$)").search(text, start)
    words = text[condition.start():ends.start() if ends else len(text)]
    return told_in_the_present(words) and not told_in_the_past(words)


def moved_to(text: str, start: int) -> bool:
    return MOVED_TO.search(text, max(0, start - 100), start) is not None


def after_a_past_verb(text: str, start: int) -> bool:
    """Whether the day at `start` comes right after a verb told in the past ("approved Monday",
    "said on Tuesday"), not a participle ("will be briefed Friday")."""
    words = re.findall(r"[^\W\d_]+", text[max(0, start - 80):start])
    if words and words[-1].casefold() == "on":
        words.pop()
    # ... or a verb of telling and whom it told: "told department heads on Monday"
    told = next((index for index in range(len(words) - 1, max(len(words) - 4, 0), -1)
                 if words[index].casefold() in TOLD_WHOM), None)
    if told is not None and told > 0 and words[told - 1].casefold() not in PARTICIPLE_AFTER \
            and told < len(words) - 1 and all(w[:1].islower() for w in words[told + 1:]):
        return True
    return (len(words) > 1 and is_past_tense(words[-1])
            and words[-2].casefold() not in PARTICIPLE_AFTER)


TOLD_WHOM = frozenset({"told", "informed", "assured", "warned", "reminded", "notified"})


def before_a_past_verb(text: str, end: int) -> bool:
    """Whether the day ending at `end` stands right before a verb told in the past, after a
    subject ("The board on Tuesday set the rate", not "will on Tuesday set")."""
    after = re.match(r"\s+([^\W\d_]+)", text[end:])
    before = re.findall(r"[^\W\d_]+", text[max(0, end - 120):end])[:-1]  # (not the day)
    if before and before[-1].casefold() == "on":
        before.pop()
    return bool(after and is_past_tense(after[1]) and len(before) > 1
                and before[-1].casefold() not in auxiliary_verbs() | {"to"})


@dataclass(frozen=True)
class DateMention:
    """A date as an article writes it, and as timeline.yml would: "YYYY", "YYYY-MM", "YYYY-MM-DD".

    `date` is None when it can't be worked out (a weekday in an article with no publication
    date); `resolved_from` is what supplied a missing year or day: the publication date, or
    (for "that year", "the following year") the year the text named before.
    """

    phrase: str
    start: int
    date: str | None
    resolved_from: str | None = None
    problem: str = ""
    names_year: bool = False  # the text names this year: what a later "that year" refers to


BACKDATED = re.compile(r"\b(?:backdated|retroactive(?:ly)?|retrospective(?:ly)?)\s+(?:to|from)\s+"
                       r"(?:the\s+start\s+of\s+)?$", re.IGNORECASE)
# A future right after the day: "said the strike on Friday would go ahead" (not "would have")
FUTURE_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:will|would|shall|is to|are to)\s+(?!have\b)",
                          re.IGNORECASE)


def still_to_come(text: str, start: int) -> bool:
    """Whether the date at `start` is told as still to come: in the future tense ("will open
    in June"), as a deadline ("by mid-April", "until March 1") or as what someone is to do
    ("directed Ruiz to return on April 7"); not a day right after a verb told in the past
    ("…, officials said on Tuesday")."""
    if after_a_past_verb(text, start) or told_before_then(text, start) \
            or BACKDATED.search(text, max(0, start - 40), start):
        return False  # ("a pay rise backdated to 1 April": a day gone by)
    # "to support people affected by the August 4 explosions": a date naming a thing after
    # "the" is not when the infinitive's deed is done
    naming = THE_BEFORE.search(text, 0, start) is not None
    return in_future_clause(text, start) or DEADLINE.search(text, 0, start) is not None \
        or (not naming and to_be_done(text, start))


# "had" and a verb: the past perfect ("who had declared a major by Jan. 28", "programs it had
# voted to close in January"); not an obligation ("had to file by May 1")
PAST_PERFECT = re.compile(r"\bhad\s+(?:not\s+|already\s+|just\s+|been\s+)*(?!to\b)[^\W\d_]+",
                          re.IGNORECASE)


def told_before_then(text: str, start: int) -> bool:
    """Whether the date at `start` stands in a clause told in the past perfect: what had been
    done by then, however it is worded ("by", "voted to"), unless a future follows it
    ("had stopped offering gas in subdivisions that will be permitted after January")."""
    perfect = [m.end() for m in PAST_PERFECT.finditer(text, clause_start(text, start), start)]
    return bool(perfect) and not re.search(r"\b(?:will|shall)\b", text[perfect[-1]:start],
                                           re.IGNORECASE)


# Before a participle, words that tell it as holding now: "is set for Tuesday", "has extended
# the warning through Saturday"
HOLDING_NOW = frozenset({"is", "are", "am", "be", "'s", "’s", "has", "have"})


def told_in_the_past(text: str) -> bool:
    """Whether a text holds a verb in the past tense, not one told as holding now."""
    words = re.findall(r"[^\W\d_][’'\w]*", text)
    return any(is_past_tense(word) and (index == 0 or words[index - 1].casefold()
                                         not in HOLDING_NOW)
               for index, word in enumerate(words))


SCHEDULE_AHEAD = datetime.timedelta(days=330)  # "opens July 15": this year's, if not a year on
YEAR_END_AHEAD = datetime.timedelta(days=120)  # "take effect on Jan. 5" in November: next year's
# "is", and the present's auxiliaries ("If your phone doesn't buzz on Nov. 8")
PRESENT_BE = frozenset({"is", "are", "am", "isn", "aren", "do", "does", "don", "doesn", "can"})


def told_in_the_present(text: str) -> bool:
    """Whether a text holds a verb in the present tense: "is", "are", "does" (or "doesn't"), or
    a verb's form in -s ("opens", "takes", "closes")."""
    words = re.findall(r"[^\W\d_]+", text)
    for index, word in enumerate(words):
        folded = word.casefold()
        if folded in PRESENT_BE:
            return True
        if folded.endswith("s") and any(
                stem in getAllLemmas(folded).get("VERB", ())
                for stem in (folded[:-1], folded[:-2], folded[:-3] + "y")):
            return True
        # a plural and a verb's own form: "New rules take effect on Jan. 5"
        if index and folded in getAllLemmas(folded).get("VERB", ()) \
                and folded not in NOT_PRESENT_AFTER_A_PLURAL:
            previous = words[index - 1].casefold()
            if previous.endswith("s") and not previous.endswith("ss") \
                    and "NOUN" in getAllLemmas(previous) and "VERB" not in getAllLemmas(previous):
                return True
    return False


# verb forms that follow a plural without telling the present: "the ballots cast", "crews set"
NOT_PRESENT_AFTER_A_PLURAL = frozenset({"cast", "set", "put", "cut", "hit", "let", "shut",
                                         "spread", "read", "cost", "hurt", "quit", "bid"})


# ", who starts in July", ", which opens on June 2": a clause of its own, told in its own tense
RELATIVE_OPENS = re.compile(r",\s+(?:who|which|whose|where)\b", re.IGNORECASE)


# A closing attribution tells when the speaker spoke, not when the clause's deed is: "Tax
# bills go out in July, …, County Administrator Martin Coyle said."
CLOSING_ATTRIBUTION = re.compile(r",\s+(?:[\w.’'-]+\s+){1,7}?(?:said|says|added|wrote|told\s+"
                                 r"[\w.’'-]+(?:\s+[\w.’'-]+)?)\s*[.!]?\s*$", re.IGNORECASE)


def clause_around(text: str, start: int) -> str:
    """The clause a word at `start` stands in (between marks that end clauses, from the
    relative clause it stands in: "hired a coordinator, who starts in July" is told of July in
    the present)."""
    ends = CLAUSE_END.search(text, start)
    return CLOSING_ATTRIBUTION.sub("", text[clause_start(text, start):
                                            ends.start() if ends else len(text)])


def clause_start(text: str, start: int) -> int:
    """Where the clause a word at `start` stands in opens: after the last mark that ends a
    clause, or at the relative clause it stands in."""
    opens = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    return max((m.start() + 1 for m in RELATIVE_OPENS.finditer(text, opens, start)),
               default=opens)


def lasts_until(text: str, start: int) -> bool:
    """Whether the date at `start` ends what holds now: "has extended the warning through
    Saturday", "stays shut until Monday" (not "was closed until Monday", told in the past)."""
    if DEADLINE.search(text, 0, start) is None:
        return False
    clause_start = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    if told_in_the_past(text[clause_start:start]):
        return False
    if DEADLINE.fullmatch(text[clause_start:start].lstrip()):
        # the date opens its clause ("By Sunday, more than 9,000 birds had died"): its first
        # auxiliary tells whether the limit was reached already
        return first_auxiliary(clause_around(text, start)) not in PAST_AUXILIARIES
    return True


def first_auxiliary(text: str) -> str | None:
    """The first auxiliary verb of a clause ("had" of "more than 9,000 birds had died")."""
    return next((word for word in (w.casefold() for w in re.findall(r"[^\W\d_]+", text))
                 if word in auxiliary_verbs() or word in ("am", "be")), None)


def to_be_done(text: str, start: int) -> bool:
    """Whether the date at `start` is when someone is to do something: a verb after "to", in
    the date's clause, where "to" follows no verb in the past ("returned to work on May 4"),
    unless that verb asks for what is to come ("asked to return", "voted to close")."""
    clause_start = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    sentence_clause = clause_start
    # ... in the date's own clause: "that it had planned to retire next year, and both were
    # running on Monday" ran on Monday
    clause_start = max((m.end() for m in clause_openers().finditer(text, clause_start, start)),
                       default=clause_start)
    found = INFINITIVE.search(text, clause_start, start)
    if not found or "VERB" not in getAllLemmas(found["verb"]):  # the lexicon's parts of speech
        return False
    if consequence_told_in_the_past(text, sentence_clause, found.start("before")):
        return False
    before = found["before"].casefold()
    if before in ASKING_VERBS:
        return True
    # "did not respond to phone calls on Monday": the clause is told in the past, and its "to"
    # is a preposition
    told_before = re.findall(r"[^\W\d_]+", text[clause_start:found.start()])
    return not is_past_tense(before) \
        and not any(word.casefold() in PAST_AUXILIARIES for word in told_before)


# ", causing the span to collapse", ", forcing the plant to close": a participle after a comma,
# then its object and "to"
CONSEQUENCE = re.compile(r",\s+(?P<participle>[a-z]+ing)\s+(?:[\w’'.-]+\s+){0,4}$")


def consequence_told_in_the_past(text: str, clause_start: int, before: int) -> bool:
    """Whether the "to" at `before` (after "causing the span") tells a consequence of a
    deed told in the past ("The ship crashed into the bridge, causing the span to collapse
    Tuesday"): the participle clause keeps its main clause's tense, nothing still to come."""
    participle = CONSEQUENCE.search(text, clause_start, before)
    return participle is not None and not asks(participle["participle"]) \
        and told_in_the_past(text[clause_start:participle.start()])


def asks(participle: str) -> bool:
    """Whether an -ing form is of a verb that asks for what is to come ("asking", "urging")."""
    return any(past in ASKING_VERBS for lemma in getAllLemmas(participle).get("VERB", ())
               for past in getAllInflections(lemma, upos="VERB").get("VBD", ()))


PAST_AUXILIARIES = frozenset({"did", "didn", "was", "wasn", "were", "weren", "had", "hadn"})


# Past verbs whose "to" leads to what is still to be done: "was asked to return on May 2"
ASKING_VERBS = frozenset({"asked", "told", "directed", "ordered", "expected", "scheduled",
                          "voted", "agreed", "decided", "promised", "pledged", "planned",
                          "instructed", "urged", "invited", "required", "set", "due"})


def first_day(date: str) -> str:
    """A date at any precision as the first day it can mean: "2019" → "2019-01-01", "2019-07"
    → "2019-07-01" (how dates known to the year or month are sorted and stamped)."""
    return (date + "-01-01"[len(date) - 4:]) if date else ""


def display_date(date: str) -> str:
    """"2019" → "2019"; "2019-07" → "July 2019"; "2019-07-12" → "12 July 2019"."""
    parts = date.split("-")
    if len(parts) == 1:
        return date
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def month_number(word: str) -> int:
    return _MONTH_NAMES[word.rstrip(".").casefold()]


# A publication date taken apart: (year, month or None, the day's date or None).
Published = tuple[int, int | None, datetime.date | None]


def parse_published(published: str | None) -> Published | None:
    """`published` ("YYYY", "YYYY-MM", "YYYY-MM-DD") → (year, month or None, date or None)."""
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    if len(parts) == 3:
        return parts[0], parts[1], datetime.date(*parts)
    return parts[0], (parts[1] if len(parts) == 2 else None), None


def real_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:  # 30 February
        return None


# A plan told in the past: "the vote was set for Feb. 2", "talks were scheduled to resume".
SCHEDULED = re.compile(r"\b(?:scheduled|rescheduled|set|planned|postponed|moved|due|slated|"
                       r"expected|delayed|pushed back|put off)\b", re.IGNORECASE)


def year_for(month: int, day: int, published: Published, ahead: bool = False,
             past: bool = True, surely_past: bool = False) -> int:
    """The year of a day written without one, as a reader of the article on its publication
    date would take it: a day still to come ("will restart on Nov. 2", "by March 1") is the
    first such day on or after publication; otherwise the same month is this year; a later
    month told in the past ("the plant closed on Nov. 3") is last year's, unless it falls
    within a week after publication (an event coming up, across a month or a year's end: "Feb.
    2" in an article of 30 January), and one told in the present ("enrollment opens July 15",
    "new rules take effect on Jan. 5" in November) is the coming one, as news style leaves out
    the year; an earlier month told otherwise is this year's. A day later in the month of
    publication, told in the past ("I was near the plant on the 15th of March" in an article
    of 10 March), is last year's; `surely_past`: told in the past and not as a plan ("was set
    for"), when even a day in the week after publication is last year's."""
    year, pub_month, pub_date = published
    if not past and pub_date is not None and pub_month is not None and month != pub_month:
        # told in the present, a day is the coming one ("take effect on Jan. 5" in November,
        # a few months on: "is closed since Feb. 3" in June is this year's)
        coming = real_date(year + (month < pub_month), month, day)
        ahead = ahead or (coming is not None and coming - pub_date <= (
            SCHEDULE_AHEAD if month > pub_month else YEAR_END_AHEAD))
    if ahead and pub_date is not None:
        for candidate in (year, year + 1):
            upcoming = real_date(candidate, month, day)
            if upcoming and upcoming >= pub_date:
                return candidate
    if pub_month is None:
        return year
    if month == pub_month:
        return year - 1 if surely_past and pub_date is not None and day > pub_date.day else year
    if pub_date is not None and not surely_past:
        for candidate in (year, year + 1):
            soon = real_date(candidate, month, day)
            if soon and datetime.timedelta(0) < soon - pub_date <= datetime.timedelta(days=7):
                return candidate
    return year - 1 if month > pub_month else year


def weekday_date(weekday: int, relation: str, pub_date: datetime.date, future: bool = False
                 ) -> datetime.date:
    """"on Thursday": the latest Thursday on or before publication; "last Thursday": before
    it; "next Thursday" and "this coming Thursday": the first one after it; a Thursday in the
    future tense ("will meet on Thursday"): the first one on or after it (news names the day
    itself by its weekday: "set to reach zero on Saturday night" in a Saturday's paper is
    that night)."""
    relation = relation.casefold()
    if relation in ("next", "this coming"):
        return pub_date + datetime.timedelta(days=(weekday - pub_date.weekday() - 1) % 7 + 1)
    if future and relation in ("", "on", "this"):
        return pub_date + datetime.timedelta(days=(weekday - pub_date.weekday()) % 7)
    back = (pub_date.weekday() - weekday) % 7
    if relation in ("last", "this past") and back == 0:
        back = 7
    return pub_date - datetime.timedelta(days=back)


# A weekday's date in figures after it, as agencies' updates write it: "On Tuesday (8/21)"
NUMERIC_DAY_AFTER = re.compile(r"\s*\((\d{1,2})/(\d{1,2})\)")
NUMERIC_DAY_REACH = 200  # days from the article's date a day in figures may be


def day_of_numbers(written: re.Match[str], weekday: int, pub_date: datetime.date
                   ) -> datetime.date | None:
    """The day "(8/21)" writes after a weekday: month/day or day/month, whichever falls on that
    weekday, in the year nearest the article's date; None if neither does or both do."""
    first, second = int(written.group(1)), int(written.group(2))
    days = set()
    for month, day in ((first, second), (second, first)):
        for year in (pub_date.year - 1, pub_date.year, pub_date.year + 1):
            try:
                candidate = datetime.date(year, month, day)
            except ValueError:
                continue
            if candidate.weekday() == weekday \
                    and abs((candidate - pub_date).days) <= NUMERIC_DAY_REACH:
                days.add(candidate)
    return days.pop() if len(days) == 1 else None


def shifted_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def resolve(match: re.Match[str], published: str | None, named_year: int | None = None
            ) -> DateMention:
    """One matched date → a DateMention, filling in what the words leave out from `published`
    (or, for "that year", from `named_year`, the year the text named last)."""
    found = match.groupdict()
    phrase, start = match.group().strip(), match.start()
    pub = parse_published(published)
    if found.get("year_word"):
        return year_in_words(phrase, start, found["year_word"], found.get("lone_month"), pub,
                             published, named_year)
    if found.get("relative"):
        if pub is None or pub[2] is None:
            return DateMention(phrase, start, None, problem=needs_full_date(published))
        shift = RELATIVE_DAYS[" ".join(found["relative"].casefold().split())]
        return DateMention(phrase, start, (pub[2] + datetime.timedelta(days=shift)).isoformat(),
                           published)
    if found.get("unit"):
        return time_ago(phrase, start, found["count"], found["unit"], pub, published)
    if found.get("week_word"):
        if pub is None or pub[2] is None:
            return DateMention(phrase, start, None, problem=needs_full_date(published))
        shift = {"last": -1, "past": -1, "this": 0, "next": 1}[found["week_word"].casefold()]
        return week_of(phrase, start, pub[2] + datetime.timedelta(weeks=shift), published)
    if found.get("month_word"):
        if pub is None or pub[1] is None:
            return DateMention(phrase, start, None, problem=needs_month(published))
        shift = {"last": -1, "this": 0, "next": 1}[found["month_word"].casefold()]
        that_year, that_month = shifted_month(pub[0], pub[1], shift)
        return DateMention(phrase, start, f"{that_year}-{that_month:02d}", published)
    if found.get("season"):
        if pub is None or pub[1] is None:
            return DateMention(phrase, start, None, problem=needs_month(published))
        return DateMention(phrase, start, str(season_year(found["season_word"].casefold(),
                                                          found["season"], pub[0], pub[1])),
                           published)
    if found.get("lone_month"):
        relation = found.get("month_relation") or ""
        if not relation and still_to_come(match.string, start):
            relation = "coming"  # "will open in June", "by mid-April": the next one
        elif not relation and pub is not None and pub[1] is not None \
                and month_number(found["lone_month"]) > pub[1]:
            # a later month told in the present is this year's ("Tax bills go out in July",
            # told in April), as a day is, and so is one a limit names ("meant to stop rents
            # rising before July", told in March); told in the past, last year's
            clause = clause_around(match.string, start)
            if LIMIT_OPENS.match(phrase) or (told_in_the_present(clause)
                                             and not told_in_the_past(clause)):
                relation = "coming"
        return month_alone(phrase, start, month_number(found["lone_month"]), relation, pub,
                           published)
    if found.get("day_word"):
        found["day"] = str(ORDINAL_DAYS[found["day_word"].casefold()])
    month = month_number(found["month"]) if found.get("month") else None
    if month is None and found.get("weekday"):
        if pub is None or pub[2] is None:
            return DateMention(phrase, start, None, problem=needs_full_date(published))
        future = (not after_a_past_verb(match.string, match.start()) and (
            in_future_clause(match.string, match.start())
            or to_be_done(match.string, match.start())
            or lasts_until(match.string, match.start())
            or in_a_condition_to_come(match.string, match.start())
            or planned_in_the_present(match.string, match.start(), match.end())
            or FUTURE_AFTER.match(match.string, match.end()) is not None)) \
            or moved_to(match.string, match.start())
        weekday = WEEKDAYS.index(found["weekday"])
        written = NUMERIC_DAY_AFTER.match(match.string, match.end())
        day_written = day_of_numbers(written, weekday, pub[2]) if written else None
        if written and day_written:  # "On Tuesday (8/21)": the day the article writes beside it
            return DateMention(phrase + match.string[match.end():written.end()], start,
                               day_written.isoformat(), published)
        when = weekday_date(weekday, found.get("relation") or "", pub[2], future)
        return DateMention(phrase, start, when.isoformat(), published)
    if month is None:
        return DateMention(phrase, start, found["year"], names_year=True)
    if found.get("day") is None:
        return DateMention(phrase, start, f"{found['year']}-{month:02d}", names_year=True)
    day = int(found["day"])
    if found.get("year"):
        year, resolved_from = int(found["year"]), None
    elif pub is None:
        return DateMention(phrase, start, None, problem="no year, and no published date to take "
                                                        "it from")
    else:
        clause = clause_around(match.string, start)
        past = told_in_the_past(clause)
        year, resolved_from = year_for(month, day, pub, still_to_come(match.string, start),
                                       not told_in_the_present(clause) or past,
                                       past and not SCHEDULED.search(clause)), \
            published
    if real_date(year, month, day) is None:
        return DateMention(phrase, start, None, resolved_from, f"there is no such day in {year}")
    return DateMention(phrase, start, f"{year}-{month:02d}-{day:02d}", resolved_from,
                       names_year=resolved_from is None)


# The months each season spans, as news in the northern hemisphere uses them
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}


def season_year(relation: str, season: str, year: int, month: int) -> int:
    """The year of "last fall", "this spring", "next summer", told in `month` of `year`:
    the last one ended before the telling, the next one not begun."""
    begins, ends = SEASON_MONTHS[season]
    if relation == "last":
        return year if month > ends else year - 1
    if relation == "next":
        return year if month < begins else year + 1
    return year


def year_in_words(phrase: str, start: int, year_word: str, month: str | None,
                  pub: Published | None, published: str | None, named_year: int | None
                  ) -> DateMention:
    """"last year", "in May last year", "in July that year": a year counted from the article's
    date, or ("that year", "the following year") from the year the text named last."""
    words = " ".join(year_word.casefold().split())
    basis: str | None  # what the year is counted from
    if words in NAMED_YEAR_WORDS:
        if named_year is None:
            return DateMention(phrase, start, None, problem="no year named before it to count "
                                                            "from")
        base, basis = named_year, str(named_year)
    elif pub is None:
        return DateMention(phrase, start, None, problem="no published date to count from")
    else:
        base, basis = pub[0], published
    year = base + YEAR_WORD_SHIFT[words]
    date = f"{year}-{month_number(month):02d}" if month else str(year)
    return DateMention(phrase, start, date, basis, names_year=True)


def time_ago(phrase: str, start: int, count_word: str, unit: str, pub: Published | None,
             published: str | None) -> DateMention:
    """"two years ago", "six months ago", counted from the article's date."""
    word = count_word.casefold()
    count = int(word) if word.isdigit() else _NUMBER_WORDS[word]
    if unit.casefold().startswith("week"):
        if pub is None or pub[2] is None:
            return DateMention(phrase, start, None, problem=needs_full_date(published))
        return week_of(phrase, start, pub[2] - datetime.timedelta(weeks=count), published)
    if unit.casefold().startswith("year"):
        if pub is None:
            return DateMention(phrase, start, None, problem="no published date to count from")
        return DateMention(phrase, start, str(pub[0] - count), published, names_year=True)
    if pub is None or pub[1] is None:
        return DateMention(phrase, start, None, problem=needs_month(published))
    year, month = shifted_month(pub[0], pub[1], -count)
    return DateMention(phrase, start, f"{year}-{month:02d}", published)


def week_of(phrase: str, start: int, day: datetime.date, published: str | None) -> DateMention:
    """"next week", "two weeks ago": the week (Monday to Sunday) holding `day`, as precisely as
    it goes: its month when the whole week is in one, else its year."""
    monday = day - datetime.timedelta(days=day.weekday())
    sunday = monday + datetime.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return DateMention(phrase, start, f"{monday.year}-{monday.month:02d}", published)
    if monday.year == sunday.year:
        return DateMention(phrase, start, str(monday.year), published)
    return DateMention(phrase, start, None, problem="the week runs across a year's end")


def month_alone(phrase: str, start: int, month: int, relation: str, pub: Published | None,
                published: str | None) -> DateMention:
    """"in December", "last March", "next June": the year from the publication date, as for a
    day without a year ("next" is the first such month after publication, "last" the one
    before)."""
    if pub is None:
        return DateMention(phrase, start, None, problem="no year, and no published date to take "
                                                        "it from")
    year, pub_month = pub[0], pub[1]
    relation = relation.casefold()
    if pub_month is None:
        year += {"next": 1, "last": -1}.get(relation, 0)
    elif relation == "next":
        year += month <= pub_month
    elif relation == "coming":
        year += month < pub_month
    elif relation == "last":
        year -= month >= pub_month
    elif month > pub_month:
        year -= 1
    return DateMention(phrase, start, f"{year}-{month:02d}", published)


def needs_full_date(published: str | None) -> str:
    if published:
        return f"the published date {published} has no day to count from"
    return "no published date to count from"


def needs_month(published: str | None) -> str:
    if published:
        return f"the published date {published} has no month to count from"
    return "no published date to count from"


def date_mentions(text: str, published: str | None = None, named_year: int | None = None
                  ) -> list[DateMention]:
    """Every date a text mentions, in reading order; the words of a longer form ("12 July
    2019") are not reported again by a shorter one ("2019"). `named_year` is the year the
    text before this one named last ("that year" counts from it); years this text names
    take over as it goes on."""
    matches: list[re.Match[str]] = []
    taken: list[range] = []
    for form in DATE_FORMS:
        for match in form.finditer(text):
            span = range(match.start(), match.end())
            if any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            taken.append(span)
            matches.append(match)
    found = []
    for match in sorted(matches, key=lambda m: m.start()):
        if names_no_day(match) or year_of_a_name(match.string, match.start(), match.group()):
            continue
        try:
            mention = nearer_year(resolve(match, published, named_year), published,
                                  match.string)
        except (OverflowError, ValueError):  # "yesterday" in an article dated 0001-01-01
            mention = DateMention(match.group(), match.start(), None,
                                  problem="counted from the article's date, it falls outside "
                                          "the calendar (years 1 to 9999)")
        if mention.names_year and mention.date:
            named_year = int(mention.date[:4])
        found.append(mention)
    return found


# News leaves the year out of a date near its own: a day or month the rules put most of a year
# away ("on July 1" told in April as last July, "before March 10" as next March) is the nearest
# one, unless the words right before it say it lies the other way. (Between half a year and
# nine months the rules' reading of tense stands: "when the legislature returns on Jan. 11",
# told in April, is next January.)
FAR_FROM_PUBLICATION = datetime.timedelta(days=270)
NEAR_PUBLICATION = datetime.timedelta(days=183)


def nearer_year(mention: DateMention, published: str | None, text: str = "") -> DateMention:
    """A date whose year was supplied from the publication date, moved to the year that puts it
    near publication when the rules put it far (FAR_FROM_PUBLICATION) and another year puts
    it near (NEAR_PUBLICATION), unless the words right before it say it lies the other way
    ("restarted on Nov. 2" is past, "will reopen in February" ahead)."""
    pub = parse_published(published)
    if mention.date is None or mention.resolved_from != published or pub is None \
            or pub[2] is None or not re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", mention.date) \
            or RELATIVE_WORDS.search(mention.phrase):
        return mention
    year, rest = int(mention.date[:4]), mention.date[4:]
    published_on: datetime.date = pub[2]

    def distance(candidate: int) -> datetime.timedelta:
        """How far the date, in that year, lies from publication (a month: its nearest day)."""
        month = int(rest[1:3])
        day = int(rest[4:6]) if len(rest) > 3 else None
        first = real_date(candidate, month, day or 1)
        after = real_date(*shifted_month(candidate, month, 1), 1)
        if first is None or after is None:
            return datetime.timedelta.max
        if day is not None:
            return abs(first - published_on)
        last = after - datetime.timedelta(days=1)
        return max(datetime.timedelta(0), first - published_on, published_on - last)

    if distance(year) <= FAR_FROM_PUBLICATION:
        return mention
    nearest = min((pub[0] - 1, pub[0], pub[0] + 1), key=distance)
    if distance(nearest) > NEAR_PUBLICATION:
        return mention
    told = tense_just_before(text, mention.start)
    if told and (told == "past") != (nearest < year):
        return mention
    return replace(mention, date=f"{nearest}{rest}")


def tense_just_before(text: str, start: int) -> str | None:
    """"past" or "future" when the few words before a date, in its clause, tell which way it
    lies ("returned to work on", "was near the plant on", "will reopen in"); None when they
    don't, or when a word of a limit comes right before it ("dated before March 10")."""
    clause_start = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    words = re.findall(r"[^\W\d_][\w’']*", text[clause_start:start])[-WORDS_BEFORE:]
    if words and words[-1].casefold() in LIMIT_WORDS:
        return None
    if future_tense().search(" ".join(words)):
        return "future"
    # a verb after "to" is no past ("signatures to put it to a vote in November"), nor is a
    # verb that reports what someone said ("said the closing date of November 30")
    if any(w.casefold() in PAST_AUXILIARIES or w.casefold() == "since"
           or (w[:1].islower() and is_past_tense(w) and w.casefold() not in reporting_verbs()
               and (index == 0 or words[index - 1].casefold() not in NOT_PAST_AFTER))
           for index, w in enumerate(words)):
        return "past"
    return None


WORDS_BEFORE = 10  # "I was among those near the atomic power facility on the 15th of March"
# before which a participle is no past: "to put", "is filed", "has been set"
NOT_PAST_AFTER = HOLDING_NOW | {"to", "been", "being", "will", "would"}
LIMIT_OPENS = re.compile(rf"(?i:{'|'.join(LIMITS)})\b")
# a limit or a schedule: "dated before March 10", "a hearing for July 14"
LIMIT_WORDS = frozenset({*LIMITS, "for"})


@per_process(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Verbs that report speech (explainer/reporting-verbs.txt)."""
    return frozenset(word_list("reporting-verbs.txt"))


# "last March", "next June", "this July": the words say which year
RELATIVE_WORDS = re.compile(r"\b(?:last|next|this|previous|coming|past)\b", re.IGNORECASE)


SPAN_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
LAST_WEEK = frozenset({"last", "past"})
HABIT_BEFORE = re.compile(r"\b(?:each|every|any|a|an|one|some)\s+$", re.IGNORECASE)
TIMES_OF_DAY = frozenset({"night", "morning", "afternoon", "evening", "noon", "midnight"})
# words that open a clause after a day ("decide by Thursday whether to extend it"), which the
# lexicon may also know as nouns ("whether", "how")
NOT_A_NOUN_AFTER = frozenset({"that", "what", "which", "who", "when", "while", "whether", "where",
                              "why", "how", "whom", "whose", "because", "unless", "until",
                              "although", "though", "as"})
NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_][\w'’-]*)")


NAME_BEFORE_OF = re.compile(r"\b[A-Z][\w’'-]* of $")  # "the Enforcement Act of ", "Class of "
# a year that opens a name of two or more capitalised words: "the 2020 National Defense
# Authorization Act", "Turkey's 2019 Strategic Plan" (one word, "the 2020 U.S. election", is
# the year a thing happened)
THE_BEFORE_A_NAME = re.compile(r"(?:\b[Tt]he|[’']s?)\s+$")
NAME_AFTER = re.compile(r"^\s+[A-Z][\w’'.-]*[a-z][\w’'-]*\s+[A-Z][\w’'-]*[a-z]")


def year_of_a_name(text: str, start: int, phrase: str) -> bool:
    """Whether a year alone is part of a name ("the Bank Secrecy Act of 1970", "the Class of
    2020", "the 2020 National Defense Authorization Act"): it names a law or a group, not a
    time the story tells of."""
    return phrase.isdigit() and (
        NAME_BEFORE_OF.search(text[:start]) is not None
        or (THE_BEFORE_A_NAME.search(text[:start]) is not None
            and NAME_AFTER.match(text[start + len(phrase):]) is not None))


# What is written and dated by its year: "a 2023 paper", "papers from the lab, from 2019 and
# 2021".
_DOCUMENTS = (r"(?:papers?|stud(?:y|ies)|reports?|articles?|books?|surveys?|editions?|versions?|"
              r"memos?|letters?|documents?|census(?:es)?|films?|albums?|photos?|photographs?|"
              r"images?|videos?|recordings?|maps?|models?|cop(?:y|ies)|lists?|records|data|"
              r"files?|databases?|figures|statistics|estimates|tallies)")
DOCUMENT_BEFORE = re.compile(rf"\b{_DOCUMENTS}(?:\s+[\w’'-]+){{0,4}},?\s+"
                             r"(?:from|dated|published in)\s+"
                             r"(?:(?:1[89]|20)\d\d\s*(?:,|and|or)\s*)*$", re.IGNORECASE)
DOCUMENT_AFTER = re.compile(rf"^\s+(?:[a-z][\w-]*\s+)?{_DOCUMENTS}\b")


def year_of_a_document(text: str, start: int, phrase: str) -> bool:
    """Whether a year alone dates a document ("a 2023 paper", "two papers from 2019 and
    2021"): it says when the thing was written or made, not an event the story tells of."""
    return phrase.isdigit() and (DOCUMENT_BEFORE.search(text[:start]) is not None
                                 or DOCUMENT_AFTER.match(text[start + len(phrase):]) is not None)


# A year that bounds a period something is measured over ("from 2012 to 2021, dispensing rose
# 45 percent", "in 2020-2021", "sales have grown 1 percent a year since 2022", "the lowest since
# 2019"): the period is no event the story tells of.
# ("from May 2012 to December 2015": a month before either year changes nothing)
_SPAN_YEAR = (r"(?:(?:early|mid|late)[- ]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
              r"[a-z]*\.?\s+)?(?:1[89]|20)\d\d")
SPAN_ENDS = re.compile(rf"\b(?:from|between)\s+{_SPAN_YEAR}\s*(?:to|through|until|and|[-–—])\s*"
                       rf"{_SPAN_YEAR}\b|\b(?:1[89]|20)\d\d\s*[-–—]\s*(?:(?:1[89]|20)\d\d|\d\d)\b",
                       re.IGNORECASE)
MEASURE = re.compile(r"%|\bper ?cent\b|\bpercentage\b|\b(?:a|per) year\b|\bannually\b|"
                     r"\b(?:highest|lowest|most|fewest|largest|smallest|biggest|worst|best|"
                     r"fastest|slowest)\b", re.IGNORECASE)
SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:early|mid|late)[- ])?$", re.IGNORECASE)


def year_bounds_a_period(text: str, start: int, phrase: str) -> bool:
    """Whether a year is an end of a period ("from 2012 to 2021", "2020-2021"), or the start of
    one a measure runs over ("grown less than 1 percent a year since 2022")."""
    if not phrase.isdigit():
        return False
    for span in SPAN_ENDS.finditer(text):
        if span.start() <= start < span.end():
            return True
    return SINCE_YEAR.search(text[:start]) is not None and MEASURE.search(text) is not None


# A year a period runs until ("implementation through 2026"), or one a record is measured from
# ("lower than at any time since late 2007", "the highest since 1990"): no time the story tells of
UNTIL_YEAR = re.compile(r"\b(?:through|until|till|thru)\s+(?:the\s+end\s+of\s+)?"
                        r"(?:(?:late|early|mid)[\s-]+)?$", re.IGNORECASE)
RECORD_SINCE_YEAR = re.compile(
    r"\b(?:at any (?:time|point)|(?:the\s+)?(?:first time|lowest|highest|most|least|fewest|"
    r"largest|smallest|biggest|worst|best|strongest|weakest)\b[^.;:]{0,40}?)\s+since\s+"
    r"(?:(?:late|early|mid)[\s-]+)?$", re.IGNORECASE)


def year_ends_a_period(text: str, start: int, phrase: str) -> bool:
    """(Not one the sentence tells what happened in: "fought until 2016, when it signed …")"""
    if re.match(r"\s*,?\s*when\b", text[start + len(phrase):]):
        return False
    return bool(UNTIL_YEAR.search(text[:start]) or RECORD_SINCE_YEAR.search(text[:start]))


def year_tells_no_event(text: str, start: int, phrase: str) -> bool:
    """Whether the year a mention names ("2022", "in 2022") is part of a name, dates a
    document or bounds a measured period: none is a time the story tells of."""
    year = re.search(r"(?:1[89]|20)\d\d", phrase)
    if year is None or re.sub(r"\D", "", phrase) != year.group():
        return False  # a day or a month names a time
    at = start + year.start()
    return any(test(text, at, year.group()) for test in (year_of_a_name, year_of_a_document,
                                                         year_bounds_a_period,
                                                         year_ends_a_period))


def names_no_day(match: re.Match[str]) -> bool:
    """Whether a weekday written alone names no particular day: a habit ("each Friday", "every
    Monday"), a name ("the Friday Club") or a kind of thing ("the Thursday meal bags", "their
    Friday hours"). "Friday night", "on Friday President Obama said" and "said Monday that"
    name a day."""
    found = match.groupdict()
    if (found.get("month_word") or found.get("week_word")) \
            and SPAN_BEFORE.search(match.string[:match.start()]) \
            and (found.get("week_word") or "").casefold() not in LAST_WEEK:
        return True  # "in the last month", "over the next week": a span of days, not a month
    # ("in the last week", "over the past week" end at the article's date: told as last week)
    if not found.get("weekday") or found.get("month"):
        return False
    if HABIT_BEFORE.search(match.string[:match.start("weekday")]):
        return True
    after = NEXT_WORD.match(match.string, match.end())
    if after is None:
        return False
    word = after.group(1)
    if word[:1].isupper():
        return not found.get("relation")
    word = word.casefold()
    if (found.get("relation") or "").casefold() == "on" and is_past_tense(word):
        return False  # "The board on Tuesday set the rate": the day it did so
    return word not in TIMES_OF_DAY and word not in NOT_A_NOUN_AFTER \
        and "NOUN" in getAllLemmas(word)


def last_named_year(mentions: list[DateMention], named_year: int | None) -> int | None:
    """The year a later "that year" refers to, after these mentions."""
    for mention in mentions:
        if mention.names_year and mention.date:
            named_year = int(mention.date[:4])
    return named_year


TIME_OF_DAY = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?![\w])", re.I)
DATE_LINE_WORDS = frozenset(
    ["updated", "published", "posted", "last", "modified", "on", "at", "am", "pm", "gmt", "utc",
     "bst", "cet", "est", "edt", "et", "pt", "pst", "pdt", "local", "time"])


def is_date_line(line: str) -> bool:
    """Whether a line is only a date (and maybe a time): "Updated January 30, 2024 10:15 AM"."""
    mentions = [m for m in date_mentions(line) if any(c.isdigit() for c in m.phrase)]
    if not mentions:
        return False
    rest = line
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:mention.start] + " " + rest[mention.start + len(mention.phrase):]
    rest = TIME_OF_DAY.sub(" ", rest)
    words = re.findall(r"[^\W\d_]+", rest)
    return all(word.casefold() in DATE_LINE_WORDS for word in words)
