"""The article's own defining phrase for a glossary term, for `make draft`: the words the
grammar ties to the term in a sentence that names it, and that say what the term is. Each rule
is one an editor would state; the earlier rule wins where two find a phrase:

1. a copula opening the sentence:     "Olli Heinonen is the chief inspector with …"
2. an appositive after the term:      "CAATSA, a 2017 law aimed at …", "Erdoğan, the Turkish
                                       president, …", "Kessington Regional Transit, the
                                       city-owned agency that runs the buses, …"
3. an appositive before it:           "Turkey's defence procurement agency, the SSB, …",
                                       "A stricter version, the Lead and Copper Rule
                                       Improvements, …"
4. a parenthesis:                     "X (the agency that …)"
5. its kind of place:                 "Russia's far eastern city of Khabarovsk"
                                       (place-kinds.txt)
6. its kind, before "such as":        "treatments such as orthophosphate that coat the pipe
                                       walls"
7. a clause that says what it is:     "split shifts, which can stretch a driver's working day
                                       …", "Tyrone Beckett, who cleans offices downtown"; not
                                       one in the past tense, which tells news ("…, which
                                       found …")
8. its owner and kind around it:      "the United Nations' International Atomic Energy
                                       Agency", "Russia-made S-400 missile defense system"
9. a person's title or office:        "U.S. envoy Christopher Hill"

Never a phrase in another sentence, never a phrase that is only the term's own name, and
nothing that isn't the article's words: where none of these finds one, the term has none.
"""

from __future__ import annotations

import re
from importlib import resources

from lemminflect import getAllInflections, getAllLemmas

from ..dates import is_past_tense, reporting_verbs, told_in_the_past
from ..memo import per_process
from ..read.people import is_title_word
from ..understand.names import ACRONYM, NAME_PARTICLES
from ..understand.wordforms import names_a_thing, word_classes

MAX_WORDS = 20  # a defining phrase longer than this is a passage of its own
DETERMINERS = frozenset(["the", "a", "an"])
# Words that make a phrase a clause with its own verb ("the damage … is already severe"): no
# appositive has one before a relative word ("the agency that runs the buses" is fine).
AUXILIARIES = frozenset(["is", "are", "was", "were", "has", "have", "had", "will", "would",
                         "can", "could", "may", "might", "should", "must", "does", "do", "did",
                         "be", "been", "said", "says"])
CONTRACTED_VERB = re.compile(r"(?:it|he|she|that|there|what|who|here|this)[’']s")
RELATIVES = frozenset(["that", "which", "who", "whose", "whom", "where"])
# (a comma inside a figure, "a town of 2,300", ends nothing)
CHUNK_END = r"(?=\s*(?:(?<!\d),|,(?!\d{3}\b)|[;:()—–]|\s-\s|\.(?:\s|$)|$))"
WORD = re.compile(r"[^\W\d_][\w’'.-]*|\d[\w.,-]*")
POSSESSIVE = re.compile(r"\w[’']s?$|s[’']$")
# "Russia-made", "U.S.-built": a maker before the thing.
MADE_BY = re.compile(r"^[A-Z][\w.]*-(?:made|built|designed|developed|owned|run|backed)$")
KIND_WORDS_MAX = 3
NAMES_LISTED = re.compile(r"(?:the|a|an)\s+(?:[A-Z][\w.’'-]*\s*)+(?:and|or|&)\b")


@per_process(maxsize=1)
def place_kinds() -> frozenset[str]:
    """Words that name a kind of place: "city", "province" (place-kinds.txt)."""
    text = resources.files(__package__).joinpath("place-kinds.txt").read_text("utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def defining_phrase(spellings: list[str], text: str, plain: frozenset[str]
                    ) -> tuple[int, str] | None:
    """The best defining phrase a sentence gives for a term (any of its spellings), with the
    number of the rule that found it (lower is better), or None."""
    found = []
    for spelling in spellings:
        for at in (m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])",
                                                  text)):
            end = at + len(spelling)
            for rank, rule in enumerate(RULES, 1):
                phrase = rule(spelling, text, at, end, plain)
                if phrase and not names_only(phrase, spellings):
                    found.append((rank, phrase))
                    break
    return min(found, key=lambda item: item[0]) if found else None


