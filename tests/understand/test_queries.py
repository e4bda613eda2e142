"""Queries on the model are pure and live beside it: the glossary's "Mentioned in" comes from
the model, not from state left behind by other pages, and rendering needs nothing of audit."""

from __future__ import annotations

import subprocess
import sys

from explainer import urls
from explainer.pipeline import build_explainer
from explainer.render.pages import make_environment, render_glossary, render_site
from explainer.render.views import page_titles
from explainer.understand import term_uses
from project_tools import ROOT, TEMPLATES, TESTS, TURKEY

GOLDEN_SEEDS = TESTS / "golden" / "seeds"


def test_the_glossary_renders_alone_as_it_does_among_the_other_pages():
    for seeds in (TURKEY, GOLDEN_SEEDS):
        explainer = build_explainer(seeds)
        alone = render_glossary(make_environment(TEMPLATES), explainer, page_titles(explainer))
        assert alone == render_site(explainer, TEMPLATES)[urls.GLOSSARY]


def test_term_pages_lists_the_pages_whose_text_uses_each_term_in_site_order():
    explainer = build_explainer(TURKEY)
    pages = term_uses.term_pages(explainer)
    assert pages == term_uses.term_pages(explainer)  # asking twice changes nothing
    order = [page for page, _ in term_uses.marked_texts(explainer)]
    for term in explainer.story.terms:
        using = pages.get(term.anchor, [])
        assert using == sorted(using, key=order.index)
        for page, texts in term_uses.marked_texts(explainer):
            named = any(s in text for text in texts for s in term.spellings)
            assert (page in using) <= named, (term.term, page)
    assert pages, "the Turkey story's article uses its glossary terms"


def test_rendering_imports_nothing_of_audit():
    code = "import sys, explainer.render.pages; print('explainer.understand.audit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_mention_naming_a_day_places_the_event_only_where_that_day_is_the_events():
    """"county officials said on Tuesday" is 19 May in the article of 20 May and 14 April in
    the article of 15 April: the event of 19 May is told only in the first."""
    from dataclasses import replace

    from explainer.model import ArticleMeta, Event, RawArticle, RawParagraph, SourceSpan
    from explainer.understand.queries import mentioning_sentences
    from explainer.understand.segment import builtin_abbreviations, segment_article

    def article(slug: str, published: str, text: str):
        raw = RawArticle(slug, slug, (RawParagraph(text, SourceSpan(f"{slug}.txt", 1, 0)),),
                         f"{slug}.txt")
        return replace(segment_article(raw, builtin_abbreviations()),
                       meta=ArticleMeta(published=published))

    april = article("april", "2026-04-15", "No one died, county officials said on Tuesday.")
    may = article("may", "2026-05-20", "The county will buy the homes, county officials said "
                                       "on Tuesday.")
    offer = Event("2026-05-19", "County offers to buy homes", "", (), (
        "county officials said on Tuesday",), None, "offer")
    assert [a.slug for a, _ in mentioning_sentences(offer, (april, may))] == ["may"]
    undated = replace(offer, mentions=("county officials said",))  # the phrase names no day
    assert [a.slug for a, _ in mentioning_sentences(undated, (april, may))] == ["april", "may"]
    # where the rules read every sentence's day otherwise, the editor's date is a correction:
    # the event keeps its sentences
    corrected = replace(offer, date="2026-05-18")
    assert [a.slug for a, _ in mentioning_sentences(corrected, (april, may))] == ["april", "may"]
