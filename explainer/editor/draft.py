"""`build.py --draft` (`make draft`): what an editor would otherwise type, drafted from the
articles into `seeds/drafts/` beside the editor's files, never touching a file the editor wrote.

    draft_files(seeds_dir) → {"glossary.yml": text, "timeline.yml": text, ...}

- **glossary**: every name, acronym and key term the articles use that the editor's glossary
  lacks (and its `known:` list doesn't excuse), with the article's own spellings as aliases
  (an acronym and its expansion, a surname and the full name) and, where an article defines
  it ("X, the Y that…", "X (Y)", "Y X said", "X is a…"), that defining phrase, quoted and
  sourced to its sentence; where none does, the entry says so.
- **timeline**: every dated mention the articles make, absolute or relative to the article's
  date, at the precision its words give, with a short headline from its sentence, the phrase
  that links it to that sentence, that sentence's topics, and how the date was worked out.
- **topics**: without a `topics.yml`, three to six topics from the story's recurring names
  and key phrases, each with a reader's question and signals; with one, the signals a newer
  article suggests for the existing topics.

Only what the editor's files don't hold is drafted, so a follow-up drafts only what is new.
Everything drafted is a proposal: the site shows it marked as a draft and `--strict` refuses
it until the editor moves it into their own file (guides/editor.md, "Drafts").
"""

from __future__ import annotations

import bisect
import heapq
import math
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TypedDict

import yaml
from lemminflect import getInflection

from ..dates import (
    CALENDAR_WORDS,
    MONTHS,
    RELATIVE_DAYS,
    DateMention,
    auxiliary_verbs,
    date_mentions,
    display_date,
    first_day,
    is_past_tense,
    last_named_year,
    reporting_verbs,
    told_in_the_past,
    word_list,
    year_tells_no_event,
)
from ..errors import InputError
from ..escape import ADDRESS_IN_TEXT, is_web_address
from ..fold import fold
from ..memo import per_process
from ..model import Article, Sentence, Topic
from ..read.data import DataFile, read_data_file
from ..read.load import load_article
from ..read.people import is_title_word
from ..read.schema import (
    DATA_FILES,
    DRAFT_FILES,
    LINE_MAX,
    PROSE_MAX,
    GlossaryFile,
    StoryFile,
    TimelineFile,
    TopicsFile,
)
from ..read.seedfiles import article_slug, display_path, scan_seeds
from ..understand.answers import Stems, cue_hits, rules
from ..understand.audit import covered_by
from ..understand.classify import classify_article, classify_story
from ..understand.names import (
    ACRONYM,
    ACRONYM_THEN_BRACKETS,
    acronym_letters,
    common_openers,
    dotted_parts,
    expansion_before,
    hyphen_parts,
    in_headline_case,
    initials_of,
    is_body_word,
    names_by_sentence,
    spells,
    vocabulary_of,
)
from ..understand.segment import builtin_abbreviations, segment_article
from ..understand.standalone import (
    DAY_NAMED,
    QUOTED_TEXT,
    is_call_to_the_reader,
    is_sign_off,
    opens_a_quotation,
    speakers_in,
    standalone,
    story_names,
)
from ..understand.wordforms import reports_speech, stems, word_classes
from ..urls import slug_of
from .definitions import defining_phrase
from .rarity import frequency, is_plain_compound, is_rare, made_from_a_known_word, may_be_a_thing
from .write import discard, refused, stage_files

DRAFTS = "drafts"  # seeds/drafts/: the drafted files, which the generator owns
TOPICS_MIN, TOPICS_MAX = 3, 6
# An editor asks four or five questions of a story (the labelled stories' editors wrote four to
# six topics, most of them five): two groups of a topic's size are not merged into one while
# that would leave fewer than four, and groups that share little are merged while more than
# five are left.
QUESTIONS_FEWEST, QUESTIONS_MOST = 4, 5
SIGNALS_MAX = 10
EVERYDAY_WORD = 5.0  # Zipf: "hour" (5.1), "drive" (5.2) name no topic; "fare" (3.9) may
GROUP_MIN = 3  # sentences: fewer make no topic
GROUP_LINK = 0.08  # groups whose sentences share less than this (cosine) stay apart
GROUP_SHARE_MAX = 0.5  # a group of more than half the story's sentences is the story itself
HEADLINE_WORDS = 12
HEADLINE_MOST = 20  # a clause whole from its subject to its date, rather than a fragment
SUBORDINATE_OPENERS = frozenset({"whether", "that", "if"})  # "… whether Turkey could rejoin"
RELATIVE_OPENERS = frozenset({"that", "which", "who"})  # "… inflation that soared …"
NOT_OPENING_A_CLAUSE = frozenset({"and", "but", "which", "who"})  # (as a headline's opening)
DATE_WORDS = 2  # "in 2019", "last month": the words a date takes, for a headline to hold it
DATE_REACH = 4  # a headline runs this many words past its length to reach its date
NAME_END_WORDS = 3  # a headline runs this many words past its length to end a name whole
SCALE = re.compile(r"(?:million|billion|trillion|thousand|percent)\b", re.IGNORECASE)
FIGURE_WORD = re.compile(r"[$€£]?\d[\d,.]*")  # "38,000", "$1.8": cut from what it counts
# A sentence's first clause this short may be the subject of a later one, if it opens with an
# article or a name ("Balwani, 53, …, was employed"; not "Under cross-examination, …").
SUBJECT_WORDS = 5
REPORT_WORDS = 6  # after "said": "in a statement on Tuesday", no more
OBJECT_CLAUSE_OPENERS = frozenset({"the", "a", "an", "it", "he", "she", "they", "we", "its",
                                   "their", "his", "her"})  # "which it received": a new subject
OPENING_PREPOSITIONS = frozenset({"for", "on", "in", "at", "by", "during", "since", "after",
                                  "before", "until", "early", "late", "last", "this", "over"})
ARTICLES = frozenset({"the", "a", "an"})
OWNERS = frozenset({"his", "her", "its", "their", "our", "your", "my"})
ASIDE = re.compile(r"\s*\([^()]*\)")  # "(11 years, 3 months)", "(Grid Monitor)"
# A headline cut at twelve words does not end on a word that leads to more.
DANGLING = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "for", "from", "by", "and",
                      "or", "with", "as", "that", "through", "until", "since", "between", "when",
                      "which", "who", "his", "her", "its", "their", "our", "your", "my", "into",
                      "onto", "upon", "about", "against", "during", "under", "without", "within",
                      "among", "toward", "towards"})
# ... and, where the headline is cut, a clause's subject or opener: "… on charges that they"
CUT_DANGLING = frozenset({"they", "he", "she", "it", "we", "whether", "because", "if"})
MENTION_MIN_WORDS = 4
STORY_SHARE = 0.3  # a phrase in this share of the sentences or more names the story, not a topic
# Endings of words that are rarely a term's last word: verbs and adverbs ("promised", "widely").
NOT_A_NOUN_ENDING = re.compile(r"(?:ed|ly|ing)$")
# Endings of words that describe rather than name: "corrosive", "navigable", "geopolitical".
DESCRIPTION_ENDING = re.compile(r"(?:ed|ly|ous|able|ible|ful|less|ive|ical|iest)$")
VERB_ENDING = re.compile(r"(?:ate|ize|ise|ify|ates|izes|ises|ifies)$")
# A word in -ate or -ize is a noun after one of these ("such as orthophosphate", "the mandate"),
# a verb after anything else ("crops there deteriorate").
NOUN_BEFORE = frozenset(["the", "a", "an", "of", "as", "for", "with", "in", "on", "by", "from",
                         "into", "and", "or", "its", "their", "his", "her", "our", "no"])
# A word right after one of these is a verb ("to ratify", "will launder"), not a term.
VERB_BEFORE = frozenset(["to", "will", "would", "can", "could", "may", "might", "must", "should",
                         "shall", "did", "does", "do", "not", "helped", "help", "helps"])
HEADER = {
    "glossary.yml": "Drafted glossary entries: review each, then move it into seeds/glossary.yml "
                    "(or the name into its known: list). A definition is quoted from the "
                    "sentence in `quote`; `definition: null` means the articles define nothing.",
    "timeline.yml": "Drafted timeline events: check each date (`resolved` says how it was "
                    "worked out) and headline, then move the event into seeds/timeline.yml.",
    "topics.yml": "Drafted topics (or, under `signals:`, signals for your existing topics): "
                  "edit the title, question and signals, then move them into seeds/topics.yml.",
    "explainer.yml": "Drafted title and summary: rewrite them, then save this file as "
                     "seeds/explainer.yml.",
}


@per_process(maxsize=1)
def plain_words() -> frozenset[str]:
    """Words that make no term on their own (plain-words.txt)."""
    text = resources.files(__package__).joinpath("plain-words.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


# The drafted entries, as the drafted files write them (yaml.safe_dump takes mappings): the
# fields of read/schema.py's TopicEntry, DraftTermEntry and DraftEventEntry.


class DraftedTopic(TypedDict):
    slug: str
    title: str
    question: str
    signals: list[str]


class DraftedTerm(TypedDict):
    term: str
    aliases: list[str]
    definition: str | None  # the articles' own defining phrase, or none: the editor writes one
    quote: str  # the sentence it comes from (or the first that uses the term)
    source: str | None


class DraftedEvent(TypedDict):
    date: str
    headline: str
    text: str
    topics: list[str]
    mentions: list[str]
    source: str | None
    resolved: str | None  # how a date the words leave open was worked out


# ---- reading the story -----------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """The articles (segmented, newest last) and the editor's data files that exist."""

    articles: tuple[Article, ...]
    editor: dict[str, DataFile]

    def sentences(self) -> list[tuple[Article, Sentence]]:
        return [(a, s) for a in self.articles for s in a.sentences]


def read_story(seeds_dir: Path) -> Story:
    """The articles and the editor's data files, read by the seeds folder's rules."""
    listing = scan_seeds(seeds_dir)
    editor = {name: read_data_file(path, DATA_FILES[name]) for name, path in listing.data.items()}
    abbreviations = builtin_abbreviations()
    if "explainer.yml" in editor:
        abbreviations += tuple(editor["explainer.yml"].of(StoryFile).abbreviations)
    articles = [segment_article(load_article(p, listing.metas.get(article_slug(p))),
                                abbreviations) for p in listing.articles]
    articles.sort(key=lambda a: (a.meta.published or "", a.slug))
    return Story(tuple(articles), editor)


def editor_spellings(story: Story) -> set[str]:
    """Every term, alias and known name of the editor's glossary, casefolded."""
    glossary = story.editor.get("glossary.yml")
    if glossary is None:
        return set()
    entries = glossary.of(GlossaryFile)
    spellings = {k.casefold() for k in entries.known} | {fold(k) for k in entries.known}
    for term in entries.terms:
        spellings |= {s.casefold() for s in (term.term, *term.aliases)}
    return spellings


def covered(name: str, spellings: set[str]) -> bool:
    """Whether a name is covered as the build sees it (either holds the other; a known name
    however accented)."""
    return covered_by(name.casefold(), spellings) or covered_by(fold(name), spellings)


def article_url(article: Article) -> str | None:
    url = article.meta.url
    return url if url and is_web_address(url) else None


def sentence_id(article: Article, sentence: Sentence) -> str:
    return f"{article.slug}#{sentence.anchor}"


# ---- key phrases -------------------------------------------------------------------------------

PHRASE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
POSSESSIVE = re.compile(r"[’']s?$")
CONTRACTED = frozenset({"t", "re", "ve", "ll", "d", "m"})  # "can't" as stems: names nothing


def key_phrases(text: str, max_words: int = 3, through_names: bool = True) -> list[str]:
    """Runs of one to three content words in a sentence (lowercase, as written otherwise),
    neither starting nor ending with a plain word, never across punctuation (nor, without
    `through_names`, ending inside a name); each once, in a fixed order so that drafts come
    out the same on every run."""
    phrases: dict[str, None] = {}
    # (nor across a figure: "minus 30 degrees Celsius" holds no "minus degrees Celsius", nor
    # through a web or e-mail address: "noaa.gov/pws" is no word)
    text = ADDRESS_IN_TEXT.sub(",", text)
    for chunk in re.split(r"[,;:()\[\]“”\"—–.!?]|\s-\s|\s[$€£]?\d\S*\s", text):
        words = PHRASE_WORD.findall(chunk)
        for size in range(1, max_words + 1):
            for i in range(len(words) - size + 1):
                run = words[i:i + size]
                if run[0].casefold() in plain_words() or run[-1].casefold() in plain_words():
                    continue
                if NOT_A_NOUN_ENDING.search(run[-1]) or NOT_A_NOUN_ENDING.search(run[0]):
                    continue
                if POSSESSIVE.search(run[-1]):  # "the plane's": its thing is the next word
                    continue
                if any(w.casefold() in plain_words() for w in run[1:-1]):
                    continue
                if size == 1 and (len(run[0]) < 4 or run[0][0].isupper()):
                    continue
                if not through_names and cuts_a_name(words, i, i + size):
                    continue
                phrases[" ".join(run)] = None
    return list(phrases)


def cuts_a_name(words: list[str], start: int, end: int) -> bool:
    """Whether words[start:end] begins or ends inside a run of capitalised words: "Works
    Director Ana" of "Public Works Director Ana Ruiz" is part of a name, not a phrase."""
    def capitalised(index: int) -> bool:
        return 0 <= index < len(words) and words[index][:1].isupper()
    return (capitalised(start) and capitalised(start - 1)) or \
        (capitalised(end - 1) and capitalised(end))


def phrase_sentences(story: Story) -> dict[Stems, set[int]]:
    """Each key phrase (by its stems) → the sentences (numbered in story order) holding it;
    not a sentence that says nothing of the story (a greeting, thanks, a sign-off, a line to
    the page's reader: "Good afternoon, everyone.", "We stand adjourned.")."""
    found: dict[Stems, set[int]] = defaultdict(set)
    for number, (_, sentence) in enumerate(story.sentences()):
        if is_sign_off(sentence.text) or is_call_to_the_reader(sentence.text):
            continue
        for phrase in key_phrases(sentence.text):
            found[stems(phrase)].add(number)
    return found


def name_fragments(story: Story) -> set[Stems]:
    """The phrases only ever written as part of a longer name ("Works Director Ana" of
    "Public Works Director Ana Ruiz"): they group sentences as the name does, but name no
    topic."""
    cut: set[Stems] = set()
    whole: set[Stems] = set()
    for _, sentence in story.sentences():
        every = key_phrases(sentence.text)
        alone = key_phrases(sentence.text, through_names=False)
        cut.update(stems(p) for p in every if p not in alone)
        whole.update(stems(p) for p in alone)
    return cut - whole


def only_in_expansions(story: Story) -> set[Stems]:
    """The names and phrases only ever written inside an acronym's expansion bracketed after
    it ("Origins" of "OSIRIS-REx (Origins, Spectral Interpretation, Resource Identification
    and Security – Regolith Explorer)"): they spell the acronym's name and name nothing of
    their own, as "Works Director Ana" of a person's name does not (`name_fragments`)."""
    inside: set[Stems] = set()
    outside: set[Stems] = set()
    for article in story.articles:
        bare = tuple(ACRONYM_THEN_BRACKETS.sub(r"\1", text) for text in article.texts)
        for text, without in zip(article.texts, bare):
            for _, expansion in ACRONYM_THEN_BRACKETS.findall(text):
                inside.update(stems(p) for p in key_phrases(expansion))
                inside.update(stems(w) for w in PHRASE_WORD.findall(expansion)
                              if w[:1].isupper())
            outside.update(stems(p) for p in key_phrases(without))
        for names in names_by_sentence(bare):
            outside.update(stems(name) for name in names)
    for article in story.articles:
        for text, names in zip(article.texts, names_by_sentence(article.texts)):
            expanded = " ".join(e for _, e in ACRONYM_THEN_BRACKETS.findall(text))
            inside.update(stems(name) for name in names if name in expanded)
    return inside - outside


def spelled(story: Story) -> dict[Stems, str]:
    """Each phrase's stems → its most frequent spelling in the articles."""
    spellings: dict[Stems, Counter[str]] = defaultdict(Counter)
    for _, sentence in story.sentences():
        for phrase in key_phrases(sentence.text):
            spellings[stems(phrase)][phrase] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in spellings.items()}


