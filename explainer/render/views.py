"""View models built from the model: what each page's template prints (the values are the
frozen dataclasses of viewmodels.py), those that need no escaping already `Markup` (links,
anchors, sentences with their glossary terms marked).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup

from .. import escape, urls
from ..dates import auxiliary_verbs, display_date, is_past_tense
from ..fold import fold
from ..memo import per_content, per_explainer
from ..model import Article, Event, Explainer, Furniture, Sentence, Term, Topic
from ..understand.answers import (
    ANSWERING,
    RELATIVE,
    answer_points,
    first_point,
    home_leads,
    named_in_full,
    people_of_the_story,
    ranked_answers,
)
from ..understand.answers import FLOOR as ANSWER_FLOOR
from ..understand.classify import compile_signals, first_signal_offset
from ..understand.queries import (
    newest_articles,
    paragraph_number,
    sentences_by_topic,
    shared_sentences,
    topic_sentences,
)
from ..understand.standalone import on_topic_with_context, standalone, with_days_named
from ..understand.term_uses import term_pages
from . import indexes
from .terms import TermMarker
from .viewmodels import (
    EventLink,
    GlossaryEntry,
    HomeCard,
    Link,
    NewArticle,
    NewLead,
    PassingMention,
    Point,
    ProseGroup,
    ProseParagraph,
    ProseSentence,
    RelatedTopic,
    SourceLink,
    Subheading,
    UnfiledSentence,
    WhatsNew,
)

WORDS_PER_MINUTE = 230


def reading_minutes(texts: list[str]) -> int:
    """Minutes a reader takes over the texts, at WORDS_PER_MINUTE (at least one)."""
    words = sum(len(text.split()) for text in texts)
    return max(1, round(words / WORDS_PER_MINUTE))


def shown_apart(article: Article, sentence: Sentence) -> str:
    """A sentence as a line apart from its article shows it: as it stands alone, or, where it
    can't, as written, its days named all the same ("on Saturday [9 May]")."""
    return standalone(article, sentence).text \
        or with_days_named(sentence.text, article.meta.published)[0]


def unfiled_sentence(article: Article, sentence: Sentence, page: str, marker: TermMarker,
                     new: bool = False, several: bool = False) -> UnfiledSentence:
    """A sentence on no topic, as it stands alone ('"…," [Voss] said.'), linking to its place
    in its article (named, when there are several)."""
    source = source_link(article, sentence, page, several)
    return UnfiledSentence(
        marker.mark(shown_apart(article, sentence), page),
        source.href, source.number, source.label, new,
    )


def topic_links(slugs: tuple[str, ...], topics: tuple[Topic, ...], page: str
                ) -> tuple[Link, ...]:
    """Links to topics, in the editor's topic order."""
    return tuple(Link(t.title, urls.link(page, urls.topic_page(t.slug)))
                 for t in topics if t.slug in slugs)


def event_link(event: Event, page: str) -> EventLink:
    """An event's date and headline, linking to it on the timeline."""
    return EventLink(Markup(event.date), display_date(event.date), event.headline,
                     urls.link(page, urls.TIMELINE, event.anchor), event.draft)


