"""Stage 3, classify: which topics each sentence is *about*, and which it only *mentions*.

Signals are phrases from `topics.yml`. A signal matches its own word forms, without regard to
case or accents: the plurals and tenses of its words, in British or American spelling
(wordforms.py), so an editor writes "S-400" or "defence system" once and it matches "S-400s"
and "defense systems", but "national security" never matches "United Nations Security
Council".

A sentence mentions every topic one of its signals names. It is *about* the topics that weigh
most in it, by four rules an editor can check with `build.py --explain`:

1. Signals side by side name one thing: "F-35 fighter jet" counts once, not three times, and
   so do signals of one topic a word or two apart in one clause ("a February agreement to
   begin dismantling"); a signal repeated in a sentence counts once. Where two signals
   overlap, the longer wins ("crop insurance" is not also "crop"); a word joined by a hyphen
   to the word before it is a different word ("low-wage" is not "wage"). Words that signals
   of two topics both name ("riders" for the riders and for who is for and against) count
   half for each: they tell the topics apart less.
2. A signal in a side clause counts half. A side clause adds detail to a sentence whose subject
   is elsewhere: "As tensions escalate, ...", "..., particularly concerning the F-35",
   "..., which ...", "..., including ...", "... if ..." (a condition or a concession,
   wherever it stands; the opening words are listed in clauses.txt). Whom something was told
   ("told the jury that ...", "asked reporters how ..."), who says it between commas
   (", her lawyers say,"), a phrase between commas opening on a preposition (", at a cost
   of about $38,000 a year,"), a name before a noun of place ("two Greenvale stores") and
   a common noun inside a place's name ("Ostrander Court", "the United States") are asides;
   what a sentence sets aside ("but not pipeline operations", "rather than ban them", "not
   counting the other lawsuits") and what someone would not comment on ("declined to
   comment on the suit") are no signal at all.
   A clause that gives a cause or an effect is not a side clause: it says a second thing
   ("..., so the new rule bars partial replacements", "..., making farmers eligible for
   loans", "because ...", "due to ..."; listed in clauses.txt under "cause or effect").
3. A signal found in half or more of an article's sentences counts half: it names the story,
   not what one sentence is about; so does one found in a third or more of the sentences of a
   story of several articles, and one that the questions of two other topics name ("What
   would the data center mean for water?", "How much electricity would the data center
   use?"), and so does the plural naming whom a topic's own question asks about ("riders" for
   "What will the cuts mean for riders?"): those people are named all through a story, doing
   everything, and naming them says little of what it means for them. And a topic whose
   question asks only what happened ("What happened to the bridge, and what caused the
   cracks?") weighs half in a sentence whose main clause tells what is to come ("Crews will
   bolt steel plates over the cracked beams"): the
   sentence is about what comes next, the cracks only what it works on. The main clause's
   first verb with a tense decides ("Voters rejected the plan, and the owner said the team
   would stay" is what happened); a verb that reports speech leaves it to what it reports.
   Such a sentence takes no topic asking only what happened from its context (rule 5), and a
   clause of it that names only such topics, halved, makes it about none of them (rule 4).
   The other way round, a decision told as set for a day ahead ("The board is to vote on the
   plan on June 4."), or an act to come set within a time ("The union said it would file a
   lawsuit within 30 days."), is about a topic asking what comes next ("... and what happens
   next?") as much as about the heaviest topic its main clause names.
4. The main clause outweighs side clauses. A sentence is about the topics of its main clause
   weighing at least three quarters of the heaviest there, and likewise for each clause of
   cause or effect: a sentence that joins a cause and its effect is about the topic of each.
   A topic named only in side clauses is about too if it is named there at least twice and
   weighs at least three quarters of the sentence's heaviest topic, or if the sentence before
   in its paragraph is about it: the paragraph goes on about it ("Mercado said he would file
   a bill next session. The riders' union is discussing a sales tax, which would need voters'
   approval in November."); otherwise it is a mention. A topic named in full but outweighed
   is about too when it is the subject of the sentence before (the topic that one names first
   of its own): the paragraph goes on about its subject ("The frost came early. Traders said
   the frost had come and that the price would rise."), except in an article's first
   paragraph, a summary that goes from point to point. A sentence whose topics are all named
   once in side clauses takes its topics from its context (rule 5), and with no context it is
   about the heaviest of them. (Rule 3 weighs topics against each other; it never leaves a
   sentence about nothing.)

Then context:

5. A sentence about nothing of its own ("He cites a lack of an alternative") continues the
   sentence before it. A paragraph's opening with no topic of its own (a quote, "Then the
   dispute widened.") leads into the sentence after it; what follows an opening that names
   a topic, however weakly, goes on from that opening, and so does all that follows it when
   a sentence before the first with a topic of its own opens "But" or "And". A paragraph of
   quotes, or of what someone said ("Westover said the study assumed cheap equipment."),
   that decides nothing continues the paragraph before it, which introduced the speaker. A
   sentence that names some of the topics it takes from context, however weakly, takes only
   those. A sentence that points back in its first words ("These discussions ...", "Much of
   that unease ...", "Under it, ...", not the "that" of what a verb reports: "Data show
   that ...") carries the topic the sentence before it names first of its own (not one it
   took from its context) as well as its own; one that opens with "It" or "They" goes on
   about the subject of the sentence before ("The deal gives drivers raises. It also sets a
   timetable for shields."): it carries the topic that sentence names first, as well as its
   own.
   A quote goes on about what the sentence before it is about: of its own topics it keeps
   those that sentence is about, if it names any ("Traders raised the price. 'The frost is
   to blame for the price,' one said." is about the price; the frost is a mention).
6. A sentence that announces a change of subject ("Turkey's economy, meanwhile, ...") keeps
   only its own topics.
   A reporter's sign-off ("VOA's Luis Ramirez reports from Beijing.", "Ben Ostrow contributed
   to this report.", `sign_offs` in standalone.yml) is about no topic, whatever it names: it
   says who reports, not what. A line the page
   addresses to its own reader ("Get the latest updates on EPA's response to the spill.",
   `calls_to_the_reader`) is about no topic, whatever it names: it says where to find news.
   Nor is a sentence that names no topic of its own and tells only that someone did not
   speak ("Her lawyer could not be reached on Friday.", `silence`): it continues nothing.

Last, the editor's word: `include:` and `exclude:` in topics.yml pin a sentence to a topic or
take it off, whatever the rules say.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources

from ..dates import future_tense, is_past_tense, reporting_verbs
from ..fold import fold
from ..memo import per_process
from ..model import Article, Paragraph, Reason, Sentence, Topic
from ..read.people import is_title_word
from . import standalone
from .standalone import (
    drop_connective,
    is_call_to_the_reader,
    is_sign_off,
    tells_a_silence,
    voice_of,
)
from .wordforms import is_plural_noun, stem, word_forms

WORD = re.compile(r"\w+")
# (a comma or colon between digits is part of a figure: "1,045 units", "at 10:30")
CLAUSE_MARK = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;()\[\]–—]|\s-\s")
DASH = re.compile(r"[–—]|\s-\s")

FULL, SIDE_CLAUSE, COMMON, SHARED = 1.0, 0.5, 0.5, 0.5
PAST_IN_FUTURE = 0.5  # rule 3: what happened, named in a sentence about what is to come
ABOUT_SHARE = 0.75  # rule 4: within three quarters of the heaviest topic
ABOUT_MINIMUM = 1.0  # rule 4: at least one full signal's worth
ONE_THING_GAP = 2  # rule 1: signals of a topic this many words apart in a clause name one thing
COMMON_SHARE = 0.5  # rule 3: "in half or more of an article's sentences"
COMMON_MINIMUM = 3  # ... and in at least this many, so a short article isn't all "common"
STORY_SHARE = 1 / 3  # rule 3, across a story's articles: "in a third or more of its sentences"
ASKED_OF_OTHERS = 2  # rule 3: a signal the questions of this many other topics name

# Words that open an aside: the sentence leaves the paragraph's subject.
SUBJECT_CHANGES = frozenset({"meanwhile", "separately", "elsewhere"})
# Words that point back to what was just said, when they stand among a sentence's first words.
POINTING_BACK = frozenset({"this", "that", "these", "those", "such"})
POINTING_BACK_WORDS = 3
# ... but not "that" after a verb of saying, finding or showing, which opens what was said
# ("Data show that …", "It found that …"; by the verb's stem)
SAYS_THAT = frozenset({"say", "show", "find", "know", "believe", "think", "argue", "note",
                       "report", "suggest", "indicate", "mean", "ensure", "warn", "add",
                       "confirm", "conclude", "determine", "agree", "claim", "admit", "learn",
                       "announce", "state", "explain", "estimate", "predict", "expect", "hope",
                       "fear", "insist", "realise", "decide", "rule", "allege", "acknowledge"})
# Pronouns that, opening a sentence, stand for the subject of the sentence before.
SUBJECT_PRONOUNS = frozenset({"it", "they"})
# A paragraph opening on what someone said: "Westover said the study assumed cheap equipment"
# (or on a name and who they are: "Owen Castell, a budget analyst at the institute, said")
REPORTED_OPENING = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,4}(?:also\s+)?(?:said|says|told|added|"
                              r"argued|noted)\b|(?:He|She|They)\s+(?:also\s+)?(?:said|says|"
                              r"told|added|argued|noted)\b|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*,"
                              r"\s+(?:a|an|the)\s[^,;“”\"]{3,80},\s+(?:also\s+)?(?:said|says|told|"
                              r"added|argued|noted)\b")
QUOTATION = re.compile(r"[“”«»„\"]|(?:^|\s)['‘][^'’]+['’](?:\s|$)")
# A sentence of quoted speech: it opens or closes a quotation, or ends on who said it
# ("… the state can afford,” she said.")
QUOTED_SPEECH = re.compile(r"^\s*[“\"]|[”\"]\s*$|[”\"],? (?:\w+ ){1,4}said\.?$")

Folded = tuple[str, ...]
StoryWide = tuple[tuple[tuple[str, str], float], ...]  # ((topic, signal), share of sentences)
MAIN, SIDE = 0, -1  # a word's clause; clauses of cause or effect are numbered 1, 2, ...


# ---- words ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClauseWords:
    """The words that open clauses (clauses.txt), each as folded words."""

    side: frozenset[Folded]  # open a side clause at a clause's start
    side_inside: frozenset[Folded]  # start a side clause within a clause
    linked: frozenset[Folded]  # open a clause of cause or effect at a clause's start
    linked_inside: frozenset[Folded]  # start one within a clause


CLAUSE_SECTIONS = ("side:", "side inside:", "cause or effect:", "cause or effect inside:")


@per_process(maxsize=1)
def clause_words() -> ClauseWords:
    """The words that open side clauses and clauses of cause or effect, from clauses.txt."""
    sections: dict[str, set[Folded]] = {name: set() for name in CLAUSE_SECTIONS}
    current = sections["side:"]
    for line in _packaged_lines("clauses.txt"):
        if line in sections:
            current = sections[line]
        else:
            current.add(tuple(fold(word) for word in line.split()))
    return ClauseWords(*(frozenset(sections[name]) for name in CLAUSE_SECTIONS))


def _packaged_lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def folded_words(text: str) -> Folded:
    """A text's words without case or accents, hyphens as spaces: "S-400s" → ("s", "400s")."""
    return tuple(fold(word) for word in WORD.findall(text))