# ---- topics ------------------------------------------------------------------------------------


def named_sentences(story: Story) -> dict[Stems, set[int]]:
    """Each name and key phrase (by its stems) → the sentences holding it: the names a
    sentence writes, and those it names as a reader reads it (`as_read`): a quotation names
    its speaker, "he" the person meant, "Hughes" the full name the story gives him."""
    found = phrase_sentences(story)
    number = 0
    for article in story.articles:
        for written, read in zip(names_by_sentence(article.texts),
                                 names_by_sentence(as_read(article))):
            for name in (*written, *read):
                found[stems(name)].add(number)
            number += 1
    return found


SAID_BY = re.compile(r"^\[([^\]]+):\]\s*")  # "[Bequette:] “…”": the speaker's words
# "[FEMA:] Our teams …", "[President Biden:] I was …": whose "we" or "I" it is, the voice of
# the whole article, not someone the sentence names (it would name them in every sentence)
VOICE = re.compile(r"^\[[^\]]+:\]\s*(?![“\"‘'])")
ADDED = re.compile(r"\[([^\]]*)\]")  # "[Matt] Hughes", "[Daniel Glaser] refused", "[1 August]"


def as_read(article: Article) -> tuple[str, ...]:
    """The article's sentences as each stands alone (`standalone`), with what it adds written
    plainly: a quotation opens with the name of its speaker ("Bequette said: …"; not the
    article's own voice, whose "we" speaks in many sentences), a pronoun
    or a surname is the person named in full, and an added date is left out (it names no one).
    A sentence that can't stand alone is read as written."""
    texts = []
    for sentence in article.sentences:
        text = standalone(article, sentence).text or sentence.text
        text = VOICE.sub("", text)
        text = SAID_BY.sub(lambda m: f"{m.group(1)} said: ", text)
        text = ADDED.sub(lambda m: m.group(1) if m.group(1)[:1].isupper() else "", text)
        texts.append(text)
    return tuple(texts)


def candidate_signals(story: Story) -> tuple[list[tuple[Stems, set[int]]],
                                             list[tuple[Stems, set[int]]]]:
    """Names and key phrases found in at least two sentences but not in most of them, and
    those so common they name the story rather than one of its topics."""
    total = max(1, len(story.sentences()))
    found = sorted((key, numbers) for key, numbers in named_sentences(story).items() if key)
    return ([(key, numbers) for key, numbers in found
             if 2 <= len(numbers) < STORY_SHARE * total],
            [(key, numbers) for key, numbers in found if len(numbers) >= STORY_SHARE * total])


def draft_topics(story: Story) -> list[DraftedTopic]:
    """Three to six topics, one per group of sentences that keep naming the same things: the
    sentences are grouped by the names and key phrases they share (but for the names of the
    people quoted, `grouping_candidates`; with their paragraph's,
    as a reader reads a sentence in its paragraph), and each group's signals are phrases it
    uses more than the other groups do that, together, find most of its sentences. A group
    none of those phrases marks (a short story's paragraph on one part of its subject) takes
    its signals from the story's own words, held to the same rules: it is still a topic.
    A group none of those phrases marks whose sentences keep telling one doing ("Replacing a
    line means digging …", "until a line is replaced") is marked by that verb (`doings`)
    before the story's own words. A group's sentence none of its signals finds is found by a
    name it alone writes (`with_own_names`). A story longer than TOPIC_SENTENCES is read in
    evenly spaced paragraphs (`sampled`)."""
    story = sampled(story)
    candidates, story_wide = candidate_signals(story)
    # a piece of a name, or of a longer phrase wherever it is used ("gas industries" of
    # "natural gas industries"), groups sentences but names no topic
    fragments = name_fragments(story) | only_within_a_longer(dict(candidates)) \
        | only_in_expansions(story)
    spelling = spelled(story) | names_spelled(story)
    nameable = [(key, numbers) for key, numbers in candidates if key not in fragments
                and places_a_sentence(spelling.get(key, " ".join(key)))]
    doing = doings(story)
    told = [(key, numbers) for key, (_, numbers) in sorted(doing.items())]
    spelling |= {key: spelled_as for key, (spelled_as, _) in doing.items()}
    topics = []
    answering = answers_by_kind([sentence.text for _, sentence in story.sentences()])
    found_by = dict(nameable) | dict(story_wide)
    describing = words_before_a_noun(story)
    describing |= peoples(story, set(spelling.values()))
    people = people_named(story)
    once = names_once(story, fragments)
    for members in sentence_groups(story, grouping_candidates(story, candidates)):
        signals = group_signals(members, nameable) \
            or group_signals(members, told, frozenset(doing)) \
            or group_signals(members, story_wide)
        if signals:
            signals = with_own_names(signals, members, found_by, once)
            named = title_first([spelling.get(k, " ".join(k)) for k in signals], describing,
                                people)
            topics.append(topic_entry(with_heads(named, story, people), story,
                                      asked_most(members, answering)))
    return topics


def with_heads(signals: list[str], story: Story, people: frozenset[str] = frozenset()
               ) -> list[str]:
    """The signals, and after them the common noun the articles go on to call a name among
    them by ("the new rule", "the bank"): the noun the name ends on ("the Lead and Copper
    Rule"), or the one a phrase beside it says it is ("Harlow Transit, the city-owned agency
    that runs the buses", "the bank, Banco Delta Asia"); not a person's (`people`: "Luis
    Arroyo, a driver" is no driver of the topic). A reader knows what "the rule" means, and
    an editor's signals find the sentences that call it so."""
    taken = {stems(s) for s in signals}
    heads = []
    texts = [sentence.text for _, sentence in story.sentences()]
    for signal in signals:
        words = signal.split()
        named = [words[-1].casefold()] if len(words) > 1 and words[-1][:1].isupper() else []
        if signal[:1].isupper() and signal not in people:
            after = re.compile(rf"{re.escape(signal)},\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?"
                               r"([a-z][\w-]*)(?=\s+(?:that|which|who|in|of|for|based)\b|[,.;])")
            before = re.compile(r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*),\s+"
                                rf"{re.escape(signal)}\b")
            named += [m.group(1) for text in texts for told in (after, before)
                      for m in told.finditer(text)]
        for head in named:
            if head in plain_words() or "NOUN" not in word_classes(head) \
                    or stems(head) in taken:
                continue
            calls = re.compile(rf"\b(?:the|this|that)\s+(?:[a-z][\w-]*\s+)?{re.escape(head)}\b")
            if any(calls.search(text) for text in texts):
                taken.add(stems(head))
                heads.append(head)
    return [*signals, *heads]


# Sentences the topics are drafted from, at most: a longer story's every paragraph would cost
# time and memory as its sentences squared (a 400 KB story's 4,600 sentences hold 2.7 million
# pairs that share a phrase), and the things it keeps naming recur in a sample as well.
TOPIC_SENTENCES = 3000


def places_a_sentence(signal: str) -> bool:
    """Whether a signal names something a sentence can be placed by: a name, a phrase, or a
    word the lexicon knows as more than a description ("together", "critical" describe
    anything a sentence is about, and name none of it)."""
    if " " in signal or signal[:1].isupper():
        return True
    classes = word_classes(signal)
    return not classes or not classes <= {"ADJ", "ADV"}


def sampled(story: Story) -> Story:
    """The story, or for one of more than TOPIC_SENTENCES sentences every n-th paragraph
    of it, as many as hold about that many sentences."""
    total = len(story.sentences())
    if total <= TOPIC_SENTENCES:
        return story
    step = math.ceil(total / TOPIC_SENTENCES)
    articles, number = [], 0
    for article in story.articles:
        kept = []
        for paragraph in article.paragraphs:
            if number % step == 0:
                kept.append(paragraph)
            number += 1
        if kept:
            articles.append(replace(article, paragraphs=tuple(kept)))
    return replace(story, articles=tuple(articles))


# What a reader would ask about a thing, by the kind of answer its sentences hold most
# (questions.yml): each question reads back as that kind. Measured against the editors'
# questions of the labelled stories, a question chosen so shares its kind with the editor's
# topic it best matches four times in ten, the generic one once in ten ("who is responsible"
# was dropped: none of its eleven choices matched).
QUESTION_FORMS = {
    "cost": "How much will the {thing} cost, and who pays?",
    "action": "What is being done about the {thing}?",
    "why": "What is behind the {thing}?",
}
ASKED_SHARE = 0.3  # of the group's sentences holding that kind's answer words, at least
ASKED_LIFT = 1.5  # ... and this many times the story's share


def answers_by_kind(texts: list[str]) -> dict[str, list[bool]]:
    """For each kind of QUESTION_FORMS, whether each sentence holds its answer words."""
    return {kind.name: [bool(cue_hits(text, kind)) for text in texts]
            for kind in rules().kinds if kind.name in QUESTION_FORMS}


def asked_most(members: set[int], answering: dict[str, list[bool]]) -> str | None:
    """The kind of question whose answer words the group's sentences (`members`) hold most
    often against the story's sentences, if any holds them in ASKED_SHARE of the group and
    ASKED_LIFT times the story's share: a group of sums and payers asks what it costs."""
    best, best_lift = None, ASKED_LIFT
    for kind, holds in answering.items():
        mine = sum(holds[n] for n in members)
        share, base = mine / len(members), sum(holds) / len(holds)
        if share >= ASKED_SHARE and mine >= 2 and base and share / base > best_lift:
            best, best_lift = kind, share / base
    return best


# "four hours", "30,000 customers": an amount names no topic
COUNTED = re.compile(r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"dozens?|hundreds?|thousands?|millions?)\b)", re.IGNORECASE)


def words_before_a_noun(story: Story) -> frozenset[str]:
    """The capitalised words the articles only ever write before a noun ("the Chinese
    hosts", "a Chinese bank"): they describe a thing rather than name one, and no topic is
    named after them ("What is Chinese?" is no reader's question)."""
    uses: dict[str, list[bool]] = defaultdict(list)
    for _, sentence in story.sentences():
        for match in re.finditer(r"(?<![\w’'-])([A-Z][a-z]+)(?![\w’'-])(\s+([a-z][\w-]*))?",
                                 sentence.text):
            after = match.group(3) or ""
            uses[match.group(1)].append(bool(after) and after not in plain_words()
                                        and may_be_a_thing(after)
                                        and match.start() > 0)  # not a sentence's opening
    return frozenset(word for word, before in uses.items() if all(before))