def whats_new(explainer: Explainer, page: str, topic: Topic | None = None) -> WhatsNew | None:
    """The "New on <date>" block: what the newest article(s) added, in words.

    On a topic page, the newest article's best answer to the topic's question (as it stands
    alone, linking to its place) and how many of the page's sentences are new; on the home
    page, how many went to each topic, each linking to the first of them on its topic page.
    None for a one-article story."""
    fresh = newest_articles(explainer)
    if not fresh:
        return None
    date = fresh[0].meta.published or ""  # newest_articles: only when dated
    slugs = {a.slug for a in fresh}
    added = [(a, s) for a in fresh for s in a.sentences
             if (topic.slug in s.topics if topic else s.topics)]
    if topic:  # what the page marks "New": its new sentences and the context they need
        added = marked_new(fresh, topic.slug)
    links: list[Link] = []
    marked_counts: list[int] = []  # on the home page: what each topic page marks New
    marked_anywhere: dict[tuple[str, str], tuple[Article, Sentence]] = {}
    lead, in_box = None, ""
    if topic:
        # the newest article's best answer, one the box above doesn't already show if it can
        boxed = boxed_sentences(explainer, topic)
        ranked = ranked_answers(explainer, topic)
        top = ranked[0].score if ranked else 0.0
        # only a sentence good enough to stand in the box: an introduction or a passing
        # mention the box passed over is no news on the question
        fresh_answers = [c for c in ranked if c.article.slug in slugs
                         and c.score >= max(ANSWER_FLOOR,
                                            top * (ANSWERING if c.parts else RELATIVE))]
        # a sentence that answers the question before one that is only about the topic
        fresh_answers = [c for c in fresh_answers if c.parts] or fresh_answers
        # one of the page's own sentences first: "Read it in place" reads it on this page
        best = next((c for c in fresh_answers if c.id not in boxed
                     and topic.slug in c.sentence.topics),
                    next((c for c in fresh_answers if c.id not in boxed), None))
        # said above: no need to say it twice
        if best is None:  # which of the box's points: "its answer is the second point above"
            in_box = box_points_from(explainer, topic, slugs)
        if best:
            on_page = topic.slug in best.sentence.topics
            place = Markup(f"#{best.article.slug}-{best.sentence.anchor}") if on_page else \
                urls.link(page, urls.article_page(best.article.slug), best.sentence.anchor)
            # someone named by surname alone gets their given names, as in the box's points
            lead = NewLead(named_in_full(best, people_of_the_story(explainer)).text, place)
    else:
        for other in explainer.story.topics:
            on_topic = [(a, s) for a, s in added if other.slug in s.topics]
            if on_topic:
                # the link goes to the newest article's best answer on that page, else its first
                # new sentence there
                new_here = {(a.slug, s.anchor) for a, s in on_topic}
                a, s = next(((c.article, c.sentence) for c in ranked_answers(explainer, other)
                             if (c.article.slug, c.sentence.anchor) in new_here
                             and c.parts and c.score >= ANSWER_FLOOR), on_topic[0])
                # as many as the topic page marks "New" (its context included): one count
                marked = marked_new(fresh, other.slug)
                marked_counts.append(len(marked))
                marked_anywhere.update({(a.slug, s.anchor): (a, s) for a, s in marked})
                links.append(Link(f"{len(marked)} on {in_running_text(other.title)}", urls.link(
                    page, urls.topic_page(other.slug), f"{a.slug}-{s.anchor}")))
    if not topic:  # the sentences the topic pages mark New, each once: so the counts add up
        added = list(marked_anywhere.values())
    return WhatsNew(
        date=Markup(date), when=display_date(date), count=len(added),
        articles=tuple(NewArticle(a.title, indexes.bracketed(a.meta.outlet),
                                  urls.link(page, urls.article_page(a.slug))) for a in fresh),
        links=tuple(links), lead=lead, on_topic=topic is not None, in_box=in_box,
        shared=sum(marked_counts) > len(added),  # "7 on …; 8 on …" tops 12
    )


def in_running_text(title: str) -> str:
    """A topic's title inside a sentence: its opening article in lowercase ("3 on the S-400
    purchase", not "on The S-400 purchase")."""
    return re.sub(r"^(The|A|An)(?= )", lambda m: m.group().lower(), title)


def marked_new(fresh: Sequence[Article], slug: str) -> list[tuple[Article, Sentence]]:
    """The newest articles' sentences a topic page marks "New": those on the topic and the
    context they need."""
    return [(a, p.sentences[i]) for a in fresh
            for p, kept in zip(a.paragraphs, on_topic_with_context(a.paragraphs, slug))
            for i in kept]


EXCERPT_WORDS = 24  # an "Also mentioned" line: about two lines of text on a phone
RELATED_TOPICS = 5  # "Related topics" on a topic page: the closest, not a second sidebar


def key_point_views(explainer: Explainer, topic: Topic, page: str, marker: TermMarker,
                    avoid: frozenset[str] = frozenset()) -> list[Point]:
    """The "In short" bullets: the editor's key points, or else the sentences that answer the
    topic's question (understand/answers.py), each as it stands alone, with its article's
    date and outlet so that "on Thursday" can be placed."""
    several = len(explainer.articles) > 1
    if topic.key_points:
        by_id = {f"{a.slug}#{s.anchor}": (a, s) for a in explainer.articles for s in a.sentences}
        return [Point(escape.text(point.text),
                      dateline(by_id[point.cites[0]][0]) if point.cites else "",
                      source_links([by_id[ref] for ref in point.cites], page, several))
                for point in topic.key_points]
    return [Point(marker.mark(point.text, page), dateline(point.article),
                  (source_link(point.article, point.sentences[0], page, several),))
            for point in answer_points(explainer, topic, avoid)]


def dateline(article: Article) -> str:
    """"VOA, 17 July 2012": where a point comes from and when; "undated" when the article's
    date is not known, rather than nothing."""
    when = display_date(article.meta.published) if article.meta.published else "undated"
    return f"{indexes.bracketed(article.meta.outlet)}, {when}" if article.meta.outlet else when


def source_links(cited: Sequence[tuple[Article, Sentence]], page: str, several: bool = False
                 ) -> tuple[SourceLink, ...]:
    """A link to each paragraph the sentences stand in, once: a point of two sentences of one
    paragraph is "paragraph 9", not "¶9 ¶9"."""
    firsts: dict[tuple[str, int], tuple[Article, Sentence]] = {}
    for article, sentence in cited:
        firsts.setdefault((article.slug, paragraph_number(sentence)), (article, sentence))
    return tuple(source_link(article, sentence, page, several)
                 for article, sentence in firsts.values())


