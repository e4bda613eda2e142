"""Names and acronyms in an article's sentences: what a glossary may need to explain.

A name is a run of capitalised words, kept whole with the small words that link its parts and
its middle initials ("Gulf of Aden", "Bab el-Mandeb", "Suez Canal Authority", "Recep Tayyip
Erdoğan", "Lisa O. Monaco"). A run stops at anything else: a comma, "and" ("Egypt and Jordan"
are two names), a possessive ("Russia’s S-400"), unless it names members ("Kessington Workers'
Centre"). A sentence's first word is capitalised anyway, so it counts only when the article
shows it is a name: never written in lowercase, and either capitalised in the middle of a
sentence elsewhere or (not a common opening word) the start of a longer run. A number right
after a name belongs to it ("Interstate 695", "Local 418"); a word the article also writes in
lowercase is no name alone ("Federal grants" beside "federal loans").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from ..dates import CALENDAR_WORDS, MONTHS, is_past_tense
from ..memo import per_content, per_process
from ..read.people import is_title_word
from .packaged import packaged_yaml
from .wordforms import word_classes

# "NOAA", "F-16", "NOAA-20", "PWS-1" (one figure after the hyphen is enough)
ACRONYM = re.compile(r"(?<![\w-])[A-Z](?:[A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z0-9]+)(?![\w-])")
WORD = re.compile(r"[^\W\d_][\w’'-]*")
POSSESSIVE = re.compile(r"[’']s?$")
# "Kessington Workers' Centre", "Farmers’ Association": the members an organisation is of
# (a plural agent noun's possessive) are inside its name, where "Russia’s S-400" and "the
# United Nations' agency" end one.
PLURAL_POSSESSIVE = re.compile(r"ers[’']$")
CONTRACTION = re.compile(r"^I[’'](?:ll|m|ve|d)$")  # "I'll", "I'm": the speaker, not a name
# Small words that join the parts of one name: "Gulf of Aden", "Abu Bakr al Baghdadi", "Rock n
# Play".
LINKING_WORDS = frozenset(["of", "the", "de", "du", "des", "da", "do", "dos", "das", "di", "del",
                           "della", "la", "le", "van", "von", "der", "den", "ter", "bin", "ibn",
                           "al", "el", "es", "y", "upon", "n"])  # ("Dar es Salaam")
# ... of them, those that join a person's names ("Humberto de la Calle", "Vincent van Gogh")
NAME_PARTICLES = LINKING_WORDS - {"of", "the", "upon", "n"}
# Irish surnames' first words, capitalised: "Seán Ó Fearghaíl", "Máire Ní Bhriain"
IRISH_PARTICLES = frozenset(["Ó", "Ní", "Uí", "Nic"])
# ... and between a title and its office: "Assistant Commissioner for Criminal Investigations".
OFFICE_LINKS = LINKING_WORDS | {"for"}
# ... and "on" between a body and what it is on, when that is a name of two words or more:
# "House Committee on Foreign Affairs", "Council on Foreign Relations" (not "the Security
# Council on Syria", "the Judiciary Committee on Trump's nominee").
BODIES_ON = frozenset(["committee", "subcommittee", "commission", "council", "conference",
                       "caucus", "panel", "board", "office", "force"])
# "el-Mandeb", "al-Houthi", "d’Ivoire": a lowercase particle joined to a capitalised name.
PARTICLE_NAME = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|de|di|d|l)[-’'][^\W\d_]",
                           re.IGNORECASE)


# A question-and-answer page's mark before a sentence ("Q. When are rates set to change?",
# "A. As of March 1, …"): the word after it opens the sentence.
LABEL = re.compile(r"[QA][.:]\s")
# A number right after a name is part of it ("Interstate 695", "Flight 1282", "Local 418");
# a year is not ("Paris 2024").
NUMBER_AFTER = re.compile(r" (?!1[89]\d\d\b|20\d\d\b)\d+\b(?![.,-]\d)")  # not "Foxes 6-3"
# What a family calls its own ("when Mom loses a shift"): capitalised as a name, no one's name
KIN_WORDS = frozenset({"mom", "mum", "mommy", "mummy", "mama", "dad", "daddy", "papa",
                       "grandma", "grandpa", "granny", "gran", "grandad", "nana"})
# ... and the planet every reader lives on ("return to Earth")
NOT_NAMES = CALENDAR_WORDS | {m[:3].casefold() for m in MONTHS} | {"sept", "earth"} | KIN_WORDS \
    | {"no"}  # "the No. 2 official": a number's mark
# What follows a name after a comma ("Theranos, Inc.", "Martin Luther King, Jr."): alone, it
# names nothing.
NAME_SUFFIXES = frozenset({"inc", "corp", "ltd", "llc", "plc", "jr", "sr"})
# Abbreviations that open a place's or an institution's name: "St. Adrian Medical Center",
# "Mt. Hood", "Ft. Worth" (one name, not "St" and "Adrian Medical Center").
PLACE_ABBREVIATIONS = frozenset({"St", "Ste", "Sts", "Mt", "Ft", "Pt"})
# An ordinal alone ("between Fourth and Sixth streets", "pleaded the Fifth") is a place in a
# list or a street's number, not a name a reader needs explained.
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                      "eighth", "ninth", "tenth", "eleventh", "twelfth"})


@per_process(maxsize=1)
def common_openers() -> frozenset[str]:
    """Words that often open a sentence and are never names ("The", "However"), packaged."""
    text = resources.files(__package__).joinpath("common-words.txt").read_text("utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines()
                     if line.strip() and line[0] != "#")


@dataclass(frozen=True)
class Vocabulary:
    """What an article shows about its words: which it writes in lowercase, and which it
    capitalises in the middle of a sentence."""

    lowercase: frozenset[str]
    capitalised: frozenset[str]


def is_name_word(word: str) -> bool:
    """Capitalised with some lowercase ("Aden", "Erdoğan"), or a particle name ("el-Mandeb");
    not a month or weekday ("Jan.", "Thursday"): dates are not names."""
    bare = POSSESSIVE.sub("", word)
    folded = bare.casefold()
    if folded in NOT_NAMES or folded.removesuffix("s") in NOT_NAMES or CONTRACTION.match(bare):
        return False  # (and "on Mondays and Tuesdays")
    if PARTICLE_NAME.match(bare) or bare in IRISH_PARTICLES:
        return True
    if "-" in bare and bare.rsplit("-", 1)[1][:1].islower() \
            and describes_after_a_hyphen(bare.rsplit("-", 1)[1]):
        return False  # "Iran-backed", "Russia-made": a description, not a name
    return bare[:1].isupper() and any(c.islower() for c in bare)


def describes_after_a_hyphen(part: str) -> bool:
    """ "-backed", "-led", "-based", "-speaking", "-style": an English word that makes a name a
    description of something; not a given name's second syllable ("Park Geun-hye", "Moon
    Jae-in", "Tsai Ing-wen")."""
    return is_past_tense(part) or part.endswith("ing") or (
        len(part) >= 4 and bool(word_classes(part)))