def title_first(signals: list[str], describing: frozenset[str] = frozenset(),
                people: frozenset[str] = frozenset()) -> list[str]:
    """The signals with the one the topic is named after first: the first that names
    something in particular (a name, a phrase of two words or more, a word a reader does not
    meet every day), no amount and no word that only describes (`describing`: "Chinese", nor
    its plural, a people: "Sri Lankans" of "the Sri Lankan government"), so that a topic is
    "Light-rail line", not "Hour" nor "Four hours"; and not a person (`people`: the names
    the story gives people, whole or in part): an editor's topics are the story's things
    and events, which its people speak to, so "Profits", not "Alan Bowers"."""
    def a_people(signal: str) -> bool:
        return signal.endswith("s") and signal.split()[-1][:-1] in describing

    def thing(signal: str) -> bool:
        return not COUNTED.match(signal) and signal not in describing \
            and not a_people(signal) and signal not in people
    lead = next((s for s in signals if (s[:1].isupper() or " " in s
                                        or frequency(s) < EVERYDAY_WORD) and thing(s)),
                # else a thing, not a doing: "Deputies", not "Wait" or "Left"
                next((s for s in signals if "VERB" not in word_classes(s) and thing(s)),
                     signals[0]))
    return [lead, *(s for s in signals if s != lead)]


def peoples(story: Story, names: set[str]) -> frozenset[str]:
    """The plural names whose singular the articles write before another word ("Sri
    Lankans" beside "Sri Lankan farmers", "Sri Lankan President"): a people, described by
    where they are from, not a thing a topic is about."""
    texts = [sentence.text for _, sentence in story.sentences()]
    return frozenset(name for name in names if name[:1].isupper() and name.endswith("ns")
                     and any(re.search(rf"(?<![\w’'-]){re.escape(name[:-1])}\s+\w", text)
                             for text in texts))


def people_named(story: Story) -> frozenset[str]:
    """The people the story quotes, as their names may be written: each full name the
    articles give a speaker ("Alan Bowers" of "said Bowers": capitalised words before the
    surname, none a title nor a body's word) and each ending of it ("Bowers")."""
    speakers = frozenset().union(*(speakers_in(texts) for a in story.articles
                                   for texts in (a.texts, as_read(a))))
    names: set[str] = set()
    for surname in speakers:
        if is_body_word(surname):
            continue
        for _, sentence in story.sentences():
            for match in re.finditer(rf"((?:[A-Z][\w’'-]*\s+){{1,3}}){re.escape(surname)}\b",
                                     sentence.text):
                words = match.group(1).split()
                while words and (is_title_word(words[0]) or is_body_word(words[0])):
                    words = words[1:]
                if words and not any(is_body_word(w) for w in words):
                    full = [*words, surname]
                    names.update(" ".join(full[i:]) for i in range(len(full)))
    return frozenset(names)


def sentence_units(story: Story, candidates: list[tuple[Stems, set[int]]]
                   ) -> list[dict[Stems, float]]:
    """Each sentence as the candidate signals it holds, weighed by how rare each is in the
    story, with half the weight of those of the rest of its paragraph. A paragraph that opens
    with a quotation is read with the paragraph before it, which introduced the speaker (as
    the classifier's rule 5 reads a paragraph of quotes): the two are one paragraph here."""
    total = len(story.sentences())
    weight = {key: math.log(total / len(numbers)) for key, numbers in candidates}
    own: list[dict[Stems, float]] = [{} for _ in range(total)]
    for key, numbers in candidates:
        for number in numbers:
            own[number][key] = weight[key]
    paragraphs: list[range] = []  # each paragraph's sentences, by number
    for article in story.articles:
        for index, paragraph in enumerate(article.paragraphs):
            start = paragraphs[-1].stop if paragraphs else 0
            if index and paragraph.sentences \
                    and opens_a_quotation(paragraph.sentences[0].text):
                paragraphs[-1] = range(paragraphs[-1].start, start + len(paragraph.sentences))
            else:
                paragraphs.append(range(start, start + len(paragraph.sentences)))
    units = []
    for sentences in paragraphs:
        for number in sentences:
            vector = {key: 0.5 * w for other in sentences if other != number
                      for key, w in own[other].items()}
            vector.update(own[number])
            units.append(vector)
    return units


def sentence_groups(story: Story, candidates: list[tuple[Stems, set[int]]]) -> list[set[int]]:
    """Groups of sentences that share what they name (average-linkage clustering), merged
    until no two groups have much in common and no more than QUESTIONS_MOST are left (never
    two of a topic's size into one while that would leave fewer than QUESTIONS_FEWEST), or
    only TOPICS_MIN are left; the TOPICS_MAX largest of at least GROUP_MIN sentences, largest
    first."""
    units = sentence_units(story, candidates)
    return [set(g) for g in average_linkage(
        units, linked_pairs(units), GROUP_SHARE_MAX * len(units))]


def linked_pairs(units: list[dict[Stems, float]]) -> dict[tuple[int, int], float]:
    """The cosine of every two sentences that share a phrase (by number, the lower first):
    the others' is nought, and a long story's sentences mostly share none."""
    holding: dict[Stems, list[int]] = defaultdict(list)
    for number, vector in enumerate(units):
        for key in vector:
            holding[key].append(number)
    squares = [sum(w * w for w in vector.values()) for vector in units]
    pairs: dict[tuple[int, int], float] = {}
    for number, vector in enumerate(units):
        others = {other for key in vector for other in holding[key] if other > number}
        for other in sorted(others):
            theirs = units[other]
            shared = sum(w * theirs[k] for k, w in vector.items() if k in theirs)
            pairs[number, other] = (shared / math.sqrt(squares[number] * squares[other])
                                    if shared else 0.0)
    return pairs


def average_linkage(units: list[dict[Stems, float]], pairs: dict[tuple[int, int], float],
                    largest: float) -> list[list[int]]:
    """Sentences merged into groups, the two most alike first (the mean of their sentences'
    similarities, two groups of more than `largest` sentences together never), until the
    best two share less than GROUP_LINK and TOPICS_MIN to QUESTIONS_MOST groups of GROUP_MIN
    are made (past QUESTIONS_MOST, the story has more groups than an editor has questions:
    the most alike go on merging however little they share), or only TOPICS_MIN groups are
    left. Two groups of GROUP_MIN or more are not merged while QUESTIONS_FEWEST or fewer
    are made: a story of five questions is not told in three topics. Groups are named by
    their first sentence, and of two pairs as alike the one whose groups come first is
    merged first. A heap of the pairs keeps a long story's clustering near its number of
    pairs, not its sentences cubed."""
    members = {n: [n] for n, vector in enumerate(units) if vector}
    between: dict[int, dict[int, float]] = {n: {} for n in members}  # summed similarity
    for (one, other), value in pairs.items():
        if value and one in members and other in members:
            between[one][other] = between[other][one] = value
    heap = [(-value, one, other, 1, 1) for (one, other), value in pairs.items()
            if value and one in members and other in members]
    heapq.heapify(heap)
    size = {n: 1 for n in members}
    large = sum(1 for n in members if size[n] >= GROUP_MIN)
    while len(members) > TOPICS_MIN:
        while heap:
            value, one, other, one_size, other_size = heapq.heappop(heap)
            if size.get(one) == one_size and size.get(other) == other_size \
                    and one_size + other_size <= largest:
                break
        else:
            break
        if -value < GROUP_LINK and TOPICS_MIN <= large <= QUESTIONS_MOST:
            break
        if size[one] >= GROUP_MIN and size[other] >= GROUP_MIN and large <= QUESTIONS_FEWEST:
            continue  # (the pair is dropped: its groups meet again if either grows)
        large -= (size[one] >= GROUP_MIN) + (size[other] >= GROUP_MIN)
        members[one] += members.pop(other)
        size[one] += size.pop(other)
        large += size[one] >= GROUP_MIN
        for neighbour, value in between.pop(other).items():
            del between[neighbour][other]
            if neighbour != one:
                summed = between[one].get(neighbour, 0.0) + value
                between[one][neighbour] = between[neighbour][one] = summed
        for neighbour, summed in between[one].items():
            first, second = sorted((one, neighbour))
            heapq.heappush(heap, (-summed / (size[one] * size[neighbour]), first, second,
                                  size[first], size[second]))
    groups = sorted(members.values(), key=lambda g: g[0])
    large_groups = sorted((g for g in groups if len(g) >= GROUP_MIN), key=len, reverse=True)
    return large_groups[:TOPICS_MAX]


@dataclass(frozen=True)
class SignalChoice:
    """A phrase a group's signals may take: its stems, how much of the group it finds and
    how little else (found inside² / found in all), and the group's sentences holding it."""

    key: Stems
    score: float
    found: frozenset[int]

    @property
    def precision(self) -> float:
        """The share of this phrase's sentences that are the group's."""
        return self.score / len(self.found)


def signal_choices(members: set[int], candidates: list[tuple[Stems, set[int]]]
                   ) -> list[SignalChoice]:
    """The phrases found in two of a group's sentences or more, at least half of their
    sentences in the group, most distinctive first."""
    choices = []
    for key, numbers in candidates:
        inside = numbers & members
        if len(inside) >= 2 and len(inside) >= 0.5 * len(numbers):
            choices.append(SignalChoice(key, len(inside) ** 2 / len(numbers),
                                        frozenset(inside)))
    return sorted(choices, key=lambda c: (c.score, len(c.key), c.key), reverse=True)


def group_signals(members: set[int], candidates: list[tuple[Stems, set[int]]],
                  doing: frozenset[Stems] = frozenset()) -> list[Stems]:
    """The phrases that together find most of a group's sentences and little of the rest:
    first the one finding the most of its sentences no chosen phrase finds yet (weighed by
    its precision), as an editor's signals cover a topic's sentences rather than repeat
    each other; once all are found, the most distinctive. A phrase that holds a chosen one,
    or is held by it, adds nothing; and of a phrase and a shorter one it holds that finds
    more of the group's sentences, the shorter is the signal (`wider`). A verb among the
    `doing` keys names a doing (`doings`), which is a thing too."""
    # a signal names a thing: "began", "main" or "live" find sentences but tell an editor
    # nothing about what the topic is
    choices = [c for c in signal_choices(members, candidates)
               if (may_be_a_thing(c.key[-1]) or c.key in doing)
               and not (len(c.key) > 1 and c.key[-1] in CONTRACTED)]
    signals: list[Stems] = []
    found: set[int] = set()
    while len(signals) < SIGNALS_MAX:
        usable = [c for c in choices
                  if not any(set(c.key) <= set(s) or set(s) <= set(c.key) for s in signals)]
        if not usable:
            break
        pick = wider(max(usable, key=lambda c: (len(c.found - found) * c.precision, c.score)),
                     usable, found)
        signals.append(pick.key)
        found |= pick.found
    return signals


def wider(pick: SignalChoice, usable: list[SignalChoice], found: set[int]) -> SignalChoice:
    """The phrase to take for `pick`: a shorter one it holds that finds all its group's
    sentences and more, if there is one (the best such, as `pick` was chosen). An editor
    writes the thing, "raise", which finds "a larger raise" as well as "raises of 6
    percent", not the one description of it that happened to cover a sentence more."""
    shorter = [c for c in usable if len(c.key) < len(pick.key)
               and set(c.key) <= set(pick.key) and c.found > pick.found]
    return max(shorter, key=lambda c: (len(c.found - found) * c.precision, c.score),
               default=pick)


GERUND = re.compile(r"[a-z]{3,}ing$")
# A verb is told in passing far more often than a thing is named: a doing marks a group where
# the articles tell it in this many sentences (a phrase, in two).
DOING_TOLD = 3


def doings(story: Story) -> dict[Stems, tuple[str, set[int]]]:
    """The verbs the articles name a doing by ("Replacing a line means digging", "until a
    line is replaced"): a verb the lexicon knows as nothing else, written in its -ing form
    at least once and in DOING_TOLD sentences, not one that reports speech or helps another
    verb → that form and the sentences holding any of its forms. An editor's topic may be
    an event or a decision ("Replacing the pipes"), which the articles tell with its verb
    rather than a noun: a group that no phrase of its own marks is marked by it
    (`draft_topics`), before the words that name the whole story."""
    forms: dict[Stems, set[int]] = defaultdict(set)
    gerunds: dict[Stems, Counter[str]] = defaultdict(Counter)
    helping = auxiliary_verbs()
    for number, (_, sentence) in enumerate(story.sentences()):
        for index, word in enumerate(PHRASE_WORD.findall(sentence.text)):
            if word[:1].isupper() and index:
                continue
            word = word.casefold()
            key = stems(word)
            if len(key) != 1 or word in plain_words() or word in helping \
                    or reports_speech(word) or word_classes(key[0]) != {"VERB"}:
                continue
            forms[key].add(number)
            if GERUND.match(word):
                gerunds[key][word] += 1
    return {key: (gerunds[key].most_common(1)[0][0], numbers)
            for key, numbers in forms.items() if gerunds[key] and len(numbers) >= DOING_TOLD}