def source_link(article: Article, sentence: Sentence, page: str, several: bool = False
                ) -> SourceLink:
    """A link to a sentence's place; its label names the article when there are several."""
    number = paragraph_number(sentence)
    where = f"“{article.title}”" if several else "the article"
    return SourceLink(urls.link(page, urls.article_page(article.slug), sentence.anchor),
                      f"In {where}, paragraph {number}", number)


def prose_groups(explainer: Explainer, topic: Topic, page: str, marker: TermMarker,
                 articles: Sequence[Article] | None = None) -> list[ProseGroup]:
    """What the articles say: per article (of `articles`, default all), its paragraphs cut down
    to the sentences about the topic, an omission mark wherever sentences were left out."""
    fresh = {a.slug for a in newest_articles(explainer)}
    groups = []
    for article in explainer.articles if articles is None else articles:
        paragraphs = []
        # An ellipsis never hides the sentence the next one points back to ("As a result, …",
        # "He cites …", a paragraph opening "That is the assessment of …"): it is shown as
        # context.
        shown = on_topic_with_context(article.paragraphs, topic.slug)
        for paragraph, kept in zip(article.paragraphs, shown):
            if not kept:
                continue
            parts = []
            for position, index in enumerate(kept):
                sentence = paragraph.sentences[index]
                left_out = index > (kept[position - 1] + 1 if position else 0)
                about = topic.slug in sentence.topics  # else context: no anchor of its own
                parts.append(ProseSentence(
                    anchor=Markup(f"{article.slug}-{sentence.anchor}") if about else None,
                    html=marker.mark(sentence.text, page), omitted=left_out,
                    new=article.slug in fresh))
            number = int(paragraph.anchor[1:])
            paragraphs.append(ProseParagraph(
                sentences=tuple(parts), omitted_after=kept[-1] < len(paragraph.sentences) - 1,
                href=urls.link(page, urls.article_page(article.slug), paragraph.anchor),
                label=f"In the article, paragraph {number}", number=number,
            ))
        if paragraphs:
            groups.append(ProseGroup(
                title=article.title, anchor=Markup(f"from-{article.slug}"),
                byline=article_byline(article), paragraphs=tuple(paragraphs),
            ))
    return groups


def article_byline(article: Article) -> str:
    """"Outlet, 12 July 2019", or as much of it as is known."""
    parts = [article.meta.outlet or "", display_date(article.meta.published or "")]
    return ", ".join(p for p in parts if p)


def passing_mentions(explainer: Explainer, topic: Topic, page: str,
                     articles: Sequence[Article] | None = None) -> list[PassingMention]:
    """Sentences that name the topic in passing: a short line each, linking to its place.
    A sentence "What the articles say" already shows, as what a sentence there points back
    to, is not listed again, nor one a point of "In short" shows, nor one that opens on what
    the reader can't see."""
    several = len(explainer.articles) > 1
    shown = None if articles is None else {a.slug for a in articles}
    boxed = boxed_sentences(explainer, topic)
    context: dict[str, frozenset[str]] = {}  # per article, looked up once: keying the cache
    mentions = []  # hashes a whole article, and a long one names the topic many times
    for article, sentence in sentences_by_topic(explainer, "mentions").get(topic.slug, ()):
        if shown is not None and article.slug not in shown:
            continue
        if article.slug not in context:
            context[article.slug] = shown_as_context(article, topic.slug)
        if sentence.anchor not in context[article.slug] \
                and f"{article.slug}#{sentence.anchor}" not in boxed:
            mention = passing_mention(article, sentence, topic, page, several)
            if says_something_apart(mention, article, sentence):
                mentions.append(mention)
    return mentions


def says_something_apart(mention: PassingMention, article: Article, sentence: Sentence) -> bool:
    """Whether a passing mention reads on its own: a line that opens where its sentence
    opens, on what the reader can't see ("It requires lakeside septic systems …"), says
    nothing (its article shows it)."""
    return mention.excerpt.startswith("… ") or standalone(article, sentence).text is not None


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def box_points_from(explainer: Explainer, topic: Topic, slugs: set[str]) -> str:
    """Which of the box's points cite the newest articles, in words ("the second point",
    "the first and third points", "in every point"); "" for none."""
    if topic.key_points:
        cited = [[ref.split("#")[0] for ref in point.cites] for point in topic.key_points]
    else:
        cited = [[c.article.slug] for c in answer_points(explainer, topic)]
    numbers = [n for n, slugs_cited in enumerate(cited) if set(slugs_cited) & slugs]
    words = [ORDINALS[n] if n < len(ORDINALS) else f"{n + 1}th" for n in numbers]
    if not words:
        return ""
    if len(words) == 1:
        return f"the {words[0]} point"
    if len(words) == len(cited):
        return "in every point"
    return f"the {', '.join(words[:-1])} and {words[-1]} points"


