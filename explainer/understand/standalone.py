"""A sentence shown apart from its article must stand alone, as an editor's quote does.

Wherever a single sentence stands apart from its article (an "In short" point, a home card's
lead, a page's description and share image, a feed summary), it must not lean on what the
reader can't see. In an editor's words (the word lists are data, in standalone.yml):

1. An opening connective ("As a result,", "Meanwhile,", "However,") is dropped, and so is an
   FAQ's answer mark after its question ("Q. When …?" "A. As of March 1, …").
2. "He" or "she" opening the sentence becomes the person's name in square brackets when the
   last sentence to name anyone named one person ("[Erdogan] cites…"; '"…," she said.' names
   nobody, so the "she" after it is still that person); "his"/"her" the name's possessive.
   "It", "they", "its", "their" become what the sentence before is about, when it opens with
   a name, with "the" (or "a") and a word or two, or with people named by a plural
   ("Its members…" → "[The union's] members…", "They argue…" → "[Officials in Ankara] argue…"),
   unless the sentence before names a second thing it could be ("…plans to add an ozone
   stage. It will cost…", "…is owned by the Authority. Its director…"): then rule 6.
3. A person named by surname alone at the start, whose full name the article gave earlier,
   gets the rest of it in square brackets ("[Matt] Hughes says…"); so does a speaker named by
   surname anywhere in a point, whom the story named in full, perhaps in another article
   ('"…," said [Glenn] Harper.'), and anyone else a point names by surname alone who speaks
   somewhere in the story ("[Tom] Vilsack is expanding…"; a name that never speaks may be a
   place's).
4. A quotation whose speaker is a pronoun ('"…," she said.') names the person the sentence
   before spoke of ('"…," [Castellan] said.'), or can't stand alone.
5. A quotation opened and not closed (it goes on in the next sentence) is closed; one closed
   and not opened (its start, and its speaker, are in the sentence before) can't stand alone.
   A sentence that is all quotation names nobody as its speaker: it stands only with the
   sentence after it, when that one names who said it and the two are short.
6. Any other opening that points back ("These discussions…", "It was…", "They…", "The next
   of them…"), or a
   "there" for a place the sentence does not name ("they will stay there"), can't be mended:
   such a sentence stands only with the sentence before it, which it points back to, when
   that one stands alone and the two together are short (an "In short" point of two
   sentences); elsewhere it is passed over.
7. A reporter's sign-off ("VOA's Luis Ramirez reports from Beijing.") says no news: it is
   passed over too.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lemminflect import getAllLemmas

from ..dates import (
    MONTHS,
    DateMention,
    after_a_past_verb,
    before_a_past_verb,
    date_mentions,
    display_date,
    future_tense,
    is_past_tense,
    still_to_come,
    told_in_the_past,
)
from ..fold import fold
from ..memo import Same, per_content, per_process
from ..model import Article, Paragraph, Sentence
from .names import (
    POSSESSIVE,
    WORD,
    Vocabulary,
    body_words,
    name_runs,
    vocabulary_of,
)
from .packaged import packaged_yaml
from .wordforms import stem, stems, word_classes

QUOTES_OPEN, QUOTES_CLOSE = "“«„", "”»"
# Single marks open and close a quotation only at a word's edges: inside a word "‘" is a letter
# (the ʻokina of "Hawai‘i", "Halema‘uma‘u") and "’" an apostrophe ("don’t").
SINGLE_OPENS = re.compile(r"(?<![^\s(\[“\"—–-])‘")
SINGLE_CLOSES = re.compile(r"(?<=\S)’(?=[\s.,;:!?)\]”\"—–-]|$)")


def single_quotes_open(text: str) -> int:
    """How many quotations in single marks a text opens and doesn't close."""
    marks = sorted([(m.start(), 1) for m in SINGLE_OPENS.finditer(text)]
                   + [(m.start(), -1) for m in SINGLE_CLOSES.finditer(text)])
    depth = 0
    for _, step in marks:
        depth = max(0, depth + step)  # a closing mark with none open is an apostrophe
    return depth


def opens_a_quotation(text: str) -> bool:
    """Whether a text opens with a quotation mark (a speaker's own words), single ones as
    British newsrooms write them included ("'We will not back down,' said …")."""
    text = text.lstrip()
    return text[:1] in QUOTES_OPEN + '"‘' or (text[:1] == "'" and text[1:2].isupper())


# "It was the first time …", "It is unclear …": an "it" that stands for a whole situation, not
# for a thing the sentence before opens with.
EXPLETIVE_IT = re.compile(r"it(?:’s|'s| is| was| has been| had been| remains| seems| appears"
                          r"| would be| will be)\b", re.IGNORECASE)

# "Until then,", "Before then,": a time the sentence before names
THEN_OPENS = re.compile(r"^(Until|Till|By|Since|Before|After) then(?=\s*,)")
# A pointing opening that names what it points at at once, set off by commas: "In a companion
# case, Department of Education v. Brown, the Court held …"
NAMING_WORD = r"(?:[A-Z][\w.’'-]*|v\.|of|and|the)"
NAMED_AT_ONCE = re.compile(rf",\s+{NAMING_WORD}(?:\s+{NAMING_WORD})*\s*,")
# What a sentence reports, opening on a person's pronoun: "ZANU-PF insiders told VOA that he
# …", "The minutes show that she …" (its head holds no pronoun of its own)
REPORTED_PERSON = re.compile(
    r"^(?P<head>(?!(?:he|she|they|his|her|their|i|we)\b)[^,;:“”\"]{0,100}?\b(?:said|say|says|told\s+"
    r"[\w.’'-]+(?:\s+[A-Z][\w.’'-]*)*|show|shows|showed|shown|believe|believes|believed|reported|"
    r"confirmed|added|indicate|indicates|indicated|suggest|suggests|suggested)\s+that\s+)"
    r"(?P<pronoun>he|she)\b", re.IGNORECASE)
