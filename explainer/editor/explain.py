"""`build.py --explain`: why each sentence is on the topics it is on, for an editor to check.

For every sentence: its id, its first words, the topics it is about and mentions, and the
signals and context rules behind each. Then warnings for topics that take more than half of an
article and for sentences on no topic.
"""

from __future__ import annotations

from ..model import Article, Explainer, Sentence

FIRST_WORDS = 9
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


def sentence_lines(article: Article, sentence: Sentence) -> list[str]:
    lines = [f"{article.slug}#{sentence.anchor}  {first_words(sentence.text)}"]
    lines += reason_lines(sentence, sentence.topics, "about") or ["    about     (no topic)"]
    lines += reason_lines(sentence, sentence.mentions, "mentions")
    return lines


def article_warnings(article: Article, explainer: Explainer) -> list[str]:
    total = len(article.sentences)
    warnings = []
    for topic in explainer.story.topics:
        count = sum(topic.slug in s.topics for s in article.sentences)
        if total and count > OVERSIZED_SHARE * total:
            warnings.append(f"warning: {article.slug}: '{topic.slug}' is about {count} of its "
                            f"{total} sentences, more than half: its signals may be too broad")
    for sentence in article.sentences:
        if not sentence.topics:
            warnings.append(f"warning: {article.slug}#{sentence.anchor} ({sentence.source}) is "
                            "on no topic")
    return warnings


def explain(explainer: Explainer, only: str | None = None) -> str:
    """The report for every article, or for the one whose slug or file name is `only`."""
    articles = [a for a in explainer.articles
                if only is None or only in (a.slug, a.source_file.rsplit("/", 1)[-1])]
    lines: list[str] = []
    for article in sorted(articles, key=lambda a: a.slug):
        lines.append(f"== {article.source_file}: {article.title}")
        for sentence in article.sentences:
            lines += sentence_lines(article, sentence)
        lines.append("")
    for article in sorted(articles, key=lambda a: a.slug):
        lines += article_warnings(article, explainer)
    return "\n".join(lines) + "\n"