def boxed_sentences(explainer: Explainer, topic: Topic) -> frozenset[str]:
    """The sentences ("slug#anchor") the topic's "In short" points show."""
    if topic.key_points:
        return frozenset(ref for point in topic.key_points for ref in point.cites)
    return frozenset(f"{c.article.slug}#{s.anchor}" for c in answer_points(explainer, topic)
                     for s in c.sentences)


@per_content(maxsize=1 << 12)
def shown_as_context(article: Article, slug: str) -> frozenset[str]:
    """The sentences (their anchors) a topic page shows of an article beside those about the
    topic: the ones they point back to."""
    return frozenset(paragraph.sentences[index].anchor
                     for paragraph, kept in zip(article.paragraphs,
                                                on_topic_with_context(article.paragraphs, slug))
                     for index in kept if slug not in paragraph.sentences[index].topics)


def passing_mention(article: Article, sentence: Sentence, topic: Topic, page: str,
                    several: bool) -> PassingMention:
    """A sentence as it stands alone, excerpted around the topic, with its "¶n" link."""
    source = source_link(article, sentence, page, several)
    return PassingMention(
        excerpt=excerpt(shown_apart(article, sentence), topic),
        article=article.title if several else None,
        href=source.href, label=source.label, number=source.number)


# A clause ends at a semicolon, a colon, a dash or a comma, but not at the comma of a date ("by
# June 30, 2027") nor of a name ("Volkswagen Group of America, Inc.")
# (not the comma of a place's state, "Durango, CO", "Durango, Colo.", "Edna, Texas", nor of a
# day's date, "Wednesday, July 10")
STATE_NAMES = ("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
               "Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|"
               "Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|"
               "Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|"
               "Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|"
               "Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|"
               "Puerto Rico")
CLAUSE_END = re.compile(r"[;:]\s+|\s[–—]\s"
                        r"|(?:(?<!\b\d)(?<!\b\d\d)|(?<=\d)(?!,\s+(?:1[89]|20)\d\d\b))"
                        r",\s+(?!(?:Inc|Ltd|LLC|L\.L\.C|Co|Corp|Jr|Sr|N\.A|P\.C|PLC|S\.A)\b)"
                        r"(?![A-Z]{2}\b(?![’'-])|(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|"
                        r"Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|"
                        r"Wash|Wis|Wyo|[NSRW]\.\s?[A-Z][a-z]?)\.|(?:January|February|March|April|May|"
                        r"June|July|August|September|October|November|December|Jan|Feb|Aug|Sept|"
                        r"Oct|Nov|Dec)\.?\s+\d)"
                        rf"(?!(?:{STATE_NAMES})\b(?!\s+[a-z]))")
CLAUSE_WORDS = 12  # a clause shorter than this takes its neighbour along
# A relative clause between a subject and its verb goes with them ("Raising the fare, | which
# the agency had floated, | would raise $12 million").
WORD_AT_START = re.compile(r"\s*([a-z]+)\b")
RELATIVE_FIRST = re.compile(r"(?:which|who|whom|whose|that)\b")
RELATIVE_OPENS = re.compile(r"(?:which|who|whom|whose)\b")  # ("that" may open what was said)
# "Dr. Priya Raman, | an emergency physician at the hospital, | said …": a name, a description
# set beside it, then what the person did; a description or a relative clause alone names no one
# (a name may hold "of" and "the": "The Association of Regional Aviators")
NAME_ALONE = re.compile(r"\s*(?:(?:and|but|or)\s+)?(?:(?:The|the)\s+)?(?:\[?[A-Z][\w.’'-]*\]?\s+"
                        r"(?:(?:of|for|and)\s+(?:the\s+)?)?){0,4}\[?[A-Z][\w.’'-]*\]?[\s,]*$")
# ("a Harrow captain": a name may describe the noun; "president of the builders' association"
# describes with no article)
DESCRIPTION_OPENS = re.compile(r"(?:a|an|the)\s+(?:[A-Z][\w’'-]*\s+)?[a-z]|"
                               r"(?:[a-z][\w-]*\s+(?:and\s+)?){0,2}(?:president|director|owner|"
                               r"chair|chairman|chairwoman|chief|head|spokesman|spokeswoman|"
                               r"spokesperson|manager|superintendent|founder|secretary|leader|"
                               r"member|professor|pharmacist|executive)\s+(?:of|at|for)\b")