def names_only(phrase: str, spellings: list[str]) -> bool:
    """Whether a phrase says nothing but the term's names ("International Atomic Energy
    Agency" for IAEA, "Turkey's Ministry of Defence" for the ministry): no definition."""
    rest = phrase
    for spelling in sorted(spellings, key=len, reverse=True):
        rest = rest.replace(spelling, " ")
    rest = re.sub(r"\S+[’']s\b", " ", rest)  # "Turkey's Ministry of Defence": whose, not what
    return all(w.casefold() in DETERMINERS for w in WORD.findall(rest))


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def is_clause(phrase: str) -> bool:
    """Whether a phrase has a verb of its own before any relative word (an auxiliary, or a
    present-tense verb the lexicon knows as nothing else): a clause, not a description."""
    for word in words_of(phrase):
        key = word.casefold()
        if key in RELATIVES:
            return False
        if key in AUXILIARIES or (key.endswith("s") and word_classes(key) == {"VERB"}) \
                or is_simple_past(key):
            return True  # "will", "has"; "continues", "provides" (the lexicon's verbs alone)
    return False


def is_simple_past(word: str) -> bool:
    """"went", "took": a verb's past form that is not its participle, and nothing else, so
    it is a clause's own verb ("the price of eggs went up"), never a description's ("the
    plant built in 1990" may describe; "built" is both)."""
    if word_classes(word) != {"VERB"}:
        return False
    for lemma in getAllLemmas(word).get("VERB", ()):
        forms = getAllInflections(lemma, upos="VERB")
        if word in forms.get("VBD", ()) and word not in (forms.get("VBN") or forms.get("VBD", ())):
            return True
    return False


def describes(phrase: str | None) -> str | None:
    """The phrase if it can describe: a few words with a lowercase one, no verb of its own, no
    one's words in quotation marks (what someone calls a thing is their view of it), and not a
    list of names ("the United States and the European Union")."""
    if not phrase:
        return None
    words = words_of(phrase)
    if not 1 <= len(words) <= MAX_WORDS or not any(w[:1].islower() for w in words) \
            or re.search(r"[\"“”]", phrase) or NAMES_LISTED.match(phrase.strip()):
        return None
    return None if is_clause(phrase) else phrase.strip()


# Modifiers listed before one noun: "the text, phone and email alert system" (the comma joins
# "text" to "phone and email": it doesn't end the description)
LISTED_MODIFIERS = re.compile(r"(?:,\s+[a-z][\w-]*){1,3},?\s+(?:and|or)\s+[a-z][\w-]*\s+[a-z]")
# A list the description ends on: ", fire, parks, libraries and street repair"
LISTED_NOUNS = re.compile(r"(?:,\s+(?!(?:he|she|they|it|we|i|who|which|that|officials?)\b)"
                          r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?){1,6},?\s+(?:and|or)\s+"
                          r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?(?=\s*(?:[,;:.)]|$))")
CHUNK = re.compile(rf"(?:[^,;:()—–]|(?<=\d),(?=\d{{3}}\b))*?{CHUNK_END}")


def chunk_after(text: str, start: int) -> str:
    """The words from `start` to the next comma, dash, bracket or sentence end; a comma inside
    a list of modifiers of one noun goes on ("the text, phone and email alert system", "the
    loud, map-based warnings": no description ends in an adjective)."""
    match = CHUNK.match(text, start)
    if not match:
        return ""
    words = words_of(match.group())
    unfinished = bool(words) and "NOUN" not in word_classes(words[-1]) \
        and "ADJ" in word_classes(words[-1]) \
        and text.startswith(",", match.end())
    listed = len(words) <= 3 and LISTED_MODIFIERS.match(text, match.end()) is not None
    nouns = LISTED_NOUNS.match(text, match.end())
    if nouns and words and words[-1].casefold() not in DETERMINERS:
        # "the account that pays for police, fire, parks and street repair": a list of what it
        # covers goes on to its last item
        return text[start:nouns.end()]
    if unfinished or listed:
        more = CHUNK.match(text, match.end() + 1)
        last = (words_of(more.group()) or [""])[-1] if more else ""
        if more and last and names_a_thing(last):  # ... ending in a noun, not "the oldest, closed"
            return text[start:more.end()]
    return match.group()


# ---- the rules, each (spelling, sentence, start, end, plain words) → phrase or None ----------


def copula(spelling: str, text: str, at: int, end: int, plain: frozenset[str]
        ) -> str | None:
    """1. "X is a Y", "The X was the Y", with X opening the sentence."""
    if text[:at].strip() not in ("", "The", "the"):
        return None
    # ("Jane Roe is the agency's director", "Jane Roe is IMF's managing director": whose)
    match = re.compile(r"\s+(?:is|was|are)\s+(?=(?:the|a|an)\s|\S+[’']s?\s+[a-z])").match(text, end)
    return describes(chunk_after(text, match.end())) if match else None