# ---- signals in a sentence --------------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    topic: str
    text: str  # as the editor wrote it
    forms: tuple[frozenset[str], ...]  # per word of the signal, the forms it matches

    def matches(self, words: Folded, start: int) -> bool:
        """Does the signal stand in `words` at `start`, each word in one of its forms?"""
        end = start + len(self.forms)
        return end <= len(words) and all(w in f for w, f in zip(words[start:end], self.forms))


@dataclass(frozen=True)
class Hit:
    """One place a signal occurs in a sentence: words [start, end)."""

    signal: Signal
    start: int
    end: int
    clause: int  # MAIN, SIDE or the number of a clause of cause or effect
    stretch: int  # the stretch between punctuation marks it starts in
    shared: bool = False  # another topic's signal names the same words (rule 1)

    @property
    def side_clause(self) -> bool:
        return self.clause == SIDE


def compile_signals(topics: tuple[Topic, ...]) -> tuple[Signal, ...]:
    """Every topic's signals with the forms of their words, in the editor's order."""
    return tuple(Signal(t.slug, text, tuple(word_forms(w) for w in folded_words(text)))
                 for t in topics for text in t.signals if folded_words(text))


@dataclass(frozen=True)
class Words:
    """A sentence's words, folded, with the clause each stands in."""

    folded: Folded
    clauses: tuple[int, ...]  # MAIN, SIDE, or the number of a clause of cause or effect
    stretches: tuple[int, ...]  # which stretch between punctuation marks
    joined: tuple[bool, ...] = ()  # joined by a hyphen to the word before ("low-wage")
    joins_next: tuple[bool, ...] = ()  # ... or to the word after ("rig-owner")
    capitalised: tuple[bool, ...] = ()  # written with a capital ("Advisory Committee")


def read_words(text: str) -> Words:
    matches = list(WORD.finditer(text))
    joined = tuple(m.start() > 1 and text[m.start() - 1] == "-" and text[m.start() - 2].isalpha()
                   for m in matches)
    joins_next = tuple(text[m.end():m.end() + 1] == "-" and text[m.end() + 1:m.end() + 2].isalpha()
                       for m in matches)
    folded = tuple(fold(m.group()) for m in matches)
    clauses, stretches = clause_of_each_word(text, matches, folded)
    return Words(folded, clauses, stretches, joined, joins_next,
                 tuple(m.group()[:1].isupper() for m in matches))