INFINITIVE_OPENS = re.compile(r"to\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those|"
                              r"our|your|my|him|them|us|me|each|every|all|some|any)\b)[a-z]+\b")
OPENING_PHRASE = re.compile(r"(?:In|At|For|Across|Throughout|Under|By|On|Since|After|Before|"
                            r"During)\s+(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+(?:,\s*\d{4})?,\s*$")
SUBORDINATE_OPENS = re.compile(r"(?:as|while|when|whereas|although|though|because|since|"
                               r"until|unless|if|once|even if|even though|after|before)\s")
# ... and so does an opening phrase that has no verb of its own: "Based on DEA's internal
# analysis of amphetamine products, | …", "Under an agreement it signed with the state, | …"
VERBLESS_OPENING = re.compile(r"(?:based on|according to|under|following|in light of|given|amid|"
                              r"despite|in response to|as part of)\s")
# "…, including both of its math positions, …": examples of something named before it
EXAMPLES_OPEN = re.compile(r"\s*(?:including|such as|among them)\s")
PRONOUN_OPENS = re.compile(r"(?:it|they|he|she|its|their|his|her)\s")
# "…, and in the context of shifts in its leadership.": a second phrase of the clause before,
# which says nothing alone
CONJOINED_PHRASE = re.compile(r"(?:and|or|but|as well as)\s+(?:in|on|at|with|for|from|under|"
                              r"amid|after|before|during|through|within|across|despite|by)\s")
SHORT_SUBJECT = re.compile(r"\s*(?:A|An|The|[A-Z][\w.-]*[’']s?)\s+(?:[a-z][\w-]*\s+){0,5}"
                           r"[a-z][\w-]*,\s*$")
# "the Mississippi State Department of Health, | or MSDH, | took …": another name for the
# subject, set beside it
OTHER_NAME = re.compile(r"\s*or\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3},?\s*$")
AGE_ALONE = re.compile(r"\s*\d{1,3}[\s,]*$")  # "Dale Brunner, | 67, | who was waiting …"
# "… said Dale Brunner, 67, …": an attribution told after the words it attributes
SAID_FIRST = re.compile(r"\s*(?:said|says|told|added|asked|wrote)\s+(?:\[?[A-Z])")
CONJUNCTION_FIRST = re.compile(r"\s*(?:and|but|or)\s+")
SAYS_BEFORE = re.compile(r"\b(?:said|says|added|adds|told\s+[\w.’'-]+|wrote|writes|asked|declared|"
                         r"stated)\b[^:“\"]{0,40}:\s*$")
NAME = r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.’'-]*)*"
NAMES_END = re.compile(rf"\s*{NAME}\s+(?:and|or)\s+{NAME}[\s.,;:]*")
LIST_JOINS = re.compile(r"\s*(?:and|or)\s+")
# "…, and that corrected notices would go out": a second thing said, by whoever said the first
SAID_TOO = re.compile(r"\s*(?:and|but)\s+(?:that|whether)\b")
# a clause that only says who spoke: "the state Department of Natural Resources said, "
ATTRIBUTION_ALONE = re.compile(r"\s*(?:(?:the|a|an)\s+)?[\w.’'-]+(?:\s+[\w.’'-]+){0,7}?\s+"
                               r"(?:said|says|told\s+\w+|added|wrote)[\s,;:]*")
QUALIFICATION = re.compile(r"\s*(?:but|yet|though|except)\b")
# ("…, but Pryce said ticket holders would recover 'little, if anything.'")
QUALIFICATION_WORDS = 16
MINIMISED = re.compile(r"\s*which\b[^,;:]*?\b(?:minimal|little|no|not|never|negligible|barely|"
                       r"hardly|only)\b", re.IGNORECASE)
LIST_ITEM_WORDS = 2
# a list's last two items, with no verb: "… drivers, | cafeteria workers and classroom aides, |"
LIST_END = re.compile(r"\s*(?:[\w’'-]+\s+){0,2}[\w’'-]+\s+(?:and|or)\s+(?:[\w’'-]+\s+){0,2}"
                      r"[\w’'-]+[\s,;:.]*")
# A negation with the clause it governs opened after it: "found no evidence that …", "denied
# that …", "did not say whether …"
NEGATED_CLAUSE = re.compile(r"(?:\b(?:no|not|never|nothing|none|den(?:y|ies|ied)|rejected|"
                            r"disputed)\b|n[’']t\b)[^,;:.]*\b(?:that|whether)\b", re.IGNORECASE)

# "…, disrupting energy systems and causing …": a participle's clause, whose doer is the subject
# before it (not a preposition such as "including", nor a noun such as "funding")
PARTICIPLE = re.compile(r"(?!(?:includ|accord|follow|begin|start|exclud|regard|concern|dur|"
                        r"notwithstand|pend|build|meet|hear|fund|hous|spend|morn|even|ceil|spr|"
                        r"th|noth|someth|anyth|everyth|k|r|str|train|park|rul|find|sett|plann|"
                        r"warn|offer|open|clos|rat|lend|sav|earn)ing$)[a-z]{2,}ing")