# After the term: a bracket ("(D-NY)"), an age and a home town ("Michael L. Babich, 40, of
# Scottsdale, Ariz., the former CEO"), then the comma that opens the description.
APPOSITIVE_OPENING = re.compile(r"(?:\s+\([^()]{1,20}\))?(?:,\s+\d{1,3})?"
                                r"(?:,\s+of\s+(?:[A-Z][\w.’'-]*\s?){1,4}(?:,\s+[A-Z][\w.]*)?)?,\s+")


def appositive_after(spelling: str, text: str, at: int, end: int, plain: frozenset[str]
        ) -> str | None:
    """2. "X, the Y…," (or "X (XY), the Y…,"): a description opened by an article or a
    possessive."""
    match = APPOSITIVE_OPENING.match(text, end)
    if not match:
        return None
    phrase = before_reporting_verb(chunk_after(text, match.end()))
    first = (words_of(phrase) or [""])[0]
    if CONTRACTED_VERB.fullmatch(first.casefold()) or (
            first.casefold() not in DETERMINERS and not POSSESSIVE.search(first)
            and not names_an_office(phrase)
            and not (looks_like_a_person(spelling) and holds_an_office(phrase))):
        return None  # "… not an inconvenience, it's a failure": a clause, no description
    if named_where(text, at, spelling) and not names_a_place_kind(phrase):
        return None
    if in_a_series(text, at, match.end() + len(phrase)):
        return None
    if is_only_a_name(phrase):  # "Argentine Republic, the Federative Republic of Brazil, …":
        return None  # the next of a list of names, or another name of the same thing
    return describes(phrase)


# A list item before the term: "…, the FBI, the Department of Transportation, …"
ITEM_BEFORE = re.compile(r",\s+(?:(?:the|a|an)\s+)?$")
# A list going on after the term: ", and Federal partners", ", as well as state officials"
LIST_GOES_ON = re.compile(r",\s+(?:and|or|as\s+well\s+as|plus)\b")


def in_a_series(text: str, at: int, end: int) -> bool:
    """Whether a name and the comma phrase after it (to `end`) are items of one list, a
    comma before the name and one after the phrase ("the FBI, the Department of
    Transportation, the Army Corps of Engineers, as well as …"): the next item, not what
    the name is."""
    return ITEM_BEFORE.search(text[:at]) is not None and text.startswith(",", end)


def is_only_a_name(phrase: str) -> bool:
    """Whether a phrase is a name with its article and nothing more: every word capitalised
    but the linking words inside names ("the Federative Republic of Brazil"); not an office
    written in capitals ("the Turkish President", "the U.S. Secretary of State")."""
    words = words_of(phrase)
    if words and words[0].casefold() in DETERMINERS:
        words = words[1:]
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or w in NAME_PARTICLES or w in ("of", "the", "and", "for")
        for w in words) and not any(is_title_word(w) for w in words)


def before_reporting_verb(phrase: str) -> str:
    """ "a 28-year-old government worker told Reuters" (after a quotation, the comma before
    the verb left out): the description ends where the report begins."""
    words = list(re.finditer(r"\S+", phrase))
    for index, word in enumerate(words[1:], 1):
        if word.group().casefold() in reporting_verbs():
            return phrase[:words[index - 1].end()]
    return phrase


def holds_an_office(phrase: str) -> bool:
    """ "division chief for ARES", "director of the county's flood office", "commanding
    general of the corps": a person's office, lowercase and without an article, then the body
    it is of, for or at; or the body's name, then the office ("Baltimore District
    commander")."""
    words = words_of(phrase)
    if 1 < len(words) <= 4 and words[-1][:1].islower() and is_title_word(words[-1]):
        return True  # "Baltimore District commander": where, then the office
    for index, word in enumerate(words[:4]):
        if word in ("of", "for", "at"):
            head = words[index - 1] if index > 0 else ""
            # ("commanding general of the corps": a noun before "of" heads the office)
            return is_title_word(head) or (index > 1 and "NOUN" in word_classes(head)
                                           and not head.endswith("ing"))
        if not word[:1].islower():
            return False
    return False