def grouping_candidates(story: Story, candidates: list[tuple[Stems, set[int]]]
                        ) -> list[tuple[Stems, set[int]]]:
    """The candidate signals that group sentences into topics: not the names of the people
    the articles quote ("Denise Okafor", "Okafor"). A person quoted speaks to every part of
    the story (the union's leader on pay, on safety and on the deal), so their name is the
    source of its sentences, not what they are about; an editor's topics are things, and the
    name may still be a topic's signal."""
    surnames = {stems(surname)[-1:] for surname in speaking_people(story)}
    quoted = {key for key in names_spelled(story) if key[-1:] in surnames}
    return [(key, numbers) for key, numbers in candidates if key not in quoted]


def names_once(story: Story, fragments: set[Stems]) -> dict[Stems, int]:
    """The names of things written in one sentence of the story only (a law, a body, a
    place), each with that sentence's number; not a person's, who is a topic's source rather
    than what it is about, nor a piece of a longer name."""
    surnames = {stems(surname)[-1:] for surname in
                story_names(tuple(a.texts for a in story.articles))}
    names = names_spelled(story)
    return {key: min(numbers) for key, numbers in named_sentences(story).items()
            if key in names and len(numbers) == 1 and key not in fragments
            and key[-1:] not in surnames}


def with_own_names(signals: list[Stems], members: set[int], found_by: dict[Stems, set[int]],
                   once: dict[Stems, int]) -> list[Stems]:
    """The signals, and for each of the group's sentences none of them finds, the longest
    name written there alone, while there is room: an editor's signals find every sentence
    of the topic, and a sentence that shares no phrase with the rest ("the Safe Drinking
    Water Act has banned new lead pipes") is found by what it names."""
    found = set().union(*(found_by.get(key, set()) for key in signals))
    signals = list(signals)
    for number in sorted(members - found):
        own = [key for key, where in once.items() if where == number
               and not any(set(key) <= set(s) or set(s) <= set(key) for s in signals)]
        if own and len(signals) < SIGNALS_MAX:
            signals.append(max(own, key=lambda key: (len(key), key)))
    return signals


def names_spelled(story: Story) -> dict[Stems, str]:
    """Each name's stems → its most frequent spelling, outside an acronym's bracketed
    expansion: "origins" as the articles write it, not "Origins" of "OSIRIS-REx (Origins,
    Spectral Interpretation, …)"."""
    spellings: dict[Stems, Counter[str]] = defaultdict(Counter)
    for article in story.articles:
        bare = tuple(ACRONYM_THEN_BRACKETS.sub(r"\1", text) for text in article.texts)
        for names in names_by_sentence(bare):
            for name in names:
                spellings[stems(name)][name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in spellings.items()}


def speaking_people(story: Story) -> dict[str, str]:
    """Surname → full name of the people the articles quote ("Vilsack said", or a quotation
    the sentence as read gives its speaker: '"It's low," explained Bequette.'): the sign that
    a capitalised name is a person's, not a place's ("Palo Alto", "Middle East")."""
    speaking = frozenset().union(*(speakers_in(texts) for a in story.articles
                                   for texts in (a.texts, as_read(a))))
    return {surname: name for surname, name in
            story_names(tuple(a.texts for a in story.articles)).items() if surname in speaking}


def topic_entry(signals: list[str], story: Story, asked: str | None = None) -> DraftedTopic:
    """A drafted topic: title and question from its first signal, as a reader would ask:
    who a person is ("Who is Tom Vilsack, …", named in full), what a name is, and of a thing
    what its sentences answer most (`asked`: "How much will the fare cost, and who pays?") or
    else what is happening with it."""
    lead = signals[0]
    person = speaking_people(story).get(lead.split()[-1])
    # "Supervisor Lorena Vasquez-Tate" is the person, without the title
    untitled = " ".join(word for word in lead.split() if not is_title_word(word)) or lead
    person = person if untitled in (person, lead.split()[-1]) else None
    # ... and so is one the articles name in full, then by the surname alone, as news names a
    # person ("Genaro Garcia Luna", then "Garcia Luna was convicted"), quoted or not
    full = person or story_names(tuple(a.texts for a in story.articles)).get(
        untitled.split()[-1])
    if person is None and full and (fold(untitled) == fold(full)
                                    or fold(full).endswith(" " + fold(untitled))) \
            and called_by_surname(full, story):
        person = full
    # a name is capitalised wherever it stands; "Rescue workers" opening sentences is no name
    lowercase = lead[:1].lower() + lead[1:]
    is_name = lead[:1].isupper() and not any(
        re.search(rf"(?<![\w’'-]){re.escape(lowercase)}(?![\w’'-])", sentence.text)
        for _, sentence in story.sentences())
    lead = lead if is_name or person else lowercase
    if person:
        title, question = person, f"Who is {person}, and what part do they play in the story?"
    elif is_name:
        the = "the " if written_with_the(lead, story) else ""
        title, question = lead, f"What is {the}{lead}, and what part does it play in the story?"
    elif GERUND.match(lead) and word_classes(stems(lead)[0]) == {"VERB"}:
        done = what_is_done(lead, story)
        title = f"{lead[:1].upper()}{lead[1:]} {done}".strip()
        question = f"What does {title[:1].lower()}{title[1:]} involve, and why does it matter?"
    else:
        lead = the_kind_named(lead, story)
        title = lead[:1].upper() + lead[1:]
        question = (QUESTION_FORMS[asked].format(thing=lead) if asked else
                    f"What is happening with the {lead}, and why does it matter?")
    return {"slug": slug_of(title)[:60].strip("-") or "topic", "title": title,
            "question": question, "signals": signals}


def called_by_surname(full: str, story: Story) -> bool:
    """Whether a sentence calls the person by the surname without the given name before it."""
    given, surname = full.split()[0], full.split()[-1]
    alone = re.compile(rf"(?<![\w’'-])(?<!{re.escape(given)} ){re.escape(surname)}(?![\w’'-])")
    return any(alone.search(sentence.text.replace(full, " ")) for _, sentence in story.sentences())


def the_kind_named(word: str, story: Story) -> str:
    """A one-word title as the articles mostly write it: the longest compound of nouns it
    ends (`lead service lines` of "line") written in at least half of the sentences that
    use the word, as a reader knows the thing by its kind ("Line" names nothing; "Transit
    workers" are the ones the story means). A describing word ("potential profits", "older
    lines") makes no kind; else the word itself."""
    if " " in word:
        return word
    key = stems(word)
    using: set[int] = set()
    compounds: dict[Stems, set[int]] = defaultdict(set)
    spellings: dict[Stems, Counter[str]] = defaultdict(Counter)
    for number, (_, sentence) in enumerate(story.sentences()):
        if key[0] in stems(sentence.text):
            using.add(number)
        for phrase in key_phrases(sentence.text, through_names=False):
            words = phrase.split()
            if stems(words[-1]) != key:
                continue
            if len(words) > 1 and all(w[:1].islower() and "NOUN" in word_classes(w)
                                      and "ADJ" not in word_classes(w) for w in words[:-1]):
                compounds[stems(phrase)].add(number)
                spellings[stems(phrase)][phrase] += 1
    kinds = [k for k, numbers in compounds.items() if 2 * len(numbers) >= len(using) >= 2]
    if not kinds:
        return word
    best = max(kinds, key=lambda k: (len(k), len(compounds[k]), k))
    return spellings[best].most_common(1)[0][0]


DONE_WORDS = 4  # "replacing the lead service lines": the words a doing's object takes


def what_is_done(gerund: str, story: Story) -> str:
    """What a doing is done to, as the articles write it after the verb: of the words within
    DONE_WORDS after its -ing form, the one most of its uses share ("Replacing a line",
    "replacing lead service lines": line), written as its longest use ("lead service
    lines"); nothing where no word is shared."""
    uses: list[list[str]] = []
    for _, sentence in story.sentences():
        for match in re.finditer(rf"(?<![\w’'-]){re.escape(gerund)}\s+([^,;:.!?()“”\"—–]*)",
                                 sentence.text, re.IGNORECASE):
            words = PHRASE_WORD.findall(match.group(1))[:DONE_WORDS]
            while words and words[0].casefold() in ARTICLES | OWNERS:
                words = words[1:]
            uses.append(words)
    shared = Counter(key for words in uses for key in {stems(w) for w in words
                     if w.casefold() not in plain_words() and may_be_a_thing(w)})
    if not shared or shared.most_common(1)[0][1] < 2:
        return ""
    head = shared.most_common(1)[0][0]
    written = []
    for words in uses:
        for i, word in enumerate(words):
            if stems(word) == head:  # the run of content words it ends: not "only the lines"
                start = i
                while start and words[start - 1].casefold() not in plain_words():
                    start -= 1
                written.append(" ".join(words[start:i + 1]))
    return max(written, key=lambda phrase: (len(phrase.split()), phrase))


def written_with_the(name: str, story: Story) -> bool:
    """Whether the articles write "the" before the name in most of its uses: a reader asks
    "What is the IMF?" as they read "the IMF", and "What is NATO?" as they read "NATO".
    An acronym bracketed after its expansion ("(IMF)") is no use of its own."""
    uses = [match.group(1) for _, sentence in story.sentences() for match in
            re.finditer(rf"(?:(\b[Tt]he)\s+)?(?<![\w’'(-]){re.escape(name)}(?:[’']s)?"
                        r"(?![\w’'-])(?:\s+([\w’'.-]+))?", sentence.text)
            if not modifies(match.group(2) or "", sentence.text[:match.start()])]
    return sum(bool(the) for the in uses) * 2 > len(uses)


def modifies(after: str, before: str) -> bool:
    """Whether a name is written as part of a longer name or before the noun it describes
    ("U.S. Coast Guard", "Coast Guard Rear Admiral", "Coast Guard units", "the NATO summit"):
    whether "the" stands before it says nothing of the name itself."""
    return after[:1].isupper() or word_classes(after.casefold()) == {"NOUN"} \
        or bool(re.search(r"\S\s+[A-Z][\w’'.-]*\s$", before))  # (not a sentence's first word)


def unique_slugs(topics: list[DraftedTopic], taken: set[str]) -> list[DraftedTopic]:
    """The topics, each slug made unique by a number ("nato-2") where it is taken."""
    result: list[DraftedTopic] = []
    for topic in topics:
        slug, n = topic["slug"], 2
        while slug in taken:
            slug, n = f"{topic['slug']}-{n}", n + 1
        taken.add(slug)
        result.append({**topic, "slug": slug})
    return result


def suggested_signals(story: Story, topics: tuple[Topic, ...]) -> dict[str, list[str]]:
    """For existing topics: phrases of the newest article that recur in its sentences on a
    topic and aren't signals of any topic yet."""
    newest = story.articles[-1]
    classified = classify_article(newest, topics)
    known = {stems(s) for t in topics for s in t.signals}
    found: dict[str, list[str]] = {}
    for topic in topics:
        on_topic = [s for s in classified.sentences if topic.slug in s.topics]
        counts = Counter(p for s in on_topic for p in key_phrases(s.text, 2))
        new = [p for p, n in counts.most_common() if n >= 2 and stems(p) not in known]
        if new:
            found[topic.slug] = new[:3]
    return found


# ---- glossary ----------------------------------------------------------------------------------

def glossary_candidates(story: Story) -> dict[str, list[tuple[Article, Sentence]]]:
    """What a reader may need explained, each with the sentences that use it, in story order:
    names and acronyms; lowercase key phrases used in two sentences or more; words a general
    reader rarely meets, even used once; what an article introduces as a name ("what they
    call corn silage"); and a thing it dates by the year before it ("2016’s failed coup
    attempt")."""
    found: dict[str, list[tuple[Article, Sentence]]] = defaultdict(list)
    for article in story.articles:
        for sentence, names in zip(article.sentences, names_by_sentence(article.texts)):
            if is_sign_off(sentence.text):
                continue  # "Jenna Alvarez covers health for the Courier.": the reporter's
            for name in dict.fromkeys(names):
                found[name].append((article, sentence))
    total = len(story.sentences())
    spelling = spelled(story)
    pairs = story.sentences()
    phrases = {key: numbers for key, numbers in phrase_sentences(story).items()
               if 2 <= len(numbers) < STORY_SHARE * total and spelling[key][:1].islower()
               and " " in spelling[key] and "'" not in spelling[key]
               and "’" not in spelling[key]
               and not CALENDAR_WORDS & set(spelling[key].casefold().split())  # "late Tuesday"
               and not always_counted(spelling[key], [pairs[n][1].text for n in numbers])}
    inside = only_within_a_longer(phrases)
    for key, numbers in phrases.items():
        if key not in inside:
            found[spelling[key]] = [pairs[n] for n in sorted(numbers)]
    for article, sentence in pairs:
        if is_sign_off(sentence.text):
            continue
        for term in {*rare_terms(sentence.text), *named_terms(sentence.text)}:
            if (article, sentence) not in found[term]:
                found[term].append((article, sentence))
    return {term: uses for term, uses in found.items() if not is_a_number_or_code(term)}


FIGURE_BEFORE = re.compile(r"\d[\d,.]*\s+$")  # "700 feet wide", "50 feet deep"


def always_counted(phrase: str, texts: list[str]) -> bool:
    """Whether a phrase is a count ("six workers": a number word opens it) or a measure (a
    figure stands before every use: "700 feet wide"), which no reader looks up."""
    if COUNTED.fullmatch(phrase.split()[0]):
        return True
    uses = [text[:match.start()] for text in texts for match in re.finditer(
        rf"(?<![\w’'-]){re.escape(phrase)}(?![\w’'-])", text, re.IGNORECASE)]
    return bool(uses) and all(FIGURE_BEFORE.search(before) for before in uses)


