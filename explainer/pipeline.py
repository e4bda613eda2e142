"""The whole build as a table of contents:
load → story → segment → classify → audit → render.

Everything is computed in memory; only `write.write_tree` touches the disk, and only after
every stage has succeeded.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from .dates import first_day
from .errors import InputError, ProblemsError
from .memo import per_content
from .model import Article, Explainer, Problem, RawArticle, Topic
from .read.data import load_data, load_drafts
from .read.load import load_article
from .read.schema import GlossaryFile
from .read.seedfiles import article_slug, display_path, scan_seeds
from .read.story import check_topic_references, make_story
from .render.pages import render_site
from .understand.audit import (
    captions_left_out,
    check_events,
    drafts_awaiting_review,
    empty_topics,
    notes_left_out,
    page_dates_set_aside,
    site_notices,
    tables_left_out,
    undated_years,
    unglossed_names,
    unplaced_articles,
    without_stale_drafts,
)
from .understand.classify import (
    SignalCounts,
    StoryWide,
    classify_article,
    signal_counts,
    story_wide_signals,
)
from .understand.segment import builtin_abbreviations, segment_article


def newest_first(article: Article) -> tuple[bool, tuple[int, ...], str]:
    # Dated articles newest first, then undated ones by file name: stable on every machine.
    published = article.meta.published
    return (published is None, _negated(first_day(published or "")), article.slug)


def _negated(date: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in date)


# The incremental workbench: under `mkdocs serve` (one process, many builds) an article is
# segmented and classified once per content and rules; a save re-does only the article that
# changed, and a change to topics.yml re-classifies (but doesn't re-segment) every article.
# Values are immutable, so sharing them between builds is safe. Keyed by the whole loaded
# article (text, meta, furniture) and the rules (abbreviations; topics with their signals and
# overrides); the code is the process's own, so the key needs no fingerprint of it.
ARTICLES_KEPT = 4096


@per_content(maxsize=ARTICLES_KEPT)
def segmented_article(article: RawArticle, abbreviations: tuple[str, ...]) -> Article:
    return segment_article(article, abbreviations)


@per_content(maxsize=ARTICLES_KEPT)
def classified_article(article: Article, topics: tuple[Topic, ...],
                       story_wide: StoryWide = ()) -> Article:
    return classify_article(article, topics, story_wide)


@per_content(maxsize=ARTICLES_KEPT)
def article_signal_counts(article: Article, topics: tuple[Topic, ...]) -> SignalCounts:
    return signal_counts(article, topics)


def build_explainer(seeds_dir: Path, strict: bool = False) -> Explainer:
    """Read and understand a seeds folder: the story and its classified articles."""
    listing = scan_seeds(seeds_dir)  # refuses what can't be read safely, names what is ignored
    data = load_data(seeds_dir, listing)
    story = make_story(data, load_drafts(listing))
    abbreviations = builtin_abbreviations() + story.abbreviations
    if not listing.articles:
        raise InputError(display_path(seeds_dir), "no articles: add a .txt, .md or .html file")
    segmented = tuple(
        segmented_article(load_article(p, listing.metas.get(article_slug(p))), abbreviations)
        for p in listing.articles)
    topics = check_topic_references(story.topics, segmented)
    story = replace(story, topics=topics)
    story_wide = story_wide_signals([article_signal_counts(a, topics) for a in segmented],
                                    sum(len(a.sentences) for a in segmented))
    articles = tuple(sorted((classified_article(a, topics, story_wide) for a in segmented),
                            key=newest_first))
    story, stale = without_stale_drafts(story, articles)
    check_events(story, articles)
    glossary = data["glossary.yml"]
    known = tuple(glossary.of(GlossaryFile).known) if glossary else ()
    glossary_gaps = unglossed_names(story, articles, known)
    unreviewed = drafts_awaiting_review(story) + stale
    warnings = as_given(seeds_dir, tuple(unreviewed) + listing.warnings
                        + tuple(undated_years(story, articles, known)) + tuple(glossary_gaps)
                        + tuple(empty_topics(story, articles)))
    if strict and warnings:  # as `mkdocs build --strict` would, before docs/ changes
        raise ProblemsError(warnings)
    notes = (unplaced_articles(articles) + page_dates_set_aside(articles)
             + site_notices(articles) + tables_left_out(articles)
             + captions_left_out(articles) + notes_left_out(articles))
    return Explainer(story, articles, warnings, as_given(seeds_dir, notes))


def as_given(seeds_dir: Path, problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """The problems, each naming its article by the path the editor gave (`--seeds
    tests/stories/x/seeds` → "tests/stories/x/seeds/a.txt:5"), not by the `<folder>/<file>`
    label the pages cite, which is the same on every machine."""
    label, given = f"{seeds_dir.name}/", f"{display_path(seeds_dir)}/"
    if label == given:
        return tuple(problems)
    return tuple(replace(p, where=given + p.where[len(label):] if p.where.startswith(label)
                         else p.where, message=p.message.replace(f" {label}", f" {given}"))
                 for p in problems)


def generate(seeds_dir: Path, templates_dir: Path, strict: bool = False,
             site_url: str | None = None) -> tuple[Explainer, dict[str, str]]:
    """The explainer and every file generated from it (path relative to docs/ → content).

    `site_url`, the address the site is published at, adds the Atom feed and makes the
    structured data's URLs absolute."""
    with cycle_collection_paused():
        explainer = build_explainer(seeds_dir, strict)
        return explainer, render_site(explainer, templates_dir, site_url)


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while generating: a long story makes millions of small
    objects that hold no cycles (reference counting frees them), and each full collection
    scans them all, which made a 3 MB article take twice as long as ten 0.3 MB ones."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