# "If it rains, …", "when it snowed": the weather's "it" stands for nothing said before
WEATHER_IT = re.compile(r"it\s+(?:rains|rained|snows|snowed|storms|stormed|freezes|froze|pours|"
                        r"poured|hails|hailed|(?:is|was)\s+(?:raining|snowing|freezing|pouring))\b",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Alone:
    """A sentence as it stands alone: its text (None when it can't) and what was done, or why
    it can't."""

    text: str | None
    why: str = ""
    leans: bool = False  # it points back to the sentence before (and may stand with it)
    speaker_after: bool = False  # a quotation whose speaker the sentence after may name


@dataclass(frozen=True)
class Words:
    connectives: tuple[str, ...]
    person: frozenset[str]
    possessive: frozenset[str]
    thing: frozenset[str]
    thing_possessive: frozenset[str]
    subject_ends: frozenset[str]
    leaning: tuple[str, ...]
    not_leaning: tuple[str, ...]
    titles: frozenset[str]
    sign_offs: tuple[re.Pattern[str], ...]
    not_connective_before: frozenset[str]
    before_a_comma: frozenset[str]
    also_phrases: tuple[str, ...]
    body_words: frozenset[str]
    place_openers: frozenset[str]
    not_verbs: frozenset[str]
    there_exists: frozenset[str]
    place_words: frozenset[str]
    we: frozenset[str]
    i: frozenset[str]
    page_pointers: re.Pattern[str]
    calls_to_the_reader: tuple[re.Pattern[str], ...]
    spelled_out: re.Pattern[str]
    connectives_inside: re.Pattern[str]
    silence: re.Pattern[str]


@per_process(maxsize=1)
def words() -> Words:
    data = packaged_yaml("standalone.yml")

    def longest_first(items: list[str]) -> tuple[str, ...]:
        return tuple(sorted((i.casefold() for i in items), key=len, reverse=True))

    return Words(longest_first(data["connectives"]), frozenset(data["person_pronouns"]),
                 frozenset(data["possessive_pronouns"]), frozenset(data["thing_pronouns"]),
                 frozenset(data["thing_possessives"]), frozenset(data["subject_ends"]),
                 longest_first(data["leaning"]),
                 longest_first(data["not_leaning"]), frozenset(data["titles"]),
                 tuple(re.compile(pattern) for pattern in data["sign_offs"]),
                 frozenset(data["not_connective_before"]),
                 frozenset(data["connectives_before_a_comma"]),
                 longest_first(data["also_phrases"]),
                 body_words(),
                 frozenset(w.casefold() for w in data["place_openers"]),
                 frozenset(w.casefold() for w in data["not_verbs"]),
                 frozenset(w.casefold() for w in data["there_exists"]),
                 frozenset(w.casefold() for w in data["place_words"]),
                 frozenset(data["we_pronouns"]),
                 frozenset(data["i_pronouns"]),
                 re.compile(r"\b(?:" + "|".join(re.escape(p) for p in data["page_pointers"])
                            + r")\b", re.IGNORECASE),
                 tuple(re.compile(pattern) for pattern in data["calls_to_the_reader"]),
                 re.compile(data["spelled_out"]),
                 # the subject (a few words, no comma), then the connective between commas,
                 # then no new subject
                 re.compile(r"^([^,;:()“”\"]{3,60}?),\s+(" + "|".join(
                     re.escape(c) for c in longest_first(data["connectives"])
                     if c not in data["not_inside"]) + r"),\s+(?=[a-z])(?!(?:" + "|".join(
                     data["new_subject"]) + r")\b)", re.IGNORECASE),
                 re.compile(data["silence"], re.IGNORECASE))


def opening(text: str, phrases: tuple[str, ...]) -> str | None:
    """The phrase (of `phrases`) the text opens with, as a whole word or words."""
    folded = text.casefold()
    return next((p for p in phrases if folded.startswith(p)
                 and not folded[len(p):len(p) + 1].isalnum()), None)


def pointing_opening(text: str) -> str | None:
    """The opening that points back (`leaning` in standalone.yml, or a time counted from one
    named before: "Five months earlier"), as the text writes it, or None."""
    found = opening(text, words().leaning)
    if found:
        return found
    span = COUNTED_SPAN.match(text)
    return span.group().casefold() if span else None


def drop_connective(text: str) -> tuple[str, str]:
    """The text without an opening connective, and the connective (or "")."""
    found = opening(text, words().connectives)
    if not found:
        return text, ""
    rest = text[len(found):].lstrip(" ,")
    if not rest or not rest[0].isalnum():  # ("But 11 crew members …" stands as "11 crew …")
        return text, ""
    following = re.match(r"[^\W\d_]+", rest)
    phrase = re.match(r"(?:[\w’'-]+\s+){0,3}[\w’'-]+,\s+(?=\S)", rest)
    if found == "also" and phrase and opening(phrase.group(), words().also_phrases):
        # "Also of concern, Choi's father …": the phrase adds to what came before too
        rest = rest[phrase.end():]
        return rest[0].upper() + rest[1:], text[:len(text) - len(rest)].rstrip(" ,")
    if not text[len(found):].lstrip(" ").startswith(",") and (
            found in words().before_a_comma
            or (following and following.group().casefold() in words().not_connective_before)):
        return text, ""  # "In addition to locking …": a phrase of its own, not a connective
    return rest[0].upper() + rest[1:], text[:len(found)]


def after_a_connective(text: str) -> str:
    """The text after an opening connective that stays with it ("But that assessment
    changed …": "that" keeps its "But", and still points back), or the text."""
    found = opening(text, words().connectives)
    rest = text[len(found):].lstrip(" ,") if found else text
    # '"That market just disappeared," said Duncan': a quotation opening with a word that
    # points back leans as the same words unquoted do
    # ("That is what we went out for" too; "This is the worst year" may mean now)
    rest = re.sub(r'^["“‘\']\s*(?=That\s+[a-z]|(?:This|These|Those)\s+(?!(?:is|was|are|were|'
                  r'will|would|has|had|have|can|could|may|might|must|should|does|did|do)\b)'
                  r'[a-z])', "", rest)
    # "At the same time that the cold weather increased demand, …": "that" opens a clause
    return text if CLAUSE_THAT.match(rest) else rest


# "that" opening a clause, not pointing back: a subject follows it
CLAUSE_THAT = re.compile(r"that\s+(?:(?:the|a|an|this|these|those|his|her|its|their|it|he|she"
                         r"|they|we|I|you)\b|[A-Z0-9])")


def is_a_title(word: str) -> bool:
    """A title or office, one person's or several's ("Councilors Ben Achterberg and Lydia
    Mensah": no one's given name is "Councilors")."""
    folded = word.casefold().rstrip(".")
    return folded in words().titles or (folded.endswith("s") and folded[:-1] in words().titles)


def person_names(text: str, vocabulary: Vocabulary) -> list[str]:
    """The people a sentence names (capitalised runs of two words or more, titles left out,
    none of them a word for a place or a body such as "University" or "County", not opening as
    a place's name does, "North Korea", nor written before a noun as a nationality is, "South
    Korean prosecutors"), in reading order."""
    return list(people_written(text, vocabulary))


@per_process(maxsize=1 << 10)  # asked several times of each sentence as its article is read
def people_written(text: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    people = []
    for run in name_runs(text, vocabulary):
        # "Michael D. Granston of the Department": the person, then the body they speak for
        # (or the place they are from: "Dana Whitlock of Oskin Falls")
        person, of, body = run.partition(" of ")
        if of and (len(person.split()) > 1 or any(POSSESSIVE.sub("", p).casefold()
                                                  in words().body_words for p in body.split())):
            run = person
        parts = run.split()
        while parts and is_a_title(parts[0]):
            parts = parts[1:]
        if parts and is_a_title(parts[-1]):
            continue  # no name ends in a title: "Eskerton General" is a hospital
        # (a body's word closes its name, "Miller Creek"; first, it may be a surname: "Park
        # Geun-hye", but not after "of" or "the": "Secretary of State John Kerry"; and a name
        # going on with "for", "Deferred Action for Childhood Arrivals", is a programme's)
        first = 0 if follows_of_or_the(" ".join(parts), text) else 1
        if 2 <= len(parts) <= 4 and all(p[:1].isupper() for p in parts) \
                and not any(POSSESSIVE.sub("", p).casefold() in words().body_words
                            for p in parts[first:]) \
                and parts[0].casefold() not in words().place_openers \
                and not stands_before_a_noun(" ".join(parts), text) \
                and not FOR_IN_A_NAME.search(text.replace(" ".join(parts), "\0")):
            people.append(" ".join(parts))
    return tuple(people)


# "X for Y" with both capitalised: one programme's or body's name ("\0" stands for the name)
FOR_IN_A_NAME = re.compile(r"\0 for [A-Z]|[A-Z][\w’'-]* for \0")


# Names are looked for with str.find and the words around them with these patterns, not with
# a pattern per name: re keeps 512 compiled patterns, fewer than a long article has names, and
# compiling one costs more than reading a sentence.
OF_OR_THE_BEFORE = re.compile(r"\b(?:of|the|The)\s+\Z")
WORD_AFTER = re.compile(r"\s+([a-z][\w-]*)")
TITLE_BEFORE = re.compile(r"\b(Mr|Ms|Mrs|Miss)\.?\s+(?:[A-Z][\w’'-]*\s+)?\Z")


def places_of(name: str, text: str) -> Iterator[int]:
    """Where `name` is written in `text`, first to last (overlapping places too)."""
    at = text.find(name)
    while at >= 0 and name:
        yield at
        at = text.find(name, at + 1)


def is_word_character(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")  # re's \w


def at_word_boundary(text: str, at: int) -> bool:
    """re's \b at `at`."""
    return is_word_character(text, at - 1) != is_word_character(text, at)


def follows_of_or_the(name: str, text: str) -> bool:
    """Whether a name's first word stands where a body's name goes on ("Secretary of State
    John Kerry", "the Park Service"), so that a body's word there is no surname."""
    return any(OF_OR_THE_BEFORE.search(text, 0, at) for at in places_of(name, text))


def stands_before_a_noun(name: str, text: str) -> bool:
    """ "South Korean prosecutors", "Cold War tensions": a capitalised run written before a
    lowercase noun describes it, as no person's name does ("Park Geun-hye said")."""
    after = next((match for at in places_of(name, text)
                  if at == 0 or not (is_word_character(text, at - 1) or text[at - 1] in "’'-")
                  if (match := WORD_AFTER.match(text, at + len(name)))), None)
    if not after:
        return False
    classes = word_classes(after.group(1))
    return "NOUN" in classes and "VERB" not in classes


# "Haverford, who attended the hearing, said", "Vance, the board president, said": a surname
# the article never gave in full
SAYING = r"(?:said|says|told|added|adds|asked|argued|warned|wrote|noted)\b"  # verbs of saying
SPEAKER = re.compile(r"(?<![\w’'-])([A-Z][^\W\d_][\w’'-]*)(?:, (?:who|the|a|an) [^,]+,)? "
                     + SAYING)
# '"…," said Harper', "according to Harper": a surname after what they said
SPEAKER_AFTER = re.compile(r"\b(?:said|says|told|according to)\s+([A-Z][^\W\d_][\w’'-]*)"
                           r"(?![\w’'-]|\s+[A-Z])")

# a capitalised word with no capitalised word after it (one before: `in_full` checks)
BARE_NAME = re.compile(r"(?<![\w’'-])([A-Z][^\W\d_][\w’'-]*)(?![\w’'-]|\s+[A-Z])")


def people_named(text: str, introduced: dict[str, str], vocabulary: Vocabulary) -> list[str]:
    """The people a sentence names: by their names, by a surname the article introduced
    earlier (in full), or by a surname that speaks ("Haverford, who attended the hearing,
    said …")."""
    people = person_names(text, vocabulary)
    for word in WORD.findall(text):
        surname = POSSESSIVE.sub("", word)
        if surname[:1].isupper() and surname in introduced \
                and not any(p.endswith(" " + surname) for p in people):
            people.append(introduced[surname])
    for surname in SPEAKER.findall(text):
        if surname.casefold() not in words().body_words and surname.casefold() not in \
                words().person | words().thing and not any(surname in p for p in people):
            people.append(surname)
    return list(dict.fromkeys(people))


# A name only as whose a thing is ("Teague's fingernails"): the sentence speaks of the thing,
# and "she" in the next goes on with whom it speaks of ("Oakes wrote … She rejected … Teague's
# fingernails … She also found …")
POSSESSIVE_NAME = re.compile(r"(?<![\w’'-])(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*[’']s\b")


def is_sign_off(text: str) -> bool:
    """ "VOA's Luis Ramirez reports from Beijing.": who reports, from where; it says nothing
    of the story."""
    return any(pattern.fullmatch(text.strip()) for pattern in words().sign_offs)


def is_call_to_the_reader(text: str) -> bool:
    """ "Get the latest updates on EPA's response to the spill.": the page asks its own reader
    to do something there, or promises more there; it says nothing of the story."""
    text = text.strip().lstrip("“\"‘'")  # a quote's thanks are thanks: "“I want to thank …"
    return any(pattern.fullmatch(text) for pattern in words().calls_to_the_reader)


def tells_a_silence(text: str) -> bool:
    """ "Her lawyer could not be reached on Friday.": someone did not speak (standalone.yml's
    `silence`)."""
    return bool(words().silence.search(text))


def says_nothing_of_the_story(text: str) -> bool:
    """A reporter's sign-off or words to the page's own audience (a greeting, thanks, a plan of
    the talk, where to find more): on its article page, and nowhere else."""
    return is_sign_off(text) or is_call_to_the_reader(text)


def unfiled_alone(article: Article, sentence: Sentence) -> bool:
    """Whether the home page lists the sentence under "Also in the articles": on no topic,
    news of the story, and able to stand alone (a greeting, a sign-off or a quotation whose
    speaker is named elsewhere stays on its article page only)."""
    return (not sentence.topics and not says_nothing_of_the_story(sentence.text)
            and not tells_a_silence(sentence.text)
            and standalone(article, sentence).text is not None)


def points_at_the_page(text: str) -> bool:
    """ "The rates are listed below.", "Today's priority orders are:": the sentence points at
    a table, list or picture of the page it was printed on, which a point shown alone lacks.
    So does a lead-in left without its stop ("The revised guidance for the area is that")."""
    return text.rstrip().endswith(":") or bool(words().page_pointers.search(text)) \
        or bool(UNFINISHED.search(text))


# A sentence ending on a word that needs what follows, with no stop: a list's lead-in
UNFINISHED = re.compile(r"\b(?:that|to|include|includes|including|are|is|were|was|as follows|"
                        r"the following|following|of|for|with|and|or)\s*$", re.IGNORECASE)


# "The owners make three main claims.", "There are two reasons.": a count of things the
# sentence doesn't name, which the sentences after it tell
ANNOUNCES = re.compile(r"^(?:[\w’'-]+\s+){1,6}?(?:two|three|four|five|six|several|a few|a number "
                       r"of|many)\s+(?:[a-z]+\s+)?(?:claims|reasons|points|steps|changes|"
                       r"questions|arguments|things|ways|parts|options|concerns|problems|"
                       r"goals|demands|lessons|findings|objections|factors|causes)\s*[.!]?$")


# A list's item, going on from a lead-in ("The order requires the city to:"): it opens in lower
# case, which no sentence does
CONTINUES_A_LIST = re.compile(r"[a-z][a-z’'-]*\s")


def announces_what_follows(text: str) -> bool:
    """Whether a sentence only announces a count of things ("The owners make three main
    claims."): alone it tells none of them."""
    return ANNOUNCES.match(text.strip()) is not None


def without_page_aside(text: str) -> tuple[str, str]:
    """The sentence without a bracketed aside that points at its page ("… on the bottom of
    the package (see image below)."): the rest of it says what it says without the picture.
    Also the aside dropped, or ""."""
    for aside in re.finditer(r"\s*\(([^()]*)\)", text):
        if words().page_pointers.search(aside.group(1)):
            return text[:aside.start()] + text[aside.end():], aside.group().strip()
    return text, ""


# the outlet's own "our" or "we" inside a sentence told in its voice (lowercase: "US" is a place)
OUR_WITHIN = re.compile(r"(?<![\w’'-])(?:our|we|us|ours)(?![\w’'-])")
# (single marks too: an apostrophe inside a word, "don’t", "drivers' pay", closes nothing)
QUOTED_TEXT = re.compile(r"“[^”]*”?|\"[^\"]*\"?|‘(?:[^’]|’(?=\w))*’?"
                         r"|(?:^|(?<=\s))'(?=[A-Z])(?:[^']|'(?=\w))*'?")
# "As leaders of the FDA and the DEA, we recognize …": the sentence says who "we" are
SAYS_WHO_WE_ARE = re.compile(r"As\s+[^,;]{3,160},\s+(?:we|I)\b")
# "The Bureau …", "The Agency …": an outlet naming itself by its last word, capitalised
OWN_BODY = re.compile(r"(The) ([A-Z][a-z]+)\b")


def done_by_voice(done: list[str]) -> bool:
    return any(step.startswith(("'we' is", "'We' is", "'Our' is", "'our' is", "'us' is",
                                "'ours' is")) for step in done)


def voice_of(outlet: str | None) -> str | None:
    """Whom an article's "we" stands for: its outlet without what follows a comma or a
    bracket ("Federal Aviation Administration (Administrator's remarks)")."""
    return re.split(r"\s*[,(]", outlet or "", maxsplit=1)[0].strip() or None


# "Statement of Chair Alexander Hoehn-Saric on …", "The following is a statement from CPSC
# Acting Chairman Robert Adler:": an article in one person's words
SPOKEN = re.compile(r"\b(?:statement|remarks|speech|testimony|op-ed)\b", re.IGNORECASE)


def the_office_holder(speaker: str | None, author: str | None) -> str | None:
    """A turn labelled by an office alone ("THE PRESIDENT:") in the remarks of the person the
    title names in that office ("Remarks by President Biden"): that person."""
    office = (speaker or "").removeprefix("The ")
    if speaker and author and office != speaker \
            and author.casefold().startswith(office.casefold() + " "):
        return author
    return speaker


def turn_speakers(article: Article) -> dict[str, str | None]:
    """A transcript's paragraphs (by anchor) → who speaks them, from the label opening each
    turn ("SECRETARY BLINKEN:" → "Secretary Blinken"), on until the next; none where no
    paragraph opens with a label. A turn's label naming no one ("QUESTION:") speaks for no one."""
    labels = {f.before: f.text.rstrip(":") for f in article.furniture if f.kind == "speaker"}
    if not labels:
        return {}
    speakers: dict[str, str | None] = {}
    speaker: str | None = None
    for number, paragraph in enumerate(article.paragraphs, 1):
        if number in labels:
            words = labels[number].split()
            speaker = " ".join(w.capitalize() for w in words) if len(words) >= 2 else None
        speakers[paragraph.anchor] = speaker
    return speakers


def author_of(title: str, first: str, vocabulary: Vocabulary,
              bylines: tuple[str, ...] = ()) -> str | None:
    """Whose words an article is, when its title or first sentence says so: the first person
    it names after "statement", "remarks" or the like; where a title that opens so names no
    one ("Closing Remarks: On the Investigation into …"), the person its byline names. The
    article's "I"."""
    for text in (title, first):
        spoken = SPOKEN.search(text)
        # (a title capitalises every word: a run holding a word the article writes in
        # lowercase, "… Railway Derailment", is a thing's name, not a person's)
        names = [name for name in person_names(text[spoken.end():], vocabulary)
                 if not any(word.casefold() in vocabulary.lowercase for word in name.split())
                 ] if spoken else []
        if names:
            return names[0]  # "Statement of Chair Alexander Hoehn-Saric on Two Recalls"
        office = OFFICE_AND_NAME.search(text, spoken.end()) if spoken else None
        if office and is_a_title(office["title"]):
            return office.group()  # "Remarks by President Biden on …"
    spoken = SPOKEN.search(title)
    if spoken and len(title[:spoken.start()].split()) <= 2:
        named = [name for line in bylines if BYLINE_BY.match(line)
                 for name in person_names(line, vocabulary)]
        return named[0] if named else None
    return None


# "by President Biden", "of Secretary Blinken": an office and a surname, right after "remarks"
OFFICE_AND_NAME = re.compile(r"(?<=\b(?:by|of) )(?P<title>[A-Z][a-z]+\.?) [A-Z][\w’'-]+")
BYLINE_BY = re.compile(r"\s*by\s", re.IGNORECASE)  # a byline proper, not a kicker or a place


# The pronoun a person is called by, where the article says it with the name: "Marsh said she
# …", "Ms. Ambrose", "Mr. Kellum"
HE, SHE = frozenset({"he", "his", "him", "himself"}), frozenset({"she", "her", "hers", "herself"})
TITLE_PRONOUN = {"mr": "he", "ms": "she", "mrs": "she", "miss": "she"}
SAYS_THAT = (r"\s+(?:said|says|told\s+\w+|added|wrote|testified|argued|explained|recalled|"
             r"insisted|acknowledged|admitted)\s+(?:that\s+)?(he|she)\b")
SAYS_AFTER = re.compile(SAYS_THAT)


def pronouns_told(text: str, names: list[str]) -> dict[str, str]:
    """Whom the sentence tells, by name, to be "he" or "she": the pronoun right after the name
    and its saying verb, or a title before the surname."""
    found: dict[str, str] = {}
    for name in names:
        surname = name.split()[-1]
        places = list(places_of(surname, text))
        said = next((match for at in places if at_word_boundary(text, at)
                     if (match := SAYS_AFTER.match(text, at + len(surname)))), None)
        titled = next((match for at in places if at_word_boundary(text, at + len(surname))
                       if (match := TITLE_BEFORE.search(text, 0, at))), None)
        if said:
            found[name] = said.group(1).casefold()
        elif titled:
            found[name] = TITLE_PRONOUN[titled.group(1).casefold()]
    return found


def disagrees(pronoun: str, person: str, pronouns: dict[str, str] | None) -> bool:
    """Whether the article calls the person by the other pronoun ("she" for a man it calls
    "he"): then the pronoun is somebody else's."""
    called = (pronouns or {}).get(person)
    word = pronoun.casefold()
    return called is not None and ((called == "he" and word in SHE)
                                   or (called == "she" and word in HE))


def names_the_story(text: str, leaning: str, title: str) -> bool:
    """Whether an opening that would point back ("This outbreak …", "The deal …") names the
    subject of the article's own headline ("… Outbreak Linked to Romaine Lettuce"): it says
    itself what it is. ("These formulas" are some the sentence before named.)"""
    after = re.match(r"\s+([^\W\d_][\w-]*)", text[len(leaning):])
    noun = (after[1] if leaning.casefold() == "this" and after
            else leaning.split()[-1] if " " in leaning else "")
    return bool(noun and title) and stem(noun.casefold()) in set(stems(title))


def person_before(pronoun: str, before: str, introduced: dict[str, str],
                  vocabulary: Vocabulary, people_before: list[str] | None,
                  pronouns: dict[str, str] | None,
                  going_on: dict[str, str] | None = None) -> str | Alone:
    """Whom a person's pronoun stands for: the one person named just before (in `before`,
    or as `people_before` says), if the article calls them by that pronoun; else why the
    sentence can't stand alone."""
    people = (people_named(before, introduced, vocabulary) if people_before is None
              else people_before)
    gender = "he" if pronoun.casefold() in HE else "she"
    if going_on and gender in going_on:
        # "She stopped short of calling Kellum innocent. Asked …, she said …": the same "she"
        # as the sentence before's, not the one it names
        people = [going_on[gender]]
    if len(people) > 1 and pronouns:
        # "… Mr. Kellum …," Marsh said. "She stopped short …": of the people named just
        # before, the one the article calls by the pronoun, when the others it calls otherwise
        fits = [person for person in people if pronouns.get(person) == gender]
        if len(fits) == 1 and all(disagrees(pronoun, person, pronouns)
                                  for person in people if person != fits[0]):
            people = fits
    if len(people) != 1:
        return Alone(None, f"'{pronoun}' with no one person named just before", leans=True)
    if disagrees(pronoun, people[0], pronouns):
        # "Santhanam said … His lawyers …": not she, but the one man the article calls "he"
        fits = [person for person, called in (pronouns or {}).items() if called == gender]
        if len(fits) == 1:
            return fits[0]
        return Alone(None, f"'{pronoun}' is not {people[0]}, whom the article calls "
                           f"'{(pronouns or {})[people[0]]}'", leans=True)
    return people[0]



def own_s(text: str, before: str) -> str:
    """The possessive "'s" in the article's own apostrophe: straight where it writes them so
    ("[Loretta Briggs's] county bill … the county's tax freeze"), else curly."""
    written = text + before
    return "'s" if "'" in written and "’" not in written else "’s"

# a person spoken of again, outside quotation: "She rejected …", "… noting that he …"
SPEAKS_OF_A_PERSON = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)


# (a bare number only after a letter's stop or a bracket's, "4.1" being a figure; "[2]" after any)
FOOTNOTE_MARK_AT_END = re.compile(r"(?:(?<=[a-z])|(?<=\d)(?=[.!?][\"”’)]))([.!?][\"”’)]?)"
                                  r"(?:\[\d{1,3}\]|\d{1,3})$|([.!?][\"”’)]?)\[\d{1,3}\]$")


def mended(text: str, before: str, introduced: dict[str, str], vocabulary: Vocabulary,
           people_before: list[str] | None = None, voice: str | None = None,
           author: str | None = None, title: str = "",
           pronouns: dict[str, str] | None = None, published: str | None = None,
           owners_before: list[str] | None = None,
           going_on: dict[str, str] | None = None) -> Alone:
    """The rules above, on a sentence's text, the sentence before it, the people its article
    introduced earlier (surname → full name), the article's vocabulary and, when the article
    knows them, whom the sentence before speaks of (named or as "she"), whom its "we"
    stands for (`voice_of`), whose words it is (`author_of`) and its headline."""
    if is_sign_off(text):
        return Alone(None, "a reporter's sign-off: who reports, from where")
    if is_call_to_the_reader(text):
        return Alone(None, "addressed to the page's own reader, not news")
    text, aside = without_page_aside(text)
    # a footnote's mark points at a note no point shows: "… by 25 basis points.1"
    text = FOOTNOTE_MARK_AT_END.sub(lambda mark: mark.group(1) or mark.group(2), text)
    if points_at_the_page(text):
        return Alone(None, "points at a table, list or picture the site doesn't show")
    if announces_what_follows(text):
        return Alone(None, "announces what the sentences after it tell")
    if CONTINUES_A_LIST.match(text):  # "set forth a Priority Projects List …;" after "… to:"
        return Alone(None, "an item of a list that goes on from the sentence before it")
    text, connective = drop_connective(text)
    inside = words().connectives_inside.match(text)
    if inside and not connective:
        text, connective = f"{inside.group(1)} {text[inside.end():]}", inside.group(2)
    done = [f"'{a}' dropped" for a in (aside, connective) if a]
    then = THEN_OPENS.match(text)
    dated = [m for m in date_mentions(before, published) if m.date] if then else []
    # "Before then, Norcastle will …": the day or month named just before (not a year alone:
    # "by the end of 2027" is no "[2027]")
    if then and len(dated) == 1 and len(dated[0].date or "") >= 7:
        day = day_beside(dated[0].date or "", published or "")
        text = f"{then.group(1)} [{day}]{text[then.end():]}"
        done.append(f"'{then.group().strip(' ,')}' is {day}")
    counted = DAYS_COUNTED.match(text)
    dated = [m for m in date_mentions(before, published) if m.date] if counted else []
    # "A day later, the commission voted …" after "… sued on Monday": the day it falls on
    if counted and len(dated) == 1 and (falls := day_counted(counted, dated[0].date or "")):
        shown = day_beside(falls, published or "")
        text = f"{counted.group()} [{shown}]{text[counted.end():]}"
        done.append(f"'{counted.group()}' is {shown}")
    answer_mark = FAQ_ANSWER.match(text)
    if answer_mark and FAQ_QUESTION.match(before):  # "Q. When …?" then "A. As of March 1, …"
        text = text[answer_mark.end():]
        done.append(f"'{answer_mark.group().strip()}' dropped")
    # a person's pronoun, opening the sentence or after the time it opens with ("On Monday he
    # said …"): the one person named just before
    # ("If she does not, …" says nothing of its own about her: refused below, as it leans)
    timed = OPENING_TIME.match(text) if not ELLIPTICAL.match(text) else None
    at = timed.end() if timed else 0
    opener = re.match(r"[^\W\d_]+", text[at:])
    if opener and timed and opener.group().casefold() in words().possessive \
            and people_named(text, introduced, vocabulary):
        opener = None  # "At her hearing, Voss said …": whose, the sentence says itself
    if opener and opener.group().casefold() in words().person | words().possessive:
        said = opener.group()
        if text[at + len(said):at + len(said) + 1] in "’'":
            # "Now, he's watching …": "[Matt Hughes]'s" would read as whose
            return Alone(None, f"'{said}' in a contraction, which a name can't stand for",
                         leans=True)
        # "Her son, …": whose may be a name the sentence before gave in the possessive
        # ("For Teague's family, …"), which "she" never is
        owning = said.casefold() in words().possessive and owners_before is not None
        person = person_before(said, before, introduced, vocabulary,
                               owners_before if owning else people_before, pronouns,
                               None if owning else going_on)
        if isinstance(person, Alone):
            return person
        # named in full, as introduced: "[Ostby]" tells a reader of the box nothing
        name = person + (own_s(text, before) if said.casefold() in words().possessive else "")
        text = f"{text[:at]}[{name}]{text[at + len(said):]}"
        done.append(f"'{said}' is {person}")
    # a person's pronoun opening what the sentence reports ("Insiders told VOA that he started
    # the talks", "The minutes show that she voted against it"), where whoever reports it names
    # no one: the one person named just before, as if it opened the sentence
    reported = REPORTED_PERSON.match(text)
    if reported and "[" not in reported["head"] \
            and not people_named(reported["head"], introduced, vocabulary):
        said, at = reported["pronoun"], reported.end("head")
        person = person_before(said, before, introduced, vocabulary, people_before, pronouns,
                               going_on)
        if isinstance(person, Alone):
            return person
        text = f"{text[:at]}[{person}]{text[at + len(said):]}"
        done.append(f"'{said}' is {person}")
    first = re.match(r"[^\W\d_]+", text)
    word = first.group() if first else ""  # the text's first word, from its start
    first_word = word.casefold()
    # "This is the fourth time that Liberia …" says what "this" is
    spelled_out = words().spelled_out.match(text)
    if first_word in words().we and text[len(word):].startswith(" "):
        # "We know of 15 deaths": the words stay as they are, the one speaking named before
        # them, as a label ("[The CPSC] know of" would misread the verb)
        if not voice:
            return Alone(None, f"'{word}' with no outlet to say who speaks")
        text = f"[{voice}:] {text}"
        done.append(f"'{word}' is {voice}")
    elif first_word in words().i and text[len(word):].startswith(" "):  # not "I-95"
        if not author:
            return Alone(None, f"'{word}' is a speaker the article does not name")
        text = f"[{author}:] {text}"
        done.append(f"'{word}' is {author}")
    elif first_word == "it" and EXPLETIVE_IT.match(text) and not spelled_out:
        return Alone(None, f"'{word}' points at what the sentence before said", leans=True)
    elif timed and opener and not WEATHER_IT.match(text[at:]) and (
            opener.group().casefold() in words().thing
            or (opener.group().casefold() in words().thing_possessive and timed.group("when")
                and timed.group().rstrip().endswith(","))):
        # "On September 26, it will aim …": the thing after the opening time, as at the start
        # ("Since their arrival, Wilmore and Williams …", "Rosa Delgado, its president, …",
        # "The hospital's beds, its birthing unit …" name whose in the sentence itself)
        said = opener.group()
        subject = None if EXPLETIVE_IT.match(text[at:]) \
            else thing_subject(before, introduced, vocabulary)
        if not subject or second_candidate(before):
            return Alone(None, f"'{said}' after '{text[:at].strip(' ,')}', with nothing named "
                               "alone at the start of the sentence before", leans=True)
        owning = said.casefold() in words().thing_possessive
        name = subject + (own_s(text, before) if owning else "")
        name = re.sub(r"^The ", "the ", name)  # within the sentence
        text = f"{text[:at]}[{name}]{text[at + len(said):]}"
        done.append(f"'{said}' is {subject}")
    elif (first_word in words().thing or first_word in words().thing_possessive) \
            and not spelled_out:
        subject = thing_subject(before, introduced, vocabulary)
        if not subject:
            return Alone(None, f"'{word}' with nothing named at the start of the "
                               "sentence before", leans=True)
        second = second_candidate(before)
        if second:
            return Alone(None, f"'{word}' may be {subject} or {second}", leans=True)
        name = subject + (own_s(text, before) if first_word in words().thing_possessive else "")
        text = f"[{name[0].upper() + name[1:]}]{text[len(word):]}"
        done.append(f"'{word}' is {subject}")
    elif (back := pointing_opening(bare := after_a_connective(text))) \
            and not opening(bare, words().not_leaning) \
            and not NAMED_AT_ONCE.match(bare[len(back):]) \
            and not spelled_out and not describes(bare) \
            and not names_the_story(bare, back, title):
        return Alone(None, f"opens with '{back}', pointing back", leans=True)
    elif after_it := AFTER_IT.match(text) or ELLIPTICAL.match(text):  # "From that the …"
        return Alone(None, f"opens with '{after_it.group().rstrip(' ,')}', pointing back",
                     leans=True)
    elif (opener := OPENER_POINTED.match(text)) and not THESE_DAYS.search(opener.group()):
        # "Based on those early assessments, USAID is providing …"
        return Alone(None, f"opens with '{opener.group().rstrip(' ,')}', pointing back",
                     leans=True)
    elif rest := THE_REST.match(text):  # "The rest will come from the budget surplus."
        return Alone(None, f"opens with '{rest.group()}', pointing back", leans=True)
    elif inside := PERSON_IN_SUBJECT.match(text):
        return Alone(None, f"'{inside.group(1)}' in its subject, pointing back", leans=True)
    elif (pointed := POINTED_IN_SUBJECT.match(text)) \
            and not opening(pointed.group(1), words().not_leaning):
        return Alone(None, f"'{pointed.group(1)}' in its subject, pointing back", leans=True)
    elif count := COUNT_ALONE.match(text):  # "Nine had blood lead levels above …"
        return Alone(None, f"opens with '{count.group()}', counting what was named before",
                     leans=True)
    elif part_of_them := PART_OF_THEM.match(text):  # "The next of them is scheduled …"
        return Alone(None, f"opens with '{part_of_them.group().strip()}', pointing back",
                     leans=True)
    elif pointed_last := POINTED_AT_THE_END.search(QUOTED_TEXT.sub(" ", text)):
        return Alone(None, f"'{pointed_last.group().strip(' .,;:')}' points back", leans=True)
    elif sequel := AFTER_WHAT_CAME.search(QUOTED_TEXT.sub(" ", text)):
        return Alone(None, f"'{sequel.group()}' follows what the sentence before told",
                     leans=True)
    else:
        text, given = introduce(text, introduced, vocabulary)
        if given:
            done.append(given)
    ours = OUR_WITHIN.search(QUOTED_TEXT.sub(" ", text)) if voice else None
    if voice and ours and not done_by_voice(done) and not SAYS_WHO_WE_ARE.match(text) \
            and not names_the_voice(text[:ours.start()], voice):
        # "As detailed in our Order, Wells Fargo opened …": the outlet speaks, as a label
        text = f"[{voice}:] {text}"
        done.append(f"'{ours.group()}' is {voice}")
    own_body = OWN_BODY.match(text)
    if voice and own_body and voice.split()[-1] == own_body.group(2) \
            and len(voice.split()) > 1:
        # "The Bureau itself is levying a fine": the outlet names itself by its last word
        text = f"{own_body.group(1)} [{' '.join(voice.split()[:-1])}] {text[own_body.start(2):]}"
        done.append(f"'{own_body.group().strip()}' is {voice}")
    owner = APPOSITIVE_OWNER.match(text)
    if owner:  # "Rosa Delgado, its president, said …": whose president the sentence before says
        subject = thing_subject(before, introduced, vocabulary)
        if not subject or second_candidate(before):
            return Alone(None, f"'{owner.group(2)}' in '{owner.group(1)}, {owner.group(2)} …' "
                               "with no one thing named at the start of the sentence before",
                         leans=True)
        name = subject + own_s(text, before)
        text = f"{text[:owner.start(2)]}[{name}]{text[owner.end(2):]}"
        done.append(f"'{owner.group(2)}' is {subject}")
    speaker = QUOTED_SPEAKER.search(text)
    if speaker:  # '"They turned against a blank check," she said.'
        pronoun = speaker.group(1)
        person = person_before(pronoun, before, introduced, vocabulary, people_before, pronouns,
                               going_on)
        if isinstance(person, Alone):
            return person
        text = f"{text[:speaker.start(1)]}[{person}]{text[speaker.end(1):]}"
        done.append(f"'{pronoun}' is {person}")
    if pointing := QUOTE_POINTING.match(text):  # '"They turned against a blank check," …'
        return Alone(None, f"'{pointing.group(1)}' opening the quotation points at someone "
                           "named before", leans=True)
    if ASKED.search(text):  # "Q. What should the household do if …?" asks; the answer follows
        return Alone(None, "a question, not an answer")
    if there_points_back(text):
        return Alone(None, "'there' points at a place named before", leans=True)
    if such := such_a_one(text):  # "the effects of such tariffs"
        return Alone(None, f"'{such}' points at what the sentence before described", leans=True)
    if called_it := CALLED_IT.match(text):  # 'Paula Drescher, …, called it "a reprieve"'
        return Alone(None, f"'{called_it.group(1)}' in what someone called it points at what "
                           "the sentence before named", leans=True)
    if said_of_it := SAID_OF_IT.search(text):  # "Castellane said that would not be enough."
        return Alone(None, f"'{said_of_it.group(1)}' in '{said_of_it.group().strip()}' points "
                           "at what the sentence before said", leans=True)
    opened = sum(text.count(q) for q in QUOTES_OPEN)
    closed = sum(text.count(q) for q in QUOTES_CLOSE)
    straight = text.count('"')
    # '“… where the spire crashed," Rousselot said.': a straight mark closes the curly one
    mixed = opened == closed + 1 and straight % 2 == 1
    if closed > opened or (straight % 2 and text.rstrip().endswith('"') and not mixed
                           and not text.lstrip().startswith('"')):
        return Alone(None, "ends a quotation begun in the sentence before")
    if single := single_quotes_open(text):  # "‘We will …", never "Hawai‘i"
        text += "’" * single
        done.append("quotation closed")
    if opened > closed and not mixed:
        text += "”"
        done.append("quotation closed")
    elif straight % 2 and not mixed and OPENS_LAST.search(text):  # '"We …', 'HERMAN: "I was …'
        text += '"'
        done.append("quotation closed")
    # all quotation, closed here or not: its speaker is named after it, if anywhere
    if unattributed_quote(text):
        return Alone(None, "a quotation whose speaker it does not name", speaker_after=True)
    return Alone(text, "; ".join(done))


# "… is owned by the Wenlow River Bridge Authority": the one a thing is done by
DONE_BY = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ld|ght|nt)"
                     r"\s+by\s+((?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*)*)")