def is_a_number_or_code(term: str) -> bool:
    """ "III" of "Title III", "cv-1907" of a docket number "17-cv-1907": a numeral or a
    reference code, which no reader looks up in a glossary."""
    return bool((len(term) > 1 and re.fullmatch(r"X{0,3}(?:IX|V?I{0,3})", term))  # not "IV"
                or (term[:1].islower() and re.search(r"\d", term)))


def only_inside_longer_terms(candidates: dict[str, list[tuple[Article, Sentence]]]) -> set[str]:
    """The terms every use of which stands inside a longer term's ("pathogenic avian influenza"
    of "highly pathogenic avian influenza", "Animal" of "Animal and Plant Health Inspection
    Service"): the longer is the term."""
    containing: dict[str, list[str]] = defaultdict(list)  # a run of a term's words → the term
    for term in candidates:
        words = term.split()
        for size in range(1, len(words)):
            for start in range(len(words) - size + 1):
                containing[" ".join(words[start:start + size])].append(term)
    inside = set()
    for term, uses in candidates.items():
        longer = containing.get(term)
        if longer and uses and all(covered_in(term, sentence.text, longer)
                                   for _, sentence in uses):
            inside.add(term)
    return inside


def covered_in(term: str, text: str, longer: list[str]) -> bool:
    """Whether every place `text` uses `term` lies inside one of the `longer` terms."""
    def places(phrase: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(
            rf"(?<![\w’'-]){re.escape(phrase)}(?![\w’'-])", text, re.IGNORECASE)]
    wider = [place for phrase in longer for place in places(phrase)]
    own = places(term)
    return bool(own) and all(any(start <= s and e <= end for start, end in wider)
                             for s, e in own)


def only_within_a_longer(phrases: dict[Stems, set[int]]) -> set[Stems]:
    """The phrases only ever used as part of a longer one ("lower actual" of "lower actual
    demand", "gas industries" of "natural gas industries"): the longer is the term."""
    inside: set[Stems] = set()
    for longer, found in phrases.items():
        for size in range(1, len(longer)):
            for start in range(len(longer) - size + 1):
                part = longer[start:start + size]
                if part in phrases and phrases[part] <= found:
                    inside.add(part)
    return inside


def rare_terms(text: str) -> list[str]:
    """The words of a sentence a general reader rarely meets, as terms: a noun alone
    ("orthophosphate"), a word in -ing with the noun before it ("money laundering"), a
    species with its genus's initial ("E. coli"); not a word the lexicon knows only as a verb
    or a description ("lightens", "dire"), nor two everyday words run together ("cellphone"),
    nor, for a word it doesn't know, a description by its ending ("heart-wrenching"), a verb
    after "to" or "will", or a word in -ate or -ize without an article before it."""
    terms = []
    text = ADDRESS_IN_TEXT.sub(lambda m: " " * len(m.group()), text)  # "noaa.gov/pws" is no word
    words = list(re.finditer(r"[^\W\d_][\w’'-]*", text))
    for index, match in enumerate(words):
        word = match.group()
        previous = words[index - 1].group() if index else ""
        if not word[:1].islower() or word.casefold() in plain_words() or len(word) < 4 \
                or re.search(r"[’']", word + previous) or previous.casefold() in VERB_BEFORE \
                or DESCRIPTION_ENDING.search(word) or not is_rare(word) \
                or not may_be_a_thing(word) or is_plain_compound(word) \
                or made_from_a_known_word(word):
            continue
        if len(previous) == 1 and previous.isupper() \
                and text[words[index - 1].end():match.start()] == ". " \
                and text[max(0, words[index - 1].start() - 1):words[index - 1].start()] != ".":
            terms.append(f"{previous}. {word}")  # a species: "E. coli", not "coli"
        elif word.endswith("ing"):
            if "-" not in word and previous[:1].islower() and may_be_a_thing(previous) \
                    and previous.casefold() not in plain_words() \
                    and not NOT_A_NOUN_ENDING.search(previous) \
                    and text[words[index - 1].end():match.start()] == " ":
                terms.append(f"{previous} {word}")
        elif not VERB_ENDING.search(word) or previous.casefold() in NOUN_BEFORE:
            terms.append(word)
    return terms


def named_terms(text: str) -> list[str]:
    """What a sentence introduces as a name ("what they call corn silage", "so-called …",
    naming-phrases.txt) or dates by the year before it ("2016’s failed coup attempt", "the
    2008 financial crisis"): up to four lowercase words after, as written."""
    terms = []
    introducers = "|".join(re.escape(p) for p in naming_phrases())
    dated = r"(?<!\w)(?:[12]\d{3}[’']s|[Tt]he [12]\d{3})\s+"
    for pattern in (rf"(?<!\w)(?:{introducers})\s+", dated):
        for match in re.finditer(pattern, text):
            words: list[re.Match[str]] = []
            for word in re.compile(r"\s*([a-z][\w-]*)(?![\w’'])").finditer(text, match.end()):
                if word.start() != (words[-1].end() if words else match.end()) or \
                        word.group(1) in plain_words() or len(words) == 4 or \
                        (words and is_past_tense(word.group(1))):
                    break  # "the 2012 drought hit hard": the verb ends it
                words.append(word)
            phrase = " ".join(w.group(1) for w in words)
            if words and text[match.end():words[0].start(1)].strip():
                continue
            if len(words) >= 2 or (words and is_rare(phrase)):
                terms.append(phrase)
    return terms


@per_process(maxsize=1)
def naming_phrases() -> tuple[str, ...]:
    """Words that introduce a name ("what they call", "so-called"), naming-phrases.txt."""
    text = resources.files(__package__).joinpath("naming-phrases.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines()
                 if line.strip() and not line.startswith("#"))


OKINA = re.compile("[ʻʼ]")  # the Hawaiian ʻokina, which some articles leave out
COMPANY_WORDS = {"ltd": "limited", "corp": "corporation", "inc": "incorporated", "co": "company"}
LEGAL_FORMS = frozenset({"limited", "corporation", "incorporated", "company", "llc", "plc", "lp",
                         "llp"})
MIDDLE_INITIAL = re.compile(r"(?<=\w)\s+[A-Z]\.\s+(?=[A-Z])")


def folded(name: str) -> str:
    """A name without accents, case, a plural s, middle initials, an ʻokina or a company's
    abbreviation or legal form: "Erdoğan" and "Erdogan", "S-400s" and "S-400", "Craig D. Fair"
    and "Craig Fair", "Hawaiʻi" and "Hawaii", "Grace Ocean Private Ltd" and "… Limited",
    "Insys Therapeutics Inc." and "Insys Therapeutics" are one."""
    bare = fold(OKINA.sub("", MIDDLE_INITIAL.sub(" ", name))).replace("-", " ")
    words = [COMPANY_WORDS.get(w.rstrip(".,"), w.rstrip(",")) for w in bare.split()]
    if len(words) > 1 and words[-1] in LEGAL_FORMS and words[-2] not in ("the", "a", "an"):
        # "Insys Therapeutics Inc": the company
        words = words[:-1]
    bare = " ".join(words)
    return bare[:-1] if bare.endswith("s") and len(bare) > 3 else bare


def merge_aliases(candidates: dict[str, list[tuple[Article, Sentence]]]
                  ) -> dict[str, list[str]]:
    """Group spellings of one thing: spellings that differ only by accents or a plural s, an
    acronym with its expansion, a surname with the full name that ends with it, a short name
    given in brackets after the full one; the fullest (then most used) spelling is the term."""
    names = sorted(candidates, key=lambda n: (-len(n.split()), -len(candidates[n]), n))
    groups: dict[str, list[str]] = {}
    # the first group of each folded spelling, and of each folded last word of a name of four
    # words at most: a long story's thousands of names are looked up, not compared in pairs
    by_folded: dict[str, str] = {}
    by_last_word: dict[str, str] = {}
    by_last_two_words: dict[str, str] = {}
    by_first_word: dict[str, str | None] = {}  # a person's first word → them, None if shared
    for name in names:
        home = by_folded.get(folded(name))
        if home is None and " " not in name and not ACRONYM.fullmatch(name):
            home = by_last_word.get(folded(name))
            # (a surname with a plural s is the family, not the person: "the Rajapaksas")
            if home and name.endswith("s") and not home.endswith("s"):
                home = None
            # a person's first word alone, where no one else's begins so: the given name a
            # quotation calls them by ("Ranil" of "Ranil Wickremesinghe"), or a surname
            # written first ("Park" of "Park Geun-hye")
            home = home or by_first_word.get(folded(name))
        if home is None and len(name.split()) == 2:  # a surname of two words: "Lopez Obrador"
            home = by_last_two_words.get(folded(name))
        if home is None and " " in name:  # "Hourly Electric Grid Monitor (Grid Monitor)"
            home = next((g for g in groups if g.endswith(" " + name) and any(
                f"{g} ({name})" in sentence.text for _, sentence in candidates[name])), None)
        capitals = "".join(c for c in name if c.isupper())
        if home is None and " " not in name and len(capitals) >= 2:
            # a name, then its acronym in brackets: "Department of Health and Human Services
            # (HHS)", though its initials spell more (but its capitals spell it in order:
            # "ATHENS, Greece (AP)" credits a news agency)
            home = next((g for g in groups if in_order(capitals, g) and any(
                f"{g} ({name})" in sentence.text for _, sentence in candidates[name])), None)
        if home is None and " " not in name and len(capitals) >= 2:
            # an acronym, then what it stands for in brackets, its capitals letter by letter:
            # "OSIRIS-REx (Origins, Spectral Interpretation, … Regolith Explorer)"
            home = next((g for g in groups if spells(g.split(), capitals) and f"{name} ({g})"
                         in " ".join(sentence.text for _, sentence in candidates[name])), None)
        if home is None and is_an_acronym(name):
            letters = acronym_letters(name)
            home = next((g for g in groups if initials_of(g) == letters
                         or (" " in g and g[:1].isupper() and (
                             spells(g.split(), letters)
                             or spells(hyphen_parts(g.split()), letters)))  # TAGSAM
                         or (" " in g and g.islower()  # "highly pathogenic avian influenza"
                             and "".join(w[0] for w in g.split()).upper() == letters)
                         or (" " in g and any(  # USACE: "U.S. | Army Corps of Engineers"
                             spells(dotted_parts([before, *g.split()]), letters)
                             for before in abbreviations_before(g, candidates[g])))), None)
        if home:
            groups[home].append(name)
        else:
            groups[name] = []
            by_folded.setdefault(folded(name), name)
            # (a surname, not an everyday word that ends a place's name: "Street" of "Main
            # Street" is no one's short name, and "230th Street" is another place)
            # (nor the last word of a name of something "of" another: "Founder of Insys" is
            # not Insys, "Gulf of Aden" not Aden)
            if name[:1].isupper() and len(name.split()) <= 4 and " of " not in name \
                    and frequency(name.split()[-1]) < EVERYDAY_WORD:
                by_last_word.setdefault(folded(name.split()[-1]), name)
                # ("Andrés Manuel López Obrador": a person's full name, capitalised words and
                # none a body's: not "Port of New York", and "Canal Authority" may be another)
                person = all(w[:1].isupper() and not is_body_word(w) for w in name.split())
                if len(name.split()) >= 3 and person:
                    by_last_two_words.setdefault(folded(" ".join(name.split()[-2:])), name)
                if len(name.split()) >= 2 and person \
                        and not any(is_title_word(w) for w in name.split()):
                    first = folded(name.split()[0])
                    by_first_word[first] = None if first in by_first_word else name
    return groups


def in_order(letters: str, name: str) -> bool:
    """Whether a name's words begin with the letters in order, some skipped: "HHS" of
    "Department of Health and Human Services", "WBS" of "weather balloon sites"; not "AP" of
    "Greece"."""
    initials = iter(word[0].upper() for word in name.split())
    return all(letter in initials for letter in letters)


def abbreviations_before(name: str, uses: list[tuple[Article, Sentence]]) -> set[str]:
    """The abbreviations with dots written right before a name ("U.S." of "U.S. Army Corps of
    Engineers"), which its acronym may spell too."""
    return {match.group(1) for _, sentence in uses for match in re.finditer(
        rf"(?<![\w.])((?:[A-Z]\.){{2,}})\s+{re.escape(name)}\b", sentence.text)}


def is_an_acronym(name: str) -> bool:
    """ "NOAA", "F-16", and an acronym's plural: "VOCs", "IFIs"."""
    return bool(ACRONYM.fullmatch(name) or (len(name) > 2 and name.endswith("s")
                                            and ACRONYM.fullmatch(name[:-1])))


def expansions(name: str, uses: list[tuple[Article, Sentence]]) -> set[str]:
    """An acronym's expansion spelled out beside it: "… Agency (IAEA)", "… Agency, or IAEA"."""
    found = set()
    for _, sentence in uses:
        for match in re.finditer(rf"([^()]{{2,80}}?)(?:\s+\(|,\s+(?:also\s+)?(?:or|known\s+as"
                                 rf"|called)\s+){re.escape(name)}\b",
                                 sentence.text):
            expansion = expansion_before(match.group(1), name)
            if expansion:
                found.add(expansion)
    return found