def vocabulary_of(sentences: Iterable[str]) -> Vocabulary:
    lowercase: set[str] = set()
    capitalised: set[str] = set()
    for text in sentences:
        words = WORD.findall(text)
        lowercase.update(w.casefold() for w in words if w[0].islower())
        first = 2 if LABEL.match(text) else 1
        capitalised.update(POSSESSIVE.sub("", m.group()) for m in list(WORD.finditer(text))[first:]
                           if m.group()[0].isupper()
                           and not opens_a_quotation_or_clause(text, m.start()))
    return Vocabulary(frozenset(lowercase), frozenset(capitalised))


def opens_a_name(word: str, next_is_name: bool, vocabulary: Vocabulary) -> bool:
    """Whether a sentence's capitalised first word is (the start of) a name."""
    bare = POSSESSIVE.sub("", word)
    if bare.casefold() in vocabulary.lowercase:  # "Lead is a toxic metal" beside "lead pipes"
        return False
    if bare in vocabulary.capitalised:
        return True
    if bare.endswith("ing") and "VERB" in word_classes(bare):
        return False  # "Joining Corbett lets us …", "Citing Smith, …": a verb, then a name
    return next_is_name and bare.casefold() not in common_openers()


# An ordinal number opens the name after it: "230th Street", "82nd Airborne Division".
ORDINAL_BEFORE = re.compile(r"(?<![\w.,-])\d+(?:st|nd|rd|th)\s+$")


