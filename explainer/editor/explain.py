"""`build.py --explain`: why each sentence is on the topics it is on, and why each topic's
"In short" box says what it says, for an editor to check.

For every sentence: its id, its first words, the topics it is about and mentions, and the
signals and context rules behind each. Then, per topic: how its question was read (its parts
and their kinds), each point of the box with why it won, and the runners-up. Then warnings
for topics that take more than half of an article and for sentences on no topic.
"""

from __future__ import annotations

from ..model import Article, Explainer, Sentence, Topic
from ..understand.answers import answer_points, passed_over, ranked_answers, read_question
from ..understand.standalone import (
    is_call_to_the_reader,
    is_sign_off,
    says_nothing_of_the_story,
    tells_a_silence,
)

FIRST_WORDS = 9
RUNNERS_UP = 3
OVERSIZED_SHARE = 0.5  # a topic about more than half of an article no longer picks anything out


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def reason_lines(sentence: Sentence, slugs: tuple[str, ...], label: str) -> list[str]:
    lines = []
    for slug in slugs:
        why = "; ".join(r.detail for r in sentence.reasons if r.topic == slug) or "—"
        lines.append(f"    {label:<9} {slug}: {why}")
        label = ""
    return lines


def why_no_topic(text: str) -> str:
    """Why a sentence is about no topic whatever it names, where a rule of standalone.yml says
    so: the editor who disagrees knows which list to change."""
    if is_sign_off(text):
        return ": a reporter's sign-off (standalone.yml, sign_offs)"
    if is_call_to_the_reader(text):
        return (": words to the page's own reader, a greeting or thanks (standalone.yml, "
                "calls_to_the_reader)")
    if tells_a_silence(text):
        return ": tells only that someone did not speak (standalone.yml, silence)"
    return ""


def sentence_lines(article: Article, sentence: Sentence) -> list[str]:
    lines = [f"{article.slug}#{sentence.anchor}  {first_words(sentence.text)}"]
    lines += (reason_lines(sentence, sentence.topics, "about")
              or [f"    about     (no topic{why_no_topic(sentence.text)})"])
    lines += reason_lines(sentence, sentence.mentions, "mentions")
    return lines


def answer_lines(explainer: Explainer, topic: Topic) -> list[str]:
    """How a topic's question was read, each point of its box and why, and the runners-up."""
    question = read_question(topic.question)
    kinds = "; ".join(f"{p.kind.name} ({p.text})" for p in question.parts)
    lines = [f"== {topic.slug}: {topic.question}", f"    asks      {kinds}"]
    if topic.key_points:
        return lines + ["    points    the editor's key_points (topics.yml)", ""]
    chosen = answer_points(explainer, topic)
    for number, point in enumerate(chosen, 1):
        lines.append(f"    point {number}   {point.id}  {first_words(point.text)}")
        lines.append(f"              score {point.score}: {'; '.join(point.reasons)}")
    shown = {c.id for c in chosen}
    ranked = ranked_answers(explainer, topic)
    top = ranked[0].score if ranked else 0.0
    for candidate in [c for c in ranked if c.id not in shown][:RUNNERS_UP]:
        lines.append(f"    runner-up {candidate.id}  {first_words(candidate.text)}")
        lines.append(f"              score {candidate.score}: {'; '.join(candidate.reasons)}; "
                     f"passed over: {passed_over(candidate, chosen, top, explainer)}")
    if not chosen:
        lines.append("    points    none: no sentence answers this question yet")
    return lines + [""]


def article_warnings(article: Article, explainer: Explainer) -> list[str]:
    total = len(article.sentences)
    warnings = []
    for topic in explainer.story.topics:
        count = sum(topic.slug in s.topics for s in article.sentences)
        if total and count > OVERSIZED_SHARE * total:
            warnings.append(f"warning: {article.slug}: '{topic.slug}' is about {count} of its "
                            f"{total} sentences, more than half: its signals may be too broad")
    for sentence in article.sentences:
        if not sentence.topics and not says_nothing_of_the_story(sentence.text):
            warnings.append(f"warning: {article.slug}#{sentence.anchor} ({sentence.source}) is "
                            "on no topic")
    return warnings


def explain(explainer: Explainer, only: str | None = None) -> str:
    """The report for every article, or for the one whose slug or file name is `only` (with
    the boxes of the topics it feeds)."""
    articles = [a for a in explainer.articles
                if only is None or only in (a.slug, a.source_file.rsplit("/", 1)[-1])]
    lines: list[str] = []
    for article in sorted(articles, key=lambda a: a.slug):
        lines.append(f"== {article.source_file}: {article.title}")
        for sentence in article.sentences:
            lines += sentence_lines(article, sentence)
        lines.append("")
    # each topic's box, or with one article, the boxes of the topics it feeds: an editor
    # asking about one article asks what it gives the pages too
    for topic in explainer.story.topics:
        if only is None or any(topic.slug in (*s.topics, *s.mentions)
                               for article in articles for s in article.sentences):
            lines += answer_lines(explainer, topic)
    for article in sorted(articles, key=lambda a: a.slug):
        lines += article_warnings(article, explainer)
    return "\n".join(lines) + "\n"