def newest(story: Story) -> frozenset[str] | None:
    """The articles of the newest date (their slugs), when an older one exists: what a
    follow-up adds. None when every article is as new as the rest, or none is dated."""
    dates = [a.meta.published for a in story.articles if a.meta.published]
    if not dates:
        return None
    latest = max(dates, key=first_day)
    fresh = frozenset(a.slug for a in story.articles if a.meta.published == latest)
    return fresh if len(fresh) < len(story.articles) else None


def draft_glossary(story: Story) -> list[DraftedTerm]:
    """Entries for what the editor's glossary lacks, defined from the articles where they can
    be."""
    spellings = editor_spellings(story)
    candidates = glossary_candidates(story)
    for name, uses in list(candidates.items()):
        if is_an_acronym(name):
            for expansion in expansions(name, uses) - set(candidates):
                candidates[expansion] = uses
    for part in only_inside_longer_terms(candidates):
        del candidates[part]
    # On a follow-up (the editor has a glossary), a word or phrase (not a name: the build warns
    # about those wherever they are) is drafted only where the newest articles use it: the
    # editor has read the others and left their words out on purpose.
    fresh = newest(story) if "glossary.yml" in story.editor else None
    entries = []
    for term, aliases in merge_aliases(candidates).items():
        if covered(term, spellings) or any(covered(a, spellings) for a in aliases):
            continue
        # (keyed by place: hashing an article hashes all its text, for every use)
        uses = list({(a.slug, s.anchor): (a, s) for spelling in [term, *aliases]
                     for a, s in candidates.get(spelling, [])}.values())
        if fresh is not None and term[:1].islower() \
                and not any(article.slug in fresh for article, _ in uses):
            continue
        entries.append(term_entry(term, aliases, uses))
    entries.sort(key=lambda e: (e["definition"] is None, e["term"].casefold()))
    return entries


def term_entry(term: str, aliases: list[str], uses: list[tuple[Article, Sentence]]
               ) -> DraftedTerm:
    """A drafted entry: the best defining phrase the articles give, quoted with its sentence,
    or none (the first sentence that uses the term, for the editor to start from)."""
    best, where = None, uses[0]
    for article, sentence in uses:
        found = defining_phrase([term, *aliases], sentence.text, plain_words())
        if found and (best is None or found[0] < best[0]):
            best, where = found, (article, sentence)
    article, sentence = where
    return DraftedTerm(term=term, aliases=sorted(set(aliases)),
                       definition=best[1] if best else None,
                       quote=sentence_id(article, sentence), source=article_url(article))


# ---- timeline ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentences:
    """Every sentence of a story, casefolded and joined, to ask in how many a phrase is."""

    joined: str
    starts: list[int]  # where each sentence starts in `joined`

    @classmethod
    def of(cls, texts: list[str]) -> Sentences:
        starts, at = [], 0
        for text in texts:
            starts.append(at)
            at += len(text.casefold()) + 1
        return cls("\0".join(t.casefold() for t in texts), starts)

    def in_one_at_most(self, phrase: str) -> bool:
        """Whether no two sentences hold the phrase (in any letter case)."""
        phrase, found, at = phrase.casefold(), None, 0
        while (at := self.joined.find(phrase, at)) != -1:
            sentence = bisect.bisect_right(self.starts, at) - 1
            if found is not None and sentence != found:
                return False
            found, at = sentence, at + 1
        return True


def unique_phrase(text: str, start: int, end: int, sentences: Sentences) -> str:
    """The words around text[start:end], grown until they are found in this sentence alone
    (the `mentions` phrase that links an event to its sentence): first back from the date,
    which ends its phrase ("for the Maldives Wednesday", "Congress in January 2024"), then on
    past it, to a word a phrase can end on ("Yesterday I had the honor", not "… had the")."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    first = next((i for i, (s, e) in enumerate(words) if e > start), 0)
    last = max((i for i, (s, e) in enumerate(words) if s < end), default=first)
    longest = ""  # the longest phrase so far that timeline.yml takes (a line of LINE_MAX)
    while True:
        phrase = text[words[first][0]:words[last][1]].strip(" ,;:\"“”")
        if phrase.endswith(".") and "." not in phrase.rsplit(None, 1)[-1][:-1]:
            phrase = phrase[:-1]  # "his death in 1979." ends the sentence; "U.S." keeps its dot
        if len(phrase) > LINE_MAX:  # a sentence told twice, longer than a line: as far as fits
            return longest or text[start:end][:LINE_MAX]
        longest = phrase
        unique = sentences.in_one_at_most(phrase)
        following = text[words[last + 1][0]:words[last + 1][1]] if last + 1 < len(words) else ""
        if first == 0 and last == len(words) - 1:
            return phrase
        if unique and last - first + 1 >= MENTION_MIN_WORDS:
            if ends_whole(phrase, following) and starts_whole(phrase):
                return phrase
            if not starts_whole(phrase) and first > 0:
                first -= 1  # ("EDT) on Sunday": back to its bracket's opening)
            elif last < len(words) - 1:
                last += 1  # to a word a phrase can end on
            else:
                return phrase
        elif first > 0:
            first -= 1
        else:
            last += 1


def ends_whole(phrase: str, following: str) -> bool:
    """Whether a phrase ends where a phrase can: not on a word that leads to more ("escape a",
    "Yesterday I had the", "last year when it", "last year’s"), nor inside a name ("last year,
    Sri"), nor inside brackets ("EDT) on Sunday")."""
    last = phrase.rsplit(None, 1)[-1]
    word = re.split(r"[’']", last.strip(".,;:!?\"“”'‘’()").casefold())[0]  # "I'm": "I"
    name_goes_on = last[:1].isupper() and following[:1].isupper() and last[-1:].isalnum()
    return word not in DANGLING and word not in CUT_DANGLING and word not in ("i", "you") \
        and not re.search(r"\w[’']s$", last) and not name_goes_on \
        and phrase.count("(") <= phrase.count(")")


def starts_whole(phrase: str) -> bool:
    """Whether a phrase starts outside brackets: not "EDT) on Sunday", nor "(10:52 a.m."."""
    return phrase.count(")") <= phrase.count("(") and not phrase.startswith("(")


def opens_on_its_verb(word: str) -> bool:
    """A clause's first word that is its verb, its subject standing before it: "was", "would",
    "founded" (auxiliary-verbs.txt, or a verb in the past tense)."""
    return word.islower() and (word in auxiliary_verbs() or is_past_tense(word))


def is_month(word: str) -> bool:
    """"March", "Sept.": a month's name, as dates write it before a day."""
    return word.rstrip(".").casefold() in MONTH_NAMES


MONTH_NAMES = frozenset(m.casefold() for m in MONTHS) | {m[:3].casefold() for m in MONTHS} \
    | {"sept"}


# a person named just before a clause: "…leader Park Chung-hee, who ruled …"
NAME_AT_END = re.compile(r"(?<![\w’'-])((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[a-z][\w’'-]*)$")
TIME_BEFORE_A_VERB = frozenset(["today", "yesterday", "tonight", "earlier", "later", "then",
                                "also"])


# words that may stand around a date in the clause it opens a sentence with
AROUND_A_DATE = OPENING_PREPOSITIONS | {"nearly", "almost", "about", "just", "only", "some",
                                        "more", "than", "earlier", "later", "ago", "that"}


def only_its_date(clause: str, at: int, length: int) -> bool:
    """Whether a clause says nothing but its date ("Today", "Nearly two years ago", "On Monday
    morning")."""
    rest = re.findall(r"[^\W\d_]+", clause[:at] + " " + clause[at + length:])
    return all(word.casefold() in AROUND_A_DATE | {"morning", "afternoon", "evening", "night"}
               for word in rest)


def headline_from(text: str, start: int, length: int = 0) -> str:
    """A short headline from the sentence of a date (at `start` in it): the clause that holds
    the date, without asides in brackets, and with its subject when it opens on the verb
    ("Balwani, 53, of Atherton, Calif., was employed at Theranos from September of 2009" →
    "Balwani was employed at Theranos from September of 2009"); at most twelve words (to a
    date past them, or to keep the verb, twenty: to_the_date), not ending on a word that
    leads to more ("… was cut to 135 months (11 years" no more)."""
    label = SAID_BY.match(text)  # "[Bequette:] …": who speaks, no word of the clause
    if label and start >= label.end():
        text, start = text[label.end():], start - label.end()
    kept = [m for m in ASIDE.finditer(text) if not m.start() <= start < m.end()]
    at = start - sum(len(m.group()) for m in kept if m.end() <= start)
    for aside in reversed(kept):
        text = text[:aside.start()] + text[aside.end():]
    # a comma between digits is part of a number ("38,000", "$6,000"), not a clause's end
    # (nor a colon inside a time of day: "until 02:00 on Wednesday")
    clauses = [(m.start(), m.end()) for m in
               re.finditer(r"(?:[^,;:—–]|(?<=\d)[,:](?=\d))+", text)]
    begin, finish = next(((b, e) for b, e in clauses if b <= at < e), (0, len(text)))
    words = text[begin:finish].split()
    as_written = True  # the date's clause as it stands, not mended by a rule below
    if words and words[0].casefold() in ("which", "who") and begin > 0:
        # "…from its reserve fund, which held $4.3 million": "Its reserve fund held …"
        named = re.search(r".*\b((?:the|a|an|its|their|his|her|our|this|that)\s+[^,;:—–]*)$",
                          text[:begin].rstrip(" ,"), re.IGNORECASE | re.DOTALL)
        person = NAME_AT_END.search(text[:begin].rstrip(" ,")) \
            if words[0].casefold() == "who" else None
        if named and len(named.group(1).split()) <= SUBJECT_WORDS:
            words, as_written = named.group(1).split() + words[1:], False
        elif person:  # "…leader Park Chung-hee, who ruled South Korea": "Park Chung-hee ruled …"
            words, as_written = person.group(1).split() + words[1:], False
        elif len(words) > 1 and (words[1][:1].isupper()
                                 or words[1].casefold() in OBJECT_CLAUSE_OPENERS):
            words, as_written = words[1:], False  # "…jets, which Congress approved": what it did
    elif len(words) > 2 and words[0].casefold() == "meaning":
        # "…72 hours, meaning a formal vote will take place Friday": what it means
        words, as_written = words[2 if words[1].casefold() == "that" else 1:], False
    elif words and begin == clauses[0][0] and len(clauses) > 1 and length \
            and only_its_date(text[begin:finish], at - begin, length):
        # "Today, the United States announced …", "Nearly two years ago, leaders met …": the
        # timeline gives the date; the headline is what happened (past an opening phrase with
        # no verb: "Today, in response to the request, the agency announced …")
        following = [text[b:e].split() for b, e in clauses[1:]]
        words = next((c for c in following if any(map(a_verb, c[1:]))), following[0])
        as_written = False
        words[0] = words[0][:1].upper() + words[0][1:]
    elif words and begin == clauses[0][0] and len(clauses) > 1 \
            and words[0].casefold() in OPENING_PREPOSITIONS:
        # "For several hours on Wednesday, a comment field showed …": the clause it sets
        words, as_written = text[begin:clauses[1][1]].split(), False
    elif len(clauses) == 2 and begin == clauses[1][0] and only_reports(words) \
            and not only_reports(text[:begin].split()):
        # "The country can restart its dealings, Wickremesinghe said in a statement on
        # Tuesday": who said what ("Wickremesinghe said the country can restart …")
        said = next(i for i, word in enumerate(words) if word.casefold() in reporting_verbs())
        told = text[clauses[0][0]:clauses[0][1]].split()
        if told[0].casefold() in ARTICLES or told[0].casefold() in common_openers():
            told[0] = told[0].casefold()
        words, as_written = words[:said + 1] + told, False
    elif begin > clauses[0][0] and len(words) <= DATE_WORDS + 4 and not any(map(a_verb, words)):
        # "…, with inflation that soared to above 60 percent, since August of this year": a
        # date alone in its clause dates the clause before it
        begin = max(b for b, e in clauses if b < begin)
        words = text[begin:finish].split()
    done = consequence_done(words, text[:begin]) if as_written and begin > 0 else None
    told_as_done = done is not None
    words = done or words
    first = text[clauses[0][0]:clauses[0][1]].split() if clauses else []
    # ("…, Ranking Member of the House Committee, today made the following statement": the
    # verb after a word of time)
    on_its_verb = bool(words) and (opens_on_its_verb(words[0]) or (
        len(words) > 1 and words[0].casefold() in TIME_BEFORE_A_VERB
        and opens_on_its_verb(words[1])))
    if words and begin > 0 and on_its_verb and first \
            and len(first) <= SUBJECT_WORDS and first[0][:1].isupper() \
            and (first[0].casefold() in ARTICLES or first[0].casefold() not in common_openers()):
        words, as_written = first + words, False  # "Balwani" + "was employed at Theranos"
    elif len(words) < 5:
        words, as_written = text.split(), False
    longest = HEADLINE_WORDS
    if as_written:
        # a date past the twelfth word: the headline is the clause from its subject to the
        # date, told as shortly as its words allow
        reach = len(text[begin:at + length].split()) if length \
            else len(text[begin:at].split()) + DATE_WORDS  # (a date of `length` characters)
        reach -= len(text[begin:finish].split()) - len(words) if told_as_done else 0
        if length and reach < len(words) and POSSESSIVE.search(words[reach - 1]):
            reach += 1  # "participation in today’s meeting": the date's day owns what follows
        # (a verb right after the date, "…, the corps and the navy today restored the
        # channel": cut to the date, it would say nothing happened; it keeps its verb below)
        if reach > HEADLINE_WORDS and not (reach < len(words) and a_verb(words[reach])):
            words = to_the_date(words, reach)
            longest = max(HEADLINE_WORDS, len(words))
    # a figure goes with its unit ("$1.8 million"); cut from it, it says less than nothing
    limit = longest + (len(words) > longest and bool(SCALE.match(words[longest])))
    # ... and its verb: "In the last week, the team at NASA's Johnson Space Center in Houston
    # changed its approach", not "… the team at NASA's Johnson Space Center"
    # (cut again, it ends before the last phrase it opens after the verb: "… changed its
    # approach", not "… changed its approach to opening the sampler")
    verb = next((i for i in range(1, min(len(words), HEADLINE_MOST - 1)) if a_verb(words[i])),
                None)
    if limit < len(words) and verb is not None and verb >= limit:
        limit = HEADLINE_MOST
        if limit < len(words):
            limit = next((i for i in range(limit - 1, verb + 1, -1)
                          if words[i].casefold() in DANGLING - OWNERS - ARTICLES), limit)
    # ... and a name with its last words: "Turkey's Ministry of National Defence", not "… National"
    for _ in range(NAME_END_WORDS):
        if limit < len(words) and words[limit][:1].isupper() \
                and (words[limit - 1][:1].isupper() or words[limit - 1] in ("of", "for", "and")):
            limit += 1
    if limit < len(words) and re.search(r"\w[’']s$", words[limit - 1]):
        limit += 1  # "… at last year’s fair": a possessive leads to what it owns
    cut = len(words) > limit
    words = words[:limit]
    if cut and as_written:
        # "… since September when reports": a clause opened after the date, cut, is left out
        date_at = len(text[begin:at].split())
        opener = next((i for i in range(len(words) - 1, date_at, -1)
                       if words[i].casefold() in clause_opening_words()), None)
        if opener:
            words = words[:opener]
    while len(words) > 1 and (words[-1].casefold() in DANGLING
                              or (cut and words[-1].casefold() in CUT_DANGLING)
                              or (cut and FIGURE_WORD.fullmatch(words[-1])
                                  and not is_month(words[-2]))):  # "on March 20" keeps its day
        words = words[:-1]
    headline = " ".join(words).strip(" .,;:\"“”'‘’")
    return headline[:1].upper() + headline[1:]