# "… plans to add an ozone treatment stage": a thing brought in after a verb
BROUGHT_IN = re.compile(r"\b([a-z][\w-]*)\s+(an?\s+(?:[\w-]+\s+){0,2}[\w-]+)")


# What is left of something named before: "The rest will come from …", "The remainder went to
# …" (not "The rest of the money …": that says of what).
# A thing named before, pointed at with no noun of its own: "112 districts spend less than
# that.", "The state covered $58,000 of that."
POINTED_AT_THE_END = re.compile(r"\b(?:than|of|like)\s+(?:that|this|those|these)\s*[.,;:!?]")
# What came after what was told before: "Explosions subsequently damaged several buildings"
AFTER_WHAT_CAME = re.compile(r"\b(?:subsequently|afterwards?|thereafter)\b(?!\s+(?:of|to)\b)",
                             re.IGNORECASE)
# Things named before, pointed at in an opening phrase set off by a comma: "Based on those
# early assessments, …", "Of these three, …" ("these days" is now, pointing nowhere)
OPENER_POINTED = re.compile(r"^(?:[\w’'-]+\s+){0,4}(?:those|these)(?:\s+[\w’'-]+){0,3},\s")
THESE_DAYS = re.compile(r"\b(?:these|those) days\b", re.IGNORECASE)
THE_REST = re.compile(r"^(?:The|the) (?:rest|remainder|balance)\b(?! of\b)")
# A thing named before, pointed at inside the subject, before its verb: "Replacing the pipes in
# that wing will cost …", "A hearing on that request is set for June 16" (not "In that case"
# after the verb, nor "in that it …", "those tested", nor "this outbreak", as often the story's
# own, nor "that year")
POINTED_IN_SUBJECT = re.compile(
    r"^(?:[^\W\d_][\w’'-]*\s+){1,6}?(?:in|on|of|at|for|from|to|with|about|by|under|over|into)"
    r"\s+((?:that|those|these)\s+(?!(?:it|he|she|they|we|i|you|is|was|are|were|has|had|"
    r"will|would|can|could|who|\w+ed)\b)[a-z][\w-]*)\s+(?:is|are|was|were|will|would|has|have|had|can|could|"
    r"may|might|must|should|cost|costs)\b")