# The head of a body's name: a name signal that runs on into one names another body ("the
# National Construction Safety Team Advisory Committee" is not the team, "the Philadelphia
# Office of Emergency Management" not the city)
BODY_HEADS = frozenset({"committee", "council", "commission", "board", "authority", "agency",
                        "department", "ministry", "bureau", "office", "administration",
                        "association", "panel", "caucus", "directorate", "secretariat",
                        "district", "service", "guard", "corps", "institute", "survey",
                        "center", "centre", "departments", "agencies", "offices", "services",
                        "commissions", "councils", "boards", "centers", "centres", "union",
                        "alliance", "coalition", "group", "unions", "associations"})
RUN_ON_WORDS = 3  # how far a name may run on to the body's head
# The words before what a sentence sets aside: "… but not pipeline operations"
SET_ASIDE = frozenset({("but", "not"), ("rather", "than"), ("instead", "of"), ("not", "counting"),
                       ("apart", "from"), ("aside", "from"), ("other", "than")})
# What someone would not talk about: "declined to comment on the suit"
NO_COMMENT_ON = re.compile(r"\b(?:declined|refused|would not|did not|could not) (?:immediately )?"
                           r"(?:to )?(?:comment|respond|talk) (?:on|about|to questions about)\b"
                           r"(?: [a-z]+)*$")


LIST_ITEM_WORDS = 6  # a stretch after a list's comma this short is the list's next item


def ends_a_list(matches: list[re.Match[str]], index: int, marks: list[tuple[int, str]],
                position: int) -> bool:
    """Whether the stretch from `index` is a list's last item: "… riders, | pedestrians and
    shop owners" ("and" or "or" among its first words)."""
    end = marks[position][0] if position < len(marks) else None
    words = [m.group().casefold() for m in matches[index:index + 3]
             if end is None or m.start() < end]
    return "and" in words or "or" in words


def list_item(matches: list[re.Match[str]], index: int, marks: list[tuple[int, str]],
              position: int) -> bool:
    """Whether the words from `index` to the next mark are short enough to be an item of the
    list before them (or its last, "and …")."""
    end = marks[position][0] if position < len(marks) else None
    count = sum(1 for m in matches[index:index + LIST_ITEM_WORDS + 1]
                if end is None or m.start() < end)
    return count <= LIST_ITEM_WORDS


def clause_of_each_word(text: str, matches: list[re.Match[str]], folded: Folded
                        ) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """For each word, the clause it stands in: MAIN, SIDE (rule 2) or the number (1, 2, ...)
    of a clause of cause or effect (rule 4); and the number of the stretch between two marks
    it stands in. (`folded`: the words as `fold` gives them.)

    Commas, semicolons, colons and lone dashes end a clause. Brackets and a pair of dashes
    hold an aside (a side clause); after it the clause around it goes on as it was, and so
    does who says it between commas (", her lawyers say,"). Whom something was told ("told
    the jury that …") is an aside too.
    """
    openers = clause_words()
    marks = clause_marks(text)
    told = told_whom(folded)
    clauses: list[int] = []
    stretches: list[int] = []
    clause, starts_clause, outer, linked, listing = MAIN, True, [], 0, False
    position, resume = 0, None
    for index, match in enumerate(matches):
        while position < len(marks) and marks[position][0] < match.start():
            kind = marks[position][1]
            if kind == "open":
                outer.append(clause)
                clause, starts_clause = SIDE, False
            elif kind == "close" and outer:
                clause, starts_clause = outer.pop(), False
            elif resume is not None:  # after ", her lawyers say," the clause goes on
                clause, starts_clause, resume = resume, False, None
                if folded[index] in ("and", "but", "or"):  # unless a new clause opens:
                    clause = MAIN  # "…, Lindahl said, and the district has filled …"
            else:
                starts_clause = True
            position += 1
        words = folded[index:index + 3]
        if starts_clause and not outer and index and said_between_commas(
                text, matches, folded, index, marks, position):
            resume, clause = clause, SIDE
        elif starts_clause and not outer:
            if opens(words, openers.linked):
                linked += 1
                clause, listing = linked, False
            elif list_item(matches, index, marks, position) and (listing or (
                    clause == SIDE and ends_a_list(matches, index, marks, position))):
                # "including sinkholes, | excessive settling of the piles": items; "after
                # comment from riders, | pedestrians and shop owners": the side clause's list
                clause = SIDE
            elif opens(words, openers.side) or (words[0].endswith("ing") and len(words[0]) > 4
                                                and index > 0) or (
                    index > 0 and words[0] in ASIDE_PREPOSITIONS
                    and between_commas(text, marks, position)):
                clause, listing = SIDE, words[0] == "including" or words[:2] == ("such", "as")
            else:
                clause, listing = MAIN, False
        elif clause != SIDE:
            if opens(words, openers.linked_inside):
                linked += 1
                clause = linked
            elif opens(words, openers.side_inside):
                clause = SIDE
        starts_clause = False
        clauses.append(SIDE if index in told and clause == MAIN else clause)
        stretches.append(position)  # the marks before a word number its stretch
    return tuple(clauses), tuple(stretches)


# the words that tell whom something was told or asked ("told the jury that …", "asked
# reporters how …"), the words that open what was told or asked, and those that say who says
# what a clause holds (", her lawyers say,")
TOLD = frozenset({"told", "tell", "tells", "telling", "asked", "ask", "asks", "asking"})
WHAT_WAS_TOLD = frozenset({"that", "how", "whether", "why", "what", "when", "if", "where"})
SAYS = frozenset({"say", "says", "said", "added", "argue", "argues", "argued", "contend",
                  "contends", "allege", "alleges", "alleged"})


# a phrase set off by commas inside a sentence that opens with one of these is an aside:
# "… pay from $160 to $200 a day, at a cost of about $38,000 a year, to fill …"
ASIDE_PREPOSITIONS = frozenset({"at", "with", "in", "on", "for", "by"})


def between_commas(text: str, marks: list[tuple[int, str]], position: int) -> bool:
    """Whether the stretch after mark `position - 1` is set off by a comma at both ends."""
    return (0 < position < len(marks) and text[marks[position - 1][0]] == ","
            and text[marks[position][0]] == ",")


def told_whom(folded: Folded) -> frozenset[int]:
    """The indexes of the words naming whom something was told or asked, between "told" and
    the "that" of what was told ("told a judge on Tuesday that he made it up", "asked
    reporters in Beijing how talks could proceed"; not "asked the city to help"): an aside, not
    what the sentence is about."""
    whom: set[int] = set()
    for index, word in enumerate(folded):
        if word in TOLD:
            that = next((j for j in range(index + 1, min(index + 8, len(folded)))
                         if folded[j] in WHAT_WAS_TOLD), None)
            if that is not None and not (word.startswith("ask")
                                         and "to" in folded[index + 1:that]):
                whom.update(range(index + 1, that))
    return frozenset(whom)


