"""`build.py --suggest ARTICLE`: a head start for an editor beginning an explainer.

Lists the names and acronyms the glossary might need (with counts), the years and dates the
timeline might need, and the sentences that no topic rule catches yet.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .audit import YEAR, names_in
from .classify import classify_article
from .errors import InputError
from .load import load_article, load_data
from .segment import builtin_abbreviations, segment_article
from .story import make_story


def suggest(article_path: Path, seeds_dir: Path) -> str:
    """A plain-text report about one article, judged against the topics in `seeds_dir` if any."""
    if not article_path.is_file():
        raise InputError(str(article_path), "no such article file")
    try:
        story = make_story(load_data(seeds_dir), seeds_dir)
    except InputError:
        story = None  # a brand-new story has no data files yet: suggest from the text alone
    abbreviations = builtin_abbreviations() + (story.abbreviations if story else ())
    article = segment_article(load_article(article_path), abbreviations)
    if story:
        article = classify_article(article, story.topics)
    names = Counter(name for s in article.sentences for name in names_in(s))
    glossed = {sp.casefold() for t in (story.terms if story else ()) for sp in t.spellings}
    lines = [f"Suggestions for {article_path} ({len(article.sentences)} sentences)", "",
             "Glossary candidates (count, name; * = already in glossary.yml):"]
    for name, count in sorted(names.items(), key=lambda item: (-item[1], item[0])):
        mark = "*" if name.casefold() in glossed else " "
        lines.append(f"  {count:3d} {mark} {name}")
    lines += ["", "Dated mentions for timeline.yml:"]
    for sentence in article.sentences:
        for year in YEAR.findall(sentence.text):
            lines.append(f"  {year}  {sentence.source}  {sentence.text[:100]}")
    lines += ["", "Sentences no topic rule catches yet:" if story else
              "Sentences (no topics.yml found to classify them):"]
    for sentence in article.sentences:
        if not sentence.topics:
            lines.append(f"  {sentence.source}  {sentence.text[:100]}")
    return "\n".join(lines) + "\n"