@per_content(maxsize=65536)  # a mention is excerpted again on every build under mkdocs serve
def auxiliary_opens(clause: str) -> bool:
    """Whether a clause opens on an auxiliary or a verb in the past ("would raise $12 million
    a year", "concluded the crew was unable …", "released by the government"): a predicate
    without its subject, or what describes a thing named before it."""
    joined = CONJUNCTION_FIRST.match(clause)  # "and would report …"
    first = WORD_AT_START.match(clause, joined.end() if joined else 0)
    return first is not None and (first.group(1) in auxiliary_verbs()
                                  or is_past_tense(first.group(1))
                                  or bool(PARTICIPLE.fullmatch(first.group(1))))


def past_opens(clause: str) -> bool:
    """Whether a clause opens on a verb in the past ("signed it"): a predicate."""
    first = WORD_AT_START.match(clause)
    return first is not None and is_past_tense(first.group(1))


def without_list_commas(text: str, bounds: list[int]) -> list[int]:
    """The clause bounds but those inside a list: "of inventory, | manufacturing, | and sales
    data" is one clause (a word or two between commas, then "and" or "or", or another)."""
    items = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]

    def short(index: int) -> bool:  # (not a predicate: "…, signed it, but …")
        return 0 <= index < len(items) and \
            len(text[items[index][0]:items[index][1]].split()) <= LIST_ITEM_WORDS \
            and not past_opens(text[items[index][0]:])

    def joins(index: int) -> bool:  # ("but" joins clauses, never a list's last item)
        return index < len(items) and bool(LIST_JOINS.match(text[items[index][0]:]))

    inside: set[int] = set()  # bounds (their place in `bounds`) that are a list's commas
    for index in range(len(items) - 1):
        if short(index) and (joins(index + 1) or short(index + 1)):
            inside |= {index, index + 1}  # the comma before the item and the one after it
        # a list's last two items end it, however long the stretch before its first item
        # ("… to meet with state, | local and tribal officials.")
        elif LIST_END.fullmatch(text[items[index + 1][0]:items[index + 1][1]]) \
                and not auxiliary_opens(text[items[index + 1][0]:]):
            inside.add(index + 1)
        # "the City of Jackson, | MEMA and the Mississippi National Guard": names ending a list
        if NAMES_END.fullmatch(text[items[index + 1][0]:items[index + 1][1]]) \
                and re.search(r"[A-Z][\w.’'-]*[\s,]*$", text[items[index][0]:items[index][1]]):
            inside.add(index + 1)
    return [b for i, b in enumerate(bounds) if i in (0, len(bounds) - 1) or i not in inside]