CONSEQUENCE_WORDS = 4  # "causing the span to collapse": the words between the -ing and "to"


def consequence_done(words: list[str], told_before: str) -> list[str] | None:
    """A clause telling a consequence of a deed told in the past ("…crashed into a column, |
    causing the span to collapse before dawn Tuesday") as what happened: "the span collapsed
    before dawn Tuesday"; None for any other clause."""
    if not words or not re.fullmatch(r"[a-z]+ing", words[0]) or not told_in_the_past(told_before):
        return None
    to = next((i for i in range(2, min(len(words) - 1, CONSEQUENCE_WORDS + 2))
               if words[i] == "to"), None)
    if to is None:
        return None
    done = getInflection(words[to + 1], tag="VBD")
    return words[1:to] + [done[0]] + words[to + 2:] if done else None


@per_process(maxsize=1)
def talk_ahead() -> re.Pattern[str]:
    """A speaker telling what their own talk will take up, right before today's date: "ways
    that we'll talk about", "the questions I will address" (explainer/agenda-verbs.txt)."""
    verbs = "|".join(re.escape(v) for v in word_list("agenda-verbs.txt"))
    return re.compile(rf"\b(?:I|[Ww]e|[Yy]ou)(?:[’']ll|\s+will|\s+shall|(?:[’']re|[’']m|\s+are"
                      rf"|\s+am)\s+going\s+to)\s+(?:\w+\s+)?(?:{verbs})\b[^,;:.!?]*$")


def only_an_agenda(text: str, mention: DateMention) -> bool:
    """Whether today's date only says what the speaker's talk will take up ("a whole variety
    of ways that we'll talk about today"): the talk itself, no event it tells of."""
    return mention.phrase.casefold() in RELATIVE_DAYS \
        and talk_ahead().search(text[:mention.start]) is not None


def only_reports(words: list[str]) -> bool:
    """Whether a clause only says who said something and when: a short subject, a reporting
    verb and a few words with no verb after it ("Wickremesinghe said in a statement on
    Tuesday", not "Pyongyang promised to shut down its main reactor by mid-April")."""
    said = next((i for i, word in enumerate(words) if word.casefold() in reporting_verbs()),
                None)
    return said is not None and 0 < said <= SUBJECT_WORDS \
        and len(words) - said - 1 <= REPORT_WORDS \
        and not any(map(a_verb, words[:said])) and not any(map(a_verb, words[said + 1:]))


def a_verb(word: str) -> bool:
    """"was", "would", "changed": a word that is a clause's verb (as opens_on_its_verb)."""
    return opens_on_its_verb(word)


def to_the_date(words: list[str], reach: int) -> list[str]:
    """A clause whose date lies past the twelfth word (at `reach`, its own words counted),
    from its subject to its date: whole up to HEADLINE_MOST words; else the clause inside it
    that holds the date with its own subject ("… to discuss whether Turkey could rejoin the
    jet programme it was removed from in 2019" → "Turkey could rejoin …"); else its people
    named without their titles ("Foreign Minister Mevlüt Çavuşoğlu and Secretary of State
    Antony J. Blinken held …" → "Mevlüt Çavuşoğlu and Antony J. Blinken held …"); else the
    noun a relative clause holding the date tells of, with its verb; else the words that lead
    to the date."""
    if reach <= HEADLINE_MOST:
        return words[:reach]
    inner = next((i + 1 for i in range(len(words[:reach]) - 1, 0, -1)
                  if opens_a_clause(words, i) and reach - i - 1 <= HEADLINE_WORDS + DATE_REACH
                  and not a_verb(words[i + 1]) and any(map(a_verb, words[i + 2:reach]))),
                 None)
    if inner is not None:
        return words[inner:reach]
    named = without_titles(words[:reach])
    if len(named) <= HEADLINE_MOST:
        return named
    # "… followed by year-on-year inflation that soared to above 60 percent …": the noun
    # before "that" and its verb ("Year-on-year inflation soared …")
    relative = next((i for i in range(len(words[:reach]) - 2, 0, -1)
                     if words[i].casefold() in RELATIVE_OPENERS and a_verb(words[i + 1])
                     and words[i - 1].isalpha() and words[i - 1].islower()
                     and words[i - 1] not in DANGLING and reach - i <= HEADLINE_MOST), None)
    if relative is not None:
        return [words[relative - 1]] + words[relative + 1:reach]
    subject = next((words[:i] for i in range(1, SUBJECT_WORDS + 1)
                    if i < len(words) and a_verb(words[i])), [])
    words = words[reach - HEADLINE_WORDS:]
    # ("May 20 and widened …": not the end of the deed before, the second verb's own words)
    joined = next((i for i in range(min(len(words) - 1, DATE_REACH))
                   if words[i] in ("and", "or", "but") and a_verb(words[i + 1])), None)
    words = words[joined + 1:] if joined is not None else words
    while len(words) > 1 and words[0].casefold() in DANGLING:
        words = words[1:]
    if words and a_verb(words[0]) and subject and subject[0][:1].isupper():
        words = subject + words  # "The command … widened the channel May 21": who did it
    return words


def opens_a_clause(words: list[str], at: int) -> bool:
    """Whether words[at] opens a clause of its own inside the sentence: "after", "when",
    "whether", "that" after a verb ("warned that the deficit would return"), not "that" after
    a noun ("the batteries that Ankara agreed to buy": what it tells of is the noun), nor "and"
    (two subjects: "Çavuşoğlu and Blinken held"), nor "which" or "who"."""
    word = words[at].casefold()
    if word == "that":
        before = words[at - 1]
        return a_verb(before) or before.casefold() in ("and", "so") or before.endswith(",") \
            or before.casefold() in reporting_verbs()
    return word in SUBORDINATE_OPENERS or word in clause_opening_words() - NOT_OPENING_A_CLAUSE


def without_titles(words: list[str]) -> list[str]:
    """The words with each title before a person's name left out: "Foreign Minister",
    "Secretary of State" (a title word, the capitalised words before it and "of" with the
    word after it), where a capitalised word (the name) follows."""
    kept: list[str] = []
    i = 0
    while i < len(words):
        if words[i][:1].isupper() and is_title_word(words[i]):
            end = i + 1
            if end + 1 < len(words) and words[end] == "of" and words[end + 1][:1].isupper():
                end += 2
            if end < len(words) and words[end][:1].isupper() and not is_title_word(words[end]):
                while kept and kept[-1][:1].isupper() and not kept[-1].endswith(","):
                    kept.pop()  # "Foreign" of "Foreign Minister"
                i = end
                continue
        kept.append(words[i])
        i += 1
    return kept


def undated_mentions(seeds_dir: Path) -> list[str]:
    """One line per article with dates the drafts leave out because its words can't give them
    ("last year" in an article with no published date), saying what would: never a guess."""
    lines = []
    for article in read_story(seeds_dir).articles:
        named_year, phrases = None, []
        for sentence in article.sentences:
            mentions = date_mentions(sentence.text, article.meta.published, named_year)
            named_year = last_named_year(mentions, named_year)
            phrases += [(m.phrase, m.problem) for m in mentions if m.date is None]
        if phrases:
            words = ", ".join(f"'{phrase}'" for phrase, _ in phrases[:4])
            more = f" and {len(phrases) - 4} more" if len(phrases) > 4 else ""
            lines.append(f"note: {article.slug}: {len(phrases)} dated mention(s) not drafted "
                         f"({words}{more}): {phrases[0][1]}; give the article its `published` "
                         f"date in {article.slug}.meta.yml, or date these events yourself")
    return lines


def readable(article: Article, sentence: Sentence, mention: DateMention) -> tuple[str, int]:
    """A sentence as it stands alone ("On Monday [Erdogan] said …"), with where its date is,
    for a headline; the sentence as written when it can't stand alone, its opening pronoun
    named ("It landed …" after "… a capsule of rocks finally is on Earth": "The capsule
    landed …")."""
    alone = standalone(article, sentence).text
    # (the day a point names beside "on Friday" is the event's own date: not in its headline)
    alone = DAY_NAMED.sub("", alone) if alone else alone
    at = alone.find(mention.phrase) if alone else -1
    if alone and at >= 0:
        return alone, at
    pronoun = OPENING_PRONOUN.match(sentence.text)
    order = article.sentences
    place = order.index(sentence)
    named = subject_head(order[place - 1].text) if pronoun and place > 0 else None
    if named and pronoun and pronoun.group() in ("He", "She") and named.split()[0] == "The":
        named = None  # "he" is a person, by name: not "the plant"
    if pronoun is None or named is None:
        return sentence.text, mention.start
    shift = len(named) - pronoun.end()
    return named + sentence.text[pronoun.end():], mention.start + shift


OPENING_PRONOUN = re.compile(r"(?:It|They|He|She)(?=\s)")
NAMING_WORDS = 4  # "the capsule", "the state’s water board": a subject's head to name it by


def subject_head(text: str) -> str | None:
    """What a sentence's main clause is about, by the words of its subject up to the first
    that leads to more ("a capsule of rocks and dust … finally is on Earth": "The capsule"),
    for a pronoun in the sentence after; None when it is no noun's (a pronoun, a quotation)."""
    plain = ASIDE.sub("", text)
    for clause in re.findall(r"[^,;:—–]+", plain):
        words = clause.split()
        verb = next((i for i, word in enumerate(words) if i and a_verb(word)), None)
        if verb is None:
            continue
        if words[verb].casefold() in reporting_verbs():
            return None  # "Officials said the plan would work. It …": what they said is
        subject = words[:verb]
        head = next((i for i, word in enumerate(subject) if i and (
            word.casefold() in DANGLING - OWNERS - ARTICLES or a_verb(word)
            or not word[:1].isalpha())), len(subject))
        subject = subject[:head]
        opening = subject[0].casefold() if subject else ""
        if not subject or len(subject) > NAMING_WORDS or "“" in clause or '"' in clause \
                or not (opening in ARTICLES or opening in OWNERS or subject[0][:1].isupper()) \
                or opening in CUT_DANGLING or opening in {"i", "you", "this", "these"}:
            return None
        if opening in ("a", "an"):  # told once, known now: "a capsule" is "the capsule"
            subject = ["the"] + subject[1:]
        named = " ".join(subject)
        return named[:1].upper() + named[1:]
    return None


def same_date(one: str, other: str) -> bool:
    """Whether two dates agree at the coarser one's precision ("2016" and "2016-07-15")."""
    return one.startswith(other) or other.startswith(one)


RETOLD_SHARE = 0.5  # of the content words of each of two sentences of one year or month


def told_again(event: DraftedEvent, date: str, text: str) -> bool:
    """Whether a dated sentence tells an event already drafted again: the same day and a
    thing both name, or the same year or month and half the things each names."""
    if event["date"] != date:
        return False
    mine, theirs = things_named(text), things_named(event["text"])
    shared = len(mine & theirs)
    if len(date) == 10:
        return shared >= 1
    return shared >= RETOLD_SHARE * max(1, len(mine), len(theirs))