def said_between_commas(text: str, matches: list[re.Match[str]], folded: Folded, index: int,
                        marks: list[tuple[int, str]], position: int) -> bool:
    """Whether the stretch starting at word `index` is only who says it, set off by commas
    inside a clause (", her lawyers say,"): an aside, after which the clause goes on."""
    if position >= len(marks) or marks[position][1] != "break" \
            or text[marks[position][0]] != "," or text[marks[position - 1][0]] != ",":
        return False
    end = marks[position][0]
    stretch = [folded[i] for i in range(index, len(matches)) if matches[i].start() < end]
    return 2 <= len(stretch) <= 5 and stretch[-1] in SAYS


def opens(words: Folded, openers: frozenset[Folded]) -> bool:
    """Do the words (the next three of a sentence) start with one of the openers?"""
    return words[:1] in openers or words[:2] in openers or words[:3] in openers


def clause_marks(text: str) -> list[tuple[int, str]]:
    """(offset, "break" | "open" | "close") for each punctuation mark that shapes clauses."""
    marks: list[tuple[int, str]] = []
    dashes = [m.start() for m in DASH.finditer(text)]
    for match in CLAUSE_MARK.finditer(text):
        mark, at = match.group().strip(), match.start()
        if mark in "([":
            marks.append((at, "open"))
        elif mark in ")]":
            marks.append((at, "close"))
        elif at in dashes:
            before = sum(1 for d in dashes if d < at)
            later = any(d > at for d in dashes)
            kind = ("close" if before % 2 else "open" if later else "break")
            marks.append((at, kind))
        else:
            marks.append((at, "break"))
    return marks


def find_hits(words: Words, signals: tuple[Signal, ...]) -> tuple[Hit, ...]:
    """Every occurrence of every signal, in word order; where signals overlap, the longest
    wins ("crop insurance" is not also "crop")."""
    by_first = signal_index(signals)
    found = []
    for start, first in enumerate(words.folded):
        for signal in by_first.get(first, ()):
            end = start + len(signal.forms)
            if end - start == 1 and words.joined and words.joined[start]:
                continue  # "low-wage" is not "wage": a word qualified by the word before it
            if end - start == 1 and words.joins_next and words.joins_next[start] \
                    and signal.text[:1].islower():
                continue  # the "rig-owner" is no rig: a common noun qualifying the word after
            if tuple(words.folded[max(0, start - 2):start]) in SET_ASIDE:
                continue  # "(but not pipeline operations)", "rather than ban them": not this
            if NO_COMMENT_ON.search(" ".join(words.folded[max(0, start - 6):start])):
                continue  # "declined to comment on the suit" says nothing of the suit
            if signal.matches(words.folded, start) and not runs_on_into_a_body(
                    words, end, signal) and not inside_a_name(words, start, end, signal):
                found.append(Hit(signal, start, end, SIDE if says_where(words, end, signal)
                                 or ends_a_name(words, start, end, signal)
                                 else clause_of_hit(words.clauses[start:end]),
                                 words.stretches[start]))
    longer = longer_hits_by_start(found)
    reach = max((h.end - h.start for group in longer.values() for h in group), default=0)
    kept = [h for h in found if not inside_longer(h, longer, reach)]
    topics_at: dict[tuple[int, int], set[str]] = {}
    for hit in kept:
        topics_at.setdefault((hit.start, hit.end), set()).add(hit.signal.topic)
    return tuple(sorted((replace(h, shared=len(topics_at[(h.start, h.end)]) > 1) for h in kept),
                        key=lambda h: (h.start, h.end)))


# Nouns of a place a name may stand before: "two Greenvale stores", "Ridgemont's mill"
PLACE_NOUNS = frozenset({"store", "stores", "mill", "mills", "plant", "plants", "factory",
                         "factories", "warehouse", "warehouses", "site", "sites", "station",
                         "stations", "branch", "branches", "shop", "shops", "office", "offices",
                         "campus", "headquarters"})


def ends_a_name(words: Words, start: int, end: int, signal: Signal) -> bool:
    """Whether a common noun's signal is capitalised after a capitalised word that does not
    open the sentence and is no title: "Ostrander Court" is no court, "the United States" no
    states; it counts as an aside, like a name saying where."""
    return signal.text[:1].islower() and start > 1 and bool(words.capitalised) \
        and all(words.capitalised[start - 1:end]) and not is_title_word(words.folded[start - 1])


def says_where(words: Words, end: int, signal: Signal) -> bool:
    """Whether a name signal ending at `end` stands before a noun of place (with or without
    's): "applied at two Greenvale stores" says where, like a side clause, not who acts."""
    after = end + 1 if words.folded[end:end + 1] == ("s",) else end
    return signal.text[:1].isupper() and words.folded[after:after + 1] != () \
        and words.folded[after] in PLACE_NOUNS


def runs_on_into_a_body(words: Words, end: int, signal: Signal) -> bool:
    """Whether a name signal ending at `end` runs on, in capitals, into another body's name."""
    if not signal.text[:1].isupper() or not words.capitalised:
        return False
    for at in range(end, min(end + RUN_ON_WORDS, len(words.folded))):
        if not words.capitalised[at]:
            return False
        if words.folded[at] in BODY_HEADS:
            return True
    return False


def inside_a_name(words: Words, start: int, end: int, signal: Signal) -> bool:
    """Whether a common noun's signal stands inside a body's capitalised name: the "Federal
    Emergency Management Agency" is no emergency, the "Harris County Flood Control District"
    no flood. (A title before a person's name is still the office: "District Attorney".)"""
    if signal.text[:1].isupper() or not words.capitalised or end >= len(words.folded) \
            or not all(words.capitalised[start:end]) \
            or any(is_title_word(word) for word in words.folded[start:end]):
        return False
    return runs_on_into_a_body(words, end, replace(signal, text=signal.text.capitalize()))


def clause_of_hit(clauses: tuple[int, ...]) -> int:
    """A signal stands in a side clause only if all its words do; else in its first word's
    clause that is not a side clause."""
    return next((c for c in clauses if c != SIDE), SIDE)


def longer_hits_by_start(hits: list[Hit]) -> dict[int, list[Hit]]:
    """The hits of two words or more, by the word they start at."""
    index: dict[int, list[Hit]] = {}
    for hit in hits:
        if hit.end - hit.start > 1:
            index.setdefault(hit.start, []).append(hit)
    return index


def inside_longer(hit: Hit, longer: dict[int, list[Hit]], reach: int) -> bool:
    """Is the hit inside a longer hit of another topic? ("crop" inside "crop insurance")
    `reach`: the most words a longer hit has, so only the hits starting that close are read."""
    return any(other.start <= hit.start and hit.end <= other.end
               and other.end - other.start > hit.end - hit.start
               and other.signal.topic != hit.signal.topic
               for start in range(max(0, hit.start - reach), hit.start + 1)
               for other in longer.get(start, ()))


@per_process(maxsize=64)
def signal_index(signals: tuple[Signal, ...]) -> dict[str, tuple[Signal, ...]]:
    """Signals by each form of their first word: one dictionary lookup per word, not a scan."""
    index: dict[str, list[Signal]] = {}
    for signal in signals:
        for form in signal.forms[0]:
            index.setdefault(form, []).append(signal)
    return {first: tuple(group) for first, group in index.items()}