# A person named before by a pronoun inside the subject: "The check she meant is a comparison
# …", "The two years he spent in prison were …"
PERSON_IN_SUBJECT = re.compile(
    r"^(?:The|A|An)\s+(?:[a-z][\w-]*\s+){1,3}?(he|she|they)\s+[a-z]+(?:\s+[a-z]+){0,4}?\s+"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must)\b")
# A count standing for things the sentence before named: "Nine had blood lead levels above
# …", "The remaining eight, at Caskey, should be back on by June 1" (not a year: "2019 was …")
COUNT_ALONE = re.compile(
    r"^(?:The\s+(?:remaining\s+|other\s+|last\s+|first\s+)?)?(?:\d{1,3}(?:,\d{3})?|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|"
    r"a\s+(?:dozen|handful))(?=,|\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|"
    r"might|must|should|remain|remained|remains)\b)", re.IGNORECASE)
# A part of what the sentence before named: "The next of them", "Most of those", "Each of these"
# ("Most of those polled", "those who", "one of these days" name whom they mean)
PART_OF_THEM = re.compile(r"^(?:the\s+)?(?:[^\W\d_]+\s+){1,2}of\s+(?:them\b|(?:these|those)\b"
                          r"(?!\s+(?:who|whom|that|days|\w+ed)\b))", re.IGNORECASE)