def excerpt(text: str, topic: Topic, width: int = EXCERPT_WORDS) -> str:
    """The sentence, or the whole clauses around its first signal: the clause that names the
    topic, with its neighbours until the excerpt says something (CLAUSE_WORDS), never a
    fragment cut inside a clause, a predicate without its subject, nor a clause without the
    negation before it that turns it round. "…" marks what is left out at either end."""
    if len(text.split()) <= width:
        return text
    bounds = [0] + [m.end() for m in CLAUSE_END.finditer(text)] + [len(text)]
    bounds = without_list_commas(text, bounds)
    # a quotation's commas end no clause of the sentence ("to recover 'little, if anything'"),
    # so no excerpt opens or ends inside a quotation
    bounds = [b for b in bounds if b in (0, len(text)) or quotation_open_at(text, b) is None]
    # ... nor inside brackets: "(e.g., ransomware)" is one aside
    bounds = [b for b in bounds if text[:b].count("(") <= text[:b].count(")")]
    clauses = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    at = first_signal_offset(text, compile_signals((topic,)))
    first = next((i for i, (start, end) in enumerate(clauses) if start <= at < end), 0)
    last = first
    def back_to_a_start(first: int) -> int:
        """The clause the excerpt can open on, stepping back from `first` until a step
        lands where none is needed ("… since the ordinance says …" back to "… told them
        …", then on back to who told them)."""
        while True:
            was = first
            # "… | to write a new formula": the infinitive completes the clause before it
            while first > 0 and INFINITIVE_OPENS.match(text[clauses[first][0]:]):
                first -= 1
            if auxiliary_opens(text[clauses[first][0]:]):  # back to the predicate's subject
                while first > 0:
                    first -= 1
                    if not (RELATIVE_FIRST.match(text[clauses[first][0]:])
                            or auxiliary_opens(text[clauses[first][0]:])
                            or OTHER_NAME.fullmatch(text[clauses[first][0]:clauses[first][1]])):
                        break
                # "A stricter version, | the Lead and Copper Rule Improvements, | was published
                # …": a name set beside the subject is not the subject
                if first > 0 and SHORT_SUBJECT.match(
                        text[clauses[first - 1][0]:clauses[first - 1][1]]):
                    first -= 1
            # "… which will decide whether …" says nothing without the thing it is about: back
            # to it, past the age set beside a name ("Dale Brunner, 67, who …"); nor does "… as
            # the bill passed $6 million …" without the clause it tells the time of, or "… it is
            # admitting fewer patients …" without what "it" is
            while first > 0 and (RELATIVE_OPENS.match(text[clauses[first][0]:])
                                 or AGE_ALONE.match(text[clauses[first][0]:clauses[first][1]])
                                 or SUBORDINATE_OPENS.match(text[clauses[first][0]:])
                                 or PRONOUN_OPENS.match(text[clauses[first][0]:])
                                 or CONJOINED_PHRASE.match(text[clauses[first][0]:].lstrip())
                                 or EXAMPLES_OPEN.match(text[clauses[first][0]:])
                                 or SAID_TOO.match(text[clauses[first][0]:])):
                first -= 1
            # "… an emergency physician at the hospital …" says whom only with the name before
            # (or with the attribution naming them: "…, said Luis Ferrante, | a Harrow captain")
            if first > 0 and DESCRIPTION_OPENS.match(text[clauses[first][0]:]) \
                    and (NAME_ALONE.match(text[clauses[first - 1][0]:clauses[first - 1][1]])
                         or SAID_FIRST.match(text[clauses[first - 1][0]:])):
                first -= 1
            if first == was:
                return first

    first = back_to_a_start(first)
    # "Lydia Mensah, whose ward has the thinnest bus service, …": on to what she did
    if NAME_ALONE.match(text[clauses[first][0]:clauses[first][1]]) and first + 2 < len(clauses) \
            and (DESCRIPTION_OPENS.match(text[clauses[first + 1][0]:])
                 or RELATIVE_OPENS.match(text[clauses[first + 1][0]:])):
        last = max(last, first + 2)
    # "The committee found no evidence that | the stake … had influenced …": what a negation
    # before the excerpt governs would read as the opposite without it
    if first > 0 and NEGATED_CLAUSE.search(text[:clauses[first][0]]):
        first = 0
    # '"…," said Dale Brunner': the speaker goes with the words they said
    if first > 0 and SAID_FIRST.match(text[clauses[first][0]:]):
        first = 0
    # 'Mbeki added: "They have …"': who speaks goes with the quotation
    if first > 0 and text[clauses[first][0]:].lstrip()[:1] in "“\"" \
            and SAYS_BEFORE.search(text[clauses[first - 1][0]:clauses[first - 1][1]]):
        first -= 1
    # "In Marrick Hollow, | the new formula means …": the place or time the sentence opens
    # with says where the rest holds
    if first == 1 and OPENING_PHRASE.match(text[clauses[0][0]:clauses[0][1]]):
        first = 0
    while len(text[clauses[first][0]:clauses[last][1]].split()) < CLAUSE_WORDS and (
            first > 0 or last < len(clauses) - 1):
        if last < len(clauses) - 1:
            last += 1
        else:
            first -= 1
            # "… the state Department of Natural Resources said, | and the district will …":
            # who said it goes with what they said
            if first > 0 and ATTRIBUTION_ALONE.fullmatch(text[clauses[first][0]:clauses[first][1]]):
                first -= 1
    first = back_to_a_start(first)  # a step back may land on a predicate without its subject
    # "Because Adderall is a Schedule II controlled substance, | the DEA regulates …": a
    # sentence's opening subordinate clause goes on to the main clause it depends on
    if first == 0 and last == 0 and len(clauses) > 1 \
            and (SUBORDINATE_OPENS.match(text[:clauses[0][1]].lower())
                 or VERBLESS_OPENING.match(text[:clauses[0][1]].lower())):
        last = 1
    # "… a committee to review staffing, | but no fixed limits.": a short qualification that
    # ends the sentence turns what comes before it round
    # (and so does one that says it came to little: "…, which would have had minimal impact")
    closing = text[clauses[-1][0]:]
    if last == len(clauses) - 2 and (QUALIFICATION.match(closing) or MINIMISED.match(closing)) \
            and len(closing.split()) <= QUALIFICATION_WORDS:
        last += 1
    shown = text[clauses[first][0]:clauses[last][1]].strip().rstrip(",;:–—").rstrip()
    joined = CONJUNCTION_FIRST.match(shown)
    if first and joined:  # "… and Dr. Priya Raman, …": the "and" joined it to what is left out
        shown = shown[joined.end():]
    return ("… " if first else "") + shown + (" …" if last < len(clauses) - 1 else "")