def first_signal_offset(text: str, signals: tuple[Signal, ...]) -> int:
    """The character offset of the first signal in a text (0 if none)."""
    hits = find_hits(read_words(text), signals)
    return list(WORD.finditer(text))[hits[0].start].start() if hits else 0


def group_hits(hits: tuple[Hit, ...]) -> dict[str, list[list[Hit]]]:
    """Per topic, its hits grouped into things named: hits in one clause that touch, overlap
    or stand a word or two apart are one (rule 1)."""
    groups: dict[str, list[list[Hit]]] = {}
    for hit in hits:
        topic_groups = groups.setdefault(hit.signal.topic, [])
        last = topic_groups[-1] if topic_groups else []
        reach = max((h.end for h in last), default=-1)
        if last and (hit.start <= reach or (hit.start <= reach + ONE_THING_GAP
                                            and hit.stretch == last[-1].stretch)):
            last.append(hit)
        else:
            topic_groups.append([hit])
    return groups


# ---- weighing ---------------------------------------------------------------------------------


def sentences_with_each_signal(articles_words: list[Words], signals: tuple[Signal, ...]
                               ) -> Counter[tuple[str, str]]:
    """(topic, signal) → how many of the sentences it is found in."""
    counts: Counter[tuple[str, str]] = Counter()
    for words in articles_words:
        counts.update({(h.signal.topic, h.signal.text) for h in find_hits(words, signals)})
    return counts


def common_signals(articles_words: list[Words], signals: tuple[Signal, ...]
                   ) -> dict[tuple[str, str], float]:
    """(topic, signal) → the share of an article's sentences it is found in, for the signals
    found in half or more of them (rule 3)."""
    counts = sentences_with_each_signal(articles_words, signals)
    total = len(articles_words)
    return {key: count / total for key, count in counts.items()
            if count / total >= COMMON_SHARE and count >= COMMON_MINIMUM}


SignalCounts = tuple[tuple[tuple[str, str], int], ...]  # ((topic, signal), sentences) per article


def signal_counts(article: Article, topics: tuple[Topic, ...]) -> SignalCounts:
    """(topic, signal) → how many of an article's sentences it is found in."""
    voice = voice_of(article.meta.outlet)
    words = [read_words(in_its_voice(s.text, voice)) for s in article.sentences]
    return tuple(sorted(sentences_with_each_signal(words, compile_signals(topics)).items()))


def story_wide_signals(counts: list[SignalCounts], sentences: int) -> StoryWide:
    """(topic, signal) → the share of a story's sentences it is found in, for the signals in a
    third or more of them, across several articles (rule 3): "schools" in a story of school
    water tests names the story, even where no one article has it in half its sentences."""
    if len(counts) < 2 or not sentences:
        return ()
    total: Counter[tuple[str, str]] = Counter()
    for article in counts:
        total.update(dict(article))
    return tuple(sorted((key, count / sentences) for key, count in total.items()
                        if count / sentences >= STORY_SHARE and count >= COMMON_MINIMUM))


def weigh_group(group: list[Hit], common: dict[tuple[str, str], str]) -> tuple[float, str]:
    """The weight of one thing named (its best hit) and the reason, in the editor's words."""
    best_weight, best_reason = 0.0, ""
    for hit in group:
        weight, notes = FULL, []
        if hit.side_clause:
            weight *= SIDE_CLAUSE
            notes.append("in a side clause")
        if hit.shared:  # words two topics both name tell them apart less
            weight *= SHARED
            notes.append("another topic's signal too")
        names_the_story = common.get((hit.signal.topic, hit.signal.text))
        if names_the_story:
            weight *= COMMON
            notes.append(names_the_story)
        if weight > best_weight:
            best_weight = weight
            names = " ".join(f"'{h.signal.text}'" for h in group)
            best_reason = f"signal {names}" + (f" ({', '.join(notes)})" if notes else "")
    return best_weight, best_reason


@dataclass(frozen=True)
class Weighed:
    """A sentence's own evidence: each topic's weight, its weight in the main clause and in
    each clause of cause or effect, its strength (the weight before rule 3), and the reasons."""

    weights: dict[str, float]
    clauses: dict[int, dict[str, float]]  # MAIN or a clause of cause or effect → topic → weight
    strengths: dict[str, float]
    reasons: dict[str, list[str]]
    named_first: tuple[str, ...] = ()  # the topics in the order the sentence first names them
    # the topics asking what happened, when the sentence tells what is to come (rule 3)
    later: frozenset[str] = frozenset()

    def heaviest(self, order: list[str]) -> tuple[str, ...]:
        top = max(self.weights.values(), default=0.0)
        return tuple(t for t in order if top and self.weights.get(t, 0.0) >= ABOUT_SHARE * top)

    def about(self, order: list[str]) -> tuple[str, ...]:
        """Rule 4: the heaviest topics of the main clause and of each clause of cause or
        effect, and a topic named twice in side clauses that weighs as much."""
        chosen: set[str] = set()
        for weights in self.clauses.values():
            heaviest = max(weights.values())
            if heaviest < ABOUT_MINIMUM and all(t in self.later for t in weights):
                continue  # only what happened, halved in what is to come: a mention
            chosen.update(t for t, weight in weights.items() if weight >= ABOUT_SHARE * heaviest)
        top = max(self.weights.values(), default=0.0)
        chosen.update(t for t, weight in self.weights.items()
                      if self.strengths[t] >= ABOUT_MINIMUM and weight >= ABOUT_SHARE * top)
        return tuple(t for t in order if t in chosen)


# A question that asks only what happened (rule 3): in the past tense, with no word of what
# may or will come ("How could the strike end, and how did it?" asks both).
ASKS_PAST = re.compile(r"\b(?:did|was|were|had|happened|went|caused|began)\b", re.IGNORECASE)
ASKS_AHEAD = re.compile(r"\b(?:will|won[’']t|would|could|can|may|might|should|going to|next"
                        r"|is|are|does|do|meant to|supposed to|intended to|designed to"
                        r"|ahead|until then|after that|now|currently|happens|becomes of)\b",
                        re.IGNORECASE)
# "would have replaced" is the past; "would have to run" still to come; "would require", "would
# cost" what something means if it happens, not what is to come
NOT_AHEAD = re.compile(r"\s+have\b(?!\s+to\b)|(?<=would)\s+(?:require|cost|mean|force|need)\b"
                       # a refusal, done: "The hospital would not say what it pays"
                       r"|(?<=would)\s+not\s+(?:say|comment|disclose|discuss|confirm|reveal"
                       r"|identify|specify|elaborate|answer|release|provide|name"
                       # ... and a machine's: "The system simply would not come back"
                       r"|come back|start|work|budge|respond)\b",
                       re.IGNORECASE)


def asks_only_the_past(question: str) -> bool:
    return bool(ASKS_PAST.search(question)) and not ASKS_AHEAD.search(question)