def after_a_number(text: str, start: int) -> bool:
    """ "a 30-Day notice": a word joined to a number before it is part of it, not a name."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].isdigit()


def could_be_in_a_name(word: str) -> bool:
    """A quick first look, so that most words of a sentence cost one comparison."""
    return (word[0].isupper() or word in OFFICE_LINKS or word == "on" or "-" in word or "’" in word
            or "'" in word)


def opens_a_quotation_or_clause(text: str, start: int) -> bool:
    """Whether the word at `start` is a quotation's first ('said, "Thank you."'), or a clause's
    after a colon ("May 20: The Unified Command moves …"), capitalised whatever it is."""
    quotation = start >= 1 and text[start - 1] in "“\"‘" and (
        start == 1 or text[start - 2] in " \t(:,")
    return quotation or text[max(0, start - 2):start] == ": "


def name_runs(text: str, vocabulary: Vocabulary) -> list[str]:
    """The capitalised names of a sentence, whole, in reading order."""
    names: list[str] = []
    run: list[re.Match[str]] = []  # the name words so far, and the linking words between them
    linking = 0  # linking words at the end of `run`, kept only if a name word follows

    def close() -> None:
        nonlocal linking
        words = without_titles(run[:len(run) - linking])
        if len(words) == 1 and (words[0].group().casefold() in NAME_SUFFIXES | ORDINALS
                                or words[0].group().casefold() in vocabulary.lowercase
                                or is_state_after_a_city(text, words[0])):
            words = []  # "Inc."; "Federal grants" where the article writes "federal" too
        if words:
            end = words[-1].end()
            number = NUMBER_AFTER.match(text, end)
            end = number.end() if number and not POSSESSIVE.search(words[-1].group()) else end
            ordinal = ORDINAL_BEFORE.search(text, 0, words[0].start())
            start = ordinal.start() if ordinal else words[0].start()
            names.append(POSSESSIVE.sub("", text[start:end]))
        run.clear()
        linking = 0

    label = 1 if LABEL.match(text) else 0
    for index, match in enumerate(WORD.finditer(text)):
        word = match.group()
        if index < label:
            continue
        index -= label
        if not could_be_in_a_name(word) or after_a_number(text, match.start()):
            if run:
                close()
            continue
        gap = text[run[-1].end():match.start()] if run else ""
        # ("Tri-County Power & Light", "Johnson & Johnson": "&" joins one name's words)
        joined = bool(run) and (gap.isspace() or gap == " & " or (gap == ". " and (
            is_initial(run[-1].group()) or run[-1].group() in PLACE_ABBREVIATIONS))
                                ) and not (linking == 0 and POSSESSIVE.search(run[-1].group())
                                           and not (PLURAL_POSSESSIVE.search(run[-1].group())
                                                    and is_name_word(word)))
        name_word = is_name_word(word) or (joined and is_initial(word)
                                           and initial_in_a_name(text, match.end()))
        # the first word of the sentence, or of a quotation or a clause after a colon in it
        # ('cried out, "Thank you."', 'May 20: The …'), is capitalised whatever it is
        if name_word and (index == 0 or opens_a_quotation_or_clause(text, match.start())):
            following = WORD.search(text, match.end())
            gap_after = text[match.end():following.start()] if following else ""
            next_is_name = bool(following and (gap_after.isspace() or (
                gap_after == ". " and word in PLACE_ABBREVIATIONS))
                and (is_name_word(following.group())
                     or surname_after_particles(text, following)))
            name_word = opens_a_name(word, next_is_name, vocabulary)
        if name_word:
            if not joined:
                close()
            run.append(match)
            linking = 0
        elif (joined and (word.casefold() in LINKING_WORDS or (
                word == "for" and linking == 0 and (is_title_word(run[-1].group())
                                                    or office_of_run(run))) or (
                word == "on" and linking == 0 and run[-1].group().casefold() in BODIES_ON
                and name_of_two_words_at(text, match.end())))
              and linking < 2 and not possessive_follows(text, match.end())):
            run.append(match)
            linking += 1
        else:
            close()
    close()
    return names


def surname_after_particles(text: str, particle: re.Match[str]) -> bool:
    """Whether a name's particles, one or two, then a name word follow one space apart from
    `particle` on: "Humberto | de la Calle said …", where "de" alone is no name word."""
    word = particle
    for _ in range(2):
        if word.group() not in NAME_PARTICLES:
            return False
        following = WORD.search(text, word.end())
        if not following or text[word.end():following.start()] != " ":
            return False
        if is_name_word(following.group()):
            return True
        word = following
    return False


def office_of_run(run: list[re.Match[str]]) -> bool:
    """ "Under Secretary of State": a title and what it is of, which "for" goes on ("… for
    Political Affairs")."""
    return any(is_title_word(word.group()) and following.group() == "of"
               for word, following in zip(run, run[1:]))


def name_of_two_words_at(text: str, end: int) -> bool:
    """Whether two name words follow `end`, one space apart, the first no possessive."""
    following = list(zip(WORD.finditer(text, end), range(2)))
    if len(following) < 2:
        return False
    first, second = following[0][0], following[1][0]
    return (text[end:first.start()] == " " and text[first.end():second.start()] == " "
            and is_name_word(first.group()) and is_name_word(second.group())
            and not POSSESSIVE.search(first.group())
            and second.group().casefold() not in STREET_WORDS)  # "Council on Main Street"


STREET_WORDS = frozenset(["street", "avenue", "road", "hill", "boulevard", "drive", "lane",
                          "square", "way", "place"])


@per_process(maxsize=1)
def state_abbreviations() -> frozenset[str]:
    text = resources.files(__package__).joinpath("state-abbreviations.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def is_state_after_a_city(text: str, word: re.Match[str]) -> bool:
    """ "Phoenix, Ariz.": a state abbreviated after a comma, with its dot, is an address's."""
    return (word.group() in state_abbreviations() and text.startswith(".", word.end())
            and text[:word.start()].endswith(", "))


def is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def initial_in_a_name(text: str, end: int) -> bool:
    """Whether a capital letter ending at `end` is a middle initial: "Lisa O. Monaco"."""
    following = WORD.match(text, end + 2)
    return text[end:end + 2] == ". " and following is not None and is_name_word(following.group())


def without_titles(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """A name without the titles before it: "Egyptian Foreign Minister Sameh Shoukry" → "Sameh
    Shoukry", "Capt. Terry Bequette" → "Terry Bequette" (titles: explainer/read/titles.txt).
    A run of titles alone ("Foreign Minister") names an office, not a person: no name."""
    last_title = max((i for i, m in enumerate(run) if (is_title_word(m.group())
                                                       and not members_of_a_body(run, i))
                      or (i and m.group() == "General" and is_title_word(run[i - 1].group()))),
                     default=-1)  # "Attorney General", "Surgeon General": one title
    rest = run[last_title + 1:]
    if last_title >= 0 and rest and rest[0].group().casefold() in OFFICE_LINKS:
        # the office's own words: "Secretary of State", "Secretary of the Army"
        while rest and rest[0].group().casefold() in OFFICE_LINKS:
            rest = rest[1:]
        # then the person, two names and perhaps an initial: "Director of National
        # Intelligence | Dan Coats", "Assistant Commissioner for Criminal Investigations |
        # Catherine A. Hermsen"
        if any(m.group() == "on" for m in rest):
            return rest  # a body's whole name, no person: "House Committee on Foreign Affairs"
        person = 2 + sum(1 for m in rest[-3:] if is_initial(m.group()))
        rest = rest[1:] if len(rest) <= person + 1 else rest[-person:]
    return rest


def members_of_a_body(run: list[re.Match[str]], at: int) -> bool:
    """Whether the title word at `at` ends the run, plural, after "of": the members a body is
    of ("Army Corps of Engineers", "Council of Ministers"), not a title before a person."""
    word = run[at].group()
    return at == len(run) - 1 and at >= 2 and run[at - 1].group() == "of" and word.endswith("s")


def possessive_follows(text: str, end: int) -> bool:
    """Whether the word after a linking word is a possessive ("Marie Riviere of Lloyd's List"):
    then the linking word doesn't join the person to it."""
    following = WORD.search(text, end)
    return following is not None and following.group().endswith(("'s", "’s"))


# A time zone after a time of day ("5 p.m. ET", "9 a.m. EDT"): a clock's, no name to explain
TIME_ZONE = re.compile(r"(?<=[ap]\.m\.)\s+(?:[ECMPAH][SD]?T|GMT|UTC)\b")


def acronyms(text: str) -> list[str]:
    text = TIME_ZONE.sub(" ", text)
    return [m.group() for m in ACRONYM.finditer(text) if not in_capitals_for_emphasis(text, m)]


# What a word written in capitals for emphasis is: a verb, an adverb, an adjective ("the
# board's ONLY goal", "you KNOW"). An acronym is read as a noun ("the WHO", "AIDS", "US").
NOT_A_THING = frozenset({"VERB", "ADV", "ADJ", "AUX", "DET", "ADP", "CCONJ", "SCONJ", "PART"})


def in_capitals_for_emphasis(text: str, match: re.Match[str]) -> bool:
    """Whether a word in capitals is an English word stressed, not an acronym: the lexicon
    knows it, never as a noun, no article stands before it ("the ACT") and no name word
    beside it ("FAIR Act", "Operation SAVE")."""
    word = match.group()
    if not word.isalpha():
        return False
    classes = word_classes(word.casefold())
    if not classes or not classes <= NOT_A_THING:
        return False
    before = WORD.findall(text[:match.start()])[-1:]
    after = WORD.match(text, match.end() + 1) if text[match.end():match.end() + 1] == " " \
        else None
    return not (before and (before[0].casefold() in ("the", "a", "an")
                            or is_name_word(before[0])) or (after and is_name_word(after.group())))


# "Türkiye-U.S. talks", "Japan-U.K. deal": a name hyphenated to an abbreviation with dots pairs
# two countries (the hyphen read as a space, so the first stands alone and no "Türkiye-U")
PAIRED_WITH_AN_ABBREVIATION = re.compile(r"(?<=[^\W\d_])-(?=[A-Z]\.[A-Z]\.)")


SHOUTED_SHARE = 0.8  # of a sentence's letters in capitals: it is written in capitals
SHOUTED_WORDS = 4


def in_capitals(text: str) -> bool:
    """Whether a sentence is written in capitals ("HURRICANE MICHAEL MAKES LANDFALL NEAR MEXICO
    BEACH", as weather bulletins write their headlines): its words' case says nothing."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    letters = "".join(words)
    return len(words) >= SHOUTED_WORDS and \
        sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)


def names_in(text: str, vocabulary: Vocabulary) -> list[str]:
    """Acronyms, then capitalised names, of one sentence (none of one written in capitals)."""
    if in_capitals(text):
        return []
    text = PAIRED_WITH_AN_ABBREVIATION.sub(" ", text)
    return acronyms(text) + spelled_out_in_brackets(
        text, joined_by_their_acronym(text, name_runs(text, vocabulary)))


def joined_by_their_acronym(text: str, names: list[str]) -> list[str]:
    """Names that "and" or "for" split, but the acronym in brackets after them spells as one
    ("Centers", "Disease Control", "Prevention" before "(CDC)"; "Food", "Drug Administration"
    before "(FDA)"): one name."""
    for match in BRACKETED_ACRONYM.finditer(text):
        expansion = expansion_before(text[:match.start()], match.group(1) or match.group(2))
        if expansion is None:
            continue
        expansion = widened_to_its_name(text[:match.start()], expansion, names)
        parts = [n for n in names if n in expansion]
        if parts and expansion not in parts:
            at = names.index(parts[0])
            names = [n for n in names if n not in parts]
            names.insert(at, expansion)
    return names


def widened_to_its_name(before: str, expansion: str, names: list[str]) -> str:
    """An acronym's expansion with the rest of the name it starts inside: "Department of |
    Health and Human Services (HHS)" is one body, not "Department of Health" and HHS."""
    first = expansion.split()[0]
    for name in names:
        words = name.split()
        if len(words) > 1 and words[-1] == first and before.rstrip().endswith(
                " ".join(words[:-1]) + " " + expansion):
            return " ".join(words[:-1]) + " " + expansion
    return expansion


# "OSIRIS-REx (Origins, Spectral Interpretation, Resource Identification and Security –
# Regolith Explorer)": an acronym, then what it stands for in brackets
ACRONYM_THEN_BRACKETS = re.compile(r"(?<![\w’'-])([A-Z][\w-]*[A-Z][\w-]*)\s*\(([A-Z][^()]*)\)")


def spelled_out_in_brackets(text: str, names: list[str]) -> list[str]:
    """The names inside brackets that spell the acronym before them, its capitals letter by
    letter ("Origins", "Spectral Interpretation", … of "OSIRIS-REx (…)"): one name, what the
    acronym stands for, not names of their own."""
    for match in ACRONYM_THEN_BRACKETS.finditer(text):
        letters = "".join(c for c in match.group(1) if c.isupper())
        inside = match.group(2).strip()
        if len(letters) < 2 or not spells(inside.split(), letters):
            continue
        parts = [n for n in names if n in inside]
        if parts:
            at = names.index(parts[0])
            names = [n for n in names if n not in parts]
            names.insert(at, inside.strip(",;"))
    return names


# "… (CDC)", "…, known as APHIS", "…, or HPAI": an acronym given beside what it stands for
def joined_as_an_acronym_spells(text: str, names: list[str], acronyms_used: frozenset[str]
                                ) -> list[str]:
    """Two names "and" joins, where the article's acronym for them spells both as one
    ("National Oceanic" and "Atmospheric Administration", where the article writes NOAA
    elsewhere): one name."""
    joined: list[str] = []
    for name in names:
        if joined and f"{joined[-1]} and {name}" in text:
            whole = f"{joined[-1]} and {name}"
            if initials_of(whole) in acronyms_used and (" " in joined[-1] or " " in name):
                joined[-1] = whole
                continue
        joined.append(name)
    return joined


@per_process(maxsize=1)
def body_words() -> frozenset[str]:
    """Words that make a capitalised run a body's or a place's name, never a person's
    (standalone.yml's `body_words`: read here, since names are found before anything is
    shown alone)."""
    data = packaged_yaml("standalone.yml")
    return frozenset(w.casefold() for w in data["body_words"])


def is_body_word(word: str) -> bool:
    """ "Authority", "County", "Committee's": a word that makes a name a body's or a place's,
    never a person's."""
    return POSSESSIVE.sub("", word).casefold() in body_words()


def names_of_sentence(text: str, vocabulary: Vocabulary, acronyms_used: frozenset[str]
                      ) -> list[str]:
    """A sentence's names, those "and" splits joined where they are one."""
    found = joined_as_an_acronym_spells(text, names_in(text, vocabulary), acronyms_used)
    return joined_as_one_body(text, found, vocabulary)


def joined_as_one_body(text: str, names: list[str], vocabulary: Vocabulary) -> list[str]:
    """Two names "and" joins where the first ends in a common noun the article writes in
    lowercase and the second in a body's word ("United Nations Food" and "Agriculture
    Organization", where the article writes "food"): one body's name, as "Food and Drug
    Administration" is. Not "Texas and Southwest Airlines": "Texas" is no common noun."""
    joined: list[str] = []
    for name in names:
        if joined and f"{joined[-1]} and {name}" in text:
            last_before, last = joined[-1].split()[-1], name.split()[-1]
            if (" " in name and is_body_word(last) and not is_body_word(last_before)
                    and last_before.casefold() in vocabulary.lowercase):
                joined[-1] = f"{joined[-1]} and {name}"
                continue
        joined.append(name)
    return joined


def initials_of(name: str) -> str:
    """"NOAA" of "National Oceanic and Atmospheric Administration": its capitalised words'."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


BRACKETED_ACRONYM = re.compile(r"\s\(([A-Z][A-Z0-9-]*[A-Z0-9]s?)\)"
                               r"|,\s+(?:also\s+)?(?:known\s+as|called|or)\s+([A-Z][A-Z0-9-]*[A-Z0-9])\b")


def expansion_before(text: str, acronym: str) -> str | None:
    """The words before "(ACR)" whose initials spell it: "International Atomic Energy Agency",
    "Electric Reliability Council of Texas" (ERCOT: a small word may give a letter), "North
    American Electric Reliability Corporation" (NERC: one capitalised word may give none)."""
    words = text.split()
    letters = acronym_letters(acronym)
    for size in range(1, min(len(words), 2 * len(letters) + 2) + 1):
        candidate = words[-size:]
        if (candidate[0][:1].isupper() and candidate[0].casefold() not in common_openers()
                and (spells(candidate, letters) or spells(hyphen_parts(candidate), letters)
                     or spells(dotted_parts(candidate), letters))):
            return " ".join(candidate).strip(",;")
    # a term, not a name: "highly pathogenic avian influenza, or HPAI", each word its letter
    candidate = words[-len(letters):]
    if len(candidate) == len(letters) and all(w[:1].islower() and len(w) > 2 for w in candidate) \
            and "".join(w[0] for w in candidate).upper() == letters \
            and candidate[0].casefold() not in common_openers():
        return " ".join(candidate).strip(",;")
    return None


def acronym_letters(acronym: str) -> str:
    """The letters an acronym's expansion spells: "VOCs" and "IFIs" are plurals of VOC, IFI."""
    if len(acronym) > 2 and acronym.endswith("s") and acronym[-2].isupper():
        acronym = acronym[:-1]
    return acronym.replace("-", "").upper()


# An abbreviation with dots ("U.S.", "U.K."): each letter gives one of an acronym's (USAID)
DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


def dotted_parts(words: list[str]) -> list[str]:
    """ "U.S. Agency for …" as "U S Agency for …": each letter of an abbreviation with dots
    may give its letter (USAID)."""
    return [part for word in words
            for part in (list(word.replace(".", "")) if DOTTED.fullmatch(word) else [word])]


def hyphen_parts(words: list[str]) -> list[str]:
    """ "Touch-and-Go Sample …" as "Touch and Go Sample …": each part of a hyphenated word may
    give its letter (TAGSAM)."""
    return [part for word in words for part in word.split("-") if part]


def spells(words: list[str], letters: str) -> bool:
    """Whether the words' initials spell the letters in order, the first word giving the first
    letter: a word not capitalised ("of", "and", "&") may give its letter or none; a
    capitalised word gives its letter, or none once."""
    def match(word: int, letter: int, skipped: bool) -> bool:
        if word == len(words):
            return letter == len(letters)
        initial = words[word][:1]
        if (letter < len(letters) and initial.upper() == letters[letter]
                and match(word + 1, letter + 1, skipped)):
            return True
        if word == 0:
            return False
        if not initial.isupper():
            return match(word + 1, letter, skipped)
        return not skipped and match(word + 1, letter, True)

    return match(0, 0, False)


HEADLINE_SHARE = 0.75  # of a line's longer words capitalised: it is written in headline case


def in_headline_case(text: str, vocabulary: Vocabulary) -> bool:
    """ "Settlement Will Cover Federal Costs Incurred to Restore Access": a subheading or a
    deck in headline case, where a capital marks no name. Most of its longer words are
    capitalised, and one of them at least is a word the article writes in lowercase."""
    longer = [w for w in WORD.findall(text) if len(w) >= 4]
    capitalised = [w for w in longer if w[0].isupper()]
    return (len(longer) >= 3 and len(capitalised) >= HEADLINE_SHARE * len(longer)
            and any(w.casefold() in vocabulary.lowercase for w in capitalised))


@per_content(maxsize=4096)  # per article: under `mkdocs serve` a save reads one anew
def names_by_sentence(texts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The names of each sentence of one article (whose words tell a name from a word). In a
    line written in headline case, only what the article's prose also capitalises is a name."""
    everything = vocabulary_of(texts)
    headline = [in_headline_case(text, everything) for text in texts]
    vocabulary = vocabulary_of(t for t, h in zip(texts, headline) if not h)
    names = []
    acronyms_used = frozenset(a.replace("-", "") for text in texts for a in acronyms(text))
    for text, is_headline in zip(texts, headline):
        found = names_of_sentence(text, vocabulary, acronyms_used)
        if is_headline:
            found = [n for n in found if all(w in vocabulary.capitalised or w.isupper()
                                             or w in LINKING_WORDS for w in
                                             (POSSESSIVE.sub("", w) for w in n.split()))]
        names.append(tuple(found))
    tails = name_tails(texts, {n for found in names for n in found})
    return tuple(tuple(n for n in found if n not in tails) for found in names)


def name_tails(texts: tuple[str, ...], names: set[str]) -> set[str]:
    """One everyday word that the article capitalises only after a name and "and" ("Baltimore
    Police and Fire", "Supervisor of Salvage and Diving"): the end of that name, broken at its
    "and", not a name of its own ("Russia and Turkey" where Turkey also stands alone)."""
    tails = set()
    for name in names:
        if " " in name or not name[1:].islower() or not word_classes(name.casefold()):
            continue
        uses = sum(len(re.findall(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text))
                   for text in texts)
        after_and = sum(len(re.findall(rf"[A-Z][\w’'.-]* and {re.escape(name)}(?![\w’'-])",
                                       text)) for text in texts)
        if uses and after_and == uses:
            tails.add(name)
    return tails
