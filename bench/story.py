"""A story that runs for years: the Turkey fixture story grown by weekly follow-up articles.

    .venv/bin/python bench/story.py DEST --articles 200     write a seeds folder of 200 articles
    .venv/bin/python bench/story.py DEST --topics 1000      ... of the Turkey story, 1,000 topics

Every follow-up is recombined from text already in the repository: the sentences of the
Turkey story's articles (tests/fixtures/turkey/ and its follow-ups in tests/fixtures/followups/),
so the story's own editorial data (topics, glossary, timeline) applies to them as it would to
real follow-ups. No article text is written here. Each follow-up has 6 to 12 paragraphs of one
to four sentences, taken as runs of consecutive sentences of one source paragraph (sometimes
two runs, as a reporter's paragraph mixes a fact and its background), a title made from the
opening words of its lead, and a `.meta.yml` with a weekly date and an outlet named in one of
the repository's own `.meta.yml` files. The same number of articles always gives the same
story (a fixed random seed), so benchmark runs compare.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer.understand.segment import builtin_abbreviations, split_sentences  # noqa: E402

TURKEY = ROOT / "tests" / "fixtures" / "turkey"
SOURCES = (TURKEY, ROOT / "tests" / "fixtures" / "followups")
FIRST_PUBLISHED = datetime.date(2019, 7, 12)  # the Turkey article's own date
PARAGRAPHS = (6, 12)  # per follow-up, as in the measurements
RUNS_PER_PARAGRAPH = (1, 2)
RUN_LENGTH = (1, 3)  # consecutive sentences taken from one source paragraph
TITLE_WORDS = 9


def source_paragraphs(folders=SOURCES) -> list[list[str]]:
    """Every body paragraph of the source articles, as its sentences."""
    abbreviations = builtin_abbreviations()
    paragraphs = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            _title, *body = path.read_text("utf-8").split("\n\n")
            for text in body:
                text = " ".join(text.split())
                if text:
                    paragraphs.append([text[a:b] for a, b in split_sentences(text, abbreviations)])
    return paragraphs


def outlets() -> list[str]:
    """The outlets the follow-ups name (bench/outlets.txt: data, not article text)."""
    lines = (Path(__file__).parent / "outlets.txt").read_text("utf-8").splitlines()
    return sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def follow_up(rng: random.Random, pool: list[list[str]]) -> list[str]:
    """The paragraphs of one follow-up article."""
    runs = [rng.randint(*RUNS_PER_PARAGRAPH) for _ in range(rng.randint(*PARAGRAPHS))]
    sources = iter(rng.sample(pool, min(len(pool), sum(runs))))  # none twice in one article
    paragraphs = []
    for count in runs:
        sentences = []
        for _ in range(count):
            source = next(sources, None) or rng.choice(pool)
            length = min(len(source), rng.randint(*RUN_LENGTH))
            start = rng.randrange(len(source) - length + 1)
            sentences += source[start:start + length]
        paragraphs.append(" ".join(sentences))
    return paragraphs


def title_of(paragraphs: list[str]) -> str:
    """The lead's opening words, as a headline, cut at a word."""
    words = paragraphs[0].split()
    title = re.sub(r"[.,;:!?]+$", "", " ".join(words[:TITLE_WORDS]))
    return title + ("…" if len(words) > TITLE_WORDS else "")


def grow_story(destination: Path, articles: int, seed: int = 16) -> Path:
    """A seeds folder: the Turkey story plus `articles - 1` weekly follow-ups."""
    shutil.copytree(TURKEY, destination)
    for article in TURKEY.glob("*.txt"):
        meta = destination / f"{article.stem}.meta.yml"
        if not meta.exists():
            meta.write_text(f'published: "{FIRST_PUBLISHED.isoformat()}"\n', "utf-8")
    rng = random.Random(seed)
    pool, names = source_paragraphs(), outlets()
    for week in range(1, articles):
        date = FIRST_PUBLISHED + datetime.timedelta(weeks=week)
        paragraphs = follow_up(rng, pool)
        slug = f"follow-up-{date.isoformat()}"
        (destination / f"{slug}.txt").write_text(
            "\n\n".join([title_of(paragraphs), *paragraphs]) + "\n", "utf-8")
        (destination / f"{slug}.meta.yml").write_text(
            f'published: "{date.isoformat()}"\noutlet: {json.dumps(rng.choice(names))}\n', "utf-8")
    return destination


def add_topics(seeds: Path, topics: int) -> Path:
    """The story in `seeds` with topics added until it has `topics` in all: each generated topic
    takes one word of the story's own articles as its signal, the rarest words first (as an
    editor's narrow topics would), every word once before any is used again."""
    import yaml

    data = yaml.safe_load((seeds / "topics.yml").read_text("utf-8"))
    # words of the articles' text (not their titles, which are on no topic), and none of the
    # editor's own signals (a word of one of those names that topic, not a topic of its own)
    taken = {word.casefold() for topic in data["topics"] for signal in topic["signals"]
             for word in re.findall(r"[^\W\d_]+", signal)}
    counts: dict[str, int] = {}
    for path in sorted(seeds.glob("*.txt")):
        body = path.read_text("utf-8").partition("\n")[2]
        for word in re.findall(r"(?<![\w’'-])[^\W\d_]{5,}(?![\w’'-])", body):  # not "far-reaching"
            if word.casefold() not in taken:
                counts[word.casefold()] = counts.get(word.casefold(), 0) + 1
    words = sorted(counts, key=lambda word: (counts[word], word))
    for number in range(1, topics - len(data["topics"]) + 1):
        word = words[(number - 1) % len(words)]
        data["topics"].append({
            "slug": f"topic-{number:04d}", "title": f"{word.capitalize()} (topic {number})",
            "question": f"What do the articles say about {word}?", "signals": [word]})
    (seeds / "topics.yml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                                      "utf-8")
    return seeds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/story.py", description=__doc__.splitlines()[0])
    parser.add_argument("destination", type=Path, help="the seeds folder to write (must not exist)")
    parser.add_argument("--articles", type=int, default=50, help="articles in all (default 50)")
    parser.add_argument("--seed", type=int, default=16, help="random seed (default 16)")
    parser.add_argument("--topics", type=int, default=0,
                        help="add topics until the story has this many (default: its own)")
    arguments = parser.parse_args(argv)
    grow_story(arguments.destination, arguments.articles, arguments.seed)
    if arguments.topics:
        add_topics(arguments.destination, arguments.topics)
    print(f"{arguments.destination}: {arguments.articles} articles"
          + (f", {arguments.topics} topics" if arguments.topics else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