# Words before a past participle that make it describe a noun ("the cracked beams"), not tell
# what was done.
DESCRIBING = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these",
                        "those", "our", "your", "newly", "recently"})


# "The only way they can check it is to appeal.": "is to" after a purpose links two things
PURPOSE_BEFORE = re.compile(r"\b(?:way|goal|aim|job|task|purpose|plan|idea|mission|point)\s+"
                            r"(?:\w+\s+){0,4}$", re.IGNORECASE)


def tells_what_is_to_come(text: str, words: Words) -> bool:
    """Whether the sentence's main clause is in the future ("Crews will bolt plates over the
    cracked beams"): its first verb that has a tense is a future word, not "would have", nor
    a verb in the past ("Voters rejected the plan, and the owner said the team would stay").
    A verb that reports speech passes the choice to what it reports ("The district said
    students would return")."""
    return main_tense(text, words) == "ahead"


def tells_what_was(text: str, words: Words) -> bool:
    """Whether the sentence's main clause is in the past ("Two commissioners voted for the
    plan"): its first verb that has a tense, other than one that reports speech, is past."""
    return main_tense(text, words) == "past"


def main_tense(text: str, words: Words) -> str:
    """ "ahead" or "past": the tense of the main clause's first verb that has one, as
    `tells_what_is_to_come` reads it ("" when neither)."""
    matches = list(WORD.finditer(text))
    future_at = {sum(1 for m in matches if m.start() < match.start())  # word indexes
                 for match in future_tense().finditer(text)
                 if not NOT_AHEAD.match(text, match.end())
                 and not (match.group().casefold().split()[0] in ("is", "are", "was", "were")
                          and PURPOSE_BEFORE.search(text, 0, match.start()))}  # "is to"
    for index, match in enumerate(matches):
        if index >= len(words.clauses) or words.clauses[index] == SIDE:
            continue
        if index in future_at:
            return "ahead"
        word = match.group()
        before = matches[index - 1].group().casefold() if index else ""
        if word[:1].islower() and is_past_tense(word) and before not in DESCRIBING \
                and word.casefold() not in reporting_verbs():
            return "past"
    return ""


def weigh(words: Words, signals: tuple[Signal, ...], common: dict[tuple[str, str], str],
          past_only: frozenset[str] = frozenset()) -> Weighed:
    """A sentence's own evidence (rules 1 to 4). `past_only`: the topics whose question asks
    only what happened, when the sentence tells what is to come (rule 3): they weigh half."""
    weights: dict[str, float] = {}
    clauses: dict[int, dict[str, float]] = {}
    strengths: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    for topic, groups in group_hits(find_hits(words, signals)).items():
        weighed = [weigh_group(group, common) for group in groups]  # in word order
        # Each signal counts once, where it is best placed: a word repeated adds nothing.
        best: dict[frozenset[str], float] = {}
        in_clause: dict[int, dict[frozenset[str], float]] = {}
        for group, (weight, _) in zip(groups, weighed):
            key = frozenset(h.signal.text for h in group)
            best[key] = max(best.get(key, 0.0), weight)
            clause = clause_of_hit(tuple(h.clause for h in group))
            if clause != SIDE:
                named = in_clause.setdefault(clause, {})
                named[key] = max(named.get(key, 0.0), weight)
        later = PAST_IN_FUTURE if topic in past_only else 1.0
        weights[topic] = sum(best.values()) * later
        for clause, named in in_clause.items():
            clauses.setdefault(clause, {})[topic] = sum(named.values()) * later
        reasons[topic] = [reason + ("; half: the topic asks what happened, the sentence tells "
                                    "what is to come" if later < 1 else "")
                          for _, reason in weighed]
        strengths[topic] = sum(max(SIDE_CLAUSE if h.side_clause else FULL for h in group)
                               for group in groups)
    return Weighed(weights, clauses, strengths, reasons, tuple(weights), past_only)


def changes_subject(words: Words) -> bool:
    return not SUBJECT_CHANGES.isdisjoint(words.folded)


def opens_with_pronoun(words: Words) -> bool:
    return bool(words.folded) and words.folded[0] in SUBJECT_PRONOUNS


def subject_topic(topics: tuple[str, ...], weighed: Weighed) -> str:
    """Of a sentence's topics, the one it names first: news names its subject first."""
    return next((t for t in weighed.named_first if t in topics), topics[0] if topics else "")


# the first words of an opening phrase that may end on what it points back to
OPENING_PREPOSITIONS = frozenset({"under", "to", "in", "with", "without", "for", "after",
                                  "before", "despite", "by", "through", "from", "against"})
OPENING_PHRASE_WORDS = 6


def points_back(words: Words) -> bool:
    """Whether the sentence's first words point back ("These discussions …"), or an opening
    phrase ending on "it" or "them" does ("Under it, nurses …", "To pay for it, …")."""
    opening_phrase = [w for w, s in zip(words.folded, words.stretches) if s == words.stretches[0]]
    if len(opening_phrase) <= OPENING_PHRASE_WORDS and len(opening_phrase) < len(words.folded) \
            and opening_phrase[-1] in ("it", "them") and opening_phrase[0] in OPENING_PREPOSITIONS:
        return True
    opening = words.folded[:POINTING_BACK_WORDS]
    return any(word in POINTING_BACK and not (word == "that" and index
                                              and stem(opening[index - 1]) in SAYS_THAT)
               for index, word in enumerate(opening))


# ---- context ----------------------------------------------------------------------------------


def goes_on_about_its_subject(topic: str, subject: str, weighed: Weighed) -> bool:
    """Rule 4: a topic the sentence names in full but that another outweighs is about too when
    it is the subject of the sentence before (the topic that one names first of its own): the
    paragraph goes on about it ("The frost came early. Traders said the frost had come and
    that the price would rise.")."""
    return topic == subject and weighed.strengths.get(topic, 0.0) >= ABOUT_MINIMUM


def keeps_to(topics: tuple[str, ...], before: tuple[str, ...], weighed: Weighed
             ) -> tuple[str, ...]:
    """Of a quote's topics, those the sentence before it is about, if it names any of them
    ("Traders raised the price. 'The frost is to blame for the price,' one said." keeps to the
    price); else all of them: a quote that names none of them opens its own subject, and so
    does one telling what is to come after a sentence on what happened (rule 3)."""
    kept = tuple(t for t in topics if t in before and t not in weighed.later)
    return kept or topics


def narrowed(context: tuple[str, ...], weighed: Weighed) -> tuple[str, ...]:
    """Topics taken from context, narrowed to those the sentence names itself, if it names any
    of them (however weakly)."""
    named = tuple(t for t in context if t in weighed.weights)
    return named or context