# Where a name follows one of these it is where something is ("the conflict in X", "farmers
# across X"), and what comes after the comma may tell of that thing, not of the place: only a
# kind of place ("outside X, a town of 2,300") describes it.
PLACE_PREPOSITIONS = frozenset(["in", "across", "throughout", "near", "outside", "inside",
                                "around", "within"])


def named_where(text: str, at: int, spelling: str) -> bool:
    """Whether a name stands after a preposition of place, or after "of" a lowercase noun
    ("the mayor of X, the county executive": what follows may tell of the mayor)."""
    before = text[:at].split()
    return spelling[:1].isupper() and bool(before) and (
        before[-1] in PLACE_PREPOSITIONS
        or (before[-1] == "of" and len(before) > 1 and before[-2].isalpha()
            and before[-2].islower()))


HEAD_ENDS = frozenset(["of", "in", "on", "near", "with", "that", "which", "who", "where"])


def names_a_place_kind(phrase: str) -> bool:
    """Whether a phrase's head noun is a kind of place: "a town of 2,300", "a small city in
    Ohio"; not "the county executive" (a person, whose office a place-word qualifies)."""
    words = words_of(phrase)[:5]
    head = next((i for i, w in enumerate(words) if i and w.casefold() in HEAD_ENDS), len(words))
    return bool(words[:head]) and words[head - 1].casefold() in place_kinds()


def names_an_office(phrase: str) -> bool:
    """ "Ranking Member of the House Committee on Foreign Affairs", "Director of the Census
    Bureau": capitalised words holding a title, then the body the office is of or for."""
    words = words_of(phrase)
    leading = []
    for word in words:
        if not word[:1].isupper():
            break
        leading.append(word)
    rest = words[len(leading):]
    return any(is_title_word(w) for w in leading) and bool(rest) and rest[0] in ("of", "for", "at")


def appositive_before(spelling: str, text: str, at: int, end: int, plain: frozenset[str]
        ) -> str | None:
    """3. "the Y, X,": a description ending just before ", X" and opened by an article or a
    possessive, with X closed by a comma or the sentence's end."""
    if not re.compile(r"\s*(?:,|\.\s*$|$)").match(text, end) or LIST_GOES_ON.match(text, end):
        return None  # ("the operations center, X, and federal partners": a list)
    before = re.search(r"(?:,\s+(?:the\s+)?|\s+(?:known as|called)\s+)$", text[:at])
    if not before:
        return None
    words = list(re.finditer(r"\S+", text[:before.start()]))
    taken: list[re.Match[str]] = []
    for word in reversed(words[-6:]):
        bare = word.group().strip("“”\"")
        # ("the old, busy airport": adjectives listed with commas go on)
        listed = bare.endswith(",") and taken and "ADJ" in word_classes(bare[:-1])
        if (bare.endswith((",", ";", ":")) and not listed) \
                or bare.casefold() in plain - DETERMINERS \
                or is_past_tense(bare) or bare.endswith(("ing", "ly")):
            return None
        taken.insert(0, word)
        if bare.casefold() in DETERMINERS or POSSESSIVE.search(bare):
            if all(w.group()[:1].isupper() for w in taken[1:]):
                return None  # "the Boulder, Colorado, plant": a place and its state
            return describes(text[taken[0].start():taken[-1].end()])
    return None


def parenthesis(spelling: str, text: str, at: int, end: int, plain: frozenset[str]
        ) -> str | None:
    """4. "X (Y)", Y not an acronym, nor a name (the name in another language: "(Fuerzas
    Armadas Revolucionarias de Colombia)"), and X not the end of a longer name, whose
    bracket it is ("Colombia" in "Revolutionary Armed Forces of Colombia (…)")."""
    match = re.compile(r"\s+\(([^()]{2,80})\)").match(text, end)
    # ("9 degrees Celsius (48 degrees Fahrenheit)": a figure in brackets is a measure)
    if match and not ACRONYM.fullmatch(match.group(1)) and not ends_a_name(text[:at]) \
            and not is_only_a_name(match.group(1)) and not match.group(1)[:1].isdigit():
        return describes(match.group(1))
    return None


def ends_a_name(before: str) -> bool:
    """Whether the words before a term are a longer name's first words: a capitalised word,
    past linking words if any ("Forces of | Colombia", "Bank of | England"), that is not the
    sentence's first word unless linked ("In | Colombia" is no name), nor a title ("President
    | Erdoğan" is the person)."""
    words = before.split()
    linked = 0
    while words and (words[-1] in NAME_PARTICLES or words[-1] in ("of", "the")):
        words.pop()
        linked += 1
    return bool(words) and words[-1][:1].isupper() and (linked > 0 or len(words) > 1) \
        and not is_title_word(words[-1])