def things_named(text: str) -> set[str]:
    """A sentence's words that name something (no plain words, no calendar words)."""
    return {w.casefold() for w in PHRASE_WORD.findall(text) if len(w) > 3
            and w.casefold() not in plain_words() and w.casefold() not in CALENDAR_WORDS
            and frequency(w) < EVERYDAY_WORD}


def draft_timeline(story: Story, topics_of: dict[str, tuple[str, ...]]
                   ) -> list[DraftedEvent]:
    """An event per dated mention the editor's timeline doesn't link to its sentence (at any
    precision of its date); a day an article counts from its own date again ("today", "on
    Monday") is the same day's news, one more of that event's mentions."""
    editor = story.editor.get("timeline.yml")
    editor_events = editor.of(TimelineFile).events if editor else []
    # On a follow-up (the editor has a timeline), only the newest articles' dates: the editor
    # has read the others and left their events out on purpose, as for the glossary's words.
    fresh = newest(story) if editor else None
    texts = Sentences.of([s.text for _, s in story.sentences()])
    events: list[DraftedEvent] = []
    seen: set[tuple[str, str]] = set()  # (date, sentence) already drafted
    days: dict[tuple[str, str], DraftedEvent] = {}  # (article, day it counts to) → its event
    event_articles: list[str] = []  # the article each event was drafted from
    for article in story.articles:
        if fresh is not None and article.slug not in fresh:
            continue
        named_year = None
        for sentence in article.sentences:
            mentions = date_mentions(sentence.text, article.meta.published, named_year)
            named_year = last_named_year(mentions, named_year)
            for mention in mentions:
                if mention.date is None or (mention.date, sentence.text) in seen \
                        or year_tells_no_event(sentence.text, mention.start, mention.phrase) \
                        or only_an_agenda(sentence.text, mention):
                    continue  # (nor "a 2022 copy", "from 2012 to 2021", "we'll discuss today")
                if any(same_date(e.date, mention.date)
                       and any(m.casefold() in sentence.text.casefold() for m in e.mentions)
                       for e in editor_events):
                    continue  # the editor's event, told more exactly or less ("2016", 15 July)
                seen.add((mention.date, sentence.text))
                phrase = unique_phrase(sentence.text, mention.start,
                                       mention.start + len(mention.phrase), texts)
                counted = bool(article.meta.published) \
                    and mention.resolved_from == article.meta.published
                same_day = days.get((article.slug, mention.date)) if counted else None
                # ... and an event an earlier article drafted, told again: its date, and the
                # things it names ("PWS-1 launched Oct. 6 from Vandenberg", "lifted off from
                # Vandenberg on Tuesday")
                same_day = same_day or next(
                    (e for e, slug in zip(events, event_articles) if slug != article.slug
                     and told_again(e, mention.date, sentence.text)), None)
                if same_day is not None:  # "today" again in a release: the same day's news
                    if phrase not in same_day["mentions"]:
                        same_day["mentions"].append(phrase)
                    continue
                resolved = None
                if mention.resolved_from and mention.resolved_from == article.meta.published:
                    resolved = f"'{mention.phrase}' counted from the article's date, " \
                               f"{display_date(article.meta.published)}"
                elif mention.resolved_from:
                    resolved = f"'{mention.phrase}' counted from {mention.resolved_from}, the " \
                               "year named before it"
                event = DraftedEvent(
                    date=mention.date,
                    headline=headline_from(*readable(article, sentence, mention),
                                           len(mention.phrase)),
                    text=sentence.text,
                    topics=list(topics_of.get(sentence_id(article, sentence), ())),
                    mentions=[phrase],
                    source=article_url(article),
                    resolved=resolved,
                )
                events.append(event)
                event_articles.append(article.slug)
                if counted and len(mention.date) == 10:
                    days[(article.slug, mention.date)] = event
    return sorted(events, key=lambda e: e["date"])


# ---- the drafted files -------------------------------------------------------------------------


def as_topics(entries: list[DraftedTopic]) -> tuple[Topic, ...]:
    return tuple(Topic(e["slug"], e["title"], e["question"], tuple(e["signals"]))
                 for e in entries)


SUMMARY_WORDS = 40  # the home page's line under the title: two or three lines on a phone
PREPOSITION_BEFORE = re.compile(r"\b(?:on|since|by|until|till|before|after|from|through)\s+$",
                                re.IGNORECASE)  # "since Monday" → "since 2 March 2026"
ATTRIBUTION = re.compile(r",\s+(?:announced|said|according to|officials said)\b[^,]*(?:,[^,]*)*$")


@per_process(maxsize=1)
def clause_opening_words() -> frozenset[str]:
    """The words that open a new clause inside a sentence (explainer/clause-openers.txt)."""
    return frozenset(word_list("clause-openers.txt"))


def story_title(articles: tuple[Article, ...]) -> str:
    """The headline that names the story: the one whose words the other headlines share most,
    for each of its own ("South Korean President Embroiled in Scandal" among "Impeachment Vote
    Set for Embattled South Korean President", "Former South Korean President Park Sentenced
    …"), the oldest of those alike; not the newest, which names only its own turn of the story,
    nor a long one whose own details ("Administrator … Announces Additional $40 Million in
    Development Assistance to Sri Lanka") outnumber what it shares."""
    plain = set(stems(" ".join(plain_words())))
    words = [set(stems(a.title)) - plain for a in articles]
    shared = [sum(len(own & other) for j, other in enumerate(words) if j != i) / max(1, len(own))
              for i, own in enumerate(words)]
    return articles[max(range(len(articles)), key=lambda i: (shared[i], -i))].title


def summary_source(articles: tuple[Article, ...]) -> Article:
    """The article whose lead drafts the summary: the newest whose lead reads as news on its
    own (`reads_as_news`), so a speech's "Our deliberations have now concluded." or a
    statement's "This fight is not over." gives way to an earlier report's lead; the newest
    where none does."""
    return next((a for a in reversed(articles) if reads_as_news(a, lead_of(a))), articles[-1])


def lead_of(article: Article) -> str:
    """An article's lead: its first sentence not in headline case (a deck is no lead)."""
    vocabulary = vocabulary_of(article.texts)
    return next((s.text for s in article.sentences
                 if not in_headline_case(s.text, vocabulary)), article.title)


def reads_as_news(article: Article, lead: str) -> bool:
    """Whether a lead tells the news to anyone: it stands alone as written, in the third
    person (no "I", "we" or "you" outside quotation marks), not a question nor a quotation,
    and says enough (eight words or more)."""
    sentence = next((s for s in article.sentences if s.text == lead), None)
    alone = standalone(article, sentence).text if sentence else None
    unquoted = QUOTED_TEXT.sub(" ", lead)
    # (the day a point names beside "on Tuesday" is no change: the summary names it too)
    return alone is not None and DAY_ADDED.sub("", alone) == lead \
        and not PERSONAL.search(unquoted) and not lead.rstrip().endswith("?") \
        and not opens_a_quotation(lead) and len(lead.split()) >= 8


DAY_ADDED = re.compile(r" \[[^\]]*\d[^\]]*\]")  # "on Tuesday [3 March]"
PERSONAL = re.compile(r"(?<![\w’'-])(?:I|[Ww]e|[Oo]ur|[Uu]s|[Yy]ou|[Yy]our|[Mm]y)(?![\w’'-])")


def summary_from(article: Article) -> str:
    """The story's summary, drafted from its newest article's lead (its first sentence not in
    headline case): a day the lead counts from the article's date given as a date ("today"
    → "on 18 November 2022", "since Monday" → "since 2 March 2026": the site is read long
    after), asides in brackets left out and, past SUMMARY_WORDS, the closing words that name
    who announced it ("…, announced United States Attorney …")."""
    text = lead_of(article)
    for mention in reversed(date_mentions(text, article.meta.published)):
        end = mention.start + len(mention.phrase)
        if mention.date and len(mention.date) == 10 and mention.resolved_from \
                and not re.search(r"\d", mention.phrase) \
                and not re.match(r"[’']s\b", text[end:]):  # "today", "on Monday", not "Sept. 3"
            day = display_date(mention.date)
            on = "" if PREPOSITION_BEFORE.search(text[:mention.start]) else "on "
            text = f"{text[:mention.start]}{on}{day}{text[end:]}"
    text = ASIDE.sub("", text)
    said = ATTRIBUTION.search(text)  # ", announced United States Attorney …": its source
    if said and len(text.split()) > SUMMARY_WORDS:
        text = text[:said.start()] + "."
    return text


def draft_files(seeds_dir: Path) -> dict[str, str]:
    """The drafted files for seeds/drafts/, by name: only what the editor's files lack."""
    story = read_story(seeds_dir)
    files: dict[str, dict[str, object]] = {}  # file name → its YAML mapping
    if "explainer.yml" not in story.editor and story.articles:
        files["explainer.yml"] = {"title": story_title(story.articles)[:200],
                                  "summary": summary_from(summary_source(story.articles))[:600]}
    editor_topics = story.editor.get("topics.yml")
    if editor_topics is None:
        drafted = unique_slugs(draft_topics(story), set())
        topics = as_topics(drafted)
        files["topics.yml"] = {"topics": drafted}
    else:
        topics = tuple(Topic(t.slug, t.title, t.question, tuple(t.signals), tuple(t.include),
                             tuple(t.exclude)) for t in editor_topics.of(TopicsFile).topics)
        signals = suggested_signals(story, topics) if story.articles else {}
        if signals:
            files["topics.yml"] = {"topics": [], "signals": signals}
    topics_of: dict[str, tuple[str, ...]] = {}  # sentence id → the topics it is about
    for classified in classify_story(story.articles, topics) if topics else story.articles:
        topics_of.update({sentence_id(classified, s): s.topics for s in classified.sentences})
    terms = draft_glossary(story)
    if terms:
        files["glossary.yml"] = {"terms": terms}
    events = draft_timeline(story, topics_of)
    if events:
        files["timeline.yml"] = {"events": events}
    return {name: render_yaml(name, content) for name, content in files.items()}


def render_yaml(name: str, content: dict[str, object]) -> str:
    header = "".join(f"# {line}\n" for line in wrap(HEADER[name]))
    body = yaml.safe_dump(fitted(content), allow_unicode=True, sort_keys=False, width=100,
                          default_flow_style=False)
    return header + body


# The drafted fields that are a paragraph of editorial data; every other is one line
PROSE_FIELDS = frozenset({"text", "definition", "summary", "resolved"})


def fitted(value: object, key: str = "") -> object:
    """The drafted data with every text cut, at a word, to what the editor's files take (a
    line, a paragraph): a sentence of a page's unbroken block ran to 1,200 characters, and
    `make serve` refused the drafts `make draft` had just written."""
    if isinstance(value, dict):
        return {k: fitted(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [fitted(v, key) for v in value]
    limit = PROSE_MAX if key in PROSE_FIELDS else LINE_MAX
    if isinstance(value, str) and len(value) > limit:
        cut = value[:limit - 1].rsplit(" ", 1)[0] if " " in value[:limit - 1] \
            else value[:limit - 1]
        return cut.rstrip(" ,;:") + "…"
    return value


def wrap(text: str, width: int = 96) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line] if line else lines


def count_entries(name: str, text: str) -> str:
    """"12 terms (5 defined from the articles)", "9 events", "4 topics": for the terminal."""
    content = yaml.safe_load(text) or {}
    if name == "glossary.yml":
        terms = content.get("terms", [])
        return f"{len(terms)} terms ({sum(bool(t['definition']) for t in terms)} defined from " \
               "the articles)"
    if name == "timeline.yml":
        return f"{len(content.get('events', []))} events"
    if name == "topics.yml":
        signals = content.get("signals", {})
        return f"{len(content.get('topics', []))} topics" + (
            f", signals for {len(signals)} of your topics" if signals else "")
    return "title and summary"


def write_drafts(seeds_dir: Path, drafted: dict[str, str]) -> tuple[list[str], list[str]]:
    """Write the drafted files into seeds/drafts/ (only those, only when their bytes changed)
    and remove the drafted files nothing is left to draft for. Files the editor wrote, beside
    seeds/drafts/, are never touched. Returns the names written and removed."""
    folder = seeds_dir / DRAFTS
    if folder.is_symlink():
        raise InputError(display_path(folder), "a link; the drafts folder must be a real folder")
    if folder.exists() and not folder.is_dir():
        raise InputError(display_path(folder), "not a folder; the drafts go into a folder of "
                         "this name: rename or remove this file")
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in drafted.items():
        path = folder / name
        if name not in DRAFT_FILES or path.is_symlink() or (path.exists() and not path.is_file()):
            raise InputError(display_path(path), "not a file the generator drafts; remove it")
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            # a new temporary file of its own (never one found in the folder: a link planted
            # there would be written through), then put in place of the draft
            [(temporary, _)] = stage_files(folder, {path: data})
            try:
                os.replace(temporary, path)
            except OSError as error:
                discard(folder, [(temporary, path)])
                raise refused(path, error) from None
            written.append(name)
    removed = []
    for name in DRAFT_FILES:
        path = folder / name
        if name not in drafted and path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(name)
    return written, removed