def classify_paragraph(paragraph: Paragraph, evidence: list[Weighed], words: list[Words],
                       order: list[str], before: tuple[str, tuple[str, ...]] = ("", ()),
                       opens_the_article: bool = False) -> Paragraph:
    """Rules 4-6 for each sentence of a paragraph, given each sentence's own evidence and
    (anchor, topics) of the last sentence of the paragraph before. `opens_the_article`: the
    article's first paragraph, a summary that goes from point to point (rule 4)."""
    own = [e.about(order) for e in evidence]
    about: list[tuple[str, ...]] = list(own)
    context: list[str] = [""] * len(own)
    anchors = [s.anchor for s in paragraph.sentences]
    if not any(own) and before[1] and (QUOTATION.match(paragraph.sentences[0].text)
                                       or REPORTED_OPENING.match(paragraph.sentences[0].text)):
        # Rule 5: a paragraph of quotes, or of what someone said, that decides nothing
        # itself continues the paragraph before it, which introduced the speaker.
        about = [narrowed(before[1], e) for e in evidence]  # each as it names them
        context = [f"continues {before[0]}"] * len(own)
    first_own = next((i for i, topics in enumerate(own) if topics), None)
    # rule 5, backwards: the opening leads into the next (what follows a sentence naming a
    # topic, even in a side clause, goes on from that sentence instead)
    # (not past a sentence opening "But" or "And": it goes on from the one before instead)
    if first_own and not changes_subject(words[0]) and not any(
            w.folded[:1] in (("but",), ("and",), ("yet",)) for w in words[1:first_own]):
        first_named = next(i for i, e in enumerate(evidence) if e.weights)
        for index in range(min(first_own, first_named + 1)):
            about[index] = narrowed(own[first_own], evidence[index])
            context[index] = f"leads into {anchors[first_own]}"
    for index in range(1, len(own)):  # rule 5, forwards: continue the sentence before
        previous = about[index - 1]
        if changes_subject(words[index]) or not previous or context[index]:
            continue
        if not about[index]:
            about[index] = narrowed(previous, evidence[index])
            context[index] = f"continues {anchors[index - 1]}"
        elif QUOTED_SPEECH.search(paragraph.sentences[index].text) \
                and keeps_to(about[index], previous, evidence[index]) != about[index]:
            # a quote goes on about what the sentence before it is about: its other topic
            # words are the speaker's asides (a mention), not a new subject
            about[index] = keeps_to(about[index], previous, evidence[index])
        elif points_back(words[index]) and own[index - 1] and subject_topic(
                own[index - 1], evidence[index - 1]) not in about[index]:
            # the subject the sentence before names itself, not what it took from its context
            subject = subject_topic(own[index - 1], evidence[index - 1])
            about[index] = tuple(t for t in order if t in about[index] or t == subject)
            context[index] = f"points back to {anchors[index - 1]}"
        elif opens_with_pronoun(words[index]):
            subject = subject_topic(previous, evidence[index - 1])
            if subject not in about[index]:
                about[index] = tuple(t for t in order if t in about[index] or t == subject)
                context[index] = f"its subject is that of {anchors[index - 1]}"
    for index, weighed in enumerate(evidence):
        # rule 3 for context too: what is to come takes no topic of what happened from the
        # sentences around it ("Crews will dredge the lake next summer" after the causes)
        if context[index] and weighed.later:
            about[index] = tuple(t for t in about[index]
                                 if t in own[index] or t not in weighed.later)
            context[index] = context[index] if about[index] else ""
    for index, weighed in enumerate(evidence):  # rule 4: nothing to continue: its side clauses
        if not about[index] and weighed.weights and not context[index]:
            about[index] = weighed.heaviest(order)
    going_on: dict[int, tuple[str, ...]] = {}
    for index in range(1, len(own)):
        # rule 4: a topic named only in side clauses is about too when the sentence before
        # is about it, and one named in full when it is that sentence's subject (not one
        # asking what happened, in what is to come: rule 3)
        weighed = evidence[index]
        subject = "" if opens_the_article or not own[index - 1] else subject_topic(
            own[index - 1], evidence[index - 1])
        kept = tuple(t for t in about[index - 1] if t in weighed.weights
                     and t not in about[index] and t not in weighed.later
                     and (not any(t in named for named in weighed.clauses.values())
                          or goes_on_about_its_subject(t, subject, weighed)))
        if kept and about[index] and not changes_subject(words[index]):
            about[index] = tuple(t for t in order if t in about[index] or t in kept)
            going_on[index] = kept
    furniture = {index for index, sentence in enumerate(paragraph.sentences)
                 if is_sign_off(sentence.text) or is_call_to_the_reader(sentence.text)
                 or (not own[index] and tells_a_silence(sentence.text))}
    for index in furniture:
        # who reports, from where; where to find more: never news, whatever they name, nor a
        # passing mention ("Get the latest updates on EPA's response to the spill.")
        about[index], context[index] = (), ""
    sentences = []
    for index, sentence in enumerate(paragraph.sentences):
        weighed = evidence[index]
        mentions = () if index in furniture else tuple(
            t for t in order if t in weighed.weights and t not in about[index])
        reasons = [Reason(t, "signal", r) for t in order for r in weighed.reasons.get(t, [])]
        reasons += [Reason(t, "context", context[index]) for t in about[index]
                    if context[index] and t not in own[index]]
        reasons += [Reason(t, "context", f"goes on from {anchors[index - 1]}")
                    for t in going_on.get(index, ())]
        sentences.append(replace(
            sentence, topics=about[index], mentions=mentions,
            reasons=tuple(reasons),
            weights=tuple((t, round(weighed.weights.get(t, 0.0), 2)) for t in about[index]),
        ))
    return replace(paragraph, sentences=tuple(sentences))


def apply_overrides(article: Article, topics: tuple[Topic, ...]) -> Article:
    """The editor's include/exclude lists (rule 7) win over the rules."""
    include = {(t.slug, ref) for t in topics for ref in t.include}
    exclude = {(t.slug, ref) for t in topics for ref in t.exclude}
    if not include and not exclude:
        return article
    order = [t.slug for t in topics]

    def override(sentence: Sentence) -> Sentence:
        ref = f"{article.slug}#{sentence.anchor}"
        added = [t for t in order if (t, ref) in include and t not in sentence.topics]
        removed = [t for t in sentence.topics if (t, ref) in exclude]
        if not added and not removed:
            return sentence
        about = tuple(t for t in order if (t in sentence.topics or t in added)
                      and t not in removed)
        mentions = tuple(t for t in order if t not in about and
                         (t in sentence.mentions or t in removed))
        reasons = sentence.reasons + tuple(Reason(t, "editor", "include: in topics.yml")
                                           for t in added)
        reasons += tuple(Reason(t, "editor", "exclude: in topics.yml") for t in removed)
        return replace(sentence, topics=about, mentions=mentions, reasons=reasons)

    paragraphs = tuple(replace(p, sentences=tuple(override(s) for s in p.sentences))
                       for p in article.paragraphs)
    return replace(article, paragraphs=paragraphs)


def in_its_voice(text: str, voice: str | None) -> str:
    """A statement's "We are issuing this announcement …" read as what its outlet does: the
    outlet, named where "we" stands (after any opening connective), is the sentence's
    subject. The same words as standalone.yml's `we_pronouns`."""
    if not voice:
        return text
    rest, _ = drop_connective(text)
    first = rest.split(" ", 1)
    if len(first) == 2 and first[0].casefold() in standalone.words().we:
        return f"{voice} {first[1]}"
    return text