def place_of(spelling: str, text: str, at: int, end: int, plain: frozenset[str]
        ) -> str | None:
    """5. "Russia's far eastern city of X", "the Midwest state of X": the place's kind, without
    "of X" (a definition does not name what it defines)."""
    match = re.search(r"((?:[Tt]he|[Aa]n?|\S+[’']s?)\s+(?:\S+\s+){0,3}?(\w+))\s+of\s+$",
                      text[:at])
    # ("Department of Defense", "State of Israel": a capitalised kind is the name's own)
    if match and match.group(2) in place_kinds():
        return describes(text[match.start(1):match.end(1)])
    return None


def such_as(spelling: str, text: str, at: int, end: int, plain: frozenset[str]
        ) -> str | None:
    """6. "treatments such as X that coat the pipe walls": its kind, and what the kind does."""
    match = re.search(r"(?<![\w-])([a-z][\w-]+)\s+such\s+as\s+$", text[:at])
    if not match or match.group(1) in plain:
        return None
    rest = re.compile(r"\s+(?:that|which|who)\s").match(text, end)
    tail = chunk_after(text, end) if rest else ""
    return describes(text[match.start(1):end] + tail)


def clause_after(spelling: str, text: str, at: int, end: int, plain: frozenset[str]
        ) -> str | None:
    """7. "X, which can stretch…", "X, who cleans offices downtown": what it is or does,
    not news told in the past tense."""
    match = re.compile(r",\s+(?=(?:which|who)\s)").match(text, end)
    if not match:
        return None
    phrase = chunk_after(text, match.end())
    words = words_of(phrase)
    if named_where(text, at, spelling) and not names_a_place_kind(phrase):
        return None  # "farmers across X, which includes …": the farmers', not the place's
    if len(words) < 4 or words[1][:1].isupper() \
            or told_in_the_past(" ".join(words[1:])):  # "which the authority won in May": news
        return None
    return phrase.strip() if len(words) <= MAX_WORDS else None



def owner_and_kind(spelling: str, text: str, at: int, end: int, plain: frozenset[str]
        ) -> str | None:
    """8. "the United Nations' International Atomic Energy Agency": a name with its owner;
    "Russia-made S-400 missile defense system", "F-16 fighter jets": a designator with its
    maker or owner before it and its kind after it."""
    before = re.search(r"((?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:[’']s?))\s+$",
                       text[:at]) or re.search(r"(\S+)\s+$", text[:at])
    owned = before if before and (POSSESSIVE.search(before.group(1)) or
                                  MADE_BY.match(before.group(1)) or
                                  ACRONYM.fullmatch(before.group(1).rstrip("."))
                                  or before.group(1) in ("U.S.", "US", "UK")) else None
    owner = owned.group(1) if owned else None
    if not any(c.isdigit() for c in spelling):
        if owned and owner and POSSESSIVE.search(owner) and \
                owner[:1].isupper() | owner.startswith("the ") \
                and len(spelling.split()) >= 2 and spelling[:1].isupper():
            return describes(text[owned.start(1):end])
        return None
    kind: list[re.Match[str]] = []
    for word in re.compile(r"\s+([a-z][\w-]*)(?=(?:\s+(\w+))?)").finditer(text, end):
        if word.start() != (kind[-1].end() if kind else end) or word.group(1) in plain or \
                is_past_tense(word.group(1)) or word.group(1).endswith(("ing", "ly")):
            break
        if kind and word.group(1).endswith("s") and (word.group(2) or "") in DETERMINERS:
            break  # "the S-400 purchase remains an issue": a verb, not its kind
        kind.append(word)
        if len(kind) == KIND_WORDS_MAX:
            break
    if not kind or (len(kind) < 2 and not owner):
        return None
    start = owned.start(1) if owned else at
    return describes(text[start:kind[-1].end()])


TITLE_LINKS = frozenset({"in", "of", "for"})  # small words inside a title
# Titles of courtesy: they say how to address someone, not what they do.
COURTESY = frozenset({"the", "honorable", "honourable", "mr", "mrs", "ms", "miss", "dr", "sir",
                      "dame", "lord", "lady", "rev", "reverend"})