# A condition or a time told by a pronoun and a verb standing for what was said before: "If
# it does not, the building will be auctioned …", "Unless they do, …", "If so, …", "Until then,
# Esker Mills has no grocery store" (until what?).
ELLIPTICAL = re.compile(r"^(?:(?:If|Unless|When|Once|Until|Even if|Even when) (?:it|they|he|she|"
                        r"that|this|not|so)(?: (?:does|do|did|is|are|was|were|can|could|will|"
                        r"would|has|have|had|does not|do not|did not|is not|are not|cannot|will "
                        r"not|doesn['’]t|don['’]t|didn['’]t|isn['’]t|aren['’]t|won['’]t|can['’]t))?"
                        r"|(?:Until|By|Since|Before|Even) then)\s*,")
# A straight quotation mark that opens the sentence's last quotation: at the start, or after a
# space, a colon or a bracket, before a word, with no mark after it.
OPENS_LAST = re.compile(r'(?:^|[\s:(\[])"(?=[\w‘\'(\[])[^"]*$')
# "such" and a noun, not "such as …" nor "such a crowd that …": things of the kind just
# described ("feel the effects of such tariffs", "researchers call such places food deserts")
SUCH_A_ONE = re.compile(r"\bsuch\s+(?:an?\s+)?(?!as\b)[a-z][\w-]*\b(?!(?:\s+[\w-]+){0,4}?"
                        r"\s+(?:as|that)\b)")


def such_a_one(text: str) -> str | None:
    """"such tariffs" where the sentence itself describes no tariffs: things of the kind the
    sentence before described ("… dictate such purchases" after "choosing defense systems"
    says its own kind, as "such tariffs imposed by China" does after it; "no such compromise"
    denies any)."""
    unquoted = QUOTED_TEXT.sub(" ", text)
    for match in SUCH_A_ONE.finditer(unquoted):
        before = unquoted[:match.start()]
        noun = match.group().split()[-1]
        described = re.match(r"\s+(?:[a-z]+ed|that|which|who|like|of|from|in|with)\b",
                             unquoted[match.end():])
        if re.search(r"\b[Nn]o\s*$", before) or stem(noun) in stems(before) or described:
            continue  # "such tariffs imposed by China in retaliation for …" says which
        return match.group().strip()
    return None


# What someone said of what the sentence before told: "Castellane said that would not be
# enough" ("said that the plan would …" is what they said; "said it would" is the speaker's
# own plan, as a reader takes it).
SAID_OF_IT = re.compile(r"\b(?:said|says|argued|argues|added|warned|noted|acknowledged|"
                        r"conceded|agreed|insisted|estimates|estimated|believes|believed|thinks|"
                        r"thought)\s+(?:that\s+(?=(?:that|this)\s))?(that|this|those|these)\s+"
                        r"(?:would|will|"
                        r"is|was|are|were|could|can|might|may|should|must|has|had|have|means|"
                        r"meant|did|does|do)\b")
# A person's verdict on "it", told right after who they are: 'Paula Drescher, director of the
# Corriston Restaurant Alliance, called it "a four-year reprieve"' (what is "it"?), not "The
# council passed a rent law and called it something else"
CALLED_IT = re.compile(r"^(?:\[?[A-Z][\w.’'-]*\]?\s+){0,4}\[?[A-Z][\w.’'-]*\]?(?:,\s[^,]+,)?\s+"
                       r"(?:called|described|dismissed|hailed|welcomed|denounced|condemned|"
                       r"criticized|criticised|praised)\s+(it|them)\b")
# A preposition and a word standing for what was said before: "From that the county subtracts
# …", "Despite this, the board voted …", "After that, …" (not "Under that policy, …": "that"
# with its noun says what; nor "Given that the dam failed, …": a clause follows)
AFTER_IT = re.compile(r"^(?:From|Beyond|After|Before|Besides|Despite|Because of|On top of|"
                      r"In addition to|Without|Apart from|Aside from|Instead of|Along with|"
                      r"Except for|Unlike|Like) (?:that|this|these|those|it|them)"
                      r"(?=\s*,|\s+(?:the|a|an|he|she|it|they|we|I)\b)")

# An FAQ's marks: "Q. When are rents set to change?" and "A. As of March 1, …"
FAQ_QUESTION = re.compile(r"^\s*Q[.:]\s.*\?\s*$")
FAQ_ANSWER = re.compile(r"^\s*A[.:]\s+(?=\S)")

# A sentence that asks (an FAQ's "Q. …?", a reporter's "So what went wrong?"), outside quotation
ASKED = re.compile(r"\?\s*$")

# A name opening the sentence, described by whose it is: "Rosa Delgado, its president, said …"
APPOSITIVE_OWNER = re.compile(r"^((?:\[?[A-Z][\w.’'-]*\]? ){0,3}\[?[A-Z][\w.’'-]*\]?), "
                              r"(its|their) ")

# A time counted from one named before: "A day later, …", "Five months earlier, …", "Weeks
# later, …"
COUNTED_SPAN = re.compile(r"^(?:(?:\d+|a|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|several|a few|a couple of)\s+)?(?:minute|hour|day|week|"
                          r"month|year|decade)s?\s+(?:earlier|later)\b(?!\s*\[)", re.IGNORECASE)
# ... counted in days or weeks, which the day named just before places: "A day later, …"
DAYS_COUNTED = re.compile(r"^(a|one|two|three|four|five|six|seven|\d)\s+(day|week)s?\s+"
                          r"(earlier|later)(?=\s*,)", re.IGNORECASE)
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7}