# A topic asking what comes next ("Can the union stop the cuts, and what happens next?"), and a
# decision set for a day ahead: "The board is scheduled to vote on the plan on June 4."
ASKS_NEXT = re.compile(r"\bwhat happens (?:next|now|after that|from here)\b"
                       r"|\bwhat(?:['’]s| is) next\b|\bwhat comes next\b|\bnext steps?\b",
                       re.IGNORECASE)
DECISION_AHEAD = re.compile(
    r"\b(?:approve|vote|decide|rule|hear|meet|pass|consider|review|certify|sign)\b.*"
    r"\b(?:on|by|at|in|until)\s+(?:(?:its|their|the)\s+)?(?:january|february|march|april|may"
    r"|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?"
    r"|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next)\b"
    # ... or an act to come set within a time: "it would file a lawsuit within 30 days" (not a
    # forecast: "expected to save $140 million a year within three years")
    r"|\b(?:will|would|shall|(?:is|are|plans?|intends?|vowed|promised)\s+to)\s+\w+(?:\s+\S+){0,4}?"
    r"\s+within\s+(?:\d+|a|one|two|three|four|five|six|ten|thirty|ninety)\s+(?:days?|weeks?"
    r"|months?|years?)\b", re.IGNORECASE)


def with_decision_ahead(weighed: Weighed, text: str, words: Words,
                        next_topics: tuple[str, ...]) -> Weighed:
    """Rule 3's other side: a decision set for a day ahead, told as what is to come ("The board
    is scheduled to vote on the plan on June 4."), is about the topics asking what comes next,
    as a signal of theirs in the main clause would be."""
    if not DECISION_AHEAD.search(text) or not tells_what_is_to_come(text, words):
        return weighed
    weights, clauses = dict(weighed.weights), {k: dict(v) for k, v in weighed.clauses.items()}
    strengths, reasons = dict(weighed.strengths), {k: list(v) for k, v in weighed.reasons.items()}
    # (as heavy as the heaviest topic its main clause names: it tells what comes next of that)
    weight = max([FULL, *clauses.get(MAIN, {}).values()])
    for topic in next_topics:
        weights[topic] = max(weights.get(topic, 0.0), weight)
        clauses.setdefault(MAIN, {})[topic] = max(clauses.get(MAIN, {}).get(topic, 0.0), weight)
        strengths[topic] = max(strengths.get(topic, 0.0), weight)
        reasons.setdefault(topic, []).append("a decision set for a day ahead")
    return replace(weighed, weights=weights, clauses=clauses, strengths=strengths,
                   reasons=reasons, named_first=weighed.named_first + tuple(
                       t for t in next_topics if t not in weighed.named_first))


@per_process(maxsize=64)
def asked_of_others(topics: tuple[Topic, ...]) -> frozenset[tuple[str, str]]:
    """(topic, signal) for the signals that the questions of two or more other topics name
    ("What would the data center mean for water?", "How much electricity would the data
    center use?"): what every page asks about names the story, not one topic (rule 3)."""
    questions = {t.slug: read_words(t.question).folded for t in topics}
    return frozenset((signal.topic, signal.text) for signal in compile_signals(topics)
                     if sum(1 for slug, words in questions.items() if slug != signal.topic
                            and any(signal.matches(words, at) for at in range(len(words))))
                     >= ASKED_OF_OTHERS)


# Where a question names whom it asks about: "What will the cuts mean for riders?", "What
# happens to students whose majors are being closed?", "What will Fridays look like for
# families?" (a plural: a group of people, not "What would it mean for water?")
ASKS_FOR_WHOM = re.compile(r"\b(?:means?|meant|look like) for (?:the |its |their |his |her )?"
                           r"|\bhappens? to (?:the |its |their |his |her )?", re.IGNORECASE)


@per_process(maxsize=64)
def whom_asked_about(topics: tuple[Topic, ...]) -> frozenset[tuple[str, str]]:
    """(topic, signal) for the signals naming whom the topic's own question asks about
    ("riders" for "What will the cuts mean for riders?"): those people are named all through
    the story, doing everything; naming them says little of what it means for them (rule 3)."""
    found: set[tuple[str, str]] = set()
    for topic in topics:
        for match in ASKS_FOR_WHOM.finditer(topic.question):
            whom = WORD.match(topic.question, match.end())
            if whom and is_plural_noun(whom.group()):
                found.update((signal.topic, signal.text) for signal in compile_signals((topic,))
                             if signal.matches((fold(whom.group()),), 0))
    return frozenset(found)


def classify_article(article: Article, topics: tuple[Topic, ...],
                     story_wide: StoryWide = ()) -> Article:
    """Fill in every sentence's topics (about), mentions and the reasons for both.
    `story_wide`: the signals that name the whole story (`story_wide_signals`)."""
    signals = compile_signals(topics)
    order = [t.slug for t in topics]
    voice = voice_of(article.meta.outlet)
    words = [[read_words(in_its_voice(s.text, voice)) for s in p.sentences]
             for p in article.paragraphs]
    # rule 3: the signals that name the story, each with why
    common = {key: "asked of in other topics' questions" for key in asked_of_others(topics)}
    common |= {key: "whom its question asks about" for key in whom_asked_about(topics)}
    common |= {key: f"in {share:.0%} of the story's sentences" for key, share in story_wide}
    common |= {key: f"in {share:.0%} of the article's sentences" for key, share in
               common_signals([w for paragraph in words for w in paragraph], signals).items()}
    past_only = frozenset(t.slug for t in topics if asks_only_the_past(t.question))
    next_topics = tuple(t.slug for t in topics if ASKS_NEXT.search(t.question))
    paragraphs: list[Paragraph] = []
    for paragraph, paragraph_words in zip(article.paragraphs, words):
        before = paragraphs[-1].sentences[-1] if paragraphs else None
        evidence = [weigh(w, signals, common,
                          past_only if past_only and tells_what_is_to_come(s.text, w)
                          else frozenset())
                    for s, w in zip(paragraph.sentences, paragraph_words)]
        if next_topics:
            evidence = [with_decision_ahead(e, s.text, w, next_topics)
                        for e, s, w in zip(evidence, paragraph.sentences, paragraph_words)]
        paragraphs.append(classify_paragraph(
            paragraph, evidence, paragraph_words,
            order, (before.anchor, before.topics) if before else ("", ()),
            opens_the_article=not paragraphs))
    return apply_overrides(replace(article, paragraphs=tuple(paragraphs)), topics)


def classify_story(articles: tuple[Article, ...], topics: tuple[Topic, ...]
                   ) -> tuple[Article, ...]:
    """Every article of a story classified, with the signals that name the whole story."""
    story_wide = story_wide_signals([signal_counts(a, topics) for a in articles],
                                    sum(len(a.sentences) for a in articles))
    return tuple(classify_article(a, topics, story_wide) for a in articles)