def title_before(spelling: str, text: str, at: int, end: int, plain: frozenset[str]
        ) -> str | None:
    """9. "U.S. envoy Christopher Hill": a person's title or office just before the name,
    with the capitalised words before it ("VOA Seoul Correspondent") and the small words
    inside it ("Special Agent in Charge")."""
    if not looks_like_a_person(spelling) or at == 0 or opens_a_contact_clause(text, end):
        return None
    words = text[:at].split()
    if not words or POSSESSIVE.search(words[-1]) or words[-1].endswith((",", ";", ":")):
        return None
    if not (is_title_word(words[-1]) or (
            len(words) > 2 and words[-2] in TITLE_LINKS and is_title_word(words[-3])
            and words[-1][:1].isupper())):  # "Secretary of State"; not "engineer of NASA's"
        return descriptor_before(words, plain)
    def in_title(word: str) -> bool:
        return (is_title_word(word) or word[:1].isupper()) and not word.endswith((",", ";", ":"))

    start = len(words) - 1
    while start > 0 and (in_title(words[start - 1]) or (
            start > 1 and words[start - 1] in TITLE_LINKS and in_title(words[start - 2]))):
        start -= 1  # "Special Agent in Charge", "Secretary of State"
    if start == 0 and words[0][:1].isupper() and not is_title_word(words[0]) \
            and words[0].casefold() in plain:
        start += 1
    title = words[start:]
    if all(w.casefold().rstrip(".") in COURTESY for w in title):
        return None  # "the Honorable Edward J. Davila", "Dr. Elaine Marsh": no office
    while title[-1].casefold().rstrip(".") in COURTESY:
        title = title[:-1]  # "State Veterinarian Dr. Ingrid Sørensen": the office, no "Dr."
    if all(w.endswith(".") for w in title):
        return None  # "Lt. Gen.", "Col.": a rank in shorthand tells a reader nothing
    return " ".join(title)


def descriptor_before(words: list[str], plain: frozenset[str]) -> str | None:
    """ "college student Jane Roe", ", protester Jane Roe said": lowercase words naming what
    someone is, set before the name as a title is (after a comma, an article or the sentence's
    start), the last of them a noun."""
    taken: list[str] = []
    for word in reversed(words[-4:]):
        if word.casefold() in DETERMINERS or word.endswith((",", ";", ":")):
            break
        if not re.fullmatch(r"[a-z][a-z-]*", word) or word in plain or is_past_tense(word) \
                or word.endswith(("ing", "ly")) or len(taken) == 3:
            return None
        taken.insert(0, word)
    else:
        if len(taken) < len(words):
            return None  # no comma, article or start before it: "told reporters Jane Roe"
    if not taken or "NOUN" not in word_classes(taken[-1]):
        return None
    return " ".join(taken)


def opens_a_contact_clause(text: str, end: int) -> bool:
    """ "the treasure X holds.": a name followed by a verb that ends the clause is the
    subject of a clause describing the noun before it (the "that" left out), not that
    noun's own."""
    after = re.compile(r"\s+([a-z]+)\s*(?:[,;:.!?)”\"]|$)").match(text, end)
    verb = after.group(1) if after else ""
    return "VERB" in word_classes(verb) and (verb.endswith("s") or is_past_tense(verb)) \
        and verb not in reporting_verbs()  # "Jane Roe added, …" reports speech


def looks_like_a_person(name: str) -> bool:
    """"Daniel Glaser": two or three capitalised words, none of them an acronym, and perhaps
    a middle initial."""
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]  # "Craig D. Fair"
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)


def kind_before(spelling: str, text: str, at: int, end: int, plain: frozenset[str]
        ) -> str | None:
    """10. "the French news agency AFP", "the ride-hailing company Uber": a body's kind set
    right before its name (a person's is their title, rule 9)."""
    if not spelling[:1].isupper() or looks_like_a_person(spelling) \
            or opens_a_contact_clause(text, end):
        return None
    match = re.search(r"\b([Tt]he\s+(?:[A-Z][\w-]*\s+)?(?:[a-z][\w-]*\s+){1,3})$", text[:at])
    if not match:
        return None
    words = match.group(1).split()
    last = words[-1]
    if last in plain or is_past_tense(last) or not names_a_thing(last) \
            or "NOUN" not in word_classes(last):
        return None
    return describes(match.group(1).strip())


RULES = (copula, appositive_after, appositive_before, parenthesis, place_of, such_as,
         clause_after, owner_and_kind, title_before, kind_before)