def quotation_open_at(text: str, at: int) -> int | None:
    """Where the quotation that `at` stands inside opens, or None when it stands outside any
    ("“…” and "…" alike)."""
    before = text[:at]
    curly = before.rfind("“")
    if curly > before.rfind("”"):
        return curly
    if before.count('"') % 2:
        return before.rfind('"')
    return None


def related_topics(explainer: Explainer, topic: Topic, page: str) -> list[RelatedTopic]:
    """The RELATED_TOPICS topics that share the most sentences with this one (ties in the
    editor's order), each with the count the other topic's page shows too: every one of them,
    in a story of many topics, made every topic page list nearly every topic."""
    counts = shared_sentences(explainer)
    shared = {t.slug: counts.get(frozenset((topic.slug, t.slug)), 0)
              for t in explainer.story.topics if t.slug != topic.slug}
    place = topic_places(explainer)
    closest = sorted((slug for slug, n in shared.items() if n),
                     key=lambda slug: (-shared[slug], place[slug][0]))[:RELATED_TOPICS]
    return [RelatedTopic(place[slug][1], urls.md_link(page, urls.topic_page(slug)), shared[slug])
            for slug in closest]


@per_explainer
def topic_places(explainer: Explainer) -> dict[str, tuple[int, str]]:
    """Topic slug → (its place in the editor's order, its title)."""
    return {t.slug: (number, t.title) for number, t in enumerate(explainer.story.topics)}


def topic_description(explainer: Explainer, topic: Topic) -> str:
    """The page's description: the topic's question and the first line of its answer."""
    point = first_point(explainer, topic)
    return topic.question + (" " + point[0] if point else "")


def subheadings_before(furniture: tuple[Furniture, ...], number: int
                       ) -> tuple[Subheading, ...]:
    """The subheadings that stand before body paragraph `number` (1-based)."""
    return tuple(Subheading(f.text, Markup(f.anchor)) for f in furniture
                 if f.kind == "subheading" and f.before == number)


def gap_before(sentences: tuple[Sentence, ...], index: int) -> Markup:
    """" " where the source had space before this sentence, "" where it had none ("!" "!!")."""
    if index == 0:
        return Markup("")
    previous = sentences[index - 1]
    touching = previous.source.offset + len(previous.text) == sentences[index].source.offset
    return Markup("" if touching else " ")


def last_updated(explainer: Explainer) -> str | None:
    """The newest article's date as a reader says it; None when no article is dated."""
    dates = [a.meta.published for a in explainer.articles if a.meta.published]
    return display_date(max(dates)) if dates else None


def home_cards(explainer: Explainer, page: str, marker: TermMarker) -> list[HomeCard]:
    """A card per topic: title, question, how many sentences, and its lead (queries.home_leads)
    with the sentences it rests on."""
    fresh = {a.slug for a in newest_articles(explainer)}
    several = len(explainer.articles) > 1
    cards = []
    for topic, point in home_leads(explainer):
        lead = None
        if point:
            text, cited = point
            html = (escape.text(text) if topic.key_points else marker.mark(text, page))
            lead = Point(html, dateline(cited[0][0]) if cited else "",
                         source_links(cited, page, several),
                         new=bool(cited) and all(a.slug in fresh for a, _ in cited))
        cards.append(HomeCard(
            title=topic.title, question=topic.question,
            count=len(topic_sentences(explainer, topic.slug)),
            href=urls.link(page, urls.topic_page(topic.slug)), lead=lead, draft=topic.draft,
        ))
    return cards


def glossary_entries(explainer: Explainer, titles: dict[str, str]) -> list[GlossaryEntry]:
    """The glossary's entries, alphabetical, each with the pages that use it
    (queries.term_pages)."""
    page = urls.GLOSSARY
    used = term_pages(explainer)
    return [GlossaryEntry(
        term=term.term, anchor=Markup(term.anchor),
        former_anchors=tuple(Markup(a) for a in term.former_anchors), aliases=term.aliases,
        definition=term.definition, source=term.source, draft=term.draft,
        mentioned=indexes.mentioned_pages(  # bounded: pages, the latest articles, a count
            [p for p in used.get(term.anchor, []) if p != page], titles, page),
    ) for term in sorted(explainer.story.terms, key=index_order)]


def index_order(term: Term) -> tuple[str, str]:
    """A glossary's order, as an index's: "César" among the c's, not after "cz"."""
    return fold(term.term), term.term


def page_titles(explainer: Explainer) -> dict[str, str]:
    """Page → the title links to it show."""
    return {urls.HOME: "Home", urls.TIMELINE: "Timeline",
            **{urls.topic_page(t.slug): t.title for t in explainer.story.topics},
            **{urls.article_page(a.slug): a.title for a in explainer.articles}}