def day_counted(span: re.Match[str], date: str) -> str | None:
    """The day a span counted from a day falls on ("a day later" than 2026-03-16: 2026-03-17),
    as ISO; None when the day is not known to the day."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        return None
    count = span[1].casefold()
    days = (int(count) if count.isdigit() else NUMBER_WORDS[count]) * (
        7 if span[2].casefold() == "week" else 1)
    moved = datetime.date.fromisoformat(date) + datetime.timedelta(
        days=days if span[3].casefold() == "later" else -days)
    return moved.isoformat()
# A quotation opening on a pronoun for people or things named before (not "it", which a
# speaker often says of nothing: "It's a disaster")
QUOTE_POINTING = re.compile(r"^\s*[“\"‘]\s*(They|He|She|Them|These|Those)\b")
# A speaker told by a pronoun after what they said: '"…," she said.', "The review is due in
# March, he said, and …"
QUOTED_SPEAKER = re.compile(r"(?:[”\"’'],?|,)\s+(he|she)\s+" + SAYING)

# A sentence all quotation: '"You just keep driving, because there's nobody to call."'
WHOLLY_QUOTED = re.compile(r'^\s*(?:["“«„‘]|\'(?=[A-Z]))[^"“”«»„]*["”»’\']\s*$')


def unattributed_quote(text: str) -> bool:
    """Whether the sentence is a quotation and nothing else: whose words they are is in the
    sentence before or after ("That is how Keisha Morrow … describes it")."""
    return bool(WHOLLY_QUOTED.match(text))


THERE = re.compile(r"\bthere\b(\s*[\w’']+)?", re.IGNORECASE)


def there_points_back(text: str) -> bool:
    """Whether "there" stands for a place the sentence does not name ("they will stay there"),
    rather than saying that something exists ("there is no gym") or pointing at a place named
    before it in the sentence ("returned to the north shore … below the limit there")."""
    for match in THERE.finditer(text):
        after = (match.group(1) or "").strip().casefold()
        if after in words().there_exists or after.startswith(("'", "’")):
            continue
        earlier = [w.casefold() for w in re.findall(r"[^\W\d_]+", text[:match.start()])]
        if not any(w in words().place_words for w in earlier[:-1]):
            return True
    return False


def second_candidate(before: str) -> str | None:
    """A second thing in the sentence before that "it" could stand for, besides its subject:
    the one something is done by, or a thing brought in with "a" after a verb."""
    done_by = DONE_BY.search(before)
    if done_by:
        return done_by.group(1)
    for match in BROUGHT_IN.finditer(before):
        if match.group(1).casefold() not in words().not_verbs:
            return match.group(2)
    return None


def is_a_noun(word: str) -> bool:
    """Whether the lexicon knows a word only as a noun ("administration", "officials"; not
    "plans", which may be the verb)."""
    lemmas = set(getAllLemmas(word))
    return "NOUN" in lemmas and not lemmas & {"VERB", "AUX", "ADV", "ADP"}


# A phrase of where, when or how opening a sentence, up to its comma: "In papers filed in
# federal court, the company said …" (the subject comes after it)
# (and a participle's or an infinitive's: "Built in 1964, the bridge …", "To prepare for the
# strike, the hospital …")
OPENING_PHRASE = re.compile(r"(?:In|At|On|After|Before|During|Under|With|Since|Following|Amid|"
                            r"Despite|As part of|Through|Within|To|[A-Z][a-z]+(?:ed|en|wn|lt))"
                            r"\s[^,;:“”\"]{2,80}?,\s+(?=(?:the\s|[A-Z]))")


def names_the_voice(text: str, voice: str) -> bool:
    """Whether the text names the outlet speaking, by its name, its initials or its last word
    ("The EPA has taken responsibility … our" from the US Environmental Protection Agency):
    then its "our" needs no label."""
    capitals = [w for w in voice.split() if w[:1].isupper() and w.casefold() not in ("of", "and")]
    initials = {"".join(w[0] for w in capitals[i:]) for i in range(len(capitals))
                if len(capitals) - i > 1}
    names = {voice, voice.split()[-1], *initials}
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text) for n in names)


def opening_subject(text: str, vocabulary: Vocabulary) -> str | None:
    """What a sentence opens with, when it is a name or "the" and a word or two: "The union",
    "Transit Workers Local 418", "Washington", after any phrase of where or when ("In papers
    filed in court, the company said …"). None when the opening is anything else."""
    text, _ = drop_connective(text)
    phrase = OPENING_PHRASE.match(text)
    if phrase:
        rest = text[phrase.end():]
        return opening_subject(rest[:1].upper() + rest[1:], vocabulary)
    runs = name_runs(text, vocabulary)
    for lead in ("", "The "):
        if runs and text.startswith(lead + runs[0]):
            name = runs[0] + (re.match(r" \d+\b", text[len(lead + runs[0]):]) or [""])[0]
            if len(runs) > 1 and text[len(lead + name):].startswith(f" and {runs[1]}"):
                # "The House Transportation and Infrastructure Committee wrote …": what "it"
                # stands for is one thing, so one name ("they" would stand for two)
                name = f"{name} and {runs[1]}"
            rest = text[len(lead + name):]
            if not rest.startswith(("’s", "'s")):
                # "The Trump administration has argued …", "Chinese officials did not say …":
                # a name before a noun describes it; the noun is what the sentence is about
                trailing = re.match(r"(?: [a-z]+){1,2}", rest)
                kept: list[str] = []
                for word in trailing.group().split() if trailing else []:
                    if not is_a_noun(word):
                        break
                    kept.append(word)
                return lead.lower() + " ".join([name, *kept])
    ends = words().subject_ends
    # "Officials in Ankara have said …": people named by a plural, and where they are
    plural = re.match(r"([A-Z][a-z]+s)((?: (?:in|of|at|from) [A-Z][\w-]*(?: [A-Z][\w-]*)*)?)"
                      r"(?:,| ([a-z]+))", text)
    if plural and plural.group(1).casefold() not in ends and plural.group(1) != "This" \
            and (plural.group(3) is None or plural.group(3) in ends):
        return plural.group(1).lower() + plural.group(2)
    # "An independent review ordered by the county found …": "a" or "an" is "the" once
    # named, and a participle with "by" describes the thing, as "that …" does
    text = re.sub(r"^An? (?=[a-z])", "The ", text)
    text = re.sub(r"^(The [a-z][\w-]*(?: [a-z][\w-]*)?) [a-z]+ed by [^,]*?(?= [a-z]+ed\b| "
                  r"[a-z]+s\b)", r"\1,", text)
    # "The state Department of Transportation said …": a word or two, then a name
    runs_after = name_runs(text[4:], vocabulary)
    named = re.match(r"The ((?:[a-z][\w-]* ){1,2})(\S.*)", text)
    if named and runs_after and named.group(2).startswith(runs_after[0]) \
            and not set(named.group(1).split()) & ends:  # "The hospital said St. …": no
        rest = named.group(2)[len(runs_after[0]):]
        if rest.startswith(",") or (rest.split() or [""])[0] in ends:
            return "the " + named.group(1) + runs_after[0]
    # "The current shortage of stimulant medications is …", "The flight on June 5 was …": the
    # thing with the short phrase that says which, before the verb
    verbs = "|".join(sorted((re.escape(e) for e in ends), key=len, reverse=True))
    which = re.match(r"The ((?:[a-z][\w-]* ){1,2}(?:of|on|in|for|at|from) (?:[\w’'-]+ ){0,3}?"
                     rf"[\w’'-]+) (?:{verbs})\b", text)
    # (a thing, not things: "The programs on the list …" is no "it")
    if which and not re.search(r"[^s]s$", re.split(r" (?:of|on|in|for|at|from) ",
                                                  which.group(1))[0]) \
            and not set(which.group(1).split()) & (ends | {"how", "what", "why", "who", "which",
                                                           "that", "when", "where", "whether"}):
        return "the " + which.group(1)
    match = re.match(r"The ([a-z][\w-]*)(?: ([a-z][\w-]*))?(,| ([a-z]+)|[.;:]|$)?", text)
    if not match or match.group(3) is None:
        return None  # a capitalised word or a figure follows: not a plain "the union"
    first, second, after = match.group(1), match.group(2), match.group(3)
    if first in ends:
        return None
    # "The council met.": a verb in the past is no second word of the subject ("[The council
    # met]" had stood for "it")
    if second is None or second in ends or (is_past_tense(second) and not is_a_noun(second)):
        noun = [first]
        follows = second or after.strip(" ,") or ","
    else:
        noun = [first, second]
        follows = after.strip() or ","
    return "the " + " ".join(noun) if follows in (",", ".", ";", ":") or follows in ends else None


def thing_subject(before: str, introduced: dict[str, str], vocabulary: Vocabulary
                  ) -> str | None:
    """What "it", "its", "they" or "their" stands for: what the sentence before opens with,
    unless that is a person ("Lorna Pettibone … presented her final report. It confirmed …":
    the report, not her)."""
    subject = opening_subject(before, vocabulary)
    person = subject in introduced or person_names(subject or "", vocabulary) == [subject]
    return None if person else subject


def introduce(text: str, introduced: dict[str, str], vocabulary: Vocabulary
              ) -> tuple[str, str]:
    """A surname opening the sentence gets the given names the article used before."""
    first = re.match(r"([^\W\d_][\w’'-]*)", text)
    if not first or not first.group(1)[:1].isupper():
        return text, ""
    surname = POSSESSIVE.sub("", first.group(1))
    name = introduced.get(surname)
    if not name or name == surname \
            or any(n.endswith(" " + surname) for n in person_names(text, vocabulary)):
        # nobody introduced by that name, two people by it, or the full name is here already
        return text, ""
    return f"[{name[: -len(surname)].strip()}] {text}", f"'{surname}' is {name}"


def story_names(articles: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    """Surname → the one full name the story's articles (each as its sentences' texts) give it
    ("Harper" → "Glenn Harper"); a surname two people share is left out."""
    found: dict[str, set[str]] = {}
    for texts in articles:
        for surname, names in people_in(texts).items():
            found.setdefault(surname, set()).update(names)
    # A word that opens or stands inside another name ("Corbett Markets", "Karin Halvorsen
    # Lund") may be a company's or a family's, not this one person's surname: left as written.
    inside = {word for names in found.values() for name in names for word in name.split()[:-1]}
    # So is a surname whose possessive names a business ("Tollan's said …", "the Tollan's on
    # Quarry Street" for the chain Dennis Tollan runs): "[Dennis] Tollan's" would make the
    # company a man.
    shops = frozenset().union(*(businesses_in(texts) for texts in articles))
    # ... and a word the articles also write in lowercase ("rail" beside "Southern Cross
    # Rail"): "Rail workers will return" opens on the word, not on a short name
    written = {word for texts in articles for text in texts
               for word in re.findall(r"(?<![\w’'-])[a-z][\w’'-]*", text)}
    one_each = {surname: one_person(names) for surname, names in found.items()}
    return {surname: name for surname, name in one_each.items()
            if name and surname not in inside and surname not in shops
            and surname.casefold() not in written}


def one_person(names: set[str]) -> str | None:
    """The full name, when the names a surname is given are one person's: spelled alike but
    for accents ("López Obrador", "Lopez Obrador"), or each the end of the fullest ("Lopez
    Obrador" of "Andres Manuel Lopez Obrador"); None when they are two people's."""
    fullest = max(names, key=lambda name: (len(name.split()), name))
    end = fold(fullest).split()
    if all(end[len(end) - len(fold(name).split()):] == fold(name).split() for name in names):
        return fullest
    return None


# "Tollan's said", "the Tollan's on Quarry Street", "worked at Tollan's.": a possessive that
# stands alone as a noun names a shop or a company, as a person's possessive never does (it is
# followed by what they own: "Harper's office").
POSSESSIVE_ALONE = re.compile(r"(?:\b([Tt]he)\s+)?(?<![\w’'-])([A-Z][^\W\d_]+)[’']s\b"
                              r"(?:\s*([.,;:!?])|\s+([a-z]+)\b)?")


@per_content(maxsize=4096)  # per article, as people_in
def businesses_in(texts: tuple[str, ...]) -> frozenset[str]:
    """The names an article uses in the possessive for a business: a possessive after "the",
    before a stop, or before a verb ("Tollan's would owe …")."""
    found = set()
    for text in texts:
        for match in POSSESSIVE_ALONE.finditer(text):
            article, name, stop, following = match.groups()
            lemmas = set(getAllLemmas(following)) if following else set()
            verb = bool({"VERB", "AUX"} & lemmas) and "NOUN" not in lemmas \
                and not following.endswith("ing")
            if article or stop or verb:
                found.add(name)
    return frozenset(found)


@per_content(maxsize=4096)  # per article: a save reads only its own article's names again
def people_in(texts: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Surname → the full names an article gives it."""
    vocabulary = vocabulary_of(texts)
    found: dict[str, set[str]] = {}
    for text in texts:
        for name in person_names(text, vocabulary):
            found.setdefault(name.split()[-1], set()).add(name)
    return {surname: frozenset(names) for surname, names in found.items()}


@per_content(maxsize=4096)  # per article, as people_in
def speakers_in(texts: tuple[str, ...]) -> frozenset[str]:
    """The surnames that speak somewhere in an article ("Vilsack said", "said Harper"): the
    sign that a capitalised word is a person's name, not a place's ("Du Bois, Illinois")."""
    return frozenset(POSSESSIVE.sub("", m.group(1)) for text in texts
                     for pattern in (SPEAKER, SPEAKER_AFTER) for m in pattern.finditer(text))


SPEAKER_LABEL = re.compile(r"^\[([A-Z][\w’'-]+):\]")


def in_full(text: str, names: dict[str, str], speaking: frozenset[str] = frozenset()
            ) -> tuple[str, str]:
    """A point whose speaker it names by surname alone, whom the story named in full, perhaps
    in another article ('"I'll believe it when I'm driving over it," said Harper.'), gets the
    given names in square brackets: "said [Glenn] Harper". So does anyone else it names by a
    surname alone that speaks elsewhere in the story (`speaking`): "[Tom] Vilsack is expanding"."""
    label = SPEAKER_LABEL.match(text)  # "[Brooks:] “…”": the speaker named as the story names her
    if label and names.get(label.group(1), label.group(1)) != label.group(1):
        full = names[label.group(1)]
        return f"[{full}:]{text[label.end():]}", f"'{label.group(1)}' is {full}"
    speakers = sorted([*SPEAKER.finditer(text), *SPEAKER_AFTER.finditer(text)],
                      key=lambda m: m.start(1))
    others = [m for m in BARE_NAME.finditer(text) if POSSESSIVE.sub("", m.group(1)) in speaking]
    for match in [*speakers, *others]:
        surname = POSSESSIVE.sub("", match.group(1))
        name = names.get(surname)
        if not name or name == surname or text.find(name) != -1:
            continue
        start = match.start(1)
        before = text[:start].rstrip()
        if before.endswith(("]", "[")) or re.search(r"[A-Z][\w’'.-]*$", before):
            continue  # mended already ("[Erdogan] cites …"), the end of a longer name, "Dr. X"
        given = name[: -len(surname)].strip()
        return f"{text[:start]}[{given}] {text[start:]}", f"'{surname}' is {name}"
    return text, ""


def points_back(text: str) -> bool:
    """Whether a sentence points back to the one before it: opening with a connective, a
    pronoun, a word such as "these" ("As a result, …", "He cites …", "These talks …"), or
    a quotation whose speaker is "she" ('"…," she said.': whoever the sentence before named)."""
    return bool(opening(text, words().connectives)) or refers_back(text) \
        or bool(QUOTED_SPEAKER.search(text))


# A time or place a sentence opens with, before a pronoun: "On Monday he said …", "Later,
# she added …", or a few words set off by a comma: "Unemployed, he survives …", "Asked about
# the plan, she said …", "At the new rate her county bill would be …" (the pronoun still stands
# for someone named before).
OPENING_TIME = re.compile(r"^(?:(?P<when>On|In|At|By|Later|Earlier|Last|This|Then|Afterwards|Since"
                          r"|During|After|Before|If|When|Once|Unless|Until|Although|Though|Because"
                          r"|While)\b(?:\s+[\w’'.\[\]-]+){0,4}?,?"
                          r"|[\w’'.-]+(?:\s+[\w’'.-]+){0,4}?,)\s+"
                          r"(?=(?:he|she|they|we|his|her|it|its|their)\b)")


def describes(text: str) -> bool:
    """Whether "the former" or "the latter" opening a sentence describes the noun after it
    ("The former owner of the pharmacy was resentenced") rather than standing for something
    named before ("The former said no"): the next word is no verb to the lexicon."""
    found = opening(text, ("the former", "the latter"))
    following = re.match(r"\s+([a-z]+)\b", text[len(found):]) if found else None
    return following is not None and not {"VERB", "AUX"} & set(getAllLemmas(following[1]))


def refers_back(text: str) -> bool:
    """Whether a sentence opens with a word standing for something said before it: a
    pronoun or a word such as "that" ("He cites …", "That is the assessment of …")."""
    if opening(text, words().not_leaning) or words().spelled_out.match(text):
        return False
    text = OPENING_TIME.sub("", text, count=1)  # "On Monday he said …" leans as "He said …"
    first = re.match(r"[^\W\d_]+", text)
    first_word = first.group().casefold() if first else ""
    pronouns = (words().person | words().possessive | words().thing | words().thing_possessive)
    return first_word in pronouns or bool(opening(text, words().leaning) and not describes(text))


def quotations(sentences: tuple[Sentence, ...]) -> list[range]:
    """The runs of sentences one quotation spans, where it spans more than one (by index):
    '“It is brutally unfair. It is wrong. …,” Obama said.' is three sentences."""
    runs, start, quoting = [], 0, False
    for index, sentence in enumerate(sentences):
        inside, quoting = quoting, still_quoting(sentence.text, quoting)
        if quoting and not inside:
            start = index
        elif inside and not quoting and index > start:
            runs.append(range(start, index + 1))
    return runs


def with_context(sentences: tuple[Sentence, ...], kept: list[int]) -> list[int]:
    """The kept sentences of a paragraph and, before each that points back, the one it
    points back to (and so on, for a chain); a quotation over several sentences is shown
    whole, so that its marks open and close."""
    shown, runs = set(kept), quotations(sentences)
    while True:
        before = len(shown)
        for run in runs:
            if shown & set(run):
                shown |= set(run)
        for index in sorted(shown, reverse=True):
            while index > 0 and points_back(sentences[index].text) and index - 1 not in shown:
                shown.add(index - 1)
                index -= 1
        if len(shown) == before:
            return sorted(shown)


def on_topic_with_context(paragraphs: tuple[Paragraph, ...], slug: str) -> list[list[int]]:
    """Per paragraph, the sentences about a topic and those they point back to (by index):
    what a topic page shows of an article."""
    return paragraphs_with_context(paragraphs, [
        [i for i, s in enumerate(p.sentences) if slug in s.topics] for p in paragraphs])


def paragraphs_with_context(paragraphs: tuple[Paragraph, ...], kept: list[list[int]]
                            ) -> list[list[int]]:
    """`with_context` across an article: the kept sentences of each paragraph (by index),
    and before a paragraph that opens with a word standing for what was said before it
    ("That is the assessment of a preliminary report …", "He said …"), the last sentence of
    the paragraph before (with the ones that sentence points back to in turn). A paragraph
    that opens with a connective alone ("Meanwhile, …") starts afresh."""
    shown = [with_context(p.sentences, k) if k else [] for p, k in zip(paragraphs, kept)]
    for number in range(len(paragraphs) - 1, 0, -1):
        if shown[number][:1] == [0] and refers_back(paragraphs[number].sentences[0].text):
            before = paragraphs[number - 1].sentences
            if len(before) - 1 not in shown[number - 1]:
                shown[number - 1] = with_context(before, shown[number - 1] + [len(before) - 1])
    return shown


def standalone(article: Article, sentence: Sentence) -> Alone:
    """The sentence as it can stand apart from its article, or why it can't."""
    return article_alone(Same(article))[sentence.anchor]


PAIR_WORDS = 60  # a point of two sentences, at most: about four lines on a phone


def with_the_one_before(article: Article, sentence: Sentence, before: Sentence) -> Alone:
    """A sentence that points back ("It was the first time …", "These funds …") standing
    with the sentence before it, which it points back to, when that one stands alone and
    the two are short enough to read as one point."""
    alone = article_alone(Same(article))
    mine, theirs = alone[sentence.anchor], alone[before.anchor]
    if not mine.leans or theirs.text is None or "quotation closed" in theirs.why:
        return Alone(None, mine.why)
    text = f"{theirs.text} {sentence.text}"
    if len(text.split()) > PAIR_WORDS:
        return Alone(None, mine.why)
    return Alone(text, "with the sentence before, which it points back to")


def with_the_one_after(article: Article, sentence: Sentence, after: Sentence) -> Alone:
    """A quotation that names no speaker standing with the sentence after it, when that one
    names who said it ('"You just keep driving …" That is how Keisha Morrow … describes it.')
    and the two are short enough to read as one point."""
    alone = article_alone(Same(article))
    mine, theirs = alone[sentence.anchor], alone[after.anchor]
    if not mine.speaker_after or (theirs.text is None and not theirs.leans) \
            or not people_named(after.text, {}, vocabulary_of(article.texts)):
        return Alone(None, mine.why)
    text = f"{sentence.text} {after.text}"
    if len(text.split()) > PAIR_WORDS:
        return Alone(None, mine.why)
    return Alone(text, "with the sentence after, which names its speaker")


def closes_a_quotation(text: str) -> bool:
    """Whether a sentence may close a quotation: it holds a closing or a straight mark."""
    return any(q in text for q in QUOTES_CLOSE) or '"' in text


def still_quoting(text: str, quoting: bool) -> bool:
    """Whether a quotation is open after the sentence, given whether one was before it."""
    balance = int(quoting) + sum(text.count(q) for q in QUOTES_OPEN) \
        - sum(text.count(q) for q in QUOTES_CLOSE) + single_quotes_open(text)
    if text.count('"') % 2:  # straight quotation marks: each one opens or closes
        return not quoting
    return balance > 0


def speaker_of(text: str, introduced: dict[str, str], vocabulary: Vocabulary) -> str:
    """The one person a sentence has saying something ("Kerry said the talks had been long.",
    "Mogherini told reporters:"), or "": whose words a paragraph of quotation after it is."""
    if not re.search(r"\b" + SAYING, text):
        return ""
    people = people_named(text, introduced, vocabulary)
    return people[0] if len(people) == 1 else ""


# The person a speaker spoke of or to, after the saying verb: "she said of Rooker"
SPOKEN_OF = re.compile(r"\b(?:said|says|told|wrote|added)\s+(?:of|about|to)\s+"
                       r"(?:[A-Z][\w.’'-]*\s*)+")


def quotation_speakers(paragraph: Paragraph, introduced: dict[str, str],
                       vocabulary: Vocabulary, speaker_before: str = "") -> dict[str, str]:
    """For a quotation that runs over several sentences of a paragraph, who speaks in each:
    the one person its last sentence names after the closing mark; for a paragraph that opens
    on a quotation its speaker leaves unnamed, the one person the paragraph before ended on
    saying something (`speaker_before`)."""
    speakers: dict[str, str] = {}
    run: list[str] = []
    quoting = False
    said = ""
    # who spoke the paragraph's last quotation: '“…,” said Hinds. “I thank …”'
    last = speaker_before if paragraph.sentences and opens_a_quotation(
        paragraph.sentences[0].text) and not any(  # all quotation, its speaker not said
        re.search(r"\b" + SAYING, QUOTED_TEXT.sub(" ", s.text)) for s in paragraph.sentences) \
        else ""
    for sentence in paragraph.sentences:
        inside, quoting = quoting, still_quoting(sentence.text, quoting)
        closing = max(sentence.text.rfind(q) for q in QUOTES_CLOSE + '"')
        # ('…," she said of Rooker': whom she spoke of, or to, speaks not)
        after = SPOKEN_OF.sub(" ", sentence.text[closing + 1:]) if closing >= 0 else ""
        named = (people_named(after, introduced, vocabulary)
                 if closing >= 0 and not quoting else [])
        if inside and not quoting and (len(named) == 1 or (not named and last)):
            speakers.update((anchor, named[0] if named else last)
                            for anchor in run + [sentence.anchor])
        elif not inside and not quoting and not named and (said or last) \
                and unattributed_quote(sentence.text):  # '“I want to thank the agents.”'
            speakers[sentence.anchor] = said or last
        if len(named) == 1:
            last = named[0]
        # a sentence of no quotation with one person saying something ("…, Chabot said.")
        # gives the speaker of a quotation right after it
        said = speaker_of(sentence.text, introduced, vocabulary) \
            if closing < 0 and not quoting else ""
        run = run + [sentence.anchor] if quoting else []
    return speakers


def in_quotation_marks(text: str, speaker: str, quoting: bool) -> Alone:
    """A sentence of a quotation that runs over several, as its speaker's words, the speaker
    named as the article names them ("[Craig Fair:] “…”": a surname alone may be a company's),
    or the last, which names the speaker, with its opening mark ('“…,” said Craig Fair.')."""
    text = text.strip()
    if not quoting and not still_quoting(text, quoting):  # a whole quotation
        return Alone(f"[{speaker}:] {text}",
                     f"the words of {speaker}, who spoke just before")
    if quoting and not still_quoting(text, quoting):
        closing = max(text.rfind(q) for q in QUOTES_CLOSE + '"')
        if text[closing + 1:].strip(" .”\"") and speaker.split()[-1] in text[closing:]:
            # '… misled investors,” said Craig Fair.': the speaker named, the mark is missing
            opening_mark = "“" if "”" in text else '"'
            return Alone(f"{opening_mark}{text}", "opening quotation mark added")
        text = text[:closing] + text[closing + 1:]  # '… for her crimes.”': Hinds's words
    opening_mark = "" if not quoting and opens_a_quotation(text) else "“"
    closing_mark = '"' if text[:1] == '"' else "”"
    return Alone(f"[{speaker}:] {opening_mark}{text}{closing_mark}",
                 f"the words of {speaker}, named where the quotation ends")


# what `with_days_named` adds: " [18 December]", " [April]", " [December 2025]"
DAY_NAMED = re.compile(r" \[(?:\d{1,2} )?(?:" + "|".join(MONTHS) + r")(?: \d{4})?\]")
MONTH_AWAY = re.compile(r"\b(?:last|next|previous|following) month\b", re.IGNORECASE)
MONTH_NAMED = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b\.?"
                         r"(?!\s*,?\s*\d{4})")
# an event the sentence opens with, as where what it tells happened: "At a meeting on Thursday,"
OPENING_EVENT = re.compile(r"^(?:At|During|In)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
                           r"[\w-]+\s*$")
# an event named just before its day: "called both sides to a meeting on Friday"
EVENT_BEFORE = re.compile(r"\b(?:meeting|hearing|vote|session|trial|conference|talks|summit|"
                          r"rally|election|ceremony|briefing|deadline)\s*$", re.IGNORECASE)


def quoted_at(text: str, start: int) -> bool:
    """Whether `start` falls inside a quotation."""
    before = text[:start]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def between_commas(text: str, start: int) -> str:
    """The words around `start` as far as the marks that set off a clause: "A judge on Friday
    threw out the conviction" of "…, ruling that the evidence would have …"."""
    marks = ",;:—–()"
    opens = max(text.rfind(mark, 0, start) for mark in marks) + 1
    ends = min((i for i in (text.find(mark, start) for mark in marks) if i != -1),
               default=len(text))
    return text[opens:ends]


def told_in_the_past_only(text: str) -> bool:
    return told_in_the_past(text) and not future_tense().search(text)


def away_from_the_article(mention: DateMention, published: str) -> str | None:
    """What a month told from the article's date, or a day or month told without its year in
    another year than the article's, needs beside it, whatever the tense: "last month
    [April]", "on Jan. 1 [2027]" in an article of April 2026. ("Last year" and "next year"
    are left as written: in a story of schools or budgets they may be a school or fiscal
    year, not the calendar's.)"""
    date = mention.date or ""
    if len(date) == 7 and MONTH_AWAY.search(mention.phrase):
        month = display_date(date)
        return month.split()[0] if date[:4] == published[:4] else month
    if MONTH_NAMED.search(mention.phrase) and date[:4] != published[:4]:
        return date[:4]
    return None


def clause_after(text: str, end: int) -> int:
    """Where the first clause that opens after `end` starts ("… on Wednesday night to tell the
    council what …": at "what"), or the text's end."""
    opener = CLAUSE_AFTER.search(text, end)
    return opener.start() if opener else len(text)


CLAUSE_AFTER = re.compile(r"\b(?:that|what|which|who|whether|how|why|because|when|if|after|"
                          r"before|until|unless|while|so)\b", re.IGNORECASE)


def with_days_named(text: str, published: str | None) -> tuple[str, list[str]]:
    """The text with each day it names only by its article's date ("on Friday",
    "yesterday") followed by that date in brackets, as an editor adds one ("On Friday
    [18 December], …"), where the tense leaves no doubt which day it is: a day before the
    article's in a sentence told in the past, a day after it in a clause still to come. A
    point stands apart from its article's date; its reader shouldn't have to count back."""
    if not published or len(published) < 7:
        return text, []
    past = told_in_the_past(text)
    done = []
    for mention in sorted(date_mentions(text, published), key=lambda m: -m.start):
        # a future in a clause that opens after the day says nothing of it: "filled the hall on
        # Wednesday night to tell the council what the cuts would mean"
        future = bool(future_tense().search(text[:clause_after(text, mention.start
                                                                + len(mention.phrase))]))
        away = away_from_the_article(mention, published) \
            if mention.date and mention.resolved_from == published \
            and not quoted_at(text, mention.start) else None
        if away:
            text = with_date_beside(text, mention.start + len(mention.phrase), away)
            done.append(f"'{mention.phrase}' is {away}")
            continue
        if len(published) != 10:
            continue  # an article dated to its month: a year or a month away is sure, a day not
        if not mention.date or len(mention.date) != 10 or mention.resolved_from != published \
                or any(c.isdigit() for c in mention.phrase) or quoted_at(text, mention.start):
            continue  # a speaker's "yesterday" is the day they spoke, which may be another
        ahead = still_to_come(text, mention.start)
        # a sentence told in one tense only: "will close on Friday, officials said Monday"
        # leaves each day in doubt, but for a day right after a verb in the past ("…, officials
        # said on Tuesday") or right before one ("The board on Tuesday set the rate, so bills
        # will rise"), or in words told in the past alone ("A judge on Friday threw out the
        # conviction, ruling that the evidence would have …")
        # ("runs through Sunday", "must tell the agency by Thursday": a day still to come in
        # the present tense is ahead as surely as in the future; "called both sides to a
        # meeting on Friday" may be a meeting to come, whatever the calling's tense)
        if not (mention.date == published
                or (mention.date > published and ahead and not past)
                or (mention.date < published and not ahead
                    and before_a_past_verb(text, mention.start + len(mention.phrase)))
                or (mention.date < published and not ahead and past
                    and (not future or after_a_past_verb(text, mention.start)
                         or told_in_the_past_only(between_commas(text, mention.start))))):
            continue
        if mention.date < published and EVENT_BEFORE.search(text[:mention.start]) \
                and not OPENING_EVENT.match(text[:mention.start]):
            continue  # (not "At a meeting on Thursday, parents asked …": it was held)
        day = day_beside(mention.date, published)
        text = with_date_beside(text, mention.start + len(mention.phrase), day)
        done.append(f"'{mention.phrase}' is {day}")
    return text, done


DAY_GOES_ON = re.compile(r"[’']s\b|\s+(?:morning|afternoon|evening|night)\b")


def day_beside(date: str, published: str) -> str:
    """A day as shown beside a point: "18 December", without the year when it is the
    article's."""
    day = display_date(date)
    return day.rsplit(" ", 1)[0] if date[:4] == published[:4] and " " in day else day


def with_date_beside(text: str, end: int, day: str) -> str:
    """The text with a day in brackets after the words ending at `end`, past a possessive or
    a time of day: "last month's [September] leak", "on Tuesday night [7 October]"."""
    after = DAY_GOES_ON.match(text[end:])
    end += after.end() if after else 0
    return f"{text[:end]} [{day}]{text[end:]}"


@per_content(maxsize=4096)  # per article; under `mkdocs serve` a save redoes the saved one
def article_alone(same: Same[Article]) -> dict[str, Alone]:
    """Every sentence of an article as it stands alone, in one pass: the article's vocabulary
    read once, and the people it has introduced so far carried along, so a long article
    costs its length."""
    article = same.value
    vocabulary = vocabulary_of(article.texts)
    introduced: dict[str, str] = {}  # surname → the full name it was last introduced by
    shared: set[str] = set()  # surnames two people named in full share: left as written
    shops = businesses_in(article.texts)  # surnames that also name a business: left as written
    alone, before = {}, ""
    people: list[str] = []  # whom the sentence before speaks of
    owners: list[str] = []  # whom its "his" or "her" may stand for: its possessives too
    going_on: dict[str, str] = {}  # whom its own "he" or "she" stood for
    voice = voice_of(article.meta.outlet)
    author = author_of(article.title, article.sentences[0].text if article.sentences else "",
                         vocabulary, tuple(f.text for f in article.furniture if f.kind == "byline"))
    # one person's statement speaks in their "we" and "our", whoever published or reposted it
    voice = author or voice
    named_author = author
    turns = turn_speakers(article)  # a transcript's: who speaks each paragraph
    quoting = False  # a quotation opened in an earlier sentence of the paragraph is still open
    first_of = {p.sentences[0].anchor: p for p in article.paragraphs if p.sentences}
    speakers: dict[str, str] = {}
    pronouns = article_pronouns(article, vocabulary)  # person → "he" or "she"
    for sentence in article.sentences:
        if sentence.anchor in first_of:
            quoting = False
            if turns:
                # a transcript's speaker speaks for "I" and "we" too: not the outlet that
                # published the transcript; a turn of no one named ("QUESTION:"), no one's
                author = voice = the_office_holder(turns.get(first_of[sentence.anchor].anchor),
                                                   named_author)
            speakers = quotation_speakers(first_of[sentence.anchor], introduced, vocabulary,
                                          speaker_of(before, introduced, vocabulary))
        if sentence.anchor in speakers:
            # '“Holmes chose fraud over business failure. A jury has determined … that she
            # intentionally misled investors,” said Craig Fair.': the first is Fair's words,
            # shown as his; the last, which names him, gets its opening mark
            alone[sentence.anchor] = in_quotation_marks(sentence.text, speakers[sentence.anchor],
                                                        quoting)
        elif quoting and not closes_a_quotation(sentence.text):
            alone[sentence.anchor] = Alone(None, "inside a quotation begun before")
        else:
            alone[sentence.anchor] = mended(sentence.text, before, introduced, vocabulary,
                                            people, voice, author, article.title, pronouns,
                                            article.meta.published, owners, going_on)
        shown = alone[sentence.anchor]
        if shown.text is not None:
            text, days = with_days_named(shown.text, article.meta.published)
            if days:
                alone[sentence.anchor] = Alone(text, "; ".join(filter(None, [shown.why, *days])),
                                               shown.leans, shown.speaker_after)
        quoting = still_quoting(sentence.text, quoting)
        # a sentence that names nobody ('"…," she said.') leaves "she" to whoever was named
        # last, as a reader takes it
        # ("For Teague's family, the ruling …" speaks of Teague, not of whoever came before:
        # the people before go on only through a sentence that names no one, or that speaks
        # of them again by "he" or "she")
        plain = people_named(POSSESSIVE_NAME.sub(" ", sentence.text), introduced, vocabulary)
        unquoted = QUOTED_TEXT.sub(" ", sentence.text)
        anyone = list(dict.fromkeys(plain + people_named(unquoted, introduced, vocabulary)))
        # (but "The 59-year-old stationmaster directed the trains." is someone else: his "He"
        # in the next sentence is no one named before)
        goes_on = (not anyone or bool(SPEAKS_OF_A_PERSON.search(unquoted))) \
            and not someone_unnamed_as_subject(sentence.text)
        owners = list(dict.fromkeys(anyone + (people if goes_on and not plain else [])))
        people = plain or (people if goes_on else [])
        going_on = {said.casefold(): person for said, person
                     in PERSON_MENDED.findall(alone[sentence.anchor].why)}
        introduce_names(sentence.text, vocabulary, introduced, shared, shops)
        before = sentence.text
    return alone


# A subject that is a person not named: "The 59-year-old stationmaster allegedly directed …",
# "A driver said …" (the article, up to three describing words, then the noun)
UNNAMED_SUBJECT = re.compile(r"^(?:The|A|An)\s+(?:[\w’'-]+\s+){0,3}?([a-z][a-z-]+)\s+[a-z]")
PERSON_ENDINGS = ("master", "man", "woman", "person", "ist", "ian")


def someone_unnamed_as_subject(text: str) -> bool:
    """Whether a sentence's subject is a person it doesn't name ("The stationmaster …"): a
    title, or a noun for one who does something (a doer's ending: "driver", "operator",
    "stationmaster", "pharmacist"). A thing taken for a person ("The computer") only leaves a
    later "he" unresolved, never wrongly named."""
    subject = UNNAMED_SUBJECT.match(text)
    if subject is None:
        return False
    noun = subject.group(1)
    if is_a_title(noun):
        return True
    classes = word_classes(noun)
    if classes and "NOUN" not in classes:
        return False  # (a word the lexicon doesn't know, "stationmaster", by its ending)
    doer = noun.endswith(("er", "or")) and any(
        "VERB" in word_classes(base) for base in (noun[:-2], noun[:-1], noun[:-2] + "e"))
    return doer or noun.endswith(PERSON_ENDINGS)


# what `mended` did for a person's pronoun: "'She' is Miriam Oakes"
PERSON_MENDED = re.compile(r"'(he|she|He|She)' is ([^;]+)")


def introduce_names(text: str, vocabulary: Vocabulary, introduced: dict[str, str],
                    shared: set[str], shops: frozenset[str]) -> None:
    """The people a sentence names in full, added to those the article introduced."""
    for name in person_names(text, vocabulary):
        surname = name.split()[-1]
        if surname in shops or surname in shared:
            continue
        if surname in introduced and len(name.split()) > 1 \
                and len(introduced[surname].split()) > 1 \
                and introduced[surname].split()[0] != name.split()[0]:
            # "Rosalind Teague" and "Jerome Teague": a bare "Teague" is either, named
            # as the article names them
            shared.add(surname)
            introduced[surname] = surname
            continue
        introduced[surname] = name


def article_pronouns(article: Article, vocabulary: Vocabulary) -> dict[str, str]:
    """Person → "he" or "she", as the article says anywhere in it: "Marsh said she …", "Ms.
    Ambrose", or '"…," she said.' right after a sentence in which that one person speaks
    ("Santhanam said the project would file the claim. "…," she said."). A pronoun of the
    other gender is someone else's, whether it comes before or after."""
    introduced: dict[str, str] = {}
    shared: set[str] = set()
    shops = businesses_in(article.texts)
    pronouns: dict[str, str] = {}
    before = ""
    for sentence in article.sentences:
        unquoted = QUOTED_TEXT.sub(" ", sentence.text)
        speaker = QUOTED_SPEAKER.search(sentence.text)
        if speaker and not people_named(unquoted, introduced, vocabulary):
            spoke = speaker_of(QUOTED_TEXT.sub(" ", before), introduced, vocabulary)
            if spoke:
                pronouns.setdefault(spoke, speaker.group(1).casefold())
        introduce_names(sentence.text, vocabulary, introduced, shared, shops)
        # (a speaker's words say it as well: '"… Mr. Kellum …," Marsh said')
        named = people_named(sentence.text, introduced, vocabulary)
        for name, pronoun in pronouns_told(sentence.text, named).items():
            pronouns.setdefault(name, pronoun)
        before = sentence.text
    return pronouns
