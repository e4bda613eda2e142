"""Search in the story's words (issue 17), typed into Material's search box in Chromium:
designators in any form (F35, F 35, f-35), accents folded both ways while results show the text
as written, and a glossary alias leading to the pages about its term."""

from __future__ import annotations

import pytest
import yaml

from browser_tools import search
from project_tools import TURKEY

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def topics_in(results: list[str]) -> list[str]:
    return [path for path in results if "/topics/" in path]


@pytest.mark.parametrize("query, expected_topic", [
    ("F-35", "/topics/f-35-expulsion/"),
    ("F35", "/topics/f-35-expulsion/"),
    ("F 35", "/topics/f-35-expulsion/"),
    ("f-35", "/topics/f-35-expulsion/"),
    ("f35", "/topics/f-35-expulsion/"),
    ("S-400", "/topics/s-400-purchase/"),
    ("s400", "/topics/s-400-purchase/"),
    ("S400", "/topics/s-400-purchase/"),
    ("s 400", "/topics/s-400-purchase/"),
    ("s-400", "/topics/s-400-purchase/"),
])
def test_designator_in_any_form_finds_its_topic_first(page, site_url, query, expected_topic):
    page.goto(site_url)
    topics = topics_in(search(page, query))
    assert topics and topics[0] == expected_topic, (query, topics)


def test_a_number_alone_is_not_joined_to_a_word(page, site_url):
    """"F 35" is joined because the story has F-35; other words and numbers stay apart."""
    page.goto(site_url)
    assert search(page, "purchase 2017"), "two ordinary words still search as two words"


@pytest.mark.parametrize("query", ["Erdoğan", "Erdogan", "erdogan", "ERDOĞAN"])
def test_accents_are_folded_on_both_sides(page, site_url, query):
    page.goto(site_url)
    results = set(search(page, query))
    reference = set(search(page, "Erdogan"))
    assert results == reference, (query, results ^ reference)
    # The pages about him, whichever spelling they use: his glossary entry, the article and
    # a topic page that names him where the index reads it (test_reader.py checks which).
    assert {"/glossary/", "/articles/turkey-s400-f35/"} <= results
    assert [path for path in results if path.startswith("/topics/")], results


def test_results_show_the_text_as_written(page, site_url):
    page.goto(site_url)
    search(page, "Erdogan")
    texts = page.locator("li.md-search-result__item").all_inner_texts()
    assert any("Erdoğan" in text for text in texts), "the glossary's Erdoğan keeps its accent"


def aliases(term: str) -> list[str]:
    terms = yaml.safe_load((TURKEY / "glossary.yml").read_text("utf-8"))["terms"]
    [entry] = [t for t in terms if t["term"] == term]
    return entry["aliases"]


@pytest.mark.parametrize("query, term, topic", [
    ("Triumf", "S-400", "/topics/s-400-purchase/"),
    ("triumf", "S-400", "/topics/s-400-purchase/"),
    ("Joint Strike Fighter", "F-35", "/topics/f-35-expulsion/"),
    ("SA-21 Growler", "S-400", "/topics/s-400-purchase/"),
])
def test_an_alias_leads_to_the_pages_about_its_term(page, site_url, query, term, topic):
    # The alias comes from the glossary data, not from the code.
    assert any(query.casefold() in alias.casefold() for alias in aliases(term))
    page.goto(site_url)
    results = search(page, query)
    assert topic in results, (query, results)
    assert len(topics_in(results)) > 1, "not only the glossary: the topic pages about the term"
